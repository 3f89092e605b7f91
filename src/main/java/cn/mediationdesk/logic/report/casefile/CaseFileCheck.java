package cn.mediationdesk.logic.report.casefile;

import cn.mediationdesk.logic.lifecycle.LeadFile;
import cn.mediationdesk.model.Agreement;
import cn.mediationdesk.model.AgreementForm;
import cn.mediationdesk.model.AttachmentKind;
import cn.mediationdesk.model.CaseFileInfo;
import cn.mediationdesk.model.CaseRecord;
import cn.mediationdesk.model.Lead;
import cn.mediationdesk.model.Outcome;

import java.util.ArrayList;
import java.util.List;

/**
 * What a case's 卷宗 still lacks, item by item in the order of its 卷内目录: only what applies to the
 * case (an application only for a case the parties applied for, the routes notice only for a failed
 * one …). The file of a lead not accepted lacks nothing: it has no 卷宗.
 */
public final class CaseFileCheck {
    private CaseFileCheck() {
    }

    public static List<CaseFileGap> gaps(LeadFile file) {
        Lead lead = file.lead();
        List<CaseFileGap> gaps = new ArrayList<>();
        if (!lead.isAccepted()) {
            return gaps;
        }
        CaseRecord record = file.caseRecord();
        CaseFileInfo info = file.caseFileInfo();
        boolean closed = lead.outcome() != null && lead.closedOn() != null;
        if (closed && (blank(info.filedBy()) || info.filedOn() == null || info.retention() == null)) {
            gaps.add(CaseFileGap.COVER_NOT_FILLED);
        }
        if (CaseDocumentService.APPLICATION_SOURCES.contains(lead.sourceCode()) && record.appliedOn() == null) {
            gaps.add(CaseFileGap.APPLICATION_MISSING);
        }
        if (!record.hasConsent()) {
            gaps.add(CaseFileGap.CONSENT_MISSING);
        }
        if (record.rightsNoticeOn() == null) {
            gaps.add(CaseFileGap.RIGHTS_NOTICE_MISSING);
        }
        if (file.verificationSteps().isEmpty()) {
            gaps.add(CaseFileGap.INVESTIGATION_MISSING);
        }
        if (file.sessions().isEmpty()) {
            gaps.add(CaseFileGap.SESSION_MISSING);
        }
        boolean resolved = closed && lead.outcome() == Outcome.RESOLVED;
        if (resolved) {
            Agreement agreement = file.agreement().orElse(null);
            boolean written = agreement == null || agreement.form() == AgreementForm.WRITTEN;
            if (agreement == null || blank(agreement.terms())
                    || (written && (blank(agreement.facts()) || blank(agreement.issues())))) {
                gaps.add(CaseFileGap.AGREEMENT_TERMS_MISSING);
            }
            boolean scanned = file.attachments().stream().anyMatch(a -> a.kind() == AttachmentKind.SIGNED_AGREEMENT);
            if (written && !scanned) {
                gaps.add(CaseFileGap.SIGNED_AGREEMENT_MISSING);
            }
        }
        if (closed && lead.outcome() == Outcome.FAILED && record.routesNoticeOn() == null) {
            gaps.add(CaseFileGap.ROUTES_NOTICE_MISSING);
        }
        if (file.judicialConfirmation().map(j -> j.result() == null || j.decidedOn() == null).orElse(false)) {
            gaps.add(CaseFileGap.JUDICIAL_RESULT_MISSING);
        }
        if (resolved && file.followUps().isEmpty()) {
            gaps.add(CaseFileGap.FOLLOW_UP_MISSING);
        }
        if (lead.criminalRisk() && record.policeReportedOn() == null) {
            gaps.add(CaseFileGap.POLICE_REPORT_MISSING);
        }
        if (closed && blank(info.closingReport())) {
            gaps.add(CaseFileGap.CLOSING_REPORT_MISSING);
        }
        return gaps;
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }
}
