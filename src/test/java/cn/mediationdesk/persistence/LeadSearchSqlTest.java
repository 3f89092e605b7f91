package cn.mediationdesk.persistence;

import cn.mediationdesk.logic.search.LeadFilter;
import cn.mediationdesk.logic.search.LeadSort;
import cn.mediationdesk.logic.search.RiskFlag;
import cn.mediationdesk.logic.tally.TallyColumn;
import cn.mediationdesk.model.RiskLevel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.EnumSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The statements of the lead search, as text: fixed fragments only, every value bound. */
class LeadSearchSqlTest {
    private static final LocalDate AS_OF = LocalDate.of(2022, 12, 31);

    @Test
    void whatTheUserTypesIsBoundNeverWrittenIntoTheStatement() {
        String typed = "x' OR '1'='1 -- 张某";
        LeadSearchSql sql = new LeadSearchSql(LeadFilter.all(AS_OF).withText(typed).withDisputeType("NEIGHBOR'--")
                .withSource("WALK_IN").withSourceGroup("ACTIVE"));

        for (String statement : new String[] {sql.countSql(), sql.pageSql(LeadSort.DEFAULT)}) {
            assertThat(statement).doesNotContain("OR '1'", "张某", "NEIGHBOR", "WALK_IN", "ACTIVE", "2022");
        }
        assertThat(sql.pageParameters()).containsEntry("word0", "%x'%").containsEntry("word1", "%or%")
                .containsEntry("word2", "%'1'='1%").containsEntry("word3", "%--%").containsEntry("word4", "%张某%")
                .containsEntry("type", "NEIGHBOR'--").containsEntry("source", "WALK_IN")
                .containsEntry("sourceGroup", "ACTIVE").containsEntry("asOf", AS_OF);
    }

    @Test
    void wildcardsTypedBySomeoneMatchOnlyThemselves() {
        assertThat(LeadSearchSql.escapeLike("100%_!")).isEqualTo("100!%!_!!");
        LeadSearchSql sql = new LeadSearchSql(LeadFilter.all(AS_OF).withText("50%"));
        assertThat(sql.countParameters()).containsEntry("word0", "%50!%%");
        assertThat(sql.countSql()).contains("ESCAPE '!'");
    }

    @Test
    void eachWordIsItsOwnConditionOverCaseNumberLeadNumberSummaryAndPartyNames() {
        LeadSearchSql sql = new LeadSearchSql(LeadFilter.all(AS_OF).withText("排水　张某"));
        String count = sql.countSql();
        assertThat(count).contains("LOWER(l.case_number) LIKE :word0", "LOWER(l.lead_no) LIKE :word0",
                "LOWER(l.summary) LIKE :word0", "LOWER(p.name) LIKE :word0", "LOWER(p.name) LIKE :word1");
        assertThat(sql.countParameters()).containsEntry("word0", "%排水%").containsEntry("word1", "%张某%");
    }

    @Test
    void risksMonthAndFlagsAreBoundAndFlagsMeanAnyOfThem() {
        LeadSearchSql sql = new LeadSearchSql(LeadFilter.all(AS_OF)
                .withRisks(EnumSet.of(RiskLevel.RED, RiskLevel.ORANGE)).withMonth(YearMonth.of(2022, 2))
                .withFlags(Set.of(RiskFlag.GROUP_RISK, RiskFlag.CRIMINAL_RISK)));
        assertThat(sql.countSql()).contains("l.risk_code IN (:risk0, :risk1)",
                "(l.criminal_risk = TRUE OR l.group_risk = TRUE)", "l.found_on >= :monthFirst");
        assertThat(sql.countParameters()).containsEntry("risk0", "ORANGE").containsEntry("risk1", "RED")
                .containsEntry("monthFirst", LocalDate.of(2022, 2, 1))
                .containsEntry("monthLast", LocalDate.of(2022, 2, 28));
    }

    @Test
    void onlyStatementsThatJudgeTheStateBindTheAsOfDay() {
        LeadSearchSql anyState = new LeadSearchSql(LeadFilter.all(AS_OF));
        assertThat(anyState.countParameters()).doesNotContainKey("asOf");
        assertThat(anyState.pageParameters()).containsEntry("asOf", AS_OF);
        assertThat(new LeadSearchSql(LeadFilter.all(AS_OF).withColumn(TallyColumn.LEADS)).countParameters())
                .containsEntry("asOf", AS_OF);
    }

    @Test
    void aCountWithoutAColumnNeedsNoStateAndOnlyOverdueNeedsTheExtensions() {
        assertThat(new LeadSearchSql(LeadFilter.all(AS_OF)).countSql()).isEqualTo("SELECT COUNT(*) FROM lead l WHERE 1 = 1");
        assertThat(new LeadSearchSql(LeadFilter.all(AS_OF).withColumn(TallyColumn.RESOLVED)).countSql())
                .contains(TallySql.STATE).doesNotContain("extension");
        assertThat(new LeadSearchSql(LeadFilter.all(AS_OF).withColumn(TallyColumn.OVERDUE)).countSql())
                .contains(TallySql.STATE, TallySql.EXTENSIONS_IN_FORCE, TallySql.OVERDUE);
    }

    @ParameterizedTest
    @EnumSource(TallyColumn.class)
    void aColumnSelectsWithTheTallysOwnCondition(TallyColumn column) {
        LeadSearchSql sql = new LeadSearchSql(LeadFilter.all(AS_OF).withColumn(column));
        assertThat(sql.countSql()).endsWith("WHERE " + TallySql.condition(column));
        assertThat(sql.pageSql(LeadSort.DEFAULT)).contains("WHERE " + TallySql.condition(column));
    }

    @ParameterizedTest
    @EnumSource(LeadSort.Column.class)
    void everySortEndsInATotalOrderAndPutsEmptyValuesLast(LeadSort.Column column) {
        for (boolean ascending : new boolean[] {true, false}) {
            String order = LeadSearchSql.orderBy(new LeadSort(column, ascending));
            assertThat(order).endsWith("t.id ASC");
            if (column != LeadSort.Column.FOUND_ON) {
                assertThat(order).contains((ascending ? " ASC" : " DESC") + " NULLS LAST, t.found_on DESC");
            } else {
                assertThat(order).isEqualTo("t.found_on" + (ascending ? " ASC" : " DESC") + ", t.id ASC");
            }
        }
        assertThat(new LeadSearchSql(LeadFilter.all(AS_OF)).pageSql(new LeadSort(column, true)))
                .contains("OFFSET :o ROWS FETCH NEXT :n ROWS ONLY");
    }
}
