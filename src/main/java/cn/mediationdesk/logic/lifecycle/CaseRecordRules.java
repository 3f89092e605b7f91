package cn.mediationdesk.logic.lifecycle;

import cn.mediationdesk.model.CaseRecord;
import cn.mediationdesk.model.Lead;
import cn.mediationdesk.model.Outcome;
import cn.mediationdesk.model.Problem;
import cn.mediationdesk.model.Problem.Field;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The rules of a case record against its lead's dates: the consent (人民调解法 Art. 17) between the
 * day the lead was found and its acceptance, the notice of rights and duties not after the case
 * closed, the application not after the acceptance, the report to the police (Art. 25) not before
 * the lead was found, and the notice of other routes (Art. 26) only for a failed case. Checked
 * whenever either the lead's dates or the record change, so that neither can leave the other wrong.
 */
public final class CaseRecordRules {
    public static final int APPLICATION_REQUESTS_MAX_LENGTH = 2000;
    public static final int POLICE_REPORTED_TO_MAX_LENGTH = 200;

    private CaseRecordRules() {
    }

    public static List<Problem> check(Lead lead, CaseRecord record, LocalDate today) {
        List<Problem> problems = new ArrayList<>();
        if (record.consentOn() != null) {
            LeadRules.checkDate(record.consentOn(), Field.CONSENT_ON, today, problems);
            LeadRules.checkOrder(lead.foundOn(), record.consentOn(), Field.CONSENT_ON, Field.FOUND_ON, problems);
            if (lead.acceptedOn() != null && record.consentOn().isAfter(lead.acceptedOn())) {
                problems.add(Problem.of(Field.CONSENT_ON, "rule.consent.afterAcceptance", record.consentOn(),
                        lead.acceptedOn()));
            }
        }
        if ((record.consentOn() == null) != (record.consentWay() == null)) {
            problems.add(record.consentOn() == null ? Problem.of(Field.CONSENT_ON, "rule.required")
                    : Problem.of(Field.CONSENT_WAY, "rule.required"));
        }
        if (record.rightsNoticeOn() != null) {
            LeadRules.checkDate(record.rightsNoticeOn(), Field.RIGHTS_NOTICE_ON, today, problems);
            LeadRules.checkOrder(lead.foundOn(), record.rightsNoticeOn(), Field.RIGHTS_NOTICE_ON, Field.FOUND_ON,
                    problems);
            LeadRules.checkOrder(record.rightsNoticeOn(), lead.closedOn(), Field.CLOSED_ON, Field.RIGHTS_NOTICE_ON,
                    problems);
        }
        if (record.appliedOn() != null) {
            LeadRules.checkDate(record.appliedOn(), Field.APPLIED_ON, today, problems);
            LeadRules.checkOrder(record.appliedOn(), lead.acceptedOn(), Field.ACCEPTED_ON, Field.APPLIED_ON, problems);
        }
        checkLength(record.applicationRequests(), APPLICATION_REQUESTS_MAX_LENGTH, Field.APPLICATION_REQUESTS,
                problems);
        if (record.policeReportedOn() != null) {
            LeadRules.checkDate(record.policeReportedOn(), Field.POLICE_REPORTED_ON, today, problems);
            LeadRules.checkOrder(lead.foundOn(), record.policeReportedOn(), Field.POLICE_REPORTED_ON, Field.FOUND_ON,
                    problems);
        }
        checkLength(record.policeReportedTo(), POLICE_REPORTED_TO_MAX_LENGTH, Field.POLICE_REPORTED_TO, problems);
        if (record.routesNoticeOn() != null || !record.routesNotified().isEmpty()) {
            if (lead.outcome() != Outcome.FAILED) {
                problems.add(Problem.of(Field.ROUTES_NOTICE_ON, "rule.routesNotice.onlyWhenFailed"));
            } else {
                LeadRules.checkDate(record.routesNoticeOn(), Field.ROUTES_NOTICE_ON, today, problems);
                LeadRules.checkOrder(lead.acceptedOn(), record.routesNoticeOn(), Field.ROUTES_NOTICE_ON,
                        Field.ACCEPTED_ON, problems);
            }
        }
        return problems;
    }

    /** Text not longer than {@code max} characters. */
    static void checkLength(String text, int max, Field field, List<Problem> problems) {
        if (text != null && text.length() > max) {
            problems.add(Problem.of(field, "rule.text.tooLong", max, text.length()));
        }
    }

    /** Null, empty or only whitespace. */
    static boolean blank(String text) {
        return text == null || text.isBlank();
    }
}
