package cn.mediationdesk.model;

/** Who speaks for a party: a 法定代理人 (guardian of a minor or incapacitated person) or a 委托代理人. */
public enum AgentKind {
    LEGAL, ENTRUSTED
}
