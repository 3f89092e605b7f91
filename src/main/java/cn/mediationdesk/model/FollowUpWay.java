package cn.mediationdesk.model;

/** How a follow-up was made (回访方式). */
public enum FollowUpWay {
    /** 上门回访 */
    VISIT,
    /** 电话回访 */
    PHONE,
    /** 当事人来访 */
    OFFICE,
    /** 其他 */
    OTHER
}
