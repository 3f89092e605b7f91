package cn.mediationdesk.persistence;

import cn.mediationdesk.model.ConsentWay;
import cn.mediationdesk.logic.lifecycle.ConsentInput;
import cn.mediationdesk.model.User;
import cn.mediationdesk.logic.lifecycle.AgreementInput;
import cn.mediationdesk.logic.lifecycle.LifecycleService;
import cn.mediationdesk.logic.lifecycle.NewLead;
import cn.mediationdesk.logic.store.Store;
import cn.mediationdesk.logic.tally.Grouping;
import cn.mediationdesk.logic.tally.TallyQuery;
import cn.mediationdesk.logic.tally.TallyResult;
import cn.mediationdesk.logic.tally.TallyRow;
import cn.mediationdesk.logic.tally.TallyService;
import cn.mediationdesk.model.AgreementForm;
import cn.mediationdesk.model.Committee;
import cn.mediationdesk.model.CommitteeKind;
import cn.mediationdesk.model.Community;
import cn.mediationdesk.model.DictionaryEntry;
import cn.mediationdesk.model.DictionaryKind;
import cn.mediationdesk.model.Extension;
import cn.mediationdesk.model.Lead;
import cn.mediationdesk.model.Outcome;
import cn.mediationdesk.model.RiskLevel;
import cn.mediationdesk.model.VerificationResult;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * DESIGN §7: the same schema and queries serve H2 and PostgreSQL. Runs the migrations on a fresh
 * schema of the PostgreSQL server on 127.0.0.1:5432 (database {@code test}, user {@code postgres}),
 * writes one ledger there and into an embedded H2 database, and expects the same tallies from both.
 */
@Tag("postgres")
class PostgresSmokeTest {
    private static final String SERVER = "jdbc:postgresql://127.0.0.1:5432/test?user=postgres";
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2024-01-15T02:00:00Z"), ZoneOffset.UTC);
    private static final List<String> SOURCES = List.of("SCREENING", "GRID_REPORT", "PARTY_APPLICATION", "WALK_IN",
            "POLICE_REFERRAL", "COURT_REFERRAL", "PETITION_REFERRAL", "GOVERNMENT_ASSIGNED", "OTHER");
    private static final List<String> TYPES = List.of("MARRIAGE_FAMILY", "NEIGHBOR", "HOUSING_HOMESTEAD", "CONTRACT",
            "DAMAGES", "LABOR", "PROPERTY_MGMT", "OTHER");

    @TempDir
    Path dir;

    private String schema;
    private Database postgres;
    private Database h2;

    @BeforeEach
    void open() throws SQLException {
        schema = "md_smoke_" + UUID.randomUUID().toString().replace("-", "");
        try (Connection c = DriverManager.getConnection(SERVER); Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA " + schema);
        }
        postgres = Database.open(DatabaseLocation.parse(SERVER + "&currentSchema=" + schema), true);
        h2 = Database.open(DatabaseLocation.parse(dir.resolve("h2").toString()), true);
    }

    @AfterEach
    void dropSchema() throws SQLException {
        if (postgres != null) {
            postgres.close();
        }
        if (h2 != null) {
            h2.close();
        }
        try (Connection c = DriverManager.getConnection(SERVER); Statement s = c.createStatement()) {
            s.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
        }
        PostgresTestServer.dropRoles("test/" + schema); // roles belong to the whole server
    }

    @Test
    void migrationsRunAndTheSeededDictionariesAreThere() {
        List<DictionaryEntry> types = postgres.read(tx -> tx.dictionaries().entries(DictionaryKind.DISPUTE_TYPE));
        Optional<String> limit = postgres.read(tx -> tx.settings().get("case.time_limit_days"));
        assertThat(types).hasSize(15);
        assertThat(limit).contains("30");
    }

    @Test
    void tallyGivesTheSameNumbersAsH2() {
        fill(postgres);
        fill(h2);

        TallyService onPostgres = new TallyService(postgres);
        TallyService onH2 = new TallyService(h2);
        List<TallyQuery> queries = new ArrayList<>();
        LocalDate from = LocalDate.of(2022, 1, 1);
        LocalDate to = LocalDate.of(2022, 12, 31);
        for (Grouping by : Grouping.values()) {
            queries.add(TallyQuery.of(by, from, to, to));
            queries.add(TallyQuery.of(by, null, null, LocalDate.of(2022, 6, 30)));
            queries.add(TallyQuery.of(by, LocalDate.of(2022, 3, 15), null, LocalDate.of(2023, 12, 31)));
        }
        for (TallyQuery query : queries) {
            TallyResult pg = onPostgres.summarize(query);
            TallyResult local = onH2.summarize(query);
            assertThat(describe(pg)).as("%s", query).isEqualTo(describe(local));
        }
        // Filters name a community and a committee by id, which differ between the databases.
        for (Grouping by : Grouping.values()) {
            TallyQuery pgQuery = new TallyQuery(by, from, to, to, communityId(postgres, "C02"), committeeId(postgres, "K01"));
            TallyQuery h2Query = new TallyQuery(by, from, to, to, communityId(h2, "C02"), committeeId(h2, "K01"));
            assertThat(describe(onPostgres.summarize(pgQuery))).isEqualTo(describe(onH2.summarize(h2Query)));
        }

        TallyResult year = onPostgres.summarize(TallyQuery.of(Grouping.COMMITTEE, from, to, to));
        var total = year.total().counts();
        assertThat(total.leads()).as("a ledger that exercises the columns").isPositive();
        assertThat(total.resolved()).isPositive();
        assertThat(total.mediating()).isPositive();
        assertThat(total.overdue()).isPositive();
        assertThat(total.duplicate()).isPositive();
        assertThat(year.rows()).extracting(TallyRow::code).containsExactly("K01", "K02", "K03");
    }

    private static List<String> describe(TallyResult result) {
        List<String> lines = new ArrayList<>();
        for (TallyRow row : result.rows()) {
            lines.add(row.code() + " " + row.nameZh() + " " + row.counts() + " " + row.counts().resolutionRate());
        }
        lines.add(result.total().code() + " " + result.total().counts() + " " + result.total().counts().resolutionRate());
        return lines;
    }

    private static long communityId(Store store, String code) {
        return store.read(tx -> tx.organization().communities()).stream().filter(c -> c.code().equals(code))
                .findFirst().orElseThrow().id();
    }

    private static long committeeId(Store store, String code) {
        return store.read(tx -> tx.organization().committees()).stream().filter(c -> c.code().equals(code))
                .findFirst().orElseThrow().id();
    }

    /** The same ledger in any store: a seeded random mix of every state, some written through the lifecycle service. */
    private static void fill(Database store) {
        store.write(tx -> {
            var org = tx.organization();
            long east = org.insertCommunity("C01", "东山社区");
            long west = org.insertCommunity("C02", "西岭村");
            org.insertCommittee("K01", "东山社区人民调解委员会", "东山", CommitteeKind.COMMUNITY, east);
            org.insertCommittee("K02", "西岭村人民调解委员会", "西岭", CommitteeKind.COMMUNITY, west);
            org.insertCommittee("K03", "金宝新区人民调解委员会", "金宝", CommitteeKind.JURISDICTION, null);
            return null;
        });
        List<Community> communities = store.read(tx -> tx.organization().communities());
        List<Committee> committees = store.read(tx -> tx.organization().committees());
        Random random = new Random(20220101);
        List<Lead> leads = new ArrayList<>();
        List<Extension> extensions = new ArrayList<>();
        for (int i = 0; i < 80; i++) {
            LocalDate found = LocalDate.of(2021, 10, 1).plusDays(random.nextInt(540));
            Lead lead = new Lead(UUID.randomUUID(), committees.get(random.nextInt(3)).id(),
                    communities.get(random.nextInt(2)).id(), null, null, found, SOURCES.get(random.nextInt(SOURCES.size())),
                    TYPES.get(random.nextInt(TYPES.size())), "纠纷线索" + i, null, null,
                    RiskLevel.values()[random.nextInt(4)], false, false, null, null, null, null, null, null, null,
                    null, null, null, null, 0);
            int stage = random.nextInt(10);
            if (stage >= 2) {
                VerificationResult result = stage >= 5 ? VerificationResult.GENUINE
                        : VerificationResult.values()[1 + random.nextInt(3)];
                lead = lead.withVerification(found.plusDays(random.nextInt(10)), result, null,
                        result == VerificationResult.TRANSFERRED ? "区人民法院" : null);
                if (result == VerificationResult.GENUINE && stage >= 6) {
                    LocalDate accepted = lead.verifiedOn().plusDays(random.nextInt(3));
                    lead = lead.withAcceptance(accepted, null, accepted.plusDays(30));
                    if (random.nextBoolean()) {
                        extensions.add(new Extension(UUID.randomUUID(), lead.id(), accepted.plusDays(20),
                                accepted.plusDays(60), "当事人同意延期"));
                    }
                    if (stage >= 7) {
                        lead = lead.withOutcome(accepted.plusDays(random.nextInt(70)),
                                Outcome.values()[random.nextInt(3)]);
                    }
                }
            }
            leads.add(lead);
        }
        store.write(tx -> {
            leads.forEach(l -> tx.leads().insert(l, CLOCK.instant()));
            extensions.forEach(tx.leads()::insertExtension);
            return null;
        });
        // A few through the service, so that its statements run on both databases too.
        LifecycleService lifecycle = new LifecycleService(store, CLOCK, User.setup());
        Lead lead = lifecycle.register(new NewLead(committees.getFirst().id(), communities.getFirst().id(), null, "S-1",
                LocalDate.of(2022, 5, 4), "WALK_IN", "NEIGHBOR", "邻居漏水", 2, null, RiskLevel.YELLOW, false, false, List.of()));
        lead = lifecycle.verify(lead.id(), lead.version(), VerificationResult.GENUINE, LocalDate.of(2022, 5, 5), null, null);
        lead = lifecycle.accept(lead.id(), lead.version(), null, List.of(), new ConsentInput(lead.foundOn(), ConsentWay.SIGNED_REGISTRATION, null));
        lead = lifecycle.extend(lead.id(), lead.version(), LocalDate.of(2022, 5, 30), LocalDate.of(2022, 7, 15), "鉴定");
        lifecycle.close(lead.id(), lead.version(), Outcome.RESOLVED, LocalDate.of(2022, 7, 1),
                new AgreementInput(AgreementForm.ORAL, "经调查核实的纠纷事实", "双方争议事项", null, "赔偿维修费", null, null, null, null));
        Lead duplicate = lifecycle.register(new NewLead(committees.getFirst().id(), communities.getFirst().id(), null,
                "S-2", LocalDate.of(2022, 5, 6), "GRID_REPORT", "NEIGHBOR", "同一漏水", null, null, null, false, false,
                List.of()));
        lifecycle.verify(duplicate.id(), duplicate.version(), VerificationResult.DUPLICATE, LocalDate.of(2022, 5, 7),
                lead.id(), null);
    }
}
