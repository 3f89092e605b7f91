package cn.mediationdesk.logic.tally;

import java.time.LocalDate;

/**
 * A summary as the JSON object of DESIGN §6:
 * {@code {"by", "from", "to", "asOf", "rows": [...], "total": {...}}}, each row keyed by the CSV's
 * columns, rates as numbers or {@code null}. The shape is flat and fixed, so a few lines of
 * writing (with proper string escaping) serve better than a JSON library.
 */
public final class SummaryJson {
    private SummaryJson() {
    }

    public static String format(TallyResult result) {
        TallyQuery query = result.query();
        StringBuilder json = new StringBuilder(256 + 256 * result.rows().size());
        json.append("{\n");
        json.append("  \"by\": ").append(string(query.by().cliName())).append(",\n");
        json.append("  \"from\": ").append(date(query.from())).append(",\n");
        json.append("  \"to\": ").append(date(query.to())).append(",\n");
        json.append("  \"asOf\": ").append(date(query.asOf())).append(",\n");
        json.append("  \"rows\": [");
        for (int i = 0; i < result.rows().size(); i++) {
            json.append(i == 0 ? "\n" : ",\n").append("    ");
            row(json, result.rows().get(i));
        }
        json.append(result.rows().isEmpty() ? "],\n" : "\n  ],\n");
        json.append("  \"total\": ");
        row(json, result.total());
        json.append("\n}\n");
        return json.toString();
    }

    private static void row(StringBuilder json, TallyRow row) {
        json.append("{\"code\": ").append(string(row.code()));
        json.append(", \"name\": ").append(string(row.nameZh()));
        long[] values = SummaryColumns.values(row.counts());
        for (int i = 0; i < values.length; i++) {
            json.append(", \"").append(SummaryColumns.COUNTS.get(i)).append("\": ").append(values[i]);
        }
        String rate = SummaryColumns.rate(row.counts());
        json.append(", \"").append(SummaryColumns.RESOLUTION_RATE).append("\": ").append(rate == null ? "null" : rate);
        json.append('}');
    }

    private static String date(LocalDate date) {
        return date == null ? "null" : string(date.toString());
    }

    /** A JSON string literal (RFC 8259): quotes, backslashes and control characters escaped. */
    static String string(String text) {
        if (text == null) {
            return "null";
        }
        StringBuilder out = new StringBuilder(text.length() + 2).append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                default -> {
                    // U+2028/2029 are legal JSON but break JavaScript readers of it.
                    if (c < 0x20 || c == '\u2028' || c == '\u2029') {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }
}
