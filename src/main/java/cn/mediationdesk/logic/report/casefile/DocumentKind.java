package cn.mediationdesk.logic.report.casefile;

import cn.mediationdesk.model.AttachmentKind;

/**
 * The thirteen items of a 卷宗 in the order they are bound and listed in its 卷内目录. An item that does
 * not apply to a case is still listed (as 无); its scans and photos are bound in after its documents.
 */
public enum DocumentKind {
    /** 人民调解申请书, for a case the parties applied for */
    APPLICATION,
    /** 人民调解受理登记表 */
    ACCEPTANCE,
    /** 当事人权利义务告知书 */
    RIGHTS_NOTICE,
    /** 调查记录, from the verification steps */
    INVESTIGATION,
    /** 证据材料: identity papers, evidence and other scans */
    EVIDENCE,
    /** 人民调解记录, one per session */
    SESSION,
    /** 人民调解协议书 (or 人民调解口头协议登记表) and the signed agreement's scans */
    AGREEMENT,
    /** 调解不成告知书 (人民调解法 Art. 26) */
    ROUTES_NOTICE,
    /** 司法确认材料 and the court's papers */
    JUDICIAL_CONFIRMATION,
    /** 人民调解回访记录 and the proofs of performance */
    FOLLOW_UP,
    /** 结案报告 */
    CLOSING_REPORT,
    /** 卷宗情况说明 */
    FILE_NOTE,
    /** 备考表 (封底) */
    BACK_COVER;

    /** Its number in the 卷内目录, from 1. */
    public int number() {
        return ordinal() + 1;
    }

    /** The item an attachment of {@code kind} is bound into. */
    public static DocumentKind holding(AttachmentKind kind) {
        return switch (kind) {
            case IDENTITY, EVIDENCE, OTHER -> EVIDENCE;
            case SIGNED_AGREEMENT -> AGREEMENT;
            case COURT_PAPER -> JUDICIAL_CONFIRMATION;
            case PERFORMANCE_PROOF -> FOLLOW_UP;
        };
    }
}
