package cn.mediationdesk.gui.common;

import javafx.util.StringConverter;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Shows dates as {@code 2022-03-05} and reads what people type: {@code 2022-03-05},
 * {@code 2022/3/5}, {@code 2022.3.5} or {@code 2022年3月5日}. Text that is no date reads as
 * {@code null} (never an exception), so the form reports the field as missing instead of failing.
 */
public final class DateFieldConverter extends StringConverter<LocalDate> {
    private static final Pattern DATE = Pattern.compile(
            "\\s*(\\d{4})\\s*(?:[-/.]|年)\\s*(\\d{1,2})\\s*(?:[-/.]|月)\\s*(\\d{1,2})\\s*日?\\s*");

    @Override
    public String toString(LocalDate date) {
        return date == null ? "" : date.toString();
    }

    @Override
    public LocalDate fromString(String text) {
        if (text == null) {
            return null;
        }
        Matcher m = DATE.matcher(text);
        if (!m.matches()) {
            return null;
        }
        try {
            return LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
        } catch (DateTimeException e) {
            return null;
        }
    }
}
