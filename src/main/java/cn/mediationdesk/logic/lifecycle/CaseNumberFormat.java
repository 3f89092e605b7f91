package cn.mediationdesk.logic.lifecycle;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Formats case numbers from a pattern such as {@code ({year}){short}人调字第{seq:000}号}:
 * {@code {year}} the year of acceptance, {@code {short}} the committee's short name,
 * {@code {seq}} the sequence number, zero-padded to as many digits as zeros follow the colon.
 */
public record CaseNumberFormat(String pattern) {
    public static final String DEFAULT_PATTERN = "({year}){short}人调字第{seq:000}号";
    private static final Pattern SEQ = Pattern.compile("\\{seq(?::(0+))?}");

    public CaseNumberFormat {
        if (pattern == null || !SEQ.matcher(pattern).find()) {
            throw new IllegalArgumentException("a case number pattern must contain {seq}");
        }
    }

    public String format(int year, String shortName, int sequence) {
        String text = pattern.replace("{year}", Integer.toString(year)).replace("{short}", shortName);
        Matcher m = SEQ.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            int width = m.group(1) == null ? 1 : m.group(1).length();
            m.appendReplacement(out, Matcher.quoteReplacement(String.format("%0" + width + "d", sequence)));
        }
        m.appendTail(out);
        return out.toString();
    }
}
