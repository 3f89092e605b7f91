package cn.mediationdesk.model;

import java.util.List;
import java.util.Objects;

/**
 * One broken rule, as a value: the field it concerns, a message key of the localization bundles
 * and the key's arguments. The GUI shows it at the field, the CLI prints it as a line, the
 * importer prefixes it with its row and column.
 */
public record Problem(Field field, String key, List<Object> args) {
    public Problem {
        Objects.requireNonNull(field);
        Objects.requireNonNull(key);
        args = List.copyOf(args);
    }

    public static Problem of(Field field, String key, Object... args) {
        return new Problem(field, key, List.of(args));
    }

    /** The fields of a lead and its parts that a rule can name; each has a localized label. */
    public enum Field {
        LEAD, LEAD_NO, FOUND_ON, SOURCE, COMMUNITY, GRID, COMMITTEE, DISPUTE_TYPE, SUMMARY, PARTIES,
        PEOPLE, AMOUNT, RISK, VERIFIED_ON, VERIFICATION, ACCEPTED_ON, DECLINED_ON, DECLINED_BY, OUTCOME, CLOSED_ON,
        AGREEMENT_FORM, AGREEMENT, DUPLICATE_OF, TRANSFERRED_TO, DUE_ON, EXTENSION, MEDIATORS,
        SESSION, FOLLOW_UP, JUDICIAL_CONFIRMATION, ID_NUMBER, PHONE, NAME, CODE, SHORT_NAME,
        JURISDICTION, VERSION, FILE, COLUMN, DATE,
        // the 卷宗 (issue 10)
        CASE_FILE,
        // users and settings
        USERNAME, DISPLAY_NAME, PASSWORD, ROLE, USER, TIME_LIMIT, NUMBER_PATTERN,
        // backups
        DATABASE, BACKUPS_KEPT, RECOVERY_CODE,
        // the case record and the agreement's terms (issue 10)
        CONSENT_ON, CONSENT_WAY, RIGHTS_NOTICE_ON, APPLIED_ON, APPLICATION_REQUESTS, POLICE_REPORTED_ON,
        POLICE_REPORTED_TO, ROUTES_NOTICE_ON, ROUTES_NOTIFIED, PREVENTIONS, AGREEMENT_FACTS, AGREEMENT_ISSUES,
        AGREEMENT_RESPONSIBILITY, AGREEMENT_TERMS, AGREEMENT_PERFORMANCE, SESSION_MATTER, SESSION_RECORDER,
        VISITED_PARTY, FOLLOW_UP_WAY,
        // parties and their agents as the official forms describe them
        GENDER, ETHNICITY, BIRTH_DATE, AGE, OCCUPATION, EMPLOYER, ADDRESS, CREDIT_CODE, LEGAL_REPRESENTATIVE,
        REPRESENTATIVE_TITLE, AGENT, AUTHORITY, RELATION,
        // 司法确认 and the referral log (issue 10)
        COURT_CASE_NO, REFERRAL, SENT_ON, RECEIVED_ON, FEEDBACK_ON,
        // the agenda and planned sessions (issue 11)
        AGENDA_WARN_DAYS, FOLLOW_UP_DAYS, SESSION_PLAN, STARTS_AT, PLACE, NOTE,
        // the screening register and the monthly report (issue 11)
        SCREENED_ON, SCREENING_PLACE, SCREENED_BY, LEADS_FOUND, SCREENING_NOTE, REPORT_MONTH, REPORT_NOTE
    }
}
