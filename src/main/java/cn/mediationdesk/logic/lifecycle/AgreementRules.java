package cn.mediationdesk.logic.lifecycle;

import cn.mediationdesk.model.AgreementForm;
import cn.mediationdesk.model.Problem;
import cn.mediationdesk.model.Problem.Field;

import java.util.ArrayList;
import java.util.List;

import static cn.mediationdesk.logic.lifecycle.CaseRecordRules.blank;
import static cn.mediationdesk.logic.lifecycle.CaseRecordRules.checkLength;

/**
 * What an agreement entered in the app must hold (若干规定 Art. 35): a written agreement (调解协议书)
 * its facts, the matters in dispute and the terms; an oral one (人民调解口头协议登记表) its facts and
 * terms. Text of only whitespace counts as empty. Imported ledger rows carry only a brief agreement
 * and are not held to this.
 */
public final class AgreementRules {
    public static final int FACTS_MAX_LENGTH = 4000;
    public static final int ISSUES_MAX_LENGTH = 2000;
    public static final int RESPONSIBILITY_MAX_LENGTH = 2000;
    public static final int TERMS_MAX_LENGTH = 4000;
    public static final int PERFORMANCE_WAY_MAX_LENGTH = 500;
    public static final int PERFORMANCE_PLACE_MAX_LENGTH = 200;

    private AgreementRules() {
    }

    public static List<Problem> check(AgreementInput agreement) {
        List<Problem> problems = new ArrayList<>(LeadRules.checkAmount(agreement.amount(), Field.AGREEMENT));
        if (agreement.form() == null) {
            problems.add(Problem.of(Field.AGREEMENT_FORM, "rule.required"));
        } else {
            if (blank(agreement.facts())) {
                problems.add(Problem.of(Field.AGREEMENT_FACTS, "rule.agreement.factsRequired"));
            }
            if (agreement.form() == AgreementForm.WRITTEN && blank(agreement.issues())) {
                problems.add(Problem.of(Field.AGREEMENT_ISSUES, "rule.agreement.issuesRequired"));
            }
            if (blank(agreement.terms())) {
                problems.add(Problem.of(Field.AGREEMENT_TERMS, "rule.agreement.termsRequired"));
            }
        }
        checkLength(strip(agreement.facts()), FACTS_MAX_LENGTH, Field.AGREEMENT_FACTS, problems);
        checkLength(strip(agreement.issues()), ISSUES_MAX_LENGTH, Field.AGREEMENT_ISSUES, problems);
        checkLength(strip(agreement.responsibility()), RESPONSIBILITY_MAX_LENGTH, Field.AGREEMENT_RESPONSIBILITY,
                problems);
        checkLength(strip(agreement.terms()), TERMS_MAX_LENGTH, Field.AGREEMENT_TERMS, problems);
        checkLength(strip(agreement.performanceWay()), PERFORMANCE_WAY_MAX_LENGTH, Field.AGREEMENT_PERFORMANCE,
                problems);
        checkLength(strip(agreement.performancePlace()), PERFORMANCE_PLACE_MAX_LENGTH, Field.AGREEMENT_PERFORMANCE,
                problems);
        return problems;
    }

    private static String strip(String text) {
        return text == null ? null : text.strip();
    }
}
