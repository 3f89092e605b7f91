package cn.mediationdesk.logic.report.casefile;

import java.time.LocalDate;

/**
 * 卷宗情况说明 and 备考表: what the 立卷人 wrote about the file itself, who filed and checked it and when.
 * Texts not written are empty; names and the day not given are {@code null}.
 *
 * @param note        卷宗情况说明
 * @param remarks     备考表's remarks
 * @param attachments how many scans and photos are bound in
 */
public record FileNote(CaseHeader header, String note, String remarks, String filedBy, String checkedBy,
                       LocalDate filedOn, int attachments) {
}
