package cn.mediationdesk.logic.ledger;

import cn.mediationdesk.logic.l10n.Localization;
import cn.mediationdesk.logic.security.Access;
import cn.mediationdesk.logic.store.Store;
import cn.mediationdesk.model.Committee;
import cn.mediationdesk.model.Community;
import cn.mediationdesk.model.DictionaryEntry;
import cn.mediationdesk.model.DictionaryKind;
import cn.mediationdesk.model.User;

import java.nio.file.Path;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Writes a ledger template whose drop-down lists are this database's dictionaries, communities and
 * committees. The lists hold no case data, so, like the aggregate figures, they are open to every
 * role and to a command run without {@code --user}.
 */
public final class LedgerTemplateService {
    private static final Map<LedgerColumn, DictionaryKind> LISTED = Map.of(
            LedgerColumn.SOURCE, DictionaryKind.LEAD_SOURCE,
            LedgerColumn.DISPUTE_TYPE, DictionaryKind.DISPUTE_TYPE,
            LedgerColumn.RISK, DictionaryKind.RISK_LEVEL,
            LedgerColumn.VERIFICATION, DictionaryKind.VERIFICATION_RESULT,
            LedgerColumn.OUTCOME, DictionaryKind.OUTCOME);

    private final Store store;

    public LedgerTemplateService(Store store) {
        this.store = Objects.requireNonNull(store);
    }

    /** @param actor who asks, or {@code null} for nobody signed in; a disabled account is refused */
    public TemplateChoices choices(User actor) {
        return store.read(tx -> {
            if (actor != null) {
                Access.current(tx, actor);
            }
            Map<LedgerColumn, List<String>> values = new EnumMap<>(LedgerColumn.class);
            LISTED.forEach((column, kind) -> values.put(column, tx.dictionaries().entries(kind).stream()
                    .filter(DictionaryEntry::active)
                    .sorted(Comparator.comparingInt(DictionaryEntry::sortOrder))
                    .map(DictionaryEntry::nameZh).toList()));
            values.put(LedgerColumn.AGREEMENT_FORM, List.of("书面", "口头"));
            values.put(LedgerColumn.COMMUNITY, tx.organization().communities().stream().filter(Community::active)
                    .map(Community::name).toList());
            values.put(LedgerColumn.COMMITTEE, tx.organization().committees().stream().filter(Committee::active)
                    .map(Committee::name).toList());
            return new TemplateChoices(values);
        });
    }

    /** Writes the template, CSV or XLSX by the file's extension, the lists from this database. */
    public void write(User actor, Path file, Localization l10n) {
        TemplateChoices choices = choices(actor);
        new LedgerTemplate(l10n).write(file, choices);
    }
}
