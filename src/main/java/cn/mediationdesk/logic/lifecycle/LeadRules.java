package cn.mediationdesk.logic.lifecycle;

import cn.mediationdesk.model.Outcome;
import cn.mediationdesk.model.Problem;
import cn.mediationdesk.model.Problem.Field;
import cn.mediationdesk.model.VerificationResult;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The rules of DESIGN §4 over a lead's facts, in one place for the lifecycle service, the ledger
 * import and the exchange of packages. Each broken rule is one {@link Problem} naming its field.
 */
public final class LeadRules {
    public static final int SUMMARY_MAX_LENGTH = 2000;
    /**
     * The earliest business date: the founding of the People's Republic (1949-10-01), before which
     * there is no people's mediation record. A date before it is a typing or file error (0000-01-01).
     */
    public static final LocalDate EARLIEST_DATE = LocalDate.of(1949, 10, 1);
    private static final BigDecimal MAX_AMOUNT = new BigDecimal("99999999999999.99");

    /** How strictly the references of a duplicate or a transfer are required (DESIGN §4). */
    public enum Strictness {
        /** Entered in the app: a duplicate names its lead, a transfer its receiving body. */
        IN_APP,
        /** From a ledger file: both are optional, as DESIGN §8 allows. */
        IMPORT
    }

    private LeadRules() {
    }

    public static List<Problem> check(LeadFacts facts, LocalDate today, Strictness strictness) {
        List<Problem> problems = new ArrayList<>();
        checkBasics(facts, problems);
        checkDate(facts.foundOn(), Field.FOUND_ON, today, problems);
        if (facts.foundOn() == null) {
            problems.add(Problem.of(Field.FOUND_ON, "rule.required"));
        }
        checkVerification(facts, today, strictness, problems);
        checkAcceptance(facts, today, problems);
        checkDecline(facts, today, strictness, problems);
        checkOutcome(facts, today, problems);
        return problems;
    }

    private static void checkBasics(LeadFacts facts, List<Problem> problems) {
        if (facts.summary() == null || facts.summary().isBlank()) {
            problems.add(Problem.of(Field.SUMMARY, "rule.required"));
        } else if (facts.summary().length() > SUMMARY_MAX_LENGTH) {
            problems.add(Problem.of(Field.SUMMARY, "rule.summary.tooLong", SUMMARY_MAX_LENGTH,
                    facts.summary().length()));
        }
        if (facts.peopleCount() != null && facts.peopleCount() < 1) {
            problems.add(Problem.of(Field.PEOPLE, "rule.people.atLeastOne"));
        }
        problems.addAll(checkAmount(facts.amount(), Field.AMOUNT));
    }

    /** Money in yuan: not negative, at most two decimals. */
    public static List<Problem> checkAmount(BigDecimal amount, Field field) {
        if (amount == null) {
            return List.of();
        }
        if (amount.signum() < 0) {
            return List.of(Problem.of(field, "rule.amount.negative"));
        }
        if (amount.stripTrailingZeros().scale() > 2) {
            return List.of(Problem.of(field, "rule.amount.decimals"));
        }
        if (amount.compareTo(MAX_AMOUNT) > 0) {
            return List.of(Problem.of(field, "rule.amount.tooLarge"));
        }
        return List.of();
    }

    private static void checkVerification(LeadFacts facts, LocalDate today, Strictness strictness,
                                          List<Problem> problems) {
        VerificationResult result = facts.verificationResult();
        if (result == null) {
            if (facts.verifiedOn() != null) {
                problems.add(Problem.of(Field.VERIFICATION, "rule.verification.resultMissing"));
            }
            return;
        }
        if (facts.verifiedOn() == null) {
            problems.add(Problem.of(Field.VERIFIED_ON, "rule.verification.dateMissing"));
        } else {
            checkDate(facts.verifiedOn(), Field.VERIFIED_ON, today, problems);
            checkOrder(facts.foundOn(), facts.verifiedOn(), Field.VERIFIED_ON, Field.FOUND_ON, problems);
        }
        if (result == VerificationResult.DUPLICATE && !facts.hasDuplicateOf() && strictness == Strictness.IN_APP) {
            problems.add(Problem.of(Field.DUPLICATE_OF, "rule.duplicate.originalMissing"));
        }
        if (result != VerificationResult.DUPLICATE && facts.hasDuplicateOf()) {
            problems.add(Problem.of(Field.DUPLICATE_OF, "rule.duplicate.onlyForDuplicate"));
        }
        boolean hasReceiver = facts.transferredTo() != null && !facts.transferredTo().isBlank();
        if (result == VerificationResult.TRANSFERRED && !hasReceiver && strictness == Strictness.IN_APP) {
            problems.add(Problem.of(Field.TRANSFERRED_TO, "rule.transfer.receiverMissing"));
        }
        if (result != VerificationResult.TRANSFERRED && hasReceiver) {
            problems.add(Problem.of(Field.TRANSFERRED_TO, "rule.transfer.onlyForTransferred"));
        }
    }

    private static void checkAcceptance(LeadFacts facts, LocalDate today, List<Problem> problems) {
        if (facts.acceptedOn() == null) {
            return;
        }
        if (facts.verificationResult() != VerificationResult.GENUINE) {
            problems.add(Problem.of(Field.ACCEPTED_ON, "rule.accept.needsGenuine"));
            return;
        }
        checkDate(facts.acceptedOn(), Field.ACCEPTED_ON, today, problems);
        checkOrder(facts.verifiedOn(), facts.acceptedOn(), Field.ACCEPTED_ON, Field.VERIFIED_ON, problems);
    }

    /** A genuine lead that a party refused to have mediated (人民调解法 Art. 17) is declined, not accepted. */
    private static void checkDecline(LeadFacts facts, LocalDate today, Strictness strictness, List<Problem> problems) {
        boolean named = facts.declinedBy() != null && !facts.declinedBy().isBlank();
        if (facts.declinedOn() == null) {
            if (named) {
                problems.add(Problem.of(Field.DECLINED_ON, "rule.decline.dateMissing"));
            }
            return;
        }
        if (facts.verificationResult() != VerificationResult.GENUINE) {
            problems.add(Problem.of(Field.DECLINED_ON, "rule.decline.needsGenuine"));
            return;
        }
        if (facts.acceptedOn() != null) {
            problems.add(Problem.of(Field.DECLINED_ON, "rule.decline.notWithAcceptance"));
        }
        if (!named && strictness == Strictness.IN_APP) {
            problems.add(Problem.of(Field.DECLINED_BY, "rule.decline.refuserMissing"));
        }
        checkDate(facts.declinedOn(), Field.DECLINED_ON, today, problems);
        checkOrder(facts.verifiedOn(), facts.declinedOn(), Field.DECLINED_ON, Field.VERIFIED_ON, problems);
    }

    private static void checkOutcome(LeadFacts facts, LocalDate today, List<Problem> problems) {
        Outcome outcome = facts.outcome();
        if (outcome == null) {
            if (facts.closedOn() != null) {
                problems.add(Problem.of(Field.OUTCOME, "rule.close.outcomeMissing"));
            }
            if (facts.agreementForm() != null) {
                problems.add(Problem.of(Field.AGREEMENT_FORM, "rule.agreement.onlyWhenResolved"));
            }
            return;
        }
        if (facts.acceptedOn() == null) {
            problems.add(Problem.of(Field.OUTCOME, "rule.close.needsAcceptance"));
            return;
        }
        if (facts.closedOn() == null) {
            problems.add(Problem.of(Field.CLOSED_ON, "rule.close.dateMissing"));
        } else {
            checkDate(facts.closedOn(), Field.CLOSED_ON, today, problems);
            checkOrder(facts.acceptedOn(), facts.closedOn(), Field.CLOSED_ON, Field.ACCEPTED_ON, problems);
        }
        if (outcome == Outcome.RESOLVED && facts.agreementForm() == null) {
            problems.add(Problem.of(Field.AGREEMENT_FORM, "rule.close.resolvedNeedsAgreement"));
        }
        if (outcome != Outcome.RESOLVED && facts.agreementForm() != null) {
            problems.add(Problem.of(Field.AGREEMENT_FORM, "rule.agreement.onlyWhenResolved"));
        }
    }

    /**
     * A business date lies between {@link #EARLIEST_DATE} and today: the one rule for every date a
     * form, a ledger or a package brings in.
     */
    public static void checkDate(LocalDate date, Field field, LocalDate today, List<Problem> problems) {
        if (date == null) {
            return;
        }
        if (date.isAfter(today)) {
            problems.add(Problem.of(field, "rule.date.future", date, today));
        } else if (date.isBefore(EARLIEST_DATE)) {
            problems.add(Problem.of(field, "rule.date.beforeEarliest", date, EARLIEST_DATE));
        }
    }

    /** {@code later} may not come before {@code earlier}. */
    public static void checkOrder(LocalDate earlier, LocalDate later, Field laterField, Field earlierField,
                                  List<Problem> problems) {
        if (earlier != null && later != null && later.isBefore(earlier)) {
            problems.add(Problem.of(laterField, "rule.date.beforeEarlier", later, earlierField,
                    earlier));
        }
    }
}
