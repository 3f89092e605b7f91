package cn.mediationdesk.logic.lifecycle;

import cn.mediationdesk.logic.audit.AuditAction;
import cn.mediationdesk.logic.ValidationException;
import cn.mediationdesk.logic.audit.AuditTrail;
import cn.mediationdesk.logic.organization.OrganizationService;
import cn.mediationdesk.logic.security.Access;
import cn.mediationdesk.logic.store.Store;
import cn.mediationdesk.model.Problem;
import cn.mediationdesk.model.Problem.Field;
import cn.mediationdesk.model.User;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Map;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads and changes the {@link CaseSettings}: the overdue time limit and the case-number format.
 * Only an administrator may change them, because every committee's numbering and every due date
 * of a new acceptance follow them. Cases accepted earlier keep their due dates and numbers.
 */
public final class CaseSettingsService {
    public static final int MIN_TIME_LIMIT_DAYS = 1;
    public static final int MAX_TIME_LIMIT_DAYS = 365;
    /** The width of the schema's case_number column. */
    public static final int CASE_NUMBER_MAX_LENGTH = 100;
    public static final List<String> PLACEHOLDERS = List.of("{year}", "{short}", "{seq}", "{seq:000}");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{[^{}]*}");
    private static final Pattern SEQ_WITH_WIDTH = Pattern.compile("\\{seq:0+}");
    private static final Set<String> KNOWN = Set.of("{year}", "{short}", "{seq}");

    private final Store store;

    public CaseSettingsService(Store store) {
        this.store = store;
    }

    public CaseSettings current() {
        return store.read(tx -> CaseSettings.load(tx.settings()));
    }

    /**
     * Stores both settings at once.
     *
     * @throws ValidationException when {@code actor} is no administrator or a value breaks a rule
     */
    public CaseSettings change(User actor, int timeLimitDays, String numberPattern) {
        List<Problem> problems = new ArrayList<>(timeLimitProblems(timeLimitDays));
        problems.addAll(patternProblems(numberPattern));
        return store.write(tx -> {
            User admin = Access.requireAdmin(tx, actor); // first: a refusal says "not allowed", not what else is wrong
            if (!problems.isEmpty()) {
                throw new ValidationException(problems);
            }
            AuditTrail audit = AuditTrail.onThisPc(Clock.systemUTC());
            Map<String, String> limitBefore = audit.snapshot(tx, AuditTrail.SETTING, CaseSettings.TIME_LIMIT_DAYS);
            Map<String, String> patternBefore = audit.snapshot(tx, AuditTrail.SETTING, CaseSettings.NUMBER_PATTERN);
            tx.settings().put(CaseSettings.TIME_LIMIT_DAYS, Integer.toString(timeLimitDays));
            tx.settings().put(CaseSettings.NUMBER_PATTERN, numberPattern.strip());
            audit.entityChanged(tx, admin.username(), AuditAction.SETTINGS_CHANGE, AuditTrail.SETTING,
                    CaseSettings.TIME_LIMIT_DAYS, null, limitBefore);
            audit.entityChanged(tx, admin.username(), AuditAction.SETTINGS_CHANGE, AuditTrail.SETTING,
                    CaseSettings.NUMBER_PATTERN, null, patternBefore);
            return CaseSettings.load(tx.settings());
        });
    }

    public static List<Problem> timeLimitProblems(int days) {
        if (days < MIN_TIME_LIMIT_DAYS || days > MAX_TIME_LIMIT_DAYS) {
            return List.of(Problem.of(Field.TIME_LIMIT, "user.settings.timeLimit.range", MIN_TIME_LIMIT_DAYS,
                    MAX_TIME_LIMIT_DAYS));
        }
        return List.of();
    }

    /**
     * A pattern must hold {@code {seq}} (without it every case would get the same number), may hold
     * only the known placeholders (a typo such as {@code {yaer}} would otherwise be printed as it
     * is), and must give numbers that fit the database even for the longest short name.
     */
    public static List<Problem> patternProblems(String pattern) {
        String text = pattern == null ? "" : pattern.strip();
        if (text.isEmpty()) {
            return List.of(Problem.of(Field.NUMBER_PATTERN, "user.settings.pattern.required"));
        }
        List<Problem> problems = new ArrayList<>();
        Matcher m = PLACEHOLDER.matcher(text);
        while (m.find()) {
            String token = m.group();
            if (!KNOWN.contains(token) && !SEQ_WITH_WIDTH.matcher(token).matches()) {
                problems.add(Problem.of(Field.NUMBER_PATTERN, "user.settings.pattern.unknownPlaceholder", token,
                        String.join(" ", PLACEHOLDERS)));
            }
        }
        if (!text.contains("{seq}") && !SEQ_WITH_WIDTH.matcher(text).find()) {
            problems.add(Problem.of(Field.NUMBER_PATTERN, "user.settings.pattern.seqMissing", "{seq}"));
        }
        if (problems.isEmpty()) {
            String longest = new CaseNumberFormat(text).format(9999,
                    "某".repeat(OrganizationService.SHORT_NAME_MAX_LENGTH), 99999);
            if (longest.length() > CASE_NUMBER_MAX_LENGTH) {
                problems.add(Problem.of(Field.NUMBER_PATTERN, "user.settings.pattern.tooLong", CASE_NUMBER_MAX_LENGTH));
            }
        }
        return problems;
    }

    /** How a number in {@code pattern} looks, or empty when the pattern breaks a rule. */
    public static String preview(String pattern, int year, String shortName, int sequence) {
        if (!patternProblems(pattern).isEmpty()) {
            return "";
        }
        return new CaseNumberFormat(pattern.strip()).format(year, shortName, sequence);
    }

    /** The short name to show a preview with: the first active committee's, else the jurisdiction's name. */
    public String sampleShortName() {
        return store.read(tx -> tx.organization().committees().stream().filter(c -> c.active())
                .map(c -> c.shortName()).findFirst()
                .or(() -> tx.organization().jurisdiction().map(j -> j.name()))
                .orElse(""));
    }
}
