package cn.mediationdesk.cli;

import cn.mediationdesk.cli.CliRunner.Result;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static cn.mediationdesk.cli.CliRunner.runOn;
import static cn.mediationdesk.cli.CliRunner.runWithInput;
import static org.assertj.core.api.Assertions.assertThat;

class GenerateCommandTest {
    @TempDir
    Path dir;

    @Test
    void generateFillsAnInitializedDatabaseAndSummaryCountsTheLeads() {
        Path db = dir.resolve("md");
        assertThat(runOn(db, "init", "--jurisdiction", "示例新区").exitCode()).isZero();
        Result generated = runOn(db, "generate", "--leads", "1200", "--seed", "5");
        assertThat(generated.exitCode()).as(generated.err()).isZero();
        assertThat(generated.out()).startsWith("已生成 1200 条线索");

        Result summary = runOn(db, "summary", "--by", "committee", "--format", "csv");
        assertThat(summary.exitCode()).as(summary.err()).isZero();
        List<String> lines = summary.outLines();
        // a committee for the jurisdiction and one for each of the 12 communities, then TOTAL
        assertThat(lines).hasSize(1 + 13 + 1);
        String[] total = lines.getLast().split(",");
        assertThat(total[0]).isEqualTo("TOTAL");
        assertThat(Integer.parseInt(total[2]) + Integer.parseInt(total[5])).as("leads + duplicates").isEqualTo(1200);

        Result more = runOn(db, "generate", "--leads", "300");
        assertThat(more.exitCode()).as("a database of generated leads takes more: " + more.err()).isZero();
        assertThat(more.out()).contains("现有生成的线索 1500 条");
    }

    @Test
    void generateRefusesTheDemoDatabaseAndWritesNothing() {
        Path db = dir.resolve("demo");
        assertThat(runOn(db, "demo").exitCode()).isZero();
        String before = runOn(db, "summary", "--by", "committee", "--format", "csv").outLines().getLast();

        Result refused = runOn(db, "generate", "--leads", "100");
        assertThat(refused.exitCode()).isEqualTo(ExitCodes.REJECTED);
        assertThat(refused.errLines()).hasSize(1);
        assertThat(refused.err()).contains("不是由 generate 生成的");
        assertThat(runOn(db, "summary", "--by", "committee", "--format", "csv").outLines().getLast())
                .as("nothing was added").isEqualTo(before);
    }

    @Test
    void leadsOutOfRangeIsAUsageError() {
        Path db = dir.resolve("md");
        assertThat(runOn(db, "init", "--jurisdiction", "示例新区").exitCode()).isZero();
        assertThat(runOn(db, "generate", "--leads", "0").exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(runOn(db, "generate", "--leads", "10000001").exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(runOn(db, "generate").exitCode()).as("--leads is required").isEqualTo(ExitCodes.USAGE);
        assertThat(runOn(db, "summary", "--by", "committee", "--format", "csv").outLines())
                .as("nothing was written").hasSize(2);
    }

    @Test
    void onlyAnAdministratorGenerates() {
        Path db = dir.resolve("md");
        assertThat(runOn(db, "init", "--jurisdiction", "示例新区").exitCode()).isZero();
        assertThat(as(db, null, null, "admin-2024\n", "users", "add", "admin", "--role", "admin").exitCode()).isZero();
        assertThat(as(db, "admin", "admin-2024", "viewer-001\n", "users", "add", "leader", "--role", "viewer")
                .exitCode()).isZero();
        assertThat(as(db, "leader", "viewer-001", "viewer-0022\n", "users", "passwd", "leader").exitCode()).isZero();

        assertThat(as(db, null, null, "", "generate", "--leads", "10").exitCode())
                .as("no --user on a database with accounts").isEqualTo(ExitCodes.NOT_PERMITTED);
        Result viewer = as(db, "leader", "viewer-0022", "", "generate", "--leads", "10");
        assertThat(viewer.exitCode()).isEqualTo(ExitCodes.NOT_PERMITTED);
        assertThat(viewer.err()).contains("管理员");
        Result admin = as(db, "admin", "admin-2024", "", "generate", "--leads", "10");
        assertThat(admin.exitCode()).as(admin.err()).isZero();
    }

    private static Result as(Path db, String user, String password, String stdin, String... args) {
        List<String> all = new ArrayList<>(List.of("--db", db.toString()));
        if (user != null) {
            all.addAll(List.of("--user", user));
        }
        all.addAll(List.of(args));
        return runWithInput(stdin, password, all.toArray(String[]::new));
    }
}
