package cn.mediationdesk.cli;

import cn.mediationdesk.cli.CliRunner.Result;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static cn.mediationdesk.cli.CliRunner.runWithInput;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The command line acting as someone (DESIGN §6, §9): {@code --user}, passwords from standard input
 * or the environment, exit 5 for a refusal, and each role seeing exactly what it may.
 */
class PeopleCommandsTest {
    /** 新华社区人民调解委员会 of the demo: the mediator's committee. */
    private static final String MEDIATORS_COMMITTEE = "TW003";
    private static final String OTHER_COMMITTEE = "TW002";

    @TempDir
    Path dir;
    private Path db;

    private Result as(String user, String password, String stdin, String... args) {
        List<String> all = new ArrayList<>(List.of("--db", db.toString()));
        if (user != null) {
            all.addAll(List.of("--user", user));
        }
        all.addAll(List.of(args));
        return runWithInput(stdin, password, all.toArray(String[]::new));
    }

    @BeforeEach
    void demoWithAccounts() {
        db = dir.resolve("demo");
        assertThat(as(null, null, "", "demo").exitCode()).isZero();
        assertThat(as(null, null, "", "summary", "--by", "committee").exitCode())
                .as("a database without accounts needs no --user").isZero();
        Result first = as(null, null, "admin-2024\n", "users", "add", "admin", "--role", "admin", "--name", "王芳");
        assertThat(first.exitCode()).as(first.err()).isZero();
        assertThat(as("admin", "admin-2024", "mediator-1\n", "users", "add", "lina", "--role", "mediator",
                "--committee", MEDIATORS_COMMITTEE).exitCode()).isZero();
        assertThat(as("admin", "admin-2024", "viewer-001\n", "users", "add", "leader", "--role", "viewer")
                .exitCode()).isZero();
        // Their passwords were set by the administrator: each changes theirs first.
        assertThat(as("lina", "mediator-1", "", "export", "--out", dir.resolve("x.csv").toString()).err())
                .contains("users passwd lina");
        assertThat(as("lina", "mediator-1", "mediator-22\n", "users", "passwd", "lina").exitCode()).isZero();
        assertThat(as("leader", "viewer-001", "viewer-0022\n", "users", "passwd", "leader").exitCode()).isZero();
    }

    @Test
    void aCommandThatReadsCasesNeedsTheRightUserAndPassword() {
        Path out = dir.resolve("ledger.csv");
        Result nobody = as(null, null, "", "export", "--out", out.toString());
        assertThat(nobody.exitCode()).isEqualTo(ExitCodes.NOT_PERMITTED);
        assertThat(nobody.errLines()).hasSize(1).first().asString().contains("--user");

        Result wrong = as("admin", "not-the-password", "", "export", "--out", out.toString());
        assertThat(wrong.exitCode()).isEqualTo(ExitCodes.NOT_PERMITTED);
        assertThat(wrong.err()).contains("用户名或密码不正确");

        Result fromStdin = as("admin", null, "admin-2024\n", "export", "--out", out.toString());
        assertThat(fromStdin.exitCode()).as(fromStdin.err()).isZero();
        assertThat(Files.exists(out)).isTrue();

        Result noPassword = as("admin", null, "", "export", "--out", dir.resolve("none.csv").toString());
        assertThat(noPassword.exitCode()).isEqualTo(ExitCodes.NOT_PERMITTED);
        assertThat(Files.exists(dir.resolve("none.csv"))).isFalse();

        assertThat(as(null, null, "", "summary", "--by", "committee").exitCode())
                .as("aggregate figures need no --user").isZero();
        assertThat(as("admin", "wrong-one", "", "summary", "--by", "committee").exitCode())
                .as("but a --user given is checked").isEqualTo(ExitCodes.NOT_PERMITTED);
    }

    @Test
    void aMediatorExportsAndPrintsOnlyTheirOwnCommittee() throws IOException {
        Path own = dir.resolve("own.csv");
        Result export = as("lina", "mediator-22", "", "export", "--out", own.toString());
        assertThat(export.exitCode()).as(export.err()).isZero();
        List<String> rows = Files.readAllLines(own, StandardCharsets.UTF_8);
        assertThat(rows).hasSizeGreaterThan(1);
        assertThat(rows.subList(1, rows.size())).allMatch(row -> row.contains("新华社区人民调解委员会"));

        assertThat(as("lina", "mediator-22", "", "export", "--committee", OTHER_COMMITTEE, "--out",
                dir.resolve("other.csv").toString()).exitCode()).isEqualTo(ExitCodes.NOT_PERMITTED);
        assertThat(Files.exists(dir.resolve("other.csv"))).isFalse();

        String caseNumber = rows.get(1).split(",")[0];
        Path pdf = dir.resolve("case.pdf");
        Result documents = as("lina", "mediator-22", "", "documents", caseNumber, "--full-data", "--pdf", pdf.toString());
        assertThat(documents.exitCode()).as(documents.err()).isZero();
        assertThat(Files.size(pdf)).isPositive();

        assertThat(as("lina", "mediator-22", "", "users", "list").exitCode()).isEqualTo(ExitCodes.NOT_PERMITTED);
    }

    @Test
    void aViewerReadsAggregatesOnly() throws IOException {
        Result summary = as("leader", "viewer-0022", "", "summary", "--by", "committee", "--format", "csv");
        assertThat(summary.exitCode()).isZero();
        Path report = dir.resolve("district.xlsx");
        assertThat(as("leader", "viewer-0022", "", "report", "--by", "committee", "--xlsx", report.toString())
                .exitCode()).isZero();

        Result export = as("leader", "viewer-0022", "", "export", "--out", dir.resolve("v.csv").toString());
        assertThat(export.exitCode()).isEqualTo(ExitCodes.NOT_PERMITTED);
        assertThat(export.err()).contains("查看者");
        Result documents = as("leader", "viewer-0022", "", "documents", "2022-001", "--committee", MEDIATORS_COMMITTEE,
                "--pdf", dir.resolve("v.pdf").toString());
        assertThat(documents.exitCode()).isEqualTo(ExitCodes.NOT_PERMITTED);
        assertThat(Files.exists(dir.resolve("v.pdf"))).isFalse();

        Path ledger = dir.resolve("ledger.csv");
        Files.writeString(ledger, "发现日期,线索来源,社区,调委会,纠纷类型,简要情况\n2023-05-01,主动排查,新华社区,"
                + "新华社区人民调解委员会,邻里,楼上漏水\n", StandardCharsets.UTF_8);
        assertThat(as("leader", "viewer-0022", "", "import", ledger.toString()).exitCode())
                .isEqualTo(ExitCodes.NOT_PERMITTED);
    }

    @Test
    void anAdministratorManagesAccounts() {
        Result list = as("admin", "admin-2024", "", "users", "list");
        assertThat(list.exitCode()).isZero();
        assertThat(list.out()).contains("admin", "lina", "leader", "新华社区人民调解委员会");

        assertThat(as("admin", "admin-2024", "", "users", "disable", "leader").exitCode()).isZero();
        assertThat(as("leader", "viewer-0022", "", "summary", "--by", "committee").exitCode())
                .as("a disabled account is refused").isEqualTo(ExitCodes.NOT_PERMITTED);
        assertThat(as("admin", "admin-2024", "", "users", "enable", "leader").exitCode()).isZero();

        for (int i = 0; i < 5; i++) {
            as("leader", "guess-" + i, "", "summary", "--by", "committee");
        }
        assertThat(as("leader", "viewer-0022", "", "summary", "--by", "committee").err()).contains("锁定");
        assertThat(as("admin", "admin-2024", "", "users", "unlock", "leader").exitCode()).isZero();
        assertThat(as("leader", "viewer-0022", "", "summary", "--by", "committee").exitCode()).isZero();

        assertThat(as("admin", "admin-2024", "", "users", "add", "bad", "--role", "boss").exitCode())
                .isEqualTo(ExitCodes.USAGE);
        assertThat(as("admin", "admin-2024", "pw\n", "users", "add", "weak", "--role", "viewer").exitCode())
                .as("a password breaking the rules").isEqualTo(ExitCodes.REJECTED);
    }
}
