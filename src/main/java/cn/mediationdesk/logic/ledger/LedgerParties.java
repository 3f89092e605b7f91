package cn.mediationdesk.logic.ledger;

import cn.mediationdesk.model.PartyRole;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The parties cell of a ledger: {@code 姓名(角色)} separated by {@code ;} or {@code ；}, with ASCII or
 * full-width parentheses. 申请人 and 被申请人 are the two sides; any other role (第三人 …) and a bare
 * name are {@link PartyRole#OTHER}.
 */
final class LedgerParties {
    private static final Pattern SEPARATOR = Pattern.compile("[;；]");
    private static final Pattern WITH_ROLE = Pattern.compile("([^()（）]*?)\\s*[(（]\\s*([^()（）]*?)\\s*[)）]");
    private static final Pattern PARENTHESIS = Pattern.compile("[()（）]");

    private LedgerParties() {
    }

    /** The parties the cell names, in order; empty when some entry is not of the form {@code 姓名(角色)}. */
    static Optional<List<LedgerParty>> parse(String cell) {
        List<LedgerParty> parties = new ArrayList<>();
        for (String entry : SEPARATOR.split(cell)) {
            String s = entry.strip();
            if (s.isEmpty()) {
                continue; // "张某(申请人);" — a trailing separator is harmless
            }
            Matcher m = WITH_ROLE.matcher(s);
            if (m.matches() && !m.group(1).isEmpty()) {
                parties.add(new LedgerParty(m.group(1), role(m.group(2))));
            } else if (!PARENTHESIS.matcher(s).find()) {
                parties.add(new LedgerParty(s, PartyRole.OTHER));
            } else {
                return Optional.empty();
            }
        }
        return Optional.of(parties);
    }

    private static PartyRole role(String text) {
        return switch (text.toLowerCase(Locale.ROOT)) {
            case "申请人", "applicant" -> PartyRole.APPLICANT;
            case "被申请人", "respondent" -> PartyRole.RESPONDENT;
            default -> PartyRole.OTHER;
        };
    }
}
