package cn.mediationdesk.gui.lead;

import cn.mediationdesk.logic.lifecycle.LeadFile;
import cn.mediationdesk.logic.lifecycle.SessionInput;
import cn.mediationdesk.logic.lifecycle.SessionPlanInput;
import cn.mediationdesk.logic.lifecycle.SessionPlanService;
import cn.mediationdesk.model.SessionPlan;
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
import java.util.UUID;

/**
 * 调解记录: the dated mediation sessions of an accepted case, and the form for the next one; and
 * 安排调解: the sessions planned for coming days, planned, changed or called off here.
 */
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
    private final ObservableList<SessionPlan> plans = FXCollections.observableArrayList();
    private final StringProperty planOn = new SimpleStringProperty("");
    private final StringProperty planStartsAt = new SimpleStringProperty("");
    private final StringProperty planPlace = new SimpleStringProperty("");
    private final StringProperty planNote = new SimpleStringProperty("");
    /** The plan the form changes, or {@code null} when it plans a new session. */
    private final javafx.beans.property.ObjectProperty<SessionPlan> changing =
            new javafx.beans.property.SimpleObjectProperty<>();
    private final FieldErrors planErrors;
    private final Baseline baseline;
    private final BooleanBinding dirty;

    SessionsSectionViewModel(LeadEditorViewModel editor) {
        this.editor = editor;
        // A session after the case was closed is a problem of the session's day, not of the closing day.
        errors = new FieldErrors(editor.l10n(), Field.DATE, Field.SESSION, Field.SESSION_MATTER, Field.SESSION_RECORDER)
                .routedBy(p -> p.field() == Field.CLOSED_ON ? Field.DATE.name() : p.field().name());
        planErrors = new FieldErrors(editor.l10n(), Field.DATE, Field.STARTS_AT, Field.PLACE, Field.NOTE,
                Field.SESSION_PLAN);
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
        plans.setAll(file == null ? List.of() : file.sessionPlans());
        if (planOn.get().isEmpty() || (changing.get() != null
                && plans.stream().noneMatch(p -> p.id().equals(changing.get().id())))) {
            clearPlan();
        }
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

    // ---- 安排调解 ----

    private void clearPlan() {
        changing.set(null);
        planOn.set(FormInput.text(editor.today()));
        planStartsAt.set("");
        planPlace.set("");
        planNote.set("");
        planErrors.clear();
    }

    /** Plans the session in the plan form, or saves the changes to the plan being changed. */
    public void plan() {
        List<Problem> problems = new ArrayList<>();
        LocalDate day = FormInput.date(planOn.get(), Field.DATE, problems);
        if (!problems.isEmpty()) {
            editor.rejectLocally(planErrors, problems);
            return;
        }
        SessionPlanInput input = new SessionPlanInput(day, planStartsAt.get(), planPlace.get(), planNote.get());
        UUID planId = changing.get() == null ? null : changing.get().id();
        editor.submit(planErrors, (lifecycle, lead) -> {
            SessionPlanService service = plansOf(lifecycle);
            if (planId == null) {
                service.plan(lead.id(), input);
            } else {
                service.change(lead.id(), planId, input);
            }
            return lead.id();
        }, this::clearPlan);
    }

    /** Puts a planned session into the plan form, to change it. */
    public void change(SessionPlan plan) {
        if (plan == null) {
            return;
        }
        changing.set(plan);
        planOn.set(FormInput.text(plan.plannedOn()));
        planStartsAt.set(plan.startsAt() == null ? "" : plan.startsAt().toString());
        planPlace.set(FormInput.orEmpty(plan.place()));
        planNote.set(FormInput.orEmpty(plan.note()));
        planErrors.clear();
    }

    /** Leaves the plan form without changing the plan. */
    public void cancelChange() {
        clearPlan();
    }

    /** Calls a planned session off. */
    public void callOff(SessionPlan plan) {
        if (plan == null) {
            return;
        }
        editor.submit(planErrors, (lifecycle, lead) -> {
            plansOf(lifecycle).callOff(lead.id(), plan.id());
            return lead.id();
        }, () -> {
            if (changing.get() != null && changing.get().id().equals(plan.id())) {
                clearPlan();
            }
        });
    }

    private SessionPlanService plansOf(cn.mediationdesk.logic.lifecycle.LifecycleService lifecycle) {
        return new SessionPlanService(editor.store(), editor.context().clock(), lifecycle.actor());
    }

    /** How a planned session is listed: day, hour, place and note. */
    public String planLine(SessionPlan plan) {
        List<String> parts = new ArrayList<>();
        parts.add(plan.plannedOn().toString() + (plan.startsAt() == null ? "" : " " + plan.startsAt()));
        if (plan.place() != null) {
            parts.add(plan.place());
        }
        String line = String.join(editor.l10n().text("gui.lead.partSeparator"), parts);
        return plan.note() == null ? line : editor.l10n().text("gui.lead.entryWithNote", line, plan.note());
    }

    public ObservableList<SessionPlan> plans() {
        return plans;
    }

    public StringProperty planOnProperty() {
        return planOn;
    }

    public StringProperty planStartsAtProperty() {
        return planStartsAt;
    }

    public StringProperty planPlaceProperty() {
        return planPlace;
    }

    public StringProperty planNoteProperty() {
        return planNote;
    }

    /** Whether the plan form changes an existing plan (else it plans a new session). */
    public javafx.beans.binding.BooleanBinding changingPlanProperty() {
        return changing.isNotNull();
    }

    public ReadOnlyStringProperty planError(Field field) {
        return planErrors.message(field);
    }

    public ReadOnlyStringProperty planGeneralError() {
        return planErrors.general();
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
