package cn.mediationdesk.model;

/** What a scan or photo attached to a lead shows; it decides where the 卷宗 binds it. */
public enum AttachmentKind {
    /** 身份证明: identity papers of a party or agent, a company's licence, a power of attorney */
    IDENTITY,
    /** 证据材料 */
    EVIDENCE,
    /** 签字的调解协议书 */
    SIGNED_AGREEMENT,
    /** 履行凭证: receipts and transfers that show the agreement carried out */
    PERFORMANCE_PROOF,
    /** 法院文书: the court's ruling on judicial confirmation, a court's referral letter */
    COURT_PAPER,
    /** 其他 */
    OTHER
}
