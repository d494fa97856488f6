package dev.peakline.markets;

import java.util.Locale;
import java.util.Optional;

/**
 * The kinds of instrument the registry holds, each with its code (as files write it), its Chinese name and unit, and
 * whether its units carry serial numbers (certificates and credits do; allowances and rights are fungible within a
 * vintage).
 */
public enum Instrument {
    CEA("cea", "全国碳排放配额", "national carbon emission allowance", "tCO2", false, false),
    PROVINCIAL_CEA("provincial_cea", "省级碳排放配额", "provincial carbon emission allowance", "tCO2", false, false),
    ENERGY_RIGHT("energy_right", "用能权", "energy-use right", "tce", false, false),
    POLLUTION_RIGHT("pollution_right", "排污权", "pollutant discharge right", "t", false, false),
    GEC("gec", "绿色电力证书", "green electricity certificate", "MWh", true, false),
    CCER("ccer", "国家核证自愿减排量", "China certified emission reduction", "tCO2e", true, true),
    PROVINCIAL_CREDIT("provincial_credit", "省级核证自愿减排量", "provincial certified reduction", "tCO2e", true, true);

    private final String code;
    private final String chinese;
    private final String english;
    private final String unit;
    private final boolean serialised;
    private final boolean offset;

    Instrument(String code, String chinese, String english, String unit, boolean serialised, boolean offset) {
        this.code = code;
        this.chinese = chinese;
        this.english = english;
        this.unit = unit;
        this.serialised = serialised;
        this.offset = offset;
    }

    public String code() {
        return code;
    }

    public String chinese() {
        return chinese;
    }

    public String english() {
        return english;
    }

    /** The unit one unit of the instrument stands for. */
    public String unit() {
        return unit;
    }

    /** Whether each unit has a serial number, so that holdings are ranges of serials. */
    public boolean serialised() {
        return serialised;
    }

    /** Whether it may offset an allowance obligation (within the offset cap). */
    public boolean offset() {
        return offset;
    }

    /** Whether it counts against a carbon-allowance obligation at all (allowances and offsets). */
    public boolean carbon() {
        return this == CEA || this == PROVINCIAL_CEA || offset;
    }

    /** Whether obligations are kept in it: allowances (settled by allowances and offsets) and energy-use rights. */
    public boolean settles() {
        return this == CEA || this == PROVINCIAL_CEA || this == ENERGY_RIGHT;
    }

    /** By its code, its Chinese name or a common short name (配额, 绿证, CCER), case and spaces ignored. */
    public static Optional<Instrument> parse(String text) {
        String t = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        for (Instrument i : values()) {
            if (t.equals(i.code) || t.equals(i.chinese) || t.equals(i.name().toLowerCase(Locale.ROOT))) {
                return Optional.of(i);
            }
        }
        return Optional.ofNullable(
                switch (t) {
                    case "配额", "碳排放配额", "全国配额" -> CEA;
                    case "省级配额", "地方配额" -> PROVINCIAL_CEA;
                    case "绿证" -> GEC;
                    case "省级减排量", "贵州省核证减排量" -> PROVINCIAL_CREDIT;
                    default -> null;
                });
    }

    /** The codes, for messages. */
    public static String codes() {
        StringBuilder b = new StringBuilder();
        for (Instrument i : values()) {
            b.append(b.length() == 0 ? "" : ", ")
                    .append(i.code)
                    .append(" (")
                    .append(i.chinese)
                    .append(')');
        }
        return b.toString();
    }
}
