package cn.mediationdesk.cli;

import cn.mediationdesk.logic.files.FailureRecordingStream;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;

/**
 * Standard output that remembers whether everything written reached it. The {@code PrintWriter}
 * a command prints through never throws (a full disk or a closed pipe only sets a flag), so
 * {@link Cli} asks here, once the command has ended, and turns a failure into one line and exit 1.
 */
final class StandardOutput extends FailureRecordingStream {
    /** Data written straight to standard output ({@link CliContext#writeData}) did not arrive; {@link Cli} reports it. */
    static final class WriteFailed extends RuntimeException {
        WriteFailed(IOException cause) {
            super(cause);
        }
    }

    private boolean failed;

    StandardOutput(OutputStream out) {
        super(out);
    }

    @Override
    public void flush() throws IOException {
        super.flush();
        // A PrintStream (System.out) keeps its failures to itself, too: only the flag is there to see.
        if (out instanceof PrintStream print && print.checkError()) {
            failed = true;
        }
    }

    @Override
    protected IOException failed(IOException e) {
        failed = true;
        return super.failed(e);
    }

    /** Whether anything written (or flushed) failed to arrive. */
    boolean failed() {
        return failed;
    }
}
