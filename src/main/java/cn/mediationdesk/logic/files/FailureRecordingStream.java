package cn.mediationdesk.logic.files;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Optional;

/**
 * A stream that remembers the first failure of the stream beneath it. Whatever writes through it
 * may wrap that failure, lose its cause (POI does) or swallow it (a {@code PrintWriter} does); the
 * owner of the stream asks here afterwards what the system said.
 */
public class FailureRecordingStream extends FilterOutputStream {
    private IOException failure;

    public FailureRecordingStream(OutputStream out) {
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
    }

    /** Records a failure found another way (a flag of the stream beneath); the first one is kept. */
    protected IOException failed(IOException e) {
        if (failure == null) {
            failure = e;
        }
        return e;
    }

    /** The first failure, if anything written or flushed failed. */
    public Optional<IOException> failure() {
        return Optional.ofNullable(failure);
    }
}
