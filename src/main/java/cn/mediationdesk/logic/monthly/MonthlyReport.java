package cn.mediationdesk.logic.monthly;

import cn.mediationdesk.model.Committee;
import cn.mediationdesk.model.SignedMonthlyReport;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

/**
 * A committee's monthly report (月报): a draft counted as of {@code asOf}, or the signed report with
 * its figures as signed.
 *
 * @param jurisdiction  the jurisdiction's name, for the heading
 * @param figures       the draft's figures, or for a signed report the figures as signed
 * @param leads         the leads found in the month (duplicates left out), as of {@code asOf}
 * @param status        signed, open, due or late on the day it was asked
 * @param signed        the signed report, or {@code null} for a draft
 * @param changedSince  for a signed report: the month's figures counted again as of the signing day
 *                      differ from those signed (a lead entered or corrected afterwards)
 */
public record MonthlyReport(String jurisdiction, Committee committee, YearMonth month, LocalDate asOf,
                            MonthlyFigures figures, List<MonthLead> leads, ReportStatus status, LocalDate dueOn,
                            SignedMonthlyReport signed, boolean changedSince, LocalDate printedOn) {
    public MonthlyReport {
        leads = List.copyOf(leads);
    }

    public boolean zeroReport() {
        return signed != null ? signed.zeroReport() : figures.zero();
    }

    public boolean isSigned() {
        return signed != null;
    }
}
