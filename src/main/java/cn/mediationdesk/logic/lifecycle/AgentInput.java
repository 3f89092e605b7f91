package cn.mediationdesk.logic.lifecycle;

import cn.mediationdesk.model.AgentAuthority;
import cn.mediationdesk.model.AgentKind;

/**
 * An agent of a party as entered (代理人). {@code authority} and {@code authorityScope} belong to an
 * entrusted agent only; a 法定代理人's authority comes from the law.
 *
 * @param relation how the agent stands to the party (e.g. 律师, 之父), as the form's 与当事人关系
 */
public record AgentInput(String name, AgentKind kind, AgentAuthority authority, String authorityScope,
                         String idNumber, String phone, String relation) {
}
