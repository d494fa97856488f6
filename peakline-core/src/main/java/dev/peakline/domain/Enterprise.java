package dev.peakline.domain;

import java.util.Objects;

/**
 * An enterprise (企业) as the registry knows it: identified by its unified social credit code (GB 32100), in a region
 * (GB/T 2260) and an industry (GB/T 4754-2017), flagged as a key energy-consuming unit (重点用能单位) and/or a key
 * emitting unit (重点排放单位).
 */
public record Enterprise(
        CreditCode code,
        String name,
        RegionCode region,
        IndustryCode industry,
        boolean keyEnergyUnit,
        boolean keyEmitter) {

    public Enterprise {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(industry, "industry");
        if (name == null || name.isBlank() || name.length() > 200) {
            throw new IllegalArgumentException("an enterprise's name has 1–200 characters: '" + name + "'");
        }
        name = name.strip();
    }
}
