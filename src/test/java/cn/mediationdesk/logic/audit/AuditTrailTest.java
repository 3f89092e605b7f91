package cn.mediationdesk.logic.audit;

import cn.mediationdesk.model.User;
import cn.mediationdesk.logic.l10n.Localization;
import cn.mediationdesk.logic.lifecycle.LifecycleService;
import cn.mediationdesk.logic.lifecycle.NewLead;
import cn.mediationdesk.logic.organization.OrganizationService;
import cn.mediationdesk.logic.security.SettingsFolder;
import cn.mediationdesk.logic.store.AuditRecord;
import cn.mediationdesk.model.AuditChange;
import cn.mediationdesk.model.AuditEntry;
import cn.mediationdesk.model.CommitteeKind;
import cn.mediationdesk.model.Lead;
import cn.mediationdesk.model.Role;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static cn.mediationdesk.logic.audit.AuditTestDatabase.quoted;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The trail as the services write it: each service records its own changes, sealed in the settings
 * folder ({@code mediationdesk.settings}), which every test points at a folder of its own.
 */
class AuditTrailTest {
    private static final Localization ENGLISH = new Localization(Localization.ENGLISH);

    @TempDir
    Path dir;

    private AuditTestDatabase db;
    private String previousSettings;

    @BeforeEach
    void open() {
        previousSettings = System.setProperty(SettingsFolder.PROPERTY, dir.resolve("settings").toString());
        db = new AuditTestDatabase(dir);
    }

    @AfterEach
    void close() {
        try {
            db.close();
        } finally {
            if (previousSettings == null) {
                System.clearProperty(SettingsFolder.PROPERTY);
            } else {
                System.setProperty(SettingsFolder.PROPERTY, previousSettings);
            }
        }
    }

    private static List<String> lines(AuditVerification result) {
        return result.problems().stream().map(p -> p.describe(ENGLISH)).toList();
    }

    @Test
    void changesAreChainedSealedAndVerifyIntact() {
        Lead lead = db.register("XS-001");
        db.verify(lead);
        db.register("XS-002");
        db.addUser("zhangli");

        AuditVerification result = db.verifyTrail();

        assertThat(result.problems()).isEmpty();
        assertThat(result.notes()).isEmpty();
        // lead.register, lead.verify, lead.register, account.firstAdmin, account.add
        assertThat(result.entries()).isEqualTo(5);
        List<AuditEntry> all = db.store().read(tx -> db.trail().entries(tx, AuditFilter.newest(10)));
        assertThat(all).extracting(AuditEntry::action).containsExactly(AuditAction.ACCOUNT_ADD.code(), AuditAction.ACCOUNT_FIRST_ADMIN.code(), AuditAction.LEAD_REGISTER.code(),
                        AuditAction.LEAD_VERIFY.code(), AuditAction.LEAD_REGISTER.code());
        UUID chainId = db.store().read(tx -> tx.audit().chain()).orElseThrow().chainId();
        AuditHead head = db.seal().head(chainId).orElseThrow();
        assertThat(head.seq()).isEqualTo(5);
        java.util.Optional<AuditHead> current = db.store().read(tx -> db.trail().head(tx));
        assertThat(current).contains(head);
    }

    @Test
    void aLeadsHistoryShowsWhatChangedWithPersonalNumbersMasked() {
        Lead lead = db.register("XS-001");
        db.verify(lead);

        List<AuditEntry> history = db.store().read(tx -> db.trail().history(tx, lead.id()));

        assertThat(history).extracting(AuditEntry::action).containsExactly(AuditAction.LEAD_REGISTER.code(), AuditAction.LEAD_VERIFY.code());
        AuditEntry registered = history.getFirst();
        assertThat(registered.actor()).isEqualTo(User.setup().username());
        assertThat(history.get(1).actor()).isEqualTo(User.setup().username());
        assertThat(registered.committeeId()).isEqualTo(db.committeeId);
        assertThat(registered.changes()).contains(new AuditChange("party[0].name", null, "张某"),
                new AuditChange("party[0].idNumber", null, "110105********002X"),
                new AuditChange("party[0].phone", null, "138****5678"),
                new AuditChange("summary", null, "张某与李某因排水沟堵塞发生纠纷"));
        assertThat(registered.changes()).noneMatch(c -> c.field().startsWith("transition"))
                .noneMatch(c -> c.field().equals("version"));
        assertThat(history.get(1).changes()).contains(new AuditChange("verificationResult", null, "GENUINE"),
                new AuditChange("verifiedOn", null, "2022-03-03"));
    }

    @Test
    void nothingIsAppendedWhenNothingChanged() {
        Lead lead = db.register("XS-001");
        db.store().write(tx -> {
            db.trail().leadChanged(tx, "tester", AuditAction.LEAD_UPDATE, db.trail().snapshotLead(tx, lead.id()), lead.id());
            return null;
        });
        assertThat(db.verifyTrail().entries()).isEqualTo(1);
    }

    @Test
    void entriesAreFoundByActorLeadCommitteeAndPeriod() {
        Lead first = db.register("XS-001");                                   // 1, by setup
        User director = db.addUser("director", Role.DIRECTOR);               // 2 firstAdmin, 3 account.add
        db.verify(db.lifecycleAs(director), first);                           // 4, by director
        db.register("XS-002");                                                // 5, by admin
        db.store().write(tx -> {                                              // 6, an event
            db.trail().event(tx, director.username(), AuditAction.PRINT_FULL_DATA, AuditTrail.LEAD, first.id().toString(), first.id(),
                    db.committeeId, "agreement");
            return null;
        });
        var trail = db.trail();
        List<AuditEntry> byDirector = db.store().read(tx -> trail.entries(tx,
                new AuditFilter("director", null, null, null, null, 10)));
        assertThat(byDirector).extracting(AuditEntry::action).containsExactly(AuditAction.PRINT_FULL_DATA.code(), AuditAction.LEAD_VERIFY.code());
        assertThat(byDirector.getFirst().changes()).containsExactly(new AuditChange("detail", null, "agreement"));
        assertThat(byDirector.getFirst().stateDigest()).isNull();
        List<AuditEntry> ofLead = db.store().read(tx -> trail.entries(tx,
                new AuditFilter(null, first.id(), null, null, null, 10)));
        assertThat(ofLead).hasSize(3);
        List<AuditEntry> ofCommitteeThatDay = db.store().read(tx -> trail.entries(tx, new AuditFilter(null, null,
                db.committeeId, LocalDate.of(2022, 12, 31), LocalDate.of(2022, 12, 31), 2)));
        assertThat(ofCommitteeThatDay).extracting(AuditEntry::seq).containsExactly(6L, 5L);
        List<AuditEntry> later = db.store().read(tx -> trail.entries(tx, new AuditFilter(null, null, null,
                LocalDate.of(2023, 1, 1), null, 10)));
        assertThat(later).isEmpty();
        assertThat(db.verifyTrail().problems()).as("an event changes no state").isEmpty();
    }

    @Test
    void aLeadEditedWithPlainSqlIsNamed() {
        Lead lead = db.register("XS-001");
        db.verify(lead);
        db.register("XS-002");

        db.behindTheBack("UPDATE lead SET summary = '另一回事' WHERE id = " + quoted(lead.id()));
        AuditVerification result = db.verifyTrail();

        assertThat(lines(result)).containsExactly("Lead XS-001 was changed outside the application after entry 2.");
    }

    @Test
    void aPartyEditedWithPlainSqlNamesItsLead() {
        Lead lead = db.register("XS-001");
        db.register("XS-002");

        db.behindTheBack("UPDATE party SET name = '王某' WHERE lead_id = " + quoted(lead.id()) + " AND position = 0");
        assertThat(lines(db.verifyTrail())).containsExactly("Lead XS-001 was changed outside the application after entry 1.");

        db.behindTheBack("UPDATE party SET name = '张某', id_number = '110105194912310038' WHERE lead_id = "
                + quoted(lead.id()) + " AND position = 0");
        assertThat(lines(db.verifyTrail())).containsExactly("Lead XS-001 was changed outside the application after entry 1.");

        db.behindTheBack("UPDATE party SET id_number = '11010519491231002X' WHERE lead_id = "
                + quoted(lead.id()) + " AND position = 0");
        assertThat(db.verifyTrail().problems()).as("put back as it was").isEmpty();
    }

    @Test
    void aLeadAddedOrDeletedWithPlainSqlIsNamed() {
        Lead lead = db.register("XS-001");
        db.register("XS-002");

        db.behindTheBack("DELETE FROM lead WHERE id = " + quoted(lead.id()),
                "INSERT INTO lead (id, committee_id, community_id, lead_no, found_on, source_code, dispute_type_code,"
                        + " summary, created_at, updated_at) VALUES ('" + UUID.randomUUID() + "', " + db.committeeId
                        + ", " + db.communityId + ", 'XS-009', DATE '2022-05-01', 'SCREENING', 'NEIGHBOR', '伪造',"
                        + " TIMESTAMP WITH TIME ZONE '2023-01-05 10:00:00+08', TIMESTAMP WITH TIME ZONE '2023-01-05 10:00:00+08')");

        assertThat(lines(db.verifyTrail())).containsExactly(
                "Lead XS-009 was added outside the application: the audit trail has no entry for it.",
                "Lead " + lead.id() + " was deleted outside the application after entry 1.");
    }

    @Test
    void leadsFromBeforeTheTrailBeganAreNoProblem() {
        // Registered before the trail's first entry (which starts the chain), as in an upgraded database.
        new LifecycleService(db.store(), AuditTestDatabase.CLOCK, User.setup())
                .register(new NewLead(db.committeeId, db.communityId, null, "OLD-1",
                        LocalDate.of(2021, 3, 1), "SCREENING", "NEIGHBOR", "旧线索", 2, null, null, false, false, List.of()));
        db.register("XS-001");
        assertThat(db.verifyTrail().problems()).isEmpty();
    }

    @Test
    void anAuditEntryEditedWithPlainSqlIsNamed() {
        Lead lead = db.register("XS-001");
        db.verify(lead);
        db.register("XS-002");

        db.behindTheBack("UPDATE audit_entry SET changes = '[]' WHERE seq = 2");
        AuditVerification result = db.verifyTrail();

        assertThat(result.firstProblem().orElseThrow().seq()).isEqualTo(2);
        assertThat(lines(result)).containsExactly("Entry 2 was altered: its content no longer matches its hash.");
    }

    @Test
    void deletingTheNewestEntriesIsNoticedThroughTheHeadOutsideTheDatabase() {
        Lead lead = db.register("XS-001");
        db.verify(lead);
        db.register("XS-002");
        db.addUser("zhangli");
        String secondHash = db.store().read(tx -> tx.audit().page(1, 1)).getFirst().hash();

        // Even with the chain row in the database put back to match, the head in the settings folder remembers.
        db.behindTheBack("DELETE FROM audit_entry WHERE seq > 2",
                "UPDATE audit_chain SET last_seq = 2, last_hash = '" + secondHash + "'");
        AuditVerification result = db.verifyTrail();

        assertThat(lines(result).getFirst()).isEqualTo(
                "Entries 3 to 5 are missing: the newest entries were deleted, or the database lost its last commits.");
        assertThat(result.firstProblem().orElseThrow().seq()).isEqualTo(3);
    }

    @Test
    void aChainRecomputedWithoutTheKeyFailsItsSeals() throws Exception {
        Lead lead = db.register("XS-001");
        db.verify(lead);
        db.register("XS-002");

        // Someone who knows the chain rule (but not the key) changes entry 2 and recomputes every hash after it.
        try (Connection connection = db.closeAndConnect()) {
            List<AuditRecord> entries = new ArrayList<>();
            try (Statement statement = connection.createStatement();
                 ResultSet rs = statement.executeQuery("SELECT * FROM audit_entry ORDER BY seq")) {
                while (rs.next()) {
                    entries.add(new AuditRecord(rs.getLong("seq"), rs.getObject("recorded_at", OffsetDateTime.class).toInstant(),
                            rs.getString("actor"), rs.getString("action"), rs.getString("entity"), rs.getString("entity_id"),
                            rs.getObject("lead_id", UUID.class), rs.getLong("committee_id"), rs.getString("changes"),
                            rs.getString("state_digest"), rs.getString("key_id"), rs.getString("hash"), rs.getString("mac")));
                }
            }
            String previous = entries.getFirst().hash();
            for (AuditRecord e : entries.subList(1, entries.size())) {
                AuditRecord forged = e.seq() == 2 ? new AuditRecord(e.seq(), e.at(), "someone-else", e.action(), e.entity(),
                        e.entityId(), e.leadId(), e.committeeId(), e.changes(), e.stateDigest(), e.keyId(), null, null) : e;
                previous = AuditChain.hash(previous, forged);
                try (PreparedStatement update = connection.prepareStatement(
                        "UPDATE audit_entry SET actor = ?, hash = ? WHERE seq = ?")) {
                    update.setString(1, forged.actor());
                    update.setString(2, previous);
                    update.setLong(3, e.seq());
                    update.executeUpdate();
                }
            }
            try (PreparedStatement update = connection.prepareStatement("UPDATE audit_chain SET last_hash = ?")) {
                update.setString(1, previous);
                update.executeUpdate();
            }
        }
        db.reopen();
        AuditVerification result = db.verifyTrail();

        assertThat(lines(result)).containsExactly(
                "Entries 2 to 3 do not carry the seal of their key: the audit trail was rewritten without the key.",
                "Entry 3 is not the entry recorded outside the database: the audit trail was rewritten.");
    }

    @Test
    void aPasswordHashEditedWithPlainSqlNamesTheUser() {
        db.register("XS-001");
        db.addUser("zhangli");

        db.behindTheBack("UPDATE app_user SET password_hash = '$2a$12$anotherhashanotherhashanotherhashanotherhashanotherha'"
                + " WHERE username = 'zhangli'");

        assertThat(lines(db.verifyTrail())).containsExactly("User zhangli was changed outside the application after entry 3.");
    }

    @Test
    void aUsersChangesNeverShowThePasswordHashAndIgnoreFailedLogins() {
        User zhangli = db.addUser("zhangli", Role.MEDIATOR);
        long id = zhangli.id();
        db.store().write(tx -> {
            tx.users().updateLockout(id, 3, null);
            return null;
        });
        assertThat(db.verifyTrail().problems()).as("failed logins are no change").isEmpty();

        db.users().changePassword(zhangli, "password-zhangli", "a-new-password-1");
        String hash = db.store().read(tx -> tx.users().passwordHash(id)).orElseThrow();
        List<AuditEntry> entries = db.store().read(tx -> db.trail().entries(tx, AuditFilter.newest(1)));
        AuditEntry changed = entries.getFirst();
        assertThat(changed.action()).isEqualTo(AuditAction.ACCOUNT_CHANGE_PASSWORD.code());
        assertThat(changed.actor()).isEqualTo("zhangli");
        assertThat(changed.changes()).contains(new AuditChange("passwordHash", "******", "******"))
                .noneMatch(c -> hash.equals(c.oldValue()) || hash.equals(c.newValue())
                        || String.valueOf(c.oldValue()).startsWith("$2") || String.valueOf(c.newValue()).startsWith("$2"));
        assertThat(db.verifyTrail().problems()).isEmpty();
    }

    @Test
    void anOrganizationRecordEditedWithPlainSqlIsNamed() {
        // 1 account.firstAdmin, 2 committee.update
        new OrganizationService(db.store(), db.admin()).updateCommittee(db.committeeId, "TW001", "金宝新区人民调解委员会",
                "金宝新区", CommitteeKind.JURISDICTION, null);
        List<AuditEntry> newest = db.store().read(tx -> db.trail().entries(tx, AuditFilter.newest(1)));
        assertThat(newest).singleElement()
                .extracting(AuditEntry::action, AuditEntry::actor).containsExactly(AuditAction.COMMITTEE_UPDATE.code(), "admin");
        assertThat(db.verifyTrail().problems()).isEmpty();

        db.behindTheBack("UPDATE committee SET short_name = '金宝' WHERE id = " + db.committeeId);

        assertThat(lines(db.verifyTrail())).containsExactly(
                "The committee 金宝新区人民调解委员会 was changed outside the application after entry 2.");
    }

    @Test
    void onAnotherPcTheEntriesOfTheFirstAreNotedNotFailed() {
        Lead lead = db.register("XS-001");
        // The database is taken to another PC, whose settings folder holds no key of this chain.
        System.setProperty(SettingsFolder.PROPERTY, dir.resolve("other-settings").toString());
        AuditSeal otherPc = AuditSeal.inSettingsFolder();
        Lead verified = db.verify(db.lifecycleAs(User.setup()), lead);
        db.store().write(tx -> {
            new AuditTrail(AuditTestDatabase.CLOCK, otherPc).event(tx, "setup", AuditAction.PRINT_FULL_DATA, AuditTrail.LEAD,
                    lead.id().toString(), lead.id(), db.committeeId, null);
            return null;
        });
        assertThat(verified.verificationResult()).isNotNull();
        System.setProperty(SettingsFolder.PROPERTY, dir.resolve("settings").toString());

        AuditVerification there = new AuditVerifier(otherPc).verify(db.store());
        AuditVerification here = db.verifyTrail();

        assertThat(there.problems()).isEmpty();
        assertThat(there.notes()).extracting(n -> n.describe(ENGLISH)).singleElement().asString()
                .startsWith("Entries 1 to 1 (1 in all) were sealed on another PC");
        assertThat(here.problems()).isEmpty();
        assertThat(here.notes()).extracting(AuditFinding::key).containsExactly("audit.note.otherKey");
    }

    @Test
    void concurrentAppendsTakeTurnsOnTheChainRow() throws Exception {
        db.register("XS-001");
        var pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            List<java.util.concurrent.Future<?>> done = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                String detail = "view " + i;
                done.add(pool.submit(() -> db.store().write(tx -> {
                    db.trail().event(tx, "director", AuditAction.PRINT_FULL_DATA, AuditTrail.DATABASE, null, null, null, detail);
                    return null;
                })));
            }
            for (var future : done) {
                future.get();
            }
        } finally {
            pool.shutdown();
        }
        AuditVerification result = db.verifyTrail();
        assertThat(result.problems()).isEmpty();
        assertThat(result.entries()).isEqualTo(21);
        UUID chainId = db.store().read(tx -> tx.audit().chain()).orElseThrow().chainId();
        assertThat(db.seal().head(chainId).orElseThrow().seq()).isEqualTo(21);
    }

    @Test
    void theHeadIsRecordedOnlyWhenTheTransactionCommits() {
        db.register("XS-001");
        UUID chainId = db.store().read(tx -> tx.audit().chain()).orElseThrow().chainId();

        assertThatThrownBy(() -> db.store().write(tx -> {
            db.trail().event(tx, "admin", AuditAction.IMPORT_ADD, AuditTrail.DATABASE, null, null, null, "10 leads");
            throw new IllegalStateException("rolled back");
        })).hasMessageContaining("rolled back");

        assertThat(db.seal().head(chainId).orElseThrow().seq()).isEqualTo(1);
        assertThat(db.verifyTrail().problems()).isEmpty();
    }

    @Test
    void theKeyIsKeptOutsideTheDatabaseForItsOwnerOnly() throws Exception {
        db.register("XS-001");
        UUID chainId = db.store().read(tx -> tx.audit().chain()).orElseThrow().chainId();
        Path key = dir.resolve("settings/audit/" + chainId + ".key");
        assertThat(db.seal().folder()).isEqualTo(dir.resolve("settings/audit"));
        assertThat(key).exists();
        if (key.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(key))).isEqualTo("rw-------");
        }
        Path exported = dir.resolve("backup/db.head");
        AuditSeal.exportHead(db.store().read(tx -> db.trail().head(tx)).orElseThrow(), exported);
        assertThat(AuditSeal.readHead(exported)).isEqualTo(db.seal().head(chainId));
    }
}
