package cn.mediationdesk.logic.tally;

import cn.mediationdesk.logic.CellNeutralizer;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * A summary as the CSV of DESIGN §6: the contract header, one line per group, then {@code TOTAL}.
 * Lines end with {@code \n}; the name is the Chinese one; an empty rate means nothing was accepted.
 * The text is meant to be written as UTF-8 without a byte-order mark. A code or name that a
 * spreadsheet would run as a formula is written with a quote in front ({@link CellNeutralizer}).
 */
public final class SummaryCsv {
    public static final String HEADER = String.join(",", SummaryColumns.ALL);

    private static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder().setRecordSeparator("\n").get();

    private SummaryCsv() {
    }

    public static String format(TallyResult result) {
        StringBuilder text = new StringBuilder();
        try (CSVPrinter printer = new CSVPrinter(text, FORMAT)) {
            printer.printRecord(SummaryColumns.ALL);
            for (TallyRow row : result.rows()) {
                printer.printRecord(record(row));
            }
            printer.printRecord(record(result.total()));
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringBuilder does not fail
        }
        return text.toString();
    }

    private static List<Object> record(TallyRow row) {
        List<Object> values = new ArrayList<>();
        values.add(CellNeutralizer.neutralize(row.code()));
        values.add(CellNeutralizer.neutralize(row.nameZh()));
        for (long value : SummaryColumns.values(row.counts())) {
            values.add(value);
        }
        String rate = SummaryColumns.rate(row.counts());
        values.add(rate == null ? "" : rate);
        return values;
    }
}
