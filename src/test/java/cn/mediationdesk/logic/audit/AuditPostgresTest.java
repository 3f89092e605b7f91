package cn.mediationdesk.logic.audit;

import cn.mediationdesk.model.User;
import cn.mediationdesk.logic.lifecycle.LifecycleService;
import cn.mediationdesk.logic.lifecycle.NewLead;
import cn.mediationdesk.logic.lifecycle.PartyInput;
import cn.mediationdesk.logic.security.SettingsFolder;
import cn.mediationdesk.logic.store.Store;
import cn.mediationdesk.model.CommitteeKind;
import cn.mediationdesk.model.Gender;
import cn.mediationdesk.model.Lead;
import cn.mediationdesk.model.PartyRole;
import cn.mediationdesk.model.VerificationResult;
import cn.mediationdesk.persistence.Database;
import cn.mediationdesk.persistence.DatabaseLocation;
import cn.mediationdesk.persistence.PostgresTestServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The audit trail on PostgreSQL (server on 127.0.0.1:5432, database {@code test}, user {@code postgres}):
 * the same chain rule and the same state digests as on H2, so a verifier reads either.
 */
@Tag("postgres")
class AuditPostgresTest {
    private static final String SERVER = "jdbc:postgresql://127.0.0.1:5432/test?user=postgres";

    @TempDir
    Path dir;

    private String schema;
    private Database postgres;
    private Database h2;
    private String previousSettings;

    @BeforeEach
    void open() throws SQLException {
        previousSettings = System.setProperty(SettingsFolder.PROPERTY, dir.resolve("settings").toString());
        schema = "md_audit_" + UUID.randomUUID().toString().replace("-", "");
        try (Connection c = DriverManager.getConnection(SERVER); Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA " + schema);
        }
        postgres = Database.open(DatabaseLocation.parse(SERVER + "&currentSchema=" + schema), true);
        h2 = Database.open(DatabaseLocation.parse(dir.resolve("h2").toString()), true);
    }

    @AfterEach
    void dropSchema() throws SQLException {
        try {
            postgres.close();
            h2.close();
            try (Connection c = DriverManager.getConnection(SERVER); Statement s = c.createStatement()) {
                s.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
            }
            PostgresTestServer.dropRoles("test/" + schema); // roles belong to the whole server
        } finally {
            if (previousSettings == null) {
                System.clearProperty(SettingsFolder.PROPERTY);
            } else {
                System.setProperty(SettingsFolder.PROPERTY, previousSettings);
            }
        }
    }

    /** A lead registered and verified (both recorded by the service itself), then printed with full data. */
    private static Lead audited(Store store, AuditTrail trail) {
        long[] ids = store.write(tx -> new long[] {
                tx.organization().insertCommunity("SQ001", "金宝社区"),
                tx.organization().insertCommittee("TW001", "金宝新区人民调解委员会", "金宝", CommitteeKind.JURISDICTION, null)});
        LifecycleService lifecycle = new LifecycleService(store, AuditTestDatabase.CLOCK, User.setup());
        Lead lead = lifecycle.register(new NewLead(ids[1], ids[0], null, "XS-001", LocalDate.of(2022, 3, 1),
                "SCREENING", "NEIGHBOR", "张某与李某因排水沟堵塞发生纠纷", 2, new BigDecimal("1500.00"), null, false, false,
                List.of(new PartyInput("张某", Gender.MALE, "11010519491231002X", "13812345678", null, PartyRole.APPLICANT))));
        lifecycle.verify(lead.id(), lead.version(), VerificationResult.GENUINE, LocalDate.of(2022, 3, 3), null, null);
        store.write(tx -> {
            trail.event(tx, User.setup().username(), AuditAction.PRINT_FULL_DATA, AuditTrail.LEAD, lead.id().toString(), lead.id(),
                    null, null);
            return null;
        });
        return lead;
    }

    @Test
    void theTrailVerifiesOnPostgresAndNamesALeadEditedBehindItsBack() throws SQLException {
        AuditSeal seal = AuditSeal.inSettingsFolder();
        Lead lead = audited(postgres, new AuditTrail(AuditTestDatabase.CLOCK, seal));

        AuditVerification intact = new AuditVerifier(seal).verify(postgres);
        assertThat(intact.problems()).isEmpty();
        assertThat(intact.entries()).isEqualTo(3);

        try (Connection c = DriverManager.getConnection(SERVER + "&currentSchema=" + schema);
             Statement s = c.createStatement()) {
            s.executeUpdate("UPDATE party SET name = '王某' WHERE lead_id = '" + lead.id() + "'");
        }
        assertThat(new AuditVerifier(seal).verify(postgres).problems()).extracting(AuditFinding::key)
                .containsExactly("audit.problem.leadChanged");
    }

    @Test
    void theSameLeadHasTheSameStateDigestOnBothDatabases() {
        AuditSeal seal = AuditSeal.inSettingsFolder();
        AuditTrail trail = new AuditTrail(AuditTestDatabase.CLOCK, seal);
        Lead onPostgres = audited(postgres, trail);
        Lead onH2 = audited(h2, trail);

        String pgDigest = postgres.read(tx -> trail.snapshotLead(tx, onPostgres.id())).digest();
        String h2Digest = h2.read(tx -> trail.snapshotLead(tx, onH2.id())).digest();
        assertThat(pgDigest).isEqualTo(h2Digest);
        assertThat(new AuditVerifier(seal).verify(h2).problems()).isEmpty();
    }
}
