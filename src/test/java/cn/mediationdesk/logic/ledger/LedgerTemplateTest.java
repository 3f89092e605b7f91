package cn.mediationdesk.logic.ledger;

import cn.mediationdesk.logic.l10n.Localization;
import cn.mediationdesk.model.User;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/** The downloadable ledger template: CSV and XLSX, and that either imports untouched as an empty ledger. */
class LedgerTemplateTest {
    private static final String HEADER = Arrays.stream(LedgerColumn.values()).map(LedgerColumn::header)
            .collect(Collectors.joining(","));

    @TempDir
    Path dir;
    private LedgerTestDatabase db;
    private LedgerTemplateService templates;

    @BeforeEach
    void open() {
        db = LedgerTestDatabase.create(dir).withNanchi();
        templates = new LedgerTemplateService(db.store);
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void theCsvTemplateIsOurHeaderAloneWithAByteOrderMark() throws IOException {
        Path csv = dir.resolve("模板.csv");
        templates.write(User.setup(), csv, new Localization(Localization.CHINESE));

        assertThat(Files.readString(csv, StandardCharsets.UTF_8)).isEqualTo("\uFEFF" + HEADER + "\r\n");
        Map<String, Long> before = db.footprint();
        ImportReport report = db.importFile(csv, false);
        assertThat(report.added()).isZero();
        assertThat(report.updated()).isZero();
        assertThat(db.footprint()).isEqualTo(before);
    }

    @Test
    void theWorkbookHasTheLedgerWithDropDownListsAndInstructions() throws IOException {
        Path xlsx = dir.resolve("模板.xlsx");
        templates.write(User.setup(), xlsx, new Localization(Localization.CHINESE));

        try (InputStream in = Files.newInputStream(xlsx); XSSFWorkbook workbook = new XSSFWorkbook(in)) {
            assertThat(IntStream.range(0, workbook.getNumberOfSheets()).mapToObj(workbook::getSheetName))
                    .containsExactly("台账", "填写说明", "选项");
            assertThat(workbook.isSheetHidden(2)).isTrue();
            XSSFSheet ledger = workbook.getSheet("台账");
            assertThat(ledger.getLastRowNum()).as("the header alone").isZero();
            assertThat(cells(ledger.getRow(0))).containsExactly(HEADER.split(","));
            int foundOn = LedgerColumn.FOUND_ON.ordinal();
            assertThat(ledger.getColumnStyle(foundOn).getDataFormatString()).isEqualTo("yyyy-mm-dd");
            List<? extends DataValidation> validations = ledger.getDataValidations();
            assertThat(validations).extracting(v -> v.getRegions().getCellRangeAddress(0).getFirstColumn())
                    .containsExactlyInAnyOrder(LedgerColumn.SOURCE.ordinal(), LedgerColumn.COMMUNITY.ordinal(),
                            LedgerColumn.COMMITTEE.ordinal(), LedgerColumn.DISPUTE_TYPE.ordinal(),
                            LedgerColumn.RISK.ordinal(), LedgerColumn.VERIFICATION.ordinal(),
                            LedgerColumn.OUTCOME.ordinal(), LedgerColumn.AGREEMENT_FORM.ordinal());
            assertThat(validations).extracting(v -> v.getValidationConstraint().getFormula1())
                    .contains("list_dispute_type", "list_committee");
            assertThat(workbook.getName("list_committee").getRefersToFormula()).isEqualTo("'选项'!$C$1:$C$1");
            assertThat(list(workbook, "list_committee")).containsExactly(LedgerTestDatabase.NANCHI_COMMITTEE);
            assertThat(list(workbook, "list_outcome")).containsExactly("调解成功", "调解不成", "终止调解");
            assertThat(list(workbook, "list_dispute_type")).contains("邻里", "婚姻家庭").hasSize(15);

            Sheet instructions = workbook.getSheet("填写说明");
            assertThat(cells(instructions.getRow(2))).containsExactly("列名", "英文名", "是否必填", "填写说明");
            assertThat(cells(instructions.getRow(3 + LedgerColumn.FOUND_ON.ordinal())))
                    .startsWith("发现日期", "found_on", "必填");
            assertThat(cells(instructions.getRow(3 + LedgerColumn.OUTCOME.ordinal())).getLast())
                    .contains("调解成功 / 调解不成 / 终止调解");
        }
        ImportReport report = db.importFile(xlsx, false);
        assertThat(report.added()).isZero();
        assertThat(report.unknownColumns()).isEmpty();
    }

    @Test
    void aFilledInWorkbookTemplateImports() throws IOException {
        Path xlsx = dir.resolve("模板.xlsx");
        templates.write(User.setup(), xlsx, new Localization(Localization.ENGLISH));
        try (InputStream in = Files.newInputStream(xlsx); XSSFWorkbook workbook = new XSSFWorkbook(in)) {
            Row row = workbook.getSheet("台账").createRow(1);
            Map<LedgerColumn, String> values = Map.of(LedgerColumn.FOUND_ON, "2024.6.3", LedgerColumn.SOURCE, "主动排查",
                    LedgerColumn.COMMUNITY, LedgerTestDatabase.NANCHI, LedgerColumn.COMMITTEE,
                    LedgerTestDatabase.NANCHI_COMMITTEE, LedgerColumn.DISPUTE_TYPE, "邻里",
                    LedgerColumn.SUMMARY, "两户因排水沟争执");
            values.forEach((column, value) -> row.createCell(column.ordinal()).setCellValue(value));
            try (OutputStream out = Files.newOutputStream(xlsx)) {
                workbook.write(out);
            }
        }

        assertThat(db.importFile(xlsx, false).added()).isEqualTo(1);
    }

    private static List<String> list(XSSFWorkbook workbook, String name) {
        String formula = workbook.getName(name).getRefersToFormula();
        String column = formula.substring(formula.indexOf('$') + 1, formula.indexOf('$', formula.indexOf('$') + 1));
        int index = org.apache.poi.ss.util.CellReference.convertColStringToIndex(column);
        Sheet lists = workbook.getSheet("选项");
        return IntStream.rangeClosed(0, lists.getLastRowNum()).mapToObj(lists::getRow)
                .map(r -> r.getCell(index)).filter(c -> c != null && !c.getStringCellValue().isEmpty())
                .map(c -> c.getStringCellValue()).toList();
    }

    private static List<String> cells(Row row) {
        return IntStream.range(0, row.getLastCellNum()).mapToObj(i -> row.getCell(i).getStringCellValue()).toList();
    }
}
