package cn.mediationdesk.logic.organization;

import cn.mediationdesk.logic.ValidationException;
import cn.mediationdesk.logic.store.OrganizationRepository;
import cn.mediationdesk.logic.store.Tx;
import cn.mediationdesk.model.Committee;
import cn.mediationdesk.model.CommitteeKind;
import cn.mediationdesk.model.Community;
import cn.mediationdesk.model.Problem;
import cn.mediationdesk.model.Problem.Field;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Creates communities and committees with generated codes ({@code SQ001}, {@code TW001} …), for
 * the ledger import's {@code --create-missing} and for setting up a jurisdiction. Runs inside the
 * caller's transaction, so that what it creates goes or stays with the rest of the work.
 */
public final class OrganizationService {
    public static final String COMMUNITY_CODE_PREFIX = "SQ";
    public static final String COMMITTEE_CODE_PREFIX = "TW";
    /** Widths of the schema's name columns. */
    public static final int NAME_MAX_LENGTH = 100;
    public static final int SHORT_NAME_MAX_LENGTH = 30;
    /** The full title a committee's name usually ends with, and its common abbreviation. */
    private static final List<String> COMMITTEE_SUFFIXES = List.of("人民调解委员会", "调委会");

    private OrganizationService() {
    }

    /**
     * Creates a community named {@code name} (surrounding blanks removed) with the next free code.
     *
     * @throws ValidationException when the name is blank, too long or taken
     */
    public static Community createCommunity(Tx tx, String name) {
        OrganizationRepository organization = tx.organization();
        List<Community> communities = organization.communities();
        List<Problem> problems = communityProblems(communities, name);
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
        String code = nextCode(COMMUNITY_CODE_PREFIX, communities.stream().map(Community::code).toList());
        long id = organization.insertCommunity(code, name.strip());
        return new Community(id, code, name.strip(), true);
    }

    /**
     * Creates a committee with the next free code.
     *
     * @param shortName the name used in its case numbers; {@code null} or blank derives it from the name
     * @param communityId the community a community-level committee serves, else {@code null}
     * @throws ValidationException when a name is blank, too long or taken, or the community is wrong
     */
    public static Committee createCommittee(Tx tx, String name, String shortName, CommitteeKind kind,
                                            Long communityId) {
        OrganizationRepository organization = tx.organization();
        List<Committee> committees = organization.committees();
        String shortOrDerived = shortName == null || shortName.isBlank() ? shortNameOf(name) : shortName.strip();
        List<Problem> problems = new ArrayList<>(committeeProblems(committees, name, shortOrDerived));
        if (kind == CommitteeKind.COMMUNITY && communityId == null) {
            problems.add(Problem.of(Field.COMMUNITY, "org.committee.communityMissing"));
        }
        if (communityId != null && organization.communities().stream().noneMatch(c -> c.id() == communityId)) {
            problems.add(Problem.of(Field.COMMUNITY, "org.committee.communityUnknown", communityId));
        }
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
        String code = nextCode(COMMITTEE_CODE_PREFIX, committees.stream().map(Committee::code).toList());
        long id = organization.insertCommittee(code, name.strip(), shortOrDerived, kind, communityId);
        return new Committee(id, code, name.strip(), shortOrDerived, kind, communityId, true);
    }

    /** What is wrong with {@code name} for a new community among {@code existing}; empty when nothing. */
    public static List<Problem> communityProblems(List<Community> existing, String name) {
        List<Problem> problems = nameProblems(name);
        if (problems.isEmpty() && existing.stream().anyMatch(c -> c.name().equals(name.strip()))) {
            problems.add(Problem.of(Field.NAME, "org.community.nameTaken", name.strip()));
        }
        return problems;
    }

    /** What is wrong with the names of a new committee among {@code existing}; empty when nothing. */
    public static List<Problem> committeeProblems(List<Committee> existing, String name, String shortName) {
        List<Problem> problems = nameProblems(name);
        if (problems.isEmpty() && existing.stream().anyMatch(c -> c.name().equals(name.strip()))) {
            problems.add(Problem.of(Field.NAME, "org.committee.nameTaken", name.strip()));
        }
        if (shortName == null || shortName.isBlank()) {
            problems.add(Problem.of(Field.SHORT_NAME, "rule.required"));
        } else if (shortName.strip().length() > SHORT_NAME_MAX_LENGTH) {
            problems.add(Problem.of(Field.SHORT_NAME, "org.shortName.tooLong", shortName.strip(),
                    SHORT_NAME_MAX_LENGTH));
        }
        return problems;
    }

    private static List<Problem> nameProblems(String name) {
        List<Problem> problems = new ArrayList<>();
        if (name == null || name.isBlank()) {
            problems.add(Problem.of(Field.NAME, "rule.required"));
        } else if (name.strip().length() > NAME_MAX_LENGTH) {
            problems.add(Problem.of(Field.NAME, "rule.name.tooLong", NAME_MAX_LENGTH));
        }
        return problems;
    }

    /**
     * The short name case numbers use, from a committee's full name: 南池村人民调解委员会 → 南池村.
     * A name that is nothing but the title keeps it whole.
     */
    public static String shortNameOf(String committeeName) {
        String name = committeeName == null ? "" : committeeName.strip();
        for (String suffix : COMMITTEE_SUFFIXES) {
            if (name.endsWith(suffix) && name.length() > suffix.length()) {
                return name.substring(0, name.length() - suffix.length()).strip();
            }
        }
        return name;
    }

    /** {@code prefix} and the number after the highest in use, at least three digits: SQ001, SQ002 … */
    public static String nextCode(String prefix, Collection<String> codes) {
        Pattern pattern = Pattern.compile(Pattern.quote(prefix) + "(\\d{1,9})");
        int highest = 0;
        for (String code : codes) {
            Matcher m = pattern.matcher(code);
            if (m.matches()) {
                highest = Math.max(highest, Integer.parseInt(m.group(1)));
            }
        }
        return prefix + String.format("%03d", highest + 1);
    }
}
