package cn.mediationdesk.model;

import java.util.UUID;

/**
 * An agent of one party (代理人). {@code authority} and {@code authorityScope} apply to an entrusted
 * agent; a legal agent's authority comes from the law. {@code idNumber} and {@code phone} are personal
 * data, masked like a party's.
 *
 * @param relation how the agent stands to the party (e.g. 律师, 之子), as the form's 与当事人关系
 */
public record PartyAgent(UUID id, UUID leadId, UUID partyId, String name, AgentKind kind,
                         AgentAuthority authority, String authorityScope, String idNumber, String phone,
                         String relation) {
}
