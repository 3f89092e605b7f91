package cn.mediationdesk.logic.ledger;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

class LedgerDatesTest {
    private static final LocalDate MARCH_5 = LocalDate.of(2022, 3, 5);

    @ParameterizedTest
    @ValueSource(strings = {"2022-03-05", "2022-3-5", "2022/3/5", "2022/03/05", "2022.3.5", "2022.03.05",
            "2022年3月5日", "2022年03月05日", "2022 年 3 月 5 日", "2022年3月5", " 2022-03-05 ", "2022/3/5 0:00",
            "2022-03-05 00:00:00", "2022-03-05T08:30"})
    void readsEverySpellingOfTheLedgerContract(String text) {
        assertThat(LedgerDates.parse(text)).contains(MARCH_5);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "2022-02-30", "2022-13-01", "2022/3", "3/5/2022", "05.03.2022", "2022-3/5",
            "2022年3月", "22-3-5", "44625", "三月五日", "2022-03-05 早上"})
    void refusesWhatIsNoRealDayInALedgerSpelling(String text) {
        assertThat(LedgerDates.parse(text)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"2024-02-29", "2024/2/29", "2024年2月29日"})
    void knowsLeapDays(String text) {
        assertThat(LedgerDates.parse(text)).contains(LocalDate.of(2024, 2, 29));
    }
}
