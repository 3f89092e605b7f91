package cn.mediationdesk.logic.report.casefile;

import cn.mediationdesk.model.Gender;
import cn.mediationdesk.model.PartyKind;
import cn.mediationdesk.model.PartyRole;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * A party as a case document prints it, with its agents. {@code idNumber} and {@code phone} (the
 * agents' too) are already masked unless the full data was asked for. Texts not recorded are empty; a
 * {@code null} gender, birth date or age was not recorded either. A natural person has the personal
 * fields, a legal person or other organization {@code creditCode}, {@code legalRepresentative} (its
 * 法定代表人 or 主要负责人) and {@code representativeTitle}.
 *
 * @param age        the age as stated, printed when the birth date is not known
 * @param occupation 职业或职务
 * @param employer   工作单位
 * @param creditCode 统一社会信用代码, printed whole: it identifies an organization, not a person
 */
public record DocumentParty(PartyRole role, String name, Gender gender, String idNumber, String phone,
                            String address, PartyKind kind, String ethnicity, LocalDate birthDate, Integer age,
                            String occupation, String employer, String creditCode, String legalRepresentative,
                            String representativeTitle, List<DocumentAgent> agents) {
    public DocumentParty {
        name = Objects.requireNonNullElse(name, "");
        idNumber = Objects.requireNonNullElse(idNumber, "");
        phone = Objects.requireNonNullElse(phone, "");
        address = Objects.requireNonNullElse(address, "");
        kind = kind == null ? PartyKind.PERSON : kind;
        ethnicity = Objects.requireNonNullElse(ethnicity, "");
        occupation = Objects.requireNonNullElse(occupation, "");
        employer = Objects.requireNonNullElse(employer, "");
        creditCode = Objects.requireNonNullElse(creditCode, "");
        legalRepresentative = Objects.requireNonNullElse(legalRepresentative, "");
        representativeTitle = Objects.requireNonNullElse(representativeTitle, "");
        agents = agents == null ? List.of() : List.copyOf(agents);
    }

    /** A natural person known only by the fields a ledger row and the first forms carried, without agents. */
    public DocumentParty(PartyRole role, String name, Gender gender, String idNumber, String phone, String address) {
        this(role, name, gender, idNumber, phone, address, PartyKind.PERSON, null, null, null, null, null, null, null,
                null, List.of());
    }

    public boolean isPerson() {
        return kind == PartyKind.PERSON;
    }
}
