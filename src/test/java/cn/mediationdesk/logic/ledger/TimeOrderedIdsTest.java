package cn.mediationdesk.logic.ledger;

import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class TimeOrderedIdsTest {
    @Test
    void idsAreVersionSevenUniqueAndOrderedByTheMillisecondTheyWereMadeIn() throws InterruptedException {
        UUID first = TimeOrderedIds.next();
        Set<UUID> ids = new HashSet<>();
        for (int i = 0; i < 100_000; i++) {
            ids.add(TimeOrderedIds.next());
        }
        Thread.sleep(2);
        UUID later = TimeOrderedIds.next();

        assertThat(ids).hasSize(100_000);
        assertThat(first.version()).isEqualTo(7);
        assertThat(first.variant()).isEqualTo(2);
        assertThat(Long.compareUnsigned(later.getMostSignificantBits(), first.getMostSignificantBits())).isPositive();
        assertThat(first.getMostSignificantBits() >>> 16).isBetween(System.currentTimeMillis() - 60_000,
                System.currentTimeMillis());
    }
}
