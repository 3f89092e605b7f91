package cn.mediationdesk.logic.tally;

import java.time.LocalDate;

/** An inclusive span of days. */
public record DateRange(LocalDate first, LocalDate last) {
}
