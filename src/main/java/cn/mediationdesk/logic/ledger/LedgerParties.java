package cn.mediationdesk.logic.ledger;

import cn.mediationdesk.model.PartyRole;
import cn.mediationdesk.model.Problem;
import cn.mediationdesk.model.Problem.Field;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The parties cell of a ledger: {@code 姓名(角色)} separated by {@code ;} or {@code ；}, with ASCII or
 * full-width parentheses. 申请人 and 被申请人 are the two sides; 第三人 (or 其他) is another party, as
 * is a bare name. A role that is none of these is a problem, never silently another party: a typo
 * (申清人) would otherwise turn an applicant into a bystander.
 */
final class LedgerParties {
    private static final Pattern SEPARATOR = Pattern.compile("[;；]");
    private static final Pattern WITH_ROLE = Pattern.compile("([^()（）]*?)\\s*[(（]\\s*([^()（）]*?)\\s*[)）]");
    private static final Pattern PARENTHESIS = Pattern.compile("[()（）]");
    /** The words a ledger may use for a role: the app's labels, common synonyms, the codes and English. */
    private static final Map<String, PartyRole> ROLES = Map.ofEntries(
            Map.entry("申请人", PartyRole.APPLICANT), Map.entry("申请方", PartyRole.APPLICANT),
            Map.entry("applicant", PartyRole.APPLICANT),
            Map.entry("被申请人", PartyRole.RESPONDENT), Map.entry("被申请方", PartyRole.RESPONDENT),
            Map.entry("respondent", PartyRole.RESPONDENT),
            Map.entry("第三人", PartyRole.OTHER), Map.entry("其他", PartyRole.OTHER),
            Map.entry("其他当事人", PartyRole.OTHER), Map.entry("other", PartyRole.OTHER),
            Map.entry("third party", PartyRole.OTHER));

    private LedgerParties() {
    }

    /**
     * What a parties cell holds: the parties in order, or the one problem that stopped reading it
     * ({@code problem} then not {@code null}).
     */
    record Reading(List<LedgerParty> parties, Problem problem) {
        static Reading of(List<LedgerParty> parties) {
            return new Reading(List.copyOf(parties), null);
        }

        static Reading failed(String key, Object... args) {
            return new Reading(List.of(), Problem.of(Field.PARTIES, key, args));
        }
    }

    static Reading parse(String cell) {
        List<LedgerParty> parties = new ArrayList<>();
        for (String entry : SEPARATOR.split(cell)) {
            String s = entry.strip();
            if (s.isEmpty()) {
                continue; // "张某(申请人);" — a trailing separator is harmless
            }
            Matcher m = WITH_ROLE.matcher(s);
            if (m.matches() && !m.group(1).isEmpty()) {
                String role = m.group(2);
                if (role.isEmpty()) {
                    parties.add(new LedgerParty(m.group(1), PartyRole.OTHER)); // 张某(): no role given
                } else if (ROLES.containsKey(role.toLowerCase(Locale.ROOT))) {
                    parties.add(new LedgerParty(m.group(1), ROLES.get(role.toLowerCase(Locale.ROOT))));
                } else {
                    return Reading.failed("ledger.parties.unknownRole", m.group(1), role);
                }
            } else if (!PARENTHESIS.matcher(s).find()) {
                parties.add(new LedgerParty(s, PartyRole.OTHER));
            } else {
                return Reading.failed("ledger.parties.malformed", cell);
            }
        }
        return Reading.of(parties);
    }

    /** What a role is called in a ledger, for messages. */
    static String label(PartyRole role) {
        return switch (role) {
            case APPLICANT -> "申请人";
            case RESPONDENT -> "被申请人";
            case OTHER -> "第三人";
        };
    }
}
