package cn.mediationdesk.model;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Objects;

/**
 * A committee's monthly report as its director signed it (签发): immutable once written.
 *
 * @param zeroReport whether no lead was found that month (零报告)
 * @param figures    the figures as they stood at signing, one {@code name=value} per line
 * @param signedBy   the signer's username; {@code signerName} the name shown on the report
 */
public record SignedMonthlyReport(long committeeId, YearMonth month, boolean zeroReport, String figures, String note,
                                  String signedBy, String signerName, LocalDate signedOn, Instant signedAt) {
    public SignedMonthlyReport {
        Objects.requireNonNull(month, "month");
        Objects.requireNonNull(figures, "figures");
        Objects.requireNonNull(signedBy, "signedBy");
        Objects.requireNonNull(signerName, "signerName");
        Objects.requireNonNull(signedOn, "signedOn");
        Objects.requireNonNull(signedAt, "signedAt");
    }
}
