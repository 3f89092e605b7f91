package cn.mediationdesk.model;

import java.time.LocalDate;
import java.util.UUID;

/**
 * One party to a dispute, as the official forms describe it. Everything but the name and role is
 * optional: a lead is often logged before the rest is known. A natural person has the personal fields;
 * a legal person or other organization has {@code creditCode}, {@code legalRepresentative} and
 * {@code representativeTitle} (its 法定代表人 or 主要负责人 and their post), and its address.
 *
 * @param age        the age as stated, when the birth date is not known
 * @param occupation 职业或职务
 * @param employer   工作单位
 * @param creditCode 统一社会信用代码 (18 characters, GB 32100 check character)
 */
public record Party(UUID id, UUID leadId, String name, Gender gender, String idNumber, String phone,
                    String address, PartyRole role, int position, PartyKind kind, String ethnicity,
                    LocalDate birthDate, Integer age, String occupation, String employer, String creditCode,
                    String legalRepresentative, String representativeTitle) {
    public Party {
        kind = kind == null ? PartyKind.PERSON : kind;
    }

    /** A natural person known only by the fields a ledger row carries. */
    public static Party person(UUID id, UUID leadId, String name, Gender gender, String idNumber, String phone,
                               String address, PartyRole role, int position) {
        return new Party(id, leadId, name, gender, idNumber, phone, address, role, position, PartyKind.PERSON,
                null, null, null, null, null, null, null, null);
    }
}
