package cn.mediationdesk.logic.lifecycle;

import cn.mediationdesk.model.Gender;
import cn.mediationdesk.model.PartyKind;
import cn.mediationdesk.model.PartyRole;

import java.time.LocalDate;
import java.util.List;

/**
 * A party as entered: everything but the name may still be unknown. A natural person has the personal
 * fields (gender, 民族, birth date or age, 职业或职务, 工作单位, ID number); a legal person or other
 * organization its unified social credit code and its 法定代表人 or 主要负责人 with their post.
 *
 * @param kind       {@code null} for a natural person
 * @param occupation 职业或职务
 * @param employer   工作单位
 * @param agents     the party's 法定代理人 and 委托代理人
 */
public record PartyInput(String name, Gender gender, String idNumber, String phone, String address,
                         PartyRole role, PartyKind kind, String ethnicity, LocalDate birthDate, Integer age,
                         String occupation, String employer, String creditCode, String legalRepresentative,
                         String representativeTitle, List<AgentInput> agents) {
    public PartyInput {
        kind = kind == null ? PartyKind.PERSON : kind;
        agents = agents == null ? List.of() : List.copyOf(agents);
    }

    /** A natural person known by the fields a ledger row or a quick entry gives, without agents. */
    public PartyInput(String name, Gender gender, String idNumber, String phone, String address, PartyRole role) {
        this(name, gender, idNumber, phone, address, role, PartyKind.PERSON, null, null, null, null, null, null, null,
                null, List.of());
    }

    public boolean isPerson() {
        return kind == PartyKind.PERSON;
    }
}
