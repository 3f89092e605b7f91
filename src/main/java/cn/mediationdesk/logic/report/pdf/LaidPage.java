package cn.mediationdesk.logic.report.pdf;

import org.apache.pdfbox.pdmodel.common.PDRectangle;

import java.util.List;

/**
 * One page as laid out, before it is drawn: what to draw where, in points from the bottom-left
 * corner, and whether it carries a page number.
 */
record LaidPage(PDRectangle size, List<Op> ops, boolean numbered) {

    sealed interface Op {
    }

    /** A line of text with its baseline at {@code y}; {@code gray} 0 is black. */
    record Text(float x, float y, float size, String text, boolean bold, float gray) implements Op {
    }

    record Line(float x1, float y1, float x2, float y2, float width) implements Op {
    }

    /** A JPEG or PNG drawn into the box with its lower-left corner at ({@code x}, {@code y}). */
    record Image(float x, float y, float width, float height, byte[] content) implements Op {
    }

    /**
     * The page is page {@code index} (from 0) of the PDF {@code content}, taken over as it is; other
     * ops are drawn over it.
     */
    record Imported(byte[] content, int index) implements Op {
    }

    record Fill(float x, float y, float width, float height, float gray) implements Op {
    }
}
