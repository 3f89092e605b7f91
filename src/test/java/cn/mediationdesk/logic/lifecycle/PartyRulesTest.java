package cn.mediationdesk.logic.lifecycle;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.NumericChars;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;

import cn.mediationdesk.model.AgentAuthority;
import cn.mediationdesk.model.AgentKind;
import cn.mediationdesk.model.Gender;
import cn.mediationdesk.model.PartyKind;
import cn.mediationdesk.model.PartyRole;
import cn.mediationdesk.model.Problem;
import cn.mediationdesk.model.Problem.Field;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class PartyRulesTest {

    @Test
    void acceptsTheStandardsOwnExample() {
        // GB 11643-1999 appendix example.
        assertThat(PartyRules.isValidIdNumber("11010519491231002X")).isTrue();
        assertThat(PartyRules.isValidIdNumber("11010519491231002x")).as("lower-case x").isTrue();
    }

    @Test
    void rejectsWrongCheckDigitLengthAndBirthDate() {
        assertThat(PartyRules.isValidIdNumber("110105194912310021")).isFalse();
        assertThat(PartyRules.isValidIdNumber("11010519491231002")).isFalse();
        assertThat(PartyRules.isValidIdNumber("110105194913310024")).as("13th month").isFalse();
    }

    @Property
    void everyValidNumberFailsWhenOneDigitChanges(@ForAll @StringLength(6) @NumericChars String area,
                                                  @ForAll @IntRange(min = 0, max = 36000) int dayOffset,
                                                  @ForAll @StringLength(3) @NumericChars String serial,
                                                  @ForAll @IntRange(min = 0, max = 16) int position,
                                                  @ForAll @IntRange(min = 1, max = 9) int delta) {
        String birth = LocalDate.of(1920, 1, 1).plusDays(dayOffset).toString().replace("-", "");
        String first17 = area + birth + serial;
        String id = first17 + PartyRules.checkCharacter(first17);
        assertThat(PartyRules.isValidIdNumber(id)).isTrue();
        char changed = (char) ('0' + (first17.charAt(position) - '0' + delta) % 10);
        String tampered = first17.substring(0, position) + changed + first17.substring(position + 1) + id.charAt(17);
        // A single changed digit always changes the MOD 11-2 check character (weights are all non-zero mod 11).
        assertThat(PartyRules.isValidIdNumber(tampered)).isFalse();
    }

    @Test
    void phoneNumbers() {
        assertThat(PartyRules.isValidPhone("13812345678")).isTrue();
        assertThat(PartyRules.isValidPhone("0827-1234567")).isTrue();
        assertThat(PartyRules.isValidPhone("08271234567")).isTrue();
        assertThat(PartyRules.isValidPhone("1234")).isFalse();
        assertThat(PartyRules.isValidPhone("23812345678")).isFalse();
    }

    // ---- unified social credit codes (GB 32100-2015) ----

    /** A code of the given first 17 characters with the check character the standard computes. */
    private static String creditCode(String first17) {
        return first17 + PartyRules.creditCodeCheckCharacter(first17);
    }

    @Test
    void acceptsTheCreditCodeStandardsOwnExampleAndCodesInUse() {
        // GB 32100-2015's example, and a company's code as registered.
        assertThat(PartyRules.isValidCreditCode("91350100M000100Y43")).isTrue();
        assertThat(PartyRules.isValidCreditCode("91110108551385082Q")).isTrue();
        assertThat(PartyRules.isValidCreditCode("91350100m000100y43")).as("lower case").isTrue();
        assertThat(PartyRules.isValidCreditCode(" 91350100M000100Y43 ")).as("spaces around").isTrue();
    }

    @Test
    void theCheckCharacterIsTheStandardsWeightedSumModulo31() {
        // Σ value·3^(i-1) mod 31 over "91350100M000100Y4" is 28, so the check value is 31 − 28 = 3.
        assertThat(PartyRules.creditCodeCheckCharacter("91350100M000100Y4")).isEqualTo('3');
        // A sum that is a multiple of 31 gives 31, written 0: all zeros is such a sum.
        assertThat(PartyRules.creditCodeCheckCharacter("00000000000000000")).isEqualTo('0');
        // Check values above 9 are letters of the code's set: 31 − 1 = 30 is Y.
        assertThat(PartyRules.creditCodeCheckCharacter("10000000000000000")).isEqualTo('Y');
    }

    @Test
    void rejectsWrongCreditCodes() {
        assertThat(PartyRules.isValidCreditCode("91350100M000100Y44")).as("wrong check character").isFalse();
        assertThat(PartyRules.isValidCreditCode("91350100M000100Y4")).as("17 characters").isFalse();
        assertThat(PartyRules.isValidCreditCode("91350100M000100Y433")).as("19 characters").isFalse();
        assertThat(PartyRules.isValidCreditCode("91350100M000100I43")).as("I is not in the set").isFalse();
        for (char excluded : "IOSVZ".toCharArray()) {
            String code = "9135010" + excluded + "M000100Y4";
            assertThat(PartyRules.isValidCreditCode(code + '3')).as("contains " + excluded).isFalse();
        }
        assertThat(PartyRules.isValidCreditCode("110105194912310021")).as("an ID number").isFalse();
    }

    @Property
    void everyComputedCreditCodeFailsWhenOneCharacterChanges(
            @ForAll @StringLength(17) @net.jqwik.api.constraints.Chars({'0', '1', '2', '3', '4', '5', '6', '7', '8', '9',
                    'A', 'B', 'C', 'D', 'E', 'F', 'G', 'H', 'J', 'K', 'L', 'M', 'N', 'P', 'Q', 'R', 'T', 'U', 'W', 'X',
                    'Y'}) String first17,
            @ForAll @IntRange(min = 0, max = 16) int position, @ForAll @IntRange(min = 1, max = 30) int delta) {
        String set = "0123456789ABCDEFGHJKLMNPQRTUWXY";
        String code = creditCode(first17);
        assertThat(PartyRules.isValidCreditCode(code)).isTrue();
        char changed = set.charAt((set.indexOf(first17.charAt(position)) + delta) % 31);
        String tampered = code.substring(0, position) + changed + code.substring(position + 1);
        // Every weight 3^(i-1) is a unit modulo the prime 31, so one changed character always changes the sum.
        assertThat(PartyRules.isValidCreditCode(tampered)).isFalse();
    }

    // ---- 民族 ----

    @Test
    void ethnicGroupsAreTheOfficial56AndTheirShortNames() {
        assertThat(EthnicGroups.NAMES.subList(0, 56)).hasSize(56).doesNotHaveDuplicates().allMatch(n -> n.endsWith("族"));
        assertThat(EthnicGroups.officialName("汉族")).contains("汉族");
        assertThat(EthnicGroups.officialName("汉")).contains("汉族");
        assertThat(EthnicGroups.officialName(" 蒙古 ")).contains("蒙古族");
        assertThat(EthnicGroups.officialName("柯尔克孜族")).contains("柯尔克孜族");
        assertThat(EthnicGroups.officialName("其他")).contains("其他");
        assertThat(EthnicGroups.officialName("外国血统")).contains("外国血统中国籍人士");
        assertThat(EthnicGroups.officialName("汉人")).isEmpty();
        assertThat(EthnicGroups.officialName("其他族")).isEmpty();
        assertThat(EthnicGroups.officialName("穿青人")).isEmpty();
    }

    // ---- the party as a whole ----

    private static final LocalDate TODAY = LocalDate.of(2024, 6, 15);
    private static final String ID_BORN_1970_05_03 = idNumber("110105", "19700503", "123");

    private static String idNumber(String area, String born, String serial) {
        String first17 = area + born + serial;
        return first17 + PartyRules.checkCharacter(first17);
    }

    private static PartyInput person(String ethnicity, LocalDate born, Integer age, String idNumber) {
        return new PartyInput("张三", Gender.MALE, idNumber, null, null, PartyRole.APPLICANT, PartyKind.PERSON, ethnicity,
                born, age, "司机", "某运输公司", null, null, null, List.of());
    }

    private static PartyInput company(String creditCode) {
        return new PartyInput("某某有限公司", null, null, "0827-1234567", "金宝新区幸福路8号", PartyRole.RESPONDENT,
                PartyKind.LEGAL_PERSON, null, null, null, null, null, creditCode, "李四", "总经理", List.of());
    }

    private static List<String> problems(PartyInput party) {
        return PartyRules.check(party, TODAY).stream().map(p -> p.field() + " " + p.key()).toList();
    }

    @Test
    void aPersonAsTheFormsDescribeThemPasses() {
        assertThat(problems(person("汉", LocalDate.of(1970, 5, 3), 54, ID_BORN_1970_05_03))).isEmpty();
        assertThat(problems(person(null, null, null, null))).isEmpty();
        assertThat(problems(company("91350100M000100Y43"))).isEmpty();
        assertThat(problems(company(null))).as("the code may come later").isEmpty();
    }

    @Test
    void anUnknownEthnicGroupIsNamed() {
        assertThat(PartyRules.check(person("火星族", null, null, null), TODAY))
                .containsExactly(Problem.of(Field.ETHNICITY, "rule.party.ethnicity.unknown", "火星族"));
    }

    @Test
    void birthDatesAndAges() {
        assertThat(problems(person(null, TODAY.plusDays(1), null, null)))
                .containsExactly("BIRTH_DATE rule.date.future");
        assertThat(problems(person(null, TODAY, 0, null))).as("born today, aged 0").isEmpty();
        assertThat(problems(person(null, TODAY.minusYears(151), null, null)))
                .containsExactly("BIRTH_DATE rule.party.birthDate.tooEarly");
        assertThat(problems(person(null, null, 151, null))).containsExactly("AGE rule.party.age.range");
        assertThat(problems(person(null, null, -1, null))).containsExactly("AGE rule.party.age.range");
        assertThat(problems(person(null, null, 150, null))).isEmpty();
        // Born 1970-05-03: 54 on 2024-06-15; 53 and 55 are within a year, 52 and 56 are not.
        LocalDate born = LocalDate.of(1970, 5, 3);
        assertThat(problems(person(null, born, 53, null))).isEmpty();
        assertThat(problems(person(null, born, 55, null))).isEmpty();
        assertThat(PartyRules.check(person(null, born, 52, null), TODAY))
                .containsExactly(Problem.of(Field.AGE, "rule.party.age.notBirthDate", 54));
        assertThat(problems(person(null, born, 56, null))).containsExactly("AGE rule.party.age.notBirthDate");
    }

    @Test
    void theIdNumbersBirthDateMustBeTheBirthDate() {
        assertThat(PartyRules.check(person(null, LocalDate.of(1970, 5, 4), null, ID_BORN_1970_05_03), TODAY))
                .containsExactly(Problem.of(Field.BIRTH_DATE, "rule.party.birthDate.notIdNumber", LocalDate.of(1970, 5, 3)));
        // Without a birth date, the age is held against the ID number's.
        assertThat(problems(person(null, null, 54, ID_BORN_1970_05_03))).isEmpty();
        assertThat(problems(person(null, null, 30, ID_BORN_1970_05_03))).containsExactly("AGE rule.party.age.notBirthDate");
        assertThat(PartyRules.birthDateOf(ID_BORN_1970_05_03)).isEqualTo(LocalDate.of(1970, 5, 3));
    }

    @Test
    void aPersonHasNoCreditCodeAndAnOrganizationNoPersonalFields() {
        PartyInput personWithCode = new PartyInput("张三", null, null, null, null, PartyRole.APPLICANT, PartyKind.PERSON,
                null, null, null, null, null, "91350100M000100Y43", "李四", "总经理", List.of());
        assertThat(problems(personWithCode)).containsExactly("CREDIT_CODE rule.party.organizationOnly",
                "LEGAL_REPRESENTATIVE rule.party.organizationOnly", "REPRESENTATIVE_TITLE rule.party.organizationOnly");

        PartyInput organizationWithPersonalData = new PartyInput("某村经济合作社", Gender.MALE, ID_BORN_1970_05_03, null,
                null, PartyRole.RESPONDENT, PartyKind.ORGANIZATION, "汉族", LocalDate.of(1970, 5, 3), 54, "司机", "某公司",
                null, null, null, List.of());
        assertThat(problems(organizationWithPersonalData)).containsExactly("ID_NUMBER rule.party.personOnly",
                "GENDER rule.party.personOnly", "ETHNICITY rule.party.personOnly", "BIRTH_DATE rule.party.personOnly",
                "AGE rule.party.personOnly", "OCCUPATION rule.party.personOnly", "EMPLOYER rule.party.personOnly");
    }

    @Test
    void anOrganizationsCreditCodeIsChecked() {
        assertThat(PartyRules.check(company("91350100M000100Y44"), TODAY))
                .containsExactly(Problem.of(Field.CREDIT_CODE, "rule.party.creditCode.invalid", "91350100M000100Y44"));
    }

    // ---- agents ----

    private static AgentInput agent(AgentKind kind, AgentAuthority authority, String scope, String idNumber, String phone) {
        return new AgentInput("王五", kind, authority, scope, idNumber, phone, "某律师事务所律师");
    }

    @Test
    void anEntrustedAgentWithSpecialAuthorityNeedsItsScope() {
        assertThat(PartyRules.checkAgent(agent(AgentKind.ENTRUSTED, AgentAuthority.SPECIAL, "代为承认、放弃、变更调解请求",
                null, null))).isEmpty();
        assertThat(PartyRules.checkAgent(agent(AgentKind.ENTRUSTED, AgentAuthority.GENERAL, null, null, null))).isEmpty();
        assertThat(PartyRules.checkAgent(agent(AgentKind.ENTRUSTED, AgentAuthority.SPECIAL, " ", null, null)))
                .containsExactly(Problem.of(Field.AUTHORITY, "rule.agent.scopeRequired"));
        assertThat(PartyRules.checkAgent(agent(AgentKind.ENTRUSTED, null, null, null, null)))
                .containsExactly(Problem.of(Field.AUTHORITY, "rule.agent.authorityRequired"));
    }

    @Test
    void aLegalAgentHasNoAuthorityToEnter() {
        assertThat(PartyRules.checkAgent(agent(AgentKind.LEGAL, null, null, null, null))).isEmpty();
        assertThat(PartyRules.checkAgent(agent(AgentKind.LEGAL, AgentAuthority.GENERAL, null, null, null)))
                .containsExactly(Problem.of(Field.AUTHORITY, "rule.agent.legalHasNoAuthority"));
        assertThat(PartyRules.checkAgent(agent(null, null, null, null, null)))
                .containsExactly(Problem.of(Field.AGENT, "rule.required"));
    }

    @Test
    void agentsIdNumbersAndPhonesAreCheckedLikeAPartys() {
        assertThat(PartyRules.checkAgent(agent(AgentKind.LEGAL, null, null, ID_BORN_1970_05_03, "13812345678"))).isEmpty();
        assertThat(PartyRules.checkAgent(new AgentInput(" ", AgentKind.LEGAL, null, null, "110105194912310021", "12345", null)))
                .containsExactly(Problem.of(Field.NAME, "rule.required"),
                        Problem.of(Field.ID_NUMBER, "rule.idNumber.invalid", "110105194912310021"),
                        Problem.of(Field.PHONE, "rule.phone.invalid", "12345"));
    }

    @Test
    void aPartysCheckNamesItsAgentsProblemsAsTheAgents() {
        PartyInput withAgent = new PartyInput("某某有限公司", null, null, null, null, PartyRole.RESPONDENT,
                PartyKind.LEGAL_PERSON, null, null, null, null, null, null, null, null,
                List.of(agent(AgentKind.ENTRUSTED, AgentAuthority.SPECIAL, null, "12345", null)));
        assertThat(PartyRules.check(withAgent, TODAY)).containsExactly(
                Problem.of(Field.AGENT, "rule.agent.scopeRequired"),
                Problem.of(Field.AGENT, "rule.idNumber.invalid", "12345"));
        assertThat(PartyRules.checkParty(withAgent, TODAY)).isEmpty();
    }
}
