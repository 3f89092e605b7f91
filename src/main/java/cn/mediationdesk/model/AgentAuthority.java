package cn.mediationdesk.model;

/**
 * What a 委托代理人 may do: 一般授权 (take part, state the facts) or 特别授权 (also admit, waive or change
 * claims and sign the agreement), the latter with its scope written out.
 */
public enum AgentAuthority {
    GENERAL, SPECIAL
}
