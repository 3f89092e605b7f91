package cn.mediationdesk.logic.report;

import cn.mediationdesk.logic.report.casefile.PersonalDataMask;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PersonalDataMaskTest {
    @Test
    void anIdNumberKeepsItsRegionCodeAndLastFourCharacters() {
        assertThat(PersonalDataMask.idNumber("11010519491231002X")).isEqualTo("110105********002X");
        assertThat(PersonalDataMask.idNumber(" 110105194912310021 ")).isEqualTo("110105********0021");
    }

    @Test
    void aMobileNumberKeepsItsFirstThreeAndLastFourDigits() {
        assertThat(PersonalDataMask.phone("13812345678")).isEqualTo("138****5678");
    }

    @Test
    void aLandlineKeepsItsAreaCode() {
        assertThat(PersonalDataMask.phone("010-62345678")).isEqualTo("010-****5678");
    }

    @Test
    void whatIsNotRecognisedIsMaskedAllTheSameButForItsLastFour() {
        assertThat(PersonalDataMask.idNumber("12345")).isEqualTo("*2345");
        assertThat(PersonalDataMask.phone("62345678")).isEqualTo("****5678");
        assertThat(PersonalDataMask.phone("123")).isEqualTo("***");
    }

    @Test
    void nothingRecordedStaysEmpty() {
        assertThat(PersonalDataMask.idNumber(null)).isEmpty();
        assertThat(PersonalDataMask.phone("  ")).isEmpty();
    }
}
