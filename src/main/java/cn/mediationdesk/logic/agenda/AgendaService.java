package cn.mediationdesk.logic.agenda;

import cn.mediationdesk.logic.ValidationException;
import cn.mediationdesk.logic.audit.AuditAction;
import cn.mediationdesk.logic.audit.AuditTrail;
import cn.mediationdesk.logic.lifecycle.LifecycleService;
import cn.mediationdesk.logic.monthly.ReportDeadline;
import cn.mediationdesk.logic.security.Access;
import cn.mediationdesk.logic.store.AgendaRepository;
import cn.mediationdesk.logic.store.AgendaRepository.LeadDue;
import cn.mediationdesk.logic.store.Store;
import cn.mediationdesk.logic.store.Tx;
import cn.mediationdesk.model.Committee;
import cn.mediationdesk.model.Problem;
import cn.mediationdesk.model.Problem.Field;
import cn.mediationdesk.model.RiskLevel;
import cn.mediationdesk.model.Role;
import cn.mediationdesk.model.User;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

/**
 * What falls due in the coming days and what is already late, computed from the cases' own dates
 * (nothing on the agenda is a second copy of a date).
 *
 * <p>An item is listed when {@code due − lead time ≤ today + days} and it is not done; it is late
 * when {@code due < today}. The kinds, their due day, lead time and what makes them done:
 * <ul>
 *   <li>{@link AgendaKind#SESSION}: a planned session of a case still in mediation; due its planned
 *       day; lead time 0. Done when a session is recorded that day (recording removes the plan) or
 *       the plan is called off.</li>
 *   <li>{@link AgendaKind#TIME_LIMIT}: a case in mediation; due its due date in force (the latest
 *       extension agreed, else acceptance + the time limit); lead time {@link AgendaSettings#warnDays()}
 *       (default 5). Done when the case closes.</li>
 *   <li>{@link AgendaKind#PERFORMANCE}: a resolved case whose agreement sets a performance deadline
 *       (履行期限); due that deadline; lead time 0. Done once a follow-up finds it performed.</li>
 *   <li>{@link AgendaKind#FOLLOW_UP}: a resolved case (only an agreement is followed up); due
 *       {@link AgendaSettings#followUpDays()} (default 15) after closing; lead time 0. Done by any
 *       follow-up visit on or after the closing day.</li>
 *   <li>{@link AgendaKind#JUDICIAL_WINDOW}: a resolved case with a written agreement and no
 *       application for judicial confirmation; due {@value LifecycleService#JUDICIAL_CONFIRMATION_DAYS}
 *       days after closing (人民调解法 Art. 33); lead time 0. Never late: once the window has passed
 *       nothing can be done and it is no longer listed.</li>
 *   <li>{@link AgendaKind#RISK_REVIEW}: a lead not yet final (pending or in mediation) whose level in
 *       force is YELLOW, ORANGE or RED; due its latest assessment + 30, 15 or 7 days; lead time 0.
 *       Done by a new assessment.</li>
 *   <li>{@link AgendaKind#MONTHLY_REPORT}: an active committee's month that has ended with no signed
 *       report; due {@link ReportDeadline#dueOn}; lead time 0. Months count from the month the database
 *       was created (earlier months were reported on paper), at most the last
 *       {@value #REPORT_MONTHS_BACK}.</li>
 * </ul>
 * Whose agenda: a director's or mediator's own committee; an administrator's every committee; a
 * viewer's only the monthly reports (no case data), of every committee.
 */
public final class AgendaService {
    public static final int DEFAULT_DAYS = 7;
    public static final int MAX_DAYS = 366;
    /** How many ended months back a missing monthly report is still asked for. */
    public static final int REPORT_MONTHS_BACK = 12;
    /** Days after the latest assessment that a lead of each level is due to be assessed again. */
    public static final Map<RiskLevel, Integer> RISK_REVIEW_DAYS = Map.of(
            RiskLevel.YELLOW, 30, RiskLevel.ORANGE, 15, RiskLevel.RED, 7);

    private final Store store;
    private final Clock clock;
    private final ZoneId zone;

    public AgendaService(Store store, Clock clock) {
        this.store = store;
        this.clock = clock;
        this.zone = clock.getZone();
    }

    public AgendaSettings settings() {
        return store.read(tx -> AgendaSettings.load(tx.settings()));
    }

    /**
     * Stores both settings at once; only an administrator may, since every committee's agenda follows them.
     *
     * @throws ValidationException when a value is out of its range (nothing is stored)
     */
    public AgendaSettings changeSettings(User actor, int warnDays, int followUpDays) {
        List<Problem> problems = settingsProblems(warnDays, followUpDays);
        return store.write(tx -> {
            User admin = Access.requireAdmin(tx, actor);
            if (!problems.isEmpty()) {
                throw new ValidationException(problems);
            }
            AuditTrail audit = AuditTrail.onThisPc(clock);
            Map<String, String> warnBefore = audit.snapshot(tx, AuditTrail.SETTING, AgendaSettings.WARN_DAYS);
            Map<String, String> followUpBefore = audit.snapshot(tx, AuditTrail.SETTING, AgendaSettings.FOLLOW_UP_DAYS);
            tx.settings().put(AgendaSettings.WARN_DAYS, Integer.toString(warnDays));
            tx.settings().put(AgendaSettings.FOLLOW_UP_DAYS, Integer.toString(followUpDays));
            audit.entityChanged(tx, admin.username(), AuditAction.SETTINGS_CHANGE, AuditTrail.SETTING,
                    AgendaSettings.WARN_DAYS, null, warnBefore);
            audit.entityChanged(tx, admin.username(), AuditAction.SETTINGS_CHANGE, AuditTrail.SETTING,
                    AgendaSettings.FOLLOW_UP_DAYS, null, followUpBefore);
            return AgendaSettings.load(tx.settings());
        });
    }

    public static List<Problem> settingsProblems(int warnDays, int followUpDays) {
        List<Problem> problems = new ArrayList<>();
        if (warnDays < AgendaSettings.MIN_WARN_DAYS || warnDays > AgendaSettings.MAX_WARN_DAYS) {
            problems.add(Problem.of(Field.AGENDA_WARN_DAYS, "agenda.settings.range", AgendaSettings.MIN_WARN_DAYS,
                    AgendaSettings.MAX_WARN_DAYS));
        }
        if (followUpDays < AgendaSettings.MIN_FOLLOW_UP_DAYS || followUpDays > AgendaSettings.MAX_FOLLOW_UP_DAYS) {
            problems.add(Problem.of(Field.FOLLOW_UP_DAYS, "agenda.settings.range", AgendaSettings.MIN_FOLLOW_UP_DAYS,
                    AgendaSettings.MAX_FOLLOW_UP_DAYS));
        }
        return problems;
    }

    /** The agenda of {@code actor} for {@code today} and the {@code days} after it, soonest (and latest late) first. */
    public List<AgendaItem> agenda(User actor, LocalDate today, int days) {
        Objects.requireNonNull(today, "today");
        if (days < 0 || days > MAX_DAYS) {
            throw new IllegalArgumentException("days out of range: " + days);
        }
        return store.read(tx -> {
            User current = Access.current(tx, actor);
            Long committeeId = current.role() == Role.ADMIN || current.role() == Role.VIEWER
                    ? null : current.committeeId();
            LocalDate until = today.plusDays(days);
            Map<Long, String> names = new LinkedHashMap<>();
            for (Committee c : tx.organization().committees()) {
                names.put(c.id(), c.name());
            }
            List<AgendaItem> items = new ArrayList<>();
            if (current.role() != Role.VIEWER) {
                leadItems(tx, committeeId, today, until, names, items);
            }
            reportItems(tx, committeeId, today, until, names, items);
            items.sort(Comparator.comparing(AgendaItem::dueOn).thenComparing(AgendaItem::kind)
                    .thenComparing(AgendaItem::committeeName).thenComparing(AgendaItem::number));
            return List.copyOf(items);
        });
    }

    private void leadItems(Tx tx, Long committeeId, LocalDate today, LocalDate until, Map<Long, String> names,
                           List<AgendaItem> items) {
        AgendaRepository agenda = tx.agenda();
        AgendaSettings settings = AgendaSettings.load(tx.settings());
        add(items, AgendaKind.SESSION, agenda.sessionPlans(committeeId, until), LeadDue::dueOn, today, names);
        add(items, AgendaKind.TIME_LIMIT, agenda.timeLimits(committeeId, today, until.plusDays(settings.warnDays())),
                LeadDue::dueOn, today, names);
        add(items, AgendaKind.PERFORMANCE, agenda.performanceDeadlines(committeeId, until), LeadDue::dueOn, today,
                names);
        int followUpDays = settings.followUpDays();
        add(items, AgendaKind.FOLLOW_UP, agenda.unvisitedClosings(committeeId, until.minusDays(followUpDays)),
                d -> d.dueOn().plusDays(followUpDays), today, names);
        int window = LifecycleService.JUDICIAL_CONFIRMATION_DAYS;
        add(items, AgendaKind.JUDICIAL_WINDOW,
                agenda.judicialWindows(committeeId, today.minusDays(window), until.minusDays(window)),
                d -> d.dueOn().plusDays(window), today, names);
        Map<String, LocalDate> assessedUntil = new LinkedHashMap<>();
        RISK_REVIEW_DAYS.forEach((level, interval) -> assessedUntil.put(level.name(), until.minusDays(interval)));
        for (AgendaRepository.RiskDue risk : agenda.riskReviews(committeeId, assessedUntil)) {
            int interval = RISK_REVIEW_DAYS.get(RiskLevel.valueOf(risk.riskCode()));
            add(items, AgendaKind.RISK_REVIEW, List.of(risk.lead()), d -> d.dueOn().plusDays(interval), today, names);
        }
    }

    private static void add(List<AgendaItem> items, AgendaKind kind, List<LeadDue> rows, Function<LeadDue, LocalDate> due,
                            LocalDate today, Map<Long, String> names) {
        for (LeadDue row : rows) {
            LocalDate dueOn = due.apply(row);
            String number = row.caseNumber() != null ? row.caseNumber() : row.leadNo();
            items.add(new AgendaItem(kind, dueOn, dueOn.isBefore(today), row.leadId(), number, row.summary(),
                    row.committeeId(), names.getOrDefault(row.committeeId(), ""), null));
        }
    }

    private void reportItems(Tx tx, Long committeeId, LocalDate today, LocalDate until, Map<Long, String> names,
                             List<AgendaItem> items) {
        YearMonth last = YearMonth.from(today).minusMonths(1);
        YearMonth first = last.minusMonths(REPORT_MONTHS_BACK - 1);
        YearMonth started = tx.organization().jurisdiction()
                .map(j -> YearMonth.from(j.createdAt().atZone(zone))).orElse(last.plusMonths(1));
        if (started.isAfter(first)) {
            first = started;
        }
        if (first.isAfter(last)) {
            return;
        }
        Set<String> reported = new HashSet<>();
        for (AgendaRepository.ReportedMonth r : tx.agenda().reportedMonths(committeeId, first.toString())) {
            reported.add(r.committeeId() + "/" + r.month());
        }
        for (Committee c : tx.organization().committees()) {
            if (!c.active() || (committeeId != null && c.id() != committeeId)) {
                continue;
            }
            for (YearMonth m = first; !m.isAfter(last); m = m.plusMonths(1)) {
                LocalDate dueOn = ReportDeadline.dueOn(m);
                if (!dueOn.isAfter(until) && !reported.contains(c.id() + "/" + m)) {
                    items.add(new AgendaItem(AgendaKind.MONTHLY_REPORT, dueOn, ReportDeadline.lateOn(m, today), null,
                            "", "", c.id(), names.get(c.id()), m));
                }
            }
        }
    }
}
