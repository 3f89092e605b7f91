package cn.mediationdesk.logic.store;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DatabaseKeyTest {

    @Property(tries = 200)
    void aRecoveryCodeGivesItsKeyBack(@ForAll("unused") int ignored) {
        DatabaseKey key = DatabaseKey.generate();
        assertThat(DatabaseKey.fromRecoveryCode(key.recoveryCode())).contains(key);
        assertThat(DatabaseKey.fromHex(key.toHex())).contains(key);
    }

    @net.jqwik.api.Provide
    net.jqwik.api.Arbitrary<Integer> unused() {
        return net.jqwik.api.Arbitraries.integers();
    }

    @Test
    void theCodeIsEightGroupsOfFourUnambiguousCharacters() {
        String code = DatabaseKey.generate().recoveryCode();
        assertThat(code).matches("([0-9A-HJKMNP-TV-Z]{4}-){7}[0-9A-HJKMNP-TV-Z]{4}");
    }

    @Test
    void aCodeCopiedByHandIsForgiven() {
        DatabaseKey key = DatabaseKey.generate();
        String code = key.recoveryCode();
        String typed = code.toLowerCase().replace('-', ' ').replace('0', 'o').replace('1', 'l');
        assertThat(DatabaseKey.fromRecoveryCode(typed)).contains(key);
    }

    @Test
    void theFilePasswordThatKeyShowPrintsIsAcceptedToo() {
        DatabaseKey key = DatabaseKey.generate();
        assertThat(DatabaseKey.fromRecoveryCode(key.filePassword())).contains(key);
    }

    @Test
    void somethingElseIsNoCode() {
        assertThat(DatabaseKey.fromRecoveryCode("")).isEmpty();
        assertThat(DatabaseKey.fromRecoveryCode("ABCD-EFGH")).isEmpty();
        assertThat(DatabaseKey.fromRecoveryCode("UUUU-UUUU-UUUU-UUUU-UUUU-UUUU-UUUU-UUUU")).isEmpty(); // U is no digit
        assertThat(DatabaseKey.fromHex("zz")).isEmpty();
    }

    @Test
    void passwordsAreLongAndTheKeyNeverPrintsItself() {
        DatabaseKey key = DatabaseKey.generate();
        assertThat(key.filePassword()).hasSize(40);
        assertThat(key.h2Password()).isEqualTo(key.filePassword() + " " + key.userPassword());
        assertThat(key.toString()).doesNotContain(key.toHex()).doesNotContain(key.recoveryCode());
        assertThat(DatabaseKey.generate()).isNotEqualTo(key);
    }
}
