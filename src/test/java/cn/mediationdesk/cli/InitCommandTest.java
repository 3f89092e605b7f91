package cn.mediationdesk.cli;

import cn.mediationdesk.cli.CliRunner.Result;
import cn.mediationdesk.persistence.Database;
import cn.mediationdesk.persistence.DatabaseLocation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static cn.mediationdesk.cli.CliRunner.runOn;
import static org.assertj.core.api.Assertions.assertThat;

class InitCommandTest {
    @TempDir
    Path dir;

    @Test
    void initCreatesTheDatabaseAndItsJurisdiction() {
        Path db = dir.resolve("data").resolve("md");
        Result result = runOn(db, "init", "--jurisdiction", " 示例新区 ");
        assertThat(result.exitCode()).isZero();
        assertThat(result.outLines()).hasSize(2);
        assertThat(result.outLines().get(0)).isEqualTo("已为辖区“示例新区”创建数据库：" + db + ".mv.db");
        // the recovery code, shown this once
        assertThat(result.outLines().get(1)).startsWith("数据库已加密。恢复码")
                .containsPattern("([0-9A-HJKMNP-TV-Z]{4}-){7}[0-9A-HJKMNP-TV-Z]{4}$");
        try (Database database = Database.open(DatabaseLocation.parse(db.toString()), false)) {
            assertThat(database.read(tx -> tx.organization().jurisdiction()).orElseThrow().name()).isEqualTo("示例新区");
        }
    }

    @Test
    void initTwiceIsRejectedWithExitThreeAndChangesNothing() {
        Path db = dir.resolve("md");
        assertThat(runOn(db, "init", "--jurisdiction", "示例新区").exitCode()).isZero();
        Result again = runOn(db, "init", "--jurisdiction", "别的新区");
        assertThat(again.exitCode()).isEqualTo(ExitCodes.REJECTED);
        assertThat(again.errLines()).containsExactly(
                "辖区：数据库已经属于辖区“示例新区”（" + db + ".mv.db），没有做任何更改");
        try (Database database = Database.open(DatabaseLocation.parse(db.toString()), false)) {
            assertThat(database.read(tx -> tx.organization().jurisdiction()).orElseThrow().name()).isEqualTo("示例新区");
        }
    }

    @Test
    void aBlankJurisdictionIsRejected() {
        Result result = runOn(dir.resolve("md"), "init", "--jurisdiction", "  ");
        assertThat(result.exitCode()).isEqualTo(ExitCodes.REJECTED);
        assertThat(result.errLines()).containsExactly("辖区：必须填写");
        assertThat(result.out()).as("no recovery code for a database that was not made").isEmpty();
        assertThat(dir.resolve("md.mv.db")).as("a failed init leaves no file behind").doesNotExist();
    }

    @Test
    void theJurisdictionIsRequired() {
        Result result = runOn(dir.resolve("md"), "init");
        assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.errLines().getFirst()).isEqualTo("错误：缺少必需的选项：--jurisdiction");
    }
}
