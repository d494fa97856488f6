package dev.peakline.markets;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Allowances of the sectors the national ETS covers from the 2024 year — cement clinker, steel and aluminium smelting —
 * by 《2024、2025年度全国碳排放权交易市场钢铁、水泥、铝冶炼行业配额总量和分配方案》 (生态环境部, November 2025):
 *
 * <ul>
 *   <li>2024: no pre-allocation; each covered line's allowances equal its verified emissions (等量分配), in whole
 *       tonnes (half up).
 *   <li>2025: pre-allocation = 70 % of the line's verified emissions of 2024; the final allocation is intensity-based
 *       (单位产出碳排放越低，配额盈余率越高), except cement lines producing only white Portland clinker, lines with a carbide
 *       slag substitution above 15 %, and gypsum-sulphuric-acid by-product clinker lines, whose allowances equal their
 *       verified emissions. The plan's intensity benchmarks are not shipped, so the 2025 intensity-based true-up is
 *       refused with that reason rather than computed from a made-up figure.
 *   <li>The obligation of every covered line is its verified emissions (排多少、缴多少), direct emissions only (fuel
 *       combustion and industrial processes; purchased electricity and heat are not covered).
 * </ul>
 *
 * These rules were read from secondary reports of the plan (its text was not reached with the tools here):
 * UNCONFIRMED against the notice.
 */
public final class IndustryAllocation {
    private IndustryAllocation() {}

    /** The first year these sectors are allocated. */
    public static final int FIRST_YEAR = 2024;

    /** The last year a plan is shipped for. */
    public static final int LAST_YEAR = 2025;

    /** The 2025 pre-allocation's share of the 2024 verified emissions. */
    public static final double PRE_SHARE_2025 = 0.70;

    /** The plan's source, as the calculation sheet cites it. */
    public static final String SOURCE = "《2024、2025年度全国碳排放权交易市场钢铁、水泥、铝冶炼行业配额总量和分配方案》（生态环境部，2025年11月；UNCONFIRMED）";

    /** The sectors, with their Chinese names. */
    public enum Sector implements dev.peakline.domain.Coded {
        CEMENT_CLINKER("cement_clinker", "水泥熟料生产"),
        STEEL("steel", "钢铁"),
        ALUMINIUM("aluminium", "铝冶炼");

        private final String code;
        private final String chinese;

        Sector(String code, String chinese) {
            this.code = code;
            this.chinese = chinese;
        }

        public String code() {
            return code;
        }

        public String chinese() {
            return chinese;
        }

        public static Optional<Sector> parse(String text) {
            Optional<Sector> s = dev.peakline.domain.Coded.parse(Sector.class, text);
            if (s.isPresent()) {
                return s;
            }
            String t = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
            return Optional.ofNullable(
                    switch (t) {
                        case "水泥", "cement" -> CEMENT_CLINKER;
                        case "电解铝", "aluminum" -> ALUMINIUM;
                        default -> null;
                    });
        }
    }

    /**
     * A covered line (生产线、工序) in a year: its verified emissions of the year (null before verification) and of
     * the year before, and whether the plan allocates it at its verified emissions whatever the year (the three kinds
     * of cement line in 2025).
     */
    public record Line(
            String lineId, int year, Sector sector, boolean atVerified, Double verifiedT, Double priorVerifiedT) {}

    /** An allocation, or why the plan gives none; with the arithmetic as the sheet shows it. */
    public record Outcome(Long allocationT, String code, String refusal, List<String> explanation) {
        public boolean ok() {
            return refusal == null;
        }
    }

    private static Outcome refused(String code, String why) {
        return new Outcome(null, code, why, List.of());
    }

    private static String whole(double t) {
        return String.format(Locale.ROOT, "%,d", Math.round(t));
    }

    /** The line's allocation at {@code stage} ("pre" or "final") by its year's plan. */
    public static Outcome allocate(Line l, String stage) {
        if (l.year() < FIRST_YEAR || l.year() > LAST_YEAR) {
            return refused(
                    "allocation.year",
                    l.sector().code() + " is covered from " + FIRST_YEAR + "; plans are shipped for " + FIRST_YEAR + "–"
                            + LAST_YEAR + ", not " + l.year());
        }
        if (l.atVerified() && l.sector() != Sector.CEMENT_CLINKER) {
            return refused(
                    "allocation.exempt", "only cement clinker lines are allocated at their verified emissions in 2025");
        }
        List<String> x = new ArrayList<>();
        x.add("依据 " + SOURCE);
        if (stage.equals("pre")) {
            if (l.year() == 2024) {
                return refused(
                        "allocation.no_pre", "the 2024 plan has no pre-allocation: allowances are set once verified");
            }
            if (l.priorVerifiedT() == null) {
                return refused(
                        "market.verified",
                        "line " + l.lineId() + " has no verified emissions for " + (l.year() - 1)
                                + " to pre-allocate on");
            }
            long a = Math.round(PRE_SHARE_2025 * l.priorVerifiedT());
            x.add("预分配量 = " + Math.round(PRE_SHARE_2025 * 100) + "% × " + (l.year() - 1) + " 年度核查排放量 "
                    + whole(l.priorVerifiedT()) + " = " + whole(a) + " tCO2");
            return new Outcome(a, null, null, x);
        }
        if (l.verifiedT() == null) {
            return refused("market.verified", "line " + l.lineId() + " has no verified emissions for " + l.year());
        }
        if (l.year() == 2024 || l.atVerified()) {
            long a = Math.round(l.verifiedT());
            x.add((l.year() == 2024 ? "2024 年度等量分配" : "白水泥熟料、电石渣替代率超过 15% 或石膏制硫酸副产熟料生产线")
                    + "：配额 = 核查排放量 " + String.format(Locale.ROOT, "%,.2f", l.verifiedT()) + " tCO2，取整 "
                    + whole(a) + " tCO2");
            return new Outcome(a, null, null, x);
        }
        return refused(
                "allocation.intensity",
                "the " + l.year() + " true-up is intensity-based and the plan's intensity benchmarks are not shipped"
                        + " (they could not be checked against the notice): no estimate is put in their place");
    }

    /** What the line must surrender for the year: its verified emissions, whole tonnes (half up). */
    public static long due(double verifiedT) {
        return Math.round(verifiedT);
    }
}
