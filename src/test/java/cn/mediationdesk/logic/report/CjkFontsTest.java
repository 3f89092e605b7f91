package cn.mediationdesk.logic.report;

import cn.mediationdesk.logic.l10n.Localization;
import cn.mediationdesk.logic.report.pdf.CjkFonts;
import cn.mediationdesk.logic.report.pdf.FontNotFoundException;
import cn.mediationdesk.logic.report.pdf.PdfExporter;
import cn.mediationdesk.logic.report.print.PrintBlock;
import cn.mediationdesk.logic.report.print.PrintDocument;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Finding the font to print Chinese with; these tests fail, saying what to install, where there is none. */
class CjkFontsTest {
    @TempDir
    Path dir;

    /** A font named for the whole run (-Dmediationdesk.font=…) is put back after each test. */
    private final String runFont = System.getProperty(CjkFonts.FONT_PROPERTY);

    @AfterEach
    void restoreTheRunsFont() {
        if (runFont == null) {
            System.clearProperty(CjkFonts.FONT_PROPERTY);
        } else {
            System.setProperty(CjkFonts.FONT_PROPERTY, runFont);
        }
    }

    @Test
    void aChineseFontIsFoundThatShowsChineseAndLatinText() throws IOException {
        CjkFonts.FontChoice choice = CjkFonts.locate();
        assertThat(choice.chinese()).isRegularFile();

        Path pdf = dir.resolve("mixed.pdf");
        new PdfExporter(new Localization(Localization.CHINESE)).write(new PrintDocument(PrintDocument.Style.DOCUMENT,
                PrintDocument.Orientation.PORTRAIT, "调解台账 MediationDesk", List.of("案号：(2022)金宝人调字第012号"),
                List.of(PrintBlock.Paragraph.of("Amount 12,345.67 元；电话 138****5678；“引号”与（括号）")), null, true),
                pdf);
        assertThat(ReportTestData.text(pdf)).contains("调解台账 MediationDesk", "(2022)金宝人调字第012号",
                "Amount 12,345.67 元；电话 138****5678；“引号”与（括号）");
    }

    @Test
    void aFileNamedByThePropertyThatIsNoFontIsRefusedByName() throws IOException {
        Path notAFont = Files.writeString(dir.resolve("plain.ttf"), "not a font");
        System.setProperty(CjkFonts.FONT_PROPERTY, notAFont.toString());

        assertThatThrownBy(CjkFonts::locate).isInstanceOfSatisfying(FontNotFoundException.class, e -> {
            assertThat(e.explicit()).isEqualTo(notAFont);
            assertThat(e.getMessage()).contains("plain.ttf", "TrueType");
            assertThat(e.describe(new Localization(Localization.CHINESE))).contains("plain.ttf", "不能嵌入 PDF");
        });
    }

    @Test
    void theMessageForNoFontAtAllSaysWhatToInstall() {
        assertThat(FontNotFoundException.INSTALL_HINT).contains("sudo apt-get install fonts-wqy-zenhei", "微软雅黑");
        assertThat(new Localization(Localization.CHINESE).text("export.font.missing", FontNotFoundException.INSTALL_HINT))
                .contains("中文", "fonts-wqy-zenhei", "-Dmediationdesk.font");
    }
}
