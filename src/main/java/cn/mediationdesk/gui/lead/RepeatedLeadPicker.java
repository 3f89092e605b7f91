package cn.mediationdesk.gui.lead;

import cn.mediationdesk.logic.l10n.Localization;
import cn.mediationdesk.logic.search.LeadFilter;
import cn.mediationdesk.logic.search.LeadListRow;
import cn.mediationdesk.logic.search.LeadSearchService;
import cn.mediationdesk.logic.search.LeadSort;
import cn.mediationdesk.model.Lead;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.List;
import java.util.UUID;

/**
 * Finds the lead that a duplicate repeats (重复线索), by its case number, lead number, words of its
 * summary or a party's name, and holds the one chosen.
 */
public final class RepeatedLeadPicker {
    /** Enough to choose from; a search that finds more should be narrowed. */
    private static final int MAX_CANDIDATES = 20;

    private final LeadEditorViewModel editor;
    private final Localization l10n;
    private final LeadSearchService search;
    private final StringProperty query = new SimpleStringProperty("");
    private final ObservableList<LeadListRow> candidates = FXCollections.observableArrayList();
    private final ObjectProperty<LeadListRow> chosen = new SimpleObjectProperty<>();
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    /** The lead already named (e.g. when correcting a duplicate), shown until another is chosen. */
    private UUID kept;

    RepeatedLeadPicker(LeadEditorViewModel editor, LeadSearchService search) {
        this.editor = editor;
        this.l10n = editor.l10n();
        this.search = search;
    }

    /** Searches in the background; a single match is chosen at once. */
    public void find() {
        String text = FormInput.blankToNull(query.get());
        if (text == null) {
            message.set(l10n.text("gui.lead.repeated.queryMissing"));
            return;
        }
        Lead self = editor.lead();
        LeadFilter filter = new LeadFilter(null, null, editor.today(), null, null, null, null, null, null, null,
                null, null, text);
        message.set(l10n.text("gui.lead.repeated.searching"));
        editor.read(() -> search.search(filter, LeadSort.DEFAULT, 0, MAX_CANDIDATES + 1).rows(), rows -> {
            List<LeadListRow> found = rows.stream().filter(r -> self == null || !r.id().equals(self.id()))
                    .limit(MAX_CANDIDATES).toList();
            candidates.setAll(found);
            chosen.set(found.size() == 1 ? found.getFirst() : null);
            message.set(found.isEmpty() ? l10n.text("gui.lead.repeated.none", text)
                    : rows.size() > MAX_CANDIDATES ? l10n.text("gui.lead.repeated.many", MAX_CANDIDATES)
                    : found.size() == 1 ? "" : l10n.text("gui.lead.repeated.choose", found.size()));
        });
    }

    /** The lead chosen, else the one kept from before; {@code null} when none. */
    UUID chosenId() {
        return chosen.get() != null ? chosen.get().id() : kept;
    }

    void keep(UUID leadId) {
        kept = leadId;
    }

    void clear() {
        query.set("");
        candidates.clear();
        chosen.set(null);
        message.set("");
        kept = null;
    }

    /** A candidate as one line: its number, when it was found, where, and what it is about. */
    public String describe(LeadListRow row) {
        if (row == null) {
            return "";
        }
        String number = row.caseNumber() != null ? row.caseNumber()
                : row.leadNo() != null ? l10n.text("gui.lead.title.leadNo", row.leadNo()) : "";
        return l10n.text("gui.lead.repeated.row", number, row.foundOn(), row.committeeName(), row.summary()).strip();
    }

    public StringProperty queryProperty() {
        return query;
    }

    public ObservableList<LeadListRow> candidates() {
        return candidates;
    }

    public ObjectProperty<LeadListRow> chosenProperty() {
        return chosen;
    }

    /** How the last search went: nothing found, too many, or choose one. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }
}
