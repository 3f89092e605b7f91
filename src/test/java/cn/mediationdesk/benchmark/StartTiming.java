package cn.mediationdesk.benchmark;

import cn.mediationdesk.gui.startup.FirstFrameReport;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Start to first frame, as a whole process: {@code java -jar target/mediationdesk.jar} on a database,
 * without and with a class-data-sharing archive (as run.sh starts it), against {@link BareWindow} on
 * the same runtime and class path. Each process writes its own time from JVM start to the first
 * laid-out pulse of its shown window ({@link FirstFrameReport}) and is then ended. The three are
 * run in turn, {@link #RUNS} times each, and the best of each is kept.
 * <p>
 * Needs the shaded jar (build it with {@code mvn -DskipTests package}) and a display: the
 * {@code DISPLAY} in force, or an Xvfb of its own when Xvfb is installed. Without either it says so
 * and measures nothing. The database is the demo jurisdiction (the generated data set of
 * {@code leads} leads once BenchmarkData can name its file): the window opens its database after
 * the first frame, so its size does not enter the figure.
 */
public final class StartTiming implements ProcessTiming {
    static final int RUNS = 5;
    private static final double GOAL_MILLIS = 1500;
    private static final double GOAL_RATIO = 2;
    private static final long PATIENCE_SECONDS = 60;

    @Override
    public List<ProcessFigure> measure(int leads) throws Exception {
        Path jar = Path.of("target", "mediationdesk.jar").toAbsolutePath();
        if (!Files.isRegularFile(jar)) {
            System.err.println("StartTiming: no " + jar + "; build it with mvn -DskipTests package. Not measured.");
            return List.of();
        }
        Path dir = Path.of(System.getProperty("benchmark.dir",
                System.getProperty("java.io.tmpdir") + "/mediationdesk-benchmark"), "start").toAbsolutePath();
        Files.createDirectories(dir);
        try (Display display = Display.find()) {
            if (display == null) {
                System.err.println("StartTiming: no DISPLAY and no Xvfb to start one. Not measured.");
                return List.of();
            }
            Path database = demoDatabase(jar, dir);
            Path archive = dir.resolve("mediationdesk.jsa");
            Files.deleteIfExists(archive);
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            // Only the jar and BareWindow's own folder: a longer class path would slow the floor down.
            String classPath = jar + File.pathSeparator
                    + Path.of(BareWindow.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            List<String> bare = List.of(java, "-cp", classPath, BareWindow.class.getName());
            List<String> app = List.of(java, "-jar", jar.toString(), "--db", database.toString());
            List<String> appWithArchive = List.of(java, "-XX:SharedArchiveFile=" + archive,
                    "-XX:+AutoCreateSharedArchive", "-jar", jar.toString(), "--db", database.toString());
            firstFrame(appWithArchive, dir, display); // writes the archive, as run.sh's first start does
            double bareBest = Double.MAX_VALUE;
            double appBest = Double.MAX_VALUE;
            double archiveBest = Double.MAX_VALUE;
            for (int run = 0; run < RUNS; run++) {
                bareBest = Math.min(bareBest, firstFrame(bare, dir, display));
                appBest = Math.min(appBest, firstFrame(app, dir, display));
                archiveBest = Math.min(archiveBest, firstFrame(appWithArchive, dir, display));
            }
            String floor = "a bare JavaFX window (one label), same runtime and class path";
            String note = "best of " + RUNS + ", alternated; database: the demo";
            return List.of(
                    new ProcessFigure("start to first frame", leads, appBest, floor, bareBest, GOAL_MILLIS,
                            GOAL_RATIO, note),
                    new ProcessFigure("start to first frame, class-data archive (run.sh)", leads, archiveBest, floor,
                            bareBest, GOAL_MILLIS, GOAL_RATIO, note));
        }
    }

    /** The demo jurisdiction in {@code dir}, made once by the jar's own {@code demo} command. */
    private static Path demoDatabase(Path jar, Path dir) throws IOException, InterruptedException {
        Path database = dir.resolve("demo");
        if (Files.exists(dir.resolve("demo.mv.db"))) {
            return database;
        }
        Process demo = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", jar.toString(), "--db", database.toString(), "demo")
                .redirectErrorStream(true).redirectOutput(dir.resolve("demo.log").toFile()).start();
        if (demo.waitFor() != 0) {
            throw new IllegalStateException("the demo command failed; see " + dir.resolve("demo.log"));
        }
        return database;
    }

    /** Starts {@code command}, waits for its first-frame report, ends it and returns the milliseconds. */
    private static double firstFrame(List<String> command, Path dir, Display display) throws Exception {
        Path report = dir.resolve("first-frame.txt");
        Files.deleteIfExists(report);
        List<String> withReport = new ArrayList<>(command);
        withReport.add(1, "-D" + FirstFrameReport.PROPERTY + "=" + report);
        ProcessBuilder builder = new ProcessBuilder(withReport).redirectErrorStream(true)
                .redirectOutput(dir.resolve("start.log").toFile());
        builder.environment().put("DISPLAY", display.name());
        Process process = builder.start();
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(PATIENCE_SECONDS);
            while (!hasReport(report)) {
                if (!process.isAlive() || System.nanoTime() > deadline) {
                    throw new IllegalStateException("no first frame from " + command + "; see " + dir.resolve("start.log"));
                }
                Thread.sleep(20);
            }
            return Double.parseDouble(Files.readString(report).trim());
        } finally {
            process.destroy(); // a normal exit: H2 closes its file, the JVM writes its archive
            if (!process.waitFor(PATIENCE_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }

    private static boolean hasReport(Path report) throws IOException {
        return Files.exists(report) && !Files.readString(report).isBlank();
    }

    /** The X display the windows go to: the one in force, or an Xvfb started for the measurement. */
    private record Display(String name, Process xvfb) implements AutoCloseable {
        static Display find() throws IOException, InterruptedException {
            String current = System.getenv("DISPLAY");
            if (current != null && !current.isBlank()) {
                return new Display(current, null);
            }
            for (int number = 90; number < 100; number++) {
                if (Files.exists(Path.of("/tmp/.X" + number + "-lock"))) {
                    continue;
                }
                Process xvfb;
                try {
                    xvfb = new ProcessBuilder("Xvfb", ":" + number, "-screen", "0", "1366x768x24", "-nolisten", "tcp")
                            .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
                } catch (IOException notInstalled) {
                    return null;
                }
                // Xvfb makes its socket when it is ready to take windows.
                for (int wait = 0; wait < 100 && xvfb.isAlive(); wait++) {
                    if (Files.exists(Path.of("/tmp/.X11-unix/X" + number))) {
                        return new Display(":" + number, xvfb);
                    }
                    Thread.sleep(50);
                }
                xvfb.destroy();
            }
            return null;
        }

        @Override
        public void close() throws InterruptedException {
            if (xvfb != null) {
                xvfb.destroy();
                xvfb.waitFor(10, TimeUnit.SECONDS);
            }
        }
    }

    /** Runs the measurement alone: {@code -Dleads=N} (default 1,000,000, which only labels it here). */
    public static void main(String[] args) throws Exception {
        int leads = Integer.parseInt(System.getProperty("leads", "1000000"));
        for (ProcessFigure figure : new StartTiming().measure(leads)) {
            System.out.println(figure);
        }
    }
}
