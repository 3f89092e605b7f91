package cn.mediationdesk.gui.main;

import javafx.geometry.Rectangle2D;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;

import static org.assertj.core.api.Assertions.assertThat;

class WindowPlacementTest {
    private static final Rectangle2D LAPTOP = new Rectangle2D(0, 0, 1366, 728);
    private static final Rectangle2D MONITOR_ON_THE_RIGHT = new Rectangle2D(1366, 0, 1920, 1040);

    private final Preferences node = Preferences.userRoot().node("cn/mediationdesk/test-placement-" + UUID.randomUUID());

    @AfterEach
    void removeNode() throws BackingStoreException {
        node.removeNode();
    }

    @Test
    void aPlacementOnACurrentScreenIsRestoredAsItWas() {
        WindowPlacement last = new WindowPlacement(1500, 80, 1280, 800, false);
        assertThat(last.fittedTo(List.of(LAPTOP, MONITOR_ON_THE_RIGHT), 1000, 600)).contains(last);
    }

    @Test
    void aPlacementOnAMonitorNoLongerAttachedIsIgnored() {
        WindowPlacement onTheMonitor = new WindowPlacement(1500, 80, 1280, 800, true);
        assertThat(onTheMonitor.fittedTo(List.of(LAPTOP), 1000, 600)).isEmpty();
    }

    @Test
    void aWindowWhoseTitleBarIsAboveTheScreenIsIgnored() {
        assertThat(new WindowPlacement(100, -500, 1000, 700, false).fittedTo(List.of(LAPTOP), 1000, 600)).isEmpty();
    }

    @Test
    void aWindowLargerThanItsScreenIsShrunkAndMovedOntoIt() {
        WindowPlacement wide = new WindowPlacement(1000, 20, 1920, 1040, false);
        assertThat(wide.fittedTo(List.of(LAPTOP), 1000, 600))
                .contains(new WindowPlacement(0, 0, 1366, 728, false));
    }

    @Test
    void aWindowReachingPastTheScreensEdgeIsMovedBackOntoIt() {
        WindowPlacement past = new WindowPlacement(800, 300, 1100, 650, false);
        assertThat(past.fittedTo(List.of(LAPTOP), 1000, 600)).contains(new WindowPlacement(266, 78, 1100, 650, false));
    }

    @Test
    void nonsenseNumbersAreIgnored() {
        assertThat(new WindowPlacement(Double.NaN, 0, 1000, 700, false).fittedTo(List.of(LAPTOP), 1000, 600)).isEmpty();
        assertThat(new WindowPlacement(0, 0, 0, 700, false).fittedTo(List.of(LAPTOP), 1000, 600)).isEmpty();
    }

    @Test
    void theMemoryGivesBackWhatItWasToldAcrossInstances() {
        assertThat(new WindowPlacementMemory(node).last()).isEmpty();
        WindowPlacement placement = new WindowPlacement(40.5, 30, 1200, 720, true);

        new WindowPlacementMemory(node).remember(placement);

        assertThat(new WindowPlacementMemory(node).last()).contains(placement);
        new WindowPlacementMemory(node).forget();
        assertThat(new WindowPlacementMemory(node).last()).isEmpty();
    }

    @Test
    void aPlacementWithoutItsSizeIsNoPlacement() {
        node.putDouble("window.x", 10);
        node.putDouble("window.y", 10);
        assertThat(new WindowPlacementMemory(node).last()).isEmpty();
    }
}
