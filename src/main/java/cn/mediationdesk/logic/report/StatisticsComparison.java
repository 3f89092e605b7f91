package cn.mediationdesk.logic.report;

import cn.mediationdesk.logic.report.StatisticsTable.MainFigure;
import cn.mediationdesk.logic.report.StatisticsTable.MainFigureRow;
import cn.mediationdesk.logic.tally.StatisticsCounts;
import cn.mediationdesk.logic.tally.TallyCounts;
import cn.mediationdesk.model.PreventionKind;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/** The statistics table's main figures side by side: 本期, 本年累计, a year earlier and 同比. */
final class StatisticsComparison {
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    /** The tally's and the statistics statement's totals over one period, and the screening rounds held in it. */
    record Totals(TallyCounts counts, StatisticsCounts figures, long screenings) {
    }

    private StatisticsComparison() {
    }

    static List<MainFigureRow> mainFigures(Totals period, Totals yearToDate, Totals yearEarlier) {
        List<MainFigureRow> rows = new ArrayList<>();
        for (MainFigure figure : MainFigure.values()) {
            BigDecimal now = value(figure, period);
            BigDecimal before = value(figure, yearEarlier);
            BigDecimal change = figure == MainFigure.SUCCESS_RATE ? points(now, before) : percent(now, before);
            rows.add(new MainFigureRow(figure, now, value(figure, yearToDate), before, change));
        }
        return rows;
    }

    private static BigDecimal value(MainFigure figure, Totals totals) {
        StatisticsCounts f = totals.figures();
        return switch (figure) {
            case SCREENINGS -> BigDecimal.valueOf(totals.screenings());
            // Nothing records a dispute prevented before it arose: there is nothing to count.
            case PREVENTIONS -> BigDecimal.ZERO;
            case ACCEPTED -> BigDecimal.valueOf(totals.counts().accepted());
            case RESOLVED -> BigDecimal.valueOf(totals.counts().resolved());
            case SUCCESS_RATE -> totals.counts().resolutionRate();
            case AMOUNT -> f.amountInTenThousandYuan();
            case PREVENTED_SUICIDE -> BigDecimal.valueOf(f.prevented(PreventionKind.SUICIDE).cases());
            case PREVENTED_CRIMINAL_CASE -> BigDecimal.valueOf(f.prevented(PreventionKind.CRIMINAL_CASE).cases());
            case PREVENTED_GROUP_PETITION -> BigDecimal.valueOf(f.prevented(PreventionKind.GROUP_PETITION).cases());
            case PREVENTED_GROUP_FIGHT -> BigDecimal.valueOf(f.prevented(PreventionKind.GROUP_FIGHT).cases());
        };
    }

    /** (now − before) ÷ before as a percentage, one decimal; none from 0 or from nothing. */
    static BigDecimal percent(BigDecimal now, BigDecimal before) {
        if (now == null || before == null || before.signum() == 0) {
            return null;
        }
        return now.subtract(before).multiply(HUNDRED).divide(before, 1, RoundingMode.HALF_UP);
    }

    /** The difference of two rates in percentage points, one decimal; none when either is missing. */
    static BigDecimal points(BigDecimal now, BigDecimal before) {
        return now == null || before == null ? null : now.subtract(before).setScale(1, RoundingMode.HALF_UP);
    }
}
