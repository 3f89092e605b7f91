package cn.mediationdesk.logic.exchange;

import cn.mediationdesk.logic.exchange.PackageRejectedException.Reason;
import cn.mediationdesk.logic.files.OutputFileException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

import static cn.mediationdesk.logic.exchange.PackageFixtures.COMMITTEE;
import static cn.mediationdesk.logic.exchange.PackageFixtures.GOVERNANCE;
import static cn.mediationdesk.logic.exchange.PackageFixtures.OTHER_OFFICE;
import static cn.mediationdesk.logic.exchange.PackageFixtures.entries;
import static cn.mediationdesk.logic.exchange.PackageFixtures.manifest;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class PackageRoundTripTest {
    @TempDir
    Path folder;

    @Test
    void aPlainPackageGivesBackItsManifestAndEveryEntryByteForByte() {
        OpenedPackage opened = PackageReader.read(PackageFixtures.plain(folder), GOVERNANCE);

        assertThat(opened.entries()).containsOnlyKeys(entries().keySet());
        entries().forEach((name, bytes) -> assertThat(opened.entries().get(name)).as(name).isEqualTo(bytes));
        PackageManifest expected = manifest(COMMITTEE);
        PackageManifest read = opened.manifest();
        assertThat(read).usingRecursiveComparison()
                .ignoringFields("entryDigests", "senderFingerprint").isEqualTo(expected);
        assertThat(read.formatVersion()).isEqualTo(PackageManifest.FORMAT_VERSION);
        assertThat(read.recipientInstallationId()).isNull();
        assertThat(read.encrypted()).isFalse();
        assertThat(read.entryDigests()).containsOnlyKeys(entries().keySet())
                .containsEntry("sessions.json", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
        assertThat(read.senderFingerprint()).isEqualTo(COMMITTEE.fingerprint());
        assertThat(opened.senderFingerprint()).isEqualTo(COMMITTEE.fingerprint());
        assertThat(opened.senderSigningKey()).isEqualTo(COMMITTEE.signing().getPublic());
    }

    @Test
    void aPlainPackageNeedsNoKeysToBeRead() {
        assertThat(PackageReader.read(PackageFixtures.plain(folder), null).entries()).hasSize(entries().size());
    }

    @Test
    void aPackageForEverythingHasNoFirstDay() {
        PackageManifest everything = PackageManifest.of(COMMITTEE.installationId(), "城关镇", "CG-01", "委员会",
                null, "7", null, null, Map.of());
        Path file = folder.resolve("all.mdpkg");
        PackageWriter.write(file, everything, Map.of(), COMMITTEE, Optional.empty());

        OpenedPackage opened = PackageReader.read(file, GOVERNANCE);

        assertThat(opened.manifest().since()).isNull();
        assertThat(opened.manifest().created()).isNull();
        assertThat(opened.manifest().counts()).isEmpty();
        assertThat(opened.entries()).isEmpty();
    }

    @Test
    void anEncryptedPackageOpensForItsOfficeWithEveryEntryByteForByte() {
        OpenedPackage opened = PackageReader.read(PackageFixtures.encrypted(folder), GOVERNANCE);

        assertThat(opened.entries()).containsOnlyKeys(entries().keySet());
        entries().forEach((name, bytes) -> assertThat(opened.entries().get(name)).as(name).isEqualTo(bytes));
        assertThat(opened.manifest().recipientInstallationId()).isEqualTo(GOVERNANCE.installationId());
        assertThat(opened.manifest().encrypted()).isTrue();
        assertThat(opened.senderFingerprint()).isEqualTo(COMMITTEE.fingerprint());
    }

    @Test
    void anEncryptedPackageShowsNothingOfItsEntriesButTheManifest() {
        Path file = PackageFixtures.encrypted(folder);

        assertThat(PackageFixtures.unzip(file)).containsOnlyKeys("manifest.json", "manifest.sig", "data.sealed");
        String asText = new String(PackageFixtures.bytes(file), StandardCharsets.UTF_8);
        assertThat(asText).doesNotContain("邻里漏水纠纷", "张三").contains("城关镇人民调解委员会");
    }

    @Test
    void anotherOfficeCannotOpenAPackageEncryptedForTheGovernanceOffice() {
        Path file = PackageFixtures.encrypted(folder);

        for (InstallationKeys stranger : new InstallationKeys[] {OTHER_OFFICE, COMMITTEE, null}) {
            PackageRejectedException refused = catchThrowableOfType(PackageRejectedException.class,
                    () -> PackageReader.read(file, stranger));
            assertThat(refused.reason()).isEqualTo(Reason.ENCRYPTED_FOR_ANOTHER_OFFICE);
            assertThat(refused.file()).isEqualTo(file.toString());
        }
    }

    @Test
    void theSameInstallationWithNewAgreementKeysCannotOpenWhatWasSealedForTheOldOnes() {
        Path file = PackageFixtures.encrypted(folder);
        InstallationKeys reinstalled = new InstallationKeys(GOVERNANCE.installationId(), GOVERNANCE.signing(),
                OTHER_OFFICE.agreement());

        assertThat(catchThrowableOfType(PackageRejectedException.class, () -> PackageReader.read(file, reinstalled))
                .reason()).isEqualTo(Reason.ENCRYPTED_FOR_ANOTHER_OFFICE);
    }

    @Test
    void keysRestoredFromTheDatabaseOpenAndSignAsTheOriginalsDo() {
        InstallationKeys restored = InstallationKeys.fromStored(GOVERNANCE.toStored());
        Path sealed = PackageFixtures.encrypted(folder);
        assertThat(PackageReader.read(sealed, restored).entries()).hasSize(entries().size());

        Path signed = folder.resolve("from-restored.mdpkg");
        PackageWriter.write(signed, manifest(restored), entries(), restored, Optional.empty());
        assertThat(PackageReader.read(signed, COMMITTEE).senderFingerprint()).isEqualTo(GOVERNANCE.fingerprint());
    }

    @Test
    void theWriterRefusesAManifestOfAnotherInstallationAndLeavesNoFile() {
        Path file = folder.resolve("wrong.mdpkg");

        assertThatThrownBy(() -> PackageWriter.write(file, manifest(OTHER_OFFICE), entries(), COMMITTEE,
                Optional.empty())).isInstanceOf(IllegalArgumentException.class);
        assertThat(file).doesNotExist();
    }

    @Test
    void theWriterRefusesEntryNamesThatAreNotPlainFileNames() {
        for (String name : new String[] {"../leads.json", "data/leads.json", ".hidden", "a..b", "", "名单.json",
                "x".repeat(101)}) {
            assertThatThrownBy(() -> PackageWriter.write(folder.resolve("bad.mdpkg"), manifest(COMMITTEE),
                    Map.of(name, new byte[1]), COMMITTEE, Optional.empty()))
                    .as(name).isInstanceOf(IllegalArgumentException.class);
        }
        assertThat(folder).isEmptyDirectory();
    }

    @Test
    void aPackageIntoAMissingFolderFailsAsAnyOutputFileAndLeavesNothing() {
        Path file = folder.resolve("missing").resolve("p.mdpkg");

        assertThatThrownBy(() -> PackageWriter.write(file, manifest(COMMITTEE), entries(), COMMITTEE, Optional.empty()))
                .isInstanceOf(OutputFileException.class);
        assertThat(folder).isEmptyDirectory();
    }

    @Test
    void writingAgainReplacesTheOldPackageWhole() throws Exception {
        Path file = PackageFixtures.plain(folder);
        PackageWriter.write(file, manifest(COMMITTEE), Map.of("leads.json", new byte[] {1}), COMMITTEE, Optional.empty());

        assertThat(PackageReader.read(file, GOVERNANCE).entries()).containsOnlyKeys("leads.json");
        try (var listing = Files.list(folder)) {
            assertThat(listing).containsExactly(file);
        }
    }
}
