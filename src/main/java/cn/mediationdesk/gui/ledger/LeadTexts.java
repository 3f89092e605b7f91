package cn.mediationdesk.gui.ledger;

import cn.mediationdesk.logic.l10n.Localization;
import cn.mediationdesk.model.LeadState;

/** How screens that list leads name a lead's state. */
public final class LeadTexts {
    private LeadTexts() {
    }

    public static String state(Localization l10n, LeadState state) {
        return switch (state) {
            case PENDING -> l10n.text("gui.ledger.state.PENDING");
            case UNFOUNDED -> l10n.text("gui.ledger.state.UNFOUNDED");
            case DUPLICATE -> l10n.text("gui.ledger.state.DUPLICATE");
            case TRANSFERRED -> l10n.text("gui.ledger.state.TRANSFERRED");
            case DECLINED -> l10n.text("gui.ledger.state.DECLINED");
            case MEDIATING -> l10n.text("gui.ledger.state.MEDIATING");
            case RESOLVED -> l10n.text("gui.ledger.state.RESOLVED");
            case FAILED -> l10n.text("gui.ledger.state.FAILED");
            case TERMINATED -> l10n.text("gui.ledger.state.TERMINATED");
        };
    }
}
