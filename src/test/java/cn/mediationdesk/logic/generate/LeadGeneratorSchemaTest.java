package cn.mediationdesk.logic.generate;

import cn.mediationdesk.logic.ValidationException;
import cn.mediationdesk.model.User;
import cn.mediationdesk.persistence.Database;
import cn.mediationdesk.persistence.TestStores;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@code generate} sets the plain indexes of the tables it fills aside while it writes (on H2) and
 * leaves the schema exactly as the migrations made it: after a run, after a run that fails half-way,
 * and, as soon as the database is opened again, after a run that died with the indexes aside.
 */
class LeadGeneratorSchemaTest {
    @TempDir
    Path dir;

    @Test
    void aRunLeavesEveryIndexAndConstraintAsTheMigrationsMadeThem() throws SQLException {
        try (Database db = TestStores.fresh(dir, "generated")) {
            Set<String> migrated = schema(db);
            List<Set<String>> whileWriting = new ArrayList<>();
            generator(db).generate(700, 3, (done, total) -> whileWriting.add(schemaUnchecked(db)));

            assertThat(schema(db)).isEqualTo(migrated);
            assertThat(setAsideRecords(db)).isZero();
            assertThat(whileWriting).hasSize(1);
            if (!TestStores.onPostgres()) {
                // The lead table's plain indexes were away while the leads went in; its keys and constraints not.
                assertThat(whileWriting.getFirst()).doesNotContain("index LEAD LEAD_LIST_IDX INDEX")
                        .anyMatch(entry -> entry.startsWith("index LEAD ") && entry.endsWith(" PRIMARY KEY"))
                        .anyMatch(entry -> entry.startsWith("index LEAD ") && entry.endsWith(" UNIQUE INDEX"))
                        .isNotEqualTo(migrated);
            }
        }
    }

    @Test
    void aRunThatFailsHalfWayLeavesTheSchemaWholeAndItsCommittedLeadsCounted() throws SQLException {
        try (Database db = TestStores.fresh(dir, "failed")) {
            Set<String> migrated = schema(db);
            IllegalStateException stop = new IllegalStateException("stopped by the test");

            assertThatThrownBy(() -> generator(db).generate(LeadGenerator.LEADS_PER_TRANSACTION + 10, 4,
                    (done, total) -> {
                        throw stop;
                    })).isSameAs(stop);

            assertThat(schema(db)).isEqualTo(migrated);
            assertThat(setAsideRecords(db)).isZero();
            long stored = db.read(tx -> tx.leads().count());
            assertThat(stored).isEqualTo(LeadGenerator.LEADS_PER_TRANSACTION);
            String counted = db.read(tx -> tx.settings().get(LeadGenerator.GENERATED_LEADS).orElseThrow());
            assertThat(counted).isEqualTo(Long.toString(stored));
        }
    }

    @Test
    void theNextOpenMakesAgainTheIndexesOfARunThatDiedWithThemAside() throws SQLException {
        Set<String> migrated;
        try (Database db = TestStores.fresh(dir, "died")) {
            migrated = schema(db);
            int setAside = db.write(tx -> tx.generatedLeads().setIndexesAside());
            if (!TestStores.onPostgres()) {
                assertThat(setAside).isGreaterThan(5);
                assertThat(schema(db)).isNotEqualTo(migrated);
                assertThat(setAsideRecords(db)).isEqualTo(setAside);
            }
        } // the process "dies": nothing makes them again before the database closes
        try (Database db = TestStores.fresh(dir, "died")) {
            assertThat(schema(db)).as("after opening again").isEqualTo(migrated);
            assertThat(setAsideRecords(db)).isZero();
            generator(db).generate(50, 5, null);
            assertThat(schema(db)).isEqualTo(migrated);
        }
    }

    @Test
    void aRefusedRunTouchesNoIndex() throws SQLException {
        try (Database db = TestStores.fresh(dir, "refused")) {
            generator(db).generate(20, 6, null);
            Set<String> before = schema(db);
            db.write(tx -> {
                tx.settings().put(LeadGenerator.GENERATED_LEADS, "3"); // as if 17 leads had been entered by hand
                return null;
            });
            assertThatThrownBy(() -> generator(db).generate(100, 6, null)).isInstanceOf(ValidationException.class);
            assertThat(schema(db)).isEqualTo(before);
        }
    }

    private static LeadGenerator generator(Database db) {
        return new LeadGenerator(db, Clock.systemDefaultZone(), User.setup());
    }

    private static Set<String> schemaUnchecked(Database db) {
        try {
            return schema(db);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Every index with its columns, and every constraint with its index, as the catalogue tells them. */
    private static Set<String> schema(Database db) throws SQLException {
        Set<String> schema = new TreeSet<>();
        try (Connection c = TestStores.connect(db); Statement s = c.createStatement()) {
            if (TestStores.onPostgres()) {
                collect(s, "SELECT 'index ' || tablename || '.' || indexname || ' ' || indexdef FROM pg_indexes"
                        + " WHERE schemaname = current_schema()", schema);
                collect(s, "SELECT 'constraint ' || conrelid::regclass || '.' || conname || ' ' || pg_get_constraintdef(oid)"
                        + " FROM pg_constraint WHERE connamespace = current_schema()::regnamespace", schema);
                return schema;
            }
            // CONCAT_WS leaves out the nulls (a primary key has no null ordering) instead of nulling the whole line.
            collect(s, "SELECT CONCAT_WS(' ', 'index', TABLE_NAME, INDEX_NAME, INDEX_TYPE_NAME)"
                    + " FROM INFORMATION_SCHEMA.INDEXES WHERE INDEX_SCHEMA = CURRENT_SCHEMA", schema);
            collect(s, "SELECT CONCAT_WS(' ', 'column', TABLE_NAME, INDEX_NAME, ORDINAL_POSITION, COLUMN_NAME,"
                    + " ORDERING_SPECIFICATION, NULL_ORDERING, IS_UNIQUE)"
                    + " FROM INFORMATION_SCHEMA.INDEX_COLUMNS WHERE INDEX_SCHEMA = CURRENT_SCHEMA", schema);
            collect(s, "SELECT CONCAT_WS(' ', 'constraint', TABLE_NAME, CONSTRAINT_NAME, CONSTRAINT_TYPE, INDEX_NAME)"
                    + " FROM INFORMATION_SCHEMA.TABLE_CONSTRAINTS WHERE CONSTRAINT_SCHEMA = CURRENT_SCHEMA", schema);
        }
        return schema;
    }

    private static void collect(Statement s, String sql, Set<String> into) throws SQLException {
        try (ResultSet rows = s.executeQuery(sql)) {
            while (rows.next()) {
                into.add(rows.getString(1));
            }
        }
    }

    /** The indexes recorded as set aside (each statement's first part ends in .00). */
    private static long setAsideRecords(Database db) throws SQLException {
        try (Connection c = TestStores.connect(db); Statement s = c.createStatement();
             ResultSet rows = s.executeQuery("SELECT COUNT(*) FROM setting WHERE name LIKE 'synthetic.index_set_aside.%.00'")) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
