package cn.mediationdesk.persistence;

import cn.mediationdesk.logic.store.MonthlyRepository;
import cn.mediationdesk.model.Screening;
import cn.mediationdesk.model.SignedMonthlyReport;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.Query;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The screening register and the signed monthly reports (V13's {@code screening} and {@code monthly_report}). */
final class MonthlyDao implements MonthlyRepository {
    /** A committee filter that is off when the committee is null, and period ends that are open when null. */
    private static final String SCREENING_FILTER = """
             WHERE (:committeeId IS NULL OR committee_id = :committeeId)
               AND (:fromDay IS NULL OR screened_on >= :fromDay) AND (:toDay IS NULL OR screened_on <= :toDay)""";

    private final Handle handle;

    MonthlyDao(Handle handle) {
        this.handle = handle;
    }

    @Override
    public List<Screening> screenings(Long committeeId, LocalDate from, LocalDate to) {
        return filtered("SELECT * FROM screening " + SCREENING_FILTER + " ORDER BY screened_on, recorded_at, id",
                committeeId, from, to)
                .map((rs, ctx) -> screening(rs)).list();
    }

    @Override
    public Optional<Screening> screening(UUID id) {
        return handle.createQuery("SELECT * FROM screening WHERE id = :id").bind("id", id)
                .map((rs, ctx) -> screening(rs)).findOne();
    }

    @Override
    public void insertScreening(Screening s) {
        handle.createUpdate("""
                        INSERT INTO screening (id, committee_id, screened_on, place, grid_id, screened_by, leads_found,
                                               note, recorded_by, recorded_at, version)
                        VALUES (:id, :committeeId, :screenedOn, :place, :gridId, :screenedBy, :leadsFound, :note,
                                :recordedBy, :recordedAt, :version)""")
                .bind("id", s.id()).bind("committeeId", s.committeeId()).bind("screenedOn", s.screenedOn())
                .bind("place", s.place()).bind("gridId", s.gridId()).bind("screenedBy", s.screenedBy())
                .bind("leadsFound", s.leadsFound()).bind("note", s.note()).bind("recordedBy", s.recordedBy())
                .bind("recordedAt", s.recordedAt().atOffset(ZoneOffset.UTC)).bind("version", s.version())
                .execute();
    }

    @Override
    public boolean updateScreening(Screening s, int expectedVersion) {
        return handle.createUpdate("""
                        UPDATE screening SET committee_id = :committeeId, screened_on = :screenedOn, place = :place,
                               grid_id = :gridId, screened_by = :screenedBy, leads_found = :leadsFound, note = :note,
                               recorded_by = :recordedBy, recorded_at = :recordedAt, version = :version
                         WHERE id = :id AND version = :expected""")
                .bind("id", s.id()).bind("committeeId", s.committeeId()).bind("screenedOn", s.screenedOn())
                .bind("place", s.place()).bind("gridId", s.gridId()).bind("screenedBy", s.screenedBy())
                .bind("leadsFound", s.leadsFound()).bind("note", s.note()).bind("recordedBy", s.recordedBy())
                .bind("recordedAt", s.recordedAt().atOffset(ZoneOffset.UTC)).bind("version", s.version())
                .bind("expected", expectedVersion)
                .execute() == 1;
    }

    @Override
    public boolean deleteScreening(UUID id, int expectedVersion) {
        return handle.createUpdate("DELETE FROM screening WHERE id = :id AND version = :expected")
                .bind("id", id).bind("expected", expectedVersion).execute() == 1;
    }

    @Override
    public ScreeningCount countScreenings(Long committeeId, LocalDate from, LocalDate to) {
        return filtered("SELECT COUNT(*) AS rounds, COALESCE(SUM(leads_found), 0) AS found FROM screening "
                + SCREENING_FILTER, committeeId, from, to)
                .map((rs, ctx) -> new ScreeningCount(rs.getLong("rounds"), rs.getLong("found"))).one();
    }

    @Override
    public Optional<SignedMonthlyReport> report(long committeeId, YearMonth month) {
        return handle.createQuery("SELECT * FROM monthly_report WHERE committee_id = :committeeId AND report_month = :month")
                .bind("committeeId", committeeId).bind("month", month.toString())
                .map((rs, ctx) -> report(rs)).findOne();
    }

    @Override
    public List<SignedMonthlyReport> reports(Long committeeId, YearMonth from, YearMonth to) {
        // 'YYYY-MM' sorts as the months do
        return handle.createQuery("""
                        SELECT * FROM monthly_report
                         WHERE (:committeeId IS NULL OR committee_id = :committeeId)
                           AND report_month >= :fromMonth AND report_month <= :toMonth
                         ORDER BY report_month, committee_id""")
                .bindByType("committeeId", committeeId, Long.class).bind("fromMonth", from.toString())
                .bind("toMonth", to.toString())
                .map((rs, ctx) -> report(rs)).list();
    }

    @Override
    public void insertReport(SignedMonthlyReport r) {
        handle.createUpdate("""
                        INSERT INTO monthly_report (committee_id, report_month, zero_report, figures, note, signed_by,
                                                    signer_name, signed_on, signed_at)
                        VALUES (:committeeId, :month, :zeroReport, :figures, :note, :signedBy, :signerName, :signedOn,
                                :signedAt)""")
                .bind("committeeId", r.committeeId()).bind("month", r.month().toString())
                .bind("zeroReport", r.zeroReport()).bind("figures", r.figures()).bind("note", r.note())
                .bind("signedBy", r.signedBy()).bind("signerName", r.signerName()).bind("signedOn", r.signedOn())
                .bind("signedAt", r.signedAt().atOffset(ZoneOffset.UTC))
                .execute();
    }

    private Query filtered(String sql, Long committeeId, LocalDate from, LocalDate to) {
        return handle.createQuery(sql).bindByType("committeeId", committeeId, Long.class)
                .bindByType("fromDay", from, LocalDate.class).bindByType("toDay", to, LocalDate.class);
    }

    private static Screening screening(ResultSet rs) throws SQLException {
        long gridId = rs.getLong("grid_id");
        Long grid = rs.wasNull() ? null : gridId;
        return new Screening(rs.getObject("id", UUID.class), rs.getLong("committee_id"),
                rs.getObject("screened_on", LocalDate.class), rs.getString("place"), grid,
                rs.getString("screened_by"), rs.getInt("leads_found"), rs.getString("note"),
                rs.getString("recorded_by"), rs.getObject("recorded_at", OffsetDateTime.class).toInstant(),
                rs.getInt("version"));
    }

    private static SignedMonthlyReport report(ResultSet rs) throws SQLException {
        return new SignedMonthlyReport(rs.getLong("committee_id"), YearMonth.parse(rs.getString("report_month")),
                rs.getBoolean("zero_report"), rs.getString("figures"), rs.getString("note"),
                rs.getString("signed_by"), rs.getString("signer_name"), rs.getObject("signed_on", LocalDate.class),
                rs.getObject("signed_at", OffsetDateTime.class).toInstant());
    }
}
