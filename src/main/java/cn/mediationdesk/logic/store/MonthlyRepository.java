package cn.mediationdesk.logic.store;

import cn.mediationdesk.model.Screening;
import cn.mediationdesk.model.SignedMonthlyReport;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The screening register (排查登记) and the signed monthly reports of the committees. */
public interface MonthlyRepository {
    /**
     * The rounds of one committee ({@code null}: every committee) screened between {@code from} and
     * {@code to} (inclusive, either open), by day.
     */
    List<Screening> screenings(Long committeeId, LocalDate from, LocalDate to);

    Optional<Screening> screening(UUID id);

    void insertScreening(Screening screening);

    /**
     * Replaces a round stored with {@code expectedVersion} by {@code screening} (which carries the new
     * version); false when the stored round is gone or has another version.
     */
    boolean updateScreening(Screening screening, int expectedVersion);

    /** Removes a round stored with {@code expectedVersion}; false when it is gone or has another version. */
    boolean deleteScreening(UUID id, int expectedVersion);

    /** How many rounds and how many leads they found, over one committee ({@code null}: all) and a period. */
    ScreeningCount countScreenings(Long committeeId, LocalDate from, LocalDate to);

    Optional<SignedMonthlyReport> report(long committeeId, YearMonth month);

    /** The signed reports of one committee ({@code null}: every committee) from {@code from} to {@code to} inclusive. */
    List<SignedMonthlyReport> reports(Long committeeId, YearMonth from, YearMonth to);

    void insertReport(SignedMonthlyReport report);

    record ScreeningCount(long rounds, long leadsFound) {
        public static final ScreeningCount NONE = new ScreeningCount(0, 0);
    }
}
