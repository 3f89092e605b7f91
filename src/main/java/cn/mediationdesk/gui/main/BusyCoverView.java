package cn.mediationdesk.gui.main;

import atlantafx.base.theme.Styles;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/**
 * Covers the window while it does something that must not be interrupted (the backup on exit, a
 * restore): a progress indicator and what is happening, and no clicks reach the window beneath.
 */
public final class BusyCoverView extends StackPane {

    public BusyCoverView(String text, String hint) {
        getStyleClass().add("busy-cover");
        setId("busy-cover");
        ProgressIndicator progress = new ProgressIndicator();
        progress.setPrefSize(48, 48);
        Label title = new Label(text);
        title.setId("busy-cover-text");
        title.getStyleClass().add(Styles.TITLE_4);
        title.setWrapText(true);
        Label more = new Label(hint);
        more.getStyleClass().add(Styles.TEXT_MUTED);
        more.setWrapText(true);
        VBox card = new VBox(14, progress, title, more);
        card.setAlignment(Pos.CENTER);
        card.setMaxWidth(420);
        card.setMaxHeight(USE_PREF_SIZE);
        card.setPadding(new Insets(24));
        card.getStyleClass().add("start-card");
        getChildren().add(card);
        StackPane.setAlignment(card, Pos.CENTER);
    }
}
