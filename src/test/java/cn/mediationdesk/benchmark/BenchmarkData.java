package cn.mediationdesk.benchmark;

import cn.mediationdesk.logic.generate.LeadGenerator;
import cn.mediationdesk.logic.store.KeyRing;
import cn.mediationdesk.model.User;
import cn.mediationdesk.persistence.Database;
import cn.mediationdesk.persistence.DatabaseLocation;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;

/**
 * The data set of every benchmark (issue 12): an embedded H2 file holding exactly {@code leads} leads
 * made by {@code generate} with seed 1, in every state and with all their parts, over the ten years
 * ending this year. Making a million takes about a minute, so the file is kept between runs in
 * {@code -Dbenchmark.dir} (default: {@code mediationdesk-benchmark} in the temp folder), one per size
 * and encryption, and made again only when missing or holding another number of leads. Its key ring
 * (the benchmark's own, never the user's) lies beside it in {@code settings}.
 */
public final class BenchmarkData {
    public static final long SEED = 1;

    private BenchmarkData() {
    }

    /** The folder the data sets are kept in. */
    public static Path folder() {
        Path folder = Path.of(System.getProperty("benchmark.dir",
                Path.of(System.getProperty("java.io.tmpdir"), "mediationdesk-benchmark").toString()));
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return folder;
    }

    /**
     * The data set of {@code leads} leads, opened; the caller closes it. Encrypted means CIPHER=AES,
     * the app's default.
     */
    public static synchronized Database database(int leads, boolean encrypted) {
        DatabaseLocation location = DatabaseLocation.parse(base(leads, encrypted).toString());
        KeyRing keys = keyRing(encrypted);
        Database db = Database.open(location, true, keys);
        long stored = db.read(tx -> tx.leads().count());
        if (stored == leads) {
            return db;
        }
        db.close();
        deleteFile(leads, encrypted);
        try (Database fresh = Database.open(location, true, keys)) {
            new LeadGenerator(fresh, Clock.systemDefaultZone(), User.setup()).generate(leads, SEED, null);
        } // closing compacts the file the bulk load left mostly empty (FileCompaction)
        return Database.open(location, false, keys);
    }

    /**
     * The H2 file ({@code .mv.db}) of the data set of {@code leads} leads, made when missing and closed:
     * for a benchmark that copies it (and opens the copy with {@link #keyRing}).
     */
    public static Path file(int leads, boolean encrypted) {
        database(leads, encrypted).close();
        return h2File(leads, encrypted);
    }

    /** The key ring the data sets are encrypted with (or that says they are not). */
    public static KeyRing keyRing(boolean encrypted) {
        Path settings = folder().resolve("settings");
        return encrypted ? KeyRing.in(settings) : KeyRing.unencrypted(settings);
    }

    /** The base path of the data set (H2 adds {@code .mv.db}). */
    public static Path base(int leads, boolean encrypted) {
        return folder().resolve("generated-" + leads + (encrypted ? "-encrypted" : "-plain"));
    }

    private static Path h2File(int leads, boolean encrypted) {
        Path base = base(leads, encrypted);
        return base.resolveSibling(base.getFileName() + DatabaseLocation.H2_SUFFIX);
    }

    private static void deleteFile(int leads, boolean encrypted) {
        try {
            Files.deleteIfExists(h2File(leads, encrypted));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
