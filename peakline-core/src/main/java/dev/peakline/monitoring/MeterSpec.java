package dev.peakline.monitoring;

import java.time.Instant;

/**
 * What the roll-up needs to know of one installed meter (one device at one measuring point).
 *
 * @param multiplier 倍率: the value times the multiplier is the quantity in the meter's unit (CT/PT ratios, pulse
 *     weights)
 * @param intervalSeconds the expected sampling interval
 * @param registerMax the value at which the register rolls over to zero (for a six-digit register 1,000,000), or 0 when
 *     unknown, in which case a fall is always taken for a reset
 * @param installedAt when the meter started counting at the point
 * @param removedAt when it was removed or replaced, or {@code null} while in service
 */
public record MeterSpec(
        MeterKind kind,
        double multiplier,
        int intervalSeconds,
        double registerMax,
        Instant installedAt,
        Instant removedAt) {
    public MeterSpec {
        if (!(multiplier > 0) || Double.isInfinite(multiplier)) {
            throw new IllegalArgumentException("multiplier must be a positive number, was " + multiplier);
        }
        if (intervalSeconds < 60 || intervalSeconds > 86_400) {
            throw new IllegalArgumentException(
                    "sampling interval must be between 60 s and 86,400 s, was " + intervalSeconds);
        }
        if (registerMax < 0 || Double.isNaN(registerMax)) {
            throw new IllegalArgumentException("register maximum must be 0 (unknown) or positive");
        }
        if (removedAt != null && !removedAt.isAfter(installedAt)) {
            throw new IllegalArgumentException("a meter must be removed after it was installed");
        }
    }
}
