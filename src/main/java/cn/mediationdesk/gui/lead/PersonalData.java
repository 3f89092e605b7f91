package cn.mediationdesk.gui.lead;

import cn.mediationdesk.logic.lifecycle.PartyRules;

/**
 * How ID and phone numbers look on screen when nobody is working on them (DESIGN §9): masked, so
 * that a form left open shows no one's number in full. A number that is not valid stays as typed,
 * so that its mistake can be seen.
 */
public final class PersonalData {
    private PersonalData() {
    }

    /** 510104199001011234 → 510***********1234. */
    public static String maskIdNumber(String idNumber) {
        if (idNumber == null || !PartyRules.isValidIdNumber(idNumber)) {
            return idNumber == null ? "" : idNumber;
        }
        String id = idNumber.strip();
        return id.substring(0, 3) + "*".repeat(id.length() - 7) + id.substring(id.length() - 4);
    }

    /** 13812345678 → 138****5678; a landline keeps its area code and last four digits. */
    public static String maskPhone(String phone) {
        if (phone == null || !PartyRules.isValidPhone(phone)) {
            return phone == null ? "" : phone;
        }
        String digits = phone.strip();
        if (digits.length() <= 7) {
            return "*".repeat(digits.length() - 4) + digits.substring(digits.length() - 4);
        }
        int keepStart = digits.startsWith("1") ? 3 : Math.max(0, digits.indexOf('-') + 1);
        return digits.substring(0, keepStart) + "*".repeat(digits.length() - keepStart - 4)
                + digits.substring(digits.length() - 4);
    }
}
