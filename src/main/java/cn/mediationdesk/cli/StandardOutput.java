package cn.mediationdesk.cli;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.util.Optional;

/**
 * Standard output that remembers whether everything written reached it. The {@code PrintWriter}
 * a command prints through never throws (a full disk or a closed pipe only sets a flag), so
 * {@link Cli} asks here, once the command has ended, and turns a failure into one line and exit 1.
 */
final class StandardOutput extends FilterOutputStream {
    /** Data written straight to standard output ({@link CliContext#writeData}) did not arrive; {@link Cli} reports it. */
    static final class WriteFailed extends RuntimeException {
        WriteFailed(IOException cause) {
            super(cause);
        }
    }

    private boolean failed;
    private IOException failure;

    StandardOutput(OutputStream out) {
        super(out);
    }

    @Override
    public void write(int b) throws IOException {
        try {
            out.write(b);
        } catch (IOException e) {
            throw failed(e);
        }
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        try {
            out.write(b, off, len);
        } catch (IOException e) {
            throw failed(e);
        }
    }

    @Override
    public void flush() throws IOException {
        try {
            out.flush();
        } catch (IOException e) {
            throw failed(e);
        }
        // A PrintStream (System.out) keeps its failures to itself, too: only the flag is there to see.
        if (out instanceof PrintStream print && print.checkError()) {
            failed = true;
        }
    }

    private IOException failed(IOException e) {
        failed = true;
        if (failure == null) {
            failure = e;
        }
        return e;
    }

    /** Whether anything written (or flushed) failed to arrive. */
    boolean failed() {
        return failed;
    }

    /** What the system said about the first failure, when it said anything. */
    Optional<IOException> failure() {
        return Optional.ofNullable(failure);
    }
}
