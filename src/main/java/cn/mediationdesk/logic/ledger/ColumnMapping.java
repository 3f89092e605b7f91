package cn.mediationdesk.logic.ledger;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * How an office's own ledger layout reads as ours (DESIGN §8): which of our columns each of their
 * headers feeds (one header may feed several, e.g. an office's only date 受理时间 both found_on and
 * accepted_on), fixed values for our columns their file lacks, and, per header, their words for our
 * codes or labels ("已化解" → RESOLVED). Headers of our own that the mapping does not name are
 * read as usual, so a file in our format needs no mapping.
 * <p>
 * The text form, used by {@code import --map} and stored in saved profiles, is a list of entries
 * separated by commas or line breaks:
 * <pre>
 *   THEIR_HEADER=our_column          their column feeds ours (repeat it to feed several)
 *   THEIR_HEADER:THEIR_VALUE=OURS    in that column, their value stands for ours (a code or a label)
 *   *our_column=VALUE                every row has VALUE in our column
 * </pre>
 * {@code our_column} is a column's English alias or Chinese header. A part holding a comma, an
 * equals sign, a colon, a star at its start or a double quote is written in double quotes, with a
 * quote inside doubled: {@code "金额:元"=amount}.
 */
public final class ColumnMapping {
    public static final ColumnMapping NONE = new ColumnMapping(Map.of(), Map.of(), Map.of());

    private final Map<String, List<LedgerColumn>> columns;
    private final Map<LedgerColumn, String> fixedValues;
    private final Map<String, Map<String, String>> valueMaps;

    /**
     * @param columns their header → our columns it feeds, in their file's order
     * @param fixedValues our column → the value every row has in it
     * @param valueMaps their header → (their value → our code or label)
     */
    public ColumnMapping(Map<String, List<LedgerColumn>> columns, Map<LedgerColumn, String> fixedValues,
                         Map<String, Map<String, String>> valueMaps) {
        Map<String, List<LedgerColumn>> c = new LinkedHashMap<>();
        columns.forEach((header, ours) -> {
            if (!ours.isEmpty()) {
                c.put(header.strip(), List.copyOf(ours));
            }
        });
        this.columns = Collections.unmodifiableMap(c);
        Map<LedgerColumn, String> f = new EnumMap<>(LedgerColumn.class);
        fixedValues.forEach((column, value) -> {
            if (value != null && !value.isBlank()) {
                f.put(column, value.strip());
            }
        });
        this.fixedValues = Collections.unmodifiableMap(f);
        Map<String, Map<String, String>> v = new LinkedHashMap<>();
        valueMaps.forEach((header, values) -> {
            Map<String, String> m = new LinkedHashMap<>();
            values.forEach((theirs, ours) -> {
                if (ours != null && !ours.isBlank()) {
                    m.put(theirs.strip(), ours.strip());
                }
            });
            if (!m.isEmpty()) {
                v.put(header.strip(), Collections.unmodifiableMap(m));
            }
        });
        this.valueMaps = Collections.unmodifiableMap(v);
    }

    /**
     * Reads the text form.
     *
     * @throws MappingSyntaxException naming the entry that does not read, or the unknown column
     */
    public static ColumnMapping parse(String text) {
        return new MappingText(text).read();
    }

    /** The text form: one entry per line, parts quoted only where they must be; {@link #parse} reads it back. */
    public String format() {
        List<String> lines = new ArrayList<>();
        columns.forEach((header, ours) -> ours.forEach(c -> lines.add(MappingText.quote(header) + "=" + c.alias())));
        valueMaps.forEach((header, values) -> values.forEach((theirs, ours) -> lines.add(
                MappingText.quote(header) + ":" + MappingText.quote(theirs) + "=" + MappingText.quote(ours))));
        fixedValues.forEach((column, value) -> lines.add("*" + column.alias() + "=" + MappingText.quote(value)));
        return String.join("\n", lines);
    }

    public boolean isEmpty() {
        return columns.isEmpty() && fixedValues.isEmpty() && valueMaps.isEmpty();
    }

    /** Their header → our columns it feeds. */
    public Map<String, List<LedgerColumn>> columns() {
        return columns;
    }

    public Map<LedgerColumn, String> fixedValues() {
        return fixedValues;
    }

    /** Their header → (their value → ours). */
    public Map<String, Map<String, String>> valueMaps() {
        return valueMaps;
    }

    /** Our columns a header of theirs feeds, or an empty list when the mapping does not name it. */
    public List<LedgerColumn> columnsOf(String theirHeader) {
        return columns.getOrDefault(theirHeader.strip(), List.of());
    }

    /** Their cell as we read it: their word for one of our values replaced by ours. */
    String value(String theirHeader, String cell) {
        Map<String, String> values = valueMaps.get(theirHeader);
        if (values == null) {
            return cell;
        }
        return Optional.ofNullable(values.get(cell.strip())).orElse(cell);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ColumnMapping m && columns.equals(m.columns) && fixedValues.equals(m.fixedValues)
                && valueMaps.equals(m.valueMaps);
    }

    @Override
    public int hashCode() {
        return Objects.hash(columns, fixedValues, valueMaps);
    }

    @Override
    public String toString() {
        return format();
    }
}
