package cn.mediationdesk.gui.lead;

import atlantafx.base.theme.Styles;
import cn.mediationdesk.logic.l10n.Localization;
import cn.mediationdesk.logic.repeat.RelatedLead;
import cn.mediationdesk.model.DictionaryEntry;
import cn.mediationdesk.model.Problem.Field;
import cn.mediationdesk.model.RiskAssessment;
import cn.mediationdesk.model.RiskLevel;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Circle;
import javafx.geometry.Pos;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignA;
import org.kordamp.ikonli.materialdesign2.MaterialDesignH;
import org.kordamp.ikonli.materialdesign2.MaterialDesignL;
import org.kordamp.ikonli.materialdesign2.MaterialDesignO;
import org.kordamp.ikonli.materialdesign2.MaterialDesignR;

import java.util.Locale;

import static cn.mediationdesk.gui.lead.LeadForms.add;
import static cn.mediationdesk.gui.lead.LeadForms.field;

/**
 * The editor's panes for repeat disputes: 此前纠纷 (earlier leads of the same people, the recurrence mark)
 * with 重新立案 for a closed case, and 风险评估记录 with its 重新评估 form. Controls and bindings only.
 */
final class RepeatPanes {
    private final LeadEditorViewModel editor;
    private final RepeatSectionViewModel repeats;
    private final RiskHistorySectionViewModel risks;
    private final Localization l10n;

    RepeatPanes(LeadEditorViewModel editor, Localization l10n) {
        this.editor = editor;
        this.repeats = editor.repeats();
        this.risks = editor.riskHistory();
        this.l10n = l10n;
    }

    private Button button(String text, Ikon icon, String id, Runnable action) {
        return LeadForms.button(text, icon, id, action, editor.busyProperty());
    }

    // ---- 此前纠纷 ----

    VBox earlierLeads() {
        Label recurrence = LeadForms.shownWhenSet(repeats.recurrenceProperty(), Styles.WARNING);
        recurrence.setId("lead-recurrence");
        recurrence.setGraphic(new org.kordamp.ikonli.javafx.FontIcon(MaterialDesignR.REPEAT));
        Button unmark = button(l10n.text("gui.repeat.unmark"), MaterialDesignL.LINK_OFF, "lead-recurrence-unmark",
                repeats::unmark);
        HBox markLine = new HBox(12, LeadForms.grow(recurrence), unmark);
        markLine.setAlignment(Pos.CENTER_LEFT);
        LeadForms.shownWhen(markLine, repeats.markedProperty());

        VBox list = new VBox(6);
        list.setId("lead-earlier-leads");
        Runnable fill = () -> {
            list.getChildren().clear();
            if (repeats.earlier().isEmpty()) {
                list.getChildren().add(LeadForms.muted(l10n.text("gui.repeat.none")));
            }
            for (RelatedLead lead : repeats.earlier()) {
                list.getChildren().add(earlierLine(lead));
            }
        };
        fill.run();
        repeats.earlier().addListener((ListChangeListener<RelatedLead>) change -> fill.run());
        Label scope = LeadForms.muted(l10n.text("gui.repeat.scope"));
        Label message = LeadForms.shownWhenSet(repeats.messageProperty(), Styles.TEXT_MUTED);
        message.setId("lead-repeat-message");
        return LeadForms.section("lead-section-earlier", l10n.text("gui.repeat.section"),
                MaterialDesignH.HISTORY, editor.registeredProperty(), markLine, list, scope, message,
                reopenAction(LeadForms.not(editor.resolvedProperty()), "lead-earlier-reopen"));
    }

    private Node earlierLine(RelatedLead lead) {
        Label line = new Label(repeats.line(lead));
        line.setWrapText(true);
        line.setMaxWidth(Double.MAX_VALUE);
        line.getStyleClass().add("lead-entry");
        HBox.setHgrow(line, Priority.ALWAYS);
        Button open = button(l10n.text("gui.repeat.open"), MaterialDesignO.OPEN_IN_NEW, "lead-earlier-open",
                () -> repeats.open(lead));
        Button mark = button(l10n.text("gui.repeat.mark"), MaterialDesignL.LINK_VARIANT, "lead-earlier-mark",
                () -> repeats.mark(lead));
        if (lead.recurredAfter()) {
            // already the lead this one recurs after
            mark.disableProperty().unbind();
            mark.setDisable(true);
        }
        open.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        mark.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        HBox row = new HBox(10, line, open, mark);
        row.setAlignment(Pos.CENTER_LEFT);
        return row;
    }

    /**
     * 矛盾反复重新立案, for the follow-up section of a resolved case (a visit found the dispute alive again);
     * a case closed otherwise has no follow-ups, and offers it under its earlier leads.
     */
    Node reopenAction() {
        return reopenAction(editor.resolvedProperty(), "lead-reopen");
    }

    private Node reopenAction(javafx.beans.value.ObservableBooleanValue shown, String id) {
        Label hint = LeadForms.muted(l10n.text("gui.repeat.reopen.hint"));
        GridPane form = LeadForms.grid();
        add(form, field(l10n.text("gui.repeat.reopen.foundOn"), LeadForms.date(repeats.reopenOnProperty(),
                id + "-on", l10n.text("gui.lead.datePrompt")), null), 0, 0, 1);
        ComboBox<DictionaryEntry> source = LeadForms.combo(FXCollections.observableArrayList(), repeats.reopenSourceProperty(),
                repeats::label, id + "-source");
        editor.choicesProperty().addListener((obs, old, now) -> source.getItems().setAll(repeats.sources()));
        source.getItems().setAll(repeats.sources());
        add(form, field(l10n.text("gui.repeat.reopen.source"), source, null), 1, 0, 1);
        add(form, field(l10n.text("gui.repeat.reopen.note"), LeadForms.text(repeats.reopenNoteProperty(),
                id + "-note", l10n.text("gui.repeat.reopen.note.prompt")), null), 2, 0, 2);
        Button reopen = button(l10n.text("gui.repeat.reopen"), MaterialDesignR.RESTORE, id, repeats::reopen);
        reopen.getStyleClass().add(Styles.WARNING);
        VBox box = new VBox(8, new javafx.scene.control.Separator(), hint, form, LeadForms.actions(reopen));
        return LeadForms.shownWhen(box, javafx.beans.binding.Bindings.createBooleanBinding(
                () -> shown.get() && repeats.closedProperty().get(), shown, repeats.closedProperty()));
    }

    // ---- 风险评估记录 ----

    VBox riskHistory() {
        GridPane table = new GridPane();
        table.setId("lead-risk-history");
        table.setHgap(14);
        table.setVgap(6);
        double[] widths = {100, 150, 150, 90};
        for (double w : widths) {
            ColumnConstraints c = new ColumnConstraints();
            c.setMinWidth(w);
            table.getColumnConstraints().add(c);
        }
        ColumnConstraints reason = new ColumnConstraints();
        reason.setHgrow(Priority.ALWAYS);
        table.getColumnConstraints().add(reason);
        Runnable fill = () -> {
            table.getChildren().clear();
            String[] heads = {"gui.risk.column.date", "gui.risk.column.level", "gui.risk.column.flags",
                    "gui.risk.column.by", "gui.risk.column.reason"};
            for (int i = 0; i < heads.length; i++) {
                Label head = new Label(l10n.text(heads[i]));
                head.getStyleClass().addAll(Styles.TEXT_BOLD, Styles.TEXT_MUTED);
                table.add(head, i, 0);
            }
            int row = 1;
            for (RiskAssessment a : risks.history()) {
                table.add(new Label(a.assessedOn().toString()), 0, row);
                Label level = new Label(risks.label(a.risk()), riskDot(a.risk()));
                table.add(level, 1, row);
                Label flags = new Label(risks.flags(a));
                flags.setWrapText(true);
                table.add(flags, 2, row);
                table.add(new Label(risks.assessor(a)), 3, row);
                Label why = new Label(a.reason() == null ? "" : a.reason());
                why.setWrapText(true);
                table.add(why, 4, row);
                row++;
            }
        };
        fill.run();
        risks.history().addListener((ListChangeListener<RiskAssessment>) change -> fill.run());

        GridPane form = LeadForms.grid();
        add(form, field(l10n.text("gui.risk.reassess.on"), LeadForms.date(risks.assessedOnProperty(),
                "lead-reassess-on", l10n.text("gui.lead.datePrompt")), risks.error(Field.DATE)), 0, 0, 1);
        ComboBox<RiskLevel> level = LeadForms.combo(FXCollections.observableArrayList(RiskLevel.values()),
                risks.riskProperty(), risks::label, "lead-reassess-risk");
        add(form, field(l10n.text("gui.risk.reassess.level"), level, risks.error(Field.RISK)), 1, 0, 1);
        CheckBox criminal = new CheckBox(l10n.text("gui.lead.details.criminalRisk"));
        criminal.setId("lead-reassess-criminal");
        criminal.selectedProperty().bindBidirectional(risks.criminalRiskProperty());
        CheckBox group = new CheckBox(l10n.text("gui.lead.details.groupRisk"));
        group.setId("lead-reassess-group");
        group.selectedProperty().bindBidirectional(risks.groupRiskProperty());
        FlowPane flags = new FlowPane(14, 6, criminal, group);
        flags.setAlignment(Pos.CENTER_LEFT);
        add(form, flags, 2, 0, 2);
        add(form, field(l10n.text("gui.risk.reassess.reason"), LeadForms.text(risks.reasonProperty(),
                "lead-reassess-reason", l10n.text("gui.risk.reassess.reason.prompt")), null), 0, 1, 4);
        Button reassess = button(l10n.text("gui.risk.reassess"), MaterialDesignA.ALERT_DECAGRAM_OUTLINE,
                "lead-reassess", risks::reassess);
        reassess.getStyleClass().add(Styles.ACCENT);
        Label subtitle = new Label(l10n.text("gui.risk.reassess.title"));
        subtitle.getStyleClass().addAll(Styles.TEXT_BOLD, "lead-subtitle");
        return LeadForms.section("lead-section-risk-history", l10n.text("gui.risk.section"),
                MaterialDesignA.ALERT_OUTLINE, editor.registeredProperty(), table, subtitle, form,
                LeadForms.error(risks.generalError()), LeadForms.actions(reassess));
    }

    private static Node riskDot(RiskLevel level) {
        Circle dot = new Circle(5);
        dot.getStyleClass().addAll("risk-dot", "risk-" + level.name().toLowerCase(Locale.ROOT));
        return dot;
    }

}
