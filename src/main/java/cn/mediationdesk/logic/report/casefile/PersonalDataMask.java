package cn.mediationdesk.logic.report.casefile;

/**
 * How ID-card and phone numbers appear on a print unless the full data is asked for (DESIGN §9): an ID
 * number keeps its region code and last four characters (110105********002X), a mobile number its
 * first three and last four digits (138****5678), anything else its last four. A print masks what it
 * cannot recognise too: a mistyped number is still somebody's number.
 */
public final class PersonalDataMask {
    private static final int KEEP_END = 4;

    private PersonalDataMask() {
    }

    public static String idNumber(String idNumber) {
        if (idNumber == null || idNumber.isBlank()) {
            return "";
        }
        String id = idNumber.strip();
        if (id.length() < 15) {
            return lastFour(id);
        }
        return id.substring(0, 6) + "*".repeat(id.length() - 6 - KEEP_END) + id.substring(id.length() - KEEP_END);
    }

    public static String phone(String phone) {
        if (phone == null || phone.isBlank()) {
            return "";
        }
        String number = phone.strip().replace(" ", "");
        if (number.length() == 11 && number.startsWith("1")) {
            return number.substring(0, 3) + "****" + number.substring(7);
        }
        int dash = number.indexOf('-');
        if (dash > 0 && number.length() - dash - 1 > KEEP_END) {
            // A landline keeps its area code: 010-****5678.
            return number.substring(0, dash + 1) + lastFour(number.substring(dash + 1));
        }
        return lastFour(number);
    }

    private static String lastFour(String text) {
        if (text.length() <= KEEP_END) {
            return "*".repeat(text.length());
        }
        return "*".repeat(text.length() - KEEP_END) + text.substring(text.length() - KEEP_END);
    }
}
