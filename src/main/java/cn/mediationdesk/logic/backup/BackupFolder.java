package cn.mediationdesk.logic.backup;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The {@code backups} folder beside an embedded database (DESIGN §7) and the backups in it, named
 * {@code <database>-<yyyyMMdd-HHmmss>-<kind>.zip}: the name alone says whose, when and why.
 */
public final class BackupFolder {
    public static final String FOLDER = "backups";
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");
    private static final Pattern NAME = Pattern.compile("(.+)-(\\d{8}-\\d{6})-([a-z-]+?)(?:-(\\d+))?\\.zip");

    private final Path folder;
    private final String databaseName;

    private BackupFolder(Path folder, String databaseName) {
        this.folder = folder;
        this.databaseName = databaseName;
    }

    /** The backups of the database whose H2 base path (without {@code .mv.db}) is {@code basePath}. */
    public static BackupFolder of(Path basePath) {
        Path absolute = basePath.toAbsolutePath().normalize();
        return new BackupFolder(absolute.resolveSibling(FOLDER), absolute.getFileName().toString());
    }

    public Path folder() {
        return folder;
    }

    /**
     * Where the attachments (scans) of the database at {@code basePath} are kept: beside it, in a
     * folder named after it. They travel with every backup.
     */
    public static Path attachmentsOf(Path basePath) {
        Path absolute = basePath.toAbsolutePath().normalize();
        return absolute.resolveSibling(absolute.getFileName() + "-attachments");
    }

    /**
     * A backup in the folder.
     *
     * @param sequence 1, or n for the n-th backup made in the same second (its name ends {@code -n})
     */
    public record Entry(Path file, LocalDateTime madeAt, int sequence, BackupKind kind, long size) {
    }

    /**
     * The name a new backup made at {@code at} gets: never one that exists already, and after every
     * other backup of the same second (so it sorts as the newest).
     */
    public Path newFile(LocalDateTime at, BackupKind kind) {
        String base = databaseName + "-" + STAMP.format(at) + "-" + kind.code();
        int last = list().stream().filter(e -> e.madeAt().equals(at.withNano(0)) && e.kind() == kind)
                .mapToInt(Entry::sequence).max().orElse(0);
        Path file = folder.resolve(last == 0 ? base + ".zip" : base + "-" + (last + 1) + ".zip");
        for (int n = last + 2; Files.exists(file); n++) {
            file = folder.resolve(base + "-" + n + ".zip");
        }
        return file;
    }

    /** This database's backups, newest first (files that do not follow the naming are left out). */
    public List<Entry> list() {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(this::entry).flatMap(Optional::stream)
                    .sorted(Comparator.comparing(Entry::madeAt).thenComparing(Entry::sequence)
                            .thenComparing(e -> modified(e.file())).reversed())
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Optional<Entry> newest() {
        return list().stream().findFirst();
    }

    /** Whether a backup of one of {@code kinds} was made on the day {@code at} falls on. */
    public boolean madeOn(LocalDateTime at, List<BackupKind> kinds) {
        return list().stream().anyMatch(e -> e.madeAt().toLocalDate().equals(at.toLocalDate()) && kinds.contains(e.kind()));
    }

    /**
     * Deletes the oldest routine backups (manual, on exit, daily) beyond the newest {@code keep};
     * backups made before a restore or an encryption are kept until a person deletes them.
     *
     * @return the files deleted
     */
    public List<Path> prune(int keep) {
        List<Entry> routine = list().stream()
                .filter(e -> e.kind() == BackupKind.MANUAL || e.kind() == BackupKind.EXIT || e.kind() == BackupKind.DAILY)
                .toList();
        List<Path> deleted = routine.stream().skip(Math.max(keep, 1)).map(Entry::file).toList();
        for (Path file : deleted) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return deleted;
    }

    private Optional<Entry> entry(Path file) {
        Matcher m = NAME.matcher(file.getFileName().toString());
        if (!m.matches() || !m.group(1).equals(databaseName) || !Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            LocalDateTime at = LocalDateTime.parse(m.group(2), STAMP);
            int sequence = m.group(4) == null ? 1 : Integer.parseInt(m.group(4));
            return BackupKind.of(m.group(3)).map(kind -> new Entry(file, at, sequence, kind, size(file)));
        } catch (DateTimeParseException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static long modified(Path file) {
        try {
            return Files.getLastModifiedTime(file).toMillis();
        } catch (IOException e) {
            return 0;
        }
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return 0;
        }
    }
}
