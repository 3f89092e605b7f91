package cn.mediationdesk.benchmark;

import cn.mediationdesk.gui.common.CurrentThreadTaskExecutor;
import cn.mediationdesk.gui.common.RecordingDialogService;
import cn.mediationdesk.gui.common.RecordingLeadOpener;
import cn.mediationdesk.gui.ledger.LedgerTableColumn;
import cn.mediationdesk.gui.ledger.LedgerViewModel;
import cn.mediationdesk.logic.l10n.Localization;
import cn.mediationdesk.logic.report.ReportService;
import cn.mediationdesk.logic.search.LeadSearchService;
import cn.mediationdesk.logic.tally.Grouping;
import cn.mediationdesk.logic.tally.TallyQuery;
import cn.mediationdesk.logic.tally.TallyService;
import cn.mediationdesk.model.User;
import cn.mediationdesk.persistence.Database;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.prefs.Preferences;

/**
 * Issue 12 §5: "heap ≤ 256 MB with 1M leads and the ledger open (-Xmx256m works)". A child JVM
 * started with {@code -Xmx256m} opens the data set and drives the ledger's own view model (the one
 * the window binds to, without the window): the first page, every sortable column both ways and its
 * last page, a common word and a name searched, then an all-time summary by committee. It prints
 * each step's time, the highest heap use seen after a step, and what is live after a full
 * collection. The figure's time is the whole walk; it fails (and says so) on an OutOfMemoryError.
 */
public final class HeapTiming implements ProcessTiming {
    static final int MAX_HEAP_MB = 256;
    private static final String RESULT = "HEAP ";
    private static final String STEP = "STEP ";

    @Override
    public List<ProcessFigure> measure(int leads) throws Exception {
        BenchmarkData.database(leads, true).close(); // made here, with the report's heap, not the probe's
        List<String> command = List.of(ProcessHandle.current().info().command().orElse("java"),
                "-Xmx" + MAX_HEAP_MB + "m", "-Dbenchmark.dir=" + BenchmarkData.folder(),
                "-cp", System.getProperty("java.class.path"), Probe.class.getName(), Integer.toString(leads));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String result = null;
        List<String> tail = new ArrayList<>();
        List<String> steps = new ArrayList<>();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8))) {
            for (String line; (line = out.readLine()) != null; ) {
                if (line.startsWith(RESULT)) {
                    result = line.substring(RESULT.length());
                } else if (line.startsWith(STEP)) {
                    steps.add(line.substring(STEP.length()));
                } else if (tail.add(line) && tail.size() > 20) {
                    tail.removeFirst();
                }
            }
        }
        int exit = process.waitFor();
        String what = "ledger and summary with -Xmx" + MAX_HEAP_MB + "m (every sort, last page, two searches, "
                + "all-time summary)";
        if (exit != 0 || result == null) {
            return List.of(new ProcessFigure(what, leads, Double.NaN, "", 0, 0, 0,
                    "FAILED (exit " + exit + "): " + String.join(" | ", tail)));
        }
        String[] parts = result.split(" ");
        double millis = Double.parseDouble(parts[0]);
        long peak = Long.parseLong(parts[1]);
        long live = Long.parseLong(parts[2]);
        // The three slowest steps say where the walk's time went.
        List<String> slowest = steps.stream()
                .sorted(java.util.Comparator.comparingLong((String step) -> Long.parseLong(step.split(" ", 2)[0]))
                        .reversed())
                .limit(3).map(step -> step.split(" ", 2)[1] + " " + step.split(" ", 2)[0] + " ms").toList();
        String note = String.format(Locale.ROOT, "highest heap use after a step %d MB of %d MB, live after a full GC"
                + " %d MB; slowest: %s", peak >> 20, MAX_HEAP_MB, live >> 20, String.join(", ", slowest));
        steps.forEach(step -> System.out.println("  heap walk: " + step));
        return List.of(new ProcessFigure(what, leads, millis, "", 0, 0, 0, note));
    }

    /**
     * The child: walks the ledger, printing {@code STEP <millis> <what>} after each step and
     * {@code HEAP <millis> <highest heap use seen after a step> <live bytes>} at the end.
     */
    public static final class Probe {
        private long highest;
        private long last = System.nanoTime();

        public static void main(String[] args) throws Exception {
            new Probe().walk(Integer.parseInt(args[0]));
        }

        private void walk(int leads) throws Exception {
            Clock clock = Clock.systemDefaultZone();
            Preferences preferences = Preferences.userRoot().node("cn/mediationdesk-heap/" + UUID.randomUUID());
            long start = System.nanoTime();
            try (Database db = BenchmarkData.database(leads, true)) {
                step("open");
                LedgerViewModel ledger = new LedgerViewModel(new LeadSearchService(db, User.setup()),
                        new ReportService(db, clock, User.setup()), new Localization(Localization.CHINESE), clock,
                        new CurrentThreadTaskExecutor(), new RecordingDialogService(), new RecordingLeadOpener(),
                        preferences);
                ledger.start();
                step("first page");
                for (LedgerTableColumn column : LedgerTableColumn.values()) {
                    if (column.sortColumn().isPresent()) {
                        ledger.sortBy(column, true);
                        step("sort " + column + " ascending");
                        ledger.sortBy(column, false);
                        step("sort " + column + " descending");
                        ledger.lastPage();
                        step("last page by " + column + " descending");
                    }
                }
                ledger.lastPage();
                step("last page");
                // as the search field does once typing pauses
                ledger.textProperty().set("纠纷");
                ledger.search();
                step("search 纠纷");
                ledger.textProperty().set("王秀英");
                ledger.search();
                step("search 王秀英");
                LocalDate today = LocalDate.now(clock);
                new TallyService(db).summarize(TallyQuery.of(Grouping.COMMITTEE, null, null, today));
                step("all-time summary by committee");
            } finally {
                preferences.removeNode();
            }
            long millis = (System.nanoTime() - start) / 1_000_000;
            System.gc();
            long live = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
            System.out.println(RESULT + millis + " " + highest + " " + live);
        }

        private void step(String what) {
            long now = System.nanoTime();
            highest = Math.max(highest, ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
            System.out.println(STEP + (now - last) / 1_000_000 + " " + what);
            last = now;
        }
    }
}
