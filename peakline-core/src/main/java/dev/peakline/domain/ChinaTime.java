package dev.peakline.domain;

import java.time.ZoneId;

/** The time zone of China's calendar days and months (Beijing time, no daylight saving): periods, meter days, partitions. */
public final class ChinaTime {
    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    /** A month is due by this day of the following month (Peakline's default filing deadline). */
    public static final int DUE_DAY = 15;

    private ChinaTime() {}

    /** The last day a month may be filed on time: the {@link #DUE_DAY}th of the following month. */
    public static java.time.LocalDate deadline(java.time.YearMonth period) {
        return period.plusMonths(1).atDay(DUE_DAY);
    }
}
