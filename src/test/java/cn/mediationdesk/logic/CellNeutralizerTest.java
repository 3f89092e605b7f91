package cn.mediationdesk.logic;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/** Text that a spreadsheet would run gets a quote in front; reading takes exactly that quote off again. */
class CellNeutralizerTest {

    @ParameterizedTest
    @ValueSource(strings = {"=HYPERLINK(\"http://evil.example\",\"点这里\")", "+1+2", "-2+3", "@SUM(A1:A9)",
            "\tcmd", "\rcmd", "=cmd|' /C calc'!A0", "-"})
    void quotesEveryTextThatBeginsWithAFormulaCharacter(String text) {
        assertThat(CellNeutralizer.neutralize(text)).isEqualTo("'" + text);
        assertThat(CellNeutralizer.restore("'" + text)).isEqualTo(text);
    }

    @ParameterizedTest
    @ValueSource(strings = {"张某与李某因宅基地边界争执", "HX-00001", "2022-03-05", "15211.00", "(2022)金宝人调字第012号",
            " =1+2", "'quoted'", "'", "''", "a=b", ""})
    void leavesOrdinaryTextAlone(String text) {
        assertThat(CellNeutralizer.neutralize(text)).isEqualTo(text);
        assertThat(CellNeutralizer.restore(text)).isEqualTo(text);
    }

    @Test
    void textThatAlreadyBeginsWithAQuoteAndAFormulaIsQuotedOnceMoreSoThatItReadsBackWhole() {
        assertThat(CellNeutralizer.neutralize("'=1+2")).isEqualTo("''=1+2");
        assertThat(CellNeutralizer.restore("''=1+2")).isEqualTo("'=1+2");
        assertThat(CellNeutralizer.restore("'=1+2")).isEqualTo("=1+2");
    }

    @Test
    void nothingIsNothing() {
        assertThat(CellNeutralizer.neutralize(null)).isNull();
        assertThat(CellNeutralizer.restore(null)).isNull();
    }

    @Property
    void restoringWhatWasNeutralizedGivesTheTextBack(@ForAll("cells") String text) {
        assertThat(CellNeutralizer.restore(CellNeutralizer.neutralize(text))).isEqualTo(text);
    }

    @Property
    void noNeutralizedTextBeginsWithAFormulaCharacter(@ForAll("cells") String text) {
        String written = CellNeutralizer.neutralize(text);
        assertThat(written.isEmpty() || "=+-@\t\r".indexOf(written.charAt(0)) < 0).isTrue();
    }

    /** Short texts over the characters that matter, so that every arrangement of them comes up. */
    @Provide
    Arbitrary<String> cells() {
        return Arbitraries.strings().withChars('=', '+', '-', '@', '\t', '\r', '\'', ' ', 'a', '1', '张')
                .ofMinLength(0).ofMaxLength(6);
    }
}
