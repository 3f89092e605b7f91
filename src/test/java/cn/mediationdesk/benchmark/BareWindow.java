package cn.mediationdesk.benchmark;

import cn.mediationdesk.gui.startup.FirstFrameReport;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;

/**
 * The floor of the start-up figure: the least a JavaFX program does to show a window, on the same
 * runtime and class path as the app, at the app's size, timed by the same {@link FirstFrameReport}.
 * Not an {@link Application} itself, so that it starts from a plain class path as the app's
 * launcher does.
 */
public final class BareWindow {
    private BareWindow() {
    }

    public static void main(String[] args) {
        Application.launch(Window.class, args);
    }

    /** One label in a maximized window. */
    public static final class Window extends Application {
        @Override
        public void start(Stage stage) {
            stage.setScene(new Scene(new StackPane(new Label("MediationDesk"))));
            stage.setMaximized(true);
            stage.show();
            FirstFrameReport.watch(stage);
        }
    }
}
