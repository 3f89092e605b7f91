package cn.mediationdesk.model;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import java.util.UUID;

/**
 * A committee's screening round (排查): when, where (a place, and the grid when it was one), who took
 * part and how many leads it found. The rounds of a period are the statistics table's 排查纠纷(次).
 *
 * @param gridId     the grid screened, or {@code null} for a place that is no grid
 * @param screenedBy who took part, as written (names of mediators and grid workers)
 * @param recordedBy the username of who entered it
 * @param version    raised on every change, so that two PCs cannot overwrite each other unseen
 */
public record Screening(UUID id, long committeeId, LocalDate screenedOn, String place, Long gridId,
                        String screenedBy, int leadsFound, String note, String recordedBy, Instant recordedAt,
                        int version) {
    public Screening {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(screenedOn, "screenedOn");
        Objects.requireNonNull(place, "place");
        Objects.requireNonNull(screenedBy, "screenedBy");
        Objects.requireNonNull(recordedBy, "recordedBy");
        Objects.requireNonNull(recordedAt, "recordedAt");
    }
}
