package cn.mediationdesk.logic.report.casefile;

/** The documents a case file holds, in the order they are bound. */
public enum DocumentKind {
    /** 人民调解受理登记表 */
    ACCEPTANCE,
    /** 调解记录 */
    SESSION,
    /** 人民调解协议书 (or the record of an oral agreement) */
    AGREEMENT,
    /** 回访记录 */
    FOLLOW_UP
}
