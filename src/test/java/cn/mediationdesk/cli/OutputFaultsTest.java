package cn.mediationdesk.cli;

import cn.mediationdesk.cli.CliRunner.Result;
import cn.mediationdesk.faults.SmallDisk;
import cn.mediationdesk.logic.l10n.Localization;
import cn.mediationdesk.logic.report.pdf.CjkFonts;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static cn.mediationdesk.cli.CliRunner.runOn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * DESIGN §6 for output that cannot be written: a full disk, a read-only folder, a name that is a
 * folder, a folder that is not there, standard output that takes nothing. Each is one line on
 * standard error and exit 1; no half file is left, a file already there is kept, the database is
 * unchanged. The full and read-only disks are real (a small tmpfs), so the system's own errors are met.
 */
class OutputFaultsTest {
    private static final Localization CHINESE = new Localization(Localization.CHINESE);
    private static final String[] YEAR_2022 = {"--from", "2022-01-01", "--to", "2022-12-31", "--as-of", "2022-12-31"};

    @TempDir
    static Path shared;
    static Path db;
    static String figures;

    @TempDir
    Path dir;

    @BeforeAll
    static void createDemo() {
        CjkFonts.locate(); // fails at once, saying what to install, on a computer without a Chinese font
        db = shared.resolve("demo");
        Result demo = runOn(db, "demo");
        assertThat(demo.exitCode()).as(demo.err()).isZero();
        figures = figures();
    }

    private static String figures() {
        Result summary = runOn(db, "summary", "--by", "committee", "--format", "csv", "--as-of", "2023-06-30");
        assertThat(summary.exitCode()).as(summary.err()).isZero();
        return summary.out();
    }

    private static void assertDatabaseUnchanged() {
        assertThat(figures()).isEqualTo(figures);
    }

    /** The command that writes a file of {@code kind} to {@code file}. */
    private static String[] writing(String kind, Path file) {
        List<String> args = new ArrayList<>();
        switch (kind) {
            case "export.csv", "export.xlsx" -> args.addAll(List.of("export", "--out"));
            case "summary.csv" -> args.addAll(List.of("summary", "--by", "committee", "--format", "csv", "--out"));
            case "summary.json" -> args.addAll(List.of("summary", "--by", "type", "--format", "json", "--out"));
            case "report.pdf" -> args.addAll(List.of("report", "--by", "committee", "--pdf"));
            case "report.xlsx" -> args.addAll(List.of("report", "--by", "community", "--xlsx"));
            case "stats-table.pdf" -> args.addAll(List.of("stats-table", "--pdf"));
            case "stats-table.xlsx" -> args.addAll(List.of("stats-table", "--xlsx"));
            default -> throw new IllegalArgumentException(kind);
        }
        args.add(file.toString());
        args.addAll(List.of(YEAR_2022));
        return args.toArray(String[]::new);
    }

    @ParameterizedTest
    @ValueSource(strings = {"export.csv", "export.xlsx", "summary.csv", "summary.json", "report.pdf", "report.xlsx",
            "stats-table.pdf", "stats-table.xlsx"})
    void aFullDiskIsOneLineSayingSoWithExitOneAndNoFileLeft(String kind) {
        try (SmallDisk disk = SmallDisk.mount(dir.resolve("disk"), "1m")) {
            disk.fill();
            Path file = disk.resolve(kind);

            Result result = runOn(db, writing(kind, file));

            assertThat(result.exitCode()).as(result.err()).isEqualTo(ExitCodes.FAILURE);
            assertThat(result.errLines()).containsExactly(CHINESE.text("output.diskFull", file));
            assertThat(result.err()).contains("磁盘已满");
            assertThat(result.out()).isEmpty();
            assertThat(disk.files()).isEmpty();
        }
        assertDatabaseUnchanged();
    }

    @Test
    void aFullDiskKeepsTheFileThatWasThere() throws IOException {
        try (SmallDisk disk = SmallDisk.mount(dir.resolve("disk"), "1m")) {
            Path file = disk.resolve("ledger.xlsx");
            Result first = runOn(db, "export", "--committee", "TW008", "--out", file.toString());
            assertThat(first.exitCode()).as(first.err()).isZero();
            byte[] good = Files.readAllBytes(file);
            disk.fill();

            Result result = runOn(db, writing("export.xlsx", file));

            assertThat(result.exitCode()).isEqualTo(ExitCodes.FAILURE);
            assertThat(result.errLines()).containsExactly(CHINESE.text("output.diskFull", file));
            assertThat(Files.readAllBytes(file)).isEqualTo(good);
            assertThat(disk.files()).containsExactly("ledger.xlsx");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"export.csv", "summary.json", "stats-table.pdf", "report.xlsx"})
    void aReadOnlyFolderIsOneLineSayingSoWithExitOne(String kind) {
        try (SmallDisk disk = SmallDisk.mount(dir.resolve("disk"), "1m")) {
            disk.readOnly();
            Path file = disk.resolve(kind);

            Result result = runOn(db, writing(kind, file));

            assertThat(result.exitCode()).as(result.err()).isEqualTo(ExitCodes.FAILURE);
            assertThat(result.errLines()).containsExactly(CHINESE.text("output.readOnly", file, disk.folder()));
            assertThat(result.err()).contains("只读");
            assertThat(disk.files()).isEmpty();
        }
        assertDatabaseUnchanged();
    }

    @ParameterizedTest
    @ValueSource(strings = {"export.csv", "export.xlsx", "summary.csv", "report.pdf", "stats-table.xlsx"})
    void aNameThatIsAFolderIsRefusedAndTheFolderKept(String kind) throws IOException {
        Path empty = Files.createDirectory(dir.resolve(kind));
        Path full = Files.createDirectory(dir.resolve("full-" + kind));
        Files.writeString(full.resolve("keep.txt"), "keep");

        Result ontoEmpty = runOn(db, writing(kind, empty));
        Result ontoFull = runOn(db, writing(kind, full));

        assertThat(ontoEmpty.exitCode()).as(ontoEmpty.err()).isEqualTo(ExitCodes.FAILURE);
        assertThat(ontoEmpty.errLines()).containsExactly(CHINESE.text("output.isFolder", empty));
        assertThat(ontoFull.exitCode()).isEqualTo(ExitCodes.FAILURE);
        assertThat(empty).isEmptyDirectory();
        assertThat(full.resolve("keep.txt")).hasContent("keep");
        assertDatabaseUnchanged();
    }

    @Test
    void aFolderThatIsNotThereIsNamedAndNotCreated() {
        Path file = dir.resolve("报表").resolve("summary.csv");

        Result result = runOn(db, writing("summary.csv", file));

        assertThat(result.exitCode()).isEqualTo(ExitCodes.FAILURE);
        assertThat(result.errLines()).containsExactly(CHINESE.text("output.noFolder", file.getParent(), "summary.csv"));
        assertThat(file.getParent()).doesNotExist();
    }

    @Test
    void aFileIsReplacedWholeAndNothingIsLeftBesideIt() throws IOException {
        Path file = dir.resolve("ledger.csv");
        Files.writeString(file, "an older export");

        Result result = runOn(db, writing("export.csv", file));

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(Files.readString(file, StandardCharsets.UTF_8)).startsWith("\uFEFF").contains("金宝新区人民调解委员会");
        try (var files = Files.list(dir)) {
            assertThat(files.map(f -> f.getFileName().toString())).containsExactly("ledger.csv");
        }
    }

    // ---- standard output ----

    /** A standard output that takes nothing, failing as the system would. */
    private static OutputStream failing(String why) {
        return new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                throw new IOException(why);
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                throw new IOException(why);
            }
        };
    }

    private static Result runWithStdout(OutputStream stdout, String... args) {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        List<String> all = new ArrayList<>(List.of("--db", db.toString()));
        all.addAll(List.of(args));
        int code = new Cli(CliRunner.CLOCK, CHINESE, stdout, err, StandardCharsets.UTF_8).execute(all.toArray(String[]::new));
        return new Result(code, "", err.toString(StandardCharsets.UTF_8));
    }

    @ParameterizedTest
    @ValueSource(strings = {"table", "csv", "json"})
    void summaryOntoAFullStandardOutputIsExitOneSayingTheDiskIsFull(String format) {
        Result result = runWithStdout(failing("No space left on device"), "summary", "--by", "committee",
                "--format", format);

        assertThat(result.exitCode()).isEqualTo(ExitCodes.FAILURE);
        assertThat(result.errLines()).containsExactly("无法写入标准输出：磁盘已满。");
    }

    @Test
    void aClosedPipeOrASilentFailureIsExitOneToo() {
        Result pipe = runWithStdout(failing("Broken pipe"), "summary", "--by", "type", "--format", "csv");
        Result help = runWithStdout(failing("No space left on device"), "--help");
        // A PrintStream, like System.out, only sets a flag.
        Result printStream = runWithStdout(new PrintStream(failing("No space left on device"), true), "summary",
                "--by", "type");

        assertThat(pipe.exitCode()).isEqualTo(ExitCodes.FAILURE);
        assertThat(pipe.errLines()).containsExactly("无法写入标准输出：Broken pipe");
        assertThat(help.exitCode()).isEqualTo(ExitCodes.FAILURE);
        assertThat(help.errLines()).containsExactly("无法写入标准输出：磁盘已满。");
        assertThat(printStream.exitCode()).isEqualTo(ExitCodes.FAILURE);
        assertThat(printStream.errLines()).containsExactly("无法写入标准输出。");
    }

    @Test
    void aCommandThatFailedAlreadyKeepsItsExitCode() {
        java.io.StringWriter lines = new java.io.StringWriter();
        CliErrors errors = new CliErrors(CHINESE, new java.io.PrintWriter(lines), () -> false);

        assertThat(errors.standardOutputFailed(ExitCodes.REJECTED, new IOException("No space left on device")))
                .isEqualTo(ExitCodes.REJECTED);
        assertThat(errors.standardOutputFailed(ExitCodes.OK, null)).isEqualTo(ExitCodes.FAILURE);
        assertThat(lines.toString().lines()).containsExactly("无法写入标准输出：磁盘已满。", "无法写入标准输出。");
    }

    /** The real thing: the jar's entry point in its own process, standard output sent to /dev/full. */
    @Test
    void summaryToDevFullIsExitOneWithOneLine() throws Exception {
        Path devFull = Path.of("/dev/full");
        assumeTrue(Files.isWritable(devFull), "no /dev/full here");
        String java = ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        List<String> command = new ArrayList<>(List.of(java, "-cp", System.getProperty("java.class.path"),
                "-Duser.language=zh", "-Duser.country=CN", "-Dstdout.encoding=UTF-8", "-Dstderr.encoding=UTF-8"));
        String settings = System.getProperty("mediationdesk.settings");
        if (settings != null) {
            command.add("-Dmediationdesk.settings=" + settings);
        }
        command.addAll(List.of("cn.mediationdesk.Launcher", "--db", db.toString(), "summary", "--by", "committee",
                "--format", "csv"));
        Process child = new ProcessBuilder(command).redirectOutput(devFull.toFile()).start();
        String err = new String(child.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        int code = child.waitFor();

        assertThat(code).as(err).isEqualTo(ExitCodes.FAILURE);
        assertThat(err.lines()).containsExactly("无法写入标准输出：磁盘已满。");
        assertDatabaseUnchanged();
    }
}
