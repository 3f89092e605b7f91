package cn.mediationdesk.logic.attachment;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Optional;

/**
 * Small PNG pictures of attachments, made when a screen asks (never stored): an image scaled down,
 * a PDF's first page rendered. Slow work for a background thread. A file that cannot be pictured
 * gives nothing, and the screen shows its type instead.
 */
public final class Thumbnails {
    /** The longer side of a thumbnail, in pixels. */
    public static final int SIZE = 160;
    private static final int LARGEST_SUBSAMPLING = 16;

    private Thumbnails() {
    }

    /** A PNG at most {@code size} pixels wide and high; empty when the file cannot be pictured. */
    public static Optional<byte[]> of(AttachedFile file, int size) {
        try {
            BufferedImage picture = switch (file.attachment().mediaType()) {
                case AttachmentContent.PDF -> firstPage(file.content(), size);
                case AttachmentContent.JPEG, AttachmentContent.PNG -> image(file, size);
                default -> null;
            };
            return picture == null ? Optional.empty() : Optional.of(png(scaled(picture, size)));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static BufferedImage image(AttachedFile file, int size) throws IOException {
        // Decode only as many pixels as the thumbnail needs (a 40-megapixel scan would take 160 MB whole).
        BufferedImage probe = AttachmentContent.decode(file.content(), LARGEST_SUBSAMPLING, file.attachment().fileName());
        if (probe == null) {
            return null;
        }
        int longer = Math.max(probe.getWidth(), probe.getHeight()) * LARGEST_SUBSAMPLING;
        int step = Math.max(1, Math.min(LARGEST_SUBSAMPLING, longer / (size * 2)));
        return step == LARGEST_SUBSAMPLING ? probe
                : AttachmentContent.decode(file.content(), step, file.attachment().fileName());
    }

    private static BufferedImage firstPage(byte[] content, int size) throws IOException {
        try (PDDocument document = Loader.loadPDF(content)) {
            if (document.getNumberOfPages() == 0) {
                return null;
            }
            PDRectangle box = document.getPage(0).getCropBox();
            float longer = Math.max(box.getWidth(), box.getHeight());
            // points are 1/72 inch: render just large enough for the thumbnail
            float dpi = Math.max(9f, 72f * size / Math.max(1f, longer));
            return new PDFRenderer(document).renderImageWithDPI(0, dpi, ImageType.RGB);
        }
    }

    private static BufferedImage scaled(BufferedImage source, int size) {
        double factor = Math.min(1.0, (double) size / Math.max(source.getWidth(), source.getHeight()));
        int width = Math.max(1, (int) Math.round(source.getWidth() * factor));
        int height = Math.max(1, (int) Math.round(source.getHeight() * factor));
        BufferedImage target = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = target.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, width, height);
            g.drawImage(source, 0, 0, width, height, null);
        } finally {
            g.dispose();
        }
        return target;
    }

    private static byte[] png(BufferedImage image) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        if (!ImageIO.write(image, "png", bytes)) {
            throw new IOException("no PNG writer");
        }
        return bytes.toByteArray();
    }
}
