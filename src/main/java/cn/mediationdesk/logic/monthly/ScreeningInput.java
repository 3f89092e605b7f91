package cn.mediationdesk.logic.monthly;

import java.time.LocalDate;

/**
 * A screening round as a form or a command gives it.
 *
 * @param place      where it was held; may be blank when a grid is given (the grid's name is used)
 * @param gridId     the grid screened, or {@code null}
 * @param leadsFound how many dispute leads it found (0 or more)
 */
public record ScreeningInput(LocalDate screenedOn, String place, Long gridId, String screenedBy, int leadsFound,
                             String note) {
}
