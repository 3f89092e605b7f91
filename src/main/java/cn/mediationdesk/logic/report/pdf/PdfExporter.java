package cn.mediationdesk.logic.report.pdf;

import cn.mediationdesk.logic.files.OutputFileException;
import cn.mediationdesk.logic.files.OutputFiles;
import cn.mediationdesk.logic.l10n.Localization;
import cn.mediationdesk.logic.report.pdf.LaidPage.Fill;
import cn.mediationdesk.logic.report.pdf.LaidPage.Image;
import cn.mediationdesk.logic.report.pdf.LaidPage.Imported;
import cn.mediationdesk.logic.report.pdf.LaidPage.Line;
import cn.mediationdesk.logic.report.pdf.LaidPage.Op;
import cn.mediationdesk.logic.report.pdf.LaidPage.Text;
import cn.mediationdesk.logic.report.print.PrintDocument;
import cn.mediationdesk.logic.report.print.ReportTexts;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.PDPageContentStream.AppendMode;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.pdmodel.graphics.state.RenderingMode;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.ToIntFunction;

/**
 * Writes {@link PrintDocument}s as one PDF on A4, with a Chinese font embedded as a subset (found by
 * {@link CjkFonts}): the title, the scope lines, the blocks, and at the foot of each numbered page
 * 第 N 页 共 M 页 (numbered through the whole file) and, for reports, the print date. A bound PDF's
 * pages are taken over as they are and numbered with the rest.
 */
public final class PdfExporter {
    /** Bold is drawn as fill and stroke: one font file serves both weights. */
    private static final float BOLD_STROKE = 0.035f;
    private static final float FOOTER_SIZE = 9;
    private static final float FOOTER_Y = 30;

    private final Localization l10n;
    private final ReportTexts texts;

    public PdfExporter(Localization l10n) {
        this.l10n = l10n;
        this.texts = new ReportTexts(l10n);
    }

    public void write(PrintDocument document, Path file) {
        write(List.of(document), file);
    }

    public void write(List<PrintDocument> documents, Path file) {
        write(counter -> documents, file);
    }

    /**
     * Writes the documents {@code compose} gives; it may first count the pages a document takes, laid
     * out as it will be in this file (a case file's contents list gives the page each document starts
     * on). The file appears whole or
     * not at all.
     *
     * @throws FontNotFoundException when no Chinese font can be embedded
     * @throws OutputFileException  when the file cannot be written (a full disk, a read-only folder …)
     */
    public void write(Function<ToIntFunction<PrintDocument>, List<PrintDocument>> compose, Path file) {
        OutputFiles.writeAtomically(file, out -> write(compose, out));
    }

    /** As {@link #write(Function, Path)}, onto a stream (left open). */
    public void write(Function<ToIntFunction<PrintDocument>, List<PrintDocument>> compose, OutputStream out) {
        CjkFonts.FontChoice choice = CjkFonts.locate();
        // The PDFs whose pages are bound in stay open until the file is saved: their pages share their resources.
        Map<byte[], PDDocument> sources = new IdentityHashMap<>();
        try (PDDocument pdf = new PDDocument(); PdfFonts fonts = PdfFonts.load(pdf, choice)) {
            PdfLayout layout = new PdfLayout(fonts);
            List<PrintDocument> documents = compose.apply(document -> layout.layout(document).size());
            List<LaidPage> pages = new ArrayList<>();
            List<PrintDocument> owners = new ArrayList<>();
            for (PrintDocument document : documents) {
                for (LaidPage page : layout.layout(document)) {
                    pages.add(page);
                    owners.add(document);
                }
            }
            long numbered = pages.stream().filter(LaidPage::numbered).count();
            int number = 0;
            for (int i = 0; i < pages.size(); i++) {
                LaidPage page = pages.get(i);
                PDPage pdfPage;
                boolean imported = !page.ops().isEmpty() && page.ops().getFirst() instanceof Imported;
                if (imported) {
                    Imported source = (Imported) page.ops().getFirst();
                    PDDocument from = sources.get(source.content());
                    if (from == null) {
                        from = Loader.loadPDF(source.content());
                        sources.put(source.content(), from);
                    }
                    pdfPage = pdf.importPage(from.getPage(source.index()));
                } else {
                    pdfPage = new PDPage(page.size());
                    pdf.addPage(pdfPage);
                }
                try (PDPageContentStream content = imported
                        ? new PDPageContentStream(pdf, pdfPage, AppendMode.APPEND, true, true)
                        : new PDPageContentStream(pdf, pdfPage)) {
                    for (Op op : page.ops()) {
                        draw(pdf, content, fonts, op);
                    }
                    float width = pdfPage.getMediaBox().getWidth();
                    if (page.numbered()) {
                        number++;
                        String label = l10n.text("report.page.footer", number, numbered);
                        float x = pdfPage.getMediaBox().getLowerLeftX() + (width - fonts.width(label, FOOTER_SIZE)) / 2;
                        float y = pdfPage.getMediaBox().getLowerLeftY() + (imported ? FOOTER_Y / 2 : FOOTER_Y);
                        draw(pdf, content, fonts, new Text(x, y, FOOTER_SIZE, label, false, 0.25f));
                    }
                    LocalDate printedOn = owners.get(i).printedOn();
                    if (printedOn != null && !imported) {
                        String label = l10n.text("report.printedOn", texts.date(printedOn));
                        float x = width - 56 - fonts.width(label, FOOTER_SIZE);
                        draw(pdf, content, fonts, new Text(x, FOOTER_Y, FOOTER_SIZE, label, false, 0.25f));
                    }
                }
            }
            PDDocumentInformation info = pdf.getDocumentInformation();
            info.setTitle(documents.isEmpty() ? "" : documents.getFirst().title());
            info.setCreator("MediationDesk");
            info.setCreationDate(Calendar.getInstance());
            pdf.save(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            for (PDDocument source : sources.values()) {
                try {
                    source.close();
                } catch (IOException e) {
                    // Only read from: nothing of it is lost.
                }
            }
        }
    }

    private static void draw(PDDocument pdf, PDPageContentStream content, PdfFonts fonts, Op op) throws IOException {
        switch (op) {
            case Imported i -> {
                // the page itself, already taken over
            }
            case Image i -> content.drawImage(PDImageXObject.createFromByteArray(pdf, i.content(), "scan"),
                    i.x(), i.y(), i.width(), i.height());
            case Text t -> {
                content.setNonStrokingColor(t.gray());
                content.setStrokingColor(t.gray());
                if (t.bold()) {
                    content.setRenderingMode(RenderingMode.FILL_STROKE);
                    content.setLineWidth(t.size() * BOLD_STROKE);
                }
                float x = t.x();
                for (PdfFonts.Run run : fonts.runs(t.text())) {
                    content.beginText();
                    content.setFont(run.face().font(), t.size());
                    content.newLineAtOffset(x, t.y());
                    content.showText(run.text());
                    content.endText();
                    x += run.face().font().getStringWidth(run.text()) / 1000f * t.size();
                }
                if (t.bold()) {
                    content.setRenderingMode(RenderingMode.FILL);
                }
                content.setNonStrokingColor(0f);
                content.setStrokingColor(0f);
            }
            case Line l -> {
                content.setLineWidth(l.width());
                content.moveTo(l.x1(), l.y1());
                content.lineTo(l.x2(), l.y2());
                content.stroke();
            }
            case Fill f -> {
                content.setNonStrokingColor(f.gray());
                content.addRect(f.x(), f.y(), f.width(), f.height());
                content.fill();
                content.setNonStrokingColor(0f);
            }
        }
    }
}
