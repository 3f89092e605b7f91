package cn.mediationdesk.gui.users;

import atlantafx.base.theme.Styles;
import cn.mediationdesk.gui.common.FieldMarks;
import cn.mediationdesk.gui.users.UsersViewModel.UserRow;
import cn.mediationdesk.logic.l10n.Localization;
import cn.mediationdesk.model.Committee;
import cn.mediationdesk.model.Role;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ObservableStringValue;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.Callback;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignA;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;
import org.kordamp.ikonli.materialdesign2.MaterialDesignL;

import java.util.function.Function;

/** The Users screen: the accounts on the left, the form of a new or the selected account on the right. */
public final class UsersView extends HBox {
    private final UsersViewModel viewModel;
    private final Localization l10n;

    public UsersView(UsersViewModel viewModel, Localization l10n) {
        this.viewModel = viewModel;
        this.l10n = l10n;
        getStyleClass().add("users-view");
        setSpacing(18);
        setPadding(new Insets(24, 28, 28, 28));

        Label title = new Label(l10n.text("gui.users.title"));
        title.getStyleClass().add(Styles.TITLE_2);
        TableView<UserRow> table = table();
        VBox.setVgrow(table, Priority.ALWAYS);
        VBox left = new VBox(12, title, table);
        HBox.setHgrow(left, Priority.ALWAYS);
        Node form = form();
        getChildren().addAll(left, form);
    }

    private TableView<UserRow> table() {
        TableView<UserRow> table = new TableView<>(viewModel.rows());
        table.setId("users-table");
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getColumns().add(column("gui.users.column.username", UserRow::username));
        table.getColumns().add(column("gui.users.column.name", UserRow::displayName));
        table.getColumns().add(column("gui.users.column.role", UserRow::role));
        table.getColumns().add(column("gui.users.column.committee", UserRow::committee));
        table.getColumns().add(column("gui.users.column.status", UserRow::status));
        table.setPlaceholder(new Label(l10n.text("gui.users.none")));
        table.getSelectionModel().selectedItemProperty().addListener((obs, old, now) -> {
            if (now != viewModel.selectedProperty().get()) {
                viewModel.selectedProperty().set(now);
            }
        });
        viewModel.selectedProperty().addListener((obs, old, now) -> {
            if (now == null) {
                table.getSelectionModel().clearSelection();
            } else if (table.getSelectionModel().getSelectedItem() != now) {
                table.getSelectionModel().select(now);
            }
        });
        return table;
    }

    private TableColumn<UserRow, String> column(String key, Function<UserRow, String> value) {
        TableColumn<UserRow, String> column = new TableColumn<>(l10n.text(key));
        column.setCellValueFactory(cell -> new ReadOnlyStringWrapper(value.apply(cell.getValue())));
        return column;
    }

    private Node form() {
        Label heading = new Label();
        heading.getStyleClass().add(Styles.TITLE_4);
        heading.textProperty().bind(Bindings.when(viewModel.editingProperty())
                .then(l10n.text("gui.users.form.edit")).otherwise(l10n.text("gui.users.form.add")));

        TextField username = new TextField();
        username.setId("user-username");
        username.textProperty().bindBidirectional(viewModel.usernameProperty());
        username.disableProperty().bind(viewModel.editingProperty());
        TextField name = new TextField();
        name.setId("user-name");
        name.textProperty().bindBidirectional(viewModel.displayNameProperty());
        ComboBox<Role> role = new ComboBox<>();
        role.setId("user-role");
        role.getItems().setAll(viewModel.roles());
        role.valueProperty().bindBidirectional(viewModel.roleProperty());
        Callback<javafx.scene.control.ListView<Role>, ListCell<Role>> roleCells = v -> new ListCell<>() {
            @Override
            protected void updateItem(Role item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : viewModel.roleName(item));
            }
        };
        role.setCellFactory(roleCells);
        role.setButtonCell(roleCells.call(null));
        ComboBox<Committee> committee = new ComboBox<>(viewModel.committees());
        committee.setId("user-committee");
        committee.valueProperty().bindBidirectional(viewModel.committeeProperty());
        Callback<javafx.scene.control.ListView<Committee>, ListCell<Committee>> committeeCells = v -> new ListCell<>() {
            @Override
            protected void updateItem(Committee item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : item.name());
            }
        };
        committee.setCellFactory(committeeCells);
        committee.setButtonCell(committeeCells.call(null));
        committee.disableProperty().bind(viewModel.committeeNeededProperty().not());
        PasswordField password = new PasswordField();
        password.setId("user-password");
        password.textProperty().bindBidirectional(viewModel.passwordProperty());
        PasswordField repeat = new PasswordField();
        repeat.setId("user-password-repeat");
        repeat.textProperty().bindBidirectional(viewModel.passwordRepeatProperty());
        for (var field : new javafx.scene.control.Control[] {username, name, role, committee, password, repeat}) {
            field.setMaxWidth(Double.MAX_VALUE);
        }

        GridPane grid = new GridPane();
        grid.setHgap(12);
        grid.setVgap(6);
        ColumnConstraints labels = new ColumnConstraints();
        labels.setMinWidth(110);
        ColumnConstraints fields = new ColumnConstraints();
        fields.setHgrow(Priority.ALWAYS);
        grid.getColumnConstraints().addAll(labels, fields);
        String required = l10n.text("gui.window.required");
        FieldMarks.required(row(grid, 0, "gui.users.field.username", username, viewModel.usernameProblemProperty()),
                required);
        FieldMarks.required(row(grid, 1, "gui.users.field.name", name, viewModel.displayNameProblemProperty()), required);
        FieldMarks.required(row(grid, 2, "gui.users.field.role", role, viewModel.roleProblemProperty()), required);
        row(grid, 3, "gui.users.field.committee", committee, viewModel.committeeProblemProperty());
        Label passwordLabel = row(grid, 4, "gui.users.field.password", password, viewModel.passwordProblemProperty());
        passwordLabel.textProperty().bind(Bindings.when(viewModel.editingProperty())
                .then(l10n.text("gui.users.field.newPassword")).otherwise(l10n.text("gui.users.field.password")));
        row(grid, 5, "gui.users.field.repeat", repeat, viewModel.repeatProblemProperty());

        Button save = new Button();
        save.setId("user-save");
        save.textProperty().bind(Bindings.when(viewModel.editingProperty())
                .then(l10n.text("gui.users.save")).otherwise(l10n.text("gui.users.add")));
        save.setGraphic(icon(MaterialDesignC.CONTENT_SAVE_OUTLINE));
        save.getStyleClass().add(Styles.ACCENT);
        save.setOnAction(e -> viewModel.save());
        Button fresh = new Button(l10n.text("gui.users.new"), icon(MaterialDesignA.ACCOUNT_PLUS_OUTLINE));
        fresh.setId("user-new");
        fresh.setOnAction(e -> viewModel.newUser());
        fresh.visibleProperty().bind(viewModel.editingProperty());
        HBox main = new HBox(10, save, fresh);

        Button reset = new Button(l10n.text("gui.users.reset"), icon(MaterialDesignL.LOCK_RESET));
        reset.setId("user-reset");
        reset.setOnAction(e -> viewModel.resetPassword());
        Button disable = new Button(l10n.text("gui.users.disable"), icon(MaterialDesignA.ACCOUNT_OFF_OUTLINE));
        disable.setId("user-disable");
        disable.setOnAction(e -> viewModel.disable());
        Button enable = new Button(l10n.text("gui.users.enable"), icon(MaterialDesignA.ACCOUNT_CHECK_OUTLINE));
        enable.setId("user-enable");
        enable.setOnAction(e -> viewModel.enable());
        Button unlock = new Button(l10n.text("gui.users.unlock"), icon(MaterialDesignL.LOCK_OPEN_OUTLINE));
        unlock.setId("user-unlock");
        unlock.setOnAction(e -> viewModel.unlock());
        HBox accountActions = new HBox(8, reset, disable, enable, unlock);
        accountActions.visibleProperty().bind(viewModel.editingProperty());
        accountActions.managedProperty().bind(accountActions.visibleProperty());
        for (Button b : new Button[] {save, fresh, reset, disable, enable, unlock}) {
            if (!b.disableProperty().isBound()) {
                b.disableProperty().bind(viewModel.busyProperty());
            }
        }

        Label message = new Label();
        message.setId("users-message");
        message.setWrapText(true);
        message.textProperty().bind(viewModel.messageProperty());
        message.visibleProperty().bind(message.textProperty().isNotEmpty());
        message.managedProperty().bind(message.visibleProperty());
        style(message, viewModel.succeededProperty().get());
        viewModel.succeededProperty().addListener((obs, old, ok) -> style(message, ok));

        VBox form = new VBox(12, heading, grid, main, accountActions, message);
        form.getStyleClass().add("card");
        form.setPadding(new Insets(16));
        form.setPrefWidth(420);
        form.setMinWidth(380);
        form.setAlignment(Pos.TOP_LEFT);
        form.disableProperty().bind(viewModel.refusedProperty());
        VBox holder = new VBox(form);
        holder.setPadding(new Insets(44, 0, 0, 0));
        // A refusal (not an administrator) must still be readable: show it outside the disabled form.
        Label refusal = new Label();
        refusal.textProperty().bind(viewModel.messageProperty());
        refusal.getStyleClass().add(Styles.DANGER);
        refusal.setWrapText(true);
        refusal.visibleProperty().bind(viewModel.refusedProperty());
        refusal.managedProperty().bind(refusal.visibleProperty());
        holder.getChildren().add(0, refusal);
        return holder;
    }

    private Label row(GridPane grid, int index, String key, javafx.scene.control.Control field,
                      ObservableStringValue problem) {
        Label label = new Label(l10n.text(key));
        label.setLabelFor(field);
        label.setMinWidth(Region.USE_PREF_SIZE);
        FieldMarks.flag(field, problem);
        grid.addRow(index, label, new VBox(4, field, FieldMarks.message(problem)));
        return label;
    }

    private static void style(Label message, boolean ok) {
        message.getStyleClass().removeAll(Styles.SUCCESS, Styles.DANGER);
        message.getStyleClass().add(ok ? Styles.SUCCESS : Styles.DANGER);
    }

    private static FontIcon icon(Ikon ikon) {
        FontIcon icon = new FontIcon(ikon);
        icon.setIconSize(16);
        return icon;
    }
}
