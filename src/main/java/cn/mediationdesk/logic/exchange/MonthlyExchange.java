package cn.mediationdesk.logic.exchange;

import cn.mediationdesk.logic.exchange.PackageContents.GridKey;
import cn.mediationdesk.logic.exchange.PackageContents.MonthlyReportRow;
import cn.mediationdesk.logic.exchange.PackageContents.ScreeningRow;
import cn.mediationdesk.logic.store.MonthlyRepository;
import cn.mediationdesk.logic.store.Tx;
import cn.mediationdesk.model.Committee;
import cn.mediationdesk.model.Community;
import cn.mediationdesk.model.Grid;
import cn.mediationdesk.model.Screening;
import cn.mediationdesk.model.SignedMonthlyReport;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A committee's screening register and signed monthly reports in its packages to the governance
 * office. All of them travel in every package (they are few), so a package made with {@code --since}
 * still carries them. Merging is idempotent: a round is added, or replaced by a newer version of it;
 * a signed report is immutable, so a package can add one but never change one.
 */
final class MonthlyExchange {
    private MonthlyExchange() {
    }

    /** How many rounds and reports a merge added or changed. */
    record Merged(int screeningsAdded, int screeningsUpdated, int reportsAdded) {
    }

    static PackageContents addTo(Tx tx, Committee committee, PackageContents contents) {
        Map<Long, Grid> grids = tx.organization().grids().stream().collect(Collectors.toMap(Grid::id, Function.identity()));
        Map<Long, Community> communities = tx.organization().communities().stream()
                .collect(Collectors.toMap(Community::id, Function.identity()));
        List<ScreeningRow> rounds = new ArrayList<>();
        for (Screening s : tx.monthly().screenings(committee.id(), null, null)) {
            GridKey grid = null;
            if (s.gridId() != null && grids.containsKey(s.gridId())) {
                Grid g = grids.get(s.gridId());
                GridKey key = new GridKey(communities.get(g.communityId()).code(), g.name());
                // only a grid the package's organization carries can be found again on the other side
                if (contents.organization().grids().stream().anyMatch(row -> row.key().equals(key))) {
                    grid = key;
                }
            }
            rounds.add(new ScreeningRow(s.id(), s.screenedOn().toString(), s.place(), grid, s.screenedBy(),
                    s.leadsFound(), s.note(), s.recordedBy(), s.recordedAt().toString(), s.version()));
        }
        List<MonthlyReportRow> reports = tx.monthly().reports(committee.id(), YearMonth.of(1900, 1),
                YearMonth.of(9999, 12)).stream()
                .map(r -> new MonthlyReportRow(r.month().toString(), r.zeroReport(), r.figures(), r.note(),
                        r.signedBy(), r.signerName(), r.signedOn().toString(), r.signedAt().toString()))
                .toList();
        return contents.withMonthly(rounds, reports);
    }

    /**
     * Merges the package's rounds and reports into {@code committee} (already merged from the package's
     * organization).
     *
     * @throws PackageRejectedException NOT_A_PACKAGE for a row that is not in this format
     */
    static Merged merge(Tx tx, Committee committee, PackageContents contents, String file) {
        MonthlyRepository monthly = tx.monthly();
        List<Grid> grids = tx.organization().grids();
        Map<String, Long> communityIds = tx.organization().communities().stream()
                .collect(Collectors.toMap(Community::code, Community::id));
        int added = 0;
        int updated = 0;
        for (ScreeningRow row : contents.screenings()) {
            Screening incoming;
            try {
                Long gridId = row.grid() == null ? null : grids.stream()
                        .filter(g -> g.name().equals(row.grid().name())
                                && Long.valueOf(g.communityId()).equals(communityIds.get(row.grid().communityCode())))
                        .map(Grid::id).findFirst().orElse(null);
                incoming = new Screening(row.id(), committee.id(), LocalDate.parse(row.screenedOn()), row.place(),
                        gridId, row.screenedBy(), row.leadsFound(), row.note(), row.recordedBy(),
                        Instant.parse(row.recordedAt()), row.version());
            } catch (DateTimeParseException | NullPointerException e) {
                throw new PackageRejectedException(PackageRejectedException.Reason.NOT_A_PACKAGE, file,
                        PackageContents.MONTHLY + ": screening " + row.id(), e);
            }
            Optional<Screening> stored = monthly.screening(row.id());
            if (stored.isEmpty()) {
                monthly.insertScreening(incoming);
                added++;
            } else if (stored.get().committeeId() == committee.id() && incoming.version() > stored.get().version()) {
                monthly.updateScreening(incoming, stored.get().version());
                updated++;
            }
        }
        int reports = 0;
        for (MonthlyReportRow row : contents.monthlyReports()) {
            SignedMonthlyReport incoming;
            try {
                incoming = new SignedMonthlyReport(committee.id(), YearMonth.parse(row.month()), row.zeroReport(),
                        row.figures(), row.note(), row.signedBy(), row.signerName(), LocalDate.parse(row.signedOn()),
                        Instant.parse(row.signedAt()));
            } catch (DateTimeParseException | NullPointerException e) {
                throw new PackageRejectedException(PackageRejectedException.Reason.NOT_A_PACKAGE, file,
                        PackageContents.MONTHLY + ": report " + row.month(), e);
            }
            if (monthly.report(committee.id(), incoming.month()).isEmpty()) {
                monthly.insertReport(incoming);
                reports++;
            }
        }
        return new Merged(added, updated, reports);
    }
}
