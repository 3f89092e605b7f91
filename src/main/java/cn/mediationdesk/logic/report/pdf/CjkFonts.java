package cn.mediationdesk.logic.report.pdf;

import org.apache.fontbox.ttf.CmapLookup;
import org.apache.fontbox.ttf.OS2WindowsMetricsTable;
import org.apache.fontbox.ttf.OTFParser;
import org.apache.fontbox.ttf.OpenTypeFont;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeCollection;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBufferedFile;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;

/**
 * Finds the fonts a PDF is printed with: a Chinese TrueType font that PDFBox can embed (as a subset),
 * and, when that font has no Latin letters and digits (Droid Sans Fallback has none), a Latin
 * TrueType font beside it. {@code -Dmediationdesk.font=PATH} names the Chinese font outright;
 * otherwise the usual places of Windows, macOS and Linux (Kylin and UOS included) are tried in turn.
 */
public final class CjkFonts {
    public static final String FONT_PROPERTY = "mediationdesk.font";

    /** What a font must show to print our documents: Chinese of every kind they use, and full-width punctuation. */
    private static final String CHINESE_PROBE = "调解台账人民委员会受理登记协议书第页共，。：（）";
    private static final String LATIN_PROBE = "0123456789ABCXYZabcxyz()-:/.% ";

    private static final List<String> WINDOWS = List.of("msyh.ttc", "msyh.ttf", "simsun.ttc", "simhei.ttf",
            "simkai.ttf", "simfang.ttf", "Deng.ttf");
    private static final List<String> UNIX = List.of(
            "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc",
            "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc",
            "/usr/share/fonts/wqy-zenhei/wqy-zenhei.ttc",
            "/usr/share/fonts/wqy-microhei/wqy-microhei.ttc",
            "/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf",
            "/usr/share/fonts/truetype/droid/DroidSansFallback.ttf",
            "/usr/share/fonts/google-droid-sans-fonts/DroidSansFallbackFull.ttf",
            "/usr/share/fonts/truetype/noto/NotoSansSC-Regular.ttf",
            "/usr/share/fonts/truetype/noto/NotoSansCJK-Regular.ttc",
            "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
            "/usr/share/fonts/truetype/arphic/uming.ttc",
            "/usr/share/fonts/truetype/arphic/ukai.ttc",
            "/usr/share/fonts/fonts-cesi/CESI_SS_GB18030.TTF",
            "/usr/share/fonts/fonts-cesi/CESI_HT_GB18030.TTF",
            "/System/Library/Fonts/STHeiti Light.ttc",
            "/System/Library/Fonts/Supplemental/Songti.ttc",
            "/Library/Fonts/Arial Unicode.ttf");
    private static final List<String> LATIN = List.of(
            "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
            "/usr/share/fonts/dejavu/DejaVuSans.ttf",
            "/usr/share/fonts/dejavu-sans-fonts/DejaVuSans.ttf",
            "/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf",
            "/usr/share/fonts/truetype/liberation2/LiberationSans-Regular.ttf",
            "/usr/share/fonts/liberation-sans/LiberationSans-Regular.ttf",
            "/usr/share/fonts/truetype/freefont/FreeSans.ttf",
            "/System/Library/Fonts/Supplemental/Arial.ttf");

    private static final AtomicReference<Cached> CACHE = new AtomicReference<>();

    private CjkFonts() {
    }

    /**
     * The fonts to print with.
     *
     * @param chinese    the Chinese font file
     * @param chineseName for a collection (.ttc), the name of the font in it to use
     * @param latin      a Latin font for what the Chinese font lacks, or {@code null} when it lacks nothing we print
     */
    public record FontChoice(Path chinese, String chineseName, Path latin) {
    }

    private record Cached(String property, FontChoice choice) {
    }

    /**
     * The fonts to print with, looked for once and then remembered (until {@code -Dmediationdesk.font}
     * changes).
     *
     * @throws FontNotFoundException when there is none, saying what to install
     */
    public static FontChoice locate() {
        String property = System.getProperty(FONT_PROPERTY);
        Cached cached = CACHE.get();
        if (cached != null && java.util.Objects.equals(cached.property(), property)) {
            return cached.choice();
        }
        FontChoice choice = find(property);
        CACHE.set(new Cached(property, choice));
        return choice;
    }

    private static FontChoice find(String property) {
        Optional<Path> latin = candidates(LATIN).filter(p -> probe(p, LATIN_PROBE).isPresent()).findFirst();
        if (property != null && !property.isBlank()) {
            Path explicit = Path.of(property.strip());
            return usable(explicit, latin).orElseThrow(() -> new FontNotFoundException(List.of(explicit), explicit));
        }
        List<Path> rejected = new ArrayList<>();
        for (Path candidate : chineseCandidates().toList()) {
            Optional<FontChoice> choice = usable(candidate, latin);
            if (choice.isPresent()) {
                return choice.get();
            }
            rejected.add(candidate);
        }
        throw new FontNotFoundException(rejected, null);
    }

    private static Stream<Path> chineseCandidates() {
        List<String> paths = new ArrayList<>();
        String windir = System.getenv("WINDIR");
        for (String folder : List.of(windir == null ? "C:\\Windows" : windir)) {
            WINDOWS.forEach(name -> paths.add(folder + "\\Fonts\\" + name));
        }
        String localAppData = System.getenv("LOCALAPPDATA");
        if (localAppData != null) {
            // Fonts installed for one user only (Windows 10 and later).
            WINDOWS.forEach(name -> paths.add(localAppData + "\\Microsoft\\Windows\\Fonts\\" + name));
        }
        paths.addAll(UNIX);
        String home = System.getProperty("user.home");
        for (String dir : List.of(".local/share/fonts", ".fonts")) {
            for (String name : List.of("wqy-zenhei.ttc", "wqy-microhei.ttc", "simsun.ttc", "msyh.ttc")) {
                paths.add(home + "/" + dir + "/" + name);
            }
        }
        return candidates(paths);
    }

    private static Stream<Path> candidates(List<String> paths) {
        return paths.stream().map(CjkFonts::path).flatMap(Optional::stream).filter(Files::isRegularFile);
    }

    private static Optional<Path> path(String text) {
        try {
            return Optional.of(Path.of(text));
        } catch (RuntimeException e) {
            return Optional.empty(); // a Windows path on Unix or the other way round
        }
    }

    /** The font at {@code file}, with a Latin font when it needs one, if PDFBox can embed and print with it. */
    private static Optional<FontChoice> usable(Path file, Optional<Path> latin) {
        Optional<String> name = probe(file, CHINESE_PROBE);
        if (name.isEmpty()) {
            return Optional.empty();
        }
        if (probe(file, name.get(), LATIN_PROBE)) {
            return Optional.of(new FontChoice(file, name.get(), null));
        }
        return latin.map(l -> new FontChoice(file, name.get(), l));
    }

    /** The name of the first font in the file that shows every character of {@code probe} and can be embedded. */
    private static Optional<String> probe(Path file, String probe) {
        try {
            if (isCollection(file)) {
                List<String> found = new ArrayList<>();
                try (TrueTypeCollection collection = new TrueTypeCollection(file.toFile())) {
                    collection.processAllFonts(font -> {
                        if (found.isEmpty() && shows(font, probe)) {
                            found.add(font.getName());
                        }
                    });
                }
                return found.stream().findFirst();
            }
            try (TrueTypeFont font = parse(file)) {
                return shows(font, probe) ? Optional.ofNullable(font.getName()) : Optional.empty();
            }
        } catch (IOException | RuntimeException e) {
            return Optional.empty(); // damaged, or not a font at all: look further
        }
    }

    private static boolean probe(Path file, String name, String probe) {
        try {
            if (isCollection(file)) {
                try (TrueTypeCollection collection = new TrueTypeCollection(file.toFile())) {
                    TrueTypeFont font = collection.getFontByName(name);
                    return font != null && shows(font, probe);
                }
            }
            try (TrueTypeFont font = parse(file)) {
                return shows(font, probe);
            }
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    static boolean isCollection(Path file) {
        return file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".ttc");
    }

    static TrueTypeFont parse(Path file) throws IOException {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        RandomAccessReadBufferedFile data = new RandomAccessReadBufferedFile(file.toFile());
        return name.endsWith(".otf") ? new OTFParser().parse(data) : new TTFParser().parse(data);
    }

    /**
     * Whether PDFBox can embed a subset of {@code font} and print every character of {@code probe} with
     * it: TrueType outlines (not CFF), embedding and subsetting allowed, and a glyph for each character.
     */
    static boolean shows(TrueTypeFont font, String probe) throws IOException {
        if (font instanceof OpenTypeFont otf && otf.isPostScript()) {
            return false;
        }
        if (!font.getTableMap().containsKey("glyf")) {
            return false;
        }
        OS2WindowsMetricsTable os2 = font.getOS2Windows();
        if (os2 != null) {
            int fsType = os2.getFsType();
            if ((fsType & 0x000F) == OS2WindowsMetricsTable.FSTYPE_RESTRICTED
                    || (fsType & OS2WindowsMetricsTable.FSTYPE_NO_SUBSETTING) != 0) {
                return false;
            }
        }
        CmapLookup cmap = font.getUnicodeCmapLookup(false);
        if (cmap == null) {
            return false;
        }
        return probe.codePoints().allMatch(cp -> cmap.getGlyphId(cp) != 0);
    }
}
