package cn.mediationdesk.gui.lead;

import cn.mediationdesk.logic.lifecycle.LeadFile;
import cn.mediationdesk.logic.lifecycle.SessionInput;
import cn.mediationdesk.model.MediationSession;
import cn.mediationdesk.model.Problem;
import cn.mediationdesk.model.Problem.Field;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableBooleanValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** 调解记录: the dated mediation sessions of an accepted case, and the form for the next one. */
public final class SessionsSectionViewModel implements Draft {
    private final LeadEditorViewModel editor;
    private final ObservableList<MediationSession> sessions = FXCollections.observableArrayList();
    private final StringProperty heldOn = new SimpleStringProperty("");
    private final StringProperty place = new SimpleStringProperty("");
    private final StringProperty participants = new SimpleStringProperty("");
    private final StringProperty notes = new SimpleStringProperty("");
    private final StringProperty matter = new SimpleStringProperty("");
    private final StringProperty recorder = new SimpleStringProperty("");
    private final BooleanProperty noticeGiven = new SimpleBooleanProperty(false);
    private final BooleanProperty confirmedByParties = new SimpleBooleanProperty(false);
    private final FieldErrors errors;
    private final Baseline baseline;
    private final BooleanBinding dirty;

    SessionsSectionViewModel(LeadEditorViewModel editor) {
        this.editor = editor;
        // A session after the case was closed is a problem of the session's day, not of the closing day.
        errors = new FieldErrors(editor.l10n(), Field.DATE, Field.SESSION, Field.SESSION_MATTER, Field.SESSION_RECORDER)
                .routedBy(p -> p.field() == Field.CLOSED_ON ? Field.DATE.name() : p.field().name());
        baseline = new Baseline(() -> Arrays.asList(FormInput.dateOrNull(heldOn.get()), FormInput.orEmpty(place.get()).strip(),
                FormInput.orEmpty(participants.get()).strip(), FormInput.orEmpty(notes.get()).strip(),
                FormInput.orEmpty(matter.get()).strip(), FormInput.orEmpty(recorder.get()).strip(), noticeGiven.get(),
                confirmedByParties.get()), heldOn, place, participants, notes, matter, recorder, noticeGiven,
                confirmedByParties);
        BooleanBinding open = Bindings.createBooleanBinding(() -> editor.lead() != null && editor.lead().isAccepted(),
                editor.fileProperty());
        dirty = open.and(baseline.changed());
    }

    void loaded(LeadFile file) {
        sessions.setAll(file == null ? List.of() : file.sessions());
        if (!baseline.changed().get()) {
            clear();
        }
    }

    private void clear() {
        heldOn.set(FormInput.text(editor.today()));
        place.set("");
        participants.set("");
        notes.set("");
        matter.set("");
        recorder.set("");
        noticeGiven.set(false);
        confirmedByParties.set(false);
        errors.clear();
        baseline.mark();
    }

    /** Records the session in the form (what the "add" button does). */
    public void add() {
        save(() -> { });
    }

    @Override
    public void save(Runnable onSaved) {
        List<Problem> problems = new ArrayList<>();
        LocalDate day = FormInput.date(heldOn.get(), Field.DATE, problems);
        if (!problems.isEmpty()) {
            editor.rejectLocally(errors, problems);
            return;
        }
        SessionInput input = new SessionInput(day, FormInput.blankToNull(place.get()),
                FormInput.blankToNull(participants.get()), FormInput.blankToNull(notes.get()),
                FormInput.blankToNull(matter.get()), FormInput.blankToNull(recorder.get()), noticeGiven.get(),
                confirmedByParties.get());
        editor.submit(errors, (lifecycle, lead) -> {
            lifecycle.recordSession(lead.id(), input);
            return lead.id();
        }, () -> {
            clear();
            onSaved.run();
        });
    }

    @Override
    public ObservableBooleanValue dirtyProperty() {
        return dirty;
    }

    public ObservableList<MediationSession> sessions() {
        return sessions;
    }

    public StringProperty heldOnProperty() {
        return heldOn;
    }

    public StringProperty placeProperty() {
        return place;
    }

    public StringProperty participantsProperty() {
        return participants;
    }

    public StringProperty notesProperty() {
        return notes;
    }

    /** 事由: what the session is about. */
    public StringProperty matterProperty() {
        return matter;
    }

    /** 记录人: who keeps the record. */
    public StringProperty recorderProperty() {
        return recorder;
    }

    /** The parties were told their rights and duties before the session began. */
    public BooleanProperty noticeGivenProperty() {
        return noticeGiven;
    }

    /** The parties read the record and confirmed it. */
    public BooleanProperty confirmedByPartiesProperty() {
        return confirmedByParties;
    }

    public ReadOnlyStringProperty error(Field field) {
        return errors.message(field);
    }

    public ReadOnlyStringProperty generalError() {
        return errors.general();
    }
}
