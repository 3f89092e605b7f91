package cn.mediationdesk.gui.print;

import cn.mediationdesk.logic.report.print.PrintDocument;

import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.ToIntFunction;

/**
 * What a print preview shows: documents already read from the database, laid out when the pages
 * are made. {@code compose} may first count the pages a document takes (a case file's contents list
 * names the page each document starts on), as {@code PdfExporter} lets it.
 *
 * @param name the file name a saved copy is offered under, without {@code .pdf}
 */
public record Printout(String name, Function<ToIntFunction<PrintDocument>, List<PrintDocument>> compose) {
    public Printout {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(compose, "compose");
    }

    /** Documents that need no page counts. */
    public static Printout of(String name, List<PrintDocument> documents) {
        List<PrintDocument> fixed = List.copyOf(documents);
        return new Printout(name, pages -> fixed);
    }
}
