package cn.mediationdesk.model;

/** How a court ended an application for judicial confirmation (法释〔2011〕5号). */
public enum JudicialResult {
    /** 确认有效 */
    CONFIRMED,
    /** 不予确认 */
    REFUSED,
    /** 撤回申请 (the parties withdrew it, or are taken to have) */
    WITHDRAWN,
    /** 不予受理 / 驳回申请 */
    DISMISSED
}
