package cn.mediationdesk.gui.casefile;

import atlantafx.base.theme.Styles;
import cn.mediationdesk.gui.casefile.CaseFilesViewModel.Row;
import cn.mediationdesk.gui.common.DateFieldConverter;
import cn.mediationdesk.gui.common.TextTables;
import cn.mediationdesk.logic.l10n.Localization;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignA;
import org.kordamp.ikonli.materialdesign2.MaterialDesignM;

import java.util.List;

/** 卷宗检查: the period, and the incomplete files closed in it; a double click opens the lead. Controls only. */
public final class CaseFilesView extends BorderPane {

    public CaseFilesView(CaseFilesViewModel viewModel, Localization l10n) {
        setId("case-files");
        Label title = new Label(l10n.text("gui.caseFiles.title"), new FontIcon(MaterialDesignA.ARCHIVE_OUTLINE));
        title.getStyleClass().add(Styles.TITLE_3);
        Label hint = new Label(l10n.text("gui.caseFiles.hint"));
        hint.getStyleClass().add(Styles.TEXT_MUTED);
        hint.setWrapText(true);

        DatePicker from = datePicker(l10n);
        from.setId("case-files-from");
        from.valueProperty().bindBidirectional(viewModel.fromProperty());
        DatePicker to = datePicker(l10n);
        to.setId("case-files-to");
        to.valueProperty().bindBidirectional(viewModel.toProperty());
        Button run = new Button(l10n.text("gui.caseFiles.run"), new FontIcon(MaterialDesignM.MAGNIFY));
        run.setId("case-files-run");
        run.getStyleClass().add(Styles.ACCENT);
        run.setDefaultButton(true);
        run.disableProperty().bind(viewModel.loadingProperty());
        run.setOnAction(e -> viewModel.load());
        Label status = new Label();
        status.setId("case-files-status");
        status.textProperty().bind(viewModel.statusProperty());
        status.getStyleClass().add(Styles.TEXT_MUTED);
        HBox controls = new HBox(10, new Label(l10n.text("gui.caseFiles.from")), from,
                new Label(l10n.text("gui.caseFiles.to")), to, run, status);
        controls.setAlignment(Pos.CENTER_LEFT);

        TableView<Row> table = TextTables.dense(viewModel.rows(), "case-files-table", l10n.text("gui.caseFiles.empty"),
                List.of(TextTables.column(l10n.text("gui.caseFiles.column.caseNumber"), Row::caseNumber, 230),
                        TextTables.column(l10n.text("gui.caseFiles.column.parties"), Row::parties, 130),
                        TextTables.column(l10n.text("gui.caseFiles.column.closedOn"), Row::closedOn, 100),
                        TextTables.column(l10n.text("gui.caseFiles.column.outcome"), Row::outcome, 90),
                        TextTables.column(l10n.text("gui.caseFiles.column.lacks"), Row::lacks, 420)));
        // On a narrow screen only what the file lacks gives way: a case number or a day cut short is no use.
        table.getColumns().stream().limit(4).forEach(column -> column.setMinWidth(column.getPrefWidth()));
        table.setRowFactory(t -> {
            TableRow<Row> row = new TableRow<>();
            row.setOnMouseClicked(e -> {
                if (e.getClickCount() == 2 && !row.isEmpty()) {
                    viewModel.open(row.getItem());
                }
            });
            return row;
        });
        VBox.setVgrow(table, Priority.ALWAYS);
        VBox content = new VBox(12, title, hint, controls, table);
        content.setPadding(new Insets(16, 20, 16, 20));
        setCenter(content);
    }

    private static DatePicker datePicker(Localization l10n) {
        DatePicker picker = new DatePicker();
        picker.setConverter(new DateFieldConverter());
        picker.setEditable(true);
        picker.setPromptText(l10n.text("gui.lead.datePrompt"));
        picker.setPrefWidth(150);
        return picker;
    }
}
