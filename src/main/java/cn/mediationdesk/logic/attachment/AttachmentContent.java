package cn.mediationdesk.logic.attachment;

import cn.mediationdesk.logic.ValidationException;
import cn.mediationdesk.model.Problem;
import cn.mediationdesk.model.Problem.Field;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;

import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Iterator;

/**
 * What a file really is, judged by its bytes and never by its name: a PDF that opens without a
 * password, or a JPEG or PNG image that decodes. Anything else is refused with a message naming the
 * file and what is wrong with it.
 */
public final class AttachmentContent {
    public static final String PDF = "application/pdf";
    public static final String JPEG = "image/jpeg";
    public static final String PNG = "image/png";

    /**
     * A scan is a few hundred kilobytes a page; 20 MiB holds a long signed agreement scanned in colour
     * and keeps one file well inside what the database and a package handle in memory.
     */
    public static final long MAX_FILE_BYTES = 20L * 1024 * 1024;
    /**
     * 200 MiB a case: far above a real 卷宗, and low enough that a case's attachments, base64 in an
     * exchange package, stay inside the package's limits.
     */
    public static final long MAX_LEAD_BYTES = 200L * 1024 * 1024;
    /**
     * 40 megapixels: an A3 page scanned at 600 dpi. Decoding takes four bytes a pixel, so a small
     * PNG that claims more (a decompression bomb) is refused from its header, before decoding.
     */
    public static final long MAX_PIXELS = 40_000_000L;

    private static final byte[] PDF_START = {'%', 'P', 'D', 'F', '-'};
    private static final byte[] JPEG_START = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF};
    private static final byte[] PNG_START = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};

    private AttachmentContent() {
    }

    /**
     * The media type of {@code content}, once it is checked whole.
     *
     * @throws ValidationException naming {@code fileName} when the file is empty, too large, of another
     *                             type, encrypted, damaged or an image too large to decode
     */
    public static String check(String fileName, byte[] content) {
        if (content.length == 0) {
            throw refused("attachment.empty", fileName);
        }
        if (content.length > MAX_FILE_BYTES) {
            throw refused("attachment.tooLarge", fileName, megabytes(content.length), megabytes(MAX_FILE_BYTES));
        }
        String type = sniff(content);
        if (type == null) {
            throw refused("attachment.unknownType", fileName);
        }
        switch (type) {
            case PDF -> checkPdf(fileName, content);
            case PNG -> {
                checkPngHeader(fileName, content);
                checkDecodes(fileName, content);
            }
            default -> checkDecodes(fileName, content);
        }
        return type;
    }

    /** The media type the bytes begin like, or null when they begin like none of the three. */
    public static String sniff(byte[] content) {
        if (startsWith(content, PDF_START)) {
            return PDF;
        }
        if (startsWith(content, JPEG_START)) {
            return JPEG;
        }
        if (startsWith(content, PNG_START)) {
            return PNG;
        }
        return null;
    }

    /** The lower-case hex SHA-256 of {@code content}: the key its bytes are stored and checked under. */
    public static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java", e);
        }
    }

    private static void checkPdf(String fileName, byte[] content) {
        try (PDDocument document = Loader.loadPDF(content)) {
            if (document.isEncrypted()) {
                throw refused("attachment.pdfEncrypted", fileName);
            }
            if (document.getNumberOfPages() == 0) {
                throw refused("attachment.pdfUnreadable", fileName);
            }
        } catch (InvalidPasswordException e) {
            throw refused("attachment.pdfEncrypted", fileName);
        } catch (IOException | RuntimeException e) {
            if (e instanceof ValidationException refusal) {
                throw refusal;
            }
            throw refused("attachment.pdfUnreadable", fileName);
        }
    }

    /** Reads width and height from the IHDR chunk, which the PNG format requires first. */
    private static void checkPngHeader(String fileName, byte[] content) {
        if (content.length < 24 || content[12] != 'I' || content[13] != 'H' || content[14] != 'D' || content[15] != 'R') {
            throw refused("attachment.imageUnreadable", fileName);
        }
        long width = unsignedInt(content, 16);
        long height = unsignedInt(content, 20);
        checkPixels(fileName, width, height);
    }

    /** Decodes the image, its size checked from its header first; subsampled, since only its soundness matters. */
    private static void checkDecodes(String fileName, byte[] content) {
        try {
            BufferedImage image = decode(content, 8, fileName);
            if (image == null) {
                throw refused("attachment.imageUnreadable", fileName);
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof ValidationException refusal) {
                throw refusal;
            }
            throw refused("attachment.imageUnreadable", fileName);
        }
    }

    /**
     * The image, every {@code step}-th pixel of every {@code step}-th row, after its header has shown
     * it within {@link #MAX_PIXELS}; null when no reader takes it.
     */
    static BufferedImage decode(byte[] content, int step, String fileName) throws IOException {
        try (ImageInputStream input = ImageIO.createImageInputStream(new ByteArrayInputStream(content))) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(input);
            if (!readers.hasNext()) {
                return null;
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(input, true, true);
                checkPixels(fileName, reader.getWidth(0), reader.getHeight(0));
                ImageReadParam param = reader.getDefaultReadParam();
                param.setSourceSubsampling(step, step, 0, 0);
                return reader.read(0, param);
            } finally {
                reader.dispose();
            }
        }
    }

    private static void checkPixels(String fileName, long width, long height) {
        if (width <= 0 || height <= 0) {
            throw refused("attachment.imageUnreadable", fileName);
        }
        if (width * height > MAX_PIXELS) {
            throw refused("attachment.imageTooLarge", fileName, width, height, MAX_PIXELS / 1_000_000);
        }
    }

    private static boolean startsWith(byte[] content, byte[] start) {
        return content.length >= start.length && Arrays.equals(content, 0, start.length, start, 0, start.length);
    }

    private static long unsignedInt(byte[] bytes, int at) {
        return ((bytes[at] & 0xFFL) << 24) | ((bytes[at + 1] & 0xFFL) << 16) | ((bytes[at + 2] & 0xFFL) << 8)
                | (bytes[at + 3] & 0xFFL);
    }

    /** Sizes in MiB with one decimal, as the messages give them. */
    static String megabytes(long bytes) {
        return String.format(java.util.Locale.ROOT, "%.1f", bytes / (1024.0 * 1024.0));
    }

    static ValidationException refused(String key, Object... args) {
        return new ValidationException(Problem.of(Field.FILE, key, args));
    }
}
