package cn.mediationdesk.cli;

import cn.mediationdesk.cli.CliRunner.Result;
import cn.mediationdesk.logic.audit.AuditAction;
import cn.mediationdesk.logic.audit.AuditFilter;
import cn.mediationdesk.logic.audit.AuditTrail;
import cn.mediationdesk.model.AuditEntry;
import cn.mediationdesk.persistence.Database;
import cn.mediationdesk.persistence.DatabaseLocation;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static cn.mediationdesk.cli.CliRunner.runOn;
import static cn.mediationdesk.cli.CliRunner.runWithInput;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code import} of files that are damaged or hostile, and of rows that would roll closed cases
 * back: exit 3 naming each row, nothing written; {@code --allow-corrections} for who may correct.
 * {@code export} and {@code summary} write cells that read like formulas with a quote in front.
 */
class ImportHostileFilesCommandTest {
    private static final String EMPTY_TOTAL = "TOTAL,合计,0,0,0,0,0,0,0,0,0,0,0,0,";
    private static final String HEADER = "线索编号,发现日期,线索来源,社区,网格,调委会,纠纷类型,简要情况,当事人,涉及人数,涉及金额,风险等级,"
            + "核实日期,核实结果,受理日期,调解结果,办结日期,协议形式,重复线索编号,移交单位";

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
        if (!Files.exists(file)) {
            try (InputStream in = getClass().getResourceAsStream("/ledger/" + name)) {
                assertThat(in).as(name).isNotNull();
                Files.copy(in, file);
            }
        }
        return file;
    }

    private Path write(String name, String... lines) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, String.join("\n", lines) + "\n");
        return file;
    }

    private String totals() {
        Result summary = runOn(db, "summary", "--by", "committee", "--format", "csv");
        assertThat(summary.exitCode()).as(summary.err()).isZero();
        return summary.outLines().getLast();
    }

    private static void assertRejected(Result result) {
        assertThat(result.exitCode()).as(result.err()).isEqualTo(ExitCodes.REJECTED);
        assertThat(result.errLines().getLast()).contains("没有写入任何数据");
        assertThat(result.err()).doesNotContain("Exception", "\tat ");
    }

    // ---- damaged files ----

    @Test
    void theSampleCutMidRowIsRefusedNamingItsLastRowAndNothingIsWritten() throws IOException {
        byte[] sample = Files.readAllBytes(resource("ledger_sample.csv"));
        String text = new String(sample, StandardCharsets.UTF_8);
        int row28 = text.substring(0, text.indexOf("\nHX-00027,") + 1).getBytes(StandardCharsets.UTF_8).length;
        Path cut = dir.resolve("cut.csv");
        Files.write(cut, Arrays.copyOf(sample, row28 + "HX-00027,2022-".length()));

        Result result = runOn(db, "import", cut.toString(), "--create-missing");

        assertRejected(result);
        assertThat(result.errLines().getFirst())
                .isEqualTo("第 28 行：这一行有 2 个字段，表头有 18 个：这一行可能不完整（文件被截断），或者某个单元格里的逗号没有加引号");
        assertThat(totals()).isEqualTo(EMPTY_TOTAL);
    }

    @Test
    void theSampleCutInsideAQuotedCellIsRefusedNamingItsLastRow() throws IOException {
        String text = Files.readString(resource("ledger_sample.csv"));
        int start = text.indexOf("\nHX-00146,") + 1;
        Path cut = dir.resolve("cut.csv");
        Files.writeString(cut, text.substring(0, text.indexOf('"', start) + 4));

        Result result = runOn(db, "import", cut.toString(), "--create-missing");

        assertRejected(result);
        assertThat(result.errLines().getFirst()).startsWith("第 147 行：文件在这一行一个带引号的单元格中间结束");
        assertThat(totals()).isEqualTo(EMPTY_TOTAL);
    }

    @Test
    void aLedgerOverTheSizeLimitIsRefusedWithTheLimit() throws IOException {
        Path huge = dir.resolve("huge.csv");
        try (RandomAccessFile file = new RandomAccessFile(huge.toFile(), "rw")) {
            file.write((HEADER + "\n").getBytes(StandardCharsets.UTF_8));
            file.setLength(200L * 1024 * 1024); // sparse
        }

        Result result = runOn(db, "import", huge.toString(), "--create-missing");

        assertRejected(result);
        assertThat(result.errLines().getFirst()).isEqualTo("文件有 200 MB，超过了一次导入的上限 100 MB：请把台账分成几个文件分别导入");
    }

    // ---- rows ----

    @Test
    void datesBeforeTheRepublicOrAfterTodayAreRefusedAndItsFirstDayIsTaken() throws IOException {
        String row = ",主动排查,南池村,,南池村人民调解委员会,邻里,两户因排水沟发生争执,,,,,,,,,,,,";
        Path bad = write("dates.csv", HEADER, "D-1,0000-01-01" + row, "D-2,1949-09-30" + row, "D-3,2024-07-01" + row);

        Result result = runOn(db, "import", bad.toString(), "--create-missing");

        assertRejected(result);
        assertThat(result.errLines()).startsWith(
                "第 2 行，“发现日期”列：日期 0000-01-01 早于 1949-10-01：调解台账中不会有这么早的日期",
                "第 3 行，“发现日期”列：日期 1949-09-30 早于 1949-10-01：调解台账中不会有这么早的日期",
                "第 4 行，“发现日期”列：日期 2024-07-01 晚于今天（2024-06-30）");
        assertThat(totals()).isEqualTo(EMPTY_TOTAL);

        Result first = runOn(db, "import", write("first.csv", HEADER, "D-1,1949-10-01" + row).toString(),
                "--create-missing");
        assertThat(first.exitCode()).as(first.err()).isZero();
        assertThat(first.out()).contains("新增 1 条线索");
    }

    @Test
    void anUnreadablePartyRoleIsRefusedNamingRowAndColumn() throws IOException {
        Path bad = write("roles.csv", HEADER,
                "R-1,2023-03-01,主动排查,南池村,,南池村人民调解委员会,邻里,两户因排水沟发生争执,张某(申请人);李某(被申请),,,,,,,,,,,");

        Result result = runOn(db, "import", bad.toString(), "--create-missing");

        assertRejected(result);
        assertThat(result.errLines().getFirst()).isEqualTo(
                "第 2 行，“当事人”列：当事人“李某”的角色“被申请”无法识别，可填：申请人、被申请人、第三人（或其他）");
    }

    // ---- corrections ----

    /** ledger_small.csv again, an older copy: S-3 (row 4) not yet closed, S-4 (row 5) not yet verified. */
    private Path backwards() throws IOException {
        String current = Files.readString(resource("ledger_small.csv"));
        return write("older.csv", current
                .replace("2023-01-09,属实,2023-01-10,调解成功,2023-02-01,口头", "2023-01-09,属实,2023-01-10,,,")
                .replace(",2023-01-12,不属实,", ",,,").strip());
    }

    private List<AuditEntry> corrections() {
        try (Database database = Database.open(DatabaseLocation.parse(db.toString()), false)) {
            return database.read(tx -> AuditTrail.onThisPc(CliRunner.CLOCK).entries(tx, AuditFilter.newest(1000))).stream()
                    .filter(e -> e.action().equals(AuditAction.LEAD_CORRECT.code())).toList();
        }
    }

    @Test
    void rowsThatRollClosedCasesBackAreRefusedUnlessImportedAsCorrections() throws IOException {
        assertThat(runOn(db, "import", resource("ledger_small.csv").toString(), "--create-missing").exitCode()).isZero();
        String before = totals();
        Path older = backwards();

        Result refused = runOn(db, "import", older.toString());

        assertRejected(refused);
        assertThat(refused.errLines()).hasSize(4);
        assertThat(refused.errLines().get(0)).isEqualTo("第 4 行，“调解结果”列：这个案件已于 2023-02-01 办结（调解成功），"
                + "本行没有调解结果，会把它改回未办结。已办结的案件只能更正：确属更正的，由调委会主任或管理员作为更正导入（--allow-corrections）");
        assertThat(refused.errLines().get(1)).startsWith("第 4 行，“协议形式”列：这个已办结案件的调解协议（口头）会被删除。");
        assertThat(refused.errLines().get(2)).startsWith("第 5 行，“核实结果”列：这条线索已了结（核实结果“不属实”），本行没有核实结果");
        assertThat(totals()).isEqualTo(before);
        assertThat(corrections()).isEmpty();

        Result corrected = runOn(db, "import", older.toString(), "--allow-corrections");

        assertThat(corrected.exitCode()).as(corrected.err()).isZero();
        assertThat(corrected.outLines()).containsExactly("新增 0 条线索，更新 4 条线索",
                "其中 2 条更正已办结的案件，每一处改动都作为更正记入审计日志");
        assertThat(totals()).isNotEqualTo(before);
        assertThat(corrections()).hasSize(2).allSatisfy(e -> assertThat(e.actor()).isEqualTo("setup"));
        assertThat(runOn(db, "audit", "verify").exitCode()).as("the trail is intact").isZero();
    }

    @Test
    void aMediatorMayNotImportCorrectionsAndADirectorMay() throws IOException {
        assertThat(runOn(db, "import", resource("ledger_small.csv").toString(), "--create-missing").exitCode()).isZero();
        assertThat(as(null, null, "admin-2024\n", "users", "add", "admin", "--role", "admin").exitCode()).isZero();
        for (String[] user : List.of(new String[]{"lina", "mediator"}, new String[]{"wang", "director"})) {
            Result added = as("admin", "admin-2024", "first-pass1\n", "users", "add", user[0], "--role", user[1],
                    "--committee", "南池村人民调解委员会");
            assertThat(added.exitCode()).as(added.err()).isZero();
            assertThat(as(user[0], "first-pass1", "own-pass22\n", "users", "passwd", user[0]).exitCode()).isZero();
        }
        String before = totals();
        Path older = backwards();

        Result mediator = as("lina", "own-pass22", "", "import", older.toString(), "--allow-corrections");

        assertThat(mediator.exitCode()).as(mediator.err()).isEqualTo(ExitCodes.NOT_PERMITTED);
        assertThat(mediator.errLines()).containsExactly("用户：第 4 行会更正已办结的案件：只有调委会主任或管理员可以更正");
        assertThat(totals()).isEqualTo(before);

        Result director = as("wang", "own-pass22", "", "import", older.toString(), "--allow-corrections");
        assertThat(director.exitCode()).as(director.err()).isZero();
        assertThat(corrections()).hasSize(2).allSatisfy(e -> assertThat(e.actor()).isEqualTo("wang"));
    }

    private Result as(String user, String password, String stdin, String... args) {
        List<String> all = new ArrayList<>(List.of("--db", db.toString()));
        if (user != null) {
            all.addAll(List.of("--user", user));
        }
        all.addAll(List.of(args));
        return runWithInput(stdin, password, all.toArray(String[]::new));
    }

    // ---- exports ----

    @Test
    void exportAndSummaryWriteFormulaLikeNamesWithAQuoteInFront() throws IOException {
        Path hostile = write("hostile.csv", HEADER,
                "-1+2,2023-03-01,主动排查,\"=HYPERLINK(\"\"http://evil.example\"\")\",,@SUM人民调解委员会,邻里,=1+2,"
                        + "=cmd(申请人),,,,,,,,,,,");
        Result imported = runOn(db, "import", hostile.toString(), "--create-missing");
        assertThat(imported.exitCode()).as(imported.err()).isZero();

        Path csv = Files.createDirectories(dir.resolve("out")).resolve("台账.csv");
        assertThat(runOn(db, "export", "--out", csv.toString()).exitCode()).isZero();
        String exported = Files.readString(csv, StandardCharsets.UTF_8);
        assertThat(exported).contains(",'-1+2,", ",'@SUM人民调解委员会,", "\"'=HYPERLINK(\"\"http://evil.example\"\")\"",
                ",'=cmd");
        assertThat(exported.lines()).allSatisfy(line -> assertThat(line).doesNotContain(",=", ",+", ",-", ",@"));

        Result summary = runOn(db, "summary", "--by", "community", "--format", "csv");
        assertThat(summary.outLines().getFirst()).isEqualTo(
                "code,name,leads,pending,unfounded,duplicate,transferred,declined,accepted,mediating,resolved,failed,terminated,overdue,resolution_rate");
        assertThat(summary.outLines()).anySatisfy(line -> assertThat(line)
                .endsWith(",\"'=HYPERLINK(\"\"http://evil.example\"\")\",1,1,0,0,0,0,0,0,0,0,0,0,"));
        Path out = dir.resolve("汇总.csv");
        assertThat(runOn(db, "summary", "--by", "committee", "--format", "csv", "--out", out.toString()).exitCode()).isZero();
        assertThat(Files.readString(out)).contains(",'@SUM人民调解委员会,1,1,");
    }
}
