package cn.mediationdesk.logic.ledger;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Reads and writes the text form of a {@link ColumnMapping} (its grammar is documented there). */
final class MappingText {
    private static final String SPECIAL = ",=:\"\n\r";

    private final String text;
    private final Map<String, List<LedgerColumn>> columns = new LinkedHashMap<>();
    private final Map<LedgerColumn, String> fixedValues = new EnumMap<>(LedgerColumn.class);
    private final Map<String, Map<String, String>> valueMaps = new LinkedHashMap<>();

    MappingText(String text) {
        this.text = text == null ? "" : text;
    }

    /** One part of an entry, or one of its separators (':' '='), and whether it was quoted. */
    private record Token(String text, char separator, boolean quoted) {
        boolean is(char c) {
            return separator == c;
        }
    }

    ColumnMapping read() {
        int i = 0;
        while (i <= text.length()) {
            int start = i;
            List<Token> tokens = new ArrayList<>();
            StringBuilder part = new StringBuilder();
            boolean quoted = false;
            boolean inQuotes = false;
            while (i < text.length()) {
                char c = text.charAt(i);
                if (inQuotes) {
                    if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                        part.append('"');
                        i++;
                    } else if (c == '"') {
                        inQuotes = false;
                    } else {
                        part.append(c);
                    }
                } else if (c == '"') {
                    if (!part.toString().isBlank() || quoted) {
                        throw new MappingSyntaxException("ledger.mapping.badEntry", entryText(start, nextSeparator(i)));
                    }
                    part.setLength(0);
                    inQuotes = true;
                    quoted = true;
                } else if (c == ',' || c == '\n' || c == '\r') {
                    break;
                } else if (c == '=' || c == ':') {
                    tokens.add(new Token(quoted ? part.toString() : part.toString().strip(), '\0', quoted));
                    tokens.add(new Token("", c, false));
                    part.setLength(0);
                    quoted = false;
                } else if (quoted && !Character.isWhitespace(c)) {
                    throw new MappingSyntaxException("ledger.mapping.badEntry", entryText(start, nextSeparator(i)));
                } else {
                    part.append(c);
                }
                i++;
            }
            if (inQuotes) {
                throw new MappingSyntaxException("ledger.mapping.unclosedQuote", entryText(start, i));
            }
            tokens.add(new Token(quoted ? part.toString() : part.toString().strip(), '\0', quoted));
            String entry = entryText(start, i);
            if (!entry.isBlank()) {
                entry(entry, tokens);
            }
            i++;
        }
        if (columns.isEmpty() && fixedValues.isEmpty() && valueMaps.isEmpty()) {
            throw new MappingSyntaxException("ledger.mapping.empty");
        }
        return new ColumnMapping(columns, fixedValues, valueMaps);
    }

    /** Where the entry around {@code from} ends, for naming a broken entry whole. */
    private int nextSeparator(int from) {
        int i = from;
        while (i < text.length() && ",\n\r".indexOf(text.charAt(i)) < 0) {
            i++;
        }
        return i;
    }

    private String entryText(int start, int end) {
        return text.substring(start, Math.min(end, text.length())).strip();
    }

    private void entry(String entry, List<Token> tokens) {
        // tokens alternate part, separator, part …
        Token first = tokens.getFirst();
        boolean fixed = !first.quoted() && first.text().startsWith("*");
        if (tokens.size() == 3 && tokens.get(1).is('=')) {
            String left = first.text();
            String right = tokens.get(2).text();
            if (fixed) {
                left = left.substring(1).strip();
                if (left.isEmpty() || right.isEmpty()) {
                    throw new MappingSyntaxException("ledger.mapping.badEntry", entry);
                }
                LedgerColumn column = column(entry, left);
                if (fixedValues.containsKey(column)) {
                    throw new MappingSyntaxException("ledger.mapping.twice", entry);
                }
                fixedValues.put(column, right);
                return;
            }
            if (left.isEmpty() || right.isEmpty()) {
                throw new MappingSyntaxException("ledger.mapping.badEntry", entry);
            }
            LedgerColumn column = column(entry, right);
            List<LedgerColumn> fed = columns.computeIfAbsent(left, h -> new ArrayList<>());
            if (fed.contains(column)) {
                throw new MappingSyntaxException("ledger.mapping.twice", entry);
            }
            fed.add(column);
            return;
        }
        if (!fixed && tokens.size() == 5 && tokens.get(1).is(':') && tokens.get(3).is('=')) {
            String header = first.text();
            String theirs = tokens.get(2).text();
            String ours = tokens.get(4).text();
            if (header.isEmpty() || theirs.isEmpty() || ours.isEmpty()) {
                throw new MappingSyntaxException("ledger.mapping.badEntry", entry);
            }
            Map<String, String> values = valueMaps.computeIfAbsent(header, h -> new LinkedHashMap<>());
            if (values.containsKey(theirs)) {
                throw new MappingSyntaxException("ledger.mapping.twice", entry);
            }
            values.put(theirs, ours);
            return;
        }
        throw new MappingSyntaxException("ledger.mapping.badEntry", entry);
    }

    private static LedgerColumn column(String entry, String name) {
        return LedgerColumn.byHeader(name).orElseThrow(() -> new MappingSyntaxException(
                "ledger.mapping.unknownColumn", entry, name, validColumns()));
    }

    /** Our columns as the mapping may name them, for telling the user. */
    static String validColumns() {
        return Arrays.stream(LedgerColumn.values()).map(LedgerColumn::alias).collect(Collectors.joining(", "));
    }

    /** A part as the text form writes it: quoted when it holds a separator, a quote or blanks at its ends. */
    static String quote(String part) {
        boolean plain = !part.isEmpty() && part.strip().equals(part) && !part.startsWith("*")
                && part.chars().noneMatch(c -> SPECIAL.indexOf(c) >= 0);
        return plain ? part : "\"" + part.replace("\"", "\"\"") + "\"";
    }
}
