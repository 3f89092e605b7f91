package cn.mediationdesk.gui.print;

import java.awt.image.BufferedImage;

/**
 * One rendered page of a preview: its picture at {@link PrintPreviewViewModel#DPI}, and whether the
 * document set it on A4 landscape.
 */
public record PreviewPage(BufferedImage image, boolean landscape) {
    public int width() {
        return image.getWidth();
    }

    public int height() {
        return image.getHeight();
    }
}
