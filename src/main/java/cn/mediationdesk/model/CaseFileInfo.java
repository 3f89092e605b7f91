package cn.mediationdesk.model;

import java.time.LocalDate;
import java.util.UUID;

/**
 * What the person who files a closed case (立卷人) writes on its cover and closing pages; every field
 * is {@code null} until filled in.
 *
 * @param title         卷名; {@code null} prints one made from the parties and the dispute type
 * @param closingReport 结案报告: how the case was handled and ended, in the mediator's words
 * @param fileNote      卷宗情况说明: anything about the file itself (missing originals, items kept elsewhere)
 * @param remarks       备考表: remarks on the file's contents and their condition
 * @param checkedBy     检查人 of the 备考表
 */
public record CaseFileInfo(UUID leadId, String title, String filedBy, LocalDate filedOn, Retention retention,
                           String closingReport, String fileNote, String remarks, String checkedBy) {
    /** Nothing filled in yet. */
    public static CaseFileInfo empty(UUID leadId) {
        return new CaseFileInfo(leadId, null, null, null, null, null, null, null, null);
    }
}
