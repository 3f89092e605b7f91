package cn.mediationdesk.cli;

import cn.mediationdesk.cli.CliRunner.Result;
import cn.mediationdesk.logic.l10n.Localization;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static cn.mediationdesk.cli.CliRunner.run;
import static cn.mediationdesk.cli.CliRunner.runOn;
import static org.assertj.core.api.Assertions.assertThat;

/** The command line's own behaviour: help, version, and the usage and database errors of DESIGN §6. */
class CliCommandLineTest {
    @TempDir
    Path dir;

    @Test
    void versionPrintsTheVersionAndExitsZero() {
        Result result = run("--version");
        assertThat(result.exitCode()).isZero();
        // Run from classes there is no manifest: the version is "dev".
        assertThat(result.out().strip()).isEqualTo("调解台账 MediationDesk dev");
        assertThat(result.err()).isEmpty();
    }

    @Test
    void versionWorksAfterACommandToo() {
        Result result = run("summary", "--version");
        assertThat(result.exitCode()).isZero();
        assertThat(result.out().strip()).isEqualTo("调解台账 MediationDesk dev");
    }

    @Test
    void helpListsTheCommandsAndExitCodesInChinese() {
        Result result = run("--help");
        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).startsWith("用法：mediationdesk")
                .contains("--db=LOCATION", "init", "demo", "import", "summary", "退出码", "无法打开数据库")
                .doesNotContain("Show this help");
    }

    @Test
    void helpIsInEnglishForAnEnglishUser() {
        Result result = CliRunner.run(Localization.ENGLISH, "summary", "--help");
        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).startsWith("Usage: mediationdesk summary")
                .contains("--by=GROUPING", "--as-of=YYYY-MM-DD", "Default: today", "--db=LOCATION");
    }

    @Test
    void everyCommandHasLocalizedHelp() {
        for (String command : new String[] {"init", "demo", "import", "summary"}) {
            Result result = run(command, "--help");
            assertThat(result.exitCode()).as(command).isZero();
            assertThat(result.out()).as(command).startsWith("用法：mediationdesk " + command).contains("显示帮助并退出");
        }
    }

    @Test
    void unknownOptionIsAUsageErrorOfOneLineAndAHint() {
        Result result = runOn(dir.resolve("db"), "summary", "--by", "committee", "--frobnicate");
        assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.errLines()).containsExactly("错误：未知的选项：--frobnicate",
                "运行 mediationdesk summary --help 查看用法。");
        assertThat(result.out()).isEmpty();
    }

    @Test
    void aMistypedRequiredOptionIsReportedAsUnknownNotAsMissing() {
        Result result = run("summary", "--byy", "committee");
        assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.errLines().getFirst()).isEqualTo("错误：未知的选项：--byy");
    }

    @Test
    void unknownCommandIsAUsageError() {
        Result result = run("frobnicate");
        assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.errLines().getFirst()).contains("frobnicate");
    }

    @Test
    void badDateIsAUsageErrorOfOneLineWithoutStackTrace() {
        Result result = runOn(dir.resolve("db"), "summary", "--by", "committee", "--from", "2022-13-01");
        assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.errLines()).hasSize(2);
        assertThat(result.errLines().getFirst())
                .isEqualTo("错误：--from 的值无效：“2022-13-01”不是有效日期，请写作 YYYY-MM-DD，如 2022-03-05");
        assertThat(result.err()).doesNotContain("Exception", "\tat ");
    }

    @Test
    void badDateMessageIsInEnglishForAnEnglishUser() {
        Result result = CliRunner.run(Localization.ENGLISH, "summary", "--by", "type", "--as-of", "31/12/2022");
        assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.errLines().getFirst()).isEqualTo(
                "Error: Invalid value for --as-of: \"31/12/2022\" is not a valid date; write it as YYYY-MM-DD, for example 2022-03-05");
    }

    @Test
    void unknownGroupingAndFormatAreUsageErrorsNamingTheChoices() {
        Result grouping = run("summary", "--by", "village");
        assertThat(grouping.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(grouping.errLines().getFirst()).contains("village", "committee", "source-group");

        Result format = run("summary", "--by", "type", "--format", "xml");
        assertThat(format.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(format.errLines().getFirst()).contains("xml", "table", "csv", "json");
    }

    @Test
    void missingRequiredOptionAndMissingValueAreUsageErrors() {
        assertThat(run("summary").errLines().getFirst()).isEqualTo("错误：缺少必需的选项：--by");
        Result noValue = run("summary", "--by");
        assertThat(noValue.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(noValue.errLines().getFirst()).isEqualTo("错误：选项 --by 缺少取值");
        assertThat(run("import").errLines().getFirst()).isEqualTo("错误：缺少参数：FILE");
    }

    @Test
    void aPeriodEndingBeforeItStartsIsAUsageError() {
        Result result = runOn(dir.resolve("db"), "summary", "--by", "month", "--from", "2022-03-01", "--to", "2022-01-31");
        assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.errLines().getFirst()).isEqualTo("错误：--to 2022-01-31 早于 --from 2022-03-01");
    }

    @Test
    void noCommandIsAUsageError() {
        Result result = run("--db", dir.resolve("db").toString());
        assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.errLines().getFirst()).contains("init", "summary");
    }

    @Test
    void missingDatabaseExitsFourAndSaysToRunInitOrDemo() {
        Path db = dir.resolve("nothing-here");
        Result result = runOn(db, "summary", "--by", "committee");
        assertThat(result.exitCode()).isEqualTo(ExitCodes.DATABASE);
        assertThat(result.errLines()).containsExactly(
                "数据库不存在：" + db + ".mv.db。请先运行 init 或 demo 创建数据库，或用 --db 指定已有的数据库。");
        assertThat(Files.exists(Path.of(db + ".mv.db"))).as("nothing created").isFalse();
    }

    @Test
    void globalOptionsMayAlsoFollowTheCommand() {
        Path db = dir.resolve("after");
        Result result = run("summary", "--by", "committee", "--db", db.toString());
        assertThat(result.exitCode()).isEqualTo(ExitCodes.DATABASE);
        assertThat(result.err()).contains(db + ".mv.db");
    }

    @Test
    void aDamagedDatabaseExitsFourWithoutStackTraceButWithOneUnderDebug() throws Exception {
        Path file = dir.resolve("damaged.mv.db");
        Files.writeString(file, "this is not a database, just some text that H2 cannot read at all. ".repeat(100));
        Result result = run("--db", file.toString(), "summary", "--by", "committee");
        assertThat(result.exitCode()).isEqualTo(ExitCodes.DATABASE);
        assertThat(result.errLines()).hasSize(1);
        assertThat(result.err()).doesNotContain("\tat ");

        Result debug = run("--db", file.toString(), "--debug", "summary", "--by", "committee");
        assertThat(debug.exitCode()).isEqualTo(ExitCodes.DATABASE);
        assertThat(debug.err()).contains("\tat ");
    }
}
