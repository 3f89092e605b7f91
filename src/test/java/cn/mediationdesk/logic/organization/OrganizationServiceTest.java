package cn.mediationdesk.logic.organization;

import cn.mediationdesk.model.ConsentWay;
import cn.mediationdesk.logic.lifecycle.ConsentInput;
import cn.mediationdesk.model.User;
import cn.mediationdesk.logic.ValidationException;
import cn.mediationdesk.logic.lifecycle.LifecycleService;
import cn.mediationdesk.logic.lifecycle.NewLead;
import cn.mediationdesk.model.Committee;
import cn.mediationdesk.model.CommitteeKind;
import cn.mediationdesk.model.Community;
import cn.mediationdesk.model.Grid;
import cn.mediationdesk.model.Lead;
import cn.mediationdesk.model.Person;
import cn.mediationdesk.model.PersonRole;
import cn.mediationdesk.model.RiskLevel;
import cn.mediationdesk.model.VerificationResult;
import cn.mediationdesk.model.Problem.Field;
import cn.mediationdesk.model.Problem;
import cn.mediationdesk.persistence.Database;
import cn.mediationdesk.persistence.TestStores;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class OrganizationServiceTest {
    @TempDir
    Path dir;
    private Database db;

    @BeforeEach
    void open() {
        db = TestStores.fresh(dir, "org");
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

    @Test
    void takesAGivenCodeAndRefusesOneTakenRegardlessOfCaseOrMalformed() {
        Community given = db.write(tx -> OrganizationService.createCommunity(tx, "C-01", "河湾村"));
        assertThat(given.code()).isEqualTo("C-01");

        assertThat(problems(() -> db.write(tx -> OrganizationService.createCommunity(tx, "c-01", "柳林村"))))
                .containsExactly(Problem.of(Field.CODE, "org.community.codeTaken", "c-01"));
        assertThat(problems(() -> db.write(tx -> OrganizationService.createCommunity(tx, "社区 1", "柳林村"))))
                .containsExactly(Problem.of(Field.CODE, "org.code.invalid", "社区 1"));
        assertThat(problems(() -> db.write(tx -> OrganizationService.createCommunity(tx, "S".repeat(33), "柳林村"))))
                .containsExactly(Problem.of(Field.CODE, "org.code.tooLong", 32));
        // A blank code is no problem on creation: the next free one is taken.
        assertThat(db.write(tx -> OrganizationService.createCommunity(tx, " ", "柳林村")).code()).isEqualTo("SQ001");
    }

    @Test
    void renamesAndRecodesACommunityKeepingItsIdAndLeavingTheOthersNamesTaken() {
        Community nanchi = db.write(tx -> OrganizationService.createCommunity(tx, "南池村"));
        db.write(tx -> OrganizationService.createCommunity(tx, "东岳社区"));

        Community renamed = db.write(tx -> OrganizationService.updateCommunity(tx, nanchi.id(), "NC01", " 南池社区 "));

        assertThat(renamed).isEqualTo(new Community(nanchi.id(), "NC01", "南池社区", true));
        List<Community> communities = db.read(tx -> tx.organization().communities());
        assertThat(communities).contains(renamed);
        // Its own name and code may stay as they are; another community's may not be taken.
        Community unchanged = db.write(tx -> OrganizationService.updateCommunity(tx, nanchi.id(), "NC01", "南池社区"));
        assertThat(unchanged).isEqualTo(renamed);
        assertThat(problems(() -> db.write(tx -> OrganizationService.updateCommunity(tx, nanchi.id(), "SQ002", "东岳社区"))))
                .containsExactly(Problem.of(Field.CODE, "org.community.codeTaken", "SQ002"),
                        Problem.of(Field.NAME, "org.community.nameTaken", "东岳社区"));
        assertThat(problems(() -> db.write(tx -> OrganizationService.updateCommunity(tx, nanchi.id(), "", ""))))
                .containsExactly(Problem.of(Field.CODE, "rule.required"), Problem.of(Field.NAME, "rule.required"));
    }

    @Test
    void deactivatesAndReactivatesInsteadOfDeleting() {
        Community nanchi = db.write(tx -> OrganizationService.createCommunity(tx, "南池村"));
        Committee committee = db.write(tx -> OrganizationService.createCommittee(tx, "南池村人民调解委员会", null,
                CommitteeKind.COMMUNITY, nanchi.id()));
        Grid grid = db.write(tx -> OrganizationService.createGrid(tx, nanchi.id(), "第一网格", null));
        Person person = db.write(tx -> OrganizationService.createPerson(tx, "王芳", PersonRole.FULL_TIME_MEDIATOR,
                committee.id(), null));

        db.write(tx -> {
            OrganizationService.setCommunityActive(tx, nanchi.id(), false);
            OrganizationService.setCommitteeActive(tx, committee.id(), false);
            OrganizationService.setGridActive(tx, grid.id(), false);
            return OrganizationService.setPersonActive(tx, person.id(), false);
        });
        OrganizationChart off = db.read(OrganizationService::chart);
        assertThat(off.communities()).singleElement().satisfies(c -> assertThat(c.active()).isFalse());
        assertThat(off.committees()).singleElement().satisfies(c -> assertThat(c.active()).isFalse());
        assertThat(off.grids()).singleElement().satisfies(g -> assertThat(g.active()).isFalse());
        assertThat(off.people()).singleElement().satisfies(p -> assertThat(p.active()).isFalse());

        db.write(tx -> OrganizationService.setCommitteeActive(tx, committee.id(), true));
        assertThat(db.read(OrganizationService::chart).committees()).containsExactly(committee);
    }

    @Test
    void keepsADeactivatedCommunityOnItsCommitteeButRefusesItForNewOnes() {
        Community nanchi = db.write(tx -> OrganizationService.createCommunity(tx, "南池村"));
        Committee committee = db.write(tx -> OrganizationService.createCommittee(tx, "南池村人民调解委员会", null,
                CommitteeKind.COMMUNITY, nanchi.id()));
        db.write(tx -> OrganizationService.setCommunityActive(tx, nanchi.id(), false));

        Committee renamed = db.write(tx -> OrganizationService.updateCommittee(tx, committee.id(), committee.code(),
                "南池村调委会", "南池", CommitteeKind.COMMUNITY, nanchi.id()));
        assertThat(renamed.communityId()).isEqualTo(nanchi.id());

        assertThat(problems(() -> db.write(tx -> OrganizationService.createCommittee(tx, "南池第二调委会", null,
                CommitteeKind.COMMUNITY, nanchi.id()))))
                .containsExactly(Problem.of(Field.COMMUNITY, "org.community.inactive", "南池村"));
        assertThat(problems(() -> db.write(tx -> OrganizationService.createGrid(tx, nanchi.id(), "第一网格", null))))
                .containsExactly(Problem.of(Field.COMMUNITY, "org.community.inactive", "南池村"));
    }

    @Test
    void changesACommitteesShortNameForFutureCaseNumbersOnly() {
        Committee committee = db.write(tx -> OrganizationService.createCommittee(tx, "金宝新区人民调解委员会", "金宝",
                CommitteeKind.JURISDICTION, null));
        db.write(tx -> tx.leads().nextCaseNumber(committee.id(), 2022));
        assertThat(db.read(OrganizationService::chart).hasIssuedCaseNumbers(committee.id())).isTrue();

        Committee changed = db.write(tx -> OrganizationService.updateCommittee(tx, committee.id(), "TW009",
                "金宝新区人民调解委员会", "金宝新区", CommitteeKind.JURISDICTION, null));

        assertThat(changed.shortName()).isEqualTo("金宝新区");
        assertThat(changed.code()).isEqualTo("TW009");
        assertThat(problems(() -> db.write(tx -> OrganizationService.updateCommittee(tx, committee.id(), "TW009",
                "金宝新区人民调解委员会", " ", CommitteeKind.JURISDICTION, null))))
                .containsExactly(Problem.of(Field.SHORT_NAME, "rule.required"));
    }

    @Test
    void addsGridsWithTheirGridWorkerAndNamesThemUniquelyPerCommunity() {
        Community nanchi = db.write(tx -> OrganizationService.createCommunity(tx, "南池村"));
        Community dongyue = db.write(tx -> OrganizationService.createCommunity(tx, "东岳社区"));
        Person worker = db.write(tx -> OrganizationService.createPerson(tx, "李强", PersonRole.GRID_WORKER, null,
                "13800138000"));

        Grid first = db.write(tx -> OrganizationService.createGrid(tx, nanchi.id(), " 第一网格 ", worker.id()));
        db.write(tx -> OrganizationService.createGrid(tx, dongyue.id(), "第一网格", null));

        assertThat(first).isEqualTo(new Grid(first.id(), nanchi.id(), "第一网格", worker.id(), true));
        assertThat(problems(() -> db.write(tx -> OrganizationService.createGrid(tx, nanchi.id(), "第一网格", null))))
                .containsExactly(Problem.of(Field.NAME, "org.grid.nameTaken", "南池村", "第一网格"));
        Grid renamed = db.write(tx -> OrganizationService.updateGrid(tx, first.id(), "第二网格", null));
        assertThat(renamed).isEqualTo(new Grid(first.id(), nanchi.id(), "第二网格", null, true));
        List<Grid> grids = db.read(tx -> tx.organization().grids());
        assertThat(grids).hasSize(2).contains(renamed);
    }

    @Test
    void refusesAGridWorkerWhoIsNoneOrOutOfUse() {
        Community nanchi = db.write(tx -> OrganizationService.createCommunity(tx, "南池村"));
        Committee committee = db.write(tx -> OrganizationService.createCommittee(tx, "南池村人民调解委员会", null,
                CommitteeKind.COMMUNITY, nanchi.id()));
        Person mediator = db.write(tx -> OrganizationService.createPerson(tx, "王芳", PersonRole.FULL_TIME_MEDIATOR,
                committee.id(), null));
        Person retired = db.write(tx -> OrganizationService.createPerson(tx, "赵军", PersonRole.GRID_WORKER, null, null));
        db.write(tx -> OrganizationService.setPersonActive(tx, retired.id(), false));

        assertThat(problems(() -> db.write(tx -> OrganizationService.createGrid(tx, nanchi.id(), "第一网格", mediator.id()))))
                .containsExactly(Problem.of(Field.GRID, "org.grid.notAGridWorker", "王芳"));
        assertThat(problems(() -> db.write(tx -> OrganizationService.createGrid(tx, nanchi.id(), "第一网格", retired.id()))))
                .containsExactly(Problem.of(Field.GRID, "rule.person.unknown"));
        List<Grid> grids = db.read(tx -> tx.organization().grids());
        assertThat(grids).isEmpty();
    }

    @Test
    void addsAndEditsPeopleCheckingTheirPhoneAndTheCommitteeOfMediators() {
        Committee committee = db.write(tx -> OrganizationService.createCommittee(tx, "金宝新区人民调解委员会", "金宝",
                CommitteeKind.JURISDICTION, null));

        Person adviser = db.write(tx -> OrganizationService.createPerson(tx, " 陈律师 ", PersonRole.LEGAL_ADVISER, null,
                "0827 1234567"));
        assertThat(adviser).isEqualTo(new Person(adviser.id(), "陈律师", PersonRole.LEGAL_ADVISER, null, "08271234567", true));

        assertThat(problems(() -> db.write(tx -> OrganizationService.createPerson(tx, "", PersonRole.FULL_TIME_MEDIATOR,
                null, "12345"))))
                .containsExactly(Problem.of(Field.NAME, "rule.required"),
                        Problem.of(Field.COMMITTEE, "org.person.committeeRequired"),
                        Problem.of(Field.PHONE, "rule.phone.invalid", "12345"));

        Person mediator = db.write(tx -> OrganizationService.updatePerson(tx, adviser.id(), "陈静",
                PersonRole.PART_TIME_MEDIATOR, committee.id(), ""));
        assertThat(mediator).isEqualTo(new Person(adviser.id(), "陈静", PersonRole.PART_TIME_MEDIATOR, committee.id(),
                null, true));
        List<Person> people = db.read(tx -> tx.organization().people());
        assertThat(people).containsExactly(mediator);

        db.write(tx -> OrganizationService.setCommitteeActive(tx, committee.id(), false));
        // Staying in a committee that was later deactivated is fine; joining one is not.
        db.write(tx -> OrganizationService.updatePerson(tx, adviser.id(), "陈静", PersonRole.PART_TIME_MEDIATOR,
                committee.id(), "13800138000"));
        assertThat(problems(() -> db.write(tx -> OrganizationService.createPerson(tx, "周敏", PersonRole.PART_TIME_MEDIATOR,
                committee.id(), null))))
                .containsExactly(Problem.of(Field.COMMITTEE, "rule.committee.unknown"));
    }

    @Test
    void aNewShortNameShowsInTheNextCaseNumberAndNeverInThoseIssued() {
        Clock clock = Clock.fixed(Instant.parse("2022-06-30T04:00:00Z"), ZoneId.of("Asia/Shanghai"));
        Community community = db.write(tx -> {
            tx.organization().insertJurisdiction("金宝新区", clock.instant());
            return OrganizationService.createCommunity(tx, "南池村");
        });
        Committee committee = db.write(tx -> OrganizationService.createCommittee(tx, "金宝新区人民调解委员会", "金宝",
                CommitteeKind.JURISDICTION, null));
        LifecycleService lifecycle = new LifecycleService(db, clock, User.setup());
        Lead first = accept(lifecycle, committee, community);

        db.write(tx -> OrganizationService.updateCommittee(tx, committee.id(), committee.code(), committee.name(),
                "金宝新区", CommitteeKind.JURISDICTION, null));
        Lead second = accept(lifecycle, committee, community);

        assertThat(lifecycle.file(first.id()).lead().caseNumber().text()).isEqualTo("(2022)金宝人调字第001号");
        assertThat(second.caseNumber().text()).isEqualTo("(2022)金宝新区人调字第002号");
    }

    private static Lead accept(LifecycleService lifecycle, Committee committee, Community community) {
        Lead lead = lifecycle.register(new NewLead(committee.id(), community.id(), null, null, LocalDate.of(2022, 6, 1),
                "SCREENING", "NEIGHBOR", "邻居因排水沟发生争执", 2, null, RiskLevel.BLUE, false, false, List.of()));
        Lead verified = lifecycle.verify(lead.id(), lead.version(), VerificationResult.GENUINE, LocalDate.of(2022, 6, 2),
                null, null);
        return lifecycle.accept(verified.id(), verified.version(), null, List.of(), new ConsentInput(verified.foundOn(), ConsentWay.SIGNED_REGISTRATION, null));
    }

    private static List<Problem> problems(org.assertj.core.api.ThrowableAssert.ThrowingCallable work) {
        return catchThrowableOfType(ValidationException.class, work).problems();
    }

    private List<Problem> communityProblems(String name) {
        ValidationException e = catchThrowableOfType(ValidationException.class,
                () -> db.write(tx -> OrganizationService.createCommunity(tx, name)));
        return e.problems();
    }
}
