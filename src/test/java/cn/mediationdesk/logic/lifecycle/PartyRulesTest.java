package cn.mediationdesk.logic.lifecycle;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.NumericChars;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

class PartyRulesTest {

    @Test
    void acceptsTheStandardsOwnExample() {
        // GB 11643-1999 appendix example.
        assertThat(PartyRules.isValidIdNumber("11010519491231002X")).isTrue();
        assertThat(PartyRules.isValidIdNumber("11010519491231002x")).as("lower-case x").isTrue();
    }

    @Test
    void rejectsWrongCheckDigitLengthAndBirthDate() {
        assertThat(PartyRules.isValidIdNumber("110105194912310021")).isFalse();
        assertThat(PartyRules.isValidIdNumber("11010519491231002")).isFalse();
        assertThat(PartyRules.isValidIdNumber("110105194913310024")).as("13th month").isFalse();
    }

    @Property
    void everyValidNumberFailsWhenOneDigitChanges(@ForAll @StringLength(6) @NumericChars String area,
                                                  @ForAll @IntRange(min = 0, max = 36000) int dayOffset,
                                                  @ForAll @StringLength(3) @NumericChars String serial,
                                                  @ForAll @IntRange(min = 0, max = 16) int position,
                                                  @ForAll @IntRange(min = 1, max = 9) int delta) {
        String birth = LocalDate.of(1920, 1, 1).plusDays(dayOffset).toString().replace("-", "");
        String first17 = area + birth + serial;
        String id = first17 + PartyRules.checkCharacter(first17);
        assertThat(PartyRules.isValidIdNumber(id)).isTrue();
        char changed = (char) ('0' + (first17.charAt(position) - '0' + delta) % 10);
        String tampered = first17.substring(0, position) + changed + first17.substring(position + 1) + id.charAt(17);
        // A single changed digit always changes the MOD 11-2 check character (weights are all non-zero mod 11).
        assertThat(PartyRules.isValidIdNumber(tampered)).isFalse();
    }

    @Test
    void phoneNumbers() {
        assertThat(PartyRules.isValidPhone("13812345678")).isTrue();
        assertThat(PartyRules.isValidPhone("0827-1234567")).isTrue();
        assertThat(PartyRules.isValidPhone("08271234567")).isTrue();
        assertThat(PartyRules.isValidPhone("1234")).isFalse();
        assertThat(PartyRules.isValidPhone("23812345678")).isFalse();
    }
}
