package cn.mediationdesk.model;

/** The statistical group of a lead source: 主动 / 申请 / 委托移送 (DESIGN §3). */
public enum SourceGroup {
    ACTIVE, APPLICATION, REFERRAL
}
