package dev.peakline.accounting;

import dev.peakline.domain.ProcessRecord;
import dev.peakline.reference.FactorKey;
import dev.peakline.reference.FactorKind;
import dev.peakline.reference.ReferenceLibrary;
import dev.peakline.reference.ResolvedFactor;
import dev.peakline.units.Dimension;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Industrial process emissions that need parameters (工业生产过程排放), per the NDRC industry guidelines and
 * IPCC 2006 Vol. 3 where the guidelines defer to it. Each formula returns tCO2e with its derivation.
 */
public final class ProcessFormulas {
    /** 44/56: CO2 per CaO. */
    static final double CO2_PER_CAO = 44.0 / 56.0;
    /** 44/40: CO2 per MgO (44.01/40.30 rounded as the cement guideline tabulates it). */
    static final double CO2_PER_MGO = 44.0 / 40.0;

    /** The process codes a process file may use, with their parameters. */
    public static final Map<String, String> PROCESSES = Map.ofEntries(
            Map.entry(
                    "carbonate",
                    "material (碳酸钙, CaCO3, 白云石 …); purity (default 1); calcination (fraction decomposed, default 1)"),
            Map.entry(
                    "aluminium_anode",
                    "quantity = aluminium produced; nc (net anode t/t Al), s (sulphur), a (ash): defaults UNCONFIRMED"),
            Map.entry(
                    "aluminium_pfc",
                    "quantity = aluminium produced; aem (anode-effect minutes per cell-day) for the slope method, else default factors"),
            Map.entry(
                    "cement_clinker",
                    "quantity = clinker; cao, mgo (fractions, required); cao_nc, mgo_nc (non-carbonate, default 0); dust (t kiln-head + bypass dust, default 0)"),
            Map.entry(
                    "sf6_equipment",
                    "quantity = SF6 charge of the electrical equipment retired or opened for repair in the month;"
                            + " recovered (t SF6 recovered, default 0, at most the charge)"),
            Map.entry("cement_raw_meal", "quantity = raw meal; carbon (non-fuel carbon fraction, required)"),
            Map.entry(
                    "lime",
                    "quantity = lime; type high_calcium | dolomitic | hydraulic | provincial (default high_calcium) or ef (measured tCO2/t)"),
            Map.entry(
                    "steel_fixed_carbon",
                    "quantity = product sold; product pig_iron | crude_steel | dri | ferronickel | ferrochrome | ferromolybdenum | methanol (subtracted)"),
            Map.entry(
                    "nitric_acid",
                    "quantity = nitric acid (100 %); type nscr | integrated | low | medium | high (IPCC 2006 Table 3.3) or ef (measured kg N2O/t); destruction, utilisation (abatement, default 0 and 1)"),
            Map.entry(
                    "hcfc22_hfc23",
                    "quantity = HCFC-22 produced; generated (t HFC-23 measured) or ef (t HFC-23/t HCFC-22, default 0.04"
                            + " UNCONFIRMED); destroyed (t HFC-23 destroyed or recovered, default 0, at most generated)"),
            Map.entry(
                    "adipic_acid",
                    "quantity = adipic acid; ef (measured kg N2O/t, default 300, IPCC 2006 Table 3.4); destruction, utilisation (abatement, default 0 and 1)"));

    /** One computed process emission, or the problem that stopped it. */
    public record Outcome(
            double tco2e, String formula, List<ResolvedFactor> factors, String problemColumn, String problem) {
        public boolean ok() {
            return problem == null;
        }
    }

    private final ReferenceLibrary library;
    private final String gwpReport;

    public ProcessFormulas(ReferenceLibrary library, String gwpReport) {
        this.library = library;
        this.gwpReport = gwpReport;
    }

    public Outcome compute(ProcessRecord r) {
        if (r.quantity().dimension() != Dimension.MASS) {
            return fail(
                    "unit",
                    "process quantities are masses (t, kg, 万t), not "
                            + r.quantity().unit());
        }
        double q = r.quantity().canonicalValue();
        LocalDate day = r.period().atDay(1);
        Params p = new Params(r.parameters());
        switch (r.process()) {
            case "carbonate": {
                Optional<String> key = library.processMaterial(p.text("material", ""));
                if (key.isEmpty()
                        || !key.get().startsWith("carbonate.") && !key.get().startsWith("steel.flux.")) {
                    return fail(
                            "parameters",
                            "material '" + p.text("material", "") + "' is not a carbonate of the reference library");
                }
                double purity = p.fraction("purity", 1);
                double calc = p.fraction("calcination", 1);
                ResolvedFactor ef = factor(key.get(), day);
                return p.problem != null
                        ? fail("parameters", p.problem)
                        : ok(
                                q * purity * ef.value() * calc,
                                "Q " + q + " t × purity " + purity + " × EF " + ef.value() + " tCO2/t × calcination "
                                        + calc,
                                List.of(ef));
            }
            case "aluminium_anode": {
                ResolvedFactor ncD = factor("aluminium.anode.net_consumption", day);
                ResolvedFactor sD = factor("aluminium.anode.sulphur", day);
                ResolvedFactor aD = factor("aluminium.anode.ash", day);
                double nc = p.positive("nc", ncD.value());
                double s = p.fraction("s", sD.value());
                double a = p.fraction("a", aD.value());
                List<ResolvedFactor> used = new ArrayList<>();
                if (!p.has("nc")) used.add(ncD);
                if (!p.has("s")) used.add(sD);
                if (!p.has("a")) used.add(aD);
                // NDRC aluminium guideline: E = P × NC × (1 − S − A) × 44/12
                return p.problem != null
                        ? fail("parameters", p.problem)
                        : ok(
                                q * nc * (1 - s - a) * FactorTable.CO2_PER_C,
                                "P " + q + " t × NC " + nc + " × (1 − S " + s + " − A " + a + ") × 44/12",
                                used);
            }
            case "aluminium_pfc": {
                ResolvedFactor gCf4 = gwp("CF4", day);
                ResolvedFactor gC2f6 = gwp("C2F6", day);
                List<ResolvedFactor> used = new ArrayList<>();
                double efCf4;
                double efC2f6;
                String how;
                if (p.has("aem")) {
                    double aem = p.nonNegative("aem", 0);
                    ResolvedFactor slope = factor("aluminium.pfc.cf4_slope", day);
                    ResolvedFactor ratio = factor("aluminium.pfc.c2f6_to_cf4", day);
                    efCf4 = slope.value() * aem;
                    efC2f6 = ratio.value() * efCf4;
                    used.add(slope);
                    used.add(ratio);
                    how = "EF_CF4 = " + slope.value() + " × AEM " + aem + "; EF_C2F6 = " + ratio.value()
                            + " × EF_CF4; ";
                } else {
                    ResolvedFactor a = factor("aluminium.pfc.cf4_default", day);
                    ResolvedFactor b = factor("aluminium.pfc.c2f6_default", day);
                    efCf4 = a.value();
                    efC2f6 = b.value();
                    used.add(a);
                    used.add(b);
                    how = "default factors; ";
                }
                used.add(gCf4);
                used.add(gC2f6);
                double e = q * (efCf4 * gCf4.value() + efC2f6 * gC2f6.value()) / 1000.0;
                return p.problem != null
                        ? fail("parameters", p.problem)
                        : ok(
                                e,
                                how + "P " + q + " t × (EF_CF4 " + efCf4 + " kg/t × GWP " + gCf4.value() + " + EF_C2F6 "
                                        + efC2f6 + " kg/t × GWP " + gC2f6.value() + ") ÷ 1000 [" + gwpReport + "]",
                                used);
            }
            case "cement_clinker": {
                double cao = p.requiredFraction("cao");
                double mgo = p.requiredFraction("mgo");
                double caoNc = p.fraction("cao_nc", 0);
                double mgoNc = p.fraction("mgo_nc", 0);
                double dust = p.nonNegative("dust", 0);
                if (p.problem == null && (caoNc > cao || mgoNc > mgo)) {
                    return fail("parameters", "non-carbonate CaO/MgO cannot exceed the total CaO/MgO");
                }
                double ef = (cao - caoNc) * CO2_PER_CAO + (mgo - mgoNc) * CO2_PER_MGO;
                // cement guideline: clinker plus kiln-head and bypass dust, at the clinker's carbonate factor
                return p.problem != null
                        ? fail("parameters", p.problem)
                        : ok(
                                (q + dust) * ef,
                                "(Q " + q + " t + dust " + dust + " t) × [(CaO " + cao + " − " + caoNc
                                        + ") × 44/56 + (MgO " + mgo + " − " + mgoNc + ") × 44/40]",
                                List.of());
            }
            case "cement_raw_meal": {
                double c = p.requiredFraction("carbon");
                return p.problem != null
                        ? fail("parameters", p.problem)
                        : ok(
                                q * c * FactorTable.CO2_PER_C,
                                "raw meal " + q + " t × non-fuel C " + c + " × 44/12",
                                List.of());
            }
            case "lime": {
                if (p.has("ef")) {
                    double ef = p.positive("ef", 0);
                    return p.problem != null
                            ? fail("parameters", p.problem)
                            : ok(q * ef, "Q " + q + " t × EF_measured " + ef + " tCO2/t", List.of());
                }
                String type = p.text("type", "high_calcium");
                if (!Set.of("high_calcium", "dolomitic", "hydraulic", "provincial")
                        .contains(type)) {
                    return fail(
                            "parameters",
                            "lime type must be high_calcium, dolomitic, hydraulic or provincial, not '" + type + "'");
                }
                ResolvedFactor ef = factor("lime." + type, day);
                return ok(
                        q * ef.value(),
                        "Q " + q + " t × EF " + ef.value() + " tCO2/t (" + type
                                + (p.has("type") ? "" : ", the default type") + ")",
                        List.of(ef));
            }
            case "steel_fixed_carbon": {
                String product = p.text("product", "");
                Optional<ResolvedFactor> ef =
                        library.resolve(FactorKey.of(FactorKind.PROCESS, "steel.fixed." + product, ""), day);
                if (ef.isEmpty()) {
                    return fail(
                            "parameters",
                            "product '" + product + "' has no fixed-carbon factor; use pig_iron, crude_steel, dri, "
                                    + "ferronickel, ferrochrome, ferromolybdenum or methanol");
                }
                return ok(
                        -q * ef.get().value(),
                        "−Q " + q + " t × " + ef.get().value() + " tCO2/t (carbon fixed in product, subtracted)",
                        List.of(ef.get()));
            }
            case "sf6_equipment": {
                // NDRC grid-company guideline (2013): SF6 from retired and repaired equipment = charge − recovered
                double recovered = p.nonNegative("recovered", 0);
                if (p.problem != null) {
                    return fail("parameters", p.problem);
                }
                if (recovered > q) {
                    return fail(
                            "parameters",
                            "recovered SF6 " + recovered + " t is more than the equipment's charge " + q + " t");
                }
                ResolvedFactor g = gwp("SF6", day);
                return ok(
                        (q - recovered) * g.value(),
                        "(charge " + q + " t − recovered " + recovered + " t) SF6 × GWP_SF6 " + g.value(),
                        List.of(g));
            }
            case "hcfc22_hfc23": {
                // HFC-23 by-product of HCFC-22 production (fluorochemical enterprises; IPCC 2006 Vol.3 §3.10.1):
                // HFC-23 = generated − destroyed; generated measured, or Q × EF; tCO2e = HFC-23 [t] × GWP_HFC-23
                ResolvedFactor ef = null;
                double generated;
                String how;
                if (p.has("generated")) {
                    generated = p.nonNegative("generated", 0);
                    how = "generated " + generated + " t (measured)";
                } else {
                    double e;
                    if (p.has("ef")) {
                        e = p.fraction("ef", 0);
                    } else {
                        ef = factor("hcfc22.hfc23", day);
                        e = ef.value();
                    }
                    generated = q * e;
                    how = "Q " + q + " t × EF " + e + " t HFC-23/t";
                }
                double destroyed = p.nonNegative("destroyed", 0);
                if (p.problem != null) {
                    return fail("parameters", p.problem);
                }
                if (destroyed > generated) {
                    return fail(
                            "parameters",
                            "destroyed HFC-23 " + destroyed + " t is more than the HFC-23 generated " + generated
                                    + " t");
                }
                ResolvedFactor g = gwp("CHF3", day);
                List<ResolvedFactor> used = ef == null ? List.of(g) : List.of(ef, g);
                return ok(
                        (generated - destroyed) * g.value(),
                        "(" + how + " − destroyed " + destroyed + " t) HFC-23 × GWP_HFC-23 " + g.value(),
                        used);
            }
            case "nitric_acid":
            case "adipic_acid": {
                // IPCC 2006 Vol.3 Eq. 3.6: N2O = Q × EF × (1 − DF × ASUF); tCO2e = N2O [t] × GWP_N2O
                boolean nitric = r.process().equals("nitric_acid");
                String type = p.text("type", nitric ? "" : "default");
                ResolvedFactor ef = null;
                double efValue;
                if (p.has("ef")) {
                    efValue = p.positive("ef", 0);
                } else if (nitric
                        && !Set.of("nscr", "integrated", "low", "medium", "high")
                                .contains(type)) {
                    return fail(
                            "parameters",
                            "nitric acid needs type nscr, integrated, low, medium or high (IPCC 2006 Table 3.3), or"
                                    + " ef (measured kg N2O/t)");
                } else {
                    ef = factor(nitric ? "nitric.n2o." + type : "adipic.n2o", day);
                    efValue = ef.value();
                }
                double df = p.fraction("destruction", 0);
                double asuf = p.fraction("utilisation", 1);
                if (p.problem != null) {
                    return fail("parameters", p.problem);
                }
                ResolvedFactor g = gwp("N2O", day);
                double n2o = q * efValue / 1000 * (1 - df * asuf);
                List<ResolvedFactor> used = ef == null ? List.of(g) : List.of(ef, g);
                return ok(
                        n2o * g.value(),
                        "Q " + q + " t × EF " + efValue + " kg N2O/t ÷ 1000 × (1 − DF " + df + " × ASUF " + asuf
                                + ") × GWP_N2O " + g.value(),
                        used);
            }
            default:
                return fail(
                        "process",
                        "unknown process '" + r.process() + "'; use one of "
                                + new java.util.TreeSet<>(PROCESSES.keySet()));
        }
    }

    private ResolvedFactor factor(String key, LocalDate day) {
        return library.resolve(FactorKey.of(FactorKind.PROCESS, key, ""), day)
                .orElseThrow(() -> new IllegalStateException("reference library lacks process factor " + key));
    }

    private ResolvedFactor gwp(String gas, LocalDate day) {
        return library.resolve(FactorKey.of(FactorKind.GWP, gas, gwpReport), day)
                .orElseThrow(() -> new IllegalStateException("reference library lacks GWP " + gas + " " + gwpReport));
    }

    private static Outcome ok(double v, String formula, List<ResolvedFactor> used) {
        return new Outcome(v, formula, List.copyOf(used), null, null);
    }

    private static Outcome fail(String column, String message) {
        return new Outcome(Double.NaN, null, List.of(), column, message);
    }

    /** Parameter parsing that remembers the first problem instead of throwing. */
    private static final class Params {
        private final Map<String, String> values;
        String problem;

        Params(Map<String, String> values) {
            this.values = values;
        }

        boolean has(String k) {
            return values.containsKey(k);
        }

        String text(String k, String dflt) {
            return values.getOrDefault(k, dflt).strip();
        }

        double number(String k, double dflt) {
            String s = values.get(k);
            if (s == null) {
                return dflt;
            }
            try {
                return dev.peakline.units.Decimals.parse(s);
            } catch (NumberFormatException e) {
                note("parameter " + k + " = '" + s + "' is not a number (use a dot as decimal separator)");
                return dflt;
            }
        }

        double fraction(String k, double dflt) {
            double v = number(k, dflt);
            if (v < 0 || v > 1) {
                note("parameter " + k + " = " + v + " must be a fraction between 0 and 1 (write 65% as 0.65)");
            }
            return v;
        }

        double requiredFraction(String k) {
            if (!has(k)) {
                note("parameter " + k + " is required");
                return 0;
            }
            return fraction(k, 0);
        }

        double positive(String k, double dflt) {
            double v = number(k, dflt);
            if (!(v > 0)) {
                note("parameter " + k + " must be positive");
            }
            return v;
        }

        double nonNegative(String k, double dflt) {
            double v = number(k, dflt);
            if (v < 0) {
                note("parameter " + k + " must not be negative");
            }
            return v;
        }

        private void note(String s) {
            if (problem == null) {
                problem = s;
            }
        }
    }
}
