package cn.mediationdesk.gui.common;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

class DateFieldConverterTest {
    private final DateFieldConverter converter = new DateFieldConverter();

    @Test
    void showsDatesTheIsoWay() {
        assertThat(converter.toString(LocalDate.of(2022, 3, 5))).isEqualTo("2022-03-05");
        assertThat(converter.toString(null)).isEmpty();
    }

    @Test
    void readsTheWaysPeopleWriteDates() {
        LocalDate expected = LocalDate.of(2022, 3, 5);
        for (String text : new String[] {"2022-03-05", "2022/3/5", "2022.3.5", "2022年3月5日", " 2022 年 3 月 5 日 ", "2022-3-5"}) {
            assertThat(converter.fromString(text)).as(text).isEqualTo(expected);
        }
    }

    @Test
    void readsWhatIsNoDateAsNothingInsteadOfFailing() {
        for (String text : new String[] {"", "  ", "昨天", "2022-02-30", "2022-13-01", "22-3-5", null}) {
            assertThat(converter.fromString(text)).as(String.valueOf(text)).isNull();
        }
    }
}
