package cn.mediationdesk.model;

/** 分流 (a dispute sent on to another body) or 诉调对接 (the link with a court, both ways). */
public enum ReferralKind {
    DIVERSION, COURT_LINK
}
