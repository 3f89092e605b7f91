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
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
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
 * the window binds to, without the window): the first page, every sortable column both ways, the
 * last page, a common word and a name searched, then an all-time summary by committee. It prints the
 * heap's peak use (the sum of the heap pools' peaks) and what is live after a full collection. The
 * figure's time is the whole walk; it fails (and says so) on an OutOfMemoryError.
 */
public final class HeapTiming implements ProcessTiming {
    static final int MAX_HEAP_MB = 256;
    private static final String RESULT = "HEAP ";

    @Override
    public List<ProcessFigure> measure(int leads) throws Exception {
        BenchmarkData.database(leads, true).close(); // made here, with the report's heap, not the probe's
        List<String> command = List.of(ProcessHandle.current().info().command().orElse("java"),
                "-Xmx" + MAX_HEAP_MB + "m", "-Dbenchmark.dir=" + BenchmarkData.folder(),
                "-cp", System.getProperty("java.class.path"), Probe.class.getName(), Integer.toString(leads));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String result = null;
        List<String> tail = new ArrayList<>();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8))) {
            for (String line; (line = out.readLine()) != null; ) {
                if (line.startsWith(RESULT)) {
                    result = line.substring(RESULT.length());
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
        String note = String.format(Locale.ROOT, "peak heap %d MB of %d MB, live after a full GC %d MB",
                peak >> 20, MAX_HEAP_MB, live >> 20);
        return List.of(new ProcessFigure(what, leads, millis, "", 0, 0, 0, note));
    }

    /** The child: walks the ledger and prints {@code HEAP <millis> <peak bytes> <live bytes>}. */
    public static final class Probe {
        public static void main(String[] args) throws Exception {
            int leads = Integer.parseInt(args[0]);
            Clock clock = Clock.systemDefaultZone();
            Preferences preferences = Preferences.userRoot().node("cn/mediationdesk-heap/" + UUID.randomUUID());
            long start = System.nanoTime();
            try (Database db = BenchmarkData.database(leads, true)) {
                LedgerViewModel ledger = new LedgerViewModel(new LeadSearchService(db, User.setup()),
                        new ReportService(db, clock, User.setup()), new Localization(Localization.CHINESE), clock,
                        new CurrentThreadTaskExecutor(), new RecordingDialogService(), new RecordingLeadOpener(),
                        preferences);
                ledger.start();
                for (LedgerTableColumn column : LedgerTableColumn.values()) {
                    if (column.sortColumn().isPresent()) {
                        ledger.sortBy(column, true);
                        ledger.sortBy(column, false);
                    }
                }
                ledger.lastPage();
                ledger.textProperty().set("纠纷");
                ledger.textProperty().set("王秀英");
                LocalDate today = LocalDate.now(clock);
                new TallyService(db).summarize(TallyQuery.of(Grouping.COMMITTEE, null, null, today));
            } finally {
                preferences.removeNode();
            }
            long millis = (System.nanoTime() - start) / 1_000_000;
            long peak = 0;
            for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
                if (pool.getType() == MemoryType.HEAP) {
                    peak += pool.getPeakUsage().getUsed();
                }
            }
            System.gc();
            long live = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
            System.out.println(RESULT + millis + " " + peak + " " + live);
        }
    }
}
