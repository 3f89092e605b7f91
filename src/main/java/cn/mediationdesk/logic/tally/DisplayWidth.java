package cn.mediationdesk.logic.tally;

/**
 * How many terminal columns a text takes: East Asian wide and fullwidth characters (汉字, fullwidth
 * punctuation, Hangul …) take two, combining marks none, everything else one.
 */
public final class DisplayWidth {
    private DisplayWidth() {
    }

    public static int of(String text) {
        int width = 0;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            width += of(cp);
            i += Character.charCount(cp);
        }
        return width;
    }

    public static int of(int codePoint) {
        int type = Character.getType(codePoint);
        if (type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK || type == Character.FORMAT
                || codePoint == 0x200B) {
            return 0;
        }
        return isWide(codePoint) ? 2 : 1;
    }

    /** The wide (W) and fullwidth (F) ranges of Unicode's East Asian Width property, in short. */
    private static boolean isWide(int cp) {
        return (cp >= 0x1100 && cp <= 0x115F)       // Hangul Jamo initials
                || (cp >= 0x2E80 && cp <= 0x303E)   // CJK radicals, punctuation (、。「」)
                || (cp >= 0x3041 && cp <= 0x33FF)   // kana, bopomofo, CJK compatibility
                || (cp >= 0x3400 && cp <= 0x4DBF)   // CJK extension A
                || (cp >= 0x4E00 && cp <= 0x9FFF)   // CJK unified ideographs
                || (cp >= 0xA000 && cp <= 0xA4CF)   // Yi
                || (cp >= 0xAC00 && cp <= 0xD7A3)   // Hangul syllables
                || (cp >= 0xF900 && cp <= 0xFAFF)   // CJK compatibility ideographs
                || (cp >= 0xFE30 && cp <= 0xFE4F)   // CJK compatibility forms
                || (cp >= 0xFF00 && cp <= 0xFF60)   // fullwidth forms (，：（）)
                || (cp >= 0xFFE0 && cp <= 0xFFE6)   // fullwidth signs (￥)
                || (cp >= 0x1F300 && cp <= 0x1F64F) // pictographs and emoticons
                || (cp >= 0x20000 && cp <= 0x3FFFD); // CJK extensions B and beyond
    }

    /** {@code text} followed by blanks up to {@code width} columns. */
    public static String padRight(String text, int width) {
        return text + " ".repeat(Math.max(0, width - of(text)));
    }

    /** Blanks up to {@code width} columns, then {@code text}. */
    public static String padLeft(String text, int width) {
        return " ".repeat(Math.max(0, width - of(text))) + text;
    }
}
