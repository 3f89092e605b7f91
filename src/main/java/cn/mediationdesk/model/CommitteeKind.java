package cn.mediationdesk.model;

/** Whether a committee serves one community, the whole jurisdiction, or one trade (医疗, 交通 …). */
public enum CommitteeKind {
    COMMUNITY, JURISDICTION, TRADE
}
