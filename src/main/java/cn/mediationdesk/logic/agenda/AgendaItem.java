package cn.mediationdesk.logic.agenda;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.UUID;

/**
 * One thing that falls due, computed from a case's (or a committee's) own dates, never stored.
 *
 * @param leadId  the lead it is about; {@code null} for a {@link AgendaKind#MONTHLY_REPORT}
 * @param number  the case number, else the lead number, else empty; for a monthly report empty
 * @param summary the start of the lead's 简要情况 (no party's personal data); empty for a monthly report
 * @param month   the month a {@link AgendaKind#MONTHLY_REPORT} reports, else {@code null}
 */
public record AgendaItem(AgendaKind kind, LocalDate dueOn, boolean late, UUID leadId, String number, String summary,
                         long committeeId, String committeeName, YearMonth month) {
    /** How much of a lead's summary an item carries. */
    public static final int SUMMARY_LENGTH = 40;

    public AgendaItem {
        number = number == null ? "" : number;
        summary = shorten(summary);
    }

    static String shorten(String text) {
        if (text == null) {
            return "";
        }
        String oneLine = text.strip().replaceAll("\\s+", " ");
        return oneLine.length() <= SUMMARY_LENGTH ? oneLine : oneLine.substring(0, SUMMARY_LENGTH - 1) + "…";
    }
}
