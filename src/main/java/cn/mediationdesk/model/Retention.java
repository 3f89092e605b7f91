package cn.mediationdesk.model;

/** 保管期限 of a case file. */
public enum Retention {
    /** 永久 */
    PERMANENT,
    /** 长期 */
    LONG,
    /** 短期 */
    SHORT
}
