package cn.mediationdesk.logic.lifecycle;

import cn.mediationdesk.model.Problem;
import cn.mediationdesk.model.Problem.Field;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** Checks a party's personal data: names, ID numbers (GB 11643) and phone numbers. */
public final class PartyRules {
    public static final int NAME_MAX_LENGTH = 50;
    private static final Pattern ID_NUMBER = Pattern.compile("\\d{17}[\\dX]");
    /** Mainland mobile numbers, and landlines with an optional area code and extension. */
    private static final Pattern PHONE = Pattern.compile("1[3-9]\\d{9}|(0\\d{2,3}-?)?\\d{7,8}(-\\d{1,6})?");
    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final char[] CHECK_CHARS = "10X98765432".toCharArray();

    private PartyRules() {
    }

    public static List<Problem> check(PartyInput party) {
        List<Problem> problems = new ArrayList<>();
        if (party.name() == null || party.name().isBlank()) {
            problems.add(Problem.of(Field.NAME, "rule.required"));
        } else if (party.name().strip().length() > NAME_MAX_LENGTH) {
            problems.add(Problem.of(Field.NAME, "rule.name.tooLong", NAME_MAX_LENGTH));
        }
        if (party.idNumber() != null && !party.idNumber().isBlank() && !isValidIdNumber(party.idNumber())) {
            problems.add(Problem.of(Field.ID_NUMBER, "rule.idNumber.invalid", party.idNumber().strip()));
        }
        if (party.phone() != null && !party.phone().isBlank() && !isValidPhone(party.phone())) {
            problems.add(Problem.of(Field.PHONE, "rule.phone.invalid", party.phone().strip()));
        }
        return problems;
    }

    /** 18 characters, a real birth date, and the ISO 7064 MOD 11-2 check character of GB 11643. */
    public static boolean isValidIdNumber(String text) {
        String id = text.strip().toUpperCase();
        if (!ID_NUMBER.matcher(id).matches()) {
            return false;
        }
        try {
            LocalDate born = LocalDate.of(Integer.parseInt(id.substring(6, 10)), Integer.parseInt(id.substring(10, 12)),
                    Integer.parseInt(id.substring(12, 14)));
            if (born.getYear() < 1900) {
                return false;
            }
        } catch (DateTimeException e) {
            return false;
        }
        return id.charAt(17) == checkCharacter(id.substring(0, 17));
    }

    /** The GB 11643 check character for the first 17 digits. */
    public static char checkCharacter(String first17) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (first17.charAt(i) - '0') * WEIGHTS[i];
        }
        return CHECK_CHARS[sum % 11];
    }

    public static boolean isValidPhone(String text) {
        return PHONE.matcher(text.strip().replace(" ", "")).matches();
    }
}
