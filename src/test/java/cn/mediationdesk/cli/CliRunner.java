package cn.mediationdesk.cli;

import cn.mediationdesk.logic.l10n.Localization;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Runs the command line in-process, as {@code java -jar mediationdesk.jar …} would, and keeps what it printed. */
final class CliRunner {
    static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    /** "Today" in these tests: well after every demo date. */
    static final Clock CLOCK = Clock.fixed(Instant.parse("2024-06-30T02:00:00Z"), CHINA);

    record Result(int exitCode, String out, String err) {
        List<String> outLines() {
            return out.lines().toList();
        }

        List<String> errLines() {
            return err.lines().toList();
        }
    }

    private CliRunner() {
    }

    static Result run(String... args) {
        return run(Localization.CHINESE, args);
    }

    static Result run(Locale locale, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = new Cli(CLOCK, new Localization(locale), out, err, StandardCharsets.UTF_8).execute(args);
        return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /**
     * Runs {@code args} with {@code stdin} as standard input (passwords, one a line) and
     * {@code MEDIATIONDESK_PASSWORD} set to {@code passwordVariable} unless it is {@code null}.
     */
    static Result runWithInput(String stdin, String passwordVariable, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PasswordInput passwords = new PasswordInput(null,
                new java.io.ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
                name -> PasswordInput.ENVIRONMENT_VARIABLE.equals(name) ? passwordVariable : null);
        int code = new Cli(CLOCK, new Localization(Localization.CHINESE), out, err, StandardCharsets.UTF_8, passwords)
                .execute(args);
        return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /**
     * Runs {@code args} with {@code stdin} as standard input and the environment variables
     * {@code environment} (e.g. {@code MEDIATIONDESK_DB_PASSWORD}), printing into {@code out} and
     * {@code err} as it goes, so that a command that keeps running can be watched.
     */
    static int runWatched(java.util.Map<String, String> environment, String stdin, ByteArrayOutputStream out,
                          ByteArrayOutputStream err, String... args) {
        PasswordInput passwords = new PasswordInput(null,
                new java.io.ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)), environment::get);
        return new Cli(CLOCK, new Localization(Localization.CHINESE), out, err, StandardCharsets.UTF_8, passwords)
                .execute(args);
    }

    /** {@link #runWatched} for a command that ends. */
    static Result runWithEnvironment(java.util.Map<String, String> environment, String stdin, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = runWatched(environment, stdin, out, err, args);
        return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** {@code --db FILE} followed by {@code args}. */
    static Result runOn(Path db, String... args) {
        List<String> all = new ArrayList<>(List.of("--db", db.toString()));
        all.addAll(List.of(args));
        return run(all.toArray(String[]::new));
    }
}
