package cn.mediationdesk.logic.ledger;

import cn.mediationdesk.persistence.TestStores;
import cn.mediationdesk.model.User;
import cn.mediationdesk.logic.organization.OrganizationService;
import cn.mediationdesk.model.Committee;
import cn.mediationdesk.model.CommitteeKind;
import cn.mediationdesk.model.Community;
import cn.mediationdesk.persistence.Database;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A real database (H2 in a test's temp folder, or PostgreSQL: see {@link TestStores}), set up as {@code init} leaves it (one jurisdiction),
 * with plain SQL views of what an import wrote, so that tests can check the rows themselves.
 */
final class LedgerTestDatabase implements AutoCloseable {
    /** The day the tests run on: after every date of the sample ledger. */
    static final Clock CLOCK = Clock.fixed(Instant.parse("2024-06-30T04:00:00Z"), ZoneId.of("Asia/Shanghai"));
    static final String NANCHI = "南池村";
    static final String NANCHI_COMMITTEE = "南池村人民调解委员会";

    private static final List<String> TABLES = List.of("community", "committee", "grid", "lead", "party", "agreement",
            "lead_transition", "case_number_counter");

    final Database store;

    private LedgerTestDatabase(Path dir) {
        this.store = TestStores.fresh(dir, "ledger");
        store.write(tx -> {
            tx.organization().insertJurisdiction("示例新区", CLOCK.instant());
            return null;
        });
    }

    static LedgerTestDatabase create(Path dir) {
        return new LedgerTestDatabase(dir);
    }

    /** Adds 南池村 and its committee, the organization most fixtures name. */
    LedgerTestDatabase withNanchi() {
        store.write(tx -> {
            Community community = OrganizationService.createCommunity(tx, NANCHI);
            Committee committee = OrganizationService.createCommittee(tx, NANCHI_COMMITTEE, null,
                    CommitteeKind.COMMUNITY, community.id());
            return committee;
        });
        return this;
    }

    long leadCount() {
        return store.read(tx -> tx.leads().count());
    }

    List<Community> communities() {
        return store.read(tx -> tx.organization().communities());
    }

    List<Committee> committees() {
        return store.read(tx -> tx.organization().committees());
    }

    LedgerImporter importer() {
        return new LedgerImporter(store, CLOCK, User.setup());
    }

    ImportReport importFixture(String name, boolean createMissing) {
        return importFile(fixture(name), createMissing);
    }

    ImportReport importFile(Path file, boolean createMissing) {
        return importer().importLedger(file, new ImportOptions(false, createMissing, null));
    }

    static Path fixture(String name) {
        try {
            return Path.of(LedgerTestDatabase.class.getResource("/ledger/" + name).toURI());
        } catch (URISyntaxException | NullPointerException e) {
            throw new IllegalArgumentException("no fixture " + name, e);
        }
    }

    /** How many rows each table an import writes to holds, and the sum of the leads' versions. */
    Map<String, Long> footprint() {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (String table : TABLES) {
            counts.put(table, ((Number) rows("SELECT COUNT(*) FROM " + table).getFirst().get(0)).longValue());
        }
        counts.put("lead versions", ((Number) rows("SELECT COALESCE(SUM(version), 0) FROM lead").getFirst().get(0)).longValue());
        return counts;
    }

    /** Every lead as one line of its facts, by committee and lead number: to compare two imports. */
    List<String> leadLines() {
        return rows("""
                SELECT m.name, l.lead_no, l.found_on, l.source_code, c.name, g.name, l.dispute_type_code, l.summary,
                       l.people_count, l.amount, l.risk_code, l.verified_on, l.verification_result, l.transferred_to,
                       l.accepted_on, l.case_number, l.due_on, l.closed_on, l.outcome, a.form,
                       (SELECT %s FROM party p WHERE p.lead_id = l.id),
                       (SELECT d.lead_no FROM lead d WHERE d.id = l.duplicate_of_id)
                FROM lead l JOIN committee m ON m.id = l.committee_id JOIN community c ON c.id = l.community_id
                LEFT JOIN grid g ON g.id = l.grid_id LEFT JOIN agreement a ON a.lead_id = l.id
                ORDER BY m.name, l.lead_no, l.summary""".formatted(TestStores.onPostgres()
                ? "STRING_AGG(p.name || '/' || p.role, ';' ORDER BY p.position)"
                : "LISTAGG(p.name || '/' || p.role, ';') WITHIN GROUP (ORDER BY p.position)")).stream().map(Object::toString).toList();
    }

    /** Runs a query over a second connection to the same database; every row as a list of values. */
    List<List<Object>> rows(String sql) {
        try (Connection c = TestStores.connect(store);
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(sql)) {
            ResultSetMetaData meta = rs.getMetaData();
            List<List<Object>> rows = new ArrayList<>();
            while (rs.next()) {
                List<Object> row = new ArrayList<>();
                for (int i = 1; i <= meta.getColumnCount(); i++) {
                    row.add(rs.getObject(i));
                }
                rows.add(row);
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    Object value(String sql) {
        return rows(sql).getFirst().get(0);
    }

    @Override
    public void close() {
        store.close();
    }
}
