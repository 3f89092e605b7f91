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
import cn.mediationdesk.logic.store.DatabaseKey;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * A backup file: a zip holding the database file as H2's {@code BACKUP TO} writes it (one
 * {@code .mv.db} entry, still encrypted), the {@link BackupManifest} and the attachments, sealed
 * with the database's key as {@value #SEALED_ATTACHMENTS}. Entry names are never used as paths when reading: a hostile archive cannot
 * write outside the folder it is unpacked into.
 */
public final class BackupArchive {
    static final String ATTACHMENTS = "attachments/";
    static final String SEALED_ATTACHMENTS = "attachments.sealed";
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

    /**
     * Adds the manifest and the attachments (if the folder holds any) to an archive written by the
     * database. With the database's key they go in sealed as one file, names and all (a scan's file
     * name can name a party); without one (an unencrypted database) as they are.
     */
    static void complete(Path zip, BackupManifest manifest, Path attachments, Optional<DatabaseKey> key) throws IOException {
        List<Path> files = attachmentFiles(attachments);
        Path scratch = files.isEmpty() || key.isEmpty() ? null : Files.createTempDirectory(zip.toAbsolutePath().getParent(), ".seal");
        try (FileSystem archive = FileSystems.newFileSystem(URI.create("jar:" + zip.toUri()), Map.of())) {
            Files.writeString(archive.getPath(BackupManifest.ENTRY), manifest.toText(), StandardCharsets.ISO_8859_1);
            if (scratch != null) {
                Path inner = scratch.resolve("attachments.zip");
                try (ZipOutputStream zipped = new ZipOutputStream(Files.newOutputStream(inner))) {
                    for (Path file : files) {
                        zipped.putNextEntry(new ZipEntry(entryName(attachments, file)));
                        Files.copy(file, zipped);
                        zipped.closeEntry();
                    }
                }
                Path sealed = scratch.resolve(SEALED_ATTACHMENTS);
                SealedFile.seal(inner, sealed, key.get());
                Files.copy(sealed, archive.getPath(SEALED_ATTACHMENTS));
            } else {
                for (Path file : files) {
                    Path entry = archive.getPath(ATTACHMENTS + entryName(attachments, file));
                    Files.createDirectories(entry.getParent());
                    Files.copy(file, entry);
                }
            }
        } finally {
            if (scratch != null) {
                RestoreService.deleteTree(scratch);
            }
        }
    }

    private static List<Path> attachmentFiles(Path attachments) throws IOException {
        if (!Files.isDirectory(attachments)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(attachments)) {
            return files.filter(Files::isRegularFile).sorted().toList();
        }
    }

    private static String entryName(Path root, Path file) {
        return root.relativize(file).toString().replace('\\', '/');
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

    /**
     * Unpacks the archive's attachments into {@code folder}, opening the sealed ones with the key of
     * the database that came with them.
     *
     * @throws IOException when sealed attachments do not open with {@code key} (altered, or another key)
     */
    static void extractAttachments(Path zip, Path folder, Optional<DatabaseKey> key) throws IOException {
        Path root = folder.toAbsolutePath().normalize();
        Path scratch = null;
        try (InputStream in = Files.newInputStream(zip); ZipInputStream entries = new ZipInputStream(in)) {
            for (ZipEntry entry = entries.getNextEntry(); entry != null; entry = entries.getNextEntry()) {
                if (entry.getName().equals(SEALED_ATTACHMENTS)) {
                    if (key.isEmpty()) {
                        throw new IOException("sealed attachments in a backup of an unencrypted database: " + zip);
                    }
                    scratch = Files.createTempDirectory(root.getParent(), ".unseal");
                    Files.copy(entries, scratch.resolve(SEALED_ATTACHMENTS));
                } else if (!entry.isDirectory() && entry.getName().startsWith(ATTACHMENTS)) {
                    copyInside(entries, root, entry.getName().substring(ATTACHMENTS.length()));
                }
            }
            if (scratch != null) {
                Path inner = scratch.resolve("attachments.zip");
                SealedFile.open(scratch.resolve(SEALED_ATTACHMENTS), inner, key.get());
                try (ZipInputStream sealed = new ZipInputStream(Files.newInputStream(inner))) {
                    for (ZipEntry entry = sealed.getNextEntry(); entry != null; entry = sealed.getNextEntry()) {
                        if (!entry.isDirectory()) {
                            copyInside(sealed, root, entry.getName());
                        }
                    }
                }
            }
        } finally {
            if (scratch != null) {
                RestoreService.deleteTree(scratch);
            }
        }
    }

    /** Copies one entry to {@code root/name}; a name that leads outside {@code root} is refused. */
    private static void copyInside(InputStream entry, Path root, String name) throws IOException {
        Path target = root.resolve(name).normalize();
        if (!target.startsWith(root) || target.equals(root)) {
            throw new IOException("an attachment outside its folder: " + name);
        }
        Files.createDirectories(target.getParent());
        Files.copy(entry, target, StandardCopyOption.REPLACE_EXISTING);
    }

    static void moveIntoPlace(Path temp, Path target) throws IOException {
        try {
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
