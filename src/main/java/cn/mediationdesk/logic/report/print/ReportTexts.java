package cn.mediationdesk.logic.report.print;

import cn.mediationdesk.logic.l10n.Localization;
import cn.mediationdesk.logic.report.StatisticsTable;
import cn.mediationdesk.model.CommitteeKind;
import cn.mediationdesk.model.Gender;
import cn.mediationdesk.model.LeadState;
import cn.mediationdesk.model.Outcome;
import cn.mediationdesk.model.PartyRole;
import cn.mediationdesk.model.Performance;
import cn.mediationdesk.model.PreventionKind;
import cn.mediationdesk.model.RiskLevel;
import cn.mediationdesk.model.Satisfaction;
import cn.mediationdesk.model.VerificationResult;

import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * How prints write dates, periods, rates, money and the names of the lifecycle's values, in the
 * reader's language: 2022年3月5日 and 73.6% in Chinese, 2022-03-05 in English. Shared by every layout
 * (and by any screen that prints them), so that a figure reads the same on every page.
 */
public final class ReportTexts {
    /** What an empty rate (nothing accepted) prints as. */
    public static final String NO_RATE = "—";

    private final Localization l10n;

    public ReportTexts(Localization l10n) {
        this.l10n = l10n;
    }

    public Localization l10n() {
        return l10n;
    }

    public String text(String key, Object... args) {
        return l10n.text(key, args);
    }

    /** A day as a document writes it; empty for {@code null}. */
    public String date(LocalDate day) {
        if (day == null) {
            return "";
        }
        return DateTimeFormatter.ofPattern(l10n.text("report.date.pattern"), l10n.locale()).format(day);
    }

    /** The period on the day leads were found, either end possibly open. */
    public String period(LocalDate from, LocalDate to) {
        if (from == null && to == null) {
            return l10n.text("report.period.all");
        }
        String open = l10n.text("report.period.open");
        return l10n.text("report.period.range", from == null ? open : date(from), to == null ? open : date(to));
    }

    /** A resolution rate as a percentage with one decimal, or {@link #NO_RATE}. */
    public static String rate(BigDecimal rate) {
        return rate == null ? NO_RATE : rate.toPlainString() + "%";
    }

    /** Yuan with two decimals and thousands separated: 12,345.00. */
    public static String amount(BigDecimal amount) {
        DecimalFormat format = new DecimalFormat("#,##0.00", DecimalFormatSymbols.getInstance(Locale.ROOT));
        return format.format(amount == null ? BigDecimal.ZERO : amount);
    }

    public String state(LeadState state) {
        return switch (state) {
            case PENDING -> l10n.text("report.state.pending");
            case UNFOUNDED -> l10n.text("report.state.unfounded");
            case DUPLICATE -> l10n.text("report.state.duplicate");
            case TRANSFERRED -> l10n.text("report.state.transferred");
            case DECLINED -> l10n.text("report.state.declined");
            case MEDIATING -> l10n.text("report.state.mediating");
            case RESOLVED -> l10n.text("report.state.resolved");
            case FAILED -> l10n.text("report.state.failed");
            case TERMINATED -> l10n.text("report.state.terminated");
        };
    }

    public String outcome(Outcome outcome) {
        if (outcome == null) {
            return "";
        }
        return switch (outcome) {
            case RESOLVED -> l10n.text("report.state.resolved");
            case FAILED -> l10n.text("report.state.failed");
            case TERMINATED -> l10n.text("report.state.terminated");
        };
    }

    /** A main figure of the statistics table, as its rows name it. */
    public String statisticsFigure(StatisticsTable.MainFigure figure) {
        return switch (figure) {
            case SCREENINGS -> text("report.stats.figure.screenings");
            case PREVENTIONS -> text("report.stats.figure.preventions");
            case ACCEPTED -> text("report.stats.accepted");
            case RESOLVED -> text("report.stats.resolved");
            case SUCCESS_RATE -> text("report.stats.figure.rate");
            case AMOUNT -> text("report.stats.amount");
            case PREVENTED_SUICIDE -> text("report.stats.figure.prevented", prevention(PreventionKind.SUICIDE));
            case PREVENTED_CRIMINAL_CASE -> text("report.stats.figure.prevented", prevention(PreventionKind.CRIMINAL_CASE));
            case PREVENTED_GROUP_PETITION -> text("report.stats.figure.prevented", prevention(PreventionKind.GROUP_PETITION));
            case PREVENTED_GROUP_FIGHT -> text("report.stats.figure.prevented", prevention(PreventionKind.GROUP_FIGHT));
        };
    }

    /** One of the official 防止 categories. */
    public String prevention(PreventionKind kind) {
        return switch (kind) {
            case SUICIDE -> text("report.stats.preventedKind.suicide");
            case CRIMINAL_CASE -> text("report.stats.preventedKind.criminalCase");
            case GROUP_PETITION -> text("report.stats.preventedKind.groupPetition");
            case GROUP_FIGHT -> text("report.stats.preventedKind.groupFight");
        };
    }

    public String committeeKind(CommitteeKind kind) {
        return switch (kind) {
            case COMMUNITY -> text("report.stats.committeeKind.community");
            case JURISDICTION -> text("report.stats.committeeKind.jurisdiction");
            case TRADE -> text("report.stats.committeeKind.trade");
        };
    }

    public String risk(RiskLevel risk) {
        return switch (risk) {
            case BLUE -> l10n.text("report.risk.blue");
            case YELLOW -> l10n.text("report.risk.yellow");
            case ORANGE -> l10n.text("report.risk.orange");
            case RED -> l10n.text("report.risk.red");
        };
    }

    public String verification(VerificationResult result) {
        if (result == null) {
            return "";
        }
        return switch (result) {
            case GENUINE -> l10n.text("report.verification.genuine");
            case UNFOUNDED -> l10n.text("report.state.unfounded");
            case DUPLICATE -> l10n.text("report.state.duplicate");
            case TRANSFERRED -> l10n.text("report.state.transferred");
        };
    }

    public String role(PartyRole role) {
        return switch (role) {
            case APPLICANT -> l10n.text("report.role.applicant");
            case RESPONDENT -> l10n.text("report.role.respondent");
            case OTHER -> l10n.text("report.role.other");
        };
    }

    public String gender(Gender gender) {
        if (gender == null) {
            return "";
        }
        return switch (gender) {
            case MALE -> l10n.text("report.gender.male");
            case FEMALE -> l10n.text("report.gender.female");
        };
    }

    public String performance(Performance performance) {
        return switch (performance) {
            case PERFORMED -> l10n.text("report.performance.performed");
            case PARTLY -> l10n.text("report.performance.partly");
            case NOT_PERFORMED -> l10n.text("report.performance.notPerformed");
        };
    }

    public String satisfaction(Satisfaction satisfaction) {
        if (satisfaction == null) {
            return "";
        }
        return switch (satisfaction) {
            case SATISFIED -> l10n.text("report.satisfaction.satisfied");
            case NEUTRAL -> l10n.text("report.satisfaction.neutral");
            case DISSATISFIED -> l10n.text("report.satisfaction.dissatisfied");
        };
    }
}
