package cn.mediationdesk.benchmark;

/**
 * One figure measured as a whole process or a whole run rather than by JMH (start-up, generating,
 * importing a file), with its floor measured in the same run. Times are in milliseconds, the best
 * of the repetitions, and {@code goalMillis} / {@code goalRatio} are 0 where there is no such limit.
 */
public record ProcessFigure(String what, int leads, double millis, String floorWhat, double floorMillis,
                            double goalMillis, double goalRatio, String note) {
}
