package cn.mediationdesk.logic.backup;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * A backup file: a zip holding the database file as H2's {@code BACKUP TO} writes it (one
 * {@code .mv.db} entry, still encrypted), the {@link BackupManifest} and the attachments under
 * {@value #ATTACHMENTS}. Entry names are never used as paths when reading: a hostile archive cannot
 * write outside the folder it is unpacked into.
 */
public final class BackupArchive {
    static final String ATTACHMENTS = "attachments/";
    private static final String DATABASE_SUFFIX = ".mv.db";
    private static final byte[] ZIP_MAGIC = {'P', 'K', 3, 4};

    private BackupArchive() {
    }

    /** Whether {@code file} starts like a zip archive. */
    public static boolean isArchive(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return Arrays.equals(in.readNBytes(ZIP_MAGIC.length), ZIP_MAGIC);
        }
    }

    /** Zips a closed database file as H2's {@code BACKUP TO} would, whole or not at all. */
    public static void zipDatabaseFile(Path databaseFile, Path zip) throws IOException {
        Files.createDirectories(zip.toAbsolutePath().getParent());
        Path temp = zip.resolveSibling(zip.getFileName() + ".part");
        try (OutputStream out = Files.newOutputStream(temp); ZipOutputStream zipped = new ZipOutputStream(out)) {
            zipped.putNextEntry(new ZipEntry(databaseFile.getFileName().toString()));
            Files.copy(databaseFile, zipped);
            zipped.closeEntry();
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(temp);
            throw e;
        }
        moveIntoPlace(temp, zip);
    }

    /** Adds the manifest and the attachments (if the folder exists) to an archive written by the database. */
    static void complete(Path zip, BackupManifest manifest, Path attachments) throws IOException {
        try (FileSystem archive = FileSystems.newFileSystem(URI.create("jar:" + zip.toUri()), Map.of())) {
            Files.writeString(archive.getPath(BackupManifest.ENTRY), manifest.toText(), StandardCharsets.ISO_8859_1);
            if (Files.isDirectory(attachments)) {
                try (Stream<Path> files = Files.walk(attachments)) {
                    for (Path file : files.filter(Files::isRegularFile).toList()) {
                        Path entry = archive.getPath(ATTACHMENTS + attachments.relativize(file).toString().replace('\\', '/'));
                        Files.createDirectories(entry.getParent());
                        Files.copy(file, entry);
                    }
                }
            }
        }
    }

    /** The archive's manifest; empty for an archive without one (a bare database zip). */
    static Optional<BackupManifest> manifest(Path zip) throws IOException {
        try (InputStream in = Files.newInputStream(zip); ZipInputStream entries = new ZipInputStream(in)) {
            for (ZipEntry entry = entries.getNextEntry(); entry != null; entry = entries.getNextEntry()) {
                if (entry.getName().equals(BackupManifest.ENTRY)) {
                    return BackupManifest.parse(new String(entries.readNBytes(64 * 1024), StandardCharsets.ISO_8859_1));
                }
            }
        }
        return Optional.empty();
    }

    /** Copies the archive's database file to {@code target}; false when it holds none. */
    static boolean extractDatabase(Path zip, Path target) throws IOException {
        try (InputStream in = Files.newInputStream(zip); ZipInputStream entries = new ZipInputStream(in)) {
            for (ZipEntry entry = entries.getNextEntry(); entry != null; entry = entries.getNextEntry()) {
                String name = entry.getName();
                if (!entry.isDirectory() && name.endsWith(DATABASE_SUFFIX) && name.indexOf('/') < 0 && name.indexOf('\\') < 0) {
                    Files.copy(entries, target, StandardCopyOption.REPLACE_EXISTING);
                    return true;
                }
            }
        }
        return false;
    }

    /** Unpacks the archive's attachments into {@code folder}; the number of files. */
    static int extractAttachments(Path zip, Path folder) throws IOException {
        int count = 0;
        Path root = folder.toAbsolutePath().normalize();
        try (InputStream in = Files.newInputStream(zip); ZipInputStream entries = new ZipInputStream(in)) {
            for (ZipEntry entry = entries.getNextEntry(); entry != null; entry = entries.getNextEntry()) {
                if (entry.isDirectory() || !entry.getName().startsWith(ATTACHMENTS)) {
                    continue;
                }
                Path target = root.resolve(entry.getName().substring(ATTACHMENTS.length())).normalize();
                if (!target.startsWith(root) || target.equals(root)) {
                    throw new IOException("an attachment outside its folder: " + entry.getName());
                }
                Files.createDirectories(target.getParent());
                Files.copy(entries, target, StandardCopyOption.REPLACE_EXISTING);
                count++;
            }
        }
        return count;
    }

    static void moveIntoPlace(Path temp, Path target) throws IOException {
        try {
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
