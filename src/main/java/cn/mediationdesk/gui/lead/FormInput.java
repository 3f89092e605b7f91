package cn.mediationdesk.gui.lead;

import cn.mediationdesk.gui.common.DateFieldConverter;
import cn.mediationdesk.model.Problem;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * Reads what was typed into a form's text fields. Text that is no date, number or amount becomes a
 * problem at its field (what the user typed stays in the field), blank text becomes {@code null};
 * the rules themselves are left to the lifecycle service.
 */
final class FormInput {
    static final String INVALID_DATE = "gui.lead.invalid.date";
    private static final DateFieldConverter DATES = new DateFieldConverter();

    private FormInput() {
    }

    /** The first problem {@code check} finds in one value, for checking a field again as it is typed. */
    static java.util.Optional<Problem> problemOf(java.util.function.Consumer<List<Problem>> check) {
        List<Problem> problems = new java.util.ArrayList<>();
        check.accept(problems);
        return problems.stream().findFirst();
    }

    static LocalDate date(String text, Problem.Field field, List<Problem> problems) {
        if (isBlank(text)) {
            return null;
        }
        LocalDate date = DATES.fromString(text);
        if (date == null) {
            problems.add(Problem.of(field, INVALID_DATE, text.strip()));
        }
        return date;
    }

    /** The date in the text, or {@code null} when there is none (for defaults and comparisons only). */
    static LocalDate dateOrNull(String text) {
        return isBlank(text) ? null : DATES.fromString(text);
    }

    static String text(LocalDate date) {
        return DATES.toString(date);
    }

    static Integer integer(String text, Problem.Field field, List<Problem> problems) {
        if (isBlank(text)) {
            return null;
        }
        try {
            return Integer.valueOf(text.strip());
        } catch (NumberFormatException e) {
            problems.add(Problem.of(field, "gui.lead.invalid.number", text.strip()));
            return null;
        }
    }

    /** Yuan, as people write it: {@code 12000}, {@code 12,000.50}, {@code 12000元}. */
    static BigDecimal amount(String text, Problem.Field field, List<Problem> problems) {
        if (isBlank(text)) {
            return null;
        }
        String plain = text.strip().replace(",", "").replace("，", "");
        if (plain.endsWith("元")) {
            plain = plain.substring(0, plain.length() - 1).strip();
        }
        try {
            return new BigDecimal(plain);
        } catch (NumberFormatException e) {
            problems.add(Problem.of(field, "gui.lead.invalid.amount", text.strip()));
            return null;
        }
    }

    static String text(BigDecimal amount) {
        return amount == null ? "" : amount.stripTrailingZeros().toPlainString();
    }

    static String text(Integer number) {
        return number == null ? "" : number.toString();
    }

    static String orEmpty(String text) {
        return text == null ? "" : text;
    }

    static boolean isBlank(String text) {
        return text == null || text.isBlank();
    }

    static String blankToNull(String text) {
        return isBlank(text) ? null : text.strip();
    }
}
