package cn.mediationdesk.logic.report.pdf;

import org.apache.fontbox.ttf.CmapLookup;
import org.apache.fontbox.ttf.TrueTypeCollection;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The fonts of one PDF, embedded as subsets: the Chinese font first, the Latin font for what it lacks.
 * Text is measured and drawn as runs, each in the first font that has its characters; a character
 * no font has is printed as a question mark rather than failing the whole print. The font files stay
 * open until the PDF is saved, since the subsets are cut from them then.
 */
final class PdfFonts implements Closeable {
    private static final int REPLACEMENT = '?';

    /** One embedded font and the lookup that says which characters it has. */
    record Face(PDType0Font font, CmapLookup cmap) {
        boolean has(int codePoint) {
            return cmap.getGlyphId(codePoint) != 0;
        }
    }

    /** A piece of text that one face draws. */
    record Run(Face face, String text) {
    }

    private final List<Face> faces = new ArrayList<>();
    private final List<Closeable> open = new ArrayList<>();

    private PdfFonts() {
    }

    static PdfFonts load(PDDocument document, CjkFonts.FontChoice choice) throws IOException {
        PdfFonts fonts = new PdfFonts();
        try {
            fonts.add(document, choice.chinese(), choice.chineseName());
            if (choice.latin() != null) {
                fonts.add(document, choice.latin(), null);
            }
        } catch (IOException | RuntimeException e) {
            fonts.close();
            throw e;
        }
        return fonts;
    }

    private void add(PDDocument document, Path file, String name) throws IOException {
        TrueTypeFont font;
        if (CjkFonts.isCollection(file)) {
            TrueTypeCollection collection = new TrueTypeCollection(file.toFile());
            open.add(collection);
            font = collection.getFontByName(name);
            if (font == null) {
                throw new IOException("no font named " + name + " in " + file);
            }
        } else {
            font = CjkFonts.parse(file);
            open.add(font);
        }
        faces.add(new Face(PDType0Font.load(document, font, true), font.getUnicodeCmapLookup(false)));
    }

    /** {@code text} cut into runs by the face that draws each character. */
    List<Run> runs(String text) {
        List<Run> runs = new ArrayList<>();
        Face current = null;
        StringBuilder piece = new StringBuilder();
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            if (Character.isISOControl(cp) || Character.isWhitespace(cp) && cp != ' ' && cp != '\u3000') {
                cp = ' ';
            }
            Face face = faceFor(cp);
            if (face == null) {
                cp = REPLACEMENT;
                face = faceFor(cp);
                if (face == null) {
                    continue;
                }
            }
            if (face != current && !piece.isEmpty()) {
                runs.add(new Run(current, piece.toString()));
                piece.setLength(0);
            }
            current = face;
            piece.appendCodePoint(cp);
        }
        if (!piece.isEmpty()) {
            runs.add(new Run(current, piece.toString()));
        }
        return runs;
    }

    private Face faceFor(int codePoint) {
        for (Face face : faces) {
            if (face.has(codePoint)) {
                return face;
            }
        }
        return null;
    }

    /** How wide {@code text} is at {@code size} points. */
    float width(String text, float size) {
        float width = 0;
        for (Run run : runs(text)) {
            try {
                width += run.face().font().getStringWidth(run.text()) / 1000f * size;
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
        return width;
    }

    @Override
    public void close() throws IOException {
        IOException failure = null;
        for (Closeable c : open) {
            try {
                c.close();
            } catch (IOException e) {
                failure = e;
            }
        }
        open.clear();
        if (failure != null) {
            throw failure;
        }
    }
}
