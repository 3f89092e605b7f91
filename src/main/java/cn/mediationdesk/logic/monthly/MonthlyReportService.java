package cn.mediationdesk.logic.monthly;

import cn.mediationdesk.logic.ValidationException;
import cn.mediationdesk.logic.search.LeadFilter;
import cn.mediationdesk.logic.search.LeadSearchService;
import cn.mediationdesk.logic.search.LeadSort;
import cn.mediationdesk.logic.security.Access;
import cn.mediationdesk.logic.store.MonthlyRepository.ScreeningCount;
import cn.mediationdesk.logic.store.Store;
import cn.mediationdesk.logic.store.Tx;
import cn.mediationdesk.logic.tally.Grouping;
import cn.mediationdesk.logic.tally.TallyColumn;
import cn.mediationdesk.logic.tally.TallyQuery;
import cn.mediationdesk.logic.tally.TallyService;
import cn.mediationdesk.model.Committee;
import cn.mediationdesk.model.Jurisdiction;
import cn.mediationdesk.model.Problem;
import cn.mediationdesk.model.Problem.Field;
import cn.mediationdesk.model.Role;
import cn.mediationdesk.model.SignedMonthlyReport;
import cn.mediationdesk.model.User;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A committee's monthly report (月报): its screening rounds and the leads found in the month, counted
 * by the one tally engine, or an explicit zero report (零报告) when none was found; signed off by the
 * committee's director (or an administrator) once the month has ended, which freezes its figures.
 * It lists cases, so a viewer reads none; a director or mediator reads their own committee's.
 */
public final class MonthlyReportService {
    /** How far back the late reports reach: the governance office chases the past year, not the archive. */
    public static final int LATE_WINDOW_MONTHS = 12;
    public static final int NOTE_MAX = 1000;

    private final Store store;
    private final Clock clock;

    public MonthlyReportService(Store store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /** The report as it should be shown: the signed one when the month is signed, else the draft as of today. */
    public MonthlyReport report(User actor, long committeeId, YearMonth month) {
        return store.read(tx -> {
            Access.requireCase(tx, actor, committeeId);
            Optional<SignedMonthlyReport> signed = tx.monthly().report(committeeId, month);
            return signed.isPresent() ? signedReport(tx, signed.get()) : draft(tx, committeeId, month);
        });
    }

    /** The month's report counted now, as of today, whether or not it was signed. */
    public MonthlyReport draft(User actor, long committeeId, YearMonth month) {
        return store.read(tx -> {
            Access.requireCase(tx, actor, committeeId);
            return draft(tx, committeeId, month);
        });
    }

    /**
     * Signs the month's report as it stands today, freezing its figures.
     *
     * @throws ValidationException when the month has not ended, is signed already, or the note is too long
     */
    public MonthlyReport sign(User actor, long committeeId, YearMonth month, String note) {
        return store.write(tx -> {
            User signer = Access.requireCase(tx, actor, committeeId);
            if (signer.role() != Role.ADMIN && signer.role() != Role.DIRECTOR) {
                throw Access.denied("monthly.permission.directorSigns");
            }
            LocalDate today = LocalDate.now(clock);
            List<Problem> problems = new ArrayList<>();
            if (!ReportDeadline.reportable(month, today)) {
                problems.add(Problem.of(Field.REPORT_MONTH, "monthly.report.notEnded", month.toString()));
            } else if (tx.monthly().report(committeeId, month).isPresent()) {
                problems.add(Problem.of(Field.REPORT_MONTH, "monthly.report.alreadySigned", month.toString()));
            }
            String text = note == null ? "" : note.strip();
            if (text.length() > NOTE_MAX) {
                problems.add(Problem.of(Field.REPORT_NOTE, "monthly.tooLong", NOTE_MAX));
            }
            if (!problems.isEmpty()) {
                throw new ValidationException(problems);
            }
            Committee committee = committee(tx, committeeId);
            MonthlyFigures figures = figures(tx, committee.id(), month, today);
            SignedMonthlyReport signed = new SignedMonthlyReport(committee.id(), month, figures.zero(), figures.text(),
                    text.isEmpty() ? null : text, signer.username(), signer.displayName(), today, clock.instant());
            tx.monthly().insertReport(signed);
            return signedReport(tx, signed);
        });
    }

    /**
     * The committee whose report {@code actor} means when none is named: a director's or mediator's own;
     * for an administrator the only active committee, or none when there are several.
     *
     * @throws cn.mediationdesk.logic.PermissionDeniedException for a viewer, who reads no report
     */
    public Optional<Long> defaultCommittee(User actor) {
        return store.read(tx -> {
            Optional<Long> scope = Access.caseScope(tx, actor);
            if (scope.isPresent()) {
                return scope;
            }
            List<Committee> active = tx.organization().committees().stream().filter(Committee::active).toList();
            return active.size() == 1 ? Optional.of(active.getFirst().id()) : Optional.empty();
        });
    }

    /** Every committee the actor may read (an administrator: every active one), with its report of {@code month}. */
    public List<MonthlyStatusRow> overview(User actor, YearMonth month) {
        return store.read(tx -> statuses(tx, committeesOf(tx, actor), month, month));
    }

    /**
     * The reports late today over the past {@link #LATE_WINDOW_MONTHS} months: the governance office's
     * (an administrator's) of every committee, a director's or mediator's of their own.
     */
    public List<MonthlyStatusRow> lateReports(User actor) {
        return store.read(tx -> {
            List<Committee> committees = committeesOf(tx, actor);
            YearMonth last = YearMonth.now(clock).minusMonths(1);
            return statuses(tx, committees, last.minusMonths(LATE_WINDOW_MONTHS - 1), last).stream()
                    .filter(row -> row.status() == ReportStatus.LATE).toList();
        });
    }

    private List<MonthlyStatusRow> statuses(Tx tx, List<Committee> committees, YearMonth from, YearMonth to) {
        LocalDate today = LocalDate.now(clock);
        Map<String, SignedMonthlyReport> signed = tx.monthly().reports(null, from, to).stream()
                .collect(Collectors.toMap(r -> r.committeeId() + "/" + r.month(), Function.identity()));
        List<MonthlyStatusRow> rows = new ArrayList<>();
        for (YearMonth month = from; !month.isAfter(to); month = month.plusMonths(1)) {
            for (Committee committee : committees) {
                SignedMonthlyReport report = signed.get(committee.id() + "/" + month);
                rows.add(new MonthlyStatusRow(committee.id(), committee.code(), committee.name(), month,
                        ReportStatus.of(month, report != null, today), ReportDeadline.dueOn(month), report));
            }
        }
        return rows;
    }

    /** The committees whose reports {@code actor} reads, by code. */
    private static List<Committee> committeesOf(Tx tx, User actor) {
        Optional<Long> scope = Access.caseScope(tx, actor);
        return tx.organization().committees().stream()
                .filter(c -> scope.map(id -> id == c.id()).orElse(c.active()))
                .sorted(Comparator.comparing(Committee::code)).toList();
    }

    private MonthlyReport draft(Tx tx, long committeeId, YearMonth month) {
        Committee committee = committee(tx, committeeId);
        LocalDate today = LocalDate.now(clock);
        return new MonthlyReport(jurisdiction(tx), committee, month, today, figures(tx, committeeId, month, today),
                leads(tx, committeeId, month, today), ReportStatus.of(month, false, today), ReportDeadline.dueOn(month),
                null, false, today);
    }

    private MonthlyReport signedReport(Tx tx, SignedMonthlyReport signed) {
        Committee committee = committee(tx, signed.committeeId());
        MonthlyFigures asSigned = MonthlyFigures.parse(signed.figures());
        MonthlyFigures now = figures(tx, committee.id(), signed.month(), signed.signedOn());
        return new MonthlyReport(jurisdiction(tx), committee, signed.month(), signed.signedOn(), asSigned,
                leads(tx, committee.id(), signed.month(), signed.signedOn()), ReportStatus.SIGNED,
                ReportDeadline.dueOn(signed.month()), signed, !now.named().equals(asSigned.named()),
                LocalDate.now(clock));
    }

    /** The month's figures as of {@code asOf}: the register's rounds and the tally of the leads found in it. */
    static MonthlyFigures figures(Tx tx, long committeeId, YearMonth month, LocalDate asOf) {
        ScreeningCount rounds = tx.monthly().countScreenings(committeeId, month.atDay(1), month.atEndOfMonth());
        TallyQuery query = new TallyQuery(Grouping.COMMITTEE, month.atDay(1), month.atEndOfMonth(), asOf, null,
                committeeId);
        return new MonthlyFigures(rounds.rounds(), rounds.leadsFound(),
                TallyService.summarize(tx, query).total().counts());
    }

    /** The leads the tally's {@code leads} column counts, in the order they were found. */
    private static List<MonthLead> leads(Tx tx, long committeeId, YearMonth month, LocalDate asOf) {
        LeadFilter filter = LeadFilter.all(asOf).withPeriod(month.atDay(1), month.atEndOfMonth())
                .withCommittee(committeeId).withColumn(TallyColumn.LEADS);
        LeadSort sort = new LeadSort(LeadSort.Column.FOUND_ON, true);
        List<MonthLead> leads = new ArrayList<>();
        tx.search().forEach(filter, sort, LeadSearchService.MAX_PAGE_SIZE, row -> {
            String number = row.state().isAccepted() && row.caseNumber() != null ? row.caseNumber() : row.leadNo();
            leads.add(new MonthLead(number, row.foundOn(), row.typeZh(), row.typeEn(),
                    MonthLead.shortSummary(row.summary()), row.state()));
        });
        return leads;
    }

    private static Committee committee(Tx tx, long committeeId) {
        return tx.organization().committees().stream().filter(c -> c.id() == committeeId).findFirst()
                .orElseThrow(() -> new ValidationException(Problem.of(Field.COMMITTEE, "monthly.committee.unknown",
                        committeeId)));
    }

    private static String jurisdiction(Tx tx) {
        return tx.organization().jurisdiction().map(Jurisdiction::name).orElse("");
    }
}
