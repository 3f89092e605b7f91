package cn.mediationdesk.benchmark;

import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Runs every benchmark of issue 12 at each size and writes the table of docs/benchmarks.md: each
 * figure, its floor measured in the same run, the ratio, and whether the target at 1,000,000 leads
 * was met or missed by how much. The JMH benchmarks say their targets with {@link Goal}; the
 * whole-process figures come from the {@link ProcessTiming}s listed here.
 *
 * <p>Arguments (all optional): {@code --sizes 10000,100000,1000000}, {@code --include REGEX} (JMH
 * benchmarks to run; default every {@code *Benchmark}), {@code --quick} (one short iteration each, to
 * try the command), {@code --out FILE} (default docs/benchmarks.md; the table replaces what stands
 * between its two result markers), {@code --no-process} (JMH only).
 */
public final class BenchmarkReport {
    static final String BEGIN = "<!-- benchmark results: written by BenchmarkReport -->";
    static final String END = "<!-- end of benchmark results -->";
    /** The size the targets are stated for. */
    static final int TARGET_SIZE = 1_000_000;

    /** Whole-process figures, run after the JMH benchmarks at each size. */
    private static final List<Class<? extends ProcessTiming>> PROCESS_TIMINGS = List.of(GenerateTiming.class,
            StartTiming.class, HeapTiming.class);

    private BenchmarkReport() {
    }

    /** One line of the table. */
    record Row(String what, int leads, double millis, double error, String floorWhat, double floorMillis,
               double goalMillis, double goalRatio, String note) {

        double ratio() {
            return floorMillis > 0 ? millis / floorMillis : Double.NaN;
        }

        /** Whether the targets hold, and by how much not; empty below the size the targets are for. */
        String verdict() {
            if (leads != TARGET_SIZE || (goalMillis <= 0 && goalRatio <= 0)) {
                return "";
            }
            List<String> missed = new ArrayList<>();
            if (goalMillis > 0 && millis > goalMillis) {
                missed.add("%s over %s".formatted(time(millis - goalMillis), time(goalMillis)));
            }
            if (goalRatio > 0 && floorMillis > 0 && ratio() > goalRatio) {
                missed.add("%.2f× over %.1f×".formatted(ratio() - goalRatio, goalRatio));
            }
            return missed.isEmpty() ? "met" : "**missed**: " + String.join("; ", missed);
        }
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = options(args);
        List<Integer> sizes = Arrays.stream(options.getOrDefault("sizes", "10000,100000,1000000").split(","))
                .map(String::strip).map(Integer::parseInt).toList();
        boolean quick = options.containsKey("quick");
        Path out = Path.of(options.getOrDefault("out", "docs/benchmarks.md"));
        String include = options.getOrDefault("include", ".*Benchmark\\..*");

        List<Row> rows = new ArrayList<>();
        for (int leads : sizes) {
            rows.addAll(jmh(include, leads, quick));
            if (!options.containsKey("no-process")) {
                for (Class<? extends ProcessTiming> timing : PROCESS_TIMINGS) {
                    for (ProcessFigure f : timing.getConstructor().newInstance().measure(leads)) {
                        rows.add(new Row(f.what(), f.leads(), f.millis(), Double.NaN, f.floorWhat(), f.floorMillis(),
                                f.goalMillis(), f.goalRatio(), f.note()));
                    }
                }
            }
            // Written after every size, so a long run that is stopped keeps what it measured.
            write(out, rows, sizes, quick);
        }
        System.out.println(table(rows));
    }

    private static List<Row> jmh(String include, int leads, boolean quick) throws RunnerException {
        ChainedOptionsBuilder builder = new OptionsBuilder()
                .include(include)
                .param("leads", String.valueOf(leads))
                .param("encrypted", "true")
                .jvmArgsAppend("-Dbenchmark.dir=" + System.getProperty("benchmark.dir",
                        Path.of(System.getProperty("java.io.tmpdir"), "mediationdesk-benchmark").toString()));
        if (quick) {
            builder.warmupIterations(0).measurementIterations(1).measurementTime(TimeValue.seconds(1));
        }
        Collection<RunResult> results = new Runner(builder.build()).run();
        Map<String, RunResult> byName = new TreeMap<>();
        for (RunResult result : results) {
            byName.put(key(result.getParams().getBenchmark(), result), result);
        }
        List<Row> rows = new ArrayList<>();
        for (RunResult result : results) {
            String name = result.getParams().getBenchmark();
            Optional<Goal> goal = goal(name);
            if (goal.isEmpty()) {
                continue;
            }
            Goal g = goal.get();
            RunResult floor = g.floor().isEmpty() ? null
                    : byName.get(key(name.substring(0, name.lastIndexOf('.') + 1) + g.floor(), result));
            rows.add(new Row(label(g.what(), result), leads, score(result), error(result),
                    floor == null ? "" : simpleName(floor.getParams().getBenchmark()),
                    floor == null ? Double.NaN : score(floor), g.millis(), g.ratio(), ""));
        }
        return rows;
    }

    /** A benchmark with the values of its parameters: a figure and its floor share them. */
    private static String key(String benchmark, RunResult result) {
        return benchmark + label("", result);
    }

    /** {@code what} followed by the parameters other than the size and the encryption, e.g. "summary (COMMITTEE, year)". */
    private static String label(String what, RunResult result) {
        var params = result.getParams();
        List<String> values = params.getParamsKeys().stream().sorted()
                .filter(k -> !k.equals("leads") && !k.equals("encrypted")).map(params::getParam).toList();
        return values.isEmpty() ? what : (what + " (" + String.join(", ", values) + ")").strip();
    }

    /** The {@link Goal} of the benchmark method {@code pkg.Class.method}, if it has one. */
    static Optional<Goal> goal(String benchmark) {
        int dot = benchmark.lastIndexOf('.');
        try {
            Class<?> type = Class.forName(benchmark.substring(0, dot));
            for (Method method : type.getMethods()) {
                if (method.getName().equals(benchmark.substring(dot + 1)) && method.isAnnotationPresent(Goal.class)) {
                    return Optional.of(method.getAnnotation(Goal.class));
                }
            }
            return Optional.empty();
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }

    private static double score(RunResult result) {
        return result.getPrimaryResult().getScore();
    }

    private static double error(RunResult result) {
        return result.getPrimaryResult().getScoreError();
    }

    private static String simpleName(String benchmark) {
        String withoutPackage = benchmark.substring(benchmark.lastIndexOf('.', benchmark.lastIndexOf('.') - 1) + 1);
        return withoutPackage.replace("Benchmark.", ".");
    }

    /** Replaces the results between the markers of {@code out} (or appends them when it has none). */
    static void write(Path out, List<Row> rows, List<Integer> sizes, boolean quick) throws IOException {
        String section = BEGIN + "\n\n" + heading(sizes, quick) + "\n\n" + table(rows) + "\n" + END;
        String text = Files.exists(out) ? Files.readString(out, StandardCharsets.UTF_8) : "";
        int begin = text.indexOf(BEGIN);
        int end = text.indexOf(END);
        String replaced = begin >= 0 && end > begin
                ? text.substring(0, begin) + section + text.substring(end + END.length())
                : text + (text.isEmpty() || text.endsWith("\n") ? "" : "\n") + "\n" + section + "\n";
        Files.writeString(out, replaced, StandardCharsets.UTF_8);
    }

    private static String heading(List<Integer> sizes, boolean quick) {
        var os = ManagementFactory.getOperatingSystemMXBean();
        return "Run of %s: %d cores, load average %.1f at the end, Java %s, sizes %s%s.".formatted(
                LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")),
                os.getAvailableProcessors(), os.getSystemLoadAverage(), System.getProperty("java.version"),
                sizes, quick ? " (--quick: one short iteration each, not for the record)" : "");
    }

    static String table(List<Row> rows) {
        StringBuilder table = new StringBuilder("""
                | figure | leads | time | ± | floor | floor time | ratio | target at 1M | verdict |
                |---|---:|---:|---:|---|---:|---:|---|---|
                """);
        for (Row row : rows) {
            table.append("| %s | %,d | %s | %s | %s | %s | %s | %s | %s |%n".formatted(row.what(), row.leads(),
                    time(row.millis()), Double.isNaN(row.error()) ? "" : time(row.error()), row.floorWhat(),
                    Double.isNaN(row.floorMillis()) ? "" : time(row.floorMillis()),
                    Double.isNaN(row.ratio()) ? "" : "%.2f×".formatted(row.ratio()), target(row),
                    row.note().isEmpty() ? row.verdict() : (row.verdict() + " " + row.note()).strip()));
        }
        return table.toString();
    }

    private static String target(Row row) {
        List<String> parts = new ArrayList<>();
        if (row.goalMillis() > 0) {
            parts.add("≤ " + time(row.goalMillis()));
        }
        if (row.goalRatio() > 0) {
            parts.add("≤ %.1f× floor".formatted(row.goalRatio()));
        }
        return String.join(", ", parts);
    }

    static String time(double millis) {
        if (millis >= 10_000) {
            return String.format(Locale.ROOT, "%,.1f s", millis / 1000);
        }
        if (millis >= 100) {
            return String.format(Locale.ROOT, "%,.0f ms", millis);
        }
        if (millis >= 1) {
            return String.format(Locale.ROOT, "%.1f ms", millis);
        }
        return String.format(Locale.ROOT, "%.2f ms", millis);
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new TreeMap<>();
        for (int i = 0; i < args.length; i++) {
            String name = args[i].replaceFirst("^--", "");
            boolean flag = i + 1 >= args.length || args[i + 1].startsWith("--");
            options.put(name, flag ? "" : args[++i]);
        }
        return options;
    }
}
