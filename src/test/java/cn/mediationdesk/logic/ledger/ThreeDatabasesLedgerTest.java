package cn.mediationdesk.logic.ledger;

import cn.mediationdesk.logic.organization.OrganizationService;
import cn.mediationdesk.logic.share.LanAddresses;
import cn.mediationdesk.logic.share.SharingService;
import cn.mediationdesk.logic.share.SharingService.Sharing;
import cn.mediationdesk.logic.tally.Grouping;
import cn.mediationdesk.logic.tally.TallyQuery;
import cn.mediationdesk.logic.tally.TallyService;
import cn.mediationdesk.model.User;
import cn.mediationdesk.persistence.Database;
import cn.mediationdesk.persistence.DatabaseLocation;
import cn.mediationdesk.persistence.PostgresTestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The same ledger imported, through the same import service, into the three kinds of database the
 * application works on: an embedded H2 file, an H2 file another PC serves over TCP as {@code serve}
 * does (reached with the connection string and password it hands out), and a PostgreSQL schema.
 * Every summary is the same on all three, at every grouping and as-of day, and is the sample's own.
 */
@Tag("postgres")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ThreeDatabasesLedgerTest {
    private static final String JURISDICTION = "示例新区";
    private static final List<LocalDate> AS_OF_DAYS = List.of(LocalDate.of(2022, 3, 31), LocalDate.of(2022, 6, 30),
            LocalDate.of(2022, 12, 31), LocalDate.of(2023, 6, 30), LocalDate.of(2024, 6, 30));

    @TempDir
    static Path dir;

    private Database embedded;
    private Database host;
    private Sharing sharing;
    private Database served;
    private String schema;
    private Database postgres;
    /** The three as the importer and the tally see them, by a name for the messages. */
    private final Map<String, Database> databases = new LinkedHashMap<>();
    private final Map<String, ImportReport> reports = new LinkedHashMap<>();

    @BeforeAll
    void importTheSampleIntoEach() {
        embedded = withJurisdiction(Database.open(DatabaseLocation.parse(dir.resolve("embedded").toString()), true));

        host = withJurisdiction(Database.open(DatabaseLocation.parse(dir.resolve("host").toString()), true));
        int port = freePort();
        sharing = new SharingService(host, LedgerTestDatabase.CLOCK, User.setup(), dir.resolve("host-settings"))
                .start(port);
        String url = LanAddresses.connectionString("127.0.0.1", port);
        served = Database.open(new DatabaseLocation.Url(url).withPassword(sharing.password().text()), false);

        schema = PostgresTestServer.createSchema();
        postgres = withJurisdiction(Database.open(DatabaseLocation.parse(PostgresTestServer.url("test", schema)), true));

        databases.put("embedded H2", embedded);
        databases.put("served H2", served);
        databases.put("PostgreSQL", postgres);
        for (var database : databases.entrySet()) {
            reports.put(database.getKey(), new LedgerImporter(database.getValue(), LedgerTestDatabase.CLOCK, User.setup())
                    .importLedger(LedgerTestDatabase.fixture("ledger_sample.csv"), new ImportOptions(false, true, null)));
        }
    }

    @AfterAll
    void closeAndDrop() throws Exception {
        List<AutoCloseable> all = new ArrayList<>();
        all.add(served);
        if (sharing != null) {
            all.add(sharing.server());
        }
        all.add(host);
        all.add(embedded);
        all.add(postgres);
        for (AutoCloseable closeable : all) {
            if (closeable != null) {
                closeable.close();
            }
        }
        if (schema != null) {
            PostgresTestServer.dropSchema(schema); // and the roles its migration made, which belong to the server
        }
    }

    private static Database withJurisdiction(Database database) {
        new OrganizationService(database, User.setup()).createJurisdiction(JURISDICTION,
                LedgerTestDatabase.CLOCK.instant());
        return database;
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void theServedDatabaseIsReachedOverTcpAndEachImportReadTheWholeLedger() {
        assertThat(served.databaseLocation()).isInstanceOf(DatabaseLocation.Url.class);
        assertThat(((DatabaseLocation.Url) served.databaseLocation()).isH2Server()).isTrue();
        assertThat(postgres.databaseLocation()).isInstanceOf(DatabaseLocation.Url.class);
        ImportReport first = reports.get("embedded H2");
        assertThat(first.added()).isPositive();
        assertThat(reports.values()).allSatisfy(report -> {
            assertThat(report.added()).isEqualTo(first.added());
            assertThat(report.createdCommunities()).isEqualTo(first.createdCommunities());
        });
        long leads = embedded.read(tx -> tx.leads().count());
        assertThat(leads).isEqualTo(first.added());
        for (var database : databases.entrySet()) {
            long there = database.getValue().read(tx -> tx.leads().count());
            assertThat(there).as(database.getKey()).isEqualTo(leads);
        }
    }

    static List<Grouping> groupings() {
        return List.of(Grouping.values());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("groupings")
    void everySummaryIsTheSameOnAllThree(Grouping grouping) {
        List<TallyQuery> queries = new ArrayList<>();
        for (LocalDate asOf : AS_OF_DAYS) {
            queries.add(TallyQuery.of(grouping, LocalDate.of(2022, 1, 1), LocalDate.of(2022, 12, 31), asOf));
            queries.add(TallyQuery.of(grouping, null, null, asOf));
        }
        for (TallyQuery query : queries) {
            var onEmbedded = new TallyService(embedded).summarize(query);
            assertThat(onEmbedded.total().counts().leads()).as("%s: something is counted", query).isPositive();
            assertThat(new TallyService(served).summarize(query)).as("served H2, %s", query).isEqualTo(onEmbedded);
            assertThat(new TallyService(postgres).summarize(query)).as("PostgreSQL, %s", query).isEqualTo(onEmbedded);
        }
    }

    static List<Map<String, Object>> expectedSummaries() throws IOException {
        return LedgerSampleTallyTest.expectedSummaries();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("expectedSummaries")
    void eachGivesTheSamplesExpectedSummary(Map<String, Object> expected) {
        TallyQuery query = LedgerSampleTallyTest.queryOf(expected);
        for (var database : databases.entrySet()) {
            var result = new TallyService(database.getValue()).summarize(query);
            try {
                LedgerSampleTallyTest.assertIsTheExpectedSummary(result, expected);
            } catch (AssertionError e) {
                throw new AssertionError(database.getKey() + ": " + e.getMessage(), e);
            }
        }
    }
}
