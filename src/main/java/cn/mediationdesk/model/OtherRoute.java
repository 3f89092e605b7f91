package cn.mediationdesk.model;

/** The routes a failed mediation points the parties to (人民调解法 Art. 26). */
public enum OtherRoute {
    /** 仲裁 */
    ARBITRATION,
    /** 行政途径 */
    ADMINISTRATIVE,
    /** 诉讼 */
    LITIGATION
}
