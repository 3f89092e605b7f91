package cn.mediationdesk.logic.report.casefile;

import cn.mediationdesk.model.AgentAuthority;
import cn.mediationdesk.model.AgentKind;

import java.util.Objects;

/**
 * A party's agent as a case document prints it. {@code idNumber} and {@code phone} are already masked
 * unless the full data was asked for; the texts are empty when not recorded, {@code authority} is
 * {@code null} for a 法定代理人.
 *
 * @param relation how the agent stands to the party (e.g. 某律师事务所律师, 系申请人之父)
 */
public record DocumentAgent(String name, AgentKind kind, AgentAuthority authority, String authorityScope,
                            String idNumber, String phone, String relation) {
    public DocumentAgent {
        name = Objects.requireNonNullElse(name, "");
        authorityScope = Objects.requireNonNullElse(authorityScope, "");
        idNumber = Objects.requireNonNullElse(idNumber, "");
        phone = Objects.requireNonNullElse(phone, "");
        relation = Objects.requireNonNullElse(relation, "");
    }
}
