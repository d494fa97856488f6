package dev.peakline.accounting;

import dev.peakline.domain.IndustryCode;
import dev.peakline.domain.RegionCode;
import dev.peakline.domain.Use;
import dev.peakline.reference.EnergyCarrier;
import dev.peakline.reference.FactorKey;
import dev.peakline.reference.FactorKind;
import dev.peakline.reference.GridRegions;
import dev.peakline.reference.ReferenceLibrary;
import dev.peakline.reference.ResolvedFactor;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The dense factor table of a run: one row per distinct (carrier or material, use, electricity area, month, measured values),
 * holding tCO2 per canonical unit for each {@link Slot} and tce per canonical unit, resolved once. The batch pass
 * multiplies quantities by these rows; {@link #derivation(int)} says how each row was made.
 */
public final class FactorTable {
    /** 44/12: the mass ratio of CO2 to C. */
    public static final double CO2_PER_C = 44.0 / 12.0;

    /** GB/T 2589: 1 kgce = 29,307.6 kJ, so 1 tce = 29.3076 GJ. */
    public static final double GJ_PER_TCE = 29.3076;

    private final ReferenceLibrary library;
    private final AccountingOptions options;
    private final Map<RowKey, Integer> index = new HashMap<>();
    private double[][] co2 = new double[Slot.values().length][16];
    private double[] tce = new double[16];
    /** tce of rows used as feedstock (原料用能), 0 for every other row. */
    private double[] feedstockTce = new double[16];
    /** 1 for rows of electricity a power plant supplies (its product, MWh per canonical unit), 0 otherwise. */
    private double[] supplied = new double[16];

    private final List<RowDerivation> derivations = new ArrayList<>();
    private final List<RowKey> keys = new ArrayList<>();

    public FactorTable(ReferenceLibrary library, AccountingOptions options) {
        this.library = library;
        this.options = options;
        // guideline variants must exist, otherwise every fuel row would fail with a confusing message
        if (library.layers().stream()
                .noneMatch(s -> s.keys().stream()
                        .anyMatch(
                                k -> k.kind() == FactorKind.NCV && k.qualifier().equals(options.guideline())))) {
            throw new IllegalArgumentException(
                    "the reference library has no fuel defaults for guideline variant '" + options.guideline() + "'");
        }
    }

    public AccountingOptions options() {
        return options;
    }

    public ReferenceLibrary library() {
        return library;
    }

    public int size() {
        return derivations.size();
    }

    /** tCO2 per canonical unit landing in each slot, indexed [slot][row]. Arrays may be longer than {@link #size()}. */
    double[][] co2() {
        return co2;
    }

    double[] tce() {
        return tce;
    }

    double[] feedstockTce() {
        return feedstockTce;
    }

    double[] supplied() {
        return supplied;
    }

    public double co2(Slot slot, int row) {
        return co2[slot.ordinal()][row];
    }

    public double tce(int row) {
        return tce[row];
    }

    public RowDerivation derivation(int row) {
        return derivations.get(row);
    }

    /** How one row's coefficients were made: the factors used, the formula, the slot. */
    public record RowDerivation(
            String subject, Use use, Slot slot, String co2Formula, String tceFormula, List<ResolvedFactor> factors) {}

    /** The result of asking for a row: its index, or why there is none (a message for the user). */
    public record Lookup(int row, String problemCode, String problem) {
        public boolean ok() {
            return problem == null;
        }
    }

    private record RowKey(
            String subject, Use use, String area, YearMonth period, long ncvBits, long ccBits, int rules) {}

    /** Bits of {@link RowKey#rules}: what the enterprise's industry changes about a row. */
    private static final int ELECTRICITY_IS_PRODUCT = 1, HEAT_IS_PRODUCT = 2, ENERGY_INDUSTRY = 4, POWER_FACILITY = 8;

    /**
     * The row for a carrier or process material used in a month by an enterprise in {@code region}; resolved on first
     * request, then cached.
     *
     * @param measuredNcv measured NCV [GJ per canonical unit] or NaN
     * @param measuredCarbonContent measured carbon content [tC/GJ] or NaN
     */
    public Lookup row(
            String subject,
            Use use,
            RegionCode region,
            YearMonth period,
            double measuredNcv,
            double measuredCarbonContent) {
        return row(subject, use, region, null, period, measuredNcv, measuredCarbonContent);
    }

    /**
     * As {@link #row(String, Use, RegionCode, YearMonth, double, double)}, for an enterprise of {@code industry}: its
     * guideline decides whether exported electricity and heat are deducted ({@link ExportRule}).
     */
    public Lookup row(
            String subject,
            Use use,
            RegionCode region,
            IndustryCode industry,
            YearMonth period,
            double measuredNcv,
            double measuredCarbonContent) {
        String area = options.electricityBasis() == AccountingOptions.ElectricityBasis.REGIONAL
                ? GridRegions.areaOf(region).orElse("CN")
                : region.province().value();
        int rules = use != Use.EXPORTED
                ? 0
                : (ExportRule.electricityIsProduct(industry) ? ELECTRICITY_IS_PRODUCT : 0)
                        | (ExportRule.heatIsProduct(industry) ? HEAT_IS_PRODUCT : 0);
        if (use == Use.COMBUSTION
                && options.nonCo2Combustion()
                && industry != null
                && industry.value().startsWith("44")) {
            // CH4 and N2O defaults of energy industries (IPCC Table 2.2) rather than of manufacturing (Table 2.3)
            rules |= ENERGY_INDUSTRY;
        }
        if (use == Use.COMBUSTION && ExportRule.electricityIsProduct(industry)) {
            // a power plant (441) accounts by the MEE 发电设施 method: coal burns with that method's oxidation rate
            rules |= POWER_FACILITY;
        }
        RowKey key = new RowKey(
                subject,
                use,
                use == Use.PURCHASED || use == Use.EXPORTED ? area : "",
                period,
                Double.doubleToLongBits(measuredNcv),
                Double.doubleToLongBits(measuredCarbonContent),
                rules);
        Integer r = index.get(key);
        if (r != null) {
            return new Lookup(r, null, null);
        }
        Lookup l = resolve(key, period.atDay(1));
        if (l.ok()) {
            index.put(key, l.row());
        }
        return l;
    }

    private Lookup resolve(RowKey k, LocalDate day) {
        if (k.use() == Use.PROCESS) {
            return processRow(k, day);
        }
        Optional<EnergyCarrier> oc = library.carrier(k.subject());
        if (oc.isEmpty()) {
            return fail("carrier.unknown", "unknown energy carrier '" + k.subject() + "'");
        }
        EnergyCarrier c = oc.get();
        if (c.isFuel()) {
            if (k.use() == Use.PURCHASED || k.use() == Use.EXPORTED) {
                return fail(
                        "use.fuel",
                        c.nameCn()
                                + " is a fuel: record it as combustion or feedstock; purchased/exported are for electricity and heat");
            }
            return fuelRow(k, c, day);
        }
        if (k.use() != Use.PURCHASED && k.use() != Use.EXPORTED) {
            return fail(
                    "use.secondary",
                    c.nameCn() + " can only be purchased or exported, not "
                            + k.use().code());
        }
        if (k.use() == Use.EXPORTED && (k.rules() & (c.isHeat() ? HEAT_IS_PRODUCT : ELECTRICITY_IS_PRODUCT)) != 0) {
            // a power plant's (or heat producer's) supply is its product: neither deducted from its emissions nor
            // from its energy use
            return add(
                    k,
                    c.nameCn(),
                    c.isHeat() ? Slot.HEAT : Slot.ELECTRICITY,
                    0,
                    0,
                    "supplied " + c.nameCn() + ": the plant's product, not deducted (发电设施 method)",
                    "supplied " + c.nameCn() + ": not deducted from energy use",
                    List.of());
        }
        double sign = k.use() == Use.EXPORTED ? -1 : 1;
        String signText = sign < 0 ? "−" : "";
        if (c.isHeat()) {
            Optional<ResolvedFactor> ef = library.resolve(FactorKey.of(FactorKind.HEAT, "heat", "default"), day);
            Optional<ResolvedFactor> ce =
                    library.resolve(FactorKey.of(FactorKind.COAL_EQUIVALENT, c.code(), "calorific"), day);
            if (ef.isEmpty() || ce.isEmpty()) {
                return fail("factor.missing", "no heat factor in the reference library for " + day);
            }
            return add(
                    k,
                    c.nameCn(),
                    Slot.HEAT,
                    sign * ef.get().value(),
                    sign * ce.get().value(),
                    signText + "AD[GJ] × EF_heat",
                    signText + "AD[GJ] × " + ce.get().value() + " tce/GJ",
                    List.of(ef.get(), ce.get()));
        }
        ResolvedFactor ef = c.code().equals("green_electricity")
                        && options.electricityBasis() == AccountingOptions.ElectricityBasis.MARKET
                        && k.use() == Use.PURCHASED
                ? library.resolve(FactorKey.of(FactorKind.ELECTRICITY, "CN", "green_certified"), day)
                        .orElse(null)
                : electricityFactor(k.area(), day);
        if (ef == null) {
            return fail("factor.missing", "no electricity factor for " + options.electricityBasis() + " on " + day);
        }
        Optional<ResolvedFactor> ce = library.resolve(
                // green electricity is electricity: the same standard-coal coefficient
                FactorKey.of(
                        FactorKind.COAL_EQUIVALENT,
                        "electricity",
                        options.convention().code()),
                day);
        if (ce.isEmpty()) {
            return fail(
                    "factor.missing",
                    "no standard-coal coefficient for electricity ("
                            + options.convention().code() + ")");
        }
        return add(
                k,
                c.nameCn(),
                Slot.ELECTRICITY,
                sign * ef.value(),
                sign * ce.get().value(),
                signText + "AD[MWh] × EF_grid[tCO2/MWh]",
                signText + "AD[MWh] × " + ce.get().value() + " tce/MWh ("
                        + options.convention().code() + ")",
                List.of(ef, ce.get()));
    }

    private ResolvedFactor electricityFactor(String area, LocalDate day) {
        switch (options.electricityBasis()) {
            case ETS:
                return library.resolve(FactorKey.of(FactorKind.ELECTRICITY, "CN", "ets_reporting"), day)
                        .orElse(null);
            case MARKET:
                // the residual mix: the national factor without market-traded non-fossil power (MEE/NBS 表4)
                return library.resolve(FactorKey.of(FactorKind.ELECTRICITY, "CN", "excluding_market_nonfossil"), day)
                        .orElse(null);
            case PROVINCIAL:
            case REGIONAL:
                // the area is the province, or the regional grid ("grid:north" …) with REGIONAL
                Optional<ResolvedFactor> p =
                        library.resolve(FactorKey.of(FactorKind.ELECTRICITY, area, "average"), day);
                if (p.isPresent()) {
                    return p.get();
                }
                String what = options.electricityBasis() == AccountingOptions.ElectricityBasis.REGIONAL
                        ? "regional-grid"
                        : "provincial";
                return library.resolve(FactorKey.of(FactorKind.ELECTRICITY, "CN", "average"), day)
                        .map(f -> new ResolvedFactor(
                                f.factor(),
                                f.setId(),
                                f.setVersion(),
                                "no " + what + " factor published for " + area + "; national average used"
                                        + (f.isFallback() ? "; " + f.fallback() : "")))
                        .orElse(null);
            default:
                return library.resolve(FactorKey.of(FactorKind.ELECTRICITY, "CN", "average"), day)
                        .orElse(null);
        }
    }

    private Lookup fuelRow(RowKey k, EnergyCarrier c, LocalDate day) {
        double mNcv = Double.longBitsToDouble(k.ncvBits());
        double mCc = Double.longBitsToDouble(k.ccBits());
        String g = options.guideline();
        Optional<ResolvedFactor> ncv = library.resolve(FactorKey.of(FactorKind.NCV, c.code(), g), day);
        Optional<ResolvedFactor> cc = library.resolve(FactorKey.of(FactorKind.CARBON_CONTENT, c.code(), g), day);
        Optional<ResolvedFactor> of = (k.rules() & POWER_FACILITY) != 0 && "solid".equals(c.category())
                // MEE 发电设施 method: the oxidation rate of coal in power generation, not the industry guideline's
                ? library.resolve(FactorKey.of(FactorKind.PROCESS, "power.coal.oxidation", ""), day)
                : library.resolve(FactorKey.of(FactorKind.OXIDATION, c.code(), g), day);
        Optional<ResolvedFactor> ce =
                library.resolve(FactorKey.of(FactorKind.COAL_EQUIVALENT, c.code(), "calorific"), day);
        List<ResolvedFactor> used = new ArrayList<>();
        boolean measuredNcv = !Double.isNaN(mNcv);
        boolean measuredCc = !Double.isNaN(mCc);
        if (!measuredNcv && ncv.isEmpty() && k.use() == Use.COMBUSTION
                || of.isEmpty() && k.use() == Use.COMBUSTION
                || !measuredCc && cc.isEmpty() && k.use() == Use.COMBUSTION) {
            return fail(
                    c.code().equals("raw_coal") ? "factor.raw_coal" : "factor.default_missing",
                    "guideline " + g + " has no default NCV, carbon content and oxidation rate for "
                            + c.nameCn()
                            + (c.code().equals("raw_coal")
                                    ? " (classify it as 烟煤, 无烟煤 or 褐煤, or choose another guideline variant)"
                                    : "; give measured values or choose another guideline variant"));
        }
        Optional<String> implausible = implausible(c, mNcv, mCc, ncv, cc);
        if (implausible.isPresent()) {
            return fail("measured.implausible", implausible.get());
        }
        double ncvValue = measuredNcv ? mNcv : ncv.map(ResolvedFactor::value).orElse(Double.NaN);
        String tceFormula;
        double tceCoef;
        if (measuredNcv) {
            tceCoef = mNcv / GJ_PER_TCE;
            tceFormula = "AD × NCV_measured " + mNcv + " GJ ÷ 29.3076 GJ/tce (GB/T 2589: measured calorific value)";
        } else if (ce.isPresent()) {
            tceCoef = ce.get().value();
            used.add(ce.get());
            tceFormula = "AD × " + tceCoef + " tce/" + c.activityUnit().symbol() + " (GB/T 2589 coefficient)";
        } else if (!Double.isNaN(ncvValue)) {
            tceCoef = ncvValue / GJ_PER_TCE;
            used.add(ncv.get());
            tceFormula = "AD × NCV " + ncvValue + " GJ ÷ 29.3076 GJ/tce (no GB/T 2589 coefficient for " + c.nameCn()
                    + "; derived from NCV)";
        } else {
            return fail("factor.missing", "no standard-coal coefficient or NCV for " + c.nameCn());
        }
        if (k.use() == Use.FEEDSTOCK) {
            return add(
                    k,
                    c.nameCn(),
                    Slot.COMBUSTION,
                    0,
                    tceCoef,
                    "feedstock: no combustion CO2 (carbon leaves in products or is accounted as process)",
                    tceFormula,
                    used);
        }
        List<ResolvedFactor> co2Used = new ArrayList<>();
        ncv.filter(f -> !measuredNcv).ifPresent(co2Used::add);
        cc.filter(f -> !measuredCc).ifPresent(co2Used::add);
        co2Used.add(of.get());
        co2Used.addAll(used);
        used = co2Used;
        double ccPerGj = measuredCc ? mCc : cc.get().value() / 1000.0;
        double ef = ncvValue * ccPerGj * of.get().value() * CO2_PER_C;
        String formula = "AD × NCV" + (measuredNcv ? "_measured " + mNcv : " " + ncvValue) + " GJ/"
                + c.activityUnit().symbol() + " × CC"
                + (measuredCc ? "_measured " + mCc + " tC/GJ" : " " + cc.get().value() + " tC/TJ ÷ 1000") + " × OF "
                + of.get().value() + " × 44/12";
        if (options.nonCo2Combustion() && k.use() == Use.COMBUSTION) {
            String sector = (k.rules() & ENERGY_INDUSTRY) != 0 ? "energy" : "other";
            Optional<ResolvedFactor> ch4 =
                    library.resolve(FactorKey.of(FactorKind.PROCESS, "nonco2.ch4." + sector + "." + c.code(), ""), day);
            Optional<ResolvedFactor> n2o =
                    library.resolve(FactorKey.of(FactorKind.PROCESS, "nonco2.n2o." + sector + "." + c.code(), ""), day);
            if (ch4.isPresent() && n2o.isPresent()) {
                ResolvedFactor gCh4 = library.resolve(FactorKey.of(FactorKind.GWP, "CH4", options.gwpReport()), day)
                        .orElseThrow();
                ResolvedFactor gN2o = library.resolve(FactorKey.of(FactorKind.GWP, "N2O", options.gwpReport()), day)
                        .orElseThrow();
                // AD × NCV [GJ] ÷ 1000 = TJ; × kg/TJ ÷ 1000 = t of the gas; × GWP = tCO2e
                double perUnit = ncvValue
                        / 1000
                        * (ch4.get().value() * gCh4.value() + n2o.get().value() * gN2o.value())
                        / 1000;
                ef += perUnit;
                formula += " + AD × NCV ÷ 1000 × (CH4 " + ch4.get().value() + " kg/TJ × GWP " + gCh4.value() + " + N2O "
                        + n2o.get().value() + " kg/TJ × GWP " + gN2o.value() + ") ÷ 1000";
                used = new ArrayList<>(used);
                used.addAll(List.of(ch4.get(), n2o.get(), gCh4, gN2o));
            }
        }
        return add(k, c.nameCn(), Slot.COMBUSTION, ef, tceCoef, formula, tceFormula, used);
    }

    /** Measured NCV within this factor of the carrier's default (Peakline's plausibility bound, not a statute). */
    static final double NCV_SPAN = 4;
    /** Measured carbon content within this factor of the carrier's default (Peakline's plausibility bound). */
    static final double CC_SPAN = 2;

    /**
     * Why a measured NCV or carbon content cannot be right, if it cannot: beyond {@link #NCV_SPAN}× or
     * {@link #CC_SPAN}× the guideline default of the carrier either way, or, for a carrier without a default, beyond
     * 1,000 GJ per unit or 0.1 tC/GJ. A laboratory value off by a factor of four is a unit or typing error, and a value
     * such as 1e300 would turn every total above it into infinity.
     */
    static Optional<String> implausible(
            EnergyCarrier c, double mNcv, double mCc, Optional<ResolvedFactor> ncv, Optional<ResolvedFactor> cc) {
        if (!Double.isNaN(mNcv)) {
            double d = ncv.map(ResolvedFactor::value).orElse(Double.NaN);
            boolean bad =
                    Double.isNaN(d) ? !(mNcv > 0 && mNcv <= 1000) : !(mNcv >= d / NCV_SPAN && mNcv <= d * NCV_SPAN);
            if (bad) {
                return Optional.of(
                        "measured NCV " + mNcv + " GJ/" + c.activityUnit().symbol() + " is not plausible for "
                                + c.nameCn()
                                + (Double.isNaN(d)
                                        ? " (at most 1,000)"
                                        : " (the default is " + d + "; a measured value lies within " + d / NCV_SPAN
                                                + "–" + d * NCV_SPAN + ")"));
            }
        }
        if (!Double.isNaN(mCc)) {
            double d = cc.map(f -> f.value() / 1000.0).orElse(Double.NaN);
            boolean bad = Double.isNaN(d) ? !(mCc > 0 && mCc <= 0.1) : !(mCc >= d / CC_SPAN && mCc <= d * CC_SPAN);
            if (bad) {
                return Optional.of("measured carbon content " + mCc * 1000 + " tC/TJ is not plausible for " + c.nameCn()
                        + (Double.isNaN(d)
                                ? " (at most 100)"
                                : " (the default is " + d * 1000 + " tC/TJ; a measured value lies within "
                                        + d * 1000 / CC_SPAN + "–" + d * 1000 * CC_SPAN + ")"));
            }
        }
        return Optional.empty();
    }

    private Lookup processRow(RowKey k, LocalDate day) {
        Optional<String> material = library.processMaterial(k.subject());
        if (material.isEmpty()) {
            return fail(
                    "process.material",
                    "'" + k.subject() + "' is not a process material of the reference library "
                            + "(carbonates such as 碳酸钙/CaCO3, 白云石, 碳酸钠; 石灰石（熔剂）, 白云石（熔剂）, 电极)");
        }
        Optional<ResolvedFactor> ef = library.resolve(FactorKey.of(FactorKind.PROCESS, material.get(), ""), day);
        if (ef.isEmpty()) {
            return fail("factor.missing", "no process factor for " + material.get());
        }
        return add(
                k,
                k.subject(),
                Slot.PROCESS,
                ef.get().value(),
                0,
                "AD[t] × EF " + ef.get().value() + " tCO2/t",
                "process material: no energy",
                List.of(ef.get()));
    }

    private static Lookup fail(String code, String message) {
        return new Lookup(-1, code, message);
    }

    private Lookup add(
            RowKey k,
            String subjectName,
            Slot slot,
            double co2PerUnit,
            double tcePerUnit,
            String co2Formula,
            String tceFormula,
            List<ResolvedFactor> used) {
        int r = derivations.size();
        if (r == tce.length) {
            tce = Arrays.copyOf(tce, r * 2);
            feedstockTce = Arrays.copyOf(feedstockTce, r * 2);
            supplied = Arrays.copyOf(supplied, r * 2);
            for (int s = 0; s < co2.length; s++) {
                co2[s] = Arrays.copyOf(co2[s], r * 2);
            }
        }
        co2[slot.ordinal()][r] = co2PerUnit;
        tce[r] = tcePerUnit;
        feedstockTce[r] = k.use() == Use.FEEDSTOCK ? tcePerUnit : 0;
        // electricity's canonical unit is MWh: a supplied row counts its MWh
        supplied[r] = k.use() == Use.EXPORTED && slot == Slot.ELECTRICITY && (k.rules() & ELECTRICITY_IS_PRODUCT) != 0
                ? 1
                : 0;
        derivations.add(new RowDerivation(subjectName, k.use(), slot, co2Formula, tceFormula, List.copyOf(used)));
        keys.add(k);
        return new Lookup(r, null, null);
    }

    private static final java.util.Comparator<RowKey> CANONICAL = java.util.Comparator.comparing(RowKey::subject)
            .thenComparing(RowKey::use)
            .thenComparing(RowKey::area)
            .thenComparing(RowKey::period)
            .thenComparingLong(RowKey::ncvBits)
            .thenComparingLong(RowKey::ccBits)
            .thenComparingInt(RowKey::rules);

    /**
     * Renumbers the rows in an order that depends only on what they are (carrier, use, electricity area, month, measured
     * values), not on the order the input asked for them, so that summation order, and with it every bit of the
     * result, is independent of input order.
     *
     * @return old row index → new row index
     */
    public int[] canonicalise() {
        int n = keys.size();
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> CANONICAL.compare(keys.get(a), keys.get(b)));
        int[] newIndex = new int[n];
        double[][] co2n = new double[co2.length][Math.max(16, n)];
        double[] tcen = new double[Math.max(16, n)];
        double[] feedn = new double[Math.max(16, n)];
        double[] suppn = new double[Math.max(16, n)];
        List<RowDerivation> dn = new ArrayList<>(n);
        List<RowKey> kn = new ArrayList<>(n);
        for (int r = 0; r < n; r++) {
            int old = order[r];
            newIndex[old] = r;
            for (int s = 0; s < co2.length; s++) {
                co2n[s][r] = co2[s][old];
            }
            tcen[r] = tce[old];
            feedn[r] = feedstockTce[old];
            suppn[r] = supplied[old];
            dn.add(derivations.get(old));
            kn.add(keys.get(old));
        }
        co2 = co2n;
        tce = tcen;
        feedstockTce = feedn;
        supplied = suppn;
        derivations.clear();
        derivations.addAll(dn);
        keys.clear();
        keys.addAll(kn);
        index.replaceAll((k, v) -> newIndex[v]);
        return newIndex;
    }
}
