package cn.mediationdesk.logic.repeat;

import java.text.Normalizer;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

/**
 * The forms in which a party's phone and address are compared: the same number or address written with
 * other spacing, dashes, full-width characters or punctuation is the same.
 */
final class PartyKeys {
    private PartyKeys() {
    }

    /** The digits of a phone number; empty when it has none. */
    static String phoneDigits(String phone) {
        if (phone == null) {
            return "";
        }
        String folded = Normalizer.normalize(phone, Normalizer.Form.NFKC);
        StringBuilder digits = new StringBuilder();
        for (char c : folded.toCharArray()) {
            if (c >= '0' && c <= '9') {
                digits.append(c);
            }
        }
        return digits.toString();
    }

    /**
     * The ways a number with these digits is usually written (plain, and grouped with spaces or dashes as
     * 138 1234 5678 or 0571-8888 6666), so that the stored text is found through its index; whatever
     * comes back is compared by its digits again.
     */
    static Set<String> phoneSpellings(String phone) {
        Set<String> spellings = new LinkedHashSet<>();
        if (phone == null || phone.isBlank()) {
            return spellings;
        }
        spellings.add(phone.strip());
        String d = phoneDigits(phone);
        if (d.isEmpty()) {
            return spellings;
        }
        spellings.add(d);
        if (d.length() == 11 && d.charAt(0) == '1') {
            spellings.add(d.substring(0, 3) + " " + d.substring(3, 7) + " " + d.substring(7));
            spellings.add(d.substring(0, 3) + "-" + d.substring(3, 7) + "-" + d.substring(7));
        }
        if (d.charAt(0) == '0') {
            for (int area = 3; area <= 4 && area < d.length(); area++) {
                spellings.add(d.substring(0, area) + "-" + d.substring(area));
                spellings.add(d.substring(0, area) + " " + d.substring(area));
            }
        }
        return spellings;
    }

    /** An address without spaces and punctuation, in half-width lower case; empty when blank. */
    static String address(String address) {
        if (address == null) {
            return "";
        }
        String folded = Normalizer.normalize(address, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        StringBuilder kept = new StringBuilder();
        folded.codePoints().filter(Character::isLetterOrDigit).forEach(kept::appendCodePoint);
        return kept.toString();
    }
}
