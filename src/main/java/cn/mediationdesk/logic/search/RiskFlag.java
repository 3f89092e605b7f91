package cn.mediationdesk.logic.search;

/** The two warnings a lead can carry beside its risk level (DESIGN §3). */
public enum RiskFlag {
    /** 可能民转刑: the dispute may turn into a crime. */
    CRIMINAL_RISK,
    /** 可能引发群体性事件: the dispute may draw a crowd. */
    GROUP_RISK
}
