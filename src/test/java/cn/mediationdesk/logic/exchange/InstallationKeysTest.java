package cn.mediationdesk.logic.exchange;

import cn.mediationdesk.logic.exchange.InstallationKeys.StoredKeys;
import cn.mediationdesk.logic.l10n.Localization;
import org.junit.jupiter.api.Test;

import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

import static cn.mediationdesk.logic.exchange.PackageFixtures.COMMITTEE;
import static cn.mediationdesk.logic.exchange.PackageFixtures.GOVERNANCE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class InstallationKeysTest {
    @Test
    void storedKeysReadBackAsTheSameKeys() {
        StoredKeys stored = COMMITTEE.toStored();

        InstallationKeys restored = InstallationKeys.fromStored(stored);

        assertThat(restored.installationId()).isEqualTo(COMMITTEE.installationId());
        assertThat(restored.signing().getPublic()).isEqualTo(COMMITTEE.signing().getPublic());
        assertThat(restored.signing().getPrivate().getEncoded()).isEqualTo(COMMITTEE.signing().getPrivate().getEncoded());
        assertThat(restored.agreement().getPublic()).isEqualTo(COMMITTEE.agreement().getPublic());
        assertThat(restored.agreement().getPrivate().getEncoded())
                .isEqualTo(COMMITTEE.agreement().getPrivate().getEncoded());
        assertThat(restored.fingerprint()).isEqualTo(COMMITTEE.fingerprint());
        assertThat(restored.toStored()).isEqualTo(stored);
    }

    @Test
    void storedKeysNeverShowTheirPrivateHalvesAsText() {
        StoredKeys stored = COMMITTEE.toStored();

        assertThat(stored.toString()).contains(stored.signingPublic(), stored.installationId().toString())
                .doesNotContain(stored.signingPrivate(), stored.agreementPrivate());
        assertThat(COMMITTEE.toString()).doesNotContain(stored.signingPrivate(), stored.agreementPrivate());
    }

    @Test
    void eachGenerationIsANewInstallation() {
        InstallationKeys one = InstallationKeys.generate();
        InstallationKeys two = InstallationKeys.generate();

        assertThat(one.installationId()).isNotEqualTo(two.installationId());
        assertThat(one.fingerprint()).isNotEqualTo(two.fingerprint());
    }

    @Test
    void malformedOrMismatchedStoredKeysAreRefused() {
        StoredKeys good = COMMITTEE.toStored();
        StoredKeys other = GOVERNANCE.toStored();

        for (StoredKeys bad : new StoredKeys[] {
                new StoredKeys(null, good.signingPrivate(), good.signingPublic(), good.agreementPrivate(), good.agreementPublic()),
                new StoredKeys(good.installationId(), "not base64!", good.signingPublic(), good.agreementPrivate(), good.agreementPublic()),
                new StoredKeys(good.installationId(), good.signingPrivate(), "AAAA", good.agreementPrivate(), good.agreementPublic()),
                new StoredKeys(good.installationId(), good.signingPrivate(), good.signingPublic(), null, good.agreementPublic()),
                // the kinds swapped: an agreement key where a signing key belongs
                new StoredKeys(good.installationId(), good.agreementPrivate(), good.agreementPublic(), good.signingPrivate(), good.signingPublic()),
                // halves of two installations
                new StoredKeys(good.installationId(), other.signingPrivate(), good.signingPublic(), good.agreementPrivate(), good.agreementPublic()),
                new StoredKeys(good.installationId(), good.signingPrivate(), good.signingPublic(), good.agreementPrivate(), other.agreementPublic()),
                null}) {
            assertThatThrownBy(() -> InstallationKeys.fromStored(bad)).as(String.valueOf(bad))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void everyReasonHasItsOwnMessageInBothLanguages() {
        Set<String> keys = EnumSet.allOf(PackageRejectedException.Reason.class).stream()
                .map(PackageRejectedException.Reason::messageKey).collect(Collectors.toSet());
        assertThat(keys).hasSize(PackageRejectedException.Reason.values().length);

        for (Localization l10n : new Localization[] {new Localization(Localization.CHINESE), new Localization(Localization.ENGLISH)}) {
            for (PackageRejectedException.Reason reason : PackageRejectedException.Reason.values()) {
                assertThat(new PackageRejectedException(reason, "D:\\包\\城关.mdpkg", "detail").describe(l10n))
                        .as(reason + " " + l10n.locale()).contains("D:\\包\\城关.mdpkg").doesNotContain("detail");
            }
        }
        assertThat(new PackageRejectedException(PackageRejectedException.Reason.TRUNCATED, "a.mdpkg", "")
                .describe(new Localization(Localization.CHINESE))).contains("数据包不完整（文件被截断），未导入任何内容");
    }
}
