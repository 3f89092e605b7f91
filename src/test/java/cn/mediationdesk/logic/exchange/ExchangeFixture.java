package cn.mediationdesk.logic.exchange;

import cn.mediationdesk.model.ConsentWay;
import cn.mediationdesk.logic.lifecycle.SessionInput;
import cn.mediationdesk.logic.lifecycle.ConsentInput;
import cn.mediationdesk.logic.demo.DemoJurisdiction;
import cn.mediationdesk.logic.lifecycle.AgreementInput;
import cn.mediationdesk.logic.lifecycle.LifecycleService;
import cn.mediationdesk.logic.organization.OrganizationService;
import cn.mediationdesk.logic.security.SettingsFolder;
import cn.mediationdesk.logic.store.Store;
import cn.mediationdesk.model.AgreementForm;
import cn.mediationdesk.model.Committee;
import cn.mediationdesk.model.Lead;
import cn.mediationdesk.model.Outcome;
import cn.mediationdesk.model.User;
import cn.mediationdesk.persistence.Database;
import cn.mediationdesk.persistence.DatabaseLocation;
import cn.mediationdesk.persistence.TestStores;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Databases for the exchange tests, each in a folder of its own under the test's temporary folder
 * (the "PCs"), with the audit trail's keys in a settings folder of the test's own. Every store of
 * these tests is opened here, through {@link TestStores}: embedded H2 files, or in the PostgreSQL
 * half of the suite a fresh schema per "PC" (the same schema each time that PC is opened again).
 */
final class ExchangeFixture implements AutoCloseable {
    static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    /** The demo is made "today" = 2024-06-30; later changes happen on later days. */
    static final Clock DEMO_DAY = clockOn(LocalDate.of(2024, 6, 30));

    private final Path dir;
    private final String settingsBefore;
    private final List<Database> open = new ArrayList<>();

    ExchangeFixture(Path dir) {
        this.dir = dir;
        settingsBefore = System.getProperty(SettingsFolder.PROPERTY);
        System.setProperty(SettingsFolder.PROPERTY, dir.resolve("settings").toString());
    }

    static Clock clockOn(LocalDate day) {
        return Clock.fixed(day.atTime(10, 0).atZone(CHINA).toInstant(), CHINA);
    }

    static Clock clockAt(LocalDate day, int hour) {
        return Clock.fixed(day.atTime(hour, 0).atZone(CHINA).toInstant(), CHINA);
    }

    /** Where the database of one "PC" lives in this run. */
    DatabaseLocation location(String pc) {
        return TestStores.location(dir.resolve(pc), "db");
    }

    Path file(String name) {
        return dir.resolve(name);
    }

    /** Opens (creating when asked) the database of one "PC". */
    Database open(String pc, boolean create) {
        Database database = Database.open(location(pc), create);
        open.add(database);
        return database;
    }

    /** A new database holding the demo jurisdiction. */
    Database demo(String pc) {
        Database database = open(pc, true);
        new DemoJurisdiction(database, DEMO_DAY).create();
        return database;
    }

    /** A new database holding only a jurisdiction, as {@code init} makes it. */
    Database empty(String pc, String jurisdiction) {
        Database database = open(pc, true);
        new OrganizationService(database, User.setup()).createJurisdiction(jurisdiction, DEMO_DAY.instant());
        return database;
    }

    static PackageService packages(Store store, Clock clock) {
        return new PackageService(store, clock, User.setup());
    }

    static Committee committee(Store store, String code) {
        return store.read(tx -> tx.organization().committees().stream().filter(c -> c.code().equals(code))
                .findFirst().orElseThrow());
    }

    static List<Lead> leads(Store store, long committeeId) {
        return store.read(tx -> tx.exchange().leadIds(committeeId, null, null).stream()
                .map(id -> tx.leads().find(id).orElseThrow()).toList());
    }

    static Lead lead(Store store, UUID id) {
        return store.read(tx -> tx.leads().find(id).orElseThrow());
    }

    /** A case of the committee still in mediation. */
    static Lead mediating(Store store, long committeeId, int which) {
        return leads(store, committeeId).stream().filter(l -> l.acceptedOn() != null && l.closedOn() == null)
                .skip(which).findFirst().orElseThrow();
    }

    /** Closes a mediating case as resolved on {@code clock}'s day: a change that raises the lead's version. */
    static Lead resolve(Store store, Clock clock, UUID leadId) {
        Lead lead = lead(store, leadId);
        return new LifecycleService(store, clock, User.setup()).close(leadId, lead.version(), Outcome.RESOLVED,
                LocalDate.now(clock), new AgreementInput(AgreementForm.ORAL, "经调查核实的纠纷事实", "双方争议事项", null, "双方自愿达成协议", null, null, null, null));
    }

    /** Registers, verifies and accepts a new case of the committee on {@code clock}'s day: it stays in mediation. */
    static Lead newCase(Store store, Clock clock, long committeeId, String summary) {
        LocalDate today = LocalDate.now(clock);
        long communityId = store.read(tx -> tx.organization().communities().getFirst().id());
        LifecycleService lifecycle = new LifecycleService(store, clock, User.setup());
        Lead lead = lifecycle.register(new cn.mediationdesk.logic.lifecycle.NewLead(committeeId, communityId, null,
                null, today, "SCREENING", "NEIGHBOR", summary, 2, null, null, false, false,
                List.of(new cn.mediationdesk.logic.lifecycle.PartyInput("张某", null, null, null, null,
                        cn.mediationdesk.model.PartyRole.APPLICANT))));
        lead = lifecycle.verify(lead.id(), lead.version(), cn.mediationdesk.model.VerificationResult.GENUINE, today,
                null, null);
        return lifecycle.accept(lead.id(), lead.version(), today, List.of(), new ConsentInput(lead.foundOn(), ConsentWay.SIGNED_REGISTRATION, null));
    }

    /** A case of the committee closed as resolved. */
    static Lead resolved(Store store, long committeeId) {
        return leads(store, committeeId).stream().filter(l -> l.outcome() == Outcome.RESOLVED).findFirst().orElseThrow();
    }

    /** Records a follow-up visit: a change to a part that leaves the lead's row (and version) as it was. */
    static void followUp(Store store, Clock clock, UUID leadId, String notes) {
        new LifecycleService(store, clock, User.setup()).recordFollowUp(leadId,
                new cn.mediationdesk.logic.lifecycle.FollowUpInput(LocalDate.now(clock),
                store.read(tx -> tx.leads().parties(leadId).getFirst().name()), cn.mediationdesk.model.FollowUpWay.VISIT,
                "了解协议履行情况", cn.mediationdesk.model.Performance.PERFORMED, cn.mediationdesk.model.Satisfaction.SATISFIED, false, notes));
    }

    /** Records a mediation session: a change to a part that leaves the lead's row (and version) as it was. */
    static void session(Store store, Clock clock, UUID leadId, String notes) {
        new LifecycleService(store, clock, User.setup()).recordSession(leadId, new SessionInput(LocalDate.now(clock), "调解室", "双方",
                notes, "纠纷调解", "记录员", true, true));
    }

    /**
     * Every table that holds a committee's leads, as rows of natural keys (codes and names instead of
     * the numeric ids that differ between databases). Needs the database closed.
     */
    Map<String, List<List<Object>>> dump(String pc, String committeeCode) throws SQLException {
        Map<String, String> queries = new LinkedHashMap<>();
        String leads = "SELECT l.id FROM lead l JOIN committee c ON c.id = l.committee_id WHERE c.code = '"
                + committeeCode + "'";
        queries.put("lead", """
                SELECT l.id, c.code, co.code, g.name, l.lead_no, l.found_on, l.source_code, l.dispute_type_code,
                    l.summary, l.people_count, l.amount, l.risk_code, l.criminal_risk, l.group_risk, l.verified_on,
                    l.verification_result, l.duplicate_of_id, l.transferred_to, l.accepted_on, l.case_year,
                    l.case_seq, l.case_number, l.due_on, l.closed_on, l.outcome, l.declined_on, l.declined_by,
                    l.version, l.created_at, l.updated_at
                FROM lead l JOIN committee c ON c.id = l.committee_id JOIN community co ON co.id = l.community_id
                    LEFT JOIN grid g ON g.id = l.grid_id WHERE l.id IN (%s) ORDER BY l.id""".formatted(leads));
        queries.put("party", "SELECT * FROM party WHERE lead_id IN (%s) ORDER BY id".formatted(leads));
        queries.put("verification_step", """
                SELECT s.id, s.lead_id, s.step_on, s.method, s.note, p.name FROM verification_step s
                LEFT JOIN person p ON p.id = s.person_id WHERE s.lead_id IN (%s) ORDER BY s.id""".formatted(leads));
        queries.put("lead_mediator", """
                SELECT m.lead_id, p.name, p.role, m.principal FROM lead_mediator m JOIN person p ON p.id = m.person_id
                WHERE m.lead_id IN (%s) ORDER BY m.lead_id, p.name""".formatted(leads));
        for (String table : List.of("mediation_session", "agreement", "extension", "follow_up", "judicial_confirmation",
                "lead_transition")) {
            queries.put(table, "SELECT * FROM %s WHERE lead_id IN (%s) ORDER BY 1, 2".formatted(table, leads));
        }
        Map<String, List<List<Object>>> dump = new LinkedHashMap<>();
        try (Connection connection = TestStores.connect(location(pc)); Statement statement = connection.createStatement()) {
            for (var query : queries.entrySet()) {
                dump.put(query.getKey(), rows(statement, query.getValue()));
            }
        }
        return dump;
    }

    /** The audit history of a committee's leads: the sender's own entries, or what a receiver holds of them. */
    List<List<Object>> auditHistory(String pc, String committeeCode, boolean received) throws SQLException {
        String leads = "SELECT l.id FROM lead l JOIN committee c ON c.id = l.committee_id WHERE c.code = '"
                + committeeCode + "'";
        String sql = received
                ? "SELECT origin_seq, recorded_at, actor, action, entity, entity_id, lead_id, changes, state_digest, hash"
                + " FROM received_audit_entry WHERE lead_id IN (" + leads + ") ORDER BY origin_seq"
                : "SELECT seq, recorded_at, actor, action, entity, entity_id, lead_id, changes, state_digest, hash"
                + " FROM audit_entry WHERE lead_id IN (" + leads + ") ORDER BY seq";
        try (Connection connection = TestStores.connect(location(pc)); Statement statement = connection.createStatement()) {
            return rows(statement, sql);
        }
    }

    /** How many rows every table holds. Needs the database closed. */
    Map<String, Long> counts(String pc) throws SQLException {
        Map<String, Long> counts = new LinkedHashMap<>();
        try (Connection connection = TestStores.connect(location(pc)); Statement statement = connection.createStatement()) {
            List<String> tables = new ArrayList<>();
            // the schema the application's tables are in: PUBLIC on H2, the test's own on PostgreSQL
            try (var query = connection.prepareStatement("SELECT TABLE_NAME FROM INFORMATION_SCHEMA.TABLES"
                    + " WHERE TABLE_SCHEMA = ? ORDER BY TABLE_NAME")) {
                query.setString(1, connection.getSchema());
                try (ResultSet rs = query.executeQuery()) {
                    while (rs.next()) {
                        tables.add(rs.getString(1));
                    }
                }
            }
            for (String table : tables) {
                try (ResultSet rs = statement.executeQuery("SELECT COUNT(*) FROM \"" + table + "\"")) {
                    rs.next();
                    counts.put(table, rs.getLong(1));
                }
            }
        }
        return counts;
    }

    private static List<List<Object>> rows(Statement statement, String sql) throws SQLException {
        List<List<Object>> rows = new ArrayList<>();
        try (ResultSet rs = statement.executeQuery(sql)) {
            ResultSetMetaData meta = rs.getMetaData();
            while (rs.next()) {
                List<Object> row = new ArrayList<>();
                for (int i = 1; i <= meta.getColumnCount(); i++) {
                    Object value = rs.getObject(i);
                    row.add(value instanceof java.time.OffsetDateTime t ? t.toInstant() : value);
                }
                rows.add(row);
            }
        }
        return rows;
    }

    /** Closes every database this fixture opened that is still open. */
    void closeAll() {
        for (Database database : open) {
            database.close();
        }
        open.clear();
    }

    @Override
    public void close() {
        closeAll();
        if (settingsBefore == null) {
            System.clearProperty(SettingsFolder.PROPERTY);
        } else {
            System.setProperty(SettingsFolder.PROPERTY, settingsBefore);
        }
    }

    static Instant at(LocalDate day) {
        return day.atStartOfDay(CHINA).toInstant();
    }
}
