package cn.mediationdesk.cli;

import cn.mediationdesk.cli.CliRunner.Result;
import cn.mediationdesk.logic.agenda.AgendaFixture;
import cn.mediationdesk.logic.l10n.Localization;
import cn.mediationdesk.model.AgreementForm;
import cn.mediationdesk.model.Lead;
import cn.mediationdesk.persistence.DatabaseLocation;
import cn.mediationdesk.persistence.TestStores;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static cn.mediationdesk.logic.agenda.AgendaFixture.TODAY;
import static org.assertj.core.api.Assertions.assertThat;

/** {@code agenda [--days N]}: the acting user's agenda as a table, its window checked, refusals exit 5. */
class AgendaCommandTest {
    @TempDir
    static Path dir;
    static String db;
    static String lateCase;
    static String otherCommitteesCase;
    static String followUpCase;

    @BeforeAll
    static void buildCases() {
        try (AgendaFixture f = new AgendaFixture(dir)) {
            Lead late = f.mediating(f.committeeA, TODAY.minusDays(31));
            lateCase = late.caseNumber().text();
            otherCommitteesCase = f.mediating(f.committeeB, TODAY.minusDays(31)).caseNumber().text();
            // its follow-up falls due in 12 days: inside --days 12, outside the default 7
            followUpCase = f.resolved(f.committeeA, TODAY.minusDays(3), AgreementForm.ORAL, null).caseNumber().text();
        }
        db = switch (TestStores.location(dir, "agenda")) {
            case DatabaseLocation.EmbeddedFile file -> file.basePath().toString();
            case DatabaseLocation.Url url -> url.jdbcUrl();
        };
    }

    private static Result agenda(Locale locale, String password, String... args) {
        List<String> all = new ArrayList<>(List.of("--db", db));
        all.addAll(List.of(args));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PasswordInput passwords = new PasswordInput(null, new ByteArrayInputStream(new byte[0]),
                name -> PasswordInput.ENVIRONMENT_VARIABLE.equals(name) ? password : null);
        int code = new Cli(java.time.Clock.fixed(TODAY.atTime(9, 0).atZone(AgendaFixture.ZONE).toInstant(),
                AgendaFixture.ZONE), new Localization(locale), out, err, StandardCharsets.UTF_8, passwords)
                .execute(all.toArray(String[]::new));
        return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void aMediatorSeesTheOwnCommitteesLateCaseMarked() {
        Result result = agenda(Localization.CHINESE, "zhangli-2026", "--user", "zhangli", "agenda");

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.outLines().getFirst()).startsWith("议程：2026-03-10 至 2026-03-17");
        assertThat(result.out()).contains("日期", "事项", "案号/编号")
                .doesNotContain(otherCommitteesCase).doesNotContain(followUpCase);
        assertThat(result.outLines()).anyMatch(line -> line.startsWith("2026-03-09") && line.contains("逾期")
                && line.contains("调解期限") && line.contains(lateCase) && line.contains("金宝新区人民调解委员会"));
        assertThat(result.outLines()).anyMatch(line -> line.contains("月报") && line.contains("2026-02"));
    }

    @Test
    void daysWidenTheWindowAndTheTableSpeaksEnglish() {
        Result result = agenda(Locale.ENGLISH, "zhangli-2026", "--user", "zhangli", "agenda", "--days", "12");

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.outLines().getFirst()).startsWith("Agenda from 2026-03-10 to 2026-03-22");
        assertThat(result.outLines()).anyMatch(line -> line.startsWith("2026-03-22") && line.contains("Follow-up visit")
                && line.contains(followUpCase));
        assertThat(result.outLines()).anyMatch(line -> line.contains("LATE") && line.contains(lateCase));
    }

    @Test
    void daysOutsideZeroTo366AreAUsageError() {
        for (String days : List.of("-1", "367", "seven")) {
            Result result = agenda(Localization.CHINESE, "zhangli-2026", "--user", "zhangli", "agenda", "--days", days);
            assertThat(result.exitCode()).as(days).isEqualTo(ExitCodes.USAGE);
            assertThat(result.out()).isEmpty();
        }
        Result zero = agenda(Localization.CHINESE, "zhangli-2026", "--user", "zhangli", "agenda", "--days", "0");
        assertThat(zero.exitCode()).as(zero.err()).isZero();
        Result most = agenda(Localization.CHINESE, "zhangli-2026", "--user", "zhangli", "agenda", "--days", "366");
        assertThat(most.exitCode()).as(most.err()).isZero();
    }

    @Test
    void withoutAUserOrWithAWrongPasswordItIsRefused() {
        Result noUser = agenda(Localization.CHINESE, null, "agenda");
        assertThat(noUser.exitCode()).isEqualTo(ExitCodes.NOT_PERMITTED);
        assertThat(noUser.out()).isEmpty();
        Result wrong = agenda(Localization.CHINESE, "wrong-password", "--user", "zhangli", "agenda");
        assertThat(wrong.exitCode()).isEqualTo(ExitCodes.NOT_PERMITTED);
    }

    @Test
    void aViewerSeesOnlyTheMonthlyReports() {
        Result result = agenda(Localization.CHINESE, "lingdao-2026", "--user", "lingdao", "agenda");

        assertThat(result.exitCode()).as(result.err()).isZero();
        List<String> items = result.outLines().subList(3, result.outLines().size());
        assertThat(items).isNotEmpty().allMatch(line -> line.contains("月报"));
        assertThat(result.out()).doesNotContain(lateCase, otherCommitteesCase);
    }
}
