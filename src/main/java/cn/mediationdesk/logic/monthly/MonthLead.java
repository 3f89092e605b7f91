package cn.mediationdesk.logic.monthly;

import cn.mediationdesk.model.LeadState;

import java.time.LocalDate;

/**
 * One lead of a monthly report's list: what identifies it and where it stands, without the parties'
 * personal data.
 *
 * @param number  the case number once accepted, else the lead number
 * @param summary the start of the lead's summary, at most {@link #SUMMARY_LENGTH} characters
 */
public record MonthLead(String number, LocalDate foundOn, String typeZh, String typeEn, String summary,
                        LeadState state) {
    public static final int SUMMARY_LENGTH = 30;

    public String type(boolean chinese) {
        return chinese ? typeZh : typeEn;
    }

    static String shortSummary(String summary) {
        String text = summary == null ? "" : summary.strip().replaceAll("\\s+", " ");
        return text.codePointCount(0, text.length()) <= SUMMARY_LENGTH ? text
                : text.substring(0, text.offsetByCodePoints(0, SUMMARY_LENGTH - 1)) + "…";
    }
}
