package cn.mediationdesk.logic.exchange;

import cn.mediationdesk.logic.files.OutputFiles;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.Signature;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.zip.ZipOutputStream;

/** Writes a signed package, its data in clear or encrypted for one office (see {@link PackageLayout}). */
public final class PackageWriter {
    private PackageWriter() {
    }

    /**
     * Writes the package whole or not at all.
     *
     * @param manifest  what the caller knows: who, which committee, the period and the counts; the
     *                  writer fills in the format, the entries' digests, the sender's fingerprint and the recipient
     * @param entries   entry name (a plain file name such as {@code leads.json}) → its bytes
     * @param recipient the office to encrypt the data for, or empty to leave it in clear
     * @throws IllegalArgumentException when the manifest is not the sender's or an entry name is not a plain name
     * @throws cn.mediationdesk.logic.files.OutputFileException when the file cannot be written
     */
    public static void write(Path out, PackageManifest manifest, Map<String, byte[]> entries,
                             InstallationKeys sender, Optional<OfficeKey> recipient) {
        write(out, manifest, entries, sender, recipient, PackageManifest.FORMAT_VERSION);
    }

    /** As {@link #write(Path, PackageManifest, Map, InstallationKeys, Optional)}, in a given format (tests: a newer one). */
    static void write(Path out, PackageManifest manifest, Map<String, byte[]> entries,
                      InstallationKeys sender, Optional<OfficeKey> recipient, int formatVersion) {
        Objects.requireNonNull(manifest, "manifest");
        Objects.requireNonNull(sender, "sender");
        Objects.requireNonNull(recipient, "recipient");
        if (!sender.installationId().equals(manifest.installationId())) {
            throw new IllegalArgumentException("the manifest names installation " + manifest.installationId()
                    + ", the sender is " + sender.installationId());
        }
        if (entries.size() > PackageReader.Limits.DEFAULT.maxEntries()) {
            throw new IllegalArgumentException(entries.size() + " entries: more than a package may hold");
        }
        Map<String, byte[]> sorted = new TreeMap<>();
        Map<String, String> digests = new TreeMap<>();
        entries.forEach((name, bytes) -> {
            if (!PackageLayout.validEntryName(name)) {
                throw new IllegalArgumentException("not a plain entry name: " + name);
            }
            sorted.put(name, Objects.requireNonNull(bytes, name));
            digests.put(name, Keys.sha256Hex(bytes));
        });
        PackageManifest complete = manifest.completed(formatVersion, digests, sender.fingerprint(),
                recipient.map(OfficeKey::installationId).orElse(null));
        byte[] sealedBlob = null;
        ManifestJson.Sealing sealing = null;
        if (recipient.isPresent()) {
            OfficeKey office = recipient.get();
            SealedBox.Sealed sealed = SealedBox.seal(nestedZip(sorted), office.agreement(),
                    PackageLayout.associatedData(sender.installationId(), office.installationId()));
            sealedBlob = sealed.ciphertext();
            sealing = new ManifestJson.Sealing(Keys.encode(office.agreement()), Keys.base64(sealed.ephemeralKey()),
                    Keys.base64(sealed.nonce()), Keys.sha256Hex(sealedBlob));
        }
        byte[] manifestBytes = ManifestJson.write(complete, Keys.encode(sender.signing().getPublic()), sealing);
        byte[] signature = sign(manifestBytes, sender);
        byte[] blob = sealedBlob;
        OutputFiles.writeAtomically(out, stream -> {
            ZipOutputStream zip = new ZipOutputStream(stream);
            PackageLayout.putStored(zip, PackageLayout.MANIFEST, manifestBytes);
            PackageLayout.putStored(zip, PackageLayout.SIGNATURE, signature);
            if (blob != null) {
                PackageLayout.putStored(zip, PackageLayout.SEALED, blob);
            } else {
                for (Map.Entry<String, byte[]> entry : sorted.entrySet()) {
                    PackageLayout.putDeflated(zip, PackageLayout.DATA_PREFIX + entry.getKey(), entry.getValue());
                }
            }
            zip.finish();
        });
    }

    static byte[] sign(byte[] manifestBytes, InstallationKeys sender) {
        try {
            Signature signer = Signature.getInstance(Keys.SIGNING);
            signer.initSign(sender.signing().getPrivate());
            signer.update(manifestBytes);
            return signer.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign with the installation's key", e);
        }
    }

    /** The entries as one zip, to be encrypted: compressed first, since encrypted bytes do not compress. */
    private static byte[] nestedZip(Map<String, byte[]> entries) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
                PackageLayout.putDeflated(zip, entry.getKey(), entry.getValue());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("writing to memory", e);
        }
        return bytes.toByteArray();
    }
}
