package cn.mediationdesk.model;

/**
 * The official statistics' 防止 categories: what a case's mediation prevented, recorded as an outcome
 * of the case (not derived from a risk flag).
 */
public enum PreventionKind {
    /** 防止民间纠纷引起自杀 */
    SUICIDE,
    /** 防止民间纠纷转化为刑事案件 (民转刑) */
    CRIMINAL_CASE,
    /** 防止群体性上访 */
    GROUP_PETITION,
    /** 防止群体性械斗 */
    GROUP_FIGHT
}
