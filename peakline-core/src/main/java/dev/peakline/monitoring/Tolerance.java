package dev.peakline.monitoring;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * The time-stamp rule of the online monitoring system for statistics uploaded by an enterprise's 接入端: a daily figure
 * is stamped at 00:00 of its day within 1 minute, a monthly figure at 00:00 of the 1st of its month within 1 day
 * (METHODOLOGY.md §9.1, S-MONITOR-1). The period a figure belongs to is the nearest such start.
 */
public final class Tolerance {
    public static final Duration DAILY = Duration.ofMinutes(1);
    public static final Duration MONTHLY = Duration.ofDays(1);

    public enum Granularity {
        DAY,
        MONTH
    }

    /** The period a stamped figure belongs to, how far its stamp is from the period's start, and whether that is within tolerance. */
    public record Placement(LocalDate periodStart, Duration offset, boolean onTime) {}

    private Tolerance() {}

    public static Placement place(Granularity g, Instant stamp, ZoneId zone) {
        ZonedDateTime z = stamp.atZone(zone);
        ZonedDateTime start;
        ZonedDateTime next;
        if (g == Granularity.DAY) {
            start = z.toLocalDate().atStartOfDay(zone);
            next = start.plusDays(1);
        } else {
            start = z.toLocalDate().withDayOfMonth(1).atStartOfDay(zone);
            next = start.plusMonths(1);
        }
        Duration sinceStart = Duration.between(start, z);
        Duration toNext = Duration.between(z, next);
        ZonedDateTime nearest = sinceStart.compareTo(toNext) <= 0 ? start : next;
        Duration offset = Duration.between(nearest, z);
        Duration limit = g == Granularity.DAY ? DAILY : MONTHLY;
        return new Placement(nearest.toLocalDate(), offset, offset.abs().compareTo(limit) <= 0);
    }
}
