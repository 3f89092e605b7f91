package cn.mediationdesk.gui.startup;

import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.LongConsumer;

/**
 * Measures start-up for the benchmark: with {@code -Dmediationdesk.startup.report=FILE}, writes to
 * FILE the milliseconds from the JVM's start to the first frame, and nothing else. The first frame
 * is the first pulse after the stage was shown whose CSS and layout pass has run on a scene of
 * non-zero size: from then on the window's content is drawn. The bare JavaFX window the benchmark
 * compares against uses this same class, so both are measured alike.
 */
public final class FirstFrameReport {
    /** The system property naming the file the time is written to. */
    public static final String PROPERTY = "mediationdesk.startup.report";

    private FirstFrameReport() {
    }

    /** Call right after {@code stage.show()}; does nothing unless the property is set. */
    public static void watch(Stage stage) {
        String file = System.getProperty(PROPERTY);
        if (file == null || file.isBlank()) {
            return;
        }
        afterFirstFrame(stage, at -> write(Path.of(file), at - ManagementFactory.getRuntimeMXBean().getStartTime()));
    }

    /**
     * Runs {@code then} once on the FX thread, at the end of the first pulse that laid out the shown
     * stage, with the wall-clock milliseconds of that moment: for work the first frame need not wait for.
     */
    public static void afterFirstFrame(Stage stage, LongConsumer then) {
        Scene scene = stage.getScene();
        scene.addPostLayoutPulseListener(new Runnable() {
            private boolean done;

            @Override
            public void run() {
                if (done || !stage.isShowing() || scene.getWidth() <= 0 || scene.getHeight() <= 0) {
                    return;
                }
                done = true;
                long now = System.currentTimeMillis();
                // Later: a listener cannot leave the list that the pulse is walking.
                Platform.runLater(() -> scene.removePostLayoutPulseListener(this));
                then.accept(now);
            }
        });
    }

    private static void write(Path file, long millis) {
        try {
            Files.writeString(file, Long.toString(millis), StandardCharsets.UTF_8);
        } catch (IOException e) {
            // The logger only here: made at class load, it would start logging inside the bare window's figure.
            LoggerFactory.getLogger(FirstFrameReport.class).warn("could not write the start-up time to {}", file, e);
        }
    }
}
