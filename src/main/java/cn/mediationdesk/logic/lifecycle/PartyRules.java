package cn.mediationdesk.logic.lifecycle;

import cn.mediationdesk.model.AgentAuthority;
import cn.mediationdesk.model.AgentKind;
import cn.mediationdesk.model.Problem;
import cn.mediationdesk.model.Problem.Field;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Checks a party as the official forms describe it: names, ID numbers (GB 11643), phone numbers,
 * 民族 (GB/T 3304), birth date and age, unified social credit codes (GB 32100-2015), which fields
 * belong to a natural person and which to an organization, and the party's agents.
 */
public final class PartyRules {
    public static final int NAME_MAX_LENGTH = 50;
    public static final int MAX_AGE = 150;
    /** Column sizes of the party and party_agent tables. */
    static final int ADDRESS_MAX_LENGTH = 200;
    static final int OCCUPATION_MAX_LENGTH = 100;
    static final int EMPLOYER_MAX_LENGTH = 200;
    static final int TITLE_MAX_LENGTH = 50;
    static final int SCOPE_MAX_LENGTH = 500;
    static final int RELATION_MAX_LENGTH = 100;
    /** An age as stated and the age the birth date gives may differ by this much (birthday not yet reached, rounding). */
    static final int AGE_TOLERANCE_YEARS = 1;

    private static final Pattern ID_NUMBER = Pattern.compile("\\d{17}[\\dX]");
    /** Mainland mobile numbers, and landlines with an optional area code and extension. */
    private static final Pattern PHONE = Pattern.compile("1[3-9]\\d{9}|(0\\d{2,3}-?)?\\d{7,8}(-\\d{1,6})?");
    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final char[] CHECK_CHARS = "10X98765432".toCharArray();

    /** GB 32100-2015: the 31 characters of a credit code, valued 0–30 in this order (no I, O, S, V, Z). */
    private static final String CREDIT_CODE_CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static final int CREDIT_CODE_LENGTH = 18;

    private PartyRules() {
    }

    /**
     * Every problem of the party and its agents. Problems of an agent name the field {@link Field#AGENT}
     * (the message says what is wrong), so that a list of them says whose they are.
     *
     * @param today birth dates after it are refused, and ages are reckoned on it
     */
    public static List<Problem> check(PartyInput party, LocalDate today) {
        List<Problem> problems = checkParty(party, today);
        for (AgentInput agent : party.agents()) {
            checkAgent(agent).forEach(p -> problems.add(new Problem(Field.AGENT, p.key(), p.args())));
        }
        return problems;
    }

    /** The problems of the party itself, its agents aside. */
    public static List<Problem> checkParty(PartyInput party, LocalDate today) {
        List<Problem> problems = new ArrayList<>();
        checkName(party.name(), Field.NAME, problems);
        if (isSet(party.idNumber()) && !isValidIdNumber(party.idNumber())) {
            problems.add(Problem.of(Field.ID_NUMBER, "rule.idNumber.invalid", party.idNumber().strip()));
        }
        if (isSet(party.phone()) && !isValidPhone(party.phone())) {
            problems.add(Problem.of(Field.PHONE, "rule.phone.invalid", party.phone().strip()));
        }
        checkLength(party.address(), ADDRESS_MAX_LENGTH, Field.ADDRESS, problems);
        if (party.isPerson()) {
            checkPerson(party, today, problems);
        } else {
            checkOrganization(party, problems);
        }
        return problems;
    }

    private static void checkPerson(PartyInput party, LocalDate today, List<Problem> problems) {
        if (isSet(party.ethnicity()) && EthnicGroups.officialName(party.ethnicity()).isEmpty()) {
            problems.add(Problem.of(Field.ETHNICITY, "rule.party.ethnicity.unknown", party.ethnicity().strip()));
        }
        LocalDate born = party.birthDate();
        if (born != null && born.isAfter(today)) {
            problems.add(Problem.of(Field.BIRTH_DATE, "rule.date.future", born, today));
        } else if (born != null && Period.between(born, today).getYears() > MAX_AGE) {
            problems.add(Problem.of(Field.BIRTH_DATE, "rule.party.birthDate.tooEarly", MAX_AGE));
        }
        Integer age = party.age();
        if (age != null && (age < 0 || age > MAX_AGE)) {
            problems.add(Problem.of(Field.AGE, "rule.party.age.range", MAX_AGE));
            age = null;
        }
        Optional<LocalDate> idBirthDate = isSet(party.idNumber()) && isValidIdNumber(party.idNumber())
                ? Optional.of(birthDateOf(party.idNumber())) : Optional.empty();
        if (born != null && idBirthDate.isPresent() && !idBirthDate.get().equals(born)) {
            problems.add(Problem.of(Field.BIRTH_DATE, "rule.party.birthDate.notIdNumber", idBirthDate.get()));
        }
        LocalDate ageFrom = born != null ? born : idBirthDate.orElse(null);
        if (age != null && ageFrom != null && !ageFrom.isAfter(today)) {
            int reckoned = Period.between(ageFrom, today).getYears();
            if (Math.abs(reckoned - age) > AGE_TOLERANCE_YEARS) {
                problems.add(Problem.of(Field.AGE, "rule.party.age.notBirthDate", reckoned));
            }
        }
        checkLength(party.occupation(), OCCUPATION_MAX_LENGTH, Field.OCCUPATION, problems);
        checkLength(party.employer(), EMPLOYER_MAX_LENGTH, Field.EMPLOYER, problems);
        if (isSet(party.creditCode())) {
            problems.add(Problem.of(Field.CREDIT_CODE, "rule.party.organizationOnly"));
        }
        if (isSet(party.legalRepresentative())) {
            problems.add(Problem.of(Field.LEGAL_REPRESENTATIVE, "rule.party.organizationOnly"));
        }
        if (isSet(party.representativeTitle())) {
            problems.add(Problem.of(Field.REPRESENTATIVE_TITLE, "rule.party.organizationOnly"));
        }
    }

    private static void checkOrganization(PartyInput party, List<Problem> problems) {
        if (isSet(party.creditCode()) && !isValidCreditCode(party.creditCode())) {
            problems.add(Problem.of(Field.CREDIT_CODE, "rule.party.creditCode.invalid", party.creditCode().strip()));
        }
        checkLength(party.legalRepresentative(), NAME_MAX_LENGTH, Field.LEGAL_REPRESENTATIVE, problems);
        checkLength(party.representativeTitle(), TITLE_MAX_LENGTH, Field.REPRESENTATIVE_TITLE, problems);
        if (isSet(party.idNumber())) {
            problems.add(Problem.of(Field.ID_NUMBER, "rule.party.personOnly"));
        }
        if (party.gender() != null) {
            problems.add(Problem.of(Field.GENDER, "rule.party.personOnly"));
        }
        if (isSet(party.ethnicity())) {
            problems.add(Problem.of(Field.ETHNICITY, "rule.party.personOnly"));
        }
        if (party.birthDate() != null) {
            problems.add(Problem.of(Field.BIRTH_DATE, "rule.party.personOnly"));
        }
        if (party.age() != null) {
            problems.add(Problem.of(Field.AGE, "rule.party.personOnly"));
        }
        if (isSet(party.occupation())) {
            problems.add(Problem.of(Field.OCCUPATION, "rule.party.personOnly"));
        }
        if (isSet(party.employer())) {
            problems.add(Problem.of(Field.EMPLOYER, "rule.party.personOnly"));
        }
    }

    /**
     * The problems of one agent, each at its own field: a name, a kind, an entrusted agent's authority
     * (特别授权 with its scope written out), a legal agent without any, valid ID and phone numbers.
     */
    public static List<Problem> checkAgent(AgentInput agent) {
        List<Problem> problems = new ArrayList<>();
        checkName(agent.name(), Field.NAME, problems);
        if (agent.kind() == null) {
            problems.add(Problem.of(Field.AGENT, "rule.required"));
        } else if (agent.kind() == AgentKind.ENTRUSTED) {
            if (agent.authority() == null) {
                problems.add(Problem.of(Field.AUTHORITY, "rule.agent.authorityRequired"));
            } else if (agent.authority() == AgentAuthority.SPECIAL && !isSet(agent.authorityScope())) {
                problems.add(Problem.of(Field.AUTHORITY, "rule.agent.scopeRequired"));
            }
        } else if (agent.authority() != null || isSet(agent.authorityScope())) {
            problems.add(Problem.of(Field.AUTHORITY, "rule.agent.legalHasNoAuthority"));
        }
        checkLength(agent.authorityScope(), SCOPE_MAX_LENGTH, Field.AUTHORITY, problems);
        if (isSet(agent.idNumber()) && !isValidIdNumber(agent.idNumber())) {
            problems.add(Problem.of(Field.ID_NUMBER, "rule.idNumber.invalid", agent.idNumber().strip()));
        }
        if (isSet(agent.phone()) && !isValidPhone(agent.phone())) {
            problems.add(Problem.of(Field.PHONE, "rule.phone.invalid", agent.phone().strip()));
        }
        checkLength(agent.relation(), RELATION_MAX_LENGTH, Field.RELATION, problems);
        return problems;
    }

    private static void checkName(String name, Field field, List<Problem> problems) {
        if (!isSet(name)) {
            problems.add(Problem.of(field, "rule.required"));
        } else {
            checkLength(name, NAME_MAX_LENGTH, field, problems);
        }
    }

    private static void checkLength(String text, int max, Field field, List<Problem> problems) {
        if (text != null && text.strip().length() > max) {
            problems.add(Problem.of(field, "rule.name.tooLong", max));
        }
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

    /** The birth date in a valid ID number (characters 7–14). */
    public static LocalDate birthDateOf(String validIdNumber) {
        String id = validIdNumber.strip();
        return LocalDate.of(Integer.parseInt(id.substring(6, 10)), Integer.parseInt(id.substring(10, 12)),
                Integer.parseInt(id.substring(12, 14)));
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

    /**
     * A unified social credit code (统一社会信用代码, GB 32100-2015): 18 characters of its set of 31
     * (digits and capitals without I, O, S, V, Z), the last being the check character of the first 17.
     * Lower-case letters are read as capitals.
     */
    public static boolean isValidCreditCode(String text) {
        String code = text.strip().toUpperCase();
        if (code.length() != CREDIT_CODE_LENGTH) {
            return false;
        }
        for (int i = 0; i < CREDIT_CODE_LENGTH; i++) {
            if (CREDIT_CODE_CHARS.indexOf(code.charAt(i)) < 0) {
                return false;
            }
        }
        return code.charAt(17) == creditCodeCheckCharacter(code.substring(0, 17));
    }

    /**
     * GB 32100-2015 §4.3 and appendix: with each character's value C(i) and the weight W(i) = 3^(i-1)
     * mod 31 of its position i = 1…17, the check value is 31 − (ΣC(i)·W(i) mod 31), where 31 counts as 0.
     *
     * @param first17 17 characters of the code's set
     */
    public static char creditCodeCheckCharacter(String first17) {
        int sum = 0;
        int weight = 1;
        for (int i = 0; i < 17; i++) {
            int value = CREDIT_CODE_CHARS.indexOf(Character.toUpperCase(first17.charAt(i)));
            if (value < 0) {
                throw new IllegalArgumentException("not a credit code character: " + first17.charAt(i));
            }
            sum += value * weight;
            weight = weight * 3 % 31;
        }
        int check = 31 - sum % 31;
        return CREDIT_CODE_CHARS.charAt(check == 31 ? 0 : check);
    }

    private static boolean isSet(String text) {
        return text != null && !text.isBlank();
    }
}
