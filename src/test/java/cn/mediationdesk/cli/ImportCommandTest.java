package cn.mediationdesk.cli;

import cn.mediationdesk.cli.CliRunner.Result;
import cn.mediationdesk.persistence.Database;
import cn.mediationdesk.persistence.DatabaseLocation;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import static cn.mediationdesk.cli.CliRunner.runOn;
import static org.assertj.core.api.Assertions.assertThat;

/** {@code import}: the sample ledger of DESIGN §8 and the exit codes around it. */
class ImportCommandTest {
    @TempDir
    Path dir;
    Path db;

    @BeforeEach
    void init() {
        db = dir.resolve("md");
        assertThat(runOn(db, "init", "--jurisdiction", "示例新区").exitCode()).isZero();
    }

    private Path resource(String name) throws IOException {
        Path file = dir.resolve(name);
        try (InputStream in = getClass().getResourceAsStream("/ledger/" + name)) {
            assertThat(in).as(name).isNotNull();
            Files.copy(in, file);
        }
        return file;
    }

    @Test
    void theSampleLedgerImportsWithCreateMissingAndGivesItsExpectedTotals() throws IOException {
        Path ledger = resource("ledger_sample.csv");
        Result dryRun = runOn(db, "import", ledger.toString(), "--create-missing", "--dry-run");
        assertThat(dryRun.exitCode()).as(dryRun.err()).isZero();
        assertThat(dryRun.out()).contains("试运行");
        assertThat(runOn(db, "summary", "--by", "committee", "--format", "csv").outLines()).as("dry run wrote nothing")
                .hasSize(2);

        Result result = runOn(db, "import", ledger.toString(), "--create-missing");
        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out()).contains("新增", "新建社区", "新建调委会");

        Result summary = runOn(db, "summary", "--by", "community", "--from", "2022-01-01", "--to", "2022-12-31",
                "--as-of", "2022-12-31", "--format", "csv");
        // ledger_sample.expected.json: leads 89, resolved 35, overdue 3, rate 62.5 for this command.
        assertThat(summary.outLines().getLast()).isEqualTo("TOTAL,合计,89,16,7,4,10,0,56,9,35,7,5,3,62.5");
    }

    @Test
    void anImportThatDiedBeforeRemovingItsCopyIsUndoneByTheNextCommandWhichSaysSo() throws IOException {
        Path beforeImport = dir.resolve("before-import.zip");
        try (Database database = Database.open(DatabaseLocation.parse(db.toString()), false)) {
            database.backupTo(beforeImport);
        }
        Result imported = runOn(db, "import", resource("ledger_sample.csv").toString(), "--create-missing");
        assertThat(imported.exitCode()).as(imported.err()).isZero();
        Path copy = Path.of(db + ".mv.db.before-bulk-write.zip");
        assertThat(copy).as("removed by the import once committed").doesNotExist();
        // The state a crash leaves between the commit and the removal (or in the middle of the commit):
        Files.copy(beforeImport, copy);

        Result summary = runOn(db, "summary", "--by", "committee", "--format", "csv");

        assertThat(summary.exitCode()).as(summary.err()).isZero();
        assertThat(summary.err()).contains("上次的导入没有完成", "已撤销", ".interrupted-bulk-write-");
        assertThat(summary.outLines().getLast()).as("nothing of the import").startsWith("TOTAL,合计,0,");
        assertThat(copy).doesNotExist();
        try (var files = Files.list(dir)) {
            assertThat(files.map(f -> f.getFileName().toString())).anyMatch(n -> n.contains(".interrupted-bulk-write-"));
        }
    }

    @Test
    void unknownNamesWithoutCreateMissingRejectTheWholeFileWithExitThree() throws IOException {
        Result result = runOn(db, "import", resource("ledger_sample.csv").toString());
        assertThat(result.exitCode()).isEqualTo(ExitCodes.REJECTED);
        assertThat(result.errLines()).hasSizeGreaterThan(1);
        assertThat(result.errLines().getFirst()).matches("第 \\d+ 行，“(社区|调委会)”列：.*");
        assertThat(result.errLines().getLast()).contains("没有写入任何数据");
        assertThat(result.err()).doesNotContain("\tat ");
    }

    @Test
    void everyProblemOfABadLedgerIsPrintedOnItsOwnLine() throws IOException {
        Result result = runOn(db, "import", resource("bad_rows.csv").toString(), "--create-missing");
        assertThat(result.exitCode()).isEqualTo(ExitCodes.REJECTED);
        assertThat(result.errLines()).anySatisfy(line -> assertThat(line).startsWith("第 3 行，“发现日期”列："));
        assertThat(result.errLines()).allSatisfy(line -> assertThat(line).doesNotContain("Exception"));
    }

    @Test
    void aMissingFileIsRejected() {
        Result result = runOn(db, "import", dir.resolve("nope.csv").toString());
        assertThat(result.exitCode()).isEqualTo(ExitCodes.REJECTED);
        assertThat(result.err()).contains("nope.csv");
    }

    @Test
    void importNeedsAnExistingDatabase() throws IOException {
        Result result = runOn(dir.resolve("elsewhere"), "import", resource("ledger_sample.csv").toString());
        assertThat(result.exitCode()).isEqualTo(ExitCodes.DATABASE);
    }

    @Test
    void anUnknownEncodingIsAUsageError() throws IOException {
        Result result = runOn(db, "import", resource("ledger_sample.csv").toString(), "--encoding", "latin1");
        assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.errLines().getFirst()).contains("latin1", "UTF-8", "GBK");
    }

    @Test
    void theGbkSampleImportsWithTheEncodingForced() throws IOException {
        Result result = runOn(db, "import", resource("ledger_sample_gbk.csv").toString(), "--create-missing",
                "--encoding", "GBK", "--dry-run");
        assertThat(result.exitCode()).as(result.err()).isZero();
    }
}
