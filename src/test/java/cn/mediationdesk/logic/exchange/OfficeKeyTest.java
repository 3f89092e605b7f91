package cn.mediationdesk.logic.exchange;

import cn.mediationdesk.logic.exchange.PackageRejectedException.Reason;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Random;

import static cn.mediationdesk.logic.exchange.PackageFixtures.COMMITTEE;
import static cn.mediationdesk.logic.exchange.PackageFixtures.GOVERNANCE;
import static cn.mediationdesk.logic.exchange.PackageFixtures.OTHER_OFFICE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class OfficeKeyTest {
    @TempDir
    Path folder;

    @Test
    void aKeyFileReadsBackAsTheSameKey() {
        OfficeKey key = GOVERNANCE.publicPart("城关镇");
        Path file = folder.resolve("governance.key");
        key.writeTo(file);

        OfficeKey read = OfficeKey.readFrom(file);

        assertThat(read).isEqualTo(key);
        assertThat(read.fingerprint()).isEqualTo(GOVERNANCE.fingerprint());
    }

    @Test
    void aKeyFileIsTextAPersonRecognises() throws IOException {
        Path file = folder.resolve("governance.key");
        GOVERNANCE.publicPart("城关镇").writeTo(file);

        String text = Files.readString(file, StandardCharsets.UTF_8);

        assertThat(text.lines().findFirst().orElseThrow()).contains("MediationDesk");
        assertThat(text).contains("jurisdiction=城关镇", "installation=" + GOVERNANCE.installationId(),
                "fingerprint=" + GOVERNANCE.fingerprint());
        assertThat(text).doesNotContain(Keys.encode(GOVERNANCE.signing().getPrivate()),
                Keys.encode(GOVERNANCE.agreement().getPrivate()));
    }

    @Test
    void theFingerprintIsTheFirstHalfOfTheSigningKeysSha256InGroupsOfFour() throws Exception {
        byte[] digest = MessageDigest.getInstance("SHA-256").digest(COMMITTEE.signing().getPublic().getEncoded());
        String hex = HexFormat.of().withUpperCase().formatHex(digest).substring(0, 32);

        String fingerprint = COMMITTEE.publicPart("城关镇").fingerprint();

        assertThat(fingerprint).matches("([0-9A-F]{4}-){7}[0-9A-F]{4}");
        assertThat(fingerprint.replace("-", "")).isEqualTo(hex);
        assertThat(fingerprint).isNotEqualTo(GOVERNANCE.fingerprint());
    }

    @Test
    void aKeyFileSavedAgainByNotepadWithAByteOrderMarkAndWindowsLineEndsStillReads() throws IOException {
        Path file = folder.resolve("governance.key");
        GOVERNANCE.publicPart("城关镇").writeTo(file);
        Files.writeString(file, "\uFEFF" + Files.readString(file).replace("\n", "\r\n"));

        assertThat(OfficeKey.readFrom(file).fingerprint()).isEqualTo(GOVERNANCE.fingerprint());
    }

    @Test
    void filesThatAreNotKeyFilesAreRefused() throws IOException {
        Path file = folder.resolve("governance.key");
        GOVERNANCE.publicPart("城关镇").writeTo(file);
        String genuine = Files.readString(file);
        String otherSigning = Keys.encode(OTHER_OFFICE.signing().getPublic());
        byte[] random = new byte[500];
        new Random(3).nextBytes(random);

        assertRefused("random.bin", random);
        assertRefused("empty.key", new byte[0]);
        assertRefused("notes.txt", "调解记录\nsigning=abc\n".getBytes(StandardCharsets.UTF_8));
        assertRefused("huge.key", (genuine + "# " + "x".repeat(20_000) + "\n").getBytes(StandardCharsets.UTF_8));
        assertRefused("no-fingerprint.key", genuine.replaceAll("fingerprint=.*\n", "").getBytes(StandardCharsets.UTF_8));
        assertRefused("twice.key", (genuine + "jurisdiction=城南\n").getBytes(StandardCharsets.UTF_8));
        assertRefused("unknown.key", (genuine + "colour=blue\n").getBytes(StandardCharsets.UTF_8));
        assertRefused("another-signing-key.key", genuine.replaceAll("signing=.*\n", "signing=" + otherSigning + "\n")
                .getBytes(StandardCharsets.UTF_8));
        assertRefused("agreement-as-signing.key", genuine.replaceAll("signing=.*\n",
                "signing=" + Keys.encode(GOVERNANCE.agreement().getPublic()) + "\n").getBytes(StandardCharsets.UTF_8));
        assertRefused("bad-id.key", genuine.replaceAll("installation=.*\n", "installation=42\n")
                .getBytes(StandardCharsets.UTF_8));
        assertRefused("newer.key", genuine.replace("format=1", "format=2").getBytes(StandardCharsets.UTF_8));
        assertRefused("utf16.key", genuine.getBytes(StandardCharsets.UTF_16LE));
    }

    @Test
    void aPackageIsNotAKeyFile() {
        Path pkg = PackageFixtures.plain(folder);

        assertThat(catchThrowableOfType(PackageRejectedException.class, () -> OfficeKey.readFrom(pkg)).reason())
                .isEqualTo(Reason.NOT_AN_OFFICE_KEY);
    }

    @Test
    void aMissingKeyFileIsRefused() {
        assertThat(catchThrowableOfType(PackageRejectedException.class,
                () -> OfficeKey.readFrom(folder.resolve("absent.key"))).reason()).isEqualTo(Reason.NOT_AN_OFFICE_KEY);
    }

    @Test
    void aJurisdictionIsOneLineOfText() {
        assertThatThrownBy(() -> GOVERNANCE.publicPart("城关镇\nsigning=x")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> GOVERNANCE.publicPart(" ")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void keysOfTheWrongKindAreNotAnOfficeKey() {
        assertThatThrownBy(() -> new OfficeKey(GOVERNANCE.installationId(), "城关镇",
                GOVERNANCE.agreement().getPublic(), GOVERNANCE.signing().getPublic()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private void assertRefused(String name, byte[] content) {
        Path file = PackageFixtures.write(folder.resolve(name), content);
        PackageRejectedException refused = catchThrowableOfType(PackageRejectedException.class,
                () -> OfficeKey.readFrom(file));
        assertThat(refused).as(name).isNotNull();
        assertThat(refused.reason()).as(name).isEqualTo(Reason.NOT_AN_OFFICE_KEY);
        assertThat(refused.file()).isEqualTo(file.toString());
    }
}
