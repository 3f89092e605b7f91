package cn.mediationdesk.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import org.slf4j.LoggerFactory;

import java.io.OutputStream;
import java.io.PrintStream;

/**
 * Keeps library logging (Flyway, H2, POI) off a command's output: standard output may be a CSV
 * being piped on, and standard error carries one localized line per problem. With {@code --debug}
 * the log goes to standard error.
 * <p>
 * Some libraries also print on their own: H2 writes a line to {@code System.out} and a stack trace
 * to {@code System.err} when it cannot write its trace file (a read-only or full disk). The command
 * line writes to the file descriptors themselves ({@link Cli#forConsole()}), so these two streams
 * are the libraries' alone: never standard output, and standard error only with {@code --debug}.
 */
public final class CliLogging {
    private CliLogging() {
    }

    public static void configure(boolean debug) {
        PrintStream nowhere = new PrintStream(OutputStream.nullOutputStream(), true);
        System.setOut(debug ? System.err : nowhere);
        if (!debug) {
            System.setErr(nowhere);
        }
        if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) {
            return;
        }
        context.reset();
        Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        if (!debug) {
            root.setLevel(Level.OFF);
            return;
        }
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern("%d{HH:mm:ss.SSS} %-5level %logger{24} - %msg%n");
        encoder.start();
        ConsoleAppender<ILoggingEvent> appender = new ConsoleAppender<>();
        appender.setContext(context);
        appender.setTarget("System.err");
        appender.setEncoder(encoder);
        appender.start();
        root.addAppender(appender);
        root.setLevel(Level.INFO);
        context.getLogger("cn.mediationdesk").setLevel(Level.DEBUG);
    }
}
