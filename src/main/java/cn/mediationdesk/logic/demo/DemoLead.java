package cn.mediationdesk.logic.demo;

import cn.mediationdesk.logic.lifecycle.PartyInput;
import cn.mediationdesk.model.AgreementForm;
import cn.mediationdesk.model.Outcome;
import cn.mediationdesk.model.Performance;
import cn.mediationdesk.model.RiskLevel;
import cn.mediationdesk.model.Satisfaction;
import cn.mediationdesk.model.VerificationResult;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * One planned lead of the demo and every dated fact of its life. The planner fills it in step by
 * step (hence plain fields), the demo then replays it through the lifecycle service.
 */
final class DemoLead {
    // where and what
    int committee;
    int community;
    Integer grid;
    String leadNo;
    LocalDate foundOn;
    String source;
    String type;
    String summary;
    List<PartyInput> parties = List.of();
    Integer people;
    BigDecimal amount;
    RiskLevel risk = RiskLevel.BLUE;
    boolean criminalRisk;
    boolean groupRisk;

    // verification
    List<LocalDate> verificationSteps = new ArrayList<>();
    VerificationResult result;
    LocalDate verifiedOn;
    DemoLead duplicateOf;
    String transferredTo;

    // or a party refuses mediation instead
    LocalDate declinedOn;
    String declinedBy;

    // mediation
    LocalDate acceptedOn;
    LocalDate extensionAgreedOn;
    LocalDate extendedDueOn;
    List<LocalDate> sessions = new ArrayList<>();
    Outcome outcome;
    LocalDate closedOn;
    AgreementForm agreementForm;
    BigDecimal agreedAmount;
    LocalDate performanceDeadline;

    // after the agreement
    LocalDate followUpOn;
    Performance performance;
    Satisfaction satisfaction;
    boolean escalationSigns;
    boolean judicialConfirmation;

    String applicant() {
        return parties.isEmpty() ? "" : parties.getFirst().name();
    }

    String respondent() {
        return parties.size() < 2 ? "" : parties.get(1).name();
    }
}
