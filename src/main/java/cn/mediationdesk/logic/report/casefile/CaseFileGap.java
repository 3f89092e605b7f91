package cn.mediationdesk.logic.report.casefile;

/**
 * One thing a case file still lacks, in the order of its 卷内目录 (the cover's first), each with the
 * message key that names it and the item it belongs to ({@code null} for the cover).
 */
public enum CaseFileGap {
    COVER_NOT_FILLED(null, "casefile.gap.cover"),
    APPLICATION_MISSING(DocumentKind.APPLICATION, "casefile.gap.application"),
    CONSENT_MISSING(DocumentKind.ACCEPTANCE, "casefile.gap.consent"),
    RIGHTS_NOTICE_MISSING(DocumentKind.RIGHTS_NOTICE, "casefile.gap.rightsNotice"),
    INVESTIGATION_MISSING(DocumentKind.INVESTIGATION, "casefile.gap.investigation"),
    SESSION_MISSING(DocumentKind.SESSION, "casefile.gap.session"),
    AGREEMENT_TERMS_MISSING(DocumentKind.AGREEMENT, "casefile.gap.agreementTerms"),
    SIGNED_AGREEMENT_MISSING(DocumentKind.AGREEMENT, "casefile.gap.signedAgreement"),
    ROUTES_NOTICE_MISSING(DocumentKind.ROUTES_NOTICE, "casefile.gap.routesNotice"),
    JUDICIAL_RESULT_MISSING(DocumentKind.JUDICIAL_CONFIRMATION, "casefile.gap.judicialResult"),
    FOLLOW_UP_MISSING(DocumentKind.FOLLOW_UP, "casefile.gap.followUp"),
    POLICE_REPORT_MISSING(DocumentKind.CLOSING_REPORT, "casefile.gap.policeReport"),
    CLOSING_REPORT_MISSING(DocumentKind.CLOSING_REPORT, "casefile.gap.closingReport");

    private final DocumentKind item;
    private final String messageKey;

    CaseFileGap(DocumentKind item, String messageKey) {
        this.item = item;
        this.messageKey = messageKey;
    }

    /** The item of the 卷内目录 it concerns, or {@code null} for the cover. */
    public DocumentKind item() {
        return item;
    }

    public String messageKey() {
        return messageKey;
    }
}
