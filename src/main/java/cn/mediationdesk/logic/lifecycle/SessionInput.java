package cn.mediationdesk.logic.lifecycle;

import java.time.LocalDate;

/**
 * One 调解记录 to record.
 *
 * @param matter             事由: what the session was about
 * @param recorder           记录人: who kept the record
 * @param noticeGiven        the parties were told their rights and duties before it began
 * @param confirmedByParties the parties read the record and confirmed it
 */
public record SessionInput(LocalDate heldOn, String place, String participants, String notes, String matter,
                           String recorder, boolean noticeGiven, boolean confirmedByParties) {
}
