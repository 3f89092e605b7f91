package cn.mediationdesk.logic.exchange;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.function.Consumer;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/** Packages to read, and the means to take them apart and put them together again as an attacker would. */
final class PackageFixtures {
    /** Keys are slow-ish to check and many tests need a few: made once per test run. */
    static final InstallationKeys COMMITTEE = InstallationKeys.generate();
    static final InstallationKeys GOVERNANCE = InstallationKeys.generate();
    static final InstallationKeys OTHER_OFFICE = InstallationKeys.generate();

    private PackageFixtures() {
    }

    static PackageManifest manifest(InstallationKeys sender) {
        return PackageManifest.of(sender.installationId(), "城关镇", "CG-01", "城关镇人民调解委员会",
                Instant.parse("2026-12-05T08:30:00Z"), "7", LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 4),
                Map.of("leads", 2, "parties", 3, "sessions", 1));
    }

    /** A few entries of the kinds a package holds: JSON text, Chinese text, an empty one and random bytes. */
    static Map<String, byte[]> entries() {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("leads.json", "[{\"id\":1,\"summary\":\"邻里漏水纠纷\"},{\"id\":2,\"summary\":\"宅基地界址\"}]"
                .getBytes(StandardCharsets.UTF_8));
        entries.put("parties.json", "[{\"name\":\"张三\"},{\"name\":\"李四\"},{\"name\":\"王五\"}]"
                .getBytes(StandardCharsets.UTF_8));
        entries.put("sessions.json", new byte[0]);
        byte[] random = new byte[600];
        new Random(9).nextBytes(random);
        entries.put("attachment.bin", random);
        return entries;
    }

    /** {@code count} small entries, more than a package may hold when over 64. */
    static Map<String, byte[]> manyEntries(int count) {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        for (int i = 0; i < count; i++) {
            entries.put("entry" + i + ".json", new byte[] {(byte) i});
        }
        return entries;
    }

    static Path plain(Path folder) {
        Path file = folder.resolve("plain.mdpkg");
        PackageWriter.write(file, manifest(COMMITTEE), entries(), COMMITTEE, Optional.empty());
        return file;
    }

    static Path encrypted(Path folder) {
        Path file = folder.resolve("sealed.mdpkg");
        PackageWriter.write(file, manifest(COMMITTEE), entries(), COMMITTEE,
                Optional.of(GOVERNANCE.publicPart("城关镇")));
        return file;
    }

    /** The entries of a zip in their order, as raw name → bytes. */
    static LinkedHashMap<String, byte[]> unzip(Path file) {
        LinkedHashMap<String, byte[]> entries = new LinkedHashMap<>();
        try (ZipFile zip = new ZipFile(file.toFile())) {
            for (ZipEntry entry : Collections.list(zip.entries())) {
                try (InputStream in = zip.getInputStream(entry)) {
                    entries.put(entry.getName(), in.readAllBytes());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return entries;
    }

    /** A zip of these entries, deflated, in their order. */
    static byte[] zip(Map<String, byte[]> entries) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
                zip.putNextEntry(new ZipEntry(entry.getKey()));
                zip.write(entry.getValue());
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** The package's entries changed by {@code change}, written again as a zip to a new file. */
    static Path rewritten(Path file, String newName, Consumer<LinkedHashMap<String, byte[]>> change) {
        LinkedHashMap<String, byte[]> entries = unzip(file);
        change.accept(entries);
        return write(file.resolveSibling(newName), zip(entries));
    }

    static Path write(Path file, byte[] bytes) {
        try {
            Files.write(file, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    static byte[] bytes(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Where an entry's stored (compressed) bytes lie in a zip file. */
    record Region(String name, int start, int length) {
    }

    /** The data regions of every entry, found through the central directory as a zip reader finds them. */
    static List<Region> regions(byte[] zip) {
        ByteBuffer buffer = ByteBuffer.wrap(zip).order(ByteOrder.LITTLE_ENDIAN);
        int end = zip.length - 22;
        while (buffer.getInt(end) != 0x06054b50) {
            end--;
        }
        int count = Short.toUnsignedInt(buffer.getShort(end + 10));
        int at = buffer.getInt(end + 16);
        List<Region> regions = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int compressed = buffer.getInt(at + 20);
            int nameLength = Short.toUnsignedInt(buffer.getShort(at + 28));
            int extraLength = Short.toUnsignedInt(buffer.getShort(at + 30));
            int commentLength = Short.toUnsignedInt(buffer.getShort(at + 32));
            int local = buffer.getInt(at + 42);
            String name = new String(zip, at + 46, nameLength, StandardCharsets.UTF_8);
            int data = local + 30 + Short.toUnsignedInt(buffer.getShort(local + 26))
                    + Short.toUnsignedInt(buffer.getShort(local + 28));
            regions.add(new Region(name, data, compressed));
            at += 46 + nameLength + extraLength + commentLength;
        }
        return regions;
    }

    static Region region(byte[] zip, String name) {
        return regions(zip).stream().filter(region -> region.name().equals(name)).findFirst().orElseThrow();
    }
}
