package cn.mediationdesk.gui.main;

import atlantafx.base.theme.Styles;
import cn.mediationdesk.gui.common.Scrolling;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.OverrunStyle;
import javafx.scene.control.Separator;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignA;
import org.kordamp.ikonli.materialdesign2.MaterialDesignB;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;
import org.kordamp.ikonli.materialdesign2.MaterialDesignD;
import org.kordamp.ikonli.materialdesign2.MaterialDesignH;
import org.kordamp.ikonli.materialdesign2.MaterialDesignL;
import org.kordamp.ikonli.materialdesign2.MaterialDesignM;
import org.kordamp.ikonli.materialdesign2.MaterialDesignS;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** The main window: navigation on the left, the chosen screen in the middle, the status bar below. */
public final class MainWindowView extends BorderPane {
    private final MainWindowViewModel viewModel;
    private final Function<NavigationEntry, Node> screens;
    private final Map<NavigationEntry, Node> built = new EnumMap<>(NavigationEntry.class);
    private final StackPane content = new StackPane();

    /**
     * @param screens builds the screen of a navigation entry, once, when it is first shown
     */
    public MainWindowView(MainWindowViewModel viewModel, String appName, Function<NavigationEntry, Node> screens) {
        this.viewModel = viewModel;
        this.screens = screens;
        getStyleClass().add("main-window");
        setLeft(navigation(appName));
        setCenter(content);
        setBottom(statusBar());
        content.getStyleClass().add("main-content");
        // A screen larger than the window never pushes the navigation or the status bar off it: it
        // scrolls inside its own place instead (1024×768, or 1366×768 at 125 %).
        content.setMinSize(0, 0);
        show(viewModel.selectedProperty().get());
        viewModel.selectedProperty().addListener((obs, old, now) -> show(now));
    }

    private void show(NavigationEntry entry) {
        content.getChildren().setAll(built.computeIfAbsent(entry, e -> Scrolling.unlessFitting(screens.apply(e))));
    }

    private Node navigation(String appName) {
        Label brand = new Label(appName, icon(MaterialDesignS.SCALE_BALANCE, 26));
        brand.getStyleClass().addAll("nav-brand", Styles.TITLE_4);
        brand.setGraphicTextGap(10);

        ListView<NavigationEntry> list = new ListView<>();
        list.getItems().setAll(viewModel.entries());
        list.getStyleClass().add("nav-list");
        list.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(NavigationEntry entry, boolean empty) {
                super.updateItem(entry, empty);
                if (empty || entry == null) {
                    setText(null);
                    setGraphic(null);
                } else {
                    setText(viewModel.label(entry));
                    setGraphic(icon(iconOf(entry), 18));
                }
            }
        });
        list.getSelectionModel().select(viewModel.selectedProperty().get());
        list.getSelectionModel().selectedItemProperty().addListener((obs, old, now) -> {
            if (now == null) {
                list.getSelectionModel().select(old); // keep one screen chosen
            } else {
                viewModel.select(now);
            }
        });
        viewModel.selectedProperty().addListener((obs, old, now) -> list.getSelectionModel().select(now));
        VBox.setVgrow(list, Priority.ALWAYS);

        VBox nav = new VBox(16, brand, list);
        nav.getStyleClass().add("nav-pane");
        nav.setPadding(new Insets(18, 12, 12, 12));
        nav.setPrefWidth(200);
        nav.setMinWidth(200);
        return nav;
    }

    private static Ikon iconOf(NavigationEntry entry) {
        return switch (entry) {
            case DASHBOARD -> MaterialDesignH.HOME_OUTLINE;
            case AGENDA -> MaterialDesignC.CALENDAR_CLOCK;
            case LEDGER -> MaterialDesignB.BOOK_OPEN_VARIANT;
            case CASE_FILES -> MaterialDesignA.ARCHIVE_OUTLINE;
            case REPEATS -> org.kordamp.ikonli.materialdesign2.MaterialDesignR.REPEAT;
            case MONTHLY -> MaterialDesignC.CALENDAR_CHECK_OUTLINE;
            case SUMMARIES -> MaterialDesignC.CHART_BOX_OUTLINE;
            case ORGANIZATION -> MaterialDesignS.SITEMAP_OUTLINE;
            case DATA -> MaterialDesignD.DATABASE_IMPORT_OUTLINE;
            case USERS -> MaterialDesignA.ACCOUNT_GROUP_OUTLINE;
            case AUDIT -> MaterialDesignS.SHIELD_SEARCH;
            case SETTINGS -> MaterialDesignC.COG_OUTLINE;
        };
    }

    private Node statusBar() {
        Label jurisdiction = new Label(viewModel.jurisdictionText(), icon(MaterialDesignM.MAP_MARKER_OUTLINE, 16));
        jurisdiction.setMinWidth(Label.USE_PREF_SIZE);
        Label location = new Label(viewModel.locationText(), icon(MaterialDesignD.DATABASE_OUTLINE, 16));
        // A long path loses its beginning, never the file name.
        location.setTextOverrun(OverrunStyle.LEADING_ELLIPSIS);
        location.setTooltip(new Tooltip(viewModel.database().location()));
        HBox.setHgrow(location, Priority.ALWAYS);
        location.setMaxWidth(Double.MAX_VALUE);

        HBox bar = new HBox(14, jurisdiction, new Separator(Orientation.VERTICAL), location);
        if (!viewModel.userText().isEmpty()) {
            Label user = new Label(viewModel.userText(), icon(MaterialDesignA.ACCOUNT_CIRCLE_OUTLINE, 16));
            user.setId("status-user");
            user.setMinWidth(Label.USE_PREF_SIZE);
            bar.getChildren().addAll(0, List.of(user, new Separator(Orientation.VERTICAL)));
            if (viewModel.canLogOut()) {
                Hyperlink logOut = new Hyperlink(viewModel.logOutText(), icon(MaterialDesignL.LOGOUT, 16));
                logOut.setId("log-out");
                logOut.setMinWidth(Label.USE_PREF_SIZE);
                logOut.setOnAction(e -> viewModel.logOut());
                bar.getChildren().add(1, logOut);
            }
        }
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.getStyleClass().add("status-bar");
        bar.setPadding(new Insets(5, 14, 5, 14));
        return bar;
    }

    private static FontIcon icon(Ikon ikon, int size) {
        FontIcon icon = new FontIcon(ikon);
        icon.setIconSize(size);
        return icon;
    }
}
