package dev.peakline.app.server.web;

import dev.peakline.domain.DateWindow;
import dev.peakline.problems.ErrorCode;
import dev.peakline.problems.Refusal;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;

/** The checks every controller makes of periods and spans in a request's parameters. */
public final class Requests {
    private Requests() {}

    /** Refuses a year outside 2000–2100 or a month outside 1–12 (null: a whole year). */
    public static void checkSpan(int year, Integer month) {
        if (!DateWindow.contains(year)) {
            throw Refusal.field(ErrorCode.YEAR, "year", "year " + year + " is " + DateWindow.outside());
        }
        if (month != null && (month < 1 || month > 12)) {
            throw Refusal.field(ErrorCode.MONTH, "month", "month must be between 1 and 12");
        }
    }

    /** A month given as YYYY-MM within 2000–2100. */
    public static YearMonth period(String s) {
        try {
            YearMonth p = YearMonth.parse(s == null ? "" : s.strip());
            if (!DateWindow.contains(p)) {
                throw Refusal.field(ErrorCode.PERIOD, "period", "period " + s + " is " + DateWindow.outside());
            }
            return p;
        } catch (DateTimeParseException ex) {
            throw Refusal.field(ErrorCode.PERIOD, "period", "period must be YYYY-MM, not '" + s + "'");
        }
    }
}
