package cn.mediationdesk.logic.report.pdf;

import cn.mediationdesk.logic.l10n.Localization;

import java.nio.file.Path;
import java.util.List;

/**
 * No font on this computer can print Chinese into a PDF: none of the known CJK fonts is installed, or
 * each one found is of a kind PDFBox cannot embed (CFF-outline OpenType, such as the usual Noto Sans
 * CJK files), or it lacks the Latin letters and digits with no Latin font beside it. The message says
 * what to install; {@link #explicit()} is the font named by {@code -Dmediationdesk.font} when that
 * one was the problem.
 */
public final class FontNotFoundException extends RuntimeException {
    /** What to install, the same in every language: the package and font names are what one types or looks for. */
    public static final String INSTALL_HINT = "Debian/Ubuntu/Kylin/UOS: sudo apt-get install fonts-wqy-zenhei;"
            + " Fedora: sudo dnf install wqy-zenhei-fonts; Windows: 微软雅黑 (msyh.ttc) or 宋体 (simsun.ttc)";

    private final transient List<Path> rejected;
    private final transient Path explicit;

    FontNotFoundException(List<Path> rejected, Path explicit) {
        super(explicit != null
                ? "The font named by -D" + CjkFonts.FONT_PROPERTY + "=" + explicit
                        + " cannot be embedded in a PDF: it must be a TrueType (.ttf/.ttc) font with Chinese characters"
                : "No Chinese font that can be embedded in a PDF was found" + (rejected.isEmpty() ? ""
                        : " (unusable: " + rejected + ")") + ". Install one — " + INSTALL_HINT
                        + " — or name a TrueType font file with -D" + CjkFonts.FONT_PROPERTY + "=PATH.");
        this.rejected = List.copyOf(rejected);
        this.explicit = explicit;
    }

    /** What to tell the user, in their language: what to install, or which named font is unusable. */
    public String describe(Localization l10n) {
        return explicit != null ? l10n.text("export.font.unusable", explicit)
                : l10n.text("export.font.missing", INSTALL_HINT);
    }

    /** Fonts that were found but cannot be used. */
    public List<Path> rejected() {
        return rejected;
    }

    /** The font {@code -Dmediationdesk.font} names, when it is the one that cannot be used; else {@code null}. */
    public Path explicit() {
        return explicit;
    }
}
