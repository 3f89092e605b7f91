package cn.mediationdesk.logic.repeat;

import cn.mediationdesk.logic.PermissionDeniedException;
import cn.mediationdesk.logic.ValidationException;
import cn.mediationdesk.logic.audit.AuditService;
import cn.mediationdesk.logic.ledger.ImportOptions;
import cn.mediationdesk.logic.ledger.ImportReport;
import cn.mediationdesk.logic.ledger.LedgerImporter;
import cn.mediationdesk.logic.lifecycle.LeadFile;
import cn.mediationdesk.logic.lifecycle.LifecycleService;
import cn.mediationdesk.logic.lifecycle.NewLead;
import cn.mediationdesk.logic.lifecycle.PartyInput;
import cn.mediationdesk.logic.lifecycle.PartyRules;
import cn.mediationdesk.logic.organization.OrganizationService;
import cn.mediationdesk.logic.search.LeadFilter;
import cn.mediationdesk.logic.search.LeadListRow;
import cn.mediationdesk.logic.search.LeadSort;
import cn.mediationdesk.logic.security.RoleFixture;
import cn.mediationdesk.logic.tally.Grouping;
import cn.mediationdesk.logic.tally.TallyColumn;
import cn.mediationdesk.logic.tally.TallyQuery;
import cn.mediationdesk.logic.tally.TallyService;
import cn.mediationdesk.model.Committee;
import cn.mediationdesk.model.Lead;
import cn.mediationdesk.model.LeadState;
import cn.mediationdesk.model.Party;
import cn.mediationdesk.model.PartyRole;
import cn.mediationdesk.model.Recurrence;
import cn.mediationdesk.model.RiskLevel;
import cn.mediationdesk.model.User;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static cn.mediationdesk.logic.security.RoleFixture.CLOCK;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Repeat disputes on the demo with one account of each role: matching a lead's parties against earlier
 * leads each way, marking and reopening recurrences, and who may do which.
 */
class RepeatServiceTest {
    @TempDir
    static Path dir;
    static RoleFixture f;
    static long communityId;
    /** Each test's people get ID numbers, phones and names of their own, so tests do not see each other's leads. */
    private static int serial = 100;

    @BeforeAll
    static void demoWithAccounts() {
        f = new RoleFixture(dir);
        communityId = new OrganizationService(f.database, f.admin).chart().communities().getFirst().id();
    }

    @AfterAll
    static void close() {
        f.close();
    }

    private static RepeatService as(User user) {
        return new RepeatService(f.database, CLOCK, user);
    }

    private static LifecycleService lifecycle(User user) {
        return new LifecycleService(f.database, CLOCK, user);
    }

    private static String idNumber(int n) {
        String first17 = "33010619850512" + String.format("%03d", n % 1000);
        return first17 + PartyRules.checkCharacter(first17);
    }

    private static String uniqueName() {
        return "反复" + "甲乙丙丁戊己庚辛壬癸".charAt(serial % 10) + "子丑寅卯辰巳午未申酉".charAt(serial / 10 % 10)
                + (serial++);
    }

    private static PartyInput party(String name, String idNumber, String phone, String address) {
        return new PartyInput(name, null, idNumber, phone, address, PartyRole.APPLICANT);
    }

    private static Lead register(User as, Committee committee, String foundOn, PartyInput... parties) {
        return lifecycle(as).register(new NewLead(committee.id(), communityId, null, null, LocalDate.parse(foundOn),
                "WALK_IN", "NEIGHBOR", "因宅基地边界发生争执", null, null, RiskLevel.YELLOW, false, false,
                List.of(parties)));
    }

    private static List<UUID> earlierIds(User as, Lead lead) {
        return as(as).earlierLeads(lead.id()).stream().map(RelatedLead::leadId).toList();
    }

    // ---- matching ----

    @Test
    void aLeadWhosePartysIdMatchesAnEarlierLeadShowsThatLead() {
        String id = idNumber(serial++);
        Lead earlier = register(f.admin, f.committeeA, "2024-03-01", party(uniqueName(), id, null, null));
        Lead now = register(f.admin, f.committeeA, "2024-05-01", party(uniqueName(), id.toLowerCase(), null, null));

        List<RelatedLead> shown = as(f.admin).earlierLeads(now.id());

        assertThat(shown).extracting(RelatedLead::leadId).containsExactly(earlier.id());
        RelatedLead match = shown.getFirst();
        assertThat(match.matchedBy()).containsExactly(MatchKind.ID_NUMBER);
        assertThat(match.foundOn()).isEqualTo(LocalDate.parse("2024-03-01"));
        assertThat(match.state()).isEqualTo(LeadState.PENDING);
        assertThat(match.committeeName()).isEqualTo(f.committeeA.name());
        assertThat(match.recurredAfter()).isFalse();
    }

    @Test
    void phonesMatchByTheirDigitsHoweverTheyAreWritten() {
        int last4 = 1000 + serial++;
        Lead earlier = register(f.admin, f.committeeA, "2024-03-02", party(uniqueName(), null, "139 0571 " + last4, null));
        Lead now = register(f.admin, f.committeeA, "2024-05-02", party(uniqueName(), null, "1390571" + last4, null));
        Lead other = register(f.admin, f.committeeA, "2024-05-02", party(uniqueName(), null, "13905719999", null));

        assertThat(as(f.admin).earlierLeads(now.id())).singleElement().satisfies(m -> {
            assertThat(m.leadId()).isEqualTo(earlier.id());
            assertThat(m.matchedBy()).containsExactly(MatchKind.PHONE);
        });
        assertThat(earlierIds(f.admin, other)).doesNotContain(earlier.id());
    }

    @Test
    void aNameMatchesOnlyAtTheSameAddress() {
        String name = uniqueName();
        Lead earlier = register(f.admin, f.committeeA, "2024-03-03", party(name, null, null, "金宝新区 幸福路 3 号"));
        Lead sameAddress = register(f.admin, f.committeeA, "2024-05-03", party(name, null, null, "金宝新区幸福路3号"));
        Lead elsewhere = register(f.admin, f.committeeA, "2024-05-03", party(name, null, null, "金宝新区幸福路5号"));
        Lead noAddress = register(f.admin, f.committeeA, "2024-05-03", party(name, null, null, null));

        assertThat(as(f.admin).earlierLeads(sameAddress.id())).singleElement().satisfies(m -> {
            assertThat(m.leadId()).isEqualTo(earlier.id());
            assertThat(m.matchedBy()).containsExactly(MatchKind.NAME_ADDRESS);
            assertThat(m.matchedParties()).containsExactly(name);
        });
        assertThat(earlierIds(f.admin, elsewhere)).doesNotContain(earlier.id());
        assertThat(as(f.admin).earlierLeads(noAddress.id())).isEmpty();
    }

    @Test
    void aLeadFoundLaterIsNotAnEarlierLead() {
        String id = idNumber(serial++);
        Lead first = register(f.admin, f.committeeA, "2024-02-01", party(uniqueName(), id, null, null));
        Lead later = register(f.admin, f.committeeA, "2024-04-01", party(uniqueName(), id, null, null));

        assertThat(as(f.admin).earlierLeads(first.id())).isEmpty();
        assertThat(earlierIds(f.admin, later)).containsExactly(first.id());
    }

    @Test
    void directorsAndMediatorsSeeOnlyTheirOwnCommitteesEarlierLeads() {
        String id = idNumber(serial++);
        Lead inB = register(f.admin, f.committeeB, "2024-01-10", party(uniqueName(), id, null, null));
        Lead inA = register(f.admin, f.committeeA, "2024-01-20", party(uniqueName(), id, null, null));
        Lead now = register(f.directorA, f.committeeA, "2024-06-01", party(uniqueName(), id, null, null));

        assertThat(earlierIds(f.admin, now)).containsExactly(inA.id(), inB.id());
        assertThat(earlierIds(f.directorA, now)).containsExactly(inA.id());
        assertThatThrownBy(() -> as(f.mediatorB).earlierLeads(now.id())).isInstanceOf(PermissionDeniedException.class);
        assertThatThrownBy(() -> as(f.viewer).earlierLeads(now.id())).isInstanceOf(PermissionDeniedException.class);
    }

    @Test
    void importingALeadWhosePartysIdMatchesAnEarlierLeadCountsItAndShowsThatLead() throws Exception {
        String id = idNumber(serial++);
        String name = uniqueName();
        Lead earlier = register(f.admin, f.committeeA, "2024-02-01", party(name, id, null, null));
        String community = new OrganizationService(f.database, f.admin).chart().communities().getFirst().name();
        String leadNo = "R-" + serial++;
        Path ledger = dir.resolve(leadNo + ".csv");
        String header = "线索编号,发现日期,线索来源,社区,调委会,纠纷类型,简要情况,当事人\n";
        java.nio.file.Files.writeString(ledger, header + leadNo + ",2024-03-01,群众来访," + community + ","
                + f.committeeA.name() + ",邻里,院墙滴水," + name + "(申请人)\n");
        LedgerImporter importer = new LedgerImporter(f.database, CLOCK, f.admin);
        ImportOptions options = new ImportOptions(false, false, java.nio.charset.StandardCharsets.UTF_8);

        ImportReport first = importer.importLedger(ledger, options);

        assertThat(first.added()).isEqualTo(1);
        assertThat(first.matchingEarlier()).as("a name alone is no match").isZero();
        Lead imported = f.database.read(tx -> tx.leads().findByLeadNo(f.committeeA.id(), leadNo)).orElseThrow();
        assertThat(lifecycle(f.admin).file(imported.id()).riskAssessments()).singleElement().satisfies(a -> {
            assertThat(a.assessedOn()).isEqualTo(LocalDate.parse("2024-03-01"));
            assertThat(a.assessedBy()).isEqualTo(f.admin.displayName());
        });

        // the party's ID number is entered in the app; the next import of the row keeps it
        lifecycle(f.admin).updateDetails(imported.id(), imported.version(), new NewLead(imported.committeeId(),
                imported.communityId(), null, leadNo, imported.foundOn(), imported.sourceCode(),
                imported.disputeTypeCode(), imported.summary(), null, null, imported.risk(), false, false,
                List.of(new PartyInput(name, null, id, null, null, PartyRole.APPLICANT))));
        java.nio.file.Files.writeString(ledger, header + leadNo + ",2024-03-01,群众来访," + community + ","
                + f.committeeA.name() + ",邻里,院墙滴水又起争执," + name + "(申请人)\n");
        ImportReport second = importer.importLedger(ledger, options);

        assertThat(second.updated()).isEqualTo(1);
        assertThat(second.matchingEarlier()).isEqualTo(1);
        assertThat(second.describe(new cn.mediationdesk.logic.l10n.Localization(
                cn.mediationdesk.logic.l10n.Localization.CHINESE))).last().asString().startsWith("1 条线索的当事人在此前的线索中出现过");
        assertThat(earlierIds(f.admin, imported)).containsExactly(earlier.id());
    }

    // ---- recurrences ----

    @Test
    void aLeadIsMarkedAndUnmarkedAsTheRecurrenceOfAnEarlierOneOnTheAuditTrail() {
        String id = idNumber(serial++);
        Lead earlier = register(f.admin, f.committeeA, "2024-02-05", party(uniqueName(), id, null, null));
        Lead now = register(f.directorA, f.committeeA, "2024-06-05", party(uniqueName(), id, null, null));

        Recurrence mark = as(f.directorA).markRecurrence(now.id(), earlier.id(), "同一宅基地边界");

        assertThat(mark.reopened()).isFalse();
        assertThat(mark.markedOn()).isEqualTo(LocalDate.now(CLOCK));
        assertThat(lifecycle(f.admin).file(now.id()).recurrence()).contains(mark);
        assertThat(as(f.admin).earlierLeads(now.id())).singleElement().extracting(RelatedLead::recurredAfter)
                .isEqualTo(true);
        assertThat(as(f.admin).recurredAfter(now.id())).get().extracting(RelatedLead::leadId).isEqualTo(earlier.id());

        as(f.directorA).unmarkRecurrence(now.id());

        assertThat(lifecycle(f.admin).file(now.id()).recurrence()).isEmpty();
        assertThat(as(f.admin).recurredAfter(now.id())).isEmpty();
        AuditService audit = new AuditService(f.database, CLOCK, f.admin);
        assertThat(audit.history(now.id()).entries()).extracting(e -> e.action())
                .contains("lead.recurrence");
        assertThat(audit.verify().intact()).isTrue();
    }

    @Test
    void onlyAnEarlierLeadReadableByTheActorCanBeTheOneARecurrenceFollows() {
        String id = idNumber(serial++);
        Lead inB = register(f.admin, f.committeeB, "2024-01-11", party(uniqueName(), id, null, null));
        Lead inA = register(f.admin, f.committeeA, "2024-03-11", party(uniqueName(), id, null, null));
        Lead later = register(f.admin, f.committeeA, "2024-04-11", party(uniqueName(), id, null, null));

        assertThatThrownBy(() -> as(f.directorA).markRecurrence(inA.id(), inB.id(), null))
                .isInstanceOf(PermissionDeniedException.class);
        assertThatThrownBy(() -> as(f.viewer).markRecurrence(inA.id(), inB.id(), null))
                .isInstanceOf(PermissionDeniedException.class);
        assertThat(problem(() -> as(f.admin).markRecurrence(inA.id(), later.id(), null)))
                .isEqualTo("rule.repeat.earlierFoundLater");
        assertThat(problem(() -> as(f.admin).markRecurrence(inA.id(), inA.id(), null))).isEqualTo("rule.repeat.notItself");
        assertThat(problem(() -> as(f.admin).markRecurrence(inA.id(), UUID.randomUUID(), null)))
                .isEqualTo("rule.repeat.earlierUnknown");
        assertThat(problem(() -> as(f.admin).unmarkRecurrence(inA.id()))).isEqualTo("rule.repeat.notMarked");
        assertThat(lifecycle(f.admin).file(inA.id()).recurrence()).isEmpty();

        // An administrator links across committees.
        as(f.admin).markRecurrence(inA.id(), inB.id(), null);
        assertThat(lifecycle(f.admin).file(inA.id()).recurrence()).get().extracting(Recurrence::earlierLeadId)
                .isEqualTo(inB.id());
    }

    @Test
    void reopeningAClosedCaseMakesANewLeadCountedInTheTallyAndLeavesTheClosedCaseAsItWas() {
        Lead closed = closedCaseOf(f.committeeA);
        LeadFile closedBefore = lifecycle(f.admin).file(closed.id());
        LocalDate today = LocalDate.now(CLOCK);
        TallyQuery thisYear = new TallyQuery(Grouping.COMMITTEE, LocalDate.of(2022, 1, 1), today, today, null, null);
        TallyQuery ofTheClosed = new TallyQuery(Grouping.COMMITTEE, closed.foundOn(), closed.foundOn(), today, null, null);
        var totalBefore = new TallyService(f.database).summarize(thisYear).total().counts();
        var closedDayBefore = new TallyService(f.database).summarize(ofTheClosed).total().counts();

        Lead reopened = as(f.directorA).reopen(closed.id(), new ReopenInput(null, null, null, "回访发现纠纷再起"));

        assertThat(reopened.foundOn()).isEqualTo(today);
        assertThat(reopened.committeeId()).isEqualTo(closed.committeeId());
        assertThat(reopened.communityId()).isEqualTo(closed.communityId());
        assertThat(reopened.disputeTypeCode()).isEqualTo(closed.disputeTypeCode());
        assertThat(reopened.sourceCode()).isEqualTo(closed.sourceCode());
        assertThat(reopened.summary()).startsWith("矛盾反复：").contains(closed.summary().substring(0, 4));
        assertThat(reopened.stateOn(today)).isEqualTo(LeadState.PENDING);
        LeadFile file = lifecycle(f.admin).file(reopened.id());
        assertThat(file.parties()).extracting(Party::name)
                .containsExactlyElementsOf(closedBefore.parties().stream().map(Party::name).toList());
        assertThat(file.recurrence()).get().satisfies(r -> {
            assertThat(r.earlierLeadId()).isEqualTo(closed.id());
            assertThat(r.reopened()).isTrue();
            assertThat(r.note()).isEqualTo("回访发现纠纷再起");
        });
        assertThat(file.riskAssessments()).singleElement().satisfies(a -> {
            assertThat(a.assessedOn()).isEqualTo(today);
            assertThat(a.assessedBy()).isEqualTo(f.directorA.displayName());
        });

        assertThat(lifecycle(f.admin).file(closed.id())).isEqualTo(closedBefore);
        var totalAfter = new TallyService(f.database).summarize(thisYear).total().counts();
        assertThat(totalAfter.leads()).isEqualTo(totalBefore.leads() + 1);
        assertThat(totalAfter.pending()).isEqualTo(totalBefore.pending() + 1);
        assertThat(totalAfter.resolved()).isEqualTo(totalBefore.resolved());
        assertThat(new TallyService(f.database).summarize(ofTheClosed).total().counts()).isEqualTo(closedDayBefore);
        assertThat(new AuditService(f.database, CLOCK, f.admin).history(reopened.id()).entries())
                .extracting(e -> e.action()).containsExactly("lead.reopen");
    }

    @Test
    void reopeningIsRefusedForAnOpenLeadABadDayAndOtherCommitteesCases() {
        Lead open = register(f.admin, f.committeeA, "2024-06-01", party(uniqueName(), null, null, null));
        Lead closed = closedCaseOf(f.committeeA);
        long leadsBefore = f.database.read(tx -> tx.leads().count());

        assertThat(problem(() -> as(f.admin).reopen(open.id(), new ReopenInput(null, null, null, null))))
                .isEqualTo("rule.repeat.reopenNeedsClosed");
        assertThat(problem(() -> as(f.admin).reopen(closed.id(),
                new ReopenInput(LocalDate.now(CLOCK).plusDays(1), null, null, null)))).isEqualTo("rule.date.future");
        assertThat(problem(() -> as(f.admin).reopen(closed.id(),
                new ReopenInput(closed.closedOn().minusDays(1), null, null, null)))).startsWith("rule.");
        assertThat(problem(() -> as(f.admin).reopen(closed.id(), new ReopenInput(null, "NO_SUCH", null, null))))
                .isEqualTo("rule.repeat.unknownSource");
        assertThatThrownBy(() -> as(f.mediatorB).reopen(closed.id(), new ReopenInput(null, null, null, null)))
                .isInstanceOf(PermissionDeniedException.class);
        assertThatThrownBy(() -> as(f.viewer).reopen(closed.id(), new ReopenInput(null, null, null, null)))
                .isInstanceOf(PermissionDeniedException.class);
        long leadsAfter = f.database.read(tx -> tx.leads().count());
        assertThat(leadsAfter).isEqualTo(leadsBefore);
    }

    // ---- people and addresses with the most leads ----

    @Test
    void peopleAndAddressesWithTheMostLeadsAreListedWithTheirLeadsInTheActorsCommittee() {
        String id = idNumber(serial++);
        String name = uniqueName();
        String address = "金宝新区和平街" + serial + "号";
        Lead a1 = register(f.admin, f.committeeA, "2023-07-01", party(name, id, null, address));
        Lead a2 = register(f.admin, f.committeeA, "2023-08-01", party(name, id, null, address));
        Lead a3 = register(f.admin, f.committeeA, "2023-09-01", party(uniqueName(), null, null, address));
        Lead b1 = register(f.admin, f.committeeB, "2023-09-02", party(name, id, null, null));
        LocalDate from = LocalDate.parse("2023-07-01");
        LocalDate to = LocalDate.parse("2023-12-31");

        Repeaters forAdmin = as(f.admin).repeaters(from, to);
        Repeater person = forAdmin.people().stream().filter(p -> id.equals(p.idNumber())).findFirst().orElseThrow();
        assertThat(person.leads()).isEqualTo(3);
        assertThat(as(f.admin).leadsOf(person, from, to)).extracting(RelatedLead::leadId)
                .containsExactly(b1.id(), a2.id(), a1.id());
        Repeater place = forAdmin.addresses().stream().filter(p -> address.equals(p.address())).findFirst().orElseThrow();
        assertThat(place.leads()).isEqualTo(3);
        assertThat(as(f.admin).leadsOf(place, from, to)).extracting(RelatedLead::leadId)
                .containsExactly(a3.id(), a2.id(), a1.id());

        Repeaters forDirector = as(f.directorA).repeaters(from, to);
        assertThat(forDirector.people()).filteredOn(p -> id.equals(p.idNumber())).singleElement()
                .extracting(Repeater::leads).isEqualTo(2);
        assertThat(as(f.directorA).leadsOf(person, from, to)).extracting(RelatedLead::leadId)
                .containsExactly(a2.id(), a1.id());
        assertThat(as(f.mediatorB).repeaters(from, to).people()).noneMatch(p -> id.equals(p.idNumber()));
        assertThatThrownBy(() -> as(f.viewer).repeaters(from, to)).isInstanceOf(PermissionDeniedException.class);
    }

    // ---- helpers ----

    private static Lead closedCaseOf(Committee committee) {
        LocalDate today = LocalDate.now(CLOCK);
        LeadFilter resolved = LeadFilter.all(today).withCommittee(committee.id()).withColumn(TallyColumn.RESOLVED);
        List<LeadListRow> rows = f.database.read(tx -> tx.search().page(resolved, LeadSort.DEFAULT, 0, 50));
        UUID id = rows.get(serial++ % rows.size()).id();
        return f.database.read(tx -> tx.leads().find(id)).orElseThrow();
    }

    private static String problem(Runnable action) {
        try {
            action.run();
        } catch (ValidationException e) {
            return e.problems().getFirst().key();
        }
        throw new AssertionError("no problem found");
    }
}
