package dev.peakline.io.table;

import dev.peakline.problems.Problem;
import dev.peakline.units.Decimals;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * A cell read as a number, a fraction, a year or a date, with the problem (row, column, what to write) when it is not
 * one; the readers share these. Each returns {@code NaN} (or null) after adding its problem.
 */
public final class Cells {
    private Cells() {}

    /** A decimal within [min, max]. */
    public static double number(
            String source, Table.Line l, String column, String text, double min, double max, List<Problem> problems) {
        if (text.isEmpty()) {
            problems.add(Problem.at("value.missing", source, l.number(), column, column + " is empty"));
            return Double.NaN;
        }
        try {
            double v = Decimals.parse(text);
            if (!(v >= min && v <= max)) {
                problems.add(Problem.at(
                        "quantity.absurd",
                        source,
                        l.number(),
                        column,
                        column + " " + text + " is out of range: from " + plain(min) + " to " + plain(max)));
                return Double.NaN;
            }
            return v;
        } catch (NumberFormatException e) {
            problems.add(Problem.at("number.format", source, l.number(), column, "'" + text + "' is not a number"));
            return Double.NaN;
        }
    }

    /** A fraction 0–1, or a percentage written with % (20% is 0.2). */
    public static double fraction(String source, Table.Line l, String column, String text, List<Problem> problems) {
        boolean percent = text.endsWith("%");
        try {
            double v = Decimals.parse(
                    percent ? text.substring(0, text.length() - 1).strip() : text);
            double f = percent ? v / 100 : v;
            if (!(f >= 0 && f <= 1)) {
                problems.add(Problem.at(
                        "value.fraction",
                        source,
                        l.number(),
                        column,
                        column + " '" + text + "' is a fraction between 0 and 1 (or 0 % to 100 %, written with %)"));
                return Double.NaN;
            }
            return f;
        } catch (NumberFormatException e) {
            problems.add(Problem.at(
                    "number.format",
                    source,
                    l.number(),
                    column,
                    "'" + text + "' is not a number: write a fraction such as 0.2 or a percentage such as 20%"));
            return Double.NaN;
        }
    }

    /** A year (four digits, within the platform's window); 0 after a problem. */
    public static int year(String source, Table.Line l, String column, String text, List<Problem> problems) {
        String t = text.endsWith("年") ? text.substring(0, text.length() - 1) : text;
        if (!t.matches("[0-9]{4}") || !dev.peakline.domain.DateWindow.contains(Integer.parseInt(t))) {
            problems.add(Problem.at(
                    "value.year",
                    source,
                    l.number(),
                    column,
                    "'" + text + "' is not a year: write four digits such as 2023 (" + "between "
                            + dev.peakline.domain.DateWindow.FIRST_YEAR + " and "
                            + dev.peakline.domain.DateWindow.LAST_YEAR + ")"));
            return 0;
        }
        return Integer.parseInt(t);
    }

    /** A date: 2024-03-01, 2024/3/1 or 20240301; null after a problem. */
    public static LocalDate date(String source, Table.Line l, String column, String text, List<Problem> problems) {
        String t = text.strip();
        try {
            LocalDate d;
            if (t.matches("[0-9]{8}")) {
                d = LocalDate.of(
                        Integer.parseInt(t.substring(0, 4)),
                        Integer.parseInt(t.substring(4, 6)),
                        Integer.parseInt(t.substring(6)));
            } else if (t.matches("[0-9]{4}[-/.][0-9]{1,2}[-/.][0-9]{1,2}")) {
                String[] p = t.split("[-/.]");
                d = LocalDate.of(Integer.parseInt(p[0]), Integer.parseInt(p[1]), Integer.parseInt(p[2]));
            } else {
                throw new DateTimeParseException("not a date", t, 0);
            }
            if (!dev.peakline.domain.DateWindow.contains(d)) {
                throw new DateTimeParseException("outside", t, 0);
            }
            return d;
        } catch (java.time.DateTimeException e) {
            problems.add(Problem.at(
                    "value.date",
                    source,
                    l.number(),
                    column,
                    "'" + text + "' is not a date: write it as 2024-03-01 (" + "between "
                            + dev.peakline.domain.DateWindow.FIRST_YEAR + " and "
                            + dev.peakline.domain.DateWindow.LAST_YEAR + ")"));
            return null;
        }
    }

    private static String plain(double v) {
        return java.math.BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
    }
}
