package cn.mediationdesk.logic.tally;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DisplayWidthTest {
    @Test
    void chineseCharactersAndFullwidthPunctuationTakeTwoColumns() {
        assertThat(DisplayWidth.of("abc")).isEqualTo(3);
        assertThat(DisplayWidth.of("金宝新区")).isEqualTo(8);
        assertThat(DisplayWidth.of("（合计）：")).isEqualTo(10);
        assertThat(DisplayWidth.of("TW001 金宝")).isEqualTo(10);
        assertThat(DisplayWidth.of("𠀀")).as("extension B, outside the BMP").isEqualTo(2);
        assertThat(DisplayWidth.of("e\u0301")).as("a combining accent takes no column").isEqualTo(1);
    }

    @Test
    void padsToTheDisplayWidth() {
        assertThat(DisplayWidth.padRight("调委会", 8)).isEqualTo("调委会  ");
        assertThat(DisplayWidth.padLeft("12", 5)).isEqualTo("   12");
        assertThat(DisplayWidth.padRight("很长的名字", 4)).isEqualTo("很长的名字");
    }
}
