package cn.mediationdesk.gui.audit;

import atlantafx.base.theme.Styles;
import cn.mediationdesk.gui.audit.AuditViewModel.ChangeRow;
import cn.mediationdesk.gui.audit.AuditViewModel.EntryRow;
import cn.mediationdesk.gui.common.DateFieldConverter;
import cn.mediationdesk.gui.common.TextTables;
import cn.mediationdesk.logic.l10n.Localization;
import cn.mediationdesk.model.Committee;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignM;
import org.kordamp.ikonli.materialdesign2.MaterialDesignS;

import java.util.function.Function;

/** The 审计日志 screen: filters on top, the entries, the selected lead's history, the chain's check. */
public final class AuditView extends VBox {
    private final AuditViewModel viewModel;
    private final Localization l10n;

    public AuditView(AuditViewModel viewModel, Localization l10n) {
        this.viewModel = viewModel;
        this.l10n = l10n;
        getStyleClass().add("audit-view");
        setSpacing(12);
        setPadding(new Insets(24, 28, 28, 28));

        Label title = new Label(l10n.text("gui.audit.title"));
        title.getStyleClass().add(Styles.TITLE_2);
        Label message = new Label();
        message.textProperty().bind(viewModel.messageProperty());
        message.getStyleClass().add(Styles.TEXT_MUTED);

        SplitPane tables = new SplitPane(entriesTable(), details());
        tables.setOrientation(Orientation.VERTICAL);
        tables.setDividerPositions(0.55);
        VBox.setVgrow(tables, Priority.ALWAYS);

        Label verification = new Label();
        verification.setId("audit-verification");
        verification.setWrapText(true);
        verification.textProperty().bind(viewModel.verificationProperty());
        viewModel.intactProperty().addListener((obs, old, intact) -> {
            verification.getStyleClass().removeAll(Styles.SUCCESS, Styles.DANGER);
            verification.getStyleClass().add(intact ? Styles.SUCCESS : Styles.DANGER);
        });
        verification.getStyleClass().add(Styles.SUCCESS);

        getChildren().addAll(title, filters(), message, tables, verification);
    }

    private Node filters() {
        TextField actor = new TextField();
        actor.setId("audit-actor");
        actor.setPromptText(l10n.text("gui.audit.filter.actor"));
        actor.setPrefColumnCount(9);
        actor.textProperty().bindBidirectional(viewModel.actorProperty());
        TextField lead = new TextField();
        lead.setId("audit-lead");
        lead.setPromptText(l10n.text("gui.audit.filter.lead"));
        lead.setPrefColumnCount(16);
        lead.textProperty().bindBidirectional(viewModel.leadNumberProperty());
        DatePicker from = datePicker(l10n.text("gui.audit.filter.from"));
        from.valueProperty().bindBidirectional(viewModel.fromProperty());
        DatePicker to = datePicker(l10n.text("gui.audit.filter.to"));
        to.valueProperty().bindBidirectional(viewModel.toProperty());

        Button search = new Button(l10n.text("gui.audit.search"), new FontIcon(MaterialDesignM.MAGNIFY));
        search.setId("audit-search");
        search.setDefaultButton(true);
        search.disableProperty().bind(viewModel.busyProperty());
        search.setOnAction(e -> viewModel.search());
        Button verify = new Button(l10n.text("gui.audit.verify"), new FontIcon(MaterialDesignS.SHIELD_CHECK_OUTLINE));
        verify.setId("audit-verify");
        verify.disableProperty().bind(viewModel.busyProperty());
        verify.setOnAction(e -> viewModel.verify());

        FlowPane bar = new FlowPane(8, 8);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.getChildren().addAll(actor, lead);
        if (viewModel.choosesCommittee()) {
            ComboBox<Committee> committee = new ComboBox<>(viewModel.committees());
            committee.setId("audit-committee");
            committee.setPromptText(l10n.text("gui.audit.filter.committee"));
            committee.setConverter(new StringConverter<>() {
                @Override
                public String toString(Committee c) {
                    return c == null ? l10n.text("gui.audit.filter.allCommittees") : c.name();
                }

                @Override
                public Committee fromString(String text) {
                    return null;
                }
            });
            committee.valueProperty().bindBidirectional(viewModel.committeeProperty());
            bar.getChildren().add(committee);
        }
        bar.getChildren().addAll(from, to, search, verify);
        return bar;
    }

    private DatePicker datePicker(String prompt) {
        DatePicker picker = new DatePicker();
        picker.setConverter(new DateFieldConverter());
        picker.setEditable(true);
        picker.setPromptText(prompt);
        picker.setPrefWidth(140);
        return picker;
    }

    private TableView<EntryRow> entriesTable() {
        TableView<EntryRow> table = new TableView<>(viewModel.entries());
        table.setId("audit-entries");
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getColumns().add(column("gui.audit.column.when", EntryRow::when, 150));
        table.getColumns().add(column("gui.audit.column.actor", EntryRow::actor, 90));
        table.getColumns().add(column("gui.audit.column.action", EntryRow::action, 110));
        table.getColumns().add(column("gui.audit.column.record", EntryRow::record, 190));
        table.getColumns().add(column("gui.audit.column.changes", EntryRow::changes, 300));
        table.setPlaceholder(new Label(l10n.text("gui.audit.placeholder")));
        table.getSelectionModel().selectedItemProperty().addListener((obs, old, now) -> viewModel.selectedProperty().set(now));
        return table;
    }

    private Node details() {
        Label heading = new Label();
        heading.getStyleClass().add(Styles.TITLE_4);
        heading.textProperty().bind(viewModel.detailsTitleProperty());
        TableView<ChangeRow> table = new TableView<>(viewModel.details());
        table.setId("audit-details");
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getColumns().add(column("gui.audit.column.when", ChangeRow::when, 150));
        table.getColumns().add(column("gui.audit.column.actor", ChangeRow::actor, 90));
        table.getColumns().add(column("gui.audit.column.action", ChangeRow::action, 110));
        table.getColumns().add(column("gui.audit.column.field", ChangeRow::field, 170));
        table.getColumns().add(column("gui.audit.column.old", ChangeRow::oldValue, 180));
        table.getColumns().add(column("gui.audit.column.new", ChangeRow::newValue, 180));
        table.setPlaceholder(new Label(l10n.text("gui.audit.details.placeholder")));
        VBox.setVgrow(table, Priority.ALWAYS);
        VBox box = new VBox(6, heading, table);
        box.setPadding(new Insets(8, 0, 0, 0));
        return box;
    }

    private <R> TableColumn<R, String> column(String key, Function<R, String> value, double width) {
        return TextTables.column(l10n.text(key), value, width);
    }
}
