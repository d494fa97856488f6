package dev.peakline.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;

/**
 * The one window of dates Peakline takes anywhere: periods of filings and statistics, meter installations, readings,
 * reconciliation, commissioning dates and deadlines all lie in the years 2000–2100 (China time). Nothing outside it is
 * stored, so no partition, roll-up or account is ever made for 1970 or 9999.
 */
public final class DateWindow {
    public static final int FIRST_YEAR = 2000;
    public static final int LAST_YEAR = 2100;

    /** The first instant inside the window: 2000-01-01T00:00+08:00. */
    public static final long FIRST_MILLI = LocalDate.of(FIRST_YEAR, 1, 1)
            .atStartOfDay(ChinaTime.ZONE)
            .toInstant()
            .toEpochMilli();
    /** The first instant after the window: 2101-01-01T00:00+08:00. */
    public static final long END_MILLI = LocalDate.of(LAST_YEAR + 1, 1, 1)
            .atStartOfDay(ChinaTime.ZONE)
            .toInstant()
            .toEpochMilli();

    private DateWindow() {}

    public static boolean contains(int year) {
        return year >= FIRST_YEAR && year <= LAST_YEAR;
    }

    public static boolean contains(YearMonth m) {
        return contains(m.getYear());
    }

    public static boolean contains(LocalDate d) {
        return contains(d.getYear());
    }

    public static boolean contains(long epochMilli) {
        return epochMilli >= FIRST_MILLI && epochMilli < END_MILLI;
    }

    public static boolean contains(Instant t) {
        // compared as instants: toEpochMilli would overflow for the far years a hostile date may name
        return !t.isBefore(FIRST) && t.isBefore(END);
    }

    private static final Instant FIRST = Instant.ofEpochMilli(FIRST_MILLI);
    private static final Instant END = Instant.ofEpochMilli(END_MILLI);

    /** "outside 2000–2100", the words every refusal uses. */
    public static String outside() {
        return "outside " + FIRST_YEAR + "–" + LAST_YEAR;
    }
}
