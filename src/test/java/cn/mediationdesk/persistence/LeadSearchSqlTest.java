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
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The statements of the lead search, as text: fixed fragments only, every value bound. */
class LeadSearchSqlTest {
    private static final LocalDate AS_OF = LocalDate.of(2022, 12, 31);

    @Test
    void whatTheUserTypesIsBoundNeverWrittenIntoTheStatement() {
        String typed = "x' OR '1'='1 -- 张某";
        LeadSearchSql sql = new LeadSearchSql(LeadFilter.all(AS_OF).withText(typed).withDisputeType("NEIGHBOR'--")
                .withSource("WALK_IN").withSourceGroup("ACTIVE"));

        for (String statement : new String[] {sql.countSql(), sql.pageSql(LeadSort.DEFAULT), LeadSearchSql.rowsSql()}) {
            assertThat(statement).doesNotContain("OR '1'", "张某", "NEIGHBOR", "WALK_IN", "ACTIVE", "2022");
        }
        assertThat(sql.pageParameters(LeadSort.DEFAULT)).containsEntry("word0", "%x'%").containsEntry("word1", "%or%")
                .containsEntry("word2", "%'1'='1%").containsEntry("word3", "%--%").containsEntry("word4", "%张某%")
                .containsEntry("type", "NEIGHBOR'--").containsEntry("source", "WALK_IN")
                .containsEntry("sourceGroup", "ACTIVE");
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
        // the level in force on the as-of day, as the tally's risk rows count it
        assertThat(sql.countSql()).contains("(" + TallySql.RISK_IN_FORCE + ") IN (:risk0, :risk1)",
                "(l.criminal_risk = TRUE OR l.group_risk = TRUE)", "l.found_on >= :monthFirst");
        assertThat(sql.countParameters()).containsEntry("risk0", "ORANGE").containsEntry("risk1", "RED")
                .containsEntry("monthFirst", LocalDate.of(2022, 2, 1))
                .containsEntry("monthLast", LocalDate.of(2022, 2, 28));
    }

    @Test
    void severalTypesAndCommunitiesAreBoundAsListsOfAnyOfThem() {
        LeadSearchSql sql = new LeadSearchSql(LeadFilter.all(AS_OF).withDisputeTypes(Set.of("NEIGHBOR", "CONTRACT"))
                .withCommunities(Set.of(7L, 3L)));
        assertThat(sql.countSql()).contains("l.dispute_type_code IN (:types0, :types1)",
                "l.community_id IN (:communities0, :communities1)").doesNotContain("NEIGHBOR", "CONTRACT");
        assertThat(sql.countParameters()).containsEntry("types0", "CONTRACT").containsEntry("types1", "NEIGHBOR")
                .containsEntry("communities0", 3L).containsEntry("communities1", 7L);
        assertThat(new LeadSearchSql(LeadFilter.all(AS_OF)).countSql()).doesNotContain(" IN (:");
    }

    @Test
    void onlyStatementsThatJudgeTheStateBindTheAsOfDay() {
        LeadSearchSql anyState = new LeadSearchSql(LeadFilter.all(AS_OF));
        assertThat(anyState.countParameters()).doesNotContainKey("asOf");
        assertThat(anyState.pageParameters(LeadSort.DEFAULT)).doesNotContainKey("asOf");
        assertThat(anyState.pageParameters(new LeadSort(LeadSort.Column.STATE, true))).containsEntry("asOf", AS_OF);
        assertThat(anyState.pageParameters(new LeadSort(LeadSort.Column.DUE_ON, true))).containsEntry("asOf", AS_OF);
        LeadSearchSql leads = new LeadSearchSql(LeadFilter.all(AS_OF).withColumn(TallyColumn.LEADS));
        assertThat(leads.countParameters()).containsEntry("asOf", AS_OF);
        assertThat(leads.pageParameters(LeadSort.DEFAULT)).containsEntry("asOf", AS_OF);
    }

    @Test
    void aCountOfEveryStateReadsTheLeadTableAlone() {
        assertThat(new LeadSearchSql(LeadFilter.all(AS_OF)).countSql()).isEqualTo("SELECT COUNT(*) FROM lead l WHERE 1 = 1");
        assertThat(new LeadSearchSql(LeadFilter.all(AS_OF).withColumn(TallyColumn.RESOLVED)).countSql())
                .contains(TallySql.STATE).doesNotContain("extension", "JOIN");
        assertThat(new LeadSearchSql(LeadFilter.all(AS_OF).withColumn(TallyColumn.OVERDUE)).countSql())
                .contains(TallySql.STATE, TallySql.DUE_IN_FORCE_OF_LEAD).doesNotContain("JOIN");
    }

    @ParameterizedTest
    @EnumSource(TallyColumn.class)
    void aColumnSelectsWithTheTallysOwnCondition(TallyColumn column) {
        LeadSearchSql sql = new LeadSearchSql(LeadFilter.all(AS_OF).withColumn(column));
        String condition = TallySql.condition(column, "(" + TallySql.STATE + ")", "(" + TallySql.DUE_IN_FORCE_OF_LEAD + ")");
        assertThat(sql.countSql()).endsWith(" AND (" + condition + ")");
        assertThat(sql.pageSql(LeadSort.DEFAULT)).contains(" AND (" + condition + ")");
    }

    @ParameterizedTest
    @EnumSource(LeadSort.Column.class)
    void everySortEndsInATotalOrderAndPutsEmptyValuesLast(LeadSort.Column column) {
        LeadSearchSql sql = new LeadSearchSql(LeadFilter.all(AS_OF).withText("邻里"));
        for (boolean ascending : new boolean[] {true, false}) {
            LeadSort sort = new LeadSort(column, ascending);
            String direction = ascending ? " ASC" : " DESC";
            if (LeadSearchSql.byGroups(sort)) {
                assertThat(sql.groupCountSql(sort)).contains("COUNT(*)", " = :group", "LIKE :word0");
                assertThat(sql.groupPageSql(sort, false, true)).contains(" = :group", "LIKE :word0")
                        .containsPattern("ORDER BY (l\\.)?found_on DESC, (l\\.)?id DESC")
                        .endsWith("OFFSET :o ROWS FETCH NEXT :n ROWS ONLY");
                assertThat(sql.groupPageSql(sort, true, false)).containsPattern("ORDER BY (l\\.)?found_on ASC, (l\\.)?id ASC");
            } else if (column == LeadSort.Column.FOUND_ON) {
                assertThat(LeadSearchSql.orderBy(sort)).isEqualTo("l.found_on" + direction + ", l.id" + direction);
            } else {
                assertThat(LeadSearchSql.orderBy(sort)).contains(direction + " NULLS LAST")
                        .endsWith(" NULLS LAST, l.found_on DESC, l.id DESC");
                assertThat(sql.pageSql(sort)).startsWith("SELECT l.id FROM lead l WHERE")
                        .endsWith("OFFSET :o ROWS FETCH NEXT :n ROWS ONLY");
            }
        }
    }

    @Test
    void sortsByFewValuesGoByGroupsAndTheRestByTheLeadTableAlone() {
        assertThat(Stream.of(LeadSort.Column.values()).filter(c -> LeadSearchSql.byGroups(new LeadSort(c, true))))
                .containsExactlyInAnyOrder(LeadSort.Column.STATE, LeadSort.Column.COMMITTEE, LeadSort.Column.COMMUNITY,
                        LeadSort.Column.DISPUTE_TYPE, LeadSort.Column.SOURCE, LeadSort.Column.RISK);
        LeadSearchSql sql = new LeadSearchSql(LeadFilter.all(AS_OF));
        assertThat(sql.pageSql(LeadSort.DEFAULT)).doesNotContain("JOIN");
        assertThat(sql.pageSql(new LeadSort(LeadSort.Column.DUE_ON, true))).contains(TallySql.DUE_IN_FORCE_OF_LEAD);
        LeadSort byCommittee = new LeadSort(LeadSort.Column.COMMITTEE, true);
        assertThat(LeadSearchSql.groupValuesSql(byCommittee)).isEqualTo("SELECT id AS k, code AS o FROM committee");
        assertThat(sql.groupPageSql(byCommittee, false, false)).contains("l.committee_id = :group",
                "ORDER BY l.committee_id DESC, l.found_on DESC FETCH FIRST :upTo ROWS WITH TIES")
                .doesNotContain("JOIN", "USE INDEX");
        assertThat(sql.groupPageSql(byCommittee, true, true)).contains("FROM lead l USE INDEX (lead_committee_found_idx)",
                "ORDER BY l.committee_id ASC, l.found_on ASC FETCH FIRST :upTo ROWS WITH TIES");
        LeadSort byState = new LeadSort(LeadSort.Column.STATE, false);
        assertThat(sql.stateCountsSql()).contains(TallySql.STATE, "GROUP BY st");
        assertThat(sql.pageParameters(byState)).containsEntry("asOf", AS_OF);
    }

    @Test
    void caseAndLeadNumbersAreCutByTheirValueAloneFromTheirIndexEitherWayAndTheTiesBrokenAfter() {
        LeadSearchSql sql = new LeadSearchSql(LeadFilter.all(AS_OF));
        LeadSort byCase = new LeadSort(LeadSort.Column.CASE_NUMBER, false);
        assertThat(sql.valuedPageSql(byCase, false)).contains(
                "ORDER BY l.case_year DESC NULLS FIRST, l.case_number DESC NULLS FIRST FETCH FIRST :upTo ROWS WITH TIES",
                "ORDER BY k1 DESC, k2 DESC, found_on DESC, id DESC");
        // Read backwards: the value the other way, its ties oldest first.
        assertThat(sql.valuedPageSql(byCase, true)).contains(
                "ORDER BY l.case_year ASC NULLS LAST, l.case_number ASC NULLS LAST FETCH FIRST :upTo ROWS WITH TIES",
                "ORDER BY k1 ASC, k2 ASC, found_on ASC, id ASC");
        assertThat(sql.valuedPageParameters(byCase, 200, 100)).containsEntry("upTo", 300L).containsEntry("o", 200L)
                .containsEntry("n", 100).containsEntry("lowestYear", Integer.MIN_VALUE);
        assertThat(sql.unvaluedPageSql(byCase, false)).contains("l.case_year IS NULL",
                "ORDER BY l.case_year ASC NULLS LAST, l.case_number ASC NULLS LAST, l.found_on DESC, l.id DESC");
        LeadSort byLeadNo = new LeadSort(LeadSort.Column.LEAD_NO, true);
        assertThat(sql.valuedPageSql(byLeadNo, false)).contains("l.lead_no >= :lowestText",
                "ORDER BY l.lead_no ASC FETCH FIRST :upTo ROWS WITH TIES", "ORDER BY k1 ASC, found_on DESC, id DESC");
        assertThat(sql.unvaluedPageSql(byLeadNo, true)).contains("l.lead_no IS NULL",
                "ORDER BY l.lead_no ASC, l.found_on ASC, l.id ASC");
        assertThat(sql.dueShownPageSql(true, true)).contains("ORDER BY l.due_on DESC FETCH FIRST :upTo ROWS WITH TIES",
                "ORDER BY due DESC, found_on ASC, id ASC");
    }

    @Test
    void theRowsOfAPageAreReadForItsIdsAlone() {
        assertThat(LeadSearchSql.rowsSql()).contains("WHERE l.id IN (<ids>)", TallySql.STATE,
                TallySql.DUE_IN_FORCE_OF_LEAD, TallySql.condition(TallyColumn.OVERDUE));
    }
}
