package cn.mediationdesk.cli;

import cn.mediationdesk.cli.CliRunner.Result;
import cn.mediationdesk.logic.l10n.Localization;
import cn.mediationdesk.logic.security.RoleFixture;
import cn.mediationdesk.logic.security.SettingsFolder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static cn.mediationdesk.cli.CliRunner.runOn;
import static cn.mediationdesk.cli.CliRunner.runWithInput;
import static org.assertj.core.api.Assertions.assertThat;

/** {@code package export|import|key|status} as a person types them, between databases in a temporary folder. */
class PackageCommandTest {
    @TempDir
    Path dir;

    private String previousSettings;
    private Path committeePc;
    private Path office;

    @BeforeEach
    void twoOffices() {
        previousSettings = System.setProperty(SettingsFolder.PROPERTY, dir.resolve("settings").toString());
        committeePc = dir.resolve("committee").resolve("db");
        office = dir.resolve("office").resolve("db");
        assertThat(runOn(committeePc, "demo").exitCode()).isZero();
        assertThat(runOn(office, "init", "--jurisdiction", "金宝新区").exitCode()).isZero();
    }

    @AfterEach
    void restoreSettings() {
        if (previousSettings == null) {
            System.clearProperty(SettingsFolder.PROPERTY);
        } else {
            System.setProperty(SettingsFolder.PROPERTY, previousSettings);
        }
    }

    private String firstCommitteeCode() {
        return runOn(committeePc, "summary", "--by", "committee", "--format", "csv").outLines().get(1).split(",")[0];
    }

    @Test
    void exportImportAndStatus() {
        String code = firstCommitteeCode();
        Path file = dir.resolve("package.mdpkg");
        Result exported = runOn(committeePc, "package", "export", "--committee", code, "--out", file.toString());
        assertThat(exported.exitCode()).as(exported.err()).isZero();
        assertThat(exported.out()).contains(file.toString()).contains("签名");

        Result imported = runOn(office, "package", "import", file.toString());
        assertThat(imported.exitCode()).as(imported.err()).isZero();
        assertThat(imported.out()).contains("已连同其组织一并创建").contains("首次收到").contains("指纹").contains("新增");

        Result again = runOn(office, "package", "import", file.toString());
        assertThat(again.exitCode()).isZero();
        assertThat(again.out()).contains("此前已导入过");

        Result status = runOn(office, "package", "status");
        assertThat(status.exitCode()).as(status.err()).isZero();
        assertThat(status.outLines()).anySatisfy(line -> assertThat(line).startsWith(code).contains("最近收到"));
        assertThat(status.out()).as("the only committee this office knows sent this month's package")
                .contains("各调委会均已报送");
        assertThat(runOn(committeePc, "package", "status").out()).as("a PC that never received a package")
                .contains("尚未收到数据包").contains("尚未报送的调委会 8 个");

        assertThat(runOn(office, "summary", "--by", "committee", "--committee", code, "--format", "csv").outLines())
                .isEqualTo(runOn(committeePc, "summary", "--by", "committee", "--committee", code, "--format", "csv")
                        .outLines());
        Result english = CliRunner.run(Localization.ENGLISH, "--db", office.toString(), "package", "status");
        assertThat(english.out()).contains("last received");
    }

    @Test
    void anEncryptedPackageNeedsTheOfficesKey() throws Exception {
        Path key = dir.resolve("office.key");
        Result written = runOn(office, "package", "key", "--out", key.toString());
        assertThat(written.exitCode()).as(written.err()).isZero();
        assertThat(written.out()).contains("指纹");
        Path file = dir.resolve("sealed.mdpkg");
        Result exported = runOn(committeePc, "package", "export", "--committee", firstCommitteeCode(), "--for",
                key.toString(), "--out", file.toString());
        assertThat(exported.exitCode()).as(exported.err()).isZero();
        assertThat(exported.out()).contains("加密");

        Path notAKey = dir.resolve("notes.txt");
        Files.writeString(notAKey, "不是公钥");
        Result refused = runOn(committeePc, "package", "export", "--committee", firstCommitteeCode(), "--for",
                notAKey.toString(), "--out", dir.resolve("x.mdpkg").toString());
        assertThat(refused.exitCode()).isEqualTo(3);
        assertThat(refused.errLines()).hasSize(1);
        assertThat(dir.resolve("x.mdpkg")).doesNotExist();

        Path stranger = dir.resolve("stranger").resolve("db");
        runOn(stranger, "init", "--jurisdiction", "金宝新区");
        Result elsewhere = runOn(stranger, "package", "import", file.toString());
        assertThat(elsewhere.exitCode()).isEqualTo(3);
        assertThat(elsewhere.err()).doesNotContain("Exception").doesNotContain("\tat ");
        assertThat(runOn(office, "package", "import", file.toString()).exitCode()).isZero();
    }

    @Test
    void refusedPackagesAreExitThreeWithOneLineNamingWhy() throws Exception {
        String code = firstCommitteeCode();
        Path file = dir.resolve("package.mdpkg");
        runOn(committeePc, "package", "export", "--committee", code, "--out", file.toString());
        byte[] bytes = Files.readAllBytes(file);
        Path truncated = dir.resolve("truncated.mdpkg");
        Files.write(truncated, java.util.Arrays.copyOf(bytes, bytes.length - 100));
        Path foreignOffice = dir.resolve("foreign").resolve("db");
        runOn(foreignOffice, "init", "--jurisdiction", "银宝新区");

        for (Result refused : List.of(runOn(office, "package", "import", truncated.toString()),
                runOn(foreignOffice, "package", "import", file.toString()))) {
            assertThat(refused.exitCode()).as(refused.err()).isEqualTo(3);
            assertThat(refused.err()).isNotBlank().doesNotContain("\tat ");
            assertThat(refused.out()).isEmpty();
        }
        assertThat(runOn(office, "package", "status").out()).doesNotContain("最近收到");

        // the committee's PC is reinstalled: a new key signs the same committee's next package
        assertThat(runOn(office, "package", "import", file.toString()).exitCode()).isZero();
        Path reinstalled = dir.resolve("reinstalled").resolve("db");
        runOn(reinstalled, "init", "--jurisdiction", "金宝新区");
        runOn(reinstalled, "package", "import", file.toString());
        Path next = dir.resolve("next.mdpkg");
        assertThat(runOn(reinstalled, "package", "export", "--committee", code, "--out", next.toString()).exitCode())
                .isZero();
        Result changed = runOn(office, "package", "import", next.toString());
        assertThat(changed.exitCode()).isEqualTo(3);
        assertThat(changed.err()).contains("--trust-new-key");
        Result trusted = runOn(office, "package", "import", next.toString(), "--trust-new-key");
        assertThat(trusted.exitCode()).as(trusted.err()).isZero();
        assertThat(trusted.out()).contains("已信任");
    }

    @Test
    void usageAndDatabaseErrors() {
        Result badDate = runOn(committeePc, "package", "export", "--committee", firstCommitteeCode(), "--since",
                "2024-13-01", "--out", dir.resolve("p.mdpkg").toString());
        assertThat(badDate.exitCode()).isEqualTo(2);
        Result noOut = runOn(committeePc, "package", "export", "--committee", firstCommitteeCode());
        assertThat(noOut.exitCode()).isEqualTo(2);
        Result missing = runOn(dir.resolve("nowhere").resolve("db"), "package", "status");
        assertThat(missing.exitCode()).isEqualTo(4);
        assertThat(dir.resolve("nowhere")).doesNotExist();
        Result unknown = runOn(committeePc, "package", "export", "--committee", "没有这个调委会", "--out",
                dir.resolve("p.mdpkg").toString());
        assertThat(unknown.exitCode()).isEqualTo(3);
        assertThat(runOn(committeePc, "package").exitCode()).isEqualTo(2);
    }

    @Test
    void rolesDecideWhoExportsImportsAndReads() {
        try (RoleFixture fixture = new RoleFixture(dir.resolve("roles"))) {
            fixture.database.close();
            Path db = dir.resolve("roles").resolve("db");
            Path own = dir.resolve("own.mdpkg");
            Path other = dir.resolve("other.mdpkg");
            assertThat(as(db, "admin", "admin-2024", "package", "export", "--committee",
                    fixture.committeeB.code(), "--out", own.toString()).exitCode()).isZero();
            Result viewer = as(db, "leader", "viewer-01", "package", "export", "--committee",
                    fixture.committeeA.code(), "--out", other.toString());
            assertThat(viewer.exitCode()).isEqualTo(5);
            assertThat(other).doesNotExist();
            assertThat(as(db, "leader", "viewer-01", "package", "import", own.toString()).exitCode()).isEqualTo(5);
            assertThat(as(db, "leader", "viewer-01", "package", "key", "--out", other.toString()).exitCode())
                    .isEqualTo(5);
            assertThat(runOn(db, "package", "status").exitCode()).as("aggregate figures need no account").isZero();
            Result imported = as(db, "admin", "admin-2024", "package", "import", own.toString());
            assertThat(imported.exitCode()).as(imported.err()).isZero();
        }
    }

    private static Result as(Path db, String user, String password, String... command) {
        List<String> args = new ArrayList<>(List.of("--db", db.toString(), "--user", user));
        args.addAll(List.of(command));
        return runWithInput("", password, args.toArray(String[]::new));
    }
}
