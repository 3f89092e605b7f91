package cn.mediationdesk.logic.monthly;

import cn.mediationdesk.logic.PermissionDeniedException;
import cn.mediationdesk.logic.ValidationException;
import cn.mediationdesk.logic.l10n.Localization;
import cn.mediationdesk.logic.report.ReportService;
import cn.mediationdesk.logic.report.StatisticsTable;
import cn.mediationdesk.logic.report.pdf.PdfExporter;
import cn.mediationdesk.logic.report.print.MonthlyReportLayout;
import cn.mediationdesk.logic.report.sheet.MonthlyReportWorkbook;
import cn.mediationdesk.logic.security.RoleFixture;
import cn.mediationdesk.logic.tally.Grouping;
import cn.mediationdesk.logic.tally.PeriodBasis;
import cn.mediationdesk.logic.tally.TallyQuery;
import cn.mediationdesk.logic.tally.TallyService;
import cn.mediationdesk.model.Problem.Field;
import cn.mediationdesk.model.Screening;
import cn.mediationdesk.persistence.Database;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The screening register and the monthly report on the demo (leads in 2022 only) as of 2024-06-30:
 * who may do what, the zero report, lateness, and figures that are the tally's.
 */
class MonthlyReportServiceTest {
    private static final Clock CLOCK = RoleFixture.CLOCK;
    private static final YearMonth MAY_2024 = YearMonth.of(2024, 5);
    private static final YearMonth MARCH_2022 = YearMonth.of(2022, 3);

    @TempDir
    Path dir;
    private RoleFixture fixture;
    private Database database;
    private ScreeningService screenings;
    private MonthlyReportService reports;

    @BeforeEach
    void setUp() {
        fixture = new RoleFixture(dir);
        database = fixture.database;
        screenings = new ScreeningService(database, CLOCK);
        reports = new MonthlyReportService(database, CLOCK);
    }

    @AfterEach
    void close() {
        fixture.close();
    }

    private static ScreeningInput round(LocalDate day, int leadsFound) {
        return new ScreeningInput(day, "幸福小区", null, "张丽、王强", leadsFound, null);
    }

    @Test
    void aMonthWithoutLeadsIsSignedByTheDirectorAsAZeroReport() throws IOException {
        long a = fixture.committeeA.id();
        screenings.record(fixture.directorA, a, round(LocalDate.of(2024, 5, 10), 0));

        MonthlyReport draft = reports.report(fixture.directorA, a, MAY_2024);
        assertThat(draft.isSigned()).isFalse();
        assertThat(draft.zeroReport()).isTrue();
        assertThat(draft.status()).isEqualTo(ReportStatus.LATE);

        MonthlyReport signed = reports.sign(fixture.directorA, a, MAY_2024, "按时排查");

        assertThat(signed.isSigned()).isTrue();
        assertThat(signed.zeroReport()).isTrue();
        assertThat(signed.status()).isEqualTo(ReportStatus.SIGNED);
        assertThat(signed.signed().signerName()).isEqualTo("主任");
        assertThat(signed.signed().signedOn()).isEqualTo(LocalDate.of(2024, 6, 30));
        assertThat(signed.figures().screenings()).isEqualTo(1);
        assertThat(signed.figures().counts().leads()).isZero();
        assertThat(signed.leads()).isEmpty();
        assertThat(signed.changedSince()).isFalse();
        assertThat(reports.report(fixture.admin, a, MAY_2024).signed()).isEqualTo(signed.signed());

        Localization chinese = new Localization(Localization.CHINESE);
        Path pdf = dir.resolve("zero.pdf");
        new PdfExporter(chinese).write(new MonthlyReportLayout(chinese).document(signed), pdf);
        String text = pdfText(pdf);
        assertThat(text).contains("本月未发现矛盾纠纷，特此零报告", "2024年5月", "已签发：主任")
                .doesNotContain("未签发");

        Path xlsx = dir.resolve("zero.xlsx");
        new MonthlyReportWorkbook(chinese).write(signed, xlsx);
        assertThat(cells(xlsx)).contains("本月未发现矛盾纠纷，特此零报告。", "排查纠纷（次）");
    }

    @Test
    void aDraftIsMarkedNotSigned() throws IOException {
        MonthlyReport draft = reports.report(fixture.directorA, fixture.committeeA.id(), MARCH_2022);
        Localization chinese = new Localization(Localization.CHINESE);
        Path xlsx = dir.resolve("draft.xlsx");
        new MonthlyReportWorkbook(chinese).write(draft, xlsx);
        assertThat(cells(xlsx)).anyMatch(c -> c.startsWith("未签发（草稿）"));
    }

    @Test
    void theFiguresAreTheTallysAndTheListHoldsTheMonthsLeads() {
        long a = fixture.committeeA.id();
        MonthlyReport draft = reports.draft(fixture.admin, a, MARCH_2022);
        var tally = new TallyService(database).summarize(new TallyQuery(Grouping.COMMITTEE, MARCH_2022.atDay(1),
                MARCH_2022.atEndOfMonth(), LocalDate.of(2024, 6, 30), null, a)).total().counts();

        assertThat(draft.figures().counts()).isEqualTo(tally);
        assertThat(tally.leads()).isPositive();
        assertThat(draft.zeroReport()).isFalse();
        assertThat(draft.leads()).hasSize((int) tally.leads());
        assertThat(draft.leads()).allSatisfy(lead -> {
            assertThat(lead.foundOn()).isBetween(MARCH_2022.atDay(1), MARCH_2022.atEndOfMonth());
            assertThat(lead.summary().length()).isLessThanOrEqualTo(MonthLead.SUMMARY_LENGTH);
        });
    }

    @Test
    void aMediatorCannotSignAndNothingIsWritten() {
        long b = fixture.committeeB.id();
        assertThatThrownBy(() -> reports.sign(fixture.mediatorB, b, MAY_2024, null))
                .isInstanceOf(PermissionDeniedException.class);
        assertThat(reports.report(fixture.mediatorB, b, MAY_2024).isSigned()).isFalse();
    }

    @Test
    void aViewerReadsNoReportAndKeepsNoRegister() {
        long a = fixture.committeeA.id();
        assertThatThrownBy(() -> reports.report(fixture.viewer, a, MAY_2024))
                .isInstanceOf(PermissionDeniedException.class);
        assertThatThrownBy(() -> reports.overview(fixture.viewer, MAY_2024))
                .isInstanceOf(PermissionDeniedException.class);
        assertThatThrownBy(() -> screenings.record(fixture.viewer, a, round(LocalDate.of(2024, 5, 1), 0)))
                .isInstanceOf(PermissionDeniedException.class);
        assertThatThrownBy(() -> screenings.list(fixture.viewer, a, null, null))
                .isInstanceOf(PermissionDeniedException.class);
    }

    @Test
    void anotherCommitteesReportAndRegisterAreRefused() {
        long b = fixture.committeeB.id();
        assertThatThrownBy(() -> reports.sign(fixture.directorA, b, MAY_2024, null))
                .isInstanceOf(PermissionDeniedException.class);
        assertThatThrownBy(() -> reports.report(fixture.directorA, b, MAY_2024))
                .isInstanceOf(PermissionDeniedException.class);
        assertThatThrownBy(() -> screenings.record(fixture.directorA, b, round(LocalDate.of(2024, 5, 1), 0)))
                .isInstanceOf(PermissionDeniedException.class);
        Screening ofB = screenings.record(fixture.mediatorB, b, round(LocalDate.of(2024, 5, 1), 0));
        assertThatThrownBy(() -> screenings.remove(fixture.directorA, ofB.id(), ofB.version()))
                .isInstanceOf(PermissionDeniedException.class);
        assertThat(screenings.list(fixture.admin, b, LocalDate.of(2024, 1, 1), null)).containsExactly(ofB);
    }

    @Test
    void aMonthNotYetEndedOrSignedAlreadyIsNotSigned() {
        long a = fixture.committeeA.id();
        assertThatThrownBy(() -> reports.sign(fixture.directorA, a, YearMonth.of(2024, 6), null))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.problems())
                        .extracting(p -> p.field() + " " + p.key())
                        .containsExactly(Field.REPORT_MONTH + " monthly.report.notEnded"));
        reports.sign(fixture.admin, a, MAY_2024, null);
        assertThatThrownBy(() -> reports.sign(fixture.directorA, a, MAY_2024, null))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.problems().getFirst().key())
                        .isEqualTo("monthly.report.alreadySigned"));
    }

    @Test
    void anUnsignedEndedMonthIsDueUntilTheFifthAndLateAfter() {
        long a = fixture.committeeA.id();
        assertThat(statusOf(at("2024-06-05T10:00:00Z"), a, MAY_2024)).isEqualTo(ReportStatus.DUE);
        assertThat(statusOf(at("2024-06-06T01:00:00Z"), a, MAY_2024)).isEqualTo(ReportStatus.LATE);
        assertThat(statusOf(at("2024-05-31T10:00:00Z"), a, MAY_2024)).isEqualTo(ReportStatus.OPEN);

        List<MonthlyStatusRow> late = reports.lateReports(fixture.admin);
        assertThat(late).hasSize(12 * activeCommittees());
        assertThat(late).extracting(MonthlyStatusRow::month).contains(MAY_2024, YearMonth.of(2023, 6))
                .doesNotContain(YearMonth.of(2024, 6), YearMonth.of(2023, 5));

        reports.sign(fixture.directorA, a, MAY_2024, null);
        assertThat(statusOf(CLOCK, a, MAY_2024)).isEqualTo(ReportStatus.SIGNED);
        assertThat(reports.lateReports(fixture.directorA)).extracting(MonthlyStatusRow::month)
                .hasSize(11).doesNotContain(MAY_2024);
        assertThat(reports.lateReports(fixture.directorA)).extracting(MonthlyStatusRow::committeeId)
                .containsOnly(a);
    }

    @Test
    void aFutureDayAndEmptyFieldsAreRefusedTogetherAndNothingIsWritten() {
        long a = fixture.committeeA.id();
        ScreeningInput bad = new ScreeningInput(LocalDate.of(2024, 7, 1), " ", null, "", -1, null);
        assertThatThrownBy(() -> screenings.record(fixture.directorA, a, bad))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.problems())
                        .extracting(p -> p.field())
                        .containsExactly(Field.SCREENED_ON, Field.SCREENING_PLACE, Field.SCREENED_BY, Field.LEADS_FOUND));
        assertThat(screenings.list(fixture.directorA, a, LocalDate.of(2024, 1, 1), null)).isEmpty();
    }

    @Test
    void aRoundIsChangedAtTheVersionItWasReadAndAStaleChangeIsRefused() {
        long a = fixture.committeeA.id();
        Screening first = screenings.record(fixture.directorA, a, round(LocalDate.of(2024, 6, 1), 2));
        Screening changed = screenings.change(fixture.directorA, first.id(), first.version(),
                round(LocalDate.of(2024, 6, 2), 3));
        assertThat(changed.version()).isEqualTo(first.version() + 1);
        assertThat(screenings.list(fixture.directorA, a, LocalDate.of(2024, 6, 1), LocalDate.of(2024, 6, 30)))
                .containsExactly(changed);

        assertThatThrownBy(() -> screenings.change(fixture.directorA, first.id(), first.version(),
                round(LocalDate.of(2024, 6, 3), 1)))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.problems().getFirst().key())
                        .isEqualTo("monthly.screening.stale"));
        assertThatThrownBy(() -> screenings.remove(fixture.directorA, first.id(), first.version()))
                .isInstanceOf(ValidationException.class);
        screenings.remove(fixture.directorA, changed.id(), changed.version());
        assertThat(screenings.list(fixture.directorA, a, LocalDate.of(2024, 1, 1), null)).isEmpty();
    }

    @Test
    void theStatisticsTableCountsTheScreeningRoundsOfThePeriod() {
        ReportService statistics = new ReportService(database, CLOCK, fixture.admin);
        // the demo's own rounds of 2022 first
        java.math.BigDecimal before = screened(statistics).period();
        MonthlyFigures march = reports.draft(fixture.directorA, fixture.committeeA.id(), MARCH_2022).figures();
        screenings.record(fixture.directorA, fixture.committeeA.id(), round(LocalDate.of(2022, 3, 2), 2));
        screenings.record(fixture.directorA, fixture.committeeA.id(), round(LocalDate.of(2022, 9, 30), 0));
        screenings.record(fixture.mediatorB, fixture.committeeB.id(), round(LocalDate.of(2022, 12, 31), 1));
        screenings.record(fixture.mediatorB, fixture.committeeB.id(), round(LocalDate.of(2023, 1, 1), 1));

        StatisticsTable.MainFigureRow screened = screened(statistics);

        assertThat(screened.period()).isEqualByComparingTo(before.add(java.math.BigDecimal.valueOf(3)));
        assertThat(screened.yearToDate()).isEqualByComparingTo(screened.period());
        assertThat(screened.yearEarlier()).isEqualByComparingTo("0");
        assertThat(reports.draft(fixture.directorA, fixture.committeeA.id(), MARCH_2022).figures())
                .extracting(MonthlyFigures::screenings, MonthlyFigures::screeningLeads)
                .containsExactly(march.screenings() + 1, march.screeningLeads() + 2);
    }

    private static StatisticsTable.MainFigureRow screened(ReportService statistics) {
        StatisticsTable table = statistics.statisticsTable(LocalDate.of(2022, 1, 1), LocalDate.of(2022, 12, 31),
                LocalDate.of(2022, 12, 31), PeriodBasis.ACCEPTED);
        return table.mainFigures().stream().filter(r -> r.figure() == StatisticsTable.MainFigure.SCREENINGS)
                .findFirst().orElseThrow();
    }

    @Test
    void theFiguresTravelAsTextAndReadBack() {
        MonthlyFigures figures = reports.draft(fixture.admin, fixture.committeeA.id(), MARCH_2022).figures();
        assertThat(MonthlyFigures.parse(figures.text())).isEqualTo(figures);
        assertThat(figures.text()).startsWith("screenings=" + figures.screenings() + "\nscreening_leads="
                + figures.screeningLeads() + "\nleads=" + figures.counts().leads() + "\n");
    }

    private ReportStatus statusOf(Clock clock, long committeeId, YearMonth month) {
        return new MonthlyReportService(database, clock).overview(fixture.admin, month).stream()
                .filter(r -> r.committeeId() == committeeId).findFirst().orElseThrow().status();
    }

    private int activeCommittees() {
        return (int) new cn.mediationdesk.logic.organization.OrganizationService(database, fixture.admin).chart()
                .committees().stream().filter(c -> c.active()).count();
    }

    private static Clock at(String instant) {
        return Clock.fixed(Instant.parse(instant), ZoneId.of("Asia/Shanghai"));
    }

    private static String pdfText(Path file) throws IOException {
        try (PDDocument document = Loader.loadPDF(file.toFile())) {
            PDFTextStripper stripper = new PDFTextStripper();
            stripper.setSortByPosition(true);
            return stripper.getText(document);
        }
    }

    private static List<String> cells(Path xlsx) throws IOException {
        List<String> texts = new ArrayList<>();
        try (InputStream in = Files.newInputStream(xlsx); XSSFWorkbook workbook = new XSSFWorkbook(in)) {
            for (var sheet : workbook) {
                for (Row row : sheet) {
                    for (Cell cell : row) {
                        if (cell.getCellType() == CellType.STRING) {
                            texts.add(cell.getStringCellValue());
                        }
                    }
                }
            }
        }
        return texts;
    }
}
