package cn.mediationdesk.cli;

import cn.mediationdesk.cli.CliRunner.Result;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static cn.mediationdesk.cli.CliRunner.runOn;
import static org.assertj.core.api.Assertions.assertThat;

class DemoCommandTest {
    @TempDir
    Path dir;

    @Test
    void demoRefusesADatabaseThatAlreadyHasAJurisdiction() {
        Path db = dir.resolve("md");
        assertThat(runOn(db, "init", "--jurisdiction", "示例新区").exitCode()).isZero();
        Result result = runOn(db, "demo");
        assertThat(result.exitCode()).isEqualTo(ExitCodes.REJECTED);
        assertThat(result.errLines()).hasSize(1);
        assertThat(result.errLines().getFirst()).startsWith("辖区：数据库 " + db + ".mv.db 不是空的");
        assertThat(runOn(db, "summary", "--by", "committee", "--format", "csv").outLines())
                .as("nothing was added").hasSize(2);
    }
}
