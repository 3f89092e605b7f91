package cn.mediationdesk.logic.backup;

import cn.mediationdesk.logic.store.DatabaseKey;

import javax.crypto.Cipher;
import javax.crypto.CipherOutputStream;
import javax.crypto.Mac;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;

/**
 * A file sealed with the database's key, for what a backup carries beside the (already encrypted)
 * database: AES-256-CTR, then HMAC-SHA256 over everything before the MAC (encrypt-then-MAC), both
 * keys derived from the database key. Streams, so a backup with gigabytes of scans needs no memory;
 * the MAC is checked over the whole file before one byte is decrypted.
 * <pre>MDSEAL1 | 16-byte IV | ciphertext | 32-byte MAC</pre>
 */
final class SealedFile {
    private static final byte[] MAGIC = "MDSEAL1".getBytes(StandardCharsets.US_ASCII);
    private static final int IV_LENGTH = 16;
    private static final int MAC_LENGTH = 32;

    private SealedFile() {
    }

    static void seal(Path plain, Path sealed, DatabaseKey key) throws IOException {
        byte[] iv = new byte[IV_LENGTH];
        new SecureRandom().nextBytes(iv);
        Mac mac = mac(key);
        try (OutputStream file = Files.newOutputStream(sealed)) {
            MacOutputStream macked = new MacOutputStream(file, mac);
            macked.write(MAGIC);
            macked.write(iv);
            try (OutputStream encrypting = new CipherOutputStream(new NonClosing(macked), cipher(key, iv, Cipher.ENCRYPT_MODE))) {
                Files.copy(plain, encrypting);
            }
            file.write(mac.doFinal());
        }
    }

    /** @throws IOException when the file is not sealed, or not with this key, or was altered */
    static void open(Path sealed, Path plain, DatabaseKey key) throws IOException {
        long size = Files.size(sealed);
        long body = size - MAC_LENGTH;
        if (body < MAGIC.length + IV_LENGTH) {
            throw new IOException("not a sealed file: " + sealed);
        }
        byte[] header = new byte[MAGIC.length + IV_LENGTH];
        byte[] expected = new byte[MAC_LENGTH];
        Mac mac = mac(key);
        try (RandomAccessFile file = new RandomAccessFile(sealed.toFile(), "r")) {
            file.readFully(header);
            if (!Arrays.equals(header, 0, MAGIC.length, MAGIC, 0, MAGIC.length)) {
                throw new IOException("not a sealed file: " + sealed);
            }
            file.seek(0);
            byte[] buffer = new byte[64 * 1024];
            for (long left = body; left > 0; ) {
                int n = file.read(buffer, 0, (int) Math.min(buffer.length, left));
                mac.update(buffer, 0, n);
                left -= n;
            }
            file.readFully(expected);
        }
        if (!MessageDigest.isEqual(mac.doFinal(), expected)) {
            throw new IOException("the sealed file was altered, or sealed with another key: " + sealed);
        }
        byte[] iv = Arrays.copyOfRange(header, MAGIC.length, header.length);
        Cipher cipher = cipher(key, iv, Cipher.DECRYPT_MODE);
        try (InputStream in = Files.newInputStream(sealed); OutputStream out = Files.newOutputStream(plain)) {
            in.skipNBytes(header.length);
            byte[] buffer = new byte[64 * 1024];
            for (long left = body - header.length; left > 0; ) {
                int n = in.read(buffer, 0, (int) Math.min(buffer.length, left));
                out.write(cipher.update(buffer, 0, n));
                left -= n;
            }
            out.write(cipher.doFinal());
        } catch (GeneralSecurityException e) {
            throw new IOException(e);
        }
    }

    private static Mac mac(DatabaseKey key) throws IOException {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.derive("backup-attachments-mac"), "HmacSHA256"));
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IOException(e);
        }
    }

    private static Cipher cipher(DatabaseKey key, byte[] iv, int mode) throws IOException {
        try {
            Cipher cipher = Cipher.getInstance("AES/CTR/NoPadding");
            cipher.init(mode, new SecretKeySpec(key.derive("backup-attachments-aes"), "AES"), new IvParameterSpec(iv));
            return cipher;
        } catch (GeneralSecurityException e) {
            throw new IOException(e);
        }
    }

    /** Feeds every byte written through it to the MAC. */
    private static final class MacOutputStream extends FilterOutputStream {
        private final Mac mac;

        MacOutputStream(OutputStream out, Mac mac) {
            super(out);
            this.mac = mac;
        }

        @Override
        public void write(int b) throws IOException {
            mac.update((byte) b);
            out.write(b);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            mac.update(b, off, len);
            out.write(b, off, len);
        }
    }

    /** Lets the cipher stream finish without closing the file the MAC still goes into. */
    private static final class NonClosing extends FilterOutputStream {
        NonClosing(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }
}
