package cn.mediationdesk.cli;

import cn.mediationdesk.cli.CliRunner.Result;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static cn.mediationdesk.cli.CliRunner.runOn;
import static cn.mediationdesk.cli.CliRunner.runWithInput;
import static org.assertj.core.api.Assertions.assertThat;

/** {@code import --map / --save-profile / --profile / --template}: an office's own ledger on the command line. */
class ImportMappingCommandTest {
    /** The office ledger's mapping, as a user types it. */
    static final String MAP = "受理时间=found_on,受理时间=verified_on,受理时间=accepted_on,所属社区=community,"
            + "调委会=committee,纠纷类别=dispute_type,事件简述=summary,当事人=parties,调解协议金=amount,"
            + "调解结果=outcome,办结时间=closed_on,*source=当事人申请,*verification=属实,"
            + "调解结果:已化解=RESOLVED,调解结果:未化解=调解不成,"
            + "纠纷类别:邻里纠纷=邻里,纠纷类别:婚姻家庭纠纷=婚姻家庭,纠纷类别:物业纠纷=物业,纠纷类别:合同纠纷=合同,"
            + "纠纷类别:损害赔偿纠纷=损害赔偿";
    private static final String SUMMARY_TOTAL_ARGS = "--from 2022-01-01 --to 2022-12-31 --as-of 2022-12-31";

    @TempDir
    Path dir;
    Path db;

    @BeforeEach
    void init() throws IOException {
        db = dir.resolve("md");
        assertThat(runOn(db, "init", "--jurisdiction", "示例新区").exitCode()).isZero();
        // The office's community and committee, created by a first ledger in our format.
        Path seed = dir.resolve("seed.csv");
        Files.writeString(seed, "发现日期,线索来源,社区,调委会,纠纷类型,简要情况\n", StandardCharsets.UTF_8);
        Files.writeString(seed, "2021-12-01,主动排查,南池村,南池村人民调解委员会,邻里,旧线索\n", StandardCharsets.UTF_8,
                java.nio.file.StandardOpenOption.APPEND);
        assertThat(runOn(db, "import", seed.toString(), "--create-missing").exitCode()).isZero();
    }

    private Path resource(String name) throws IOException {
        Path file = dir.resolve(name);
        if (Files.exists(file)) {
            return file;
        }
        try (InputStream in = getClass().getResourceAsStream("/ledger/" + name)) {
            Files.copy(in, file);
        }
        return file;
    }

    private String total() {
        List<String> args = new ArrayList<>(List.of("summary", "--by", "community", "--format", "csv"));
        args.addAll(List.of(SUMMARY_TOTAL_ARGS.split(" ")));
        return runOn(db, args.toArray(String[]::new)).outLines().getLast();
    }

    @Test
    void anOfficeLedgerImportsWithMapAndItsSavedProfileImportsTheNextMonth() throws IOException {
        Result march = runOn(db, "import", resource("office_ledger_2022_03.csv").toString(), "--map", MAP,
                "--save-profile", "南池村月报");

        assertThat(march.exitCode()).as(march.err()).isZero();
        assertThat(march.outLines()).contains("新增 7 条线索，更新 0 条线索", "导入成功，映射已保存为方案“南池村月报”。");
        assertThat(total()).startsWith("TOTAL,合计,7,");

        Result april = runOn(db, "import", resource("office_ledger_2022_04.csv").toString(), "--profile", "南池村月报");

        assertThat(april.exitCode()).as(april.err()).isZero();
        assertThat(april.outLines()).contains("新增 4 条线索，更新 0 条线索");
        // 11 leads: 6 resolved, 2 failed, 1 terminated, 2 mediating.
        assertThat(total()).startsWith("TOTAL,合计,11,0,0,0,0,0,11,2,6,2,1,");
    }

    @Test
    void aDryRunSavesTheProfileAndSaysSoWhileAFailedImportSavesNothing() throws IOException {
        Result checked = runOn(db, "import", resource("office_ledger_2022_03.csv").toString(), "--map", MAP,
                "--save-profile", "试", "--dry-run");
        assertThat(checked.exitCode()).as(checked.err()).isZero();
        assertThat(checked.outLines()).contains("检查通过（未导入），映射已保存为方案“试”。");
        assertThat(total()).startsWith("TOTAL,合计,0,");

        Result failed = runOn(db, "import", resource("office_ledger_2022_03.csv").toString(), "--map",
                "受理时间=found_on,所属社区=community,调委会=committee,纠纷类别=dispute_type,事件简述=summary,"
                        + "*source=当事人申请", "--save-profile", "坏");
        assertThat(failed.exitCode()).isEqualTo(ExitCodes.REJECTED);
        assertThat(failed.errLines().getFirst()).isEqualTo("第 2 行，“纠纷类别”列：无法识别“邻里纠纷”，可填：婚姻家庭/邻里/房屋宅基地/合同/生产经营/损害赔偿/山林土地/征地拆迁/环境污染/劳动争议/消费/医疗/道路交通事故/物业/其他");

        Result unknown = runOn(db, "import", resource("office_ledger_2022_04.csv").toString(), "--profile", "坏");
        assertThat(unknown.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(unknown.err()).contains("没有名为“坏”的导入方案；已保存的方案：试");
    }

    @Test
    void badMapsAndBadCombinationsAreUsageErrors() throws IOException {
        String file = resource("office_ledger_2022_03.csv").toString();

        Result syntax = runOn(db, "import", file, "--map", "受理时间=found_on,调解结果");
        assertThat(syntax.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(syntax.err()).contains("映射“调解结果”写法不对");

        Result column = runOn(db, "import", file, "--map", "受理时间=accepted");
        assertThat(column.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(column.err()).contains("“accepted”不是本系统的列名", "found_on", "accepted_on", "transferred_to");

        Result both = runOn(db, "import", file, "--map", "受理时间=found_on", "--profile", "x");
        assertThat(both.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(both.err()).contains("--profile 和 --map 只能选一个");

        Result saveAlone = runOn(db, "import", file, "--save-profile", "x");
        assertThat(saveAlone.exitCode()).isEqualTo(ExitCodes.USAGE);

        Result noProfiles = runOn(db, "import", file, "--profile", "月报");
        assertThat(noProfiles.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(noProfiles.err()).contains("目前还没有保存任何方案");

        Result noFile = runOn(db, "import");
        assertThat(noFile.exitCode()).isEqualTo(ExitCodes.USAGE);

        Result badName = runOn(db, "import", file, "--map", MAP, "--save-profile", " ");
        assertThat(badName.exitCode()).isEqualTo(ExitCodes.REJECTED);
        assertThat(total()).as("a bad profile name is refused before importing").startsWith("TOTAL,合计,0,");
    }

    @Test
    void theTemplateIsWrittenAndImportsAsAnEmptyLedger() throws IOException {
        Path csv = dir.resolve("台账模板.csv");
        Path xlsx = dir.resolve("台账模板.xlsx");

        Result writtenCsv = runOn(db, "import", "--template", csv.toString());
        Result writtenXlsx = runOn(db, "import", "--template", xlsx.toString());

        assertThat(writtenCsv.exitCode()).as(writtenCsv.err()).isZero();
        assertThat(writtenXlsx.exitCode()).as(writtenXlsx.err()).isZero();
        assertThat(writtenXlsx.out()).contains("模板已写入");
        assertThat(Files.readString(csv)).startsWith("\uFEFF线索编号,发现日期,线索来源");
        try (InputStream in = Files.newInputStream(xlsx); XSSFWorkbook workbook = new XSSFWorkbook(in)) {
            assertThat(workbook.getSheetName(0)).isEqualTo("台账");
            assertThat(workbook.getSheet("填写说明")).isNotNull();
            assertThat(workbook.getSheet("台账").getDataValidations()).hasSize(8);
        }
        for (Path template : List.of(csv, xlsx)) {
            Result imported = runOn(db, "import", template.toString());
            assertThat(imported.exitCode()).as(imported.err()).isZero();
            assertThat(imported.outLines()).containsExactly("新增 0 条线索，更新 0 条线索");
        }

        assertThat(runOn(db, "import", "--template", dir.resolve("t.pdf").toString()).exitCode())
                .isEqualTo(ExitCodes.USAGE);
        assertThat(runOn(db, "import", "--template", csv.toString(), "x.csv").exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(runOn(db, "import", "--template", csv.toString(), "--dry-run").exitCode()).isEqualTo(ExitCodes.USAGE);
    }

    @Test
    void onlyAnAdministratorMaySaveOrUseAProfile() throws IOException {
        assertThat(as(null, null, "admin-2024\n", "users", "add", "admin", "--role", "admin").exitCode()).isZero();
        Result added = as("admin", "admin-2024", "first-pass1\n", "users", "add", "wang", "--role", "director",
                "--committee", "南池村人民调解委员会");
        assertThat(added.exitCode()).as(added.err()).isZero();
        assertThat(as("wang", "first-pass1", "own-pass22\n", "users", "passwd", "wang").exitCode()).isZero();
        String file = resource("office_ledger_2022_03.csv").toString();

        Result save = as("wang", "own-pass22", "", "import", file, "--map", MAP, "--save-profile", "月报");
        assertThat(save.exitCode()).as(save.err()).isEqualTo(ExitCodes.NOT_PERMITTED);
        Result use = as("wang", "own-pass22", "", "import", file, "--profile", "月报");
        assertThat(use.exitCode()).isEqualTo(ExitCodes.NOT_PERMITTED);
        assertThat(total()).as("nothing imported").startsWith("TOTAL,合计,0,");

        // A director may still import their own committee's ledger through --map.
        Result mapped = as("wang", "own-pass22", "", "import", file, "--map", MAP);
        assertThat(mapped.exitCode()).as(mapped.err()).isZero();
        assertThat(as("admin", "admin-2024", "", "import", file, "--map", MAP, "--save-profile", "月报",
                "--dry-run").exitCode()).isZero();
    }

    private Result as(String user, String password, String stdin, String... args) {
        List<String> all = new ArrayList<>(List.of("--db", db.toString()));
        if (user != null) {
            all.addAll(List.of("--user", user));
        }
        all.addAll(List.of(args));
        return runWithInput(stdin, password, all.toArray(String[]::new));
    }
}
