package cn.mediationdesk.logic.repeat;

import java.time.LocalDate;

/**
 * Reopening a closed case as a recurrence (矛盾反复) when a follow-up finds the dispute alive again.
 *
 * @param foundOn    the new lead's day; {@code null} for today
 * @param sourceCode how it came to light; {@code null} for the closed case's source
 * @param summary    the new lead's summary; {@code null} for "矛盾反复：" and the closed case's summary
 * @param note       why it is a recurrence (optional)
 */
public record ReopenInput(LocalDate foundOn, String sourceCode, String summary, String note) {
}
