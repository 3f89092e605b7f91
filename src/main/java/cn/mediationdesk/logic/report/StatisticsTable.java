package cn.mediationdesk.logic.report;

import cn.mediationdesk.logic.tally.PeriodBasis;
import cn.mediationdesk.logic.tally.StatisticsResult;
import cn.mediationdesk.logic.tally.TallyResult;
import cn.mediationdesk.model.CommitteeKind;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * The official people's-mediation statistics table (人民调解工作统计表), counted on {@code basis}
 * (by default the day a case was accepted, as the Ministry of Justice's table counts):
 * <ul>
 *   <li>{@code mainFigures}: the table's main figures for the period (本期), from 1 January of the
 *       period's end year to its end (本年累计) and for the same period a year earlier (同比);</li>
 *   <li>{@code byType}: by dispute type the cases accepted and resolved and the success rate (from the
 *       tally), and what became of them ({@code figures}, from the tally's statistics statement);</li>
 *   <li>{@code bySourceGroup}: the cases by source group (主动 / 申请 / 委托移送);</li>
 *   <li>{@code organization}: the active committees by kind and their active mediators (专职 / 兼职).</li>
 * </ul>
 * The rows of {@code byType} and {@code bySourceGroup} are in the dictionary's order (婚姻家庭, 邻里 …),
 * as the official table lists them.
 */
public record StatisticsTable(ReportScope scope, PeriodBasis basis, List<MainFigureRow> mainFigures,
                              Period yearToDate, Period yearEarlier, TallyResult byType, StatisticsResult figures,
                              TallyResult bySourceGroup, List<OrganizationRow> organization,
                              OrganizationRow organizationTotal) {
    public StatisticsTable {
        mainFigures = List.copyOf(mainFigures);
        organization = List.copyOf(organization);
    }

    /** A period the table compares with: its days (either end may be open) and its as-of day. */
    public record Period(LocalDate from, LocalDate to, LocalDate asOf) {
    }

    /** The main figures, in the order the table prints them. */
    public enum MainFigure {
        /** 排查纠纷(次): the committees' screening rounds held in the period (the screening register). */
        SCREENINGS,
        /** 预防纠纷(件): no record keeps disputes prevented before they arose: always 0. */
        PREVENTIONS,
        ACCEPTED, RESOLVED,
        /** 调解成功率 (%), one decimal. */
        SUCCESS_RATE,
        /** 协议涉及金额, in 万元 with two decimals. */
        AMOUNT,
        PREVENTED_SUICIDE, PREVENTED_CRIMINAL_CASE, PREVENTED_GROUP_PETITION, PREVENTED_GROUP_FIGHT
    }

    /**
     * One main figure: this period, the year to date, the same period a year earlier, and the change
     * against it (同比) as a percentage with one decimal — for the success rate, in percentage points.
     * A value is {@code null} where there is none (a rate without accepted cases; a change from 0).
     */
    public record MainFigureRow(MainFigure figure, BigDecimal period, BigDecimal yearToDate, BigDecimal yearEarlier,
                                BigDecimal change) {
    }

    /** Committees of one kind (or all, {@code kind == null}) and their mediators. */
    public record OrganizationRow(CommitteeKind kind, long committees, long fullTimeMediators,
                                  long partTimeMediators) {
        public OrganizationRow plus(OrganizationRow other) {
            return new OrganizationRow(null, committees + other.committees,
                    fullTimeMediators + other.fullTimeMediators, partTimeMediators + other.partTimeMediators);
        }
    }
}
