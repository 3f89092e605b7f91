package cn.mediationdesk.logic.tally;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

class SummaryJsonTest {
    @Test
    void writesTheContractObject() {
        String json = SummaryJson.format(SummaryFormatsTestData.year2022());
        assertThat(json).isEqualTo("""
                {
                  "by": "community",
                  "from": "2022-01-01",
                  "to": "2022-12-31",
                  "asOf": "2022-12-31",
                  "rows": [
                    {"code": "SQ001", "name": "东山社区", "leads": 55, "pending": 2, "unfounded": 3, "duplicate": 1, "transferred": 1, "declined": 2, "accepted": 47, "mediating": 5, "resolved": 35, "failed": 4, "terminated": 3, "overdue": 2, "resolution_rate": 74.5},
                    {"code": "SQ002", "name": "西岭村", "leads": 0, "pending": 0, "unfounded": 0, "duplicate": 0, "transferred": 0, "declined": 0, "accepted": 0, "mediating": 0, "resolved": 0, "failed": 0, "terminated": 0, "overdue": 0, "resolution_rate": null},
                    {"code": "SQ003", "name": "Quote \\"and\\", comma", "leads": 3, "pending": 0, "unfounded": 0, "duplicate": 0, "transferred": 0, "declined": 0, "accepted": 3, "mediating": 0, "resolved": 2, "failed": 1, "terminated": 0, "overdue": 0, "resolution_rate": 66.7}
                  ],
                  "total": {"code": "TOTAL", "name": "合计", "leads": 58, "pending": 2, "unfounded": 3, "duplicate": 1, "transferred": 1, "declined": 2, "accepted": 50, "mediating": 5, "resolved": 37, "failed": 5, "terminated": 3, "overdue": 2, "resolution_rate": 74.0}
                }
                """);
    }

    @Test
    void anOpenPeriodIsNull() {
        String json = SummaryJson.format(SummaryFormatsTestData.result(null, LocalDate.of(2022, 6, 30)));
        assertThat(json).contains("\"from\": null,", "\"to\": \"2022-06-30\",");
    }

    @Test
    void stringsAreEscaped() {
        assertThat(SummaryJson.string("a\"b\\c\nd\te\u0001f\u2028")).isEqualTo("\"a\\\"b\\\\c\\nd\\te\\u0001f\\u2028\"");
        assertThat(SummaryJson.string("金宝新区")).isEqualTo("\"金宝新区\"");
        assertThat(SummaryJson.string(null)).isEqualTo("null");
    }
}
