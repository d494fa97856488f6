package dev.peakline.domain;

import java.util.Locale;
import java.util.Optional;

/**
 * How an activity datum was obtained (数据质量等级), as a verifier grades it: measured by a meter or weighbridge (实测),
 * calculated from other measured data (计算, e.g. a stock balance), estimated (估算), or a default or design value
 * (缺省). The grade travels with the filed line to the verifier, the calculation sheet and the report; whether a factor
 * was measured or a default is known from the line itself (a measured NCV or carbon content).
 */
public enum DataQuality {
    MEASURED("实测"),
    CALCULATED("计算"),
    ESTIMATED("估算"),
    DEFAULT("缺省");

    private final String nameCn;

    DataQuality(String nameCn) {
        this.nameCn = nameCn;
    }

    public String nameCn() {
        return nameCn;
    }

    /** The grade for a code or Chinese name as written in a file or form (measured, 实测, 实测值 …). */
    public static Optional<DataQuality> parse(String s) {
        if (s == null || s.isBlank()) {
            return Optional.empty();
        }
        String v = s.strip();
        for (DataQuality q : values()) {
            if (q.name().equalsIgnoreCase(v) || v.startsWith(q.nameCn)) {
                return Optional.of(q);
            }
        }
        return switch (v.toLowerCase(Locale.ROOT)) {
            case "metered", "实测值", "计量" -> Optional.of(MEASURED);
            case "calc", "核算" -> Optional.of(CALCULATED);
            case "estimate", "估计" -> Optional.of(ESTIMATED);
            case "default value", "缺省值", "默认值", "设计值" -> Optional.of(DEFAULT);
            default -> Optional.empty();
        };
    }
}
