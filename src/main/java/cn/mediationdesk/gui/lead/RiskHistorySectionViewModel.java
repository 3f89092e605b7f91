package cn.mediationdesk.gui.lead;

import cn.mediationdesk.logic.l10n.Localization;
import cn.mediationdesk.logic.lifecycle.LeadFile;
import cn.mediationdesk.logic.lifecycle.Reassessment;
import cn.mediationdesk.model.Problem;
import cn.mediationdesk.model.Problem.Field;
import cn.mediationdesk.model.RiskAssessment;
import cn.mediationdesk.model.RiskLevel;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * 风险评估记录: the lead's risk as a dated history (who assessed which level when, and why), newest
 * first, and the 重新评估 form that adds an assessment.
 */
public final class RiskHistorySectionViewModel {
    private final LeadEditorViewModel editor;
    private final Localization l10n;
    private final ObservableList<RiskAssessment> history = FXCollections.observableArrayList();
    private final StringProperty assessedOn = new SimpleStringProperty("");
    private final ObjectProperty<RiskLevel> risk = new SimpleObjectProperty<>(RiskLevel.DEFAULT);
    private final BooleanProperty criminalRisk = new SimpleBooleanProperty(false);
    private final BooleanProperty groupRisk = new SimpleBooleanProperty(false);
    private final StringProperty reason = new SimpleStringProperty("");
    private final FieldErrors errors;

    RiskHistorySectionViewModel(LeadEditorViewModel editor) {
        this.editor = editor;
        this.l10n = editor.l10n();
        errors = new FieldErrors(l10n, Field.DATE, Field.RISK);
        editor.fileProperty().addListener((obs, old, now) -> loaded(now));
    }

    void loaded(LeadFile file) {
        List<RiskAssessment> newestFirst = new ArrayList<>(file == null ? List.of() : file.riskAssessments());
        java.util.Collections.reverse(newestFirst);
        history.setAll(newestFirst);
        if (file != null) {
            // the form starts from the level in force, so that a reassessment changes only what changed
            assessedOn.set(FormInput.text(editor.today()));
            risk.set(file.lead().risk());
            criminalRisk.set(file.lead().criminalRisk());
            groupRisk.set(file.lead().groupRisk());
            reason.set("");
            errors.clear();
        }
    }

    /** Records the assessment in the form (重新评估). */
    public void reassess() {
        List<Problem> problems = new ArrayList<>();
        LocalDate on = FormInput.date(assessedOn.get(), Field.DATE, problems);
        if (!problems.isEmpty()) {
            editor.rejectLocally(errors, problems);
            return;
        }
        Reassessment input = new Reassessment(on, risk.get(), criminalRisk.get(), groupRisk.get(),
                FormInput.blankToNull(reason.get()));
        editor.submit(errors, (lifecycle, lead) -> lifecycle.reassess(lead.id(), lead.version(), input).id(), () -> { });
    }

    /** The flags of an assessment in words; empty when neither is set. */
    public String flags(RiskAssessment a) {
        List<String> flags = new ArrayList<>();
        if (a.criminalRisk()) {
            flags.add(l10n.text("gui.lead.details.criminalRisk"));
        }
        if (a.groupRisk()) {
            flags.add(l10n.text("gui.lead.details.groupRisk"));
        }
        return String.join(l10n.text("gui.lead.partSeparator"), flags);
    }

    /** Who assessed it; the level every lead carried when risk history began has no assessor. */
    public String assessor(RiskAssessment a) {
        return a.assessedBy() == null ? l10n.text("gui.risk.carriedOver") : a.assessedBy();
    }

    public String label(RiskLevel level) {
        return level == null ? "" : switch (level) {
            case BLUE -> l10n.text("gui.lead.risk.blue");
            case YELLOW -> l10n.text("gui.lead.risk.yellow");
            case ORANGE -> l10n.text("gui.lead.risk.orange");
            case RED -> l10n.text("gui.lead.risk.red");
        };
    }

    public ObservableList<RiskAssessment> history() {
        return history;
    }

    public StringProperty assessedOnProperty() {
        return assessedOn;
    }

    public ObjectProperty<RiskLevel> riskProperty() {
        return risk;
    }

    public BooleanProperty criminalRiskProperty() {
        return criminalRisk;
    }

    public BooleanProperty groupRiskProperty() {
        return groupRisk;
    }

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
