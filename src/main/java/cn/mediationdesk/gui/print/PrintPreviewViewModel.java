package cn.mediationdesk.gui.print;

import cn.mediationdesk.gui.common.DialogService;
import cn.mediationdesk.gui.common.KnownFailures;
import cn.mediationdesk.gui.common.TaskExecutor;
import cn.mediationdesk.logic.files.OutputFiles;
import cn.mediationdesk.logic.l10n.Localization;
import cn.mediationdesk.logic.report.pdf.FontNotFoundException;
import cn.mediationdesk.logic.report.pdf.PdfExporter;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ObservableBooleanValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * A print preview: the pages exactly as the PDF export lays them out (the same {@link PdfExporter}
 * makes them, so print, preview and saved file agree), rendered to pictures that the view shows and
 * prints. The pages are made in the background; the PDF they come from can also be saved.
 */
public final class PrintPreviewViewModel {
    /** Sharp enough on paper, and an A4 page stays under ten megabytes in memory. */
    public static final float DPI = 150;

    private final Callable<Printout> source;
    private final Localization l10n;
    private final TaskExecutor executor;
    private final DialogService dialogs;

    private final ObservableList<PreviewPage> pages = FXCollections.observableArrayList();
    private final ObservableList<PreviewPage> pagesView = FXCollections.unmodifiableObservableList(pages);
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper saving = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private final BooleanBinding ready;
    private Printout printout;
    private byte[] pdf;

    public PrintPreviewViewModel(Callable<Printout> source, Localization l10n, TaskExecutor executor,
                                 DialogService dialogs) {
        this.source = source;
        this.l10n = l10n;
        this.executor = executor;
        this.dialogs = dialogs;
        ready = Bindings.createBooleanBinding(() -> !loading.get() && !saving.get() && !pages.isEmpty(),
                loading, saving, pages);
    }

    private record Rendered(Printout printout, byte[] pdf, List<PreviewPage> pages) {
    }

    /** Reads and lays out the printout, and renders its pages. */
    public void load() {
        if (loading.get()) {
            return;
        }
        loading.set(true);
        status.set(l10n.text("gui.print.loading"));
        executor.execute(() -> {
            Printout read = source.call();
            byte[] bytes = toPdf(read, l10n);
            return new Rendered(read, bytes, render(bytes));
        }, rendered -> {
            loading.set(false);
            printout = rendered.printout();
            pdf = rendered.pdf();
            pages.setAll(rendered.pages());
            status.set(l10n.text("gui.print.pageCount", pages.size()));
        }, failure -> {
            loading.set(false);
            status.set(l10n.text("gui.print.failed"));
            if (failure instanceof FontNotFoundException missingFont) {
                dialogs.showError(l10n.text("gui.window.title"), l10n.text("gui.print.noFont"),
                        missingFont.describe(l10n));
            } else {
                KnownFailures.report(failure, dialogs, l10n, l10n.text("gui.window.title"), "gui.print.failed",
                        "gui.print.failed.advice");
            }
        });
    }

    static byte[] toPdf(Printout printout, Localization l10n) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new PdfExporter(l10n).write(printout.compose(), out);
        return out.toByteArray();
    }

    /** Every page of {@code pdf} as a picture at {@link #DPI}. */
    static List<PreviewPage> render(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            PDFRenderer renderer = new PDFRenderer(document);
            List<PreviewPage> rendered = new ArrayList<>();
            for (int i = 0; i < document.getNumberOfPages(); i++) {
                PDRectangle box = document.getPage(i).getMediaBox();
                rendered.add(new PreviewPage(renderer.renderImageWithDPI(i, DPI, ImageType.RGB),
                        box.getWidth() > box.getHeight()));
            }
            return rendered;
        }
    }

    /** Asks where to save the previewed pages as a PDF, and saves them there. */
    public void saveAsPdf() {
        if (!ready.get()) {
            return;
        }
        var chosen = dialogs.chooseSaveFile(l10n.text("gui.print.saveTitle"), printout.name() + ".pdf",
                l10n.text("gui.print.filter.pdf"), "pdf");
        if (chosen.isEmpty()) {
            return;
        }
        Path file = chosen.get();
        byte[] bytes = pdf;
        saving.set(true);
        executor.execute(() -> {
            writeWhole(file, bytes);
            return file;
        }, saved -> {
            saving.set(false);
            dialogs.notifyDone(l10n.text("gui.window.title"), l10n.text("gui.print.saved"),
                    file.toAbsolutePath().toString());
        }, failure -> {
            saving.set(false);
            // a full disk, a read-only folder … in the command line's words
            KnownFailures.report(failure, dialogs, l10n, l10n.text("gui.window.title"), "gui.print.saveFailed",
                    "gui.print.saveFailed.advice", file.toAbsolutePath());
        });
    }

    /** Into a file beside the target, then moved over it: a failure leaves no half-written file. */
    private static void writeWhole(Path file, byte[] bytes) {
        OutputFiles.writeAtomically(file, out -> out.write(bytes));
    }

    /** Tells the user that nothing reached the printer, when the printer said so. */
    public void printFailed() {
        dialogs.showError(l10n.text("gui.window.title"), l10n.text("gui.print.printFailed"),
                l10n.text("gui.print.printFailed.advice"));
    }

    /** Says how many pages went to the printer. */
    public void printed(int count) {
        status.set(l10n.text("gui.print.sent", count));
    }

    /** The rendered pages, in order; empty while loading. */
    public ObservableList<PreviewPage> pages() {
        return pagesView;
    }

    /** Whether there are pages to print or save and nothing is being made or written. */
    public ObservableBooleanValue readyProperty() {
        return ready;
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty savingProperty() {
        return saving.getReadOnlyProperty();
    }

    /** A line about the preview: loading, the page count, or that it failed. */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }
}
