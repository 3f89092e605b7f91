package cn.mediationdesk.persistence;

import cn.mediationdesk.logic.store.DatabaseOpenException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A PostgreSQL schema that holds no MediationDesk database is refused before anything is written:
 * empty is MISSING, other tables are NOT_OURS, and afterwards the schema holds exactly what it held.
 * (The same on an H2 server: {@code ServeCommandTest}.)
 */
@Tag("postgres")
class ServerDatabaseRefusalTest {
    private static final String SERVER = "jdbc:postgresql://127.0.0.1:5432/test?user=postgres";
    private final String schema = "md_refuse_" + UUID.randomUUID().toString().replace("-", "");

    @AfterEach
    void drop() throws Exception {
        execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
        PostgresTestServer.dropRoles("test/" + schema); // the roles its migration 10 made belong to the whole server
    }

    @Test
    void anEmptySchemaIsMissingAndStaysEmpty() throws Exception {
        execute("CREATE SCHEMA " + schema);
        assertThatThrownBy(() -> Database.open(SERVER + "&currentSchema=" + schema))
                .isInstanceOfSatisfying(DatabaseOpenException.class,
                        e -> assertThat(e.reason()).isEqualTo(DatabaseOpenException.Reason.MISSING));
        assertThat(tables()).isEmpty();
    }

    @Test
    void aSchemaWithOtherTablesIsNotOursAndIsLeftAsItWas() throws Exception {
        execute("CREATE SCHEMA " + schema);
        execute("CREATE TABLE " + schema + ".salary (id INT PRIMARY KEY)");
        assertThatThrownBy(() -> Database.open(SERVER + "&currentSchema=" + schema))
                .isInstanceOfSatisfying(DatabaseOpenException.class,
                        e -> assertThat(e.reason()).isEqualTo(DatabaseOpenException.Reason.NOT_OURS));
        assertThat(tables()).containsExactly("salary");
    }

    @Test
    void initStillMakesOneInAnEmptySchema() throws Exception {
        execute("CREATE SCHEMA " + schema);
        Database.open(DatabaseLocation.parse(SERVER + "&currentSchema=" + schema), true).close();
        try (Database opened = Database.open(SERVER + "&currentSchema=" + schema)) {
            assertThat(opened.schemaVersion()).isNotEmpty();
        }
        assertThat(tables()).contains("lead", "flyway_schema_history");
    }

    private List<String> tables() throws Exception {
        List<String> names = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(SERVER);
             ResultSet rs = c.getMetaData().getTables(null, schema, "%", new String[] {"TABLE"})) {
            while (rs.next()) {
                names.add(rs.getString("TABLE_NAME"));
            }
        }
        return names;
    }

    private static void execute(String sql) throws Exception {
        try (Connection c = DriverManager.getConnection(SERVER); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
