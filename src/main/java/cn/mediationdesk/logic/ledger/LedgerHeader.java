package cn.mediationdesk.logic.ledger;

import cn.mediationdesk.model.Problem;
import cn.mediationdesk.model.Problem.Field;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Which column of the file holds which {@link LedgerColumn}, found by the header's names in any
 * order. It also names columns in problems by the header text the file itself used.
 */
final class LedgerHeader {
    private final int row;
    private final Map<LedgerColumn, Integer> index = new EnumMap<>(LedgerColumn.class);
    private final Map<LedgerColumn, String> texts = new EnumMap<>(LedgerColumn.class);
    private final List<String> unknownColumns = new ArrayList<>();
    private final ColumnMapping mapping;

    private LedgerHeader(int row, ColumnMapping mapping) {
        this.row = row;
        this.mapping = mapping;
    }

    static LedgerHeader of(LedgerTable table) {
        return of(table, ColumnMapping.NONE);
    }

    /**
     * Maps the table's header: a header the mapping names feeds the columns it gives; any other is
     * read by our own names; a column nobody feeds takes the mapping's fixed value, if any.
     *
     * @throws LedgerRejectedException when a required column is missing or a column appears twice
     */
    static LedgerHeader of(LedgerTable table, ColumnMapping mapping) {
        LedgerHeader header = new LedgerHeader(table.headerRow(), mapping);
        List<RowProblem> problems = new ArrayList<>();
        for (int i = 0; i < table.header().size(); i++) {
            String text = table.header().get(i).strip();
            if (text.isEmpty()) {
                continue;
            }
            List<LedgerColumn> columns = mapping.columnsOf(text);
            if (columns.isEmpty()) {
                columns = LedgerColumn.byHeader(text).stream().toList();
            }
            if (columns.isEmpty()) {
                header.unknownColumns.add(text);
            }
            for (LedgerColumn column : columns) {
                if (header.index.containsKey(column)) {
                    problems.add(new RowProblem(header.row, text, Problem.of(Field.COLUMN, "ledger.header.twice",
                            header.texts.get(column))));
                } else {
                    header.index.put(column, i);
                    header.texts.put(column, text);
                }
            }
        }
        if (header.index.isEmpty()) {
            // Not one known name: a wrong encoding or not a ledger at all, not six missing columns.
            throw new LedgerRejectedException(new RowProblem(header.row, null,
                    Problem.of(Field.COLUMN, "ledger.header.noneRecognized")));
        }
        for (LedgerColumn column : LedgerColumn.values()) {
            if (column.required() && !header.has(column)) {
                problems.add(new RowProblem(header.row, null, Problem.of(Field.COLUMN, "ledger.header.missing",
                        column.header(), column.alias())));
            }
        }
        if (!problems.isEmpty()) {
            throw new LedgerRejectedException(problems);
        }
        return header;
    }

    boolean has(LedgerColumn column) {
        return index.containsKey(column) || mapping.fixedValues().containsKey(column);
    }

    /**
     * The row's cell in {@code column}, with the mapping's value for their word; the mapping's fixed
     * value when the file has no such column; otherwise "".
     */
    String cell(LedgerTable.Row row, LedgerColumn column) {
        Integer i = index.get(column);
        if (i == null) {
            return mapping.fixedValues().getOrDefault(column, "");
        }
        return mapping.value(texts.get(column), row.cell(i));
    }

    /** The column as the file names it, or by its Chinese header when the file has no such column. */
    String name(LedgerColumn column) {
        return texts.getOrDefault(column, column.header());
    }

    /** Places a problem of a row at the column of its field (or at the row, for a field no column holds). */
    RowProblem at(int row, Problem problem) {
        return new RowProblem(row, LedgerColumn.of(problem.field()).map(this::name).orElse(null), problem);
    }

    /** The header cells that name no ledger column: reported, then ignored. */
    List<String> unknownColumns() {
        return List.copyOf(unknownColumns);
    }
}
