package cn.mediationdesk.persistence;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/** The database file inside a backup archive: H2's own {@code BACKUP TO} zip layout, one {@code .mv.db} entry. */
final class BackupArchives {
    private BackupArchives() {
    }

    /** Zips a closed database file as H2's {@code BACKUP TO} would, whole or not at all. */
    static void zipDatabaseFile(Path databaseFile, Path zip) throws IOException {
        Files.createDirectories(zip.toAbsolutePath().getParent());
        Path temp = zip.resolveSibling(zip.getFileName() + ".part");
        try (OutputStream out = Files.newOutputStream(temp); ZipOutputStream zipped = new ZipOutputStream(out)) {
            zipped.putNextEntry(new ZipEntry(databaseFile.getFileName().toString()));
            Files.copy(databaseFile, zipped);
            zipped.closeEntry();
        }
        moveIntoPlace(temp, zip);
    }

    /**
     * Copies the one database file of a backup archive to {@code target}; empty when the archive
     * holds none. Entry names are never used as paths (a hostile archive cannot write elsewhere).
     */
    static Optional<Path> extractDatabaseFile(Path zip, Path target) throws IOException {
        try (InputStream in = Files.newInputStream(zip); ZipInputStream entries = new ZipInputStream(in)) {
            for (ZipEntry entry = entries.getNextEntry(); entry != null; entry = entries.getNextEntry()) {
                if (!entry.isDirectory() && entry.getName().endsWith(DatabaseLocation.H2_SUFFIX)
                        && !entry.getName().contains("/") && !entry.getName().contains("\\")) {
                    Files.copy(entries, target, StandardCopyOption.REPLACE_EXISTING);
                    return Optional.of(target);
                }
            }
        }
        return Optional.empty();
    }

    static void moveIntoPlace(Path temp, Path target) throws IOException {
        try {
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
