package cn.mediationdesk.gui.lead;

import cn.mediationdesk.gui.common.Refusals;
import cn.mediationdesk.gui.common.DialogService;
import cn.mediationdesk.gui.common.LeadOpener;
import cn.mediationdesk.gui.common.KnownFailures;
import cn.mediationdesk.gui.print.PrintPreviewViewModel;
import cn.mediationdesk.gui.print.Printout;
import cn.mediationdesk.logic.ConcurrentChangeException;
import cn.mediationdesk.logic.ValidationException;
import cn.mediationdesk.logic.l10n.Localization;
import cn.mediationdesk.logic.lifecycle.LeadChoices;
import cn.mediationdesk.logic.lifecycle.LeadFile;
import cn.mediationdesk.logic.lifecycle.LifecycleService;
import cn.mediationdesk.logic.report.casefile.CaseDocumentService;
import cn.mediationdesk.logic.report.casefile.CaseDocuments;
import cn.mediationdesk.logic.report.print.CaseDocumentLayouts;
import cn.mediationdesk.logic.store.Store;
import cn.mediationdesk.model.Lead;
import cn.mediationdesk.model.LeadState;
import cn.mediationdesk.model.User;
import cn.mediationdesk.model.Outcome;
import cn.mediationdesk.model.Problem;
import cn.mediationdesk.model.VerificationResult;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ObservableBooleanValue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * The lead editor (线索编辑): one lead's whole life as one form whose sections open as the case
 * advances. Every change goes through {@link LifecycleService}; a broken rule comes back as problems
 * shown at their fields, a change someone else saved meanwhile as an offer to reload.
 */
public final class LeadEditorViewModel {
    private static final Logger LOG = LoggerFactory.getLogger(LeadEditorViewModel.class);

    /** The steps of DESIGN §4 that the banner shows as a path, in order. */
    public enum Step {
        REGISTERED, VERIFIED, ACCEPTED, CLOSED, FOLLOWED_UP
    }

    /** What closing the window with unsaved changes may do, in the order the question offers it. */
    private static final int SAVE = 0;
    private static final int DISCARD = 1;

    /** Work on the lead, run in the background; returns the id of the lead it wrote (a new lead's new id). */
    @FunctionalInterface
    interface Work {
        UUID run(LifecycleService lifecycle, Lead current);
    }

    private final LeadEditorContext context;
    private final Localization l10n;
    private final DialogService dialogs;

    private final ReadOnlyObjectWrapper<UUID> leadId = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<LeadFile> file = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<LeadChoices> choices = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyBooleanWrapper loaded = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper conflict = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper loadProblem = new ReadOnlyStringWrapper("");

    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper headline = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<LeadState> state = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper stateText = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper caseNumber = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper dueText = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper overdue = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyObjectWrapper<Step> reached = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<Step> next = new ReadOnlyObjectWrapper<>(Step.REGISTERED);

    private final BooleanBinding registered;
    private final BooleanBinding verified;
    private final BooleanBinding genuine;
    private final BooleanBinding accepted;
    private final BooleanBinding declined;
    private final BooleanBinding mediating;
    private final BooleanBinding resolved;

    private final DetailsSectionViewModel details;
    private final VerificationSectionViewModel verification;
    private final CaseRecordSectionViewModel caseRecord;
    private final AcceptanceSectionViewModel acceptance;
    private final SessionsSectionViewModel sessions;
    private final ExtensionSectionViewModel extension;
    private final OutcomeSectionViewModel outcome;
    private final FollowUpSectionViewModel followUps;
    private final JudicialSectionViewModel judicial;
    private final ReferralSectionViewModel referrals;
    private final CaseFileSectionViewModel caseFile;
    private final CorrectionViewModel correction;
    private final AttachmentsSectionViewModel attachments;
    private final RepeatSectionViewModel repeats;
    private final RiskHistorySectionViewModel riskHistory;
    /** Opens another lead (an earlier one, or one just reopened) in a window of its own. */
    private LeadOpener opener;
    private final List<Draft> drafts;
    private final BooleanBinding dirty;

    /**
     * @param leadIdOrNull the lead to edit, or {@code null} for a new one
     */
    public LeadEditorViewModel(LeadEditorContext context, DialogService dialogs, UUID leadIdOrNull) {
        this.context = context;
        this.l10n = context.l10n();
        this.dialogs = dialogs;
        leadId.set(leadIdOrNull);

        registered = Bindings.createBooleanBinding(() -> file.get() != null, file);
        verified = leadFact(lead -> lead.verificationResult() != null);
        genuine = leadFact(lead -> lead.verificationResult() == VerificationResult.GENUINE);
        accepted = leadFact(Lead::isAccepted);
        declined = leadFact(Lead::isDeclined);
        mediating = leadFact(lead -> lead.isAccepted() && lead.outcome() == null);
        resolved = leadFact(lead -> lead.outcome() == Outcome.RESOLVED);

        details = new DetailsSectionViewModel(this);
        verification = new VerificationSectionViewModel(this);
        caseRecord = new CaseRecordSectionViewModel(this);
        acceptance = new AcceptanceSectionViewModel(this);
        sessions = new SessionsSectionViewModel(this);
        extension = new ExtensionSectionViewModel(this);
        outcome = new OutcomeSectionViewModel(this);
        followUps = new FollowUpSectionViewModel(this);
        judicial = new JudicialSectionViewModel(this);
        referrals = new ReferralSectionViewModel(this);
        caseFile = new CaseFileSectionViewModel(this);
        correction = new CorrectionViewModel(this);
        attachments = new AttachmentsSectionViewModel(this);
        repeats = new RepeatSectionViewModel(this);
        riskHistory = new RiskHistorySectionViewModel(this);
        // The order in which "save" on closing writes them: each step may open the next.
        drafts = List.of(details, caseRecord, verification.stepDraft(), verification, acceptance, sessions, extension,
                outcome, followUps, judicial, referrals, caseFile, correction);
        ObservableBooleanValue[] dirtyParts = drafts.stream().map(Draft::dirtyProperty)
                .toArray(ObservableBooleanValue[]::new);
        dirty = Bindings.createBooleanBinding(() -> drafts.stream().anyMatch(d -> d.dirtyProperty().get()), dirtyParts);
        title.set(l10n.text("gui.lead.title.new"));
    }

    private BooleanBinding leadFact(Predicate<Lead> fact) {
        return Bindings.createBooleanBinding(() -> file.get() != null && fact.test(file.get().lead()), file);
    }

    // ---- loading ----

    private record Loaded(LeadChoices choices, LeadFile file) {
    }

    /** Reads the form's choices and the lead (if any) in the background, then fills the form. */
    public void load() {
        UUID id = leadId.get();
        busy.set(true);
        status.set(l10n.text("gui.lead.status.loading"));
        context.executor().execute(
                () -> new Loaded(LeadChoices.load(context.store()), id == null ? null : context.lifecycle().file(id)),
                result -> {
                    busy.set(false);
                    status.set("");
                    choices.set(result.choices());
                    show(result.file(), false);
                    loaded.set(true);
                },
                failure -> {
                    busy.set(false);
                    status.set("");
                    LOG.warn("lead {} could not be read", id, failure);
                    loadProblem.set(failure instanceof ValidationException v
                            ? l10n.message(v.problems().getFirst())
                            : l10n.text("gui.lead.loadFailed", KnownFailures.reason(failure)));
                });
    }

    /** Reads the lead again as stored, e.g. after someone else changed it; the basic facts are refilled from it. */
    public void reload() {
        UUID id = leadId.get();
        if (id == null || busy.get()) {
            return;
        }
        busy.set(true);
        context.executor().execute(() -> context.lifecycle().file(id), reread -> {
            busy.set(false);
            conflict.set(false);
            show(reread, false);
            status.set(l10n.text("gui.lead.status.reloaded"));
        }, failure -> {
            busy.set(false);
            unexpected(failure);
        });
    }

    /**
     * Shows {@code shown}. With {@code keepDrafts}, forms holding entries the user has not saved
     * keep them (another section was just saved); otherwise the basic facts are refilled too.
     */
    private void show(LeadFile shown, boolean keepDrafts) {
        file.set(shown);
        if (shown != null) {
            leadId.set(shown.lead().id());
        }
        details.loaded(shown, keepDrafts);
        verification.loaded(shown);
        caseRecord.loaded(shown);
        acceptance.loaded(shown);
        sessions.loaded(shown);
        extension.loaded(shown);
        outcome.loaded(shown);
        followUps.loaded(shown);
        judicial.loaded(shown);
        referrals.loaded(shown);
        caseFile.loaded(shown);
        correction.loaded(shown);
        attachments.loaded(shown);
        updateBanner();
    }

    private void updateBanner() {
        LeadFile shown = file.get();
        if (shown == null) {
            title.set(l10n.text("gui.lead.title.new"));
            headline.set(l10n.text("gui.lead.headline.new"));
            state.set(null);
            stateText.set(l10n.text("gui.lead.state.new"));
            caseNumber.set("");
            dueText.set("");
            overdue.set(false);
            reached.set(null);
            next.set(Step.REGISTERED);
            return;
        }
        Lead lead = shown.lead();
        LocalDate today = today();
        LeadState now = lead.stateOn(today);
        state.set(now);
        stateText.set(stateText(lead, now));
        caseNumber.set(lead.caseNumber() == null ? "" : lead.caseNumber().text());
        String name = lead.caseNumber() != null ? lead.caseNumber().text()
                : lead.leadNo() != null ? l10n.text("gui.lead.title.leadNo", lead.leadNo())
                : l10n.text("gui.lead.title.found", lead.foundOn());
        title.set(name);
        headline.set(lead.summary());
        if (now == LeadState.MEDIATING) {
            LocalDate due = shown.dueOn(today);
            long left = ChronoUnit.DAYS.between(today, due);
            overdue.set(left < 0);
            dueText.set(left < 0 ? l10n.text("gui.lead.due.overdue", due, -left)
                    : l10n.text("gui.lead.due.left", due, left));
        } else {
            overdue.set(false);
            dueText.set("");
        }
        reached.set(!shown.followUps().isEmpty() ? Step.FOLLOWED_UP
                : lead.outcome() != null ? Step.CLOSED
                : lead.isAccepted() ? Step.ACCEPTED
                : lead.verificationResult() != null ? Step.VERIFIED
                : Step.REGISTERED);
        // Only a genuine lead that no party refused is accepted, only a resolved case followed up: the
        // others end where they are.
        next.set(switch (reached.get()) {
            case REGISTERED -> Step.VERIFIED;
            case VERIFIED -> lead.verificationResult() == VerificationResult.GENUINE && !lead.isDeclined()
                    ? Step.ACCEPTED : null;
            case ACCEPTED -> Step.CLOSED;
            case CLOSED -> lead.outcome() == Outcome.RESOLVED ? Step.FOLLOWED_UP : null;
            case FOLLOWED_UP -> null;
        });
    }

    private String stateText(Lead lead, LeadState now) {
        return switch (now) {
            case PENDING -> lead.verificationResult() == null ? l10n.text("gui.lead.state.unverified")
                    : l10n.text("gui.lead.state.toAccept");
            case UNFOUNDED -> l10n.text("gui.lead.state.unfounded");
            case DUPLICATE -> l10n.text("gui.lead.state.duplicate");
            case TRANSFERRED -> l10n.text("gui.lead.state.transferred");
            case DECLINED -> l10n.text("gui.lead.state.declined", lead.declinedBy());
            case MEDIATING -> l10n.text("gui.lead.state.mediating");
            case RESOLVED -> l10n.text("gui.lead.state.resolved");
            case FAILED -> l10n.text("gui.lead.state.failed");
            case TERMINATED -> l10n.text("gui.lead.state.terminated");
        };
    }

    // ---- saving ----

    /**
     * Runs {@code work} in the background and shows the lead as it then is. A broken rule goes to
     * {@code errors}; {@code onSaved} runs only when the work was written.
     */
    void submit(FieldErrors errors, Work work, Runnable onSaved) {
        if (busy.get()) {
            return;
        }
        Lead current = file.get() == null ? null : file.get().lead();
        busy.set(true);
        status.set(l10n.text("gui.lead.status.saving"));
        context.executor().execute(() -> {
            UUID id = work.run(context.lifecycle(), current);
            return context.lifecycle().file(id);
        }, saved -> {
            busy.set(false);
            errors.clear();
            show(saved, true);
            status.set(l10n.text("gui.lead.status.saved"));
            onSaved.run();
            context.events().leadSaved(saved.lead().id());
        }, failure -> {
            busy.set(false);
            switch (failure) {
                case ValidationException invalid -> {
                    errors.show(invalid.problems());
                    status.set(l10n.text("gui.lead.status.invalid"));
                }
                case ConcurrentChangeException changed -> changedMeanwhile();
                default -> unexpected(failure);
            }
        });
    }

    /** Problems found before asking the service (text that is no date, no number …): shown, nothing sent. */
    void rejectLocally(FieldErrors errors, List<Problem> problems) {
        errors.show(problems);
        status.set(l10n.text("gui.lead.status.invalid"));
    }

    /** Reads in the background for a form (e.g. finding a lead), without touching the lead. */
    <T> void read(Callable<T> work, Consumer<T> onRead) {
        context.executor().execute(work, onRead, this::unexpected);
    }

    private void changedMeanwhile() {
        conflict.set(true);
        status.set(l10n.text("gui.lead.status.conflict"));
        int answer = dialogs.ask(l10n.text("gui.lead.window"), l10n.text("gui.lead.conflict"),
                l10n.text("gui.lead.conflict.advice"),
                List.of(l10n.text("gui.lead.conflict.reload"), l10n.text("gui.lead.conflict.keep")));
        if (answer == 0) {
            reload();
        }
    }

    private void unexpected(Throwable failure) {
        if (Refusals.refusalOf(failure).isPresent()) {
            status.set(l10n.message(Refusals.refusalOf(failure).get().problem()));
            Refusals.noticeIfRefused(failure, dialogs, l10n);
            return;
        }
        status.set(l10n.text("gui.lead.status.failed"));
        KnownFailures.report(failure, dialogs, l10n, l10n.text("gui.lead.window"), "gui.lead.failed",
                "gui.lead.failed.advice");
    }

    /** Saves every form holding unsaved entries, in turn; runs {@code onAllSaved} when all were written. */
    public void saveAll(Runnable onAllSaved) {
        saveFrom(0, onAllSaved);
    }

    private void saveFrom(int index, Runnable onAllSaved) {
        for (int i = index; i < drafts.size(); i++) {
            if (drafts.get(i).dirtyProperty().get()) {
                int next = i + 1;
                drafts.get(i).save(() -> saveFrom(next, onAllSaved));
                return;
            }
        }
        onAllSaved.run();
    }

    /**
     * The window asks to close: with unsaved changes the user chooses to save them, discard them or
     * stay. {@code closeWindow} runs once the window may close (after a successful save, if chosen).
     */
    public void close(Runnable closeWindow) {
        if (busy.get()) {
            return; // a save is under way; its result decides what is unsaved
        }
        if (!dirty.get()) {
            closeWindow.run();
            return;
        }
        int answer = dialogs.ask(l10n.text("gui.lead.window"), l10n.text("gui.lead.unsaved"),
                l10n.text("gui.lead.unsaved.advice"),
                List.of(l10n.text("gui.lead.unsaved.save"), l10n.text("gui.lead.unsaved.discard"),
                        l10n.text("gui.lead.unsaved.cancel")));
        if (answer == SAVE) {
            saveAll(closeWindow);
        } else if (answer == DISCARD) {
            closeWindow.run();
        }
    }

    /** Where the editor opens other leads (the editor windows); without it, it opens none. */
    public void useOpener(LeadOpener opener) {
        this.opener = opener;
    }

    void openLead(UUID id) {
        if (opener != null) {
            opener.open(id);
        }
    }

    public RepeatSectionViewModel repeats() {
        return repeats;
    }

    public RiskHistorySectionViewModel riskHistory() {
        return riskHistory;
    }

    // ---- for the sections ----

    Localization l10n() {
        return l10n;
    }

    LocalDate today() {
        return LocalDate.now(context.clock());
    }

    /** What the editor was opened with (services, clock, executor), for sections that save on their own. */
    LeadEditorContext context() {
        return context;
    }

    DialogService dialogs() {
        return dialogs;
    }

    LeadFile file() {
        return file.get();
    }

    Lead lead() {
        return file.get() == null ? null : file.get().lead();
    }

    LeadChoices choices() {
        return choices.get();
    }

    LifecycleService lifecycle() {
        return context.lifecycle();
    }

    Store store() {
        return context.store();
    }

    /** Who edits: the services this editor makes act for them. */
    User actor() {
        return context.lifecycle().actor();
    }

    // ---- properties ----

    /** The lead's id; {@code null} until a new lead is registered. */
    public ReadOnlyObjectProperty<UUID> leadIdProperty() {
        return leadId.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<LeadFile> fileProperty() {
        return file.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<LeadChoices> choicesProperty() {
        return choices.getReadOnlyProperty();
    }

    /** True once the form has been filled (its choices read, and the lead if there is one). */
    public ReadOnlyBooleanProperty loadedProperty() {
        return loaded.getReadOnlyProperty();
    }

    /** Why the lead could not be shown; empty when it could. */
    public ReadOnlyStringProperty loadProblemProperty() {
        return loadProblem.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** True after a save failed because someone else had changed the lead, until it is reloaded. */
    public ReadOnlyBooleanProperty conflictProperty() {
        return conflict.getReadOnlyProperty();
    }

    /** What just happened (saving, saved, not saved), for the bottom of the window. */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public ObservableBooleanValue dirtyProperty() {
        return dirty;
    }

    /** The window's title: the case number, else the lead number, else the day it was found. */
    /**
     * The preview of the lead's case file for the 文书 button: the cover, its contents list and every
     * document (受理登记表, 调解记录, 协议书, 回访记录), personal data masked; read when the preview loads.
     */
    public PrintPreviewViewModel caseFilePreview(DialogService previewDialogs) {
        return caseFilePreview(previewDialogs, false);
    }

    /**
     * The case file with full ID and phone numbers, for the documents the parties sign; only
     * someone who may read the case gets it, and the service records that it was asked for.
     */
    public PrintPreviewViewModel caseFilePreview(DialogService previewDialogs, boolean fullPersonalData) {
        UUID id = leadId.get();
        if (id == null) {
            throw new IllegalStateException("a lead not yet registered has no documents");
        }
        Localization l10n = context.l10n();
        CaseDocumentService documents = new CaseDocumentService(context.store(), context.clock(), actor());
        String name = caseFileTitle();
        return new PrintPreviewViewModel(() -> {
            CaseDocuments read = documents.documents(id, fullPersonalData);
            return new Printout(name, pages -> new CaseDocumentLayouts(l10n).caseFile(read, pages));
        }, l10n, context.executor(), previewDialogs);
    }

    /** What the case file is called: 卷宗 and the case number, or the lead's own title before acceptance. */
    public String caseFileTitle() {
        String number = caseNumberProperty().get();
        return context.l10n().text("gui.print.caseFile", number == null || number.isBlank() ? titleProperty().get() : number);
    }

    public ReadOnlyStringProperty titleProperty() {
        return title.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty headlineProperty() {
        return headline.getReadOnlyProperty();
    }

    /** The lead's state today; {@code null} for a lead not yet registered. */
    public ReadOnlyObjectProperty<LeadState> stateProperty() {
        return state.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty stateTextProperty() {
        return stateText.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty caseNumberProperty() {
        return caseNumber.getReadOnlyProperty();
    }

    /** The due date in force and the days left (or overdue), while the case is being mediated. */
    public ReadOnlyStringProperty dueTextProperty() {
        return dueText.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty overdueProperty() {
        return overdue.getReadOnlyProperty();
    }

    /** The last step the lead has taken; {@code null} before it is registered. */
    public ReadOnlyObjectProperty<Step> reachedProperty() {
        return reached.getReadOnlyProperty();
    }

    /** The step the lead can take next; {@code null} when its life has ended (e.g. unfounded, or failed). */
    public ReadOnlyObjectProperty<Step> nextProperty() {
        return next.getReadOnlyProperty();
    }

    public String stepLabel(Step step) {
        return switch (step) {
            case REGISTERED -> l10n.text("gui.lead.step.registered");
            case VERIFIED -> l10n.text("gui.lead.step.verified");
            case ACCEPTED -> l10n.text("gui.lead.step.accepted");
            case CLOSED -> l10n.text("gui.lead.step.closed");
            case FOLLOWED_UP -> l10n.text("gui.lead.step.followedUp");
        };
    }

    public ObservableBooleanValue registeredProperty() {
        return registered;
    }

    public ObservableBooleanValue verifiedProperty() {
        return verified;
    }

    public ObservableBooleanValue genuineProperty() {
        return genuine;
    }

    public ObservableBooleanValue acceptedProperty() {
        return accepted;
    }

    /** True when a party refused mediation of the lead: it is never accepted. */
    public ObservableBooleanValue declinedProperty() {
        return declined;
    }

    public ObservableBooleanValue mediatingProperty() {
        return mediating;
    }

    public ObservableBooleanValue resolvedProperty() {
        return resolved;
    }

    public DetailsSectionViewModel details() {
        return details;
    }

    public VerificationSectionViewModel verification() {
        return verification;
    }

    /** 申请与报告: the application and the report to the police. */
    public CaseRecordSectionViewModel caseRecord() {
        return caseRecord;
    }

    public AcceptanceSectionViewModel acceptance() {
        return acceptance;
    }

    public SessionsSectionViewModel sessions() {
        return sessions;
    }

    public ExtensionSectionViewModel extension() {
        return extension;
    }

    public OutcomeSectionViewModel outcome() {
        return outcome;
    }

    public FollowUpSectionViewModel followUps() {
        return followUps;
    }

    public JudicialSectionViewModel judicial() {
        return judicial;
    }

    public ReferralSectionViewModel referrals() {
        return referrals;
    }

    public AttachmentsSectionViewModel attachments() {
        return attachments;
    }

    /** The 卷宗 section: what the file lacks and what the 立卷人 writes on it. */
    public CaseFileSectionViewModel caseFile() {
        return caseFile;
    }

    java.time.Clock clock() {
        return context.clock();
    }

    public CorrectionViewModel correction() {
        return correction;
    }
}
