package cn.mediationdesk.gui.data;

import atlantafx.base.theme.Styles;
import cn.mediationdesk.logic.l10n.Localization;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;
import org.kordamp.ikonli.materialdesign2.MaterialDesignK;
import org.kordamp.ikonli.materialdesign2.MaterialDesignL;
import org.kordamp.ikonli.materialdesign2.MaterialDesignS;

/** The sharing part of the Data screen: start and stop, what the other PCs type, a new password. Controls and bindings only. */
public final class SharingView extends VBox {

    public SharingView(SharingViewModel viewModel, Localization l10n) {
        setSpacing(12);
        setPadding(new Insets(14, 16, 14, 16));
        Label title = new Label(l10n.text("gui.share.title"), new FontIcon(MaterialDesignL.LAN));
        title.getStyleClass().add(Styles.TITLE_4);
        Label intro = wrapping(l10n.text("gui.share.intro"));

        TextField port = new TextField();
        port.setId("sharePort");
        port.setPrefColumnCount(6);
        port.textProperty().bindBidirectional(viewModel.portProperty());
        port.disableProperty().bind(viewModel.servingProperty().or(viewModel.busyProperty()));
        Button start = new Button(l10n.text("gui.share.start"), new FontIcon(MaterialDesignS.SHARE_VARIANT));
        start.setId("shareStart");
        start.getStyleClass().add(Styles.ACCENT);
        start.disableProperty().bind(viewModel.servingProperty().or(viewModel.busyProperty()));
        start.setOnAction(e -> viewModel.start());
        Button stop = new Button(l10n.text("gui.share.stop"), new FontIcon(MaterialDesignS.STOP));
        stop.setId("shareStop");
        stop.disableProperty().bind(viewModel.servingProperty().not());
        stop.setOnAction(e -> viewModel.stop());
        Label portLabel = new Label(l10n.text("gui.share.port"));
        portLabel.setLabelFor(port);
        HBox controls = new HBox(10, portLabel, port, start, stop);
        controls.setAlignment(Pos.CENTER_LEFT);

        TextArea connection = new TextArea();
        connection.setId("shareConnection");
        connection.setEditable(false);
        connection.setPrefRowCount(2);
        connection.textProperty().bind(viewModel.connectionProperty());
        TextField password = new TextField();
        password.setId("sharePassword");
        password.setEditable(false);
        password.textProperty().bind(viewModel.passwordProperty());
        Button copy = new Button(l10n.text("gui.share.copy"), new FontIcon(MaterialDesignC.CONTENT_COPY));
        copy.disableProperty().bind(viewModel.servingProperty().not());
        copy.setOnAction(e -> {
            ClipboardContent content = new ClipboardContent();
            content.putString(viewModel.connectionProperty().get() + System.lineSeparator()
                    + viewModel.passwordProperty().get());
            Clipboard.getSystemClipboard().setContent(content);
        });
        Button renew = new Button(l10n.text("gui.share.newPassword"), new FontIcon(MaterialDesignK.KEY_CHANGE));
        renew.setId("shareNewPassword");
        renew.disableProperty().bind(viewModel.busyProperty());
        renew.setOnAction(e -> viewModel.newPassword());
        HBox passwordRow = new HBox(10, password, copy, renew);
        passwordRow.setAlignment(Pos.CENTER_LEFT);
        HBox.setHgrow(password, javafx.scene.layout.Priority.ALWAYS);
        VBox shown = new VBox(6, new Label(l10n.text("gui.share.connection")), connection,
                new Label(l10n.text("gui.share.password")), passwordRow);
        shown.visibleProperty().bind(viewModel.servingProperty());
        shown.managedProperty().bind(shown.visibleProperty());

        Label message = wrapping("");
        message.textProperty().bind(viewModel.messageProperty());
        Label firewall = wrapping(l10n.text("gui.share.firewall"));
        firewall.getStyleClass().add(Styles.TEXT_MUTED);
        getChildren().addAll(new VBox(2, title, intro), controls, shown, message, firewall);
    }

    private static Label wrapping(String text) {
        Label label = new Label(text);
        label.setWrapText(true);
        label.setMinHeight(Region.USE_PREF_SIZE);
        return label;
    }
}
