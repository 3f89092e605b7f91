package cn.mediationdesk.gui.lead;

import cn.mediationdesk.logic.l10n.Localization;
import cn.mediationdesk.logic.lifecycle.LeadFile;
import cn.mediationdesk.model.Problem;
import cn.mediationdesk.model.Problem.Field;
import cn.mediationdesk.model.Referral;
import cn.mediationdesk.model.ReferralKind;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableBooleanValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

/**
 * The referral log (分流 / 诉调对接): where the dispute was sent and when, and — in a second form, for
 * an entry chosen from the log — when the receiving body got it and what it reported back.
 */
public final class ReferralSectionViewModel implements Draft {
    private final LeadEditorViewModel editor;
    private final Localization l10n;
    private final ObservableList<Referral> referrals = FXCollections.observableArrayList();

    private final ObjectProperty<ReferralKind> kind = new SimpleObjectProperty<>();
    private final StringProperty toBody = new SimpleStringProperty("");
    private final StringProperty sentOn = new SimpleStringProperty("");
    private final FieldErrors addErrors;
    private final Baseline addBaseline;

    private final ObjectProperty<Referral> chosen = new SimpleObjectProperty<>();
    private final StringProperty receivedOn = new SimpleStringProperty("");
    private final StringProperty feedback = new SimpleStringProperty("");
    private final StringProperty feedbackOn = new SimpleStringProperty("");
    private final FieldErrors replyErrors;
    private final Baseline replyBaseline;

    private final ObservableBooleanValue dirty;

    ReferralSectionViewModel(LeadEditorViewModel editor) {
        this.editor = editor;
        this.l10n = editor.l10n();
        // A sending day before the lead was found is a problem of the sending day.
        addErrors = new FieldErrors(l10n, Field.REFERRAL, Field.TRANSFERRED_TO, Field.SENT_ON)
                .routedBy(p -> p.field() == Field.FOUND_ON ? Field.SENT_ON.name() : p.field().name());
        addBaseline = new Baseline(() -> Arrays.asList(kind.get(), FormInput.orEmpty(toBody.get()).strip(),
                FormInput.dateOrNull(sentOn.get())), kind, toBody, sentOn);
        replyErrors = new FieldErrors(l10n, Field.REFERRAL, Field.RECEIVED_ON, Field.FEEDBACK_ON);
        replyBaseline = new Baseline(() -> Arrays.asList(chosen.get() == null ? null : chosen.get().id(),
                FormInput.dateOrNull(receivedOn.get()), FormInput.orEmpty(feedback.get()).strip(),
                FormInput.dateOrNull(feedbackOn.get())), chosen, receivedOn, feedback, feedbackOn);
        // Choosing another entry shows what it holds; that is not an unsaved change.
        chosen.addListener((obs, was, now) -> fillReply(now));
        dirty = Bindings.createBooleanBinding(() -> addBaseline.changed().get()
                || (replyBaseline.changed().get() && chosen.get() != null), addBaseline.changed(),
                replyBaseline.changed(), chosen);
    }

    void loaded(LeadFile file) {
        List<Referral> log = file == null ? List.of() : file.referrals().stream()
                .sorted(Comparator.comparing(Referral::sentOn).thenComparing(r -> r.id().toString())).toList();
        UUID chosenId = chosen.get() == null ? null : chosen.get().id();
        boolean keepReply = replyBaseline.changed().get() && chosenId != null;
        referrals.setAll(log);
        if (!addBaseline.changed().get()) {
            clearAdd();
        }
        Referral again = log.stream().filter(r -> r.id().equals(chosenId)).findFirst().orElse(null);
        chosen.set(again);
        if (!keepReply || again == null) {
            fillReply(again);
        }
    }

    private void clearAdd() {
        kind.set(null);
        toBody.set("");
        sentOn.set(FormInput.text(editor.today()));
        addErrors.clear();
        addBaseline.mark();
    }

    private void fillReply(Referral referral) {
        receivedOn.set(referral == null ? "" : FormInput.text(referral.receivedOn()));
        feedback.set(referral == null ? "" : FormInput.orEmpty(referral.feedback()));
        feedbackOn.set(referral == null ? "" : FormInput.text(referral.feedbackOn()));
        replyErrors.clear();
        replyBaseline.mark();
    }

    /** Adds the entry of the first form to the log (what its button does). */
    public void add() {
        saveAdd(() -> { });
    }

    private void saveAdd(Runnable onSaved) {
        List<Problem> problems = new ArrayList<>();
        LocalDate sent = FormInput.date(sentOn.get(), Field.SENT_ON, problems);
        if (!problems.isEmpty()) {
            editor.rejectLocally(addErrors, problems);
            return;
        }
        ReferralKind what = kind.get();
        String to = toBody.get();
        editor.submit(addErrors, (lifecycle, lead) -> {
            lifecycle.addReferral(lead.id(), what, to, sent);
            return lead.id();
        }, () -> {
            clearAdd();
            onSaved.run();
        });
    }

    /** Records the receipt and feedback of the chosen entry (what the second form's button does). */
    public void recordReply() {
        saveReply(() -> { });
    }

    private void saveReply(Runnable onSaved) {
        Referral referral = chosen.get();
        List<Problem> problems = new ArrayList<>();
        if (referral == null) {
            problems.add(Problem.of(Field.REFERRAL, "gui.lead.referral.chooseFirst"));
        }
        LocalDate received = FormInput.date(receivedOn.get(), Field.RECEIVED_ON, problems);
        LocalDate replied = FormInput.date(feedbackOn.get(), Field.FEEDBACK_ON, problems);
        if (!problems.isEmpty()) {
            editor.rejectLocally(replyErrors, problems);
            return;
        }
        String text = FormInput.blankToNull(feedback.get());
        editor.submit(replyErrors, (lifecycle, lead) -> {
            lifecycle.recordReferralReply(lead.id(), referral.id(), received, text, replied);
            return lead.id();
        }, () -> {
            replyBaseline.mark();
            onSaved.run();
        });
    }

    @Override
    public void save(Runnable onSaved) {
        if (addBaseline.changed().get()) {
            saveAdd(onSaved);
        } else {
            saveReply(onSaved);
        }
    }

    /** One entry of the log in a line: kind, to whom, sent, received, feedback. */
    public String line(Referral referral) {
        List<String> parts = new ArrayList<>();
        parts.add(kindLabel(referral.kind()));
        parts.add(l10n.text("gui.lead.referral.sentLine", referral.toBody(), referral.sentOn()));
        parts.add(referral.receivedOn() == null ? l10n.text("gui.lead.referral.notReceived")
                : l10n.text("gui.lead.referral.receivedLine", referral.receivedOn()));
        String line = String.join(l10n.text("gui.lead.partSeparator"), parts);
        return referral.feedback() == null ? line
                : l10n.text("gui.lead.referral.feedbackLine", line, referral.feedbackOn(), referral.feedback());
    }

    public String kindLabel(ReferralKind value) {
        return value == null ? "" : switch (value) {
            case DIVERSION -> l10n.text("gui.lead.referral.kind.diversion");
            case COURT_LINK -> l10n.text("gui.lead.referral.kind.courtLink");
        };
    }

    /** How an entry is named in the chooser of the second form. */
    public String choiceLabel(Referral referral) {
        return referral == null ? "" : l10n.text("gui.lead.referral.choice", referral.sentOn(), referral.toBody());
    }

    public List<ReferralKind> kinds() {
        return List.of(ReferralKind.values());
    }

    @Override
    public ObservableBooleanValue dirtyProperty() {
        return dirty;
    }

    public ObservableList<Referral> referrals() {
        return referrals;
    }

    public ObjectProperty<ReferralKind> kindProperty() {
        return kind;
    }

    public StringProperty toBodyProperty() {
        return toBody;
    }

    public StringProperty sentOnProperty() {
        return sentOn;
    }

    public ObjectProperty<Referral> chosenProperty() {
        return chosen;
    }

    public StringProperty receivedOnProperty() {
        return receivedOn;
    }

    public StringProperty feedbackProperty() {
        return feedback;
    }

    public StringProperty feedbackOnProperty() {
        return feedbackOn;
    }

    /** The first form's message for {@code field} (kind, receiving body, day sent). */
    public ReadOnlyStringProperty addError(Field field) {
        return addErrors.message(field);
    }

    public ReadOnlyStringProperty addGeneralError() {
        return addErrors.general();
    }

    /** The second form's message for {@code field} (the entry, day received, day of the feedback). */
    public ReadOnlyStringProperty replyError(Field field) {
        return replyErrors.message(field);
    }

    public ReadOnlyStringProperty replyGeneralError() {
        return replyErrors.general();
    }
}
