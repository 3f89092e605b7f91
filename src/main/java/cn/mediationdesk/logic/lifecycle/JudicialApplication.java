package cn.mediationdesk.logic.lifecycle;

import cn.mediationdesk.model.JudicialConfirmation;
import cn.mediationdesk.model.Problem;

import java.util.List;

/**
 * An application for judicial confirmation as saved, with the {@link JudicialRules#warnings} that
 * applied to it (saved all the same: the court decides).
 */
public record JudicialApplication(JudicialConfirmation confirmation, List<Problem> warnings) {
    public JudicialApplication {
        warnings = List.copyOf(warnings);
    }
}
