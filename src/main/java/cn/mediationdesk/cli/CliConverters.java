package cn.mediationdesk.cli;

import cn.mediationdesk.logic.l10n.Localization;
import cn.mediationdesk.logic.tally.Grouping;
import cn.mediationdesk.logic.tally.PeriodBasis;
import cn.mediationdesk.model.Role;
import picocli.CommandLine;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** Converters for option values, each failing with one localized line. */
final class CliConverters {
    private CliConverters() {
    }

    static void register(CommandLine commandLine, Localization l10n) {
        commandLine.registerConverter(LocalDate.class, date(l10n));
        commandLine.registerConverter(Grouping.class, grouping(l10n));
        commandLine.registerConverter(SummaryFormat.class, format(l10n));
        commandLine.registerConverter(Charset.class, encoding(l10n));
        commandLine.registerConverter(Role.class, role(l10n));
        commandLine.registerConverter(PeriodBasis.class, basis(l10n));
    }

    /** {@code accepted|found}: the day that places a case in the statistics table's period. */
    static ITypeConverter<PeriodBasis> basis(Localization l10n) {
        return value -> Arrays.stream(PeriodBasis.values()).filter(b -> b.cliName().equals(
                        value.strip().toLowerCase(Locale.ROOT))).findFirst()
                .orElseThrow(() -> new TypeConversionException(l10n.text("cli.error.badBasis", value)));
    }

    /** {@code admin|director|mediator|viewer}, as DESIGN §6 writes them. */
    static ITypeConverter<Role> role(Localization l10n) {
        return value -> Arrays.stream(Role.values()).filter(r -> r.name().equalsIgnoreCase(value.strip())).findFirst()
                .orElseThrow(() -> new TypeConversionException(l10n.text("cli.error.badRole", value)));
    }

    /** {@code YYYY-MM-DD}, and a real day of the calendar. */
    static ITypeConverter<LocalDate> date(Localization l10n) {
        return value -> {
            try {
                return LocalDate.parse(value.strip());
            } catch (DateTimeParseException e) {
                throw new TypeConversionException(l10n.text("cli.error.badDate", value));
            }
        };
    }

    static ITypeConverter<Grouping> grouping(Localization l10n) {
        return value -> Grouping.fromCliName(value.strip().toLowerCase(Locale.ROOT)).orElseThrow(() ->
                new TypeConversionException(l10n.text("cli.error.badGrouping", value, Arrays.stream(Grouping.values())
                        .map(Grouping::cliName).collect(Collectors.joining(", ")))));
    }

    static ITypeConverter<SummaryFormat> format(Localization l10n) {
        return value -> SummaryFormat.fromCliName(value.strip()).orElseThrow(() ->
                new TypeConversionException(l10n.text("cli.error.badFormat", value, Arrays.stream(SummaryFormat.values())
                        .map(SummaryFormat::cliName).collect(Collectors.joining(", ")))));
    }

    /** The two encodings ledgers come in (DESIGN §8). */
    static ITypeConverter<Charset> encoding(Localization l10n) {
        return value -> switch (value.strip().toUpperCase(Locale.ROOT)) {
            case "UTF-8", "UTF8" -> StandardCharsets.UTF_8;
            case "GBK", "GB2312", "GB18030" -> Charset.forName("GBK");
            default -> throw new TypeConversionException(l10n.text("cli.error.badEncoding", value));
        };
    }
}
