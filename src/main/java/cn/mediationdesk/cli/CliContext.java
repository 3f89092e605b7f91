package cn.mediationdesk.cli;

import cn.mediationdesk.logic.l10n.Localization;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.Clock;

/**
 * What every command runs with: the clock that says what day it is, the user's language, and
 * the streams. {@code out} speaks the console's charset for people; {@link #writeData} puts
 * machine-readable output (CSV, JSON) on standard output as UTF-8 whatever the console uses.
 */
public record CliContext(Clock clock, Localization l10n, OutputStream stdout, PrintWriter out, PrintWriter err,
                         PasswordInput passwords) {

    public void writeData(String text) {
        out.flush();
        try {
            stdout.write(text.getBytes(StandardCharsets.UTF_8));
            stdout.flush();
        } catch (IOException e) {
            throw new StandardOutput.WriteFailed(e); // the line saying so comes from Cli, for every command alike
        }
    }
}
