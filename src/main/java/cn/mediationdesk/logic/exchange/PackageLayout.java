package cn.mediationdesk.logic.exchange;

import java.io.IOException;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * The fixed layout of a package file, a zip: {@code manifest.json} (stored, readable as it is),
 * {@code manifest.sig} (the Ed25519 signature over the manifest's exact bytes), then either each
 * entry in clear as {@code data/NAME} or all of them in one {@code data.sealed}, an encrypted zip.
 */
final class PackageLayout {
    static final String MANIFEST = "manifest.json";
    static final String SIGNATURE = "manifest.sig";
    static final String DATA_PREFIX = "data/";
    static final String SEALED = "data.sealed";
    /** An entry's own name: one plain file name, so nothing in a package can point elsewhere. */
    private static final Pattern ENTRY_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,99}");

    private PackageLayout() {
    }

    static boolean validEntryName(String name) {
        return name != null && ENTRY_NAME.matcher(name).matches() && !name.contains("..");
    }

    /** What the encryption is bound to besides its key: who sends to whom. */
    static byte[] associatedData(UUID sender, UUID recipient) {
        return Keys.utf8("MediationDesk exchange package from " + sender + " to " + recipient);
    }

    static void putStored(ZipOutputStream zip, String name, byte[] bytes) throws IOException {
        ZipEntry entry = new ZipEntry(name);
        entry.setMethod(ZipEntry.STORED);
        entry.setSize(bytes.length);
        entry.setCompressedSize(bytes.length);
        CRC32 crc = new CRC32();
        crc.update(bytes);
        entry.setCrc(crc.getValue());
        zip.putNextEntry(entry);
        zip.write(bytes);
        zip.closeEntry();
    }

    static void putDeflated(ZipOutputStream zip, String name, byte[] bytes) throws IOException {
        ZipEntry entry = new ZipEntry(name);
        entry.setMethod(ZipEntry.DEFLATED);
        zip.putNextEntry(entry);
        zip.write(bytes);
        zip.closeEntry();
    }
}
