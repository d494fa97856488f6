package dev.peakline.domain;

import java.util.Locale;
import java.util.Optional;

/** How an activity record's carrier or material was used (用途). */
public enum Use {
    /** Burnt as fuel (燃烧): combustion CO2 and energy. */
    COMBUSTION("燃烧"),
    /** Used as raw material (原料): counts in comprehensive energy, no combustion CO2. */
    FEEDSTOCK("原料"),
    /** A process material such as a carbonate or electrode (过程): process CO2. */
    PROCESS("过程"),
    /** Electricity or heat bought in (外购): scope 2. */
    PURCHASED("外购"),
    /** Electricity or heat supplied to others (输出): subtracted from scope 2 and energy. */
    EXPORTED("输出");

    private final String nameCn;

    Use(String nameCn) {
        this.nameCn = nameCn;
    }

    public String nameCn() {
        return nameCn;
    }

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Use> parse(String s) {
        if (s == null) {
            return Optional.empty();
        }
        String t = s.strip();
        for (Use u : values()) {
            if (u.code().equalsIgnoreCase(t) || u.nameCn.equals(t)) {
                return Optional.of(u);
            }
        }
        return Optional.empty();
    }
}
