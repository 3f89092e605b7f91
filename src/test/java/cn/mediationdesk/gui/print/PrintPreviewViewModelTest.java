package cn.mediationdesk.gui.print;

import cn.mediationdesk.gui.common.CurrentThreadTaskExecutor;
import cn.mediationdesk.gui.common.RecordingDialogService;
import cn.mediationdesk.logic.l10n.Localization;
import cn.mediationdesk.logic.report.pdf.CjkFonts;
import cn.mediationdesk.logic.report.print.PrintBlock;
import cn.mediationdesk.logic.report.print.PrintDocument;
import cn.mediationdesk.logic.report.print.PrintDocument.Orientation;
import cn.mediationdesk.logic.report.print.PrintDocument.Style;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class PrintPreviewViewModelTest {
    private static final Localization CHINESE = new Localization(Localization.CHINESE);
    /** A4 at the preview's resolution: 210 × 297 mm. */
    private static final int A4_SHORT = Math.round(595.28f / 72 * PrintPreviewViewModel.DPI);
    private static final int A4_LONG = Math.round(841.89f / 72 * PrintPreviewViewModel.DPI);

    private final RecordingDialogService dialogs = new RecordingDialogService();

    private static PrintDocument document(String title, Orientation orientation, int paragraphs) {
        List<PrintBlock> blocks = new ArrayList<>();
        for (int i = 1; i <= paragraphs; i++) {
            blocks.add(PrintBlock.Paragraph.of("第" + i + "段：调解员到现场了解情况，双方当事人同意调解。"));
        }
        return new PrintDocument(Style.REPORT, orientation, title, List.of("金宝新区"), blocks,
                LocalDate.of(2022, 12, 31), true);
    }

    private PrintPreviewViewModel preview(Printout printout) {
        return new PrintPreviewViewModel(() -> printout, CHINESE, new CurrentThreadTaskExecutor(), dialogs);
    }

    @Test
    void showsEveryPageOnA4InItsDocumentsOrientation() {
        PrintPreviewViewModel vm = preview(Printout.of("预览", List.of(
                document("横向汇总表", Orientation.LANDSCAPE, 1), document("纵向文书", Orientation.PORTRAIT, 1))));
        vm.load();

        assertThat(vm.pages()).hasSize(2);
        assertThat(vm.pages().get(0).landscape()).isTrue();
        assertThat(vm.pages().get(0).width()).isCloseTo(A4_LONG, org.assertj.core.data.Offset.offset(2));
        assertThat(vm.pages().get(0).height()).isCloseTo(A4_SHORT, org.assertj.core.data.Offset.offset(2));
        assertThat(vm.pages().get(1).landscape()).isFalse();
        assertThat(vm.pages().get(1).width()).isCloseTo(A4_SHORT, org.assertj.core.data.Offset.offset(2));
        assertThat(vm.pages().get(1).height()).isCloseTo(A4_LONG, org.assertj.core.data.Offset.offset(2));
        assertThat(vm.statusProperty().get()).isEqualTo("共 2 页（A4）");
        assertThat(vm.readyProperty().get()).isTrue();
        assertThat(dialogs.shown()).isEmpty();
    }

    @Test
    void aPageShowsInkWhereTheTextIs() {
        PrintPreviewViewModel vm = preview(Printout.of("预览", List.of(document("汇总表", Orientation.PORTRAIT, 3))));
        vm.load();
        BufferedImage page = vm.pages().getFirst().image();
        long dark = 0;
        for (int y = 0; y < page.getHeight() / 3; y++) {
            for (int x = 0; x < page.getWidth(); x++) {
                if ((page.getRGB(x, y) & 0xFF) < 128) {
                    dark++;
                }
            }
        }
        assertThat(dark).as("the title and text are drawn in the top third").isGreaterThan(500);
    }

    @Test
    void aLongDocumentTakesAsManyPagesAsItsPdf() throws IOException {
        Printout printout = Printout.of("长文", List.of(document("长文", Orientation.PORTRAIT, 120)));
        PrintPreviewViewModel vm = preview(printout);
        vm.load();
        try (PDDocument pdf = Loader.loadPDF(PrintPreviewViewModel.toPdf(printout, CHINESE))) {
            assertThat(pdf.getNumberOfPages()).isGreaterThan(1);
            assertThat(vm.pages()).hasSize(pdf.getNumberOfPages());
        }
    }

    @Test
    void savesThePreviewedPagesAsAPdf(@TempDir Path dir) throws IOException {
        PrintPreviewViewModel vm = preview(Printout.of("受理登记表", List.of(document("人民调解受理登记表",
                Orientation.PORTRAIT, 2))));
        vm.load();
        Path file = dir.resolve("保存.pdf");
        dialogs.savingTo(file);

        vm.saveAsPdf();

        assertThat(dialogs.shown()).extracting(RecordingDialogService.Shown::kind).containsExactly("save", "notice");
        assertThat(dialogs.shown().getFirst().header()).isEqualTo("受理登记表.pdf");
        try (PDDocument pdf = Loader.loadPDF(file.toFile())) {
            assertThat(pdf.getNumberOfPages()).isEqualTo(vm.pages().size());
            assertThat(new PDFTextStripper().getText(pdf)).contains("人民调解受理登记表");
        }
        assertThat(dir).isDirectoryContaining(p -> p.getFileName().toString().equals("保存.pdf"))
                .isDirectoryNotContaining(p -> p.getFileName().toString().endsWith(".part"));
    }

    @Test
    void aMissingChineseFontIsExplainedAndNoPagesAreShown(@TempDir Path dir) {
        Path font = dir.resolve("没有这个字体.ttf");
        String before = System.getProperty(CjkFonts.FONT_PROPERTY);
        System.setProperty(CjkFonts.FONT_PROPERTY, font.toString());
        PrintPreviewViewModel vm = preview(Printout.of("预览", List.of(document("汇总表", Orientation.PORTRAIT, 1))));
        try {
            vm.load();
        } finally {
            if (before == null) {
                System.clearProperty(CjkFonts.FONT_PROPERTY);
            } else {
                System.setProperty(CjkFonts.FONT_PROPERTY, before);
            }
        }
        assertThat(vm.pages()).isEmpty();
        assertThat(vm.readyProperty().get()).isFalse();
        assertThat(vm.loadingProperty().get()).isFalse();
        assertThat(dialogs.shown()).singleElement().satisfies(shown -> {
            assertThat(shown.header()).isEqualTo("找不到中文字体，无法生成打印页面");
            assertThat(shown.message()).isEqualTo(CHINESE.text("export.font.unusable", font));
        });
    }

    @Test
    void aFailedReadIsReportedInWords() {
        PrintPreviewViewModel vm = new PrintPreviewViewModel(() -> {
            throw new IllegalStateException("连接已断开");
        }, CHINESE, new CurrentThreadTaskExecutor(), dialogs);
        vm.load();
        assertThat(vm.statusProperty().get()).isEqualTo("页面没有生成");
        assertThat(dialogs.shown()).singleElement().satisfies(shown -> {
            assertThat(shown.kind()).isEqualTo("error");
            assertThat(shown.message()).contains("连接已断开");
        });
    }

    @Test
    void aPrinterThatFailsIsReported() {
        PrintPreviewViewModel vm = preview(Printout.of("预览", List.of(document("汇总表", Orientation.PORTRAIT, 1))));
        vm.load();
        vm.printFailed();
        assertThat(dialogs.shown()).singleElement().extracting(RecordingDialogService.Shown::header).isEqualTo("没有打印");
        vm.printed(1);
        assertThat(vm.statusProperty().get()).isEqualTo("已发送 1 页到打印机");
    }
}
