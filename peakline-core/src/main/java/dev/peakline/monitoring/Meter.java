package dev.peakline.monitoring;

import dev.peakline.domain.CreditCode;
import java.time.Instant;
import java.util.Objects;

/**
 * A measuring device (计量器具) at a point of an enterprise or one of its facilities: what it measures (carrier, unit),
 * how (a register or interval values, the multiplier 倍率, the sampling interval, the register's maximum) and when it
 * was in service. A replacement (换表) ends one device and starts another at the same point ({@code code}); the new one
 * names the one it {@code replaces}.
 *
 * @param multiplier 倍率: raw register steps × multiplier = consumption in {@code unit}; positive
 * @param intervalSeconds the sampling interval [s], 60 to 86 400
 * @param registerMax the register's maximum (where it rolls over), 0 when unknown
 * @param removedAt null while in service
 */
public record Meter(
        long id,
        CreditCode enterprise,
        Long facilityId,
        String code,
        String name,
        String carrier,
        String unit,
        MeterKind kind,
        double multiplier,
        int intervalSeconds,
        double registerMax,
        Instant installedAt,
        Instant removedAt,
        Long replaces) {

    public Meter {
        Objects.requireNonNull(enterprise, "enterprise");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(installedAt, "installedAt");
        if (code == null || code.isBlank()) {
            throw new IllegalArgumentException("a meter needs the code of its point");
        }
        if (!(multiplier > 0) || Double.isInfinite(multiplier)) {
            throw new IllegalArgumentException("the multiplier must be a positive number: " + multiplier);
        }
        if (intervalSeconds < 60 || intervalSeconds > 86_400) {
            throw new IllegalArgumentException("the sampling interval is 60 to 86,400 s: " + intervalSeconds);
        }
        if (!(registerMax >= 0) || Double.isInfinite(registerMax)) {
            throw new IllegalArgumentException("the register maximum is 0 (unknown) or positive: " + registerMax);
        }
        if (removedAt != null && !removedAt.isAfter(installedAt)) {
            throw new IllegalArgumentException("a meter is removed after it is installed");
        }
    }

    /** What the meter arithmetic needs of it. */
    public MeterSpec spec() {
        return new MeterSpec(kind, multiplier, intervalSeconds, registerMax, installedAt, removedAt);
    }

    /** Whether it was in service at the instant: installed at or before, not yet removed. */
    public boolean inServiceAt(Instant t) {
        return !t.isBefore(installedAt) && (removedAt == null || t.isBefore(removedAt));
    }
}
