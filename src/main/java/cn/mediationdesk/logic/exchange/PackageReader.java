package cn.mediationdesk.logic.exchange;

import cn.mediationdesk.logic.exchange.PackageRejectedException.Reason;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.Signature;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import java.util.zip.ZipInputStream;

/**
 * Opens a package only when everything in it checks out, and before returning anything: the file
 * is whole, the manifest is signed by the key it names, every entry is there and is what was signed,
 * and nothing else is. A package is hostile input until then: sizes and counts are bounded while
 * reading, so a zip bomb is refused rather than inflated, and no name is ever used as a path.
 */
public final class PackageReader {
    /** Bounds on what a package may hold: far above a committee's years of cases, far below a zip bomb. */
    record Limits(int maxEntries, long maxEntryBytes, long maxTotalBytes) {
        static final Limits DEFAULT = new Limits(64, 256L * 1024 * 1024, 512L * 1024 * 1024);
    }

    private static final byte[] ZIP_START = {'P', 'K', 3, 4};
    private static final int END_OF_DIRECTORY = 0x06054b50;
    private static final int END_OF_DIRECTORY_BYTES = 22;
    private static final int MAX_MANIFEST_BYTES = 1024 * 1024;
    private static final int MAX_SIGNATURE_BYTES = 1024;

    private final String name;
    private final Limits limits;
    private long budget;

    private PackageReader(String name, Limits limits) {
        this.name = name;
        this.limits = limits;
        this.budget = limits.maxTotalBytes();
    }

    /**
     * @param receiver this installation's keys, to open a package encrypted for it
     * @throws PackageRejectedException for any problem with the file, nothing of it having been used
     */
    public static OpenedPackage read(Path file, InstallationKeys receiver) {
        return read(file, receiver, Limits.DEFAULT);
    }

    static OpenedPackage read(Path file, InstallationKeys receiver, Limits limits) {
        PackageReader reader = new PackageReader(file.toString(), limits);
        reader.checkWhole(file);
        try (ZipFile zip = new ZipFile(file.toFile(), StandardCharsets.UTF_8)) {
            return reader.open(zip, receiver);
        } catch (ZipException e) {
            throw reader.rejected(Reason.ALTERED, "the zip directory is damaged: " + e.getMessage(), e);
        } catch (IOException e) {
            throw reader.rejected(Reason.NOT_A_PACKAGE, "cannot be read: " + e.getMessage(), e);
        }
    }

    /**
     * A zip ends with its directory, so a file cut short anywhere has lost the end record: told
     * apart here from a file that was never a zip, before any zip library gives its own reasons.
     */
    private void checkWhole(Path file) {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = channel.size();
            ByteBuffer start = ByteBuffer.allocate((int) Math.min(size, ZIP_START.length));
            readFully(channel, start, 0);
            byte[] first = start.array();
            if (!Arrays.equals(first, 0, first.length, ZIP_START, 0, first.length)) {
                throw rejected(Reason.NOT_A_PACKAGE, "not a zip file", null);
            }
            if (size < ZIP_START.length) {
                throw rejected(Reason.TRUNCATED, "only " + size + " bytes", null);
            }
            int tailLength = (int) Math.min(size, END_OF_DIRECTORY_BYTES + 0xFFFF);
            ByteBuffer tail = ByteBuffer.allocate(tailLength).order(ByteOrder.LITTLE_ENDIAN);
            readFully(channel, tail, size - tailLength);
            if (!endsWithDirectory(tail)) {
                throw rejected(Reason.TRUNCATED, "the end of the zip directory is missing", null);
            }
        } catch (IOException e) {
            throw rejected(Reason.NOT_A_PACKAGE, "cannot be read: " + e.getMessage(), e);
        }
    }

    private static void readFully(FileChannel channel, ByteBuffer buffer, long position) throws IOException {
        while (buffer.hasRemaining()) {
            if (channel.read(buffer, position + buffer.position()) < 0) {
                throw new IOException("the file became shorter while being read");
            }
        }
    }

    /** An end record whose comment reaches exactly to the end of the file. */
    private static boolean endsWithDirectory(ByteBuffer tail) {
        int length = tail.capacity();
        for (int at = length - END_OF_DIRECTORY_BYTES; at >= 0; at--) {
            if (tail.getInt(at) == END_OF_DIRECTORY
                    && at + END_OF_DIRECTORY_BYTES + Short.toUnsignedInt(tail.getShort(at + 20)) == length) {
                return true;
            }
        }
        return false;
    }

    private OpenedPackage open(ZipFile zip, InstallationKeys receiver) {
        ZipEntry manifestEntry = zip.getEntry(PackageLayout.MANIFEST);
        if (manifestEntry == null) {
            throw rejected(Reason.NOT_A_PACKAGE, "no " + PackageLayout.MANIFEST, null);
        }
        ZipEntry signatureEntry = zip.getEntry(PackageLayout.SIGNATURE);
        byte[] manifestBytes = read(zip, manifestEntry, MAX_MANIFEST_BYTES);
        ManifestJson.Envelope envelope = ManifestJson.envelope(manifestBytes).orElseThrow(() -> signatureEntry == null
                ? rejected(Reason.NOT_A_PACKAGE, PackageLayout.MANIFEST + " is not a MediationDesk manifest", null)
                // Ours by its signature entry: a manifest that no longer parses was changed after signing.
                : rejected(Reason.BAD_SIGNATURE, PackageLayout.MANIFEST + " no longer parses", null));
        if (envelope.formatVersion() > PackageManifest.FORMAT_VERSION) {
            throw rejected(Reason.NEWER_FORMAT, "format " + envelope.formatVersion(), null);
        }
        Map<String, ZipEntry> entries = checkedEntries(zip);
        if (signatureEntry == null) {
            throw rejected(Reason.UNSIGNED, "no " + PackageLayout.SIGNATURE, null);
        }
        PublicKey senderKey = verifySignature(envelope, manifestBytes, read(zip, signatureEntry, MAX_SIGNATURE_BYTES));
        PackageManifest manifest;
        ManifestJson.Sealing sealing;
        try {
            manifest = ManifestJson.manifest(envelope);
            sealing = ManifestJson.sealing(envelope);
        } catch (IllegalArgumentException e) {
            throw rejected(Reason.NOT_A_PACKAGE, PackageLayout.MANIFEST + ": " + e.getMessage(), e);
        }
        if (!Keys.fingerprint(senderKey).equals(manifest.senderFingerprint())) {
            throw rejected(Reason.BAD_SIGNATURE, "the fingerprint in the manifest is not that of its key", null);
        }
        for (String entry : manifest.entryDigests().keySet()) {
            if (!PackageLayout.validEntryName(entry)) {
                throw rejected(Reason.NOT_A_PACKAGE, "the manifest lists an entry named " + entry, null);
            }
        }
        if ((sealing == null) != (manifest.recipientInstallationId() == null)) {
            throw rejected(Reason.NOT_A_PACKAGE, "the manifest is half encrypted", null);
        }
        Map<String, byte[]> plain = sealing == null
                ? clearEntries(zip, entries, manifest)
                : sealedEntries(zip, entries, manifest, sealing, receiver);
        return new OpenedPackage(manifest, senderKey, plain);
    }

    /** Every entry, each once, each named as the layout allows; a path or an unknown name is refused. */
    private Map<String, ZipEntry> checkedEntries(ZipFile zip) {
        List<? extends ZipEntry> all = Collections.list(zip.entries());
        if (all.size() > limits.maxEntries() + 3) {
            throw rejected(Reason.ALTERED, all.size() + " entries", null);
        }
        Map<String, ZipEntry> entries = new TreeMap<>();
        for (ZipEntry entry : all) {
            String entryName = entry.getName();
            boolean known = entryName.equals(PackageLayout.MANIFEST) || entryName.equals(PackageLayout.SIGNATURE)
                    || entryName.equals(PackageLayout.SEALED)
                    || entryName.startsWith(PackageLayout.DATA_PREFIX)
                    && PackageLayout.validEntryName(entryName.substring(PackageLayout.DATA_PREFIX.length()));
            if (!known) {
                throw rejected(Reason.ALTERED, "unexpected entry " + entryName, null);
            }
            if (entries.put(entryName, entry) != null) {
                throw rejected(Reason.ALTERED, "entry " + entryName + " appears twice", null);
            }
        }
        return entries;
    }

    private PublicKey verifySignature(ManifestJson.Envelope envelope, byte[] manifestBytes, byte[] signature) {
        PublicKey key;
        try {
            key = Keys.signingPublic(envelope.senderSigningKey());
        } catch (IllegalArgumentException e) {
            throw rejected(Reason.BAD_SIGNATURE, "the manifest names no usable signing key", e);
        }
        try {
            Signature verifier = Signature.getInstance(Keys.SIGNING);
            verifier.initVerify(key);
            verifier.update(manifestBytes);
            if (verifier.verify(signature)) {
                return key;
            }
        } catch (GeneralSecurityException e) {
            throw rejected(Reason.BAD_SIGNATURE, "the signature is not an Ed25519 signature", e);
        }
        throw rejected(Reason.BAD_SIGNATURE, "the manifest's key did not sign it", null);
    }

    private Map<String, byte[]> clearEntries(ZipFile zip, Map<String, ZipEntry> entries, PackageManifest manifest) {
        if (entries.containsKey(PackageLayout.SEALED)) {
            throw rejected(Reason.ALTERED, "unexpected entry " + PackageLayout.SEALED, null);
        }
        Map<String, byte[]> plain = new TreeMap<>();
        for (Map.Entry<String, ZipEntry> entry : entries.entrySet()) {
            if (entry.getKey().startsWith(PackageLayout.DATA_PREFIX)) {
                String entryName = entry.getKey().substring(PackageLayout.DATA_PREFIX.length());
                if (!manifest.entryDigests().containsKey(entryName)) {
                    throw rejected(Reason.ALTERED, "unexpected entry " + entry.getKey(), null);
                }
                plain.put(entryName, read(zip, entry.getValue(), limits.maxEntryBytes()));
            }
        }
        return checkedAgainst(manifest, plain, PackageLayout.DATA_PREFIX);
    }

    private Map<String, byte[]> sealedEntries(ZipFile zip, Map<String, ZipEntry> entries, PackageManifest manifest,
                                              ManifestJson.Sealing sealing, InstallationKeys receiver) {
        if (receiver == null || !receiver.installationId().equals(manifest.recipientInstallationId())
                || !Keys.encode(receiver.agreement().getPublic()).equals(sealing.recipientAgreementKey())) {
            throw rejected(Reason.ENCRYPTED_FOR_ANOTHER_OFFICE,
                    "encrypted for installation " + manifest.recipientInstallationId(), null);
        }
        for (String entryName : entries.keySet()) {
            if (entryName.startsWith(PackageLayout.DATA_PREFIX)) {
                throw rejected(Reason.ALTERED, "unexpected entry " + entryName, null);
            }
        }
        ZipEntry sealedEntry = entries.get(PackageLayout.SEALED);
        if (sealedEntry == null) {
            throw rejected(Reason.ALTERED, "entry " + PackageLayout.SEALED + " is missing", null);
        }
        // The blob is bounded on its own: the total budget is for the entries it holds.
        byte[] blob = read(zip, sealedEntry, limits.maxTotalBytes());
        budget = limits.maxTotalBytes();
        if (!Keys.sha256Hex(blob).equals(sealing.digest())) {
            throw rejected(Reason.ALTERED, "entry " + PackageLayout.SEALED + " differs from what was signed", null);
        }
        byte[] nested;
        try {
            nested = SealedBox.open(new SealedBox.Sealed(Base64.getDecoder().decode(sealing.ephemeralKey()),
                    Base64.getDecoder().decode(sealing.nonce()), blob), receiver.agreement(),
                    PackageLayout.associatedData(manifest.installationId(), receiver.installationId()));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            // Sealed for our very key and signed as it is: only a broken sender gets here.
            throw rejected(Reason.ALTERED, "entry " + PackageLayout.SEALED + " does not decrypt with this office's key", e);
        }
        return checkedAgainst(manifest, nestedEntries(nested), "");
    }

    /** The entries of the decrypted zip, bounded and checked as those of the file itself. */
    private Map<String, byte[]> nestedEntries(byte[] nested) {
        Map<String, byte[]> plain = new TreeMap<>();
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(nested), StandardCharsets.UTF_8)) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                String entryName = entry.getName();
                if (plain.size() >= limits.maxEntries()) {
                    throw rejected(Reason.ALTERED, "more than " + limits.maxEntries() + " sealed entries", null);
                }
                if (!PackageLayout.validEntryName(entryName)) {
                    throw rejected(Reason.ALTERED, "unexpected sealed entry " + entryName, null);
                }
                if (plain.put(entryName, bounded(zip, entryName, limits.maxEntryBytes())) != null) {
                    throw rejected(Reason.ALTERED, "sealed entry " + entryName + " appears twice", null);
                }
            }
        } catch (IOException e) {
            throw rejected(Reason.ALTERED, "the sealed data is not a readable zip: " + e.getMessage(), e);
        }
        return plain;
    }

    /** The entries, exactly those of the manifest, each with the digest the manifest gives it. */
    private Map<String, byte[]> checkedAgainst(PackageManifest manifest, Map<String, byte[]> plain, String prefix) {
        for (Map.Entry<String, String> digest : manifest.entryDigests().entrySet()) {
            byte[] bytes = plain.get(digest.getKey());
            if (bytes == null) {
                throw rejected(Reason.ALTERED, "entry " + prefix + digest.getKey() + " is missing", null);
            }
            if (!Keys.sha256Hex(bytes).equals(digest.getValue())) {
                throw rejected(Reason.ALTERED, "entry " + prefix + digest.getKey() + " differs from what was signed", null);
            }
        }
        Set<String> extra = new HashSet<>(plain.keySet());
        extra.removeAll(manifest.entryDigests().keySet());
        if (!extra.isEmpty()) {
            throw rejected(Reason.ALTERED, "unexpected entry " + prefix + extra.iterator().next(), null);
        }
        return plain;
    }

    private byte[] read(ZipFile zip, ZipEntry entry, long limit) {
        if (entry.getSize() > limit) {
            throw rejected(Reason.ALTERED, "entry " + entry.getName() + " is too large", null);
        }
        try (InputStream in = zip.getInputStream(entry)) {
            return bounded(in, entry.getName(), limit);
        } catch (IOException e) {
            // The directory is whole (checked first), so unreadable data was damaged, not cut short.
            throw rejected(Reason.ALTERED, "entry " + entry.getName() + " cannot be read: " + e.getMessage(), e);
        }
    }

    /** Reads at most {@code limit} bytes and what is left of the package's total budget. */
    private byte[] bounded(InputStream in, String entryName, long limit) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[64 * 1024];
        long allowed = Math.min(limit, budget);
        for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
            if (out.size() + (long) n > allowed) {
                throw rejected(Reason.ALTERED, "entry " + entryName + " is larger than a package may hold", null);
            }
            out.write(buffer, 0, n);
        }
        budget -= out.size();
        return out.toByteArray();
    }

    private PackageRejectedException rejected(Reason reason, String detail, Throwable cause) {
        return new PackageRejectedException(reason, name, detail, cause);
    }
}
