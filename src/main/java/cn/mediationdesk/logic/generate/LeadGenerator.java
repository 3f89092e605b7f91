package cn.mediationdesk.logic.generate;

import cn.mediationdesk.logic.ValidationException;
import cn.mediationdesk.logic.lifecycle.CaseSettings;
import cn.mediationdesk.logic.security.Access;
import cn.mediationdesk.logic.store.GeneratedLead;
import cn.mediationdesk.logic.store.GeneratedLeadWriter;
import cn.mediationdesk.logic.store.Store;
import cn.mediationdesk.model.Problem;
import cn.mediationdesk.model.Problem.Field;
import cn.mediationdesk.model.User;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.SplittableRandom;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The {@code generate} command's service: adds synthetic leads, with every part of their lives, to a
 * database that holds no real data, for benchmarks and trials at the sizes a city reaches.
 *
 * <p>A setting counts the leads generated so far. A database whose lead count differs from it holds
 * leads somebody entered (the demo's, an import's, a user's) and is refused whole; one that holds
 * only generated leads gets more. Only an administrator may generate (anyone on a database without
 * accounts, as with every change there).
 *
 * <p>The leads are written in transactions of {@value #LEADS_PER_TRANSACTION}, each raising the case
 * number counters and the count of generated leads with its leads, so that a run stopped half-way
 * leaves a consistent database that a second run adds to. While one batch is written the next is
 * made on a thread of its own: the two take about as long each.
 *
 * <p>A run that at least doubles the leads sets the plain indexes of the tables it fills aside while it
 * writes and builds them again at the end ({@link GeneratedLeadWriter#setIndexesAside}; H2 only), also when
 * it fails; a run that died with them aside (power cut, killed) leaves a record the next run repairs from.
 */
public final class LeadGenerator {
    public static final int MAX_LEADS = 10_000_000;
    /** The setting that counts the generated leads in the database. */
    public static final String GENERATED_LEADS = "synthetic.generated_leads";
    static final int LEADS_PER_TRANSACTION = 10_000;
    /**
     * The largest page cache of the embedded file while generating, in KB. With H2's default 16 MB a third
     * of the time went to reading back (and decrypting) pages just written; the commit of a transaction
     * walks every entry it wrote, and with 256 MB one page in ten still came from the file (hit ratio
     * 89 % at 20,000 leads), with 1 GB one in a hundred. The old size is set back afterwards.
     */
    static final int BULK_PAGE_CACHE_KB = 1024 * 1024;

    /** The page cache while generating: {@value #BULK_PAGE_CACHE_KB} KB, or a quarter of the heap if less. */
    static int bulkPageCacheKb() {
        return (int) Math.min(BULK_PAGE_CACHE_KB, Runtime.getRuntime().maxMemory() / 4 / 1024);
    }

    private final Store store;
    private final Clock clock;
    private final User actor;

    /** How far a run has come: called after each committed transaction, on the caller's thread. */
    @FunctionalInterface
    public interface Progress {
        void written(long done, long total);
    }

    /**
     * @param added   leads this run wrote
     * @param total   generated leads in the database now
     * @param elapsed from the first check to the statistics refreshed at the end
     */
    public record Result(long added, long total, long seed, Duration elapsed) {
        public double leadsPerSecond() {
            double seconds = Math.max(1, elapsed.toNanos()) / 1e9;
            return added / seconds;
        }
    }

    public LeadGenerator(Store store, Clock clock, User actor) {
        this.store = Objects.requireNonNull(store, "store");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.actor = actor;
    }

    /**
     * Adds {@code leads} generated leads, made from {@code seed}.
     *
     * @throws ValidationException when the database holds leads that were not generated (nothing is
     *                             written), or {@code leads} is out of 1 … {@value #MAX_LEADS}
     * @throws cn.mediationdesk.logic.PermissionDeniedException unless an administrator acts
     */
    public Result generate(int leads, long seed, Progress progress) {
        if (leads < 1 || leads > MAX_LEADS) {
            throw new ValidationException(Problem.of(Field.LEAD, "generate.leadsRange", 1, MAX_LEADS));
        }
        long started = System.nanoTime();
        LocalDate today = LocalDate.now(clock);
        SplittableRandom root = new SplittableRandom(seed);
        SplittableRandom dayRandom = root.split();
        SplittableRandom organizationRandom = root.split();
        SplittableRandom leadRandom = root.split();
        Start start = store.write(tx -> {
            User acting = Access.requireAdmin(tx, actor);
            long generated = tx.settings().get(GENERATED_LEADS).map(Long::parseLong).orElse(0L);
            long stored = tx.leads().count();
            if (stored != generated) {
                throw new ValidationException(Problem.of(Field.DATABASE, "generate.realData", store.location(),
                        stored - generated));
            }
            GenerationOrganization organization = GenerationOrganization.ensure(tx, clock.instant(), organizationRandom);
            return new Start(acting, generated, organization, CaseSettings.load(tx.settings()),
                    tx.generatedLeads().caseNumberCounters(), tx.generatedLeads().pageCacheKb());
        });
        // A run that died with the indexes set aside left them for this one to make again.
        store.write(tx -> tx.generatedLeads().restoreIndexes());
        // Building the indexes afresh at the end reads every row once more: worth it only when the load at
        // least doubles the leads.
        boolean setAside = leads >= start.generated;
        start.pageCacheKb.ifPresent(old -> setPageCache(Math.max(old, bulkPageCacheKb())));
        SyntheticLeads planner = new SyntheticLeads(start.organization, start.settings, today, start.actor.username(),
                start.actor.displayName(), leadRandom, start.counters);
        FoundDays days = new FoundDays(today, leads, dayRandom);

        BlockingQueue<Batch> batches = new ArrayBlockingQueue<>(1);
        Maker maker = new Maker(planner, days, leads, start.generated, batches);
        Thread making = Thread.ofPlatform().name("generate-leads").daemon().start(maker);
        long written = 0;
        Map<Long, Map<Integer, Integer>> storedCounters = copy(start.counters);
        try {
            if (setAside) {
                store.write(tx -> tx.generatedLeads().setIndexesAside());
            }
            while (written < leads) {
                Batch batch = take(batches, maker);
                long total = start.generated + written + batch.leads.size();
                Map<Long, Map<Integer, Integer>> counters = batch.counters;
                store.write(tx -> {
                    GeneratedLeadWriter writer = tx.generatedLeads();
                    writer.write(batch.leads);
                    counters.forEach((committee, years) -> years.forEach((year, last) -> {
                        if (!last.equals(storedCounters.getOrDefault(committee, Map.of()).get(year))) {
                            writer.setCaseNumberCounter(committee, year, last);
                        }
                    }));
                    tx.settings().put(GENERATED_LEADS, Long.toString(total));
                    return null;
                });
                storedCounters.clear();
                storedCounters.putAll(counters);
                written += batch.leads.size();
                if (progress != null) {
                    progress.written(written, leads);
                }
            }
        } catch (RuntimeException | Error e) {
            finish(maker, making, start, setAside, e);
            throw e;
        }
        finish(maker, making, start, setAside, null);
        // The planner judges a table by the statistics it had when small; a million rows later they mislead it.
        store.write(tx -> {
            tx.generatedLeads().analyze();
            return null;
        });
        return new Result(written, start.generated + written, seed, Duration.ofNanos(System.nanoTime() - started));
    }

    /**
     * Stops the maker, makes the indexes set aside again and sets the page cache back, whether the load
     * finished or failed; a failure of these after a failed load is added to that failure.
     */
    private void finish(Maker maker, Thread making, Start start, boolean setAside, Throwable failed) {
        maker.stop();
        making.interrupt(); // it only computes: no database I/O is ever interrupted
        try {
            if (setAside) {
                store.write(tx -> tx.generatedLeads().restoreIndexes());
            }
            start.pageCacheKb.ifPresent(this::setPageCache);
        } catch (RuntimeException e) {
            if (failed == null) {
                throw e;
            }
            failed.addSuppressed(e);
        }
    }

    private record Start(User actor, long generated, GenerationOrganization organization, CaseSettings settings,
                         Map<Long, Map<Integer, Integer>> counters, OptionalInt pageCacheKb) {
    }

    private void setPageCache(int kilobytes) {
        store.write(tx -> {
            tx.generatedLeads().setPageCacheKb(kilobytes);
            return null;
        });
    }

    /** Leads ready to be written, and the case-number counters once they are. */
    private record Batch(List<GeneratedLead> leads, Map<Long, Map<Integer, Integer>> counters) {
    }

    private static Batch take(BlockingQueue<Batch> batches, Maker maker) {
        try {
            while (true) {
                Batch batch = batches.poll(100, TimeUnit.MILLISECONDS);
                if (batch != null) {
                    return batch;
                }
                if (maker.failure != null) {
                    throw maker.failure;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while generating leads", e);
        }
    }

    private static Map<Long, Map<Integer, Integer>> copy(Map<Long, Map<Integer, Integer>> counters) {
        Map<Long, Map<Integer, Integer>> copy = new HashMap<>();
        counters.forEach((committee, years) -> copy.put(committee, new HashMap<>(years)));
        return copy;
    }

    /** Makes the batches in order, one ahead of the writer. */
    private static final class Maker implements Runnable {
        private final SyntheticLeads planner;
        private final FoundDays days;
        private final int leads;
        private final long firstOrdinal;
        private final BlockingQueue<Batch> batches;
        private volatile boolean stopped;
        private volatile RuntimeException failure;

        Maker(SyntheticLeads planner, FoundDays days, int leads, long firstOrdinal, BlockingQueue<Batch> batches) {
            this.planner = planner;
            this.days = days;
            this.leads = leads;
            this.firstOrdinal = firstOrdinal;
            this.batches = batches;
        }

        void stop() {
            stopped = true;
        }

        @Override
        public void run() {
            try {
                for (int from = 0; from < leads && !stopped; from += LEADS_PER_TRANSACTION) {
                    int to = Math.min(leads, from + LEADS_PER_TRANSACTION);
                    List<GeneratedLead> batch = new ArrayList<>(to - from);
                    for (int n = from; n < to; n++) {
                        batch.add(planner.next(firstOrdinal + n, days.of(n)));
                    }
                    batches.put(new Batch(batch, copy(planner.counters())));
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt(); // the writer stopped: nothing more is wanted
            } catch (RuntimeException e) {
                failure = e;
            } catch (Error e) {
                failure = new IllegalStateException("making generated leads failed", e);
            }
        }
    }
}
