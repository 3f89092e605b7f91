package cn.mediationdesk.gui.lead;

import cn.mediationdesk.gui.ledger.LeadTexts;
import cn.mediationdesk.logic.ValidationException;
import cn.mediationdesk.logic.l10n.Localization;
import cn.mediationdesk.logic.lifecycle.LeadFile;
import cn.mediationdesk.logic.repeat.MatchKind;
import cn.mediationdesk.logic.repeat.RelatedLead;
import cn.mediationdesk.logic.repeat.ReopenInput;
import cn.mediationdesk.logic.repeat.RepeatService;
import cn.mediationdesk.model.DictionaryEntry;
import cn.mediationdesk.model.Lead;
import cn.mediationdesk.model.Problem;
import cn.mediationdesk.model.Problem.Field;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * 此前纠纷: the earlier leads this lead's parties appear in (by ID number, phone, or name at the same
 * address), each with how it ended; marking this lead as the recurrence (矛盾反复) of one, and reopening
 * a closed case as a new lead when a follow-up visit finds the dispute alive again.
 */
public final class RepeatSectionViewModel {
    private final LeadEditorViewModel editor;
    private final Localization l10n;
    private final ObservableList<RelatedLead> earlier = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper recurrence = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper marked = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper searching = new ReadOnlyBooleanWrapper(false);
    private final StringProperty reopenOn = new SimpleStringProperty("");
    private final ObjectProperty<DictionaryEntry> reopenSource = new SimpleObjectProperty<>();
    private final StringProperty reopenNote = new SimpleStringProperty("");
    private final BooleanBinding closed;

    RepeatSectionViewModel(LeadEditorViewModel editor) {
        this.editor = editor;
        this.l10n = editor.l10n();
        closed = Bindings.createBooleanBinding(() -> editor.lead() != null && editor.lead().outcome() != null,
                editor.fileProperty());
        editor.fileProperty().addListener((obs, old, now) -> loaded(now));
    }

    private RepeatService service() {
        return new RepeatService(editor.store(), editor.context().clock(), editor.actor());
    }

    private record Found(List<RelatedLead> earlier, Optional<RelatedLead> recurredAfter) {
    }

    /** Looks for the earlier leads of the lead shown, in the background. */
    void loaded(LeadFile file) {
        if (file == null) {
            earlier.clear();
            recurrence.set("");
            marked.set(false);
            return;
        }
        UUID id = file.lead().id();
        reopenSource.set(sourceOf(file.lead()));
        reopenOn.set(FormInput.text(editor.today()));
        searching.set(true);
        editor.read(() -> new Found(service().earlierLeads(id), service().recurredAfter(id)), found -> {
            searching.set(false);
            earlier.setAll(found.earlier());
            marked.set(file.recurrence().isPresent());
            recurrence.set(recurrenceText(file, found.recurredAfter()));
        });
    }

    private String recurrenceText(LeadFile file, Optional<RelatedLead> after) {
        if (file.recurrence().isEmpty()) {
            return "";
        }
        String name = after.map(this::name).orElse(l10n.text("gui.repeat.unreadableLead"));
        return file.recurrence().get().reopened() ? l10n.text("gui.repeat.reopenedFrom", name)
                : l10n.text("gui.repeat.recurrenceOf", name);
    }

    private DictionaryEntry sourceOf(Lead lead) {
        return editor.choices() == null ? null : editor.choices().sources().stream()
                .filter(s -> s.code().equals(lead.sourceCode())).findFirst().orElse(null);
    }

    /** How a lead is named in a line: its number, else the day it was found. */
    public String name(RelatedLead lead) {
        return lead.number().isEmpty() ? l10n.text("gui.repeat.leadFound", lead.foundOn()) : lead.number();
    }

    /** One earlier lead as a line: found, name, committee, state, how it matched. */
    public String line(RelatedLead lead) {
        String how = lead.matchedBy().stream().sorted().map(this::how).collect(Collectors.joining(l10n.text("gui.lead.partSeparator")));
        return l10n.text("gui.repeat.line", lead.foundOn(), name(lead), lead.committeeName(),
                LeadTexts.state(l10n, lead.state()), how, String.join("、", lead.matchedParties()));
    }

    public String how(MatchKind kind) {
        return switch (kind) {
            case ID_NUMBER -> l10n.text("gui.repeat.match.ID_NUMBER");
            case PHONE -> l10n.text("gui.repeat.match.PHONE");
            case NAME_ADDRESS -> l10n.text("gui.repeat.match.NAME_ADDRESS");
        };
    }

    /** Opens the earlier lead in an editor window of its own. */
    public void open(RelatedLead lead) {
        editor.openLead(lead.leadId());
    }

    /** Marks the lead shown as the recurrence of {@code lead}. */
    public void mark(RelatedLead lead) {
        UUID id = editor.lead().id();
        act(() -> service().markRecurrence(id, lead.leadId(), null), "gui.repeat.status.marked");
    }

    /** Takes the recurrence mark off the lead shown. */
    public void unmark() {
        UUID id = editor.lead().id();
        act(() -> {
            service().unmarkRecurrence(id);
            return null;
        }, "gui.repeat.status.unmarked");
    }

    /**
     * Reopens the closed case shown as a new lead (found on the day in the form, from the source chosen),
     * which then opens in a window of its own.
     */
    public void reopen() {
        List<Problem> problems = new ArrayList<>();
        LocalDate on = FormInput.date(reopenOn.get(), Field.FOUND_ON, problems);
        if (!problems.isEmpty()) {
            message.set(l10n.message(problems.getFirst()));
            return;
        }
        UUID id = editor.lead().id();
        String source = reopenSource.get() == null ? null : reopenSource.get().code();
        String note = FormInput.blankToNull(reopenNote.get());
        editor.read(() -> attempt(() -> service().reopen(id, new ReopenInput(on, source, null, note))), result -> {
            if (result.problem() != null) {
                message.set(result.problem());
                return;
            }
            Lead made = (Lead) result.value();
            reopenNote.set("");
            message.set(l10n.text("gui.repeat.status.reopened", made.foundOn()));
            editor.context().events().leadSaved(made.id());
            editor.openLead(made.id());
        });
    }

    /** What a background change gave: its value, or the message of the rule it broke. */
    private record Attempt(Object value, String problem) {
    }

    private interface Change {
        Object run();
    }

    private Attempt attempt(Change change) {
        try {
            return new Attempt(change.run(), null);
        } catch (ValidationException invalid) {
            return new Attempt(null, l10n.message(invalid.problems().getFirst()));
        }
    }

    private void act(Change change, String doneKey) {
        UUID id = editor.lead().id();
        editor.read(() -> attempt(change), result -> {
            if (result.problem() != null) {
                message.set(result.problem());
                return;
            }
            message.set(l10n.text(doneKey));
            editor.context().events().leadSaved(id);
            editor.reload();
        });
    }

    public ObservableList<RelatedLead> earlier() {
        return earlier;
    }

    /** "本线索为 … 的矛盾反复"; empty when the lead is not marked. */
    public ReadOnlyStringProperty recurrenceProperty() {
        return recurrence.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty markedProperty() {
        return marked.getReadOnlyProperty();
    }

    /** What the last action did, or why it was refused. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty searchingProperty() {
        return searching.getReadOnlyProperty();
    }

    /** Whether the lead shown is a closed case, which can be reopened as a recurrence. */
    public BooleanBinding closedProperty() {
        return closed;
    }

    public StringProperty reopenOnProperty() {
        return reopenOn;
    }

    public ObjectProperty<DictionaryEntry> reopenSourceProperty() {
        return reopenSource;
    }

    public StringProperty reopenNoteProperty() {
        return reopenNote;
    }

    public List<DictionaryEntry> sources() {
        return editor.choices() == null ? List.of() : editor.choices().sources();
    }

    public String label(DictionaryEntry source) {
        return source == null ? "" : source.name(l10n.isChinese());
    }
}
