package cn.mediationdesk.persistence;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * What an embedded database file is, judged by its first bytes before H2 is let near it: H2 writes
 * a fresh store over an empty or unrecognised file, which destroys the one chance of recovering it.
 */
record H2File(Kind kind, String fileId) {
    enum Kind {
        /** Nothing there. */
        MISSING,
        /** There, but without a byte: a crash or disk fault before anything was written. */
        EMPTY,
        /** An H2 store written in clear. */
        PLAIN,
        /** An H2 store encrypted with CIPHER=AES; {@link #fileId()} names its key. */
        ENCRYPTED,
        /** The header is zeros: a disk fault or a crash wiped it. */
        ZEROED,
        /** Something else. */
        FOREIGN
    }

    /** H2's encrypted file header ({@code FileEncrypt}): this text, then the file's 8-byte salt. */
    private static final byte[] ENCRYPTED_HEADER = "H2encrypt\n".getBytes(StandardCharsets.US_ASCII);
    private static final int SALT_LENGTH = 8;
    /** An MVStore file header starts with its first field. */
    private static final byte[] PLAIN_HEADER = "H:2,".getBytes(StandardCharsets.US_ASCII);
    /** Both store headers fill a 4 KB block; H2 writes two, then chunks. Less than one is no store. */
    static final int BLOCK = 4096;

    static H2File inspect(Path file) throws IOException {
        if (!Files.exists(file)) {
            return new H2File(Kind.MISSING, null);
        }
        long size = Files.size(file);
        if (size == 0) {
            return new H2File(Kind.EMPTY, null);
        }
        byte[] block;
        try (InputStream in = Files.newInputStream(file)) {
            block = in.readNBytes(BLOCK);
        }
        byte[] head = Arrays.copyOf(block, Math.min(block.length, ENCRYPTED_HEADER.length + SALT_LENGTH));
        if (size >= BLOCK && startsWith(head, ENCRYPTED_HEADER) && head.length == ENCRYPTED_HEADER.length + SALT_LENGTH) {
            String id = HexFormat.of().formatHex(head, ENCRYPTED_HEADER.length, head.length);
            return new H2File(Kind.ENCRYPTED, id);
        }
        if (size >= BLOCK && startsWith(head, PLAIN_HEADER)) {
            return new H2File(Kind.PLAIN, null);
        }
        boolean zeroed = true;
        for (byte b : block) {
            zeroed &= b == 0;
        }
        return new H2File(zeroed ? Kind.ZEROED : Kind.FOREIGN, null);
    }

    private static boolean startsWith(byte[] bytes, byte[] prefix) {
        return bytes.length >= prefix.length && Arrays.equals(bytes, 0, prefix.length, prefix, 0, prefix.length);
    }
}
