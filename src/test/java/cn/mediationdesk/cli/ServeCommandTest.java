package cn.mediationdesk.cli;

import cn.mediationdesk.cli.CliRunner.Result;
import cn.mediationdesk.logic.share.SavedConnection;
import org.h2.tools.Server;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static cn.mediationdesk.cli.CliRunner.runWithEnvironment;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code serve}: an administrator hosts the demo database on the LAN; another "PC" (a second
 * connection in this process, over TCP) connects with the printed connection string and password
 * and reads the same summary; a wrong password and a URL without a MediationDesk database are
 * refused with exit 4, and nothing is created there.
 */
class ServeCommandTest {
    @TempDir
    Path dir;
    private Path db;
    private CompletableFuture<Integer> serving;
    private final ByteArrayOutputStream serveOut = new ByteArrayOutputStream();
    private final ByteArrayOutputStream serveErr = new ByteArrayOutputStream();

    private Result as(String user, String password, String stdin, String... args) {
        Map<String, String> environment = new HashMap<>();
        if (password != null) {
            environment.put(PasswordInput.ENVIRONMENT_VARIABLE, password);
        }
        return on(db.toString(), environment, user, stdin, args);
    }

    private static Result on(String location, Map<String, String> environment, String user, String stdin,
                             String... args) {
        List<String> all = new java.util.ArrayList<>(List.of("--db", location));
        if (user != null) {
            all.addAll(List.of("--user", user));
        }
        all.addAll(List.of(args));
        return runWithEnvironment(environment, stdin, all.toArray(String[]::new));
    }

    @BeforeEach
    void demoWithAccounts() {
        db = dir.resolve("office");
        assertThat(as(null, null, "", "demo").exitCode()).isZero();
        assertThat(as(null, null, "admin-2024\n", "users", "add", "admin", "--role", "admin").exitCode()).isZero();
        assertThat(as("admin", "admin-2024", "viewer-001\n", "users", "add", "leader", "--role", "viewer")
                .exitCode()).isZero();
        assertThat(as("leader", "viewer-001", "viewer-0022\n", "users", "passwd", "leader").exitCode()).isZero();
    }

    @AfterEach
    void stopServing() throws Exception {
        ServeCommand.stopAll();
        if (serving != null) {
            serving.get(60, TimeUnit.SECONDS);
        }
    }

    @Test
    void onlyAnAdministratorMayServe() {
        Result viewer = as("leader", "viewer-0022", "", "serve", "--port", String.valueOf(freePort()));
        assertThat(viewer.exitCode()).as(viewer.err()).isEqualTo(ExitCodes.NOT_PERMITTED);
        assertThat(viewer.out()).doesNotContain("jdbc:h2:tcp://");
        assertThat(as(null, null, "", "serve", "--port", String.valueOf(freePort())).exitCode())
                .as("a database with accounts needs --user").isEqualTo(ExitCodes.NOT_PERMITTED);
    }

    @Test
    void anotherPcConnectsWithThePrintedStringAndPasswordAndReadsTheSameSummary() throws Exception {
        Result local = as("admin", "admin-2024", "", "summary", "--by", "committee", "--format", "csv");
        assertThat(local.exitCode()).isZero();
        int port = freePort();
        String[] printed = serve(port);
        String url = printed[0];
        String password = printed[1];
        assertThat(password).matches("([0-9A-Z]{4}-){13}[0-9A-Z]{4}");

        Result remote = on(url, Map.of(PasswordInput.DATABASE_PASSWORD_VARIABLE, password,
                PasswordInput.ENVIRONMENT_VARIABLE, "admin-2024"), "admin", "", "summary", "--by", "committee",
                "--format", "csv");
        assertThat(remote.exitCode()).as(remote.err()).isZero();
        assertThat(remote.out()).isEqualTo(local.out());
        // typed by hand: lower case, spaces for dashes
        String typed = password.toLowerCase(java.util.Locale.ROOT).replace('-', ' ');
        assertThat(on(url, Map.of(PasswordInput.DATABASE_PASSWORD_VARIABLE, typed), null, "", "summary", "--by",
                "committee").exitCode()).isZero();

        // the password the settings screen kept for this URL, when the environment gives none
        SavedConnection saved = SavedConnection.inSettingsFolder();
        saved.choose(url, password);
        try {
            Result remembered = on(url, Map.of(), null, "", "summary", "--by", "committee");
            assertThat(remembered.exitCode()).as(remembered.err()).isZero();
        } finally {
            saved.forget();
        }

        ServeCommand.stopAll();
        assertThat(serving.get(60, TimeUnit.SECONDS)).isZero();
        serving = null;
        assertThat(serveOut.toString(StandardCharsets.UTF_8)).contains("已停止共享");
        assertThat(as("admin", "admin-2024", "", "summary", "--by", "committee", "--format", "csv").out())
                .as("the file was closed properly and opens again").isEqualTo(local.out());
    }

    @Test
    void theSamePasswordIsKeptAcrossStartsUntilANewOneIsAsked() throws Exception {
        int port = freePort();
        String first = serve(port)[1];
        ServeCommand.stopAll();
        serving.get(60, TimeUnit.SECONDS);
        serveOut.reset();
        String again = serve(port)[1];
        assertThat(again).isEqualTo(first);
        ServeCommand.stopAll();
        serving.get(60, TimeUnit.SECONDS);
        serveOut.reset();
        String url = "jdbc:h2:tcp://127.0.0.1:" + port + "/mediationdesk";
        String renewed = serve(port, "--new-password")[1];
        assertThat(renewed).isNotEqualTo(first);
        Result old = on(url, Map.of(PasswordInput.DATABASE_PASSWORD_VARIABLE, first), null, "", "summary", "--by", "committee");
        assertThat(old.exitCode()).isEqualTo(ExitCodes.DATABASE);
        assertThat(on(url, Map.of(PasswordInput.DATABASE_PASSWORD_VARIABLE, renewed), null, "", "summary", "--by",
                "committee").exitCode()).isZero();
    }

    @Test
    void aWrongPasswordOrNoneIsExit4WithAPlainMessage() throws Exception {
        int port = freePort();
        serve(port);
        String url = "jdbc:h2:tcp://127.0.0.1:" + port + "/mediationdesk";
        for (String wrong : new String[] {"0000-0000-0000-0000-0000-0000", "not-the-password", ""}) {
            Result refused = on(url, Map.of(PasswordInput.DATABASE_PASSWORD_VARIABLE, wrong), null, "", "summary",
                    "--by", "committee");
            assertThat(refused.exitCode()).as(wrong + ": " + refused.err()).isEqualTo(ExitCodes.DATABASE);
            assertThat(refused.errLines()).as(refused.err()).hasSize(1);
            assertThat(refused.err()).contains("用户名或密码不对").doesNotContain("Exception");
        }
        Result sa = on(url + ";USER=sa;PASSWORD=", Map.of(), null, "", "summary", "--by", "committee");
        assertThat(sa.exitCode()).as("never sa with an empty password").isEqualTo(ExitCodes.DATABASE);
    }

    @Test
    void aServerWithoutAMediationDeskDatabaseIsRefusedAndLeftWithoutTables() throws Exception {
        int port = freePort();
        // A plain H2 server that creates whatever database is asked for: the worst case for a typo.
        Server server = Server.createTcpServer("-tcpPort", String.valueOf(port), "-ifNotExists", "-baseDir",
                dir.resolve("server").toString()).start();
        try {
            String empty = "jdbc:h2:tcp://127.0.0.1:" + port + "/typo";
            Result missing = on(empty, Map.of(), null, "", "summary", "--by", "committee");
            assertThat(missing.exitCode()).as(missing.err()).isEqualTo(ExitCodes.DATABASE);
            assertThat(missing.err()).doesNotContain("Exception");
            assertThat(tables(empty)).isEmpty();

            String other = "jdbc:h2:tcp://127.0.0.1:" + port + "/payroll";
            try (Connection c = DriverManager.getConnection(other, "sa", ""); Statement s = c.createStatement()) {
                s.execute("CREATE TABLE salary (id INT PRIMARY KEY)");
            }
            for (String command : new String[] {"summary", "export"}) {
                Result notOurs = command.equals("summary") ? on(other, Map.of(), null, "", "summary", "--by", "committee")
                        : on(other, Map.of(), null, "", "export", "--out", dir.resolve("x.csv").toString());
                assertThat(notOurs.exitCode()).as(notOurs.err()).isEqualTo(ExitCodes.DATABASE);
                assertThat(notOurs.err()).contains("没有调解台账的数据库");
            }
            assertThat(tables(other)).containsExactly("SALARY");
            assertThat(on(other + ";USER=sa", Map.of(), null, "", "init", "--jurisdiction", "金山区").exitCode())
                    .as("init still refuses a database holding something else").isNotZero();
            assertThat(on(empty, Map.of(), null, "", "init", "--jurisdiction", "金山区").exitCode())
                    .as("init makes one there").isZero();
            assertThat(on(empty, Map.of(), null, "", "summary", "--by", "committee").exitCode()).isZero();
        } finally {
            server.stop();
        }
    }

    @Test
    void aLockAnotherPcHoldsPastTheTimeoutIsExit4WithOnePlainLine() throws Exception {
        int port = freePort();
        Server server = Server.createTcpServer("-tcpPort", String.valueOf(port), "-ifNotExists", "-baseDir",
                dir.resolve("server").toString()).start();
        try {
            String url = "jdbc:h2:tcp://127.0.0.1:" + port + "/office";
            assertThat(on(url, Map.of(), null, "", "demo").exitCode()).isZero();
            java.nio.file.Path ledger = dir.resolve("two.csv");
            java.nio.file.Files.writeString(ledger, """
                    线索编号,发现日期,线索来源,社区,调委会,纠纷类型,简要情况,核实日期,核实结果
                    N-1,2024-06-01,群众来访,金宝社区,金宝社区人民调解委员会,邻里,噪音,2024-06-02,属实
                    """);
            try (Connection other = DriverManager.getConnection(url, "sa", "")) {
                other.setAutoCommit(false);
                try (Statement s = other.createStatement()) {
                    s.execute("SELECT * FROM committee FOR UPDATE"); // another PC issuing case numbers, stuck
                    Result busy = on(url + ";LOCK_TIMEOUT=300", Map.of(), null, "", "import", ledger.toString());
                    assertThat(busy.exitCode()).as(busy.err()).isEqualTo(ExitCodes.DATABASE);
                    assertThat(busy.errLines()).hasSize(1);
                    assertThat(busy.err()).contains("另一台电脑正在保存").doesNotContain("Exception");
                }
                other.rollback();
            }
            Result later = on(url, Map.of(), null, "", "import", ledger.toString());
            assertThat(later.exitCode()).as("nothing was written the first time").isZero();
            assertThat(later.out()).contains("新增 1 条线索");
        } finally {
            server.stop();
        }
    }

    private static List<String> tables(String url) throws Exception {
        List<String> names = new java.util.ArrayList<>();
        try (Connection c = DriverManager.getConnection(url, "sa", "");
             ResultSet rs = c.getMetaData().getTables(null, "PUBLIC", "%", new String[] {"TABLE"})) {
            while (rs.next()) {
                names.add(rs.getString("TABLE_NAME"));
            }
        }
        return names;
    }

    /** Starts {@code serve} in the background and waits for it to print; returns the connection string and password. */
    private String[] serve(int port, String... more) throws InterruptedException {
        List<String> args = new java.util.ArrayList<>(List.of("--db", db.toString(), "--user", "admin", "serve",
                "--port", String.valueOf(port)));
        args.addAll(List.of(more));
        serving = CompletableFuture.supplyAsync(() -> CliRunner.runWatched(
                Map.of(PasswordInput.ENVIRONMENT_VARIABLE, "admin-2024"), "", serveOut, serveErr,
                args.toArray(String[]::new)));
        String text = "";
        for (int i = 0; i < 600 && !text.contains("按 Ctrl+C"); i++) {
            assertThat(serving).as(serveErr.toString(StandardCharsets.UTF_8)).isNotDone();
            Thread.sleep(100);
            text = serveOut.toString(StandardCharsets.UTF_8);
        }
        String url = text.lines().filter(l -> l.contains("jdbc:h2:tcp://")).findFirst().orElseThrow()
                .replaceAll(".*(jdbc:h2:tcp://\\S+?)(（.*)?$", "$1");
        if (url.contains("//IP:")) {
            url = url.replace("//IP:", "//127.0.0.1:"); // no LAN address on this machine
        }
        String password = text.lines().filter(l -> l.contains("密码：")).findFirst().orElseThrow()
                .replaceAll(".*密码：", "").strip();
        return new String[] {url, password};
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
