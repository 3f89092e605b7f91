package cn.mediationdesk.cli;

import cn.mediationdesk.cli.CliRunner.Result;
import cn.mediationdesk.logic.security.RoleFixture;
import org.h2.tools.Server;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.ServerSocket;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;

import static cn.mediationdesk.cli.CliRunner.runWithInput;
import static org.assertj.core.api.Assertions.assertThat;

/** {@code migrate-to JDBC_URL}: the demo with one account of each role, moved into an H2 server in the test's folder. */
class MigrateToCommandTest {
    @TempDir
    Path dir;

    private RoleFixture fixture;
    private Path db;
    private Server server;
    private String url;

    @BeforeEach
    void demoWithAccountsAndAServer() throws Exception {
        fixture = new RoleFixture(dir);
        fixture.database.close();
        db = dir.resolve("db");
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        server = Server.createTcpServer("-tcpPort", String.valueOf(port), "-baseDir", dir.resolve("server").toString(),
                "-ifNotExists").start();
        url = "jdbc:h2:tcp://localhost:" + port + "/district";
    }

    @AfterEach
    void close() {
        server.stop();
        fixture.close();
    }

    private Result as(String user, String password, String... command) {
        List<String> args = new java.util.ArrayList<>(List.of("--db", db.toString(), "--user", user));
        args.addAll(List.of(command));
        return runWithInput("", password, args.toArray(String[]::new));
    }

    @Test
    void copiesTheDatabaseAndTheServerGivesTheSameSummary() {
        Result migrated = as("admin", "admin-2024", "migrate-to", url);

        assertThat(migrated.exitCode()).as(migrated.err()).isZero();
        assertThat(migrated.out()).contains("已复制到", "核对通过");
        for (String by : List.of("committee", "community", "type", "source", "month")) {
            Result here = as("admin", "admin-2024", "summary", "--by", by, "--format", "csv");
            Result there = runWithInput("", "admin-2024", "--db", url, "--user", "admin", "summary", "--by", by,
                    "--format", "csv");
            assertThat(there.exitCode()).as(there.err()).isZero();
            assertThat(there.out()).isEqualTo(here.out());
        }
    }

    @Test
    void aTargetThatHoldsTablesIsRefusedAndLeftAlone() throws Exception {
        try (Connection c = DriverManager.getConnection(url, "sa", ""); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE notes (id INT PRIMARY KEY)");
            s.execute("INSERT INTO notes VALUES (7)");
        }
        Result refused = as("admin", "admin-2024", "migrate-to", url);

        assertThat(refused.exitCode()).isEqualTo(ExitCodes.REJECTED);
        assertThat(refused.errLines()).hasSize(1).first().asString().contains("已经有数据表");
        try (Connection c = DriverManager.getConnection(url, "sa", ""); Statement s = c.createStatement();
             var rs = s.executeQuery("SELECT COUNT(*) FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_SCHEMA = 'PUBLIC'")) {
            rs.next();
            assertThat(rs.getInt(1)).isEqualTo(1);
        }
    }

    @Test
    void onlyAnAdministratorMayAndOnlyIntoAServer() {
        Result mediator = as("mediator", "mediator-1", "migrate-to", url);
        assertThat(mediator.exitCode()).isEqualTo(ExitCodes.NOT_PERMITTED);

        Result file = as("admin", "admin-2024", "migrate-to", dir.resolve("elsewhere").toString());
        assertThat(file.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(file.err()).contains("不是数据库服务器的 JDBC 地址");
    }
}
