package cn.mediationdesk.cli;

import picocli.CommandLine;
import picocli.CommandLine.ParameterException;

/**
 * A command line that parsed but makes no sense (a period ending before it starts …): reported
 * like any usage error, with the localized message it carries, exit code 2.
 */
public class CliUsageException extends ParameterException {
    public CliUsageException(CommandLine commandLine, String localizedMessage) {
        super(commandLine, localizedMessage);
    }
}
