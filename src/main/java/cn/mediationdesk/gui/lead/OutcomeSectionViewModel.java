package cn.mediationdesk.gui.lead;

import cn.mediationdesk.logic.l10n.Localization;
import cn.mediationdesk.logic.lifecycle.AgreementInput;
import cn.mediationdesk.logic.lifecycle.LeadFile;
import cn.mediationdesk.logic.lifecycle.RoutesNoticeInput;
import cn.mediationdesk.model.Agreement;
import cn.mediationdesk.model.AgreementForm;
import cn.mediationdesk.model.CaseRecord;
import cn.mediationdesk.model.Lead;
import cn.mediationdesk.model.OtherRoute;
import cn.mediationdesk.model.Outcome;
import cn.mediationdesk.model.PreventionKind;
import cn.mediationdesk.model.Problem;
import cn.mediationdesk.model.Problem.Field;
import javafx.beans.Observable;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableBooleanValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableSet;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * 结果与协议: how mediation ended and on which day; a resolved case records its agreement with its
 * terms (the facts, the matters in dispute, each party's responsibility, what was agreed and how,
 * where and by when it is performed), a failed one the notice to the parties of their other routes
 * (人民调解法 Art. 26), and any case the 防止 outcomes its mediation achieved. The notice and the
 * 防止 outcomes can also be recorded after closing.
 */
public final class OutcomeSectionViewModel implements Draft {
    /** The performance deadline: a date of the agreement, beside its amount. */
    private static final String DEADLINE = "DEADLINE";

    private final LeadEditorViewModel editor;
    private final Localization l10n;
    private final ObjectProperty<Outcome> outcome = new SimpleObjectProperty<>();
    private final StringProperty closedOn = new SimpleStringProperty("");
    private final AgreementDraft agreement = new AgreementDraft();
    private final StringProperty routesNoticeOn = new SimpleStringProperty("");
    private final ObservableSet<OtherRoute> routes = FXCollections.observableSet(EnumSet.noneOf(OtherRoute.class));
    private final ObservableSet<PreventionKind> preventions =
            FXCollections.observableSet(EnumSet.noneOf(PreventionKind.class));
    private final FieldErrors errors;
    private final FieldErrors afterErrors;
    private final Baseline baseline;
    private final Baseline afterBaseline;
    private final BooleanBinding dirty;
    private final ReadOnlyStringWrapper recorded = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper agreementText = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper routesText = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper preventionsText = new ReadOnlyStringWrapper("");

    OutcomeSectionViewModel(LeadEditorViewModel editor) {
        this.editor = editor;
        this.l10n = editor.l10n();
        errors = new FieldErrors(l10n, Field.OUTCOME, Field.CLOSED_ON, Field.AGREEMENT_FORM, Field.AGREEMENT,
                Field.AGREEMENT_FACTS, Field.AGREEMENT_ISSUES, Field.AGREEMENT_RESPONSIBILITY, Field.AGREEMENT_TERMS,
                Field.AGREEMENT_PERFORMANCE, Field.ROUTES_NOTICE_ON, Field.ROUTES_NOTIFIED, Field.PREVENTIONS)
                .slot(DEADLINE)
                .routedBy(p -> p.field() == Field.AGREEMENT && p.key().equals(FormInput.INVALID_DATE) ? DEADLINE
                        : p.field().name());
        afterErrors = new FieldErrors(l10n, Field.ROUTES_NOTICE_ON, Field.ROUTES_NOTIFIED, Field.PREVENTIONS);
        Observable[] closing = Stream.concat(Stream.of(outcome, closedOn, routesNoticeOn, routes, preventions),
                Arrays.stream(agreement.observables())).toArray(Observable[]::new);
        baseline = new Baseline(() -> {
            List<Object> values = new ArrayList<>(Arrays.asList(outcome.get(), FormInput.dateOrNull(closedOn.get()),
                    FormInput.orEmpty(routesNoticeOn.get()).strip(), Set.copyOf(routes), Set.copyOf(preventions)));
            values.addAll(agreement.values());
            return values;
        }, closing);
        afterBaseline = new Baseline(() -> Arrays.asList(FormInput.orEmpty(routesNoticeOn.get()).strip(),
                Set.copyOf(routes), Set.copyOf(preventions)), routesNoticeOn, routes, preventions);
        BooleanBinding open = Bindings.createBooleanBinding(() -> editor.lead() != null && editor.lead().isAccepted()
                && editor.lead().outcome() == null, editor.fileProperty());
        BooleanBinding closed = Bindings.createBooleanBinding(() -> editor.lead() != null
                && editor.lead().outcome() != null, editor.fileProperty());
        dirty = open.and(baseline.changed()).or(closed.and(afterBaseline.changed()));
    }

    void loaded(LeadFile file) {
        Lead lead = file == null ? null : file.lead();
        if (lead == null || lead.outcome() == null) {
            if (!baseline.changed().get()) {
                clear();
            }
            recorded.set("");
            agreementText.set("");
            routesText.set("");
            preventionsText.set("");
            return;
        }
        CaseRecord record = file.caseRecord();
        if (!afterBaseline.changed().get()) {
            fillAfterClosing(file);
        }
        recorded.set(l10n.text("gui.lead.outcome.recorded", outcomeLabel(lead.outcome()), lead.closedOn()));
        agreementText.set(file.agreement().map(this::describe).orElse(""));
        routesText.set(record.routesNoticeOn() == null ? ""
                : l10n.text("gui.lead.routes.recorded", record.routesNoticeOn(), labels(record.routesNotified(),
                        this::routeLabel)));
        preventionsText.set(file.preventions().isEmpty() ? ""
                : l10n.text("gui.lead.preventions.recorded", labels(file.preventions(), this::preventionLabel)));
    }

    /** The notice of other routes and the 防止 outcomes as recorded, to change after closing. */
    private void fillAfterClosing(LeadFile file) {
        CaseRecord record = file.caseRecord();
        routesNoticeOn.set(FormInput.text(record.routesNoticeOn() != null ? record.routesNoticeOn()
                : file.lead().closedOn()));
        routes.clear();
        routes.addAll(record.routesNotified());
        preventions.clear();
        preventions.addAll(file.preventions());
        afterErrors.clear();
        afterBaseline.mark();
    }

    private <T> String labels(Set<T> values, java.util.function.Function<T, String> label) {
        return String.join(l10n.text("gui.lead.listSeparator"), values.stream().map(label).toList());
    }

    private String describe(Agreement value) {
        List<String> parts = new ArrayList<>();
        parts.add(formLabel(value.form()));
        if (value.amount() != null) {
            parts.add(l10n.text("gui.lead.agreement.amountText", FormInput.text(value.amount())));
        }
        if (value.performanceDeadline() != null) {
            parts.add(l10n.text("gui.lead.agreement.deadlineText", value.performanceDeadline()));
        }
        String head = String.join(l10n.text("gui.lead.listSeparator"), parts);
        String text = value.terms() == null || value.terms().isBlank() ? head
                : l10n.text("gui.lead.agreement.withTerms", head, value.terms());
        List<String> lines = new ArrayList<>(List.of(text));
        addLine(lines, "gui.lead.agreement.factsLine", value.facts());
        addLine(lines, "gui.lead.agreement.issuesLine", value.issues());
        addLine(lines, "gui.lead.agreement.responsibilityLine", value.responsibility());
        addLine(lines, "gui.lead.agreement.performanceWayLine", value.performanceWay());
        addLine(lines, "gui.lead.agreement.performancePlaceLine", value.performancePlace());
        return String.join("\n", lines);
    }

    private void addLine(List<String> lines, String key, String text) {
        if (text != null && !text.isBlank()) {
            lines.add(l10n.text(key, text));
        }
    }

    private void clear() {
        outcome.set(null);
        closedOn.set(FormInput.text(editor.today()));
        agreement.clear();
        routesNoticeOn.set("");
        routes.clear();
        preventions.clear();
        errors.clear();
        baseline.mark();
    }

    /** Closes the case as in the form (what the "close" button does). */
    public void close() {
        closeCase(() -> { });
    }

    private void closeCase(Runnable onSaved) {
        List<Problem> problems = new ArrayList<>();
        LocalDate day = FormInput.date(closedOn.get(), Field.CLOSED_ON, problems);
        Outcome chosen = outcome.get();
        AgreementInput written = chosen == Outcome.RESOLVED ? agreement.input(problems) : null;
        RoutesNoticeInput notice = null;
        if (chosen == Outcome.FAILED && (!routes.isEmpty() || !FormInput.orEmpty(routesNoticeOn.get()).isBlank())) {
            notice = new RoutesNoticeInput(FormInput.date(routesNoticeOn.get(), Field.ROUTES_NOTICE_ON, problems),
                    Set.copyOf(routes));
        }
        if (!problems.isEmpty()) {
            editor.rejectLocally(errors, problems);
            return;
        }
        RoutesNoticeInput told = notice;
        Set<PreventionKind> prevented = Set.copyOf(preventions);
        editor.submit(errors, (lifecycle, lead) -> lifecycle.close(lead.id(), lead.version(), chosen, day, written,
                told, prevented).id(), () -> {
                    clear();
                    // the closing form's fields now show what was recorded, to change after closing
                    fillAfterClosing(editor.file());
                    onSaved.run();
                });
    }

    /** Records the notice of other routes of a failed case (what its "save" button does). */
    public void recordRoutesNotice() {
        List<Problem> problems = new ArrayList<>();
        LocalDate day = FormInput.date(routesNoticeOn.get(), Field.ROUTES_NOTICE_ON, problems);
        if (!problems.isEmpty()) {
            editor.rejectLocally(afterErrors, problems);
            return;
        }
        RoutesNoticeInput notice = new RoutesNoticeInput(day, Set.copyOf(routes));
        editor.submit(afterErrors, (lifecycle, lead) -> {
            lifecycle.recordRoutesNotice(lead.id(), notice);
            return lead.id();
        }, afterBaseline::mark);
    }

    /** Records the 防止 outcomes of a closed case (what their "save" button does). */
    public void recordPreventions() {
        Set<PreventionKind> prevented = Set.copyOf(preventions);
        editor.submit(afterErrors, (lifecycle, lead) -> {
            lifecycle.recordPreventions(lead.id(), prevented);
            return lead.id();
        }, afterBaseline::mark);
    }

    @Override
    public void save(Runnable onSaved) {
        Lead lead = editor.lead();
        if (lead == null || lead.outcome() == null) {
            closeCase(onSaved);
            return;
        }
        // closed already: what may follow the closing
        List<Problem> problems = new ArrayList<>();
        boolean failed = lead.outcome() == Outcome.FAILED;
        LocalDate day = failed ? FormInput.date(routesNoticeOn.get(), Field.ROUTES_NOTICE_ON, problems) : null;
        if (!problems.isEmpty()) {
            editor.rejectLocally(afterErrors, problems);
            return;
        }
        Set<OtherRoute> told = Set.copyOf(routes);
        Set<PreventionKind> prevented = Set.copyOf(preventions);
        editor.submit(afterErrors, (lifecycle, current) -> {
            if (failed && !told.isEmpty()) {
                lifecycle.recordRoutesNotice(current.id(), new RoutesNoticeInput(day, told));
            }
            lifecycle.recordPreventions(current.id(), prevented);
            return current.id();
        }, () -> {
            afterBaseline.mark();
            onSaved.run();
        });
    }

    public String outcomeLabel(Outcome value) {
        return value == null ? "" : switch (value) {
            case RESOLVED -> l10n.text("gui.lead.outcome.resolved");
            case FAILED -> l10n.text("gui.lead.outcome.failed");
            case TERMINATED -> l10n.text("gui.lead.outcome.terminated");
        };
    }

    public String formLabel(AgreementForm value) {
        return value == null ? "" : switch (value) {
            case WRITTEN -> l10n.text("gui.lead.agreement.written");
            case ORAL -> l10n.text("gui.lead.agreement.oral");
        };
    }

    public String routeLabel(OtherRoute value) {
        return switch (value) {
            case ARBITRATION -> l10n.text("gui.lead.routes.arbitration");
            case ADMINISTRATIVE -> l10n.text("gui.lead.routes.administrative");
            case LITIGATION -> l10n.text("gui.lead.routes.litigation");
        };
    }

    public String preventionLabel(PreventionKind value) {
        return switch (value) {
            case SUICIDE -> l10n.text("gui.lead.preventions.suicide");
            case CRIMINAL_CASE -> l10n.text("gui.lead.preventions.criminalCase");
            case GROUP_PETITION -> l10n.text("gui.lead.preventions.groupPetition");
            case GROUP_FIGHT -> l10n.text("gui.lead.preventions.groupFight");
        };
    }

    public List<Outcome> outcomes() {
        return List.of(Outcome.values());
    }

    public List<AgreementForm> forms() {
        return List.of(AgreementForm.values());
    }

    public List<OtherRoute> otherRoutes() {
        return List.of(OtherRoute.values());
    }

    public List<PreventionKind> preventionKinds() {
        return List.of(PreventionKind.values());
    }

    // ---- properties ----

    @Override
    public ObservableBooleanValue dirtyProperty() {
        return dirty;
    }

    public ObjectProperty<Outcome> outcomeProperty() {
        return outcome;
    }

    public StringProperty closedOnProperty() {
        return closedOn;
    }

    /** The agreement's fields. */
    public AgreementDraft agreement() {
        return agreement;
    }

    public ObjectProperty<AgreementForm> agreementFormProperty() {
        return agreement.formProperty();
    }

    public StringProperty termsProperty() {
        return agreement.termsProperty();
    }

    public StringProperty amountProperty() {
        return agreement.amountProperty();
    }

    public StringProperty deadlineProperty() {
        return agreement.deadlineProperty();
    }

    /** The day the parties of a failed case were told their other routes. */
    public StringProperty routesNoticeOnProperty() {
        return routesNoticeOn;
    }

    /** The routes named in that notice. */
    public ObservableSet<OtherRoute> routes() {
        return routes;
    }

    /** The 防止 outcomes ticked. */
    public ObservableSet<PreventionKind> preventions() {
        return preventions;
    }

    public ReadOnlyStringProperty error(Field field) {
        return errors.message(field);
    }

    /** A problem of what was recorded after closing (the notice of other routes, the 防止 outcomes). */
    public ReadOnlyStringProperty afterError(Field field) {
        return afterErrors.message(field);
    }

    public ReadOnlyStringProperty afterGeneralError() {
        return afterErrors.general();
    }

    public ReadOnlyStringProperty deadlineError() {
        return errors.message(DEADLINE);
    }

    public ReadOnlyStringProperty generalError() {
        return errors.general();
    }

    /** E.g. "调解成功（2022-03-09 办结）"; empty while the case is open. */
    public ReadOnlyStringProperty recordedProperty() {
        return recorded.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty agreementTextProperty() {
        return agreementText.getReadOnlyProperty();
    }

    /** The notice of other routes as recorded; empty when none. */
    public ReadOnlyStringProperty routesTextProperty() {
        return routesText.getReadOnlyProperty();
    }

    /** The 防止 outcomes as recorded; empty when none. */
    public ReadOnlyStringProperty preventionsTextProperty() {
        return preventionsText.getReadOnlyProperty();
    }
}
