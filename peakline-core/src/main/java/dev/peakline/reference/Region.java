package dev.peakline.reference;

import dev.peakline.domain.RegionCode;

/** 行政区划: a GB/T 2260 division with its level and parent (null for a province). */
public record Region(RegionCode code, String name, Level level, RegionCode parent) {
    public enum Level {
        PROVINCE,
        CITY,
        COUNTY
    }

    public Region {
        if (code == null || name == null || level == null) {
            throw new IllegalArgumentException("region needs code, name and level");
        }
    }
}
