package cn.mediationdesk.logic.organization;

import cn.mediationdesk.logic.ValidationException;
import cn.mediationdesk.model.Committee;
import cn.mediationdesk.model.CommitteeKind;
import cn.mediationdesk.model.Community;
import cn.mediationdesk.model.Problem.Field;
import cn.mediationdesk.model.Problem;
import cn.mediationdesk.persistence.Database;
import cn.mediationdesk.persistence.DatabaseLocation;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class OrganizationServiceTest {
    @TempDir
    Path dir;
    private Database db;

    @BeforeEach
    void open() {
        db = Database.open(DatabaseLocation.parse(dir.resolve("org").toString()), true);
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void givesCommunitiesAndCommitteesTheNextFreeCode() {
        List<String> codes = db.write(tx -> {
            Community nanchi = OrganizationService.createCommunity(tx, "南池村");
            Community dongyue = OrganizationService.createCommunity(tx, " 东岳社区 ");
            Committee committee = OrganizationService.createCommittee(tx, "南池村人民调解委员会", null,
                    CommitteeKind.COMMUNITY, nanchi.id());
            return List.of(nanchi.code(), dongyue.code(), dongyue.name(), committee.code(), committee.shortName());
        });

        assertThat(codes).containsExactly("SQ001", "SQ002", "东岳社区", "TW001", "南池村");
        List<Committee> committees = db.read(tx -> tx.organization().committees());
        assertThat(committees).singleElement()
                .satisfies(c -> assertThat(c.kind()).isEqualTo(CommitteeKind.COMMUNITY));
    }

    @Test
    void numbersAfterTheHighestCodeInUseEvenWithGapsAndOtherCodes() {
        db.write(tx -> {
            tx.organization().insertCommunity("SQ007", "北山村");
            tx.organization().insertCommunity("C01", "河湾村");
            return null;
        });

        assertThat(db.write(tx -> OrganizationService.createCommunity(tx, "柳林村")).code()).isEqualTo("SQ008");
        assertThat(OrganizationService.nextCode("TW", List.of("TW999"))).isEqualTo("TW1000");
        assertThat(OrganizationService.nextCode("TW", List.of())).isEqualTo("TW001");
    }

    @Test
    void derivesTheShortNameByStrippingTheCommitteeTitle() {
        assertThat(OrganizationService.shortNameOf("南池村人民调解委员会")).isEqualTo("南池村");
        assertThat(OrganizationService.shortNameOf("金宝新区调委会")).isEqualTo("金宝新区");
        assertThat(OrganizationService.shortNameOf("医疗纠纷调解中心")).isEqualTo("医疗纠纷调解中心");
        assertThat(OrganizationService.shortNameOf("人民调解委员会")).isEqualTo("人民调解委员会");
    }

    @Test
    void keepsAGivenShortName() {
        Committee committee = db.write(tx -> OrganizationService.createCommittee(tx, "金宝新区人民调解委员会", "金宝",
                CommitteeKind.JURISDICTION, null));

        assertThat(committee.shortName()).isEqualTo("金宝");
    }

    @Test
    void refusesBlankTooLongAndTakenNames() {
        db.write(tx -> OrganizationService.createCommunity(tx, "南池村"));

        assertThat(communityProblems(" ")).containsExactly(Problem.of(Field.NAME, "rule.required"));
        assertThat(communityProblems("长".repeat(101))).containsExactly(Problem.of(Field.NAME, "rule.name.tooLong", 100));
        assertThat(communityProblems("南池村")).containsExactly(Problem.of(Field.NAME, "org.community.nameTaken", "南池村"));
        List<Community> communities = db.read(tx -> tx.organization().communities());
        assertThat(communities).hasSize(1);
    }

    @Test
    void refusesACommitteeWithABadShortNameOrWithoutItsCommunity() {
        ValidationException e = catchThrowableOfType(ValidationException.class, () -> db.write(tx ->
                OrganizationService.createCommittee(tx, "村".repeat(31) + "人民调解委员会", null, CommitteeKind.COMMUNITY,
                        null)));

        assertThat(e.problems()).containsExactly(
                Problem.of(Field.SHORT_NAME, "org.shortName.tooLong", "村".repeat(31), 30),
                Problem.of(Field.COMMUNITY, "org.committee.communityMissing"));
        assertThat(catchThrowableOfType(ValidationException.class, () -> db.write(tx ->
                OrganizationService.createCommittee(tx, "新区人民调解委员会", null, CommitteeKind.JURISDICTION, 42L)))
                .problems()).containsExactly(Problem.of(Field.COMMUNITY, "org.committee.communityUnknown", 42L));
        List<Committee> committees = db.read(tx -> tx.organization().committees());
        assertThat(committees).isEmpty();
    }

    @Test
    void refusesASecondCommitteeOfTheSameName() {
        db.write(tx -> OrganizationService.createCommittee(tx, "新区人民调解委员会", null, CommitteeKind.JURISDICTION, null));

        assertThat(catchThrowableOfType(ValidationException.class, () -> db.write(tx ->
                OrganizationService.createCommittee(tx, "新区人民调解委员会", "新区二", CommitteeKind.JURISDICTION, null)))
                .problems()).containsExactly(Problem.of(Field.NAME, "org.committee.nameTaken", "新区人民调解委员会"));
    }

    private List<Problem> communityProblems(String name) {
        ValidationException e = catchThrowableOfType(ValidationException.class,
                () -> db.write(tx -> OrganizationService.createCommunity(tx, name)));
        return e.problems();
    }
}
