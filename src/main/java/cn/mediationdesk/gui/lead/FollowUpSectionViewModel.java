package cn.mediationdesk.gui.lead;

import cn.mediationdesk.logic.l10n.Localization;
import cn.mediationdesk.logic.lifecycle.FollowUpInput;
import cn.mediationdesk.logic.lifecycle.LeadFile;
import cn.mediationdesk.model.FollowUp;
import cn.mediationdesk.model.FollowUpWay;
import cn.mediationdesk.model.Party;
import cn.mediationdesk.model.Outcome;
import cn.mediationdesk.model.Performance;
import cn.mediationdesk.model.Problem;
import cn.mediationdesk.model.Problem.Field;
import cn.mediationdesk.model.Satisfaction;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableBooleanValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** 回访: visits after the agreement — was it carried out, are the parties satisfied, may it flare up again. */
public final class FollowUpSectionViewModel implements Draft {
    private final LeadEditorViewModel editor;
    private final Localization l10n;
    private final ObservableList<FollowUp> followUps = FXCollections.observableArrayList();
    private final StringProperty visitedOn = new SimpleStringProperty("");
    private final ObjectProperty<Performance> performance = new SimpleObjectProperty<>();
    private final ObjectProperty<Satisfaction> satisfaction = new SimpleObjectProperty<>();
    private final BooleanProperty escalationSigns = new SimpleBooleanProperty(false);
    private final StringProperty notes = new SimpleStringProperty("");
    private final StringProperty visitedParty = new SimpleStringProperty("");
    private final ObjectProperty<FollowUpWay> way = new SimpleObjectProperty<>();
    private final StringProperty reason = new SimpleStringProperty("");
    private final ObservableList<String> partyNames = FXCollections.observableArrayList();
    private final FieldErrors errors;
    private final Baseline baseline;
    private final BooleanBinding dirty;

    FollowUpSectionViewModel(LeadEditorViewModel editor) {
        this.editor = editor;
        this.l10n = editor.l10n();
        // A visit before the case was closed is a problem of the visit's day.
        errors = new FieldErrors(l10n, Field.DATE, Field.FOLLOW_UP, Field.VISITED_PARTY, Field.FOLLOW_UP_WAY)
                .routedBy(p -> p.field() == Field.CLOSED_ON ? Field.DATE.name() : p.field().name());
        baseline = new Baseline(() -> Arrays.asList(FormInput.dateOrNull(visitedOn.get()), performance.get(),
                satisfaction.get(), escalationSigns.get(), FormInput.orEmpty(notes.get()).strip(),
                FormInput.orEmpty(visitedParty.get()).strip(), way.get(), FormInput.orEmpty(reason.get()).strip()),
                visitedOn, performance, satisfaction, escalationSigns, notes, visitedParty, way, reason);
        BooleanBinding open = Bindings.createBooleanBinding(
                () -> editor.lead() != null && editor.lead().outcome() == Outcome.RESOLVED, editor.fileProperty());
        dirty = open.and(baseline.changed());
    }

    void loaded(LeadFile file) {
        followUps.setAll(file == null ? List.of() : file.followUps());
        partyNames.setAll(file == null ? List.of() : file.parties().stream().map(Party::name).distinct().toList());
        if (!baseline.changed().get()) {
            clear();
        }
    }

    private void clear() {
        visitedOn.set(FormInput.text(editor.today()));
        performance.set(null);
        satisfaction.set(null);
        escalationSigns.set(false);
        notes.set("");
        visitedParty.set("");
        way.set(null);
        reason.set("");
        errors.clear();
        baseline.mark();
    }

    /** Records the visit in the form (what the "add" button does). */
    public void add() {
        save(() -> { });
    }

    @Override
    public void save(Runnable onSaved) {
        List<Problem> problems = new ArrayList<>();
        LocalDate day = FormInput.date(visitedOn.get(), Field.DATE, problems);
        if (!problems.isEmpty()) {
            editor.rejectLocally(errors, problems);
            return;
        }
        FollowUpInput input = new FollowUpInput(day, FormInput.blankToNull(visitedParty.get()), way.get(),
                FormInput.blankToNull(reason.get()), performance.get(), satisfaction.get(), escalationSigns.get(),
                FormInput.blankToNull(notes.get()));
        editor.submit(errors, (lifecycle, lead) -> {
            lifecycle.recordFollowUp(lead.id(), input);
            return lead.id();
        }, () -> {
            clear();
            onSaved.run();
        });
    }

    public String performanceLabel(Performance value) {
        return value == null ? "" : switch (value) {
            case PERFORMED -> l10n.text("gui.lead.followUp.performed");
            case PARTLY -> l10n.text("gui.lead.followUp.partly");
            case NOT_PERFORMED -> l10n.text("gui.lead.followUp.notPerformed");
        };
    }

    public String satisfactionLabel(Satisfaction value) {
        return value == null ? "" : switch (value) {
            case SATISFIED -> l10n.text("gui.lead.followUp.satisfied");
            case NEUTRAL -> l10n.text("gui.lead.followUp.neutral");
            case DISSATISFIED -> l10n.text("gui.lead.followUp.dissatisfied");
        };
    }

    public String wayLabel(FollowUpWay value) {
        return value == null ? "" : switch (value) {
            case VISIT -> l10n.text("gui.lead.followUp.visit");
            case PHONE -> l10n.text("gui.lead.followUp.phone");
            case OFFICE -> l10n.text("gui.lead.followUp.office");
            case OTHER -> l10n.text("gui.lead.followUp.otherWay");
        };
    }

    public List<FollowUpWay> ways() {
        return List.of(FollowUpWay.values());
    }

    public List<Performance> performances() {
        return List.of(Performance.values());
    }

    public List<Satisfaction> satisfactions() {
        return List.of(Satisfaction.values());
    }

    @Override
    public ObservableBooleanValue dirtyProperty() {
        return dirty;
    }

    public ObservableList<FollowUp> followUps() {
        return followUps;
    }

    public StringProperty visitedOnProperty() {
        return visitedOn;
    }

    public ObjectProperty<Performance> performanceProperty() {
        return performance;
    }

    public ObjectProperty<Satisfaction> satisfactionProperty() {
        return satisfaction;
    }

    public BooleanProperty escalationSignsProperty() {
        return escalationSigns;
    }

    public StringProperty notesProperty() {
        return notes;
    }

    /** The name of the party visited: one of the lead's parties. */
    public StringProperty visitedPartyProperty() {
        return visitedParty;
    }

    /** The lead's parties by name, to choose the one visited. */
    public ObservableList<String> partyNames() {
        return partyNames;
    }

    public ObjectProperty<FollowUpWay> wayProperty() {
        return way;
    }

    /** 回访事由. */
    public StringProperty reasonProperty() {
        return reason;
    }

    public ReadOnlyStringProperty error(Field field) {
        return errors.message(field);
    }

    public ReadOnlyStringProperty generalError() {
        return errors.general();
    }
}
