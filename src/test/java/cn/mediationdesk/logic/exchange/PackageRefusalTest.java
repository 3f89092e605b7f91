package cn.mediationdesk.logic.exchange;

import cn.mediationdesk.logic.exchange.PackageRejectedException.Reason;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import static cn.mediationdesk.logic.exchange.PackageFixtures.COMMITTEE;
import static cn.mediationdesk.logic.exchange.PackageFixtures.GOVERNANCE;
import static cn.mediationdesk.logic.exchange.PackageFixtures.OTHER_OFFICE;
import static cn.mediationdesk.logic.exchange.PackageFixtures.entries;
import static cn.mediationdesk.logic.exchange.PackageFixtures.manifest;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

/** Packages made wrong on purpose: unsigned, forged, bombs, paths, duplicates, other programs' zips. */
class PackageRefusalTest {
    @TempDir
    Path folder;

    @Test
    void aPackageWithoutItsSignatureIsUnsigned() {
        Path unsigned = PackageFixtures.rewritten(PackageFixtures.plain(folder), "unsigned.mdpkg",
                entries -> entries.remove("manifest.sig"));

        assertThat(refusal(unsigned).reason()).isEqualTo(Reason.UNSIGNED);
    }

    @Test
    void anotherInstallationSigningAManifestThatNamesTheCommitteesKeyIsABadSignature() {
        Path genuine = PackageFixtures.plain(folder);
        Path forged = PackageFixtures.rewritten(genuine, "forged.mdpkg", entries ->
                entries.put("manifest.sig", PackageWriter.sign(entries.get("manifest.json"), OTHER_OFFICE)));

        PackageRejectedException refused = refusal(forged);

        assertThat(refused.reason()).isEqualTo(Reason.BAD_SIGNATURE);
        assertThat(refused.detail()).contains("did not sign");
    }

    @Test
    void aManifestThatClaimsTheCommitteesFingerprintWithAnotherKeyIsABadSignature() {
        PackageManifest claimed = manifest(COMMITTEE).completed(PackageManifest.FORMAT_VERSION, Map.of(),
                COMMITTEE.fingerprint(), null);
        byte[] manifest = ManifestJson.write(claimed, Keys.encode(OTHER_OFFICE.signing().getPublic()), null);
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("manifest.json", manifest);
        entries.put("manifest.sig", PackageWriter.sign(manifest, OTHER_OFFICE));
        Path forged = PackageFixtures.write(folder.resolve("forged.mdpkg"), PackageFixtures.zip(entries));

        PackageRejectedException refused = refusal(forged);

        assertThat(refused.reason()).isEqualTo(Reason.BAD_SIGNATURE);
        assertThat(refused.detail()).contains("fingerprint");
    }

    @Test
    void aPackageHonestlySignedByAnotherInstallationOpensAndNamesThatInstallationsKey() {
        Path file = folder.resolve("other.mdpkg");
        PackageWriter.write(file, manifest(OTHER_OFFICE), entries(), OTHER_OFFICE, Optional.empty());

        // Whether to trust it is the merge's decision: the reader only says who signed.
        assertThat(PackageReader.read(file, GOVERNANCE).senderFingerprint()).isEqualTo(OTHER_OFFICE.fingerprint())
                .isNotEqualTo(COMMITTEE.fingerprint());
    }

    @Test
    void aPackageOfANewerFormatIsRefusedAsSuch() {
        Path file = folder.resolve("newer.mdpkg");
        PackageWriter.write(file, manifest(COMMITTEE), entries(), COMMITTEE, Optional.empty(),
                PackageManifest.FORMAT_VERSION + 1);

        assertThat(refusal(file).reason()).isEqualTo(Reason.NEWER_FORMAT);
    }

    @Test
    void anEntryThatInflatesBeyondTheLimitIsRefusedWithoutBeingReadWhole() {
        Path bomb = folder.resolve("bomb.mdpkg");
        PackageWriter.write(bomb, manifest(COMMITTEE), Map.of("leads.json", new byte[3 * 1024 * 1024]),
                COMMITTEE, Optional.empty());
        assertThat(PackageFixtures.bytes(bomb).length).isLessThan(20_000);

        PackageRejectedException refused = refusal(bomb, new PackageReader.Limits(64, 1024 * 1024, 8 * 1024 * 1024));

        assertThat(refused.reason()).isEqualTo(Reason.ALTERED);
        assertThat(refused.detail()).contains("data/leads.json", "too large");
    }

    @Test
    void entriesThatTogetherInflateBeyondTheLimitAreRefused() {
        Path bomb = folder.resolve("bomb.mdpkg");
        byte[] threeMegabytes = new byte[3 * 1024 * 1024];
        PackageWriter.write(bomb, manifest(COMMITTEE), Map.of("a.json", threeMegabytes, "b.json", threeMegabytes),
                COMMITTEE, Optional.empty());

        PackageRejectedException refused = refusal(bomb, new PackageReader.Limits(64, 4 * 1024 * 1024, 5 * 1024 * 1024));

        assertThat(refused.reason()).isEqualTo(Reason.ALTERED);
        assertThat(refused.detail()).contains("data/b.json", "larger than a package may hold");
    }

    @Test
    void aSealedEntryThatInflatesBeyondTheLimitIsRefused() {
        Path bomb = folder.resolve("bomb.mdpkg");
        PackageWriter.write(bomb, manifest(COMMITTEE), Map.of("leads.json", new byte[3 * 1024 * 1024]),
                COMMITTEE, Optional.of(GOVERNANCE.publicPart("城关镇")));

        PackageRejectedException refused = refusal(bomb, new PackageReader.Limits(64, 1024 * 1024, 8 * 1024 * 1024));

        assertThat(refused.reason()).isEqualTo(Reason.ALTERED);
        assertThat(refused.detail()).contains("leads.json");
    }

    @Test
    void tooManyEntriesAreRefused() {
        Path many = PackageFixtures.rewritten(PackageFixtures.plain(folder), "many.mdpkg", entries -> {
            for (int i = 0; i < 100; i++) {
                entries.put("data/extra" + i + ".json", new byte[0]);
            }
        });

        assertThat(refusal(many).reason()).isEqualTo(Reason.ALTERED);
        assertThatThrownBy(() -> PackageWriter.write(folder.resolve("w.mdpkg"), manifest(COMMITTEE),
                PackageFixtures.manyEntries(100), COMMITTEE, Optional.empty()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void entryNamesThatAreTricksOrUnknownAreRefused() {
        for (String name : new String[] {"../../evil.sh", "data/../../evil.sh", "/etc/passwd", "data/sub/leads.json",
                "data/..", "data/", "C:\\evil", "extra.txt", "data/.hidden"}) {
            Path tricked = PackageFixtures.rewritten(PackageFixtures.plain(folder), "tricked.mdpkg",
                    entries -> entries.put(name, new byte[] {1}));
            PackageRejectedException refused = refusal(tricked);
            assertThat(refused.reason()).as(name).isEqualTo(Reason.ALTERED);
            assertThat(refused.detail()).as(name).contains("unexpected entry");
        }
    }

    @Test
    void anEntryThatIsNotInTheManifestIsRefused() {
        Path extra = PackageFixtures.rewritten(PackageFixtures.plain(folder), "extra.mdpkg",
                entries -> entries.put("data/mediators.json", new byte[] {1}));

        PackageRejectedException refused = refusal(extra);

        assertThat(refused.reason()).isEqualTo(Reason.ALTERED);
        assertThat(refused.detail()).contains("data/mediators.json");
    }

    @Test
    void aMissingEntryIsRefusedNamingIt() {
        Path missing = PackageFixtures.rewritten(PackageFixtures.plain(folder), "missing.mdpkg",
                entries -> entries.remove("data/parties.json"));

        PackageRejectedException refused = refusal(missing);

        assertThat(refused.reason()).isEqualTo(Reason.ALTERED);
        assertThat(refused.detail()).contains("data/parties.json", "missing");
    }

    @Test
    void clearEntriesBesideSealedDataAreRefused() {
        Path mixed = PackageFixtures.rewritten(PackageFixtures.encrypted(folder), "mixed.mdpkg",
                entries -> entries.put("data/leads.json", new byte[] {1}));

        assertThat(refusal(mixed).reason()).isEqualTo(Reason.ALTERED);
    }

    @Test
    void anEntryThatAppearsTwiceIsRefused() {
        Map<String, byte[]> entries = new LinkedHashMap<>(PackageFixtures.unzip(PackageFixtures.plain(folder)));
        entries.put("data/zzzzz.json", entries.get("data/leads.json"));
        // Same length as the name it copies: renaming it in the raw bytes keeps the zip well formed.
        byte[] twice = new String(PackageFixtures.zip(entries), StandardCharsets.ISO_8859_1)
                .replace("data/zzzzz.json", "data/leads.json").getBytes(StandardCharsets.ISO_8859_1);

        PackageRejectedException refused = refusal(PackageFixtures.write(folder.resolve("twice.mdpkg"), twice));

        assertThat(refused.reason()).isEqualTo(Reason.ALTERED);
        assertThat(refused.detail()).contains("data/leads.json", "twice");
    }

    @Test
    void somethingThatIsNotAZipIsNotAPackage() {
        Path text = PackageFixtures.write(folder.resolve("notes.txt"), "调解记录\n".repeat(100).getBytes(StandardCharsets.UTF_8));

        assertThat(refusal(text).reason()).isEqualTo(Reason.NOT_A_PACKAGE);
    }

    @Test
    void anotherProgramsZipIsNotAPackage() {
        Path other = PackageFixtures.write(folder.resolve("other.zip"),
                PackageFixtures.zip(Map.of("readme.txt", new byte[] {1, 2, 3})));
        Path extension = PackageFixtures.write(folder.resolve("extension.zip"), PackageFixtures.zip(Map.of(
                "manifest.json", "{\"name\":\"a browser extension\"}".getBytes(StandardCharsets.UTF_8),
                "script.js", new byte[] {1})));
        Path emptyZip = PackageFixtures.write(folder.resolve("empty.zip"), PackageFixtures.zip(Map.of()));

        for (Path file : new Path[] {other, extension}) {
            assertThat(refusal(file).reason()).as(file.getFileName().toString()).isEqualTo(Reason.NOT_A_PACKAGE);
        }
        // An empty zip starts with its end record, not with an entry.
        assertThat(refusal(emptyZip).reason()).isEqualTo(Reason.NOT_A_PACKAGE);
    }

    @Test
    void aFileThatIsNotThereIsRefusedAsNotAPackage() {
        PackageRejectedException refused = refusal(folder.resolve("absent.mdpkg"));

        assertThat(refused.reason()).isEqualTo(Reason.NOT_A_PACKAGE);
        assertThat(refused.detail()).contains("cannot be read");
    }

    @Test
    void aSignedManifestWithAMalformedFieldIsNotAPackage() {
        PackageManifest good = manifest(COMMITTEE).completed(PackageManifest.FORMAT_VERSION, Map.of(),
                COMMITTEE.fingerprint(), null);
        String json = new String(ManifestJson.write(good, Keys.encode(COMMITTEE.signing().getPublic()), null),
                StandardCharsets.UTF_8).replace("\"2026-12-04\"", "\"the fourth\"");
        byte[] manifest = json.getBytes(StandardCharsets.UTF_8);
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("manifest.json", manifest);
        entries.put("manifest.sig", PackageWriter.sign(manifest, COMMITTEE));

        PackageRejectedException refused = refusal(PackageFixtures.write(folder.resolve("m.mdpkg"),
                PackageFixtures.zip(entries)));

        assertThat(refused.reason()).isEqualTo(Reason.NOT_A_PACKAGE);
        assertThat(refused.detail()).contains("coversTo");
    }

    @Test
    void sealedDataThatDoesNotDecryptWithTheOfficesOwnKeyIsAltered() {
        Path genuine = PackageFixtures.encrypted(folder);
        // Signed by the committee itself, so only a broken sender could make it: the nonce is not the one used.
        Path broken = PackageFixtures.rewritten(genuine, "broken.mdpkg", entries -> {
            String json = new String(entries.get("manifest.json"), StandardCharsets.UTF_8)
                    .replaceFirst("\"nonce\" : \"[^\"]*\"", "\"nonce\" : \"AAAAAAAAAAAAAAAA\"");
            entries.put("manifest.json", json.getBytes(StandardCharsets.UTF_8));
            entries.put("manifest.sig", PackageWriter.sign(entries.get("manifest.json"), COMMITTEE));
        });

        PackageRejectedException refused = refusal(broken);

        assertThat(refused.reason()).isEqualTo(Reason.ALTERED);
        assertThat(refused.detail()).contains("does not decrypt");
    }

    @Test
    void sealedEntriesAreCheckedAsStrictlyAsClearOnes() {
        Map<String, byte[]> signedFor = Map.of("leads.json", new byte[] {1});
        assertSealedRefused(signedFor, Map.of("leads.json", new byte[] {2}), "differs from what was signed");
        assertSealedRefused(signedFor, Map.of("leads.json", new byte[] {1}, "extra.json", new byte[0]), "unexpected entry");
        assertSealedRefused(signedFor, Map.of(), "missing");
        assertSealedRefused(signedFor, Map.of("../leads.json", new byte[] {1}), "unexpected sealed entry");
        assertSealedRefused(signedFor, Map.of("sub/leads.json", new byte[] {1}), "unexpected sealed entry");
    }

    /** A package sealed for the governance office, signed by the committee, whose sealed zip holds {@code sealed}. */
    private void assertSealedRefused(Map<String, byte[]> signedFor, Map<String, byte[]> sealed, String detail) {
        Map<String, String> digests = new java.util.TreeMap<>();
        signedFor.forEach((name, bytes) -> digests.put(name, Keys.sha256Hex(bytes)));
        SealedBox.Sealed box = SealedBox.seal(PackageFixtures.zip(sealed), GOVERNANCE.agreement().getPublic(),
                PackageLayout.associatedData(COMMITTEE.installationId(), GOVERNANCE.installationId()));
        ManifestJson.Sealing sealing = new ManifestJson.Sealing(Keys.encode(GOVERNANCE.agreement().getPublic()),
                Keys.base64(box.ephemeralKey()), Keys.base64(box.nonce()), Keys.sha256Hex(box.ciphertext()));
        byte[] manifest = ManifestJson.write(manifest(COMMITTEE).completed(PackageManifest.FORMAT_VERSION, digests,
                COMMITTEE.fingerprint(), GOVERNANCE.installationId()), Keys.encode(COMMITTEE.signing().getPublic()), sealing);
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("manifest.json", manifest);
        entries.put("manifest.sig", PackageWriter.sign(manifest, COMMITTEE));
        entries.put("data.sealed", box.ciphertext());

        PackageRejectedException refused = refusal(PackageFixtures.write(folder.resolve("sealed.mdpkg"),
                PackageFixtures.zip(entries)));

        assertThat(refused.reason()).as(sealed.keySet().toString()).isEqualTo(Reason.ALTERED);
        assertThat(refused.detail()).as(sealed.keySet().toString()).contains(detail);
    }

    @Test
    void aFolderIsNotAPackage() {
        assertThat(refusal(folder).reason()).isEqualTo(Reason.NOT_A_PACKAGE);
    }

    private static PackageRejectedException refusal(Path file) {
        return refusal(file, PackageReader.Limits.DEFAULT);
    }

    private static PackageRejectedException refusal(Path file, PackageReader.Limits limits) {
        Throwable thrown = catchThrowable(() -> PackageReader.read(file, GOVERNANCE, limits));
        assertThat(thrown).isInstanceOf(PackageRejectedException.class);
        return (PackageRejectedException) thrown;
    }
}
