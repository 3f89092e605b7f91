package cn.mediationdesk.cli;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.function.Function;

/**
 * Where the command line gets passwords from, never from an argument (DESIGN §6): the acting
 * user's from {@code MEDIATIONDESK_PASSWORD} if set, else from the console without echo, else one
 * line of standard input each (so that scripts can pipe them in: the acting user's first, then a
 * new one).
 */
public final class PasswordInput {
    public static final String ENVIRONMENT_VARIABLE = "MEDIATIONDESK_PASSWORD";
    /** Where a script gives the recovery code a restore on another PC asks for. */
    public static final String RECOVERY_CODE_VARIABLE = "MEDIATIONDESK_RECOVERY_CODE";
    /** The password of a shared database server named by {@code --db} (what {@code serve} printed). */
    public static final String DATABASE_PASSWORD_VARIABLE = "MEDIATIONDESK_DB_PASSWORD";

    private final Console console;
    private final InputStream stdin;
    private final Function<String, String> environment;
    private BufferedReader lines;

    /**
     * @param console     the interactive console, or {@code null} when input is redirected
     * @param environment the process environment, by variable name
     */
    public PasswordInput(Console console, InputStream stdin, Function<String, String> environment) {
        this.console = console;
        this.stdin = stdin;
        this.environment = environment;
    }

    public static PasswordInput ofProcess() {
        return new PasswordInput(System.console(), System.in, System::getenv);
    }

    /** The acting user's password, or {@code null} when none was given anywhere. */
    String actingUsersPassword(String prompt) {
        String fromEnvironment = environment.apply(ENVIRONMENT_VARIABLE);
        if (fromEnvironment != null && !fromEnvironment.isEmpty()) {
            return fromEnvironment;
        }
        return read(prompt);
    }

    /** The password of a database server given in the environment, or {@code null}. */
    String databasePassword() {
        String fromEnvironment = environment.apply(DATABASE_PASSWORD_VARIABLE);
        return fromEnvironment == null || fromEnvironment.isEmpty() ? null : fromEnvironment;
    }

    /** The recovery code of an encrypted backup, or {@code null} when none was given anywhere. */
    String recoveryCode(String prompt) {
        String fromEnvironment = environment.apply(RECOVERY_CODE_VARIABLE);
        if (fromEnvironment != null && !fromEnvironment.isBlank()) {
            return fromEnvironment;
        }
        return read(prompt);
    }

    /** A password typed at {@code prompt} or the next line of standard input, or {@code null} when none came. */
    String read(String prompt) {
        if (console != null) {
            char[] typed = console.readPassword("%s", prompt);
            return typed == null ? null : new String(typed);
        }
        try {
            if (lines == null) {
                lines = new BufferedReader(new InputStreamReader(stdin, StandardCharsets.UTF_8));
            }
            return lines.readLine();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Whether a person types at a console, who can be asked to repeat a new password. */
    boolean interactive() {
        return console != null;
    }
}
