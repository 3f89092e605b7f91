package cn.mediationdesk.logic.exchange;

import cn.mediationdesk.model.ConsentWay;
import cn.mediationdesk.logic.lifecycle.ConsentInput;
import cn.mediationdesk.logic.ValidationException;
import cn.mediationdesk.logic.audit.AuditSeal;
import cn.mediationdesk.logic.audit.AuditVerifier;
import cn.mediationdesk.logic.exchange.PackageService.ConflictRow;
import cn.mediationdesk.logic.exchange.PackageService.ImportReport;
import cn.mediationdesk.logic.lifecycle.LifecycleService;
import cn.mediationdesk.logic.lifecycle.NewLead;
import cn.mediationdesk.logic.tally.Grouping;
import cn.mediationdesk.logic.tally.TallyQuery;
import cn.mediationdesk.logic.tally.TallyService;
import cn.mediationdesk.logic.store.DelegatingStore;
import cn.mediationdesk.logic.store.Store;
import cn.mediationdesk.model.Committee;
import cn.mediationdesk.model.Lead;
import cn.mediationdesk.model.User;
import cn.mediationdesk.model.VerificationResult;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static cn.mediationdesk.logic.exchange.ExchangeFixture.clockOn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Exporting a committee from one database and importing it into another, on real H2 files in a temporary folder. */
class PackageServiceTest {
    private static final Clock JULY_1 = clockOn(LocalDate.of(2024, 7, 1));
    private static final Clock JULY_2 = clockOn(LocalDate.of(2024, 7, 2));
    private static final Clock JULY_3 = clockOn(LocalDate.of(2024, 7, 3));
    private static final Clock JULY_10 = clockOn(LocalDate.of(2024, 7, 10));

    @TempDir
    Path dir;

    private ExchangeFixture pcs;
    /** The committee's own PC, with the demo. */
    private Store committeePc;
    /** The governance office, with only the jurisdiction at first. */
    private Store office;
    private Committee committee;

    @BeforeEach
    void twoOffices() {
        pcs = new ExchangeFixture(dir);
        committeePc = pcs.demo("committee");
        office = pcs.empty("office", "金宝新区");
        committee = committeePc.read(tx -> tx.organization().committees().get(2));
        // every demo case is closed by now: one in mediation leaves something to change
        ExchangeFixture.newCase(committeePc, ExchangeFixture.DEMO_DAY, committee.id(), "相邻两户因院墙发生纠纷");
    }

    @AfterEach
    void close() {
        pcs.close();
    }

    private Path export(Clock clock, LocalDate since, String name) {
        Path file = pcs.file(name);
        ExchangeFixture.packages(committeePc, clock).export(committee.code(), since, null, file);
        return file;
    }

    private ImportReport receive(Path file, Clock clock) {
        return ExchangeFixture.packages(office, clock).importPackage(file, false);
    }

    @Test
    void aCommitteeArrivesWhole() throws Exception {
        int leads = ExchangeFixture.leads(committeePc, committee.id()).size();
        assertThat(leads).isPositive();
        ImportReport report = receive(export(JULY_1, null, "all.mdpkg"), JULY_2);

        assertThat(report.committeeCreated()).as("the office had never seen the committee").isTrue();
        assertThat(report.firstContact()).isTrue();
        assertThat(report.senderFingerprint()).isEqualTo(ExchangeFixture.packages(committeePc, JULY_1).ownFingerprint());
        assertThat(report.added()).isEqualTo(leads);
        assertThat(report.updated() + report.unchanged() + report.skipped()).isZero();
        assertThat(report.conflicts()).isEmpty();

        TallyQuery year = TallyQuery.of(Grouping.TYPE, LocalDate.of(2022, 1, 1), LocalDate.of(2022, 12, 31),
                LocalDate.of(2022, 12, 31));
        Committee received = ExchangeFixture.committee(office, committee.code());
        assertThat(new TallyService(office).summarize(year.withCommittee(received.id())).total())
                .isEqualTo(new TallyService(committeePc).summarize(year.withCommittee(committee.id())).total());
        assertThat(new AuditVerifier(AuditSeal.inSettingsFolder()).verify(office).intact())
                .as("every lead added is accounted for on the office's own trail").isTrue();

        pcs.closeAll();
        Map<String, List<List<Object>>> sent = pcs.dump("committee", committee.code());
        assertThat(sent.get("party")).as("parties travel with their full data").isNotEmpty();
        assertThat(sent.get("mediation_session")).isNotEmpty();
        assertThat(sent.get("agreement")).isNotEmpty();
        assertThat(pcs.dump("office", committee.code())).isEqualTo(sent);
        assertThat(pcs.auditHistory("office", committee.code(), true))
                .as("the leads' audit history, kept apart from the office's own chain")
                .isEqualTo(pcs.auditHistory("committee", committee.code(), false)).isNotEmpty();
    }

    @Test
    void theSamePackageTwiceChangesNothingAndSaysSo() throws Exception {
        Path file = export(JULY_1, null, "all.mdpkg");
        receive(file, JULY_2);
        ImportReport again = receive(file, JULY_3);
        assertThat(again.alreadyImported()).isTrue();
        assertThat(again.added() + again.updated() + again.conflicts().size()).isZero();

        ImportReport sameContents = receive(export(JULY_3, null, "again.mdpkg"), JULY_3);
        assertThat(sameContents.alreadyImported()).as("another file").isFalse();
        assertThat(sameContents.unchanged()).isEqualTo(ExchangeFixture.leads(committeePc, committee.id()).size());
        assertThat(sameContents.added() + sameContents.updated() + sameContents.skipped()).isZero();
    }

    @Test
    void aNewerVersionReplacesAnOlderOneAndAnOlderPackageArrivingLateIsSkipped() throws Exception {
        Lead lead = ExchangeFixture.mediating(committeePc, committee.id(), 0);
        Lead other = ExchangeFixture.resolved(committeePc, committee.id());
        Path first = export(JULY_1, null, "first.mdpkg");
        ExchangeFixture.resolve(committeePc, JULY_2, lead.id());
        ExchangeFixture.followUp(committeePc, JULY_2, other.id(), "回访：已履行");
        Path second = export(JULY_3, null, "second.mdpkg");

        ImportReport newer = receive(second, JULY_3);
        ImportReport older = receive(first, JULY_10);
        assertThat(older.skipped()).as("the closed case and the new follow-up are newer here").isEqualTo(2);
        assertThat(older.updated() + older.added() + older.conflicts().size()).isZero();
        assertThat(newer.added()).isEqualTo(older.skipped() + older.unchanged());

        pcs.closeAll();
        assertThat(pcs.dump("office", committee.code())).isEqualTo(pcs.dump("committee", committee.code()));
    }

    @Test
    void packagesInOrderUpdateWhatChanged() throws Exception {
        Lead lead = ExchangeFixture.mediating(committeePc, committee.id(), 0);
        Lead other = ExchangeFixture.resolved(committeePc, committee.id());
        receive(export(JULY_1, null, "first.mdpkg"), JULY_1);
        ExchangeFixture.resolve(committeePc, JULY_2, lead.id());
        ExchangeFixture.followUp(committeePc, JULY_2, other.id(), "回访：已履行");
        ImportReport second = receive(export(JULY_3, null, "second.mdpkg"), JULY_3);
        assertThat(second.updated()).as("a closed case (new version) and a new follow-up (same version, later change)")
                .isEqualTo(2);
        assertThat(second.added() + second.skipped() + second.conflicts().size()).isZero();
        assertThat(ExchangeFixture.lead(office, lead.id()).outcome()).isNotNull();
        assertThat(new AuditVerifier(AuditSeal.inSettingsFolder()).verify(office).intact()).isTrue();

        pcs.closeAll();
        assertThat(pcs.dump("office", committee.code())).isEqualTo(pcs.dump("committee", committee.code()));
    }

    @Test
    void whenBothSidesChangedALeadThePackageWinsAndTheOfficesVersionIsListed() throws Exception {
        Lead lead = ExchangeFixture.mediating(committeePc, committee.id(), 0);
        receive(export(JULY_1, null, "first.mdpkg"), JULY_1);
        ExchangeFixture.session(office, JULY_2, lead.id(), "综治办记录的调解");
        ExchangeFixture.resolve(committeePc, JULY_2, lead.id());
        ImportReport report = receive(export(JULY_3, null, "second.mdpkg"), JULY_3);

        assertThat(report.conflicts()).singleElement().satisfies(conflict -> {
            assertThat(conflict.leadId()).isEqualTo(lead.id());
            assertThat(conflict.keptState()).isEqualTo("RESOLVED");
            assertThat(conflict.replacedState()).isEqualTo("MEDIATING");
            assertThat(conflict.differingFields()).contains("outcome").contains("session");
            assertThat(conflict.open()).isTrue();
        });
        assertThat(ExchangeFixture.lead(office, lead.id()).outcome()).as("the committee's office is the authority")
                .isNotNull();
        PackageService service = ExchangeFixture.packages(office, JULY_3);
        assertThat(service.conflicts(true)).extracting(ConflictRow::label).containsExactly(report.conflicts().getFirst().label());
        assertThat(service.status().committees()).filteredOn(r -> r.code().equals(committee.code()))
                .singleElement().satisfies(r -> assertThat(r.openConflicts()).isEqualTo(1));
        String replaced = office.read(tx -> tx.exchange().conflicts(true).getFirst().replacedData());
        assertThat(replaced).as("the office's own version is kept whole").contains("综治办记录的调解");

        assertThat(new AuditVerifier(AuditSeal.inSettingsFolder()).verify(office).intact())
                .as("the replaced lead is accounted for on the office's own trail").isTrue();

        service.markReviewed(report.conflicts().getFirst().id());
        assertThat(service.conflicts(true)).isEmpty();
        assertThat(service.conflicts(false)).singleElement().satisfies(c -> assertThat(c.open()).isFalse());
    }

    @Test
    void sinceADayCarriesWhatWasFoundOrChangedFromThatDayOn() throws Exception {
        Lead lead = ExchangeFixture.mediating(committeePc, committee.id(), 0);
        Lead other = ExchangeFixture.resolved(committeePc, committee.id());
        receive(export(JULY_1, null, "all.mdpkg"), JULY_1);
        ExchangeFixture.resolve(committeePc, JULY_2, lead.id());
        ExchangeFixture.followUp(committeePc, JULY_10, other.id(), "后来的回访");
        ImportReport since = receive(export(JULY_10, LocalDate.of(2024, 7, 2), "since.mdpkg"), JULY_10);
        assertThat(since.added() + since.updated() + since.unchanged() + since.skipped()).isEqualTo(2);
        assertThat(since.updated()).isEqualTo(2);

        ImportReport later = receive(export(JULY_10, LocalDate.of(2024, 7, 5), "later.mdpkg"), JULY_10);
        assertThat(later.added() + later.updated() + later.unchanged() + later.skipped())
                .as("only the follow-up of July 10").isEqualTo(1);
        pcs.closeAll();
        assertThat(pcs.dump("office", committee.code())).isEqualTo(pcs.dump("committee", committee.code()));
    }

    @Test
    void aForeignJurisdictionIsRefusedAndNothingIsWritten() throws Exception {
        Store elsewhere = pcs.empty("elsewhere", "银宝新区");
        Path file = export(JULY_1, null, "all.mdpkg");
        pcs.closeAll();
        Map<String, Long> before = pcs.counts("elsewhere");
        elsewhere = pcs.open("elsewhere", false);
        Store target = elsewhere;
        assertThatThrownBy(() -> ExchangeFixture.packages(target, JULY_2).importPackage(file, false))
                .isInstanceOfSatisfying(PackageRejectedException.class,
                        e -> assertThat(e.reason()).isEqualTo(PackageRejectedException.Reason.FOREIGN_JURISDICTION));
        pcs.closeAll();
        assertThat(pcs.counts("elsewhere")).isEqualTo(before);
    }

    @Test
    void aPackageOfANewerSchemaIsRefused() {
        Store newer = new NewerSchema(committeePc);
        Path file = pcs.file("newer.mdpkg");
        ExchangeFixture.packages(newer, JULY_1).export(committee.code(), null, null, file);
        assertThatThrownBy(() -> receive(file, JULY_2))
                .isInstanceOfSatisfying(PackageRejectedException.class,
                        e -> assertThat(e.reason()).isEqualTo(PackageRejectedException.Reason.NEWER_SCHEMA));
        assertThat(office.<Long>read(tx -> tx.leads().count())).isZero();
        assertThat(office.<List<Committee>>read(tx -> tx.organization().committees())).isEmpty();
    }

    @Test
    void anotherKeyForTheCommitteeIsRefusedUntilTrustedAndThenRecorded() throws Exception {
        receive(export(JULY_1, null, "first.mdpkg"), JULY_1);
        // the committee's PC was reinstalled and given its data back: the same leads, a new installation key
        Store reinstalled = pcs.empty("reinstalled", "金宝新区");
        ExchangeFixture.packages(reinstalled, JULY_1).importPackage(pcs.file("first.mdpkg"), false);
        Path file = pcs.file("reinstalled.mdpkg");
        ExchangeFixture.packages(reinstalled, JULY_2).export(committee.code(), null, null, file);
        String newFingerprint = ExchangeFixture.packages(reinstalled, JULY_2).ownFingerprint();

        long entries = office.read(tx -> tx.audit().chain().orElseThrow().lastSeq());
        assertThatThrownBy(() -> receive(file, JULY_2))
                .isInstanceOfSatisfying(PackageRejectedException.class, e -> {
                    assertThat(e.reason()).isEqualTo(PackageRejectedException.Reason.KEY_CHANGED);
                    assertThat(e.detail()).contains(newFingerprint);
                });
        assertThat(office.<Long>read(tx -> tx.audit().chain().orElseThrow().lastSeq())).as("nothing written").isEqualTo(entries);
        assertThat(ExchangeFixture.packages(office, JULY_2).senderFingerprint(file)).isEqualTo(newFingerprint);

        ImportReport trusted = ExchangeFixture.packages(office, JULY_2).importPackage(file, true);
        assertThat(trusted.keyTrusted()).isTrue();
        assertThat(ExchangeFixture.packages(office, JULY_2).status().committees())
                .filteredOn(r -> r.code().equals(committee.code()))
                .singleElement().satisfies(r -> assertThat(r.fingerprint()).isEqualTo(newFingerprint));
        assertThat(office.read(tx -> tx.audit().page(0, 10_000)).stream().map(r -> r.action()))
                .contains("package.trustKey");
    }

    @Test
    void damagedFilesAreRefusedByTheContainerAndNothingIsWritten() throws Exception {
        Path file = export(JULY_1, null, "all.mdpkg");
        byte[] bytes = Files.readAllBytes(file);
        Path truncated = pcs.file("truncated.mdpkg");
        Files.write(truncated, java.util.Arrays.copyOf(bytes, bytes.length / 2));
        Path tampered = pcs.file("tampered.mdpkg");
        byte[] changed = bytes.clone();
        changed[bytes.length * 2 / 3] ^= 0x20;
        Files.write(tampered, changed);
        Path notAPackage = pcs.file("notes.txt");
        Files.writeString(notAPackage, "这不是数据包");
        pcs.closeAll();
        Map<String, Long> before = pcs.counts("office");
        office = pcs.open("office", false);
        for (Path damaged : List.of(truncated, tampered, notAPackage)) {
            assertThatThrownBy(() -> receive(damaged, JULY_2)).as(damaged.toString())
                    .isInstanceOf(PackageRejectedException.class);
        }
        pcs.closeAll();
        assertThat(pcs.counts("office")).isEqualTo(before);
    }

    @Test
    void aCaseNumberHeldHereByAnotherLeadRefusesThePackageWhole() throws Exception {
        // the office has the committee already (from an empty package) and accepted a case of its own
        receive(export(JULY_1, LocalDate.of(2099, 1, 1), "organization.mdpkg"), JULY_1);
        Committee here = ExchangeFixture.committee(office, committee.code());
        long communityId = office.read(tx -> tx.organization().communities().getFirst().id());
        LifecycleService lifecycle = new LifecycleService(office, JULY_1, User.setup());
        Lead own = lifecycle.register(new NewLead(here.id(), communityId, null, null, LocalDate.of(2022, 1, 3),
                "SCREENING", "NEIGHBOR", "邻里之间因排水发生争执", null, null, null, false, false, List.of()));
        own = lifecycle.verify(own.id(), own.version(), VerificationResult.GENUINE, LocalDate.of(2022, 1, 3), null, null);
        lifecycle.accept(own.id(), own.version(), LocalDate.of(2022, 1, 3), List.of(), new ConsentInput(own.foundOn(), ConsentWay.SIGNED_REGISTRATION, null));
        Path all = export(JULY_2, null, "all.mdpkg");
        long leads = office.read(tx -> tx.leads().count());

        assertThatThrownBy(() -> receive(all, JULY_2)).isInstanceOfSatisfying(ValidationException.class,
                e -> assertThat(e.problems()).extracting(p -> p.key()).contains("exchange.refused.caseNumberTaken"));
        assertThat(office.<Long>read(tx -> tx.leads().count())).isEqualTo(leads);
        assertThat(ExchangeFixture.packages(office, JULY_2).received()).hasSize(1);
    }

    @Test
    void anEncryptedPackageOpensOnlyAtItsOffice() {
        Path officeKey = pcs.file("office.key");
        String fingerprint = ExchangeFixture.packages(office, JULY_1).exportOfficeKey(officeKey);
        Path file = pcs.file("sealed.mdpkg");
        var made = ExchangeFixture.packages(committeePc, JULY_1).export(committee.code(), null, officeKey, file);
        assertThat(made.recipientFingerprint()).contains(fingerprint);

        Store stranger = pcs.empty("stranger", "金宝新区");
        assertThatThrownBy(() -> ExchangeFixture.packages(stranger, JULY_2).importPackage(file, false))
                .isInstanceOfSatisfying(PackageRejectedException.class, e -> assertThat(e.reason())
                        .isEqualTo(PackageRejectedException.Reason.ENCRYPTED_FOR_ANOTHER_OFFICE));
        assertThat(receive(file, JULY_2).added()).isPositive();
    }

    @Test
    void versionsCompareByNumber() {
        assertThat(PackageService.compareVersions("10", "8")).isPositive();
        assertThat(PackageService.compareVersions("8", "8")).isZero();
        assertThat(PackageService.compareVersions("8", "8.1")).isNegative();
        assertThat(PackageService.compareVersions("", "1")).isNegative();
    }

    /** The sender as a newer version of the application would be: same data, a later schema. */
    private static final class NewerSchema extends DelegatingStore {
        NewerSchema(Store store) {
            super(store);
        }

        @Override
        public String schemaVersion() {
            return "999";
        }

        @Override
        public void close() {
            // the fixture closes the real store
        }
    }
}
