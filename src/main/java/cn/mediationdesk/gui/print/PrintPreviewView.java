package cn.mediationdesk.gui.print;

import atlantafx.base.theme.Styles;
import cn.mediationdesk.logic.l10n.Localization;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.print.PageLayout;
import javafx.print.PageOrientation;
import javafx.print.Paper;
import javafx.print.Printer;
import javafx.print.PrinterJob;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ScrollPane;
import javafx.scene.effect.DropShadow;
import javafx.scene.image.ImageView;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignF;
import org.kordamp.ikonli.materialdesign2.MaterialDesignP;

import java.util.ArrayList;
import java.util.List;

/**
 * The print preview: the pages one under the other, as they will come out of the printer, with
 * 打印 (the system's print dialog, then each page scaled to the printable area of A4 in the page's
 * own orientation) and 另存为 PDF. Controls and bindings only.
 */
public final class PrintPreviewView extends BorderPane {
    /** Widest a page is shown, in pixels: about its real size on an ordinary screen. */
    private static final double MAX_PAGE_WIDTH = 860;

    private final PrintPreviewViewModel viewModel;
    private final List<WritableImage> images = new ArrayList<>();

    public PrintPreviewView(PrintPreviewViewModel viewModel, Localization l10n) {
        this.viewModel = viewModel;
        getStyleClass().add("print-preview");

        Button print = new Button(l10n.text("gui.print.print"), new FontIcon(MaterialDesignP.PRINTER));
        print.getStyleClass().add(Styles.ACCENT);
        print.setDefaultButton(true);
        print.disableProperty().bind(Bindings.not(viewModel.readyProperty()));
        print.setOnAction(e -> print());

        Button save = new Button(l10n.text("gui.print.save"), new FontIcon(MaterialDesignF.FILE_PDF_BOX));
        save.disableProperty().bind(Bindings.not(viewModel.readyProperty()));
        save.setOnAction(e -> viewModel.saveAsPdf());

        Button close = new Button(l10n.text("gui.print.close"));
        close.setCancelButton(true);
        close.setOnAction(e -> getScene().getWindow().hide());

        ProgressIndicator progress = new ProgressIndicator();
        progress.setPrefSize(20, 20);
        progress.visibleProperty().bind(viewModel.loadingProperty().or(viewModel.savingProperty()));
        Label status = new Label();
        status.getStyleClass().add(Styles.TEXT_MUTED);
        status.textProperty().bind(viewModel.statusProperty());

        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox bar = new HBox(10, print, save, progress, status, gap, close);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(10, 16, 10, 16));
        bar.getStyleClass().add("print-preview-bar");
        setTop(bar);

        VBox sheets = new VBox(20);
        sheets.setAlignment(Pos.TOP_CENTER);
        sheets.setPadding(new Insets(20));
        sheets.getStyleClass().add("print-preview-pages");
        ScrollPane scroll = new ScrollPane(sheets);
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add("print-preview-scroll");
        setCenter(scroll);

        viewModel.pages().addListener((ListChangeListener<PreviewPage>) change -> {
            images.clear();
            sheets.getChildren().clear();
            for (PreviewPage page : viewModel.pages()) {
                WritableImage image = FxImages.of(page.image());
                images.add(image);
                ImageView sheet = new ImageView(image);
                sheet.setPreserveRatio(true);
                sheet.setSmooth(true);
                sheet.fitWidthProperty().bind(Bindings.createDoubleBinding(
                        () -> Math.min(MAX_PAGE_WIDTH, Math.max(200, scroll.getViewportBounds().getWidth() - 40)),
                        scroll.viewportBoundsProperty()));
                sheet.setEffect(new DropShadow(8, Color.gray(0, 0.35)));
                sheets.getChildren().add(sheet);
            }
        });
    }

    private void print() {
        PrinterJob job = PrinterJob.createPrinterJob();
        if (job == null) {
            viewModel.printFailed(); // no printer installed
            return;
        }
        if (!job.showPrintDialog(getScene().getWindow())) {
            return; // the user cancelled
        }
        Printer printer = job.getPrinter();
        List<PreviewPage> pages = viewModel.pages();
        for (int i = 0; i < pages.size(); i++) {
            PreviewPage page = pages.get(i);
            // The pages carry their own margins: the printer's least margin keeps them at their size.
            PageLayout layout = printer.createPageLayout(Paper.A4,
                    page.landscape() ? PageOrientation.LANDSCAPE : PageOrientation.PORTRAIT,
                    Printer.MarginType.HARDWARE_MINIMUM);
            ImageView sheet = new ImageView(images.get(i));
            sheet.setPreserveRatio(true);
            sheet.setSmooth(true);
            sheet.setFitWidth(layout.getPrintableWidth());
            sheet.setFitHeight(layout.getPrintableHeight());
            if (!job.printPage(layout, sheet)) {
                job.cancelJob();
                viewModel.printFailed();
                return;
            }
        }
        if (job.endJob()) {
            viewModel.printed(pages.size());
        } else {
            viewModel.printFailed();
        }
    }
}
