package dev.peakline.inventory;

import dev.peakline.inventory.Convention.Rule;
import dev.peakline.inventory.EnergyBalance.Entry;
import dev.peakline.inventory.InventoryCatalog.Fuel;
import dev.peakline.inventory.InventoryCatalog.RowDef;
import dev.peakline.inventory.InventoryCatalog.RowKind;
import dev.peakline.inventory.InventoryCatalog.Sector;
import dev.peakline.problems.Problem;
import dev.peakline.reference.FactorKey;
import dev.peakline.reference.FactorKind;
import dev.peakline.reference.ResolvedFactor;
import java.math.BigDecimal;
import java.math.MathContext;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Computes a top-down inventory from an energy balance by a method: CO2[fuel, sector] = AD[fuel, sector] × EF[fuel,
 * group(sector)], where AD is what the method's conventions take from the balance. Each convention is applied only when
 * the method lists it, in a fixed order: final consumption, transformation-only fuels, non-energy subtraction,
 * transformation inputs, the not-combusted check, factors, cement clinker.
 */
public final class InventoryEngine {
    private InventoryEngine() {}

    /** The inventory, or the problems that stop it (then {@code inventory} is null). */
    public record Result(Inventory inventory, List<Problem> problems) {
        public boolean ok() {
            return inventory != null;
        }
    }

    private static final class Activity {
        BigDecimal value = BigDecimal.ZERO;
        final List<String> steps = new ArrayList<>();
    }

    /**
     * @param clinker cement clinker output of the region-year in 10⁴ t, when known
     */
    public static Result compute(EnergyBalance balance, InventoryMethod method, Optional<BigDecimal> clinker) {
        InventoryCatalog catalog = InventoryCatalog.get();
        List<Problem> problems = new ArrayList<>();
        String source = balance.label();
        Set<RowDef> handled = new HashSet<>();
        Set<String> noScope1 = new HashSet<>(
                method.convention(Rule.NO_SCOPE1).map(c -> c.list("fuels")).orElse(List.of()));
        Map<Sector, Map<Fuel, Activity>> acts = new LinkedHashMap<>();

        // 1. final consumption of the sectors
        Optional<Convention> finalRule = method.convention(Rule.FINAL_CONSUMPTION);
        if (finalRule.isPresent()) {
            int[] range = finalRule.get().range("sectors");
            boolean zeroNegative = "zero".equals(finalRule.get().parameters().get("negative"));
            for (Entry e : balance.entries()) {
                Sector s = e.row().sector();
                if (e.row().kind() != RowKind.FINAL_CONSUMPTION_SECTOR || s.no() < range[0] || s.no() > range[1]) {
                    continue;
                }
                handled.add(e.row());
                if (noScope1.contains(e.fuel().code()) || e.value().signum() == 0) {
                    continue;
                }
                Activity a = activity(acts, s, e.fuel());
                if (e.value().signum() < 0 && zeroNegative) {
                    a.steps.add(
                            "final consumption " + plain(e.value()) + " counted as 0 (negative; " + e.where() + ")");
                } else {
                    a.value = a.value.add(e.value());
                    a.steps.add("final consumption " + plain(e.value()) + " (" + e.where() + asStated(e) + ")");
                }
            }
        }

        // 2. fuels that emit only as transformation inputs
        method.convention(Rule.TRANSFORMATION_ONLY).ifPresent(c -> {
            Set<String> fuels = new HashSet<>(c.list("fuels"));
            for (Map<Fuel, Activity> row : acts.values()) {
                for (Map.Entry<Fuel, Activity> e : row.entrySet()) {
                    if (fuels.contains(e.getKey().code()) && e.getValue().value.signum() != 0) {
                        e.getValue()
                                .steps
                                .add("− " + plain(e.getValue().value)
                                        + " not burned by final consumers (transformation_only)");
                        e.getValue().value = BigDecimal.ZERO;
                    }
                }
            }
        });

        // 3. non-energy use, pro rata over the chemical group
        method.convention(Rule.NON_ENERGY_PRO_RATA).ifPresent(c -> {
            int[] range = c.range("sectors");
            for (Entry e : balance.entries()) {
                if (e.row().kind() != RowKind.NON_ENERGY_USE) {
                    continue;
                }
                handled.add(e.row());
                if (e.value().signum() <= 0 || noScope1.contains(e.fuel().code())) {
                    continue;
                }
                BigDecimal group = BigDecimal.ZERO;
                for (int s = range[0]; s <= range[1]; s++) {
                    Activity a = existing(acts, catalog.sector(s), e.fuel());
                    if (a != null) {
                        group = group.add(a.value);
                    }
                }
                if (group.signum() <= 0) {
                    continue;
                }
                for (int s = range[0]; s <= range[1]; s++) {
                    Activity a = existing(acts, catalog.sector(s), e.fuel());
                    if (a == null || a.value.signum() <= 0) {
                        continue;
                    }
                    BigDecimal share = a.value.multiply(e.value()).divide(group, MathContext.DECIMAL128);
                    BigDecimal left = a.value.subtract(share);
                    a.steps.add("− non-energy use " + plain(e.value()) + " × " + plain(a.value) + "/" + plain(group)
                            + " = " + round(share) + " (" + e.where() + ")"
                            + (left.signum() < 0 ? ", floored at 0" : ""));
                    a.value = left.signum() < 0 ? BigDecimal.ZERO : left;
                }
            }
        });

        // 4. transformation inputs burned by the power sector
        method.convention(Rule.TRANSFORMATION_INPUTS).ifPresent(c -> {
            Sector sector = catalog.sector(c.range("sector")[0]);
            for (String label : c.list("rows")) {
                RowDef row = catalog.row(label)
                        .orElseThrow(() -> new IllegalStateException("method names unknown row " + label));
                for (Entry e : balance.entries()) {
                    if (!e.row().equals(row)) {
                        continue;
                    }
                    handled.add(row);
                    if (e.value().signum() <= 0 || noScope1.contains(e.fuel().code())) {
                        continue;
                    }
                    Activity a = activity(acts, sector, e.fuel());
                    a.value = a.value.add(e.value());
                    a.steps.add(
                            "+ " + row.label() + " input " + plain(e.value()) + " (" + e.where() + asStated(e) + ")");
                }
            }
        });

        // 5. every other row must be one the method says burns nothing
        method.convention(Rule.NOT_COMBUSTED).ifPresent(c -> {
            Set<RowDef> excluded = new HashSet<>();
            for (String label : c.list("rows")) {
                catalog.row(label).ifPresent(excluded::add);
            }
            for (RowDef row : balance.byRow().keySet()) {
                if (!handled.contains(row) && !excluded.contains(row)) {
                    problems.add(Problem.at(
                            "inventory.row_unhandled",
                            source,
                            0,
                            row.label(),
                            "method " + method.label() + " neither burns nor excludes the row '" + row.label()
                                    + "'; its amounts would be lost silently"));
                }
            }
        });

        // 6. factors
        Set<String> grouped = new HashSet<>(method.convention(Rule.SECTOR_GROUP_FACTORS)
                .map(c -> c.list("fuels"))
                .orElse(List.of()));
        List<Inventory.Cell> cells = new ArrayList<>();
        for (Map.Entry<Sector, Map<Fuel, Activity>> se : acts.entrySet()) {
            Sector s = se.getKey();
            for (Map.Entry<Fuel, Activity> fe : se.getValue().entrySet()) {
                Fuel fuel = fe.getKey();
                Activity a = fe.getValue();
                if (a.steps.isEmpty()) {
                    continue;
                }
                String group = grouped.contains(fuel.code()) ? s.coalGroup() : "all";
                Optional<InventoryMethod.Factor> f = method.factors().factor(fuel, group, balance.year());
                if (f.isEmpty()) {
                    if (a.value.signum() != 0) {
                        problems.add(Problem.at(
                                "inventory.no_factor",
                                source,
                                0,
                                fuel.code(),
                                "method " + method.label() + " has no factor for " + fuel.code() + " (" + fuel.nameZh()
                                        + ") in group " + group + " (sector " + s.no() + ")"));
                    }
                    continue;
                }
                BigDecimal co2 = a.value.multiply(f.get().mtPerUnit());
                String provenance = String.join("; ", a.steps) + " ⇒ activity " + plain(a.value) + " " + fuel.unit()
                        + " × " + f.get().mtPerUnit().toPlainString() + " Mt/" + fuel.unit() + " = " + round(co2)
                        + " Mt CO2 [" + f.get().description() + "]";
                cells.add(new Inventory.Cell(s, fuel, a.value, f.get(), co2, provenance));
            }
        }

        cells.sort(java.util.Comparator.comparingInt(
                        (Inventory.Cell c) -> c.sector().no())
                .thenComparing(Inventory.Cell::fuel, catalog.fuelOrder()));

        // 7. cement clinker
        List<Inventory.ProcessCell> process = new ArrayList<>();
        if (clinker.isPresent()) {
            Optional<Convention> rule = method.convention(Rule.CEMENT_CLINKER);
            if (rule.isEmpty()) {
                problems.add(Problem.at(
                        "inventory.no_cement_rule",
                        source,
                        0,
                        "clinker",
                        "method " + method.label() + " has no cement_clinker rule; clinker output cannot be used"));
            } else if (clinker.get().signum() < 0) {
                problems.add(Problem.at(
                        "inventory.clinker_negative",
                        source,
                        0,
                        "clinker",
                        "clinker output must not be negative: " + plain(clinker.get())));
            } else {
                String key = rule.get().parameter("factor");
                Optional<ResolvedFactor> ef = method.library()
                        .resolve(FactorKey.of(FactorKind.PROCESS, key, ""), LocalDate.of(balance.year(), 7, 1));
                if (ef.isEmpty()) {
                    problems.add(Problem.at(
                            "inventory.no_factor", source, 0, key, "the reference library has no factor " + key));
                } else {
                    BigDecimal perT = BigDecimal.valueOf(ef.get().value());
                    BigDecimal co2 = clinker.get().multiply(perT).movePointLeft(2);
                    process.add(new Inventory.ProcessCell(
                            "cement clinker",
                            catalog.sector(27),
                            clinker.get(),
                            "10^4 t",
                            ef.get(),
                            co2,
                            "clinker " + plain(clinker.get()) + " ×10⁴ t × " + perT.toPlainString()
                                    + " tCO2/t × 10⁴ / 10⁶ = " + round(co2) + " Mt CO2 ["
                                    + ef.get().describe()
                                    + "]"));
                }
            }
        }
        return problems.isEmpty()
                ? new Result(new Inventory(balance, method, cells, process), List.of())
                : new Result(null, problems);
    }

    private static Activity activity(Map<Sector, Map<Fuel, Activity>> acts, Sector s, Fuel f) {
        return acts.computeIfAbsent(s, k -> new LinkedHashMap<>()).computeIfAbsent(f, k -> new Activity());
    }

    private static Activity existing(Map<Sector, Map<Fuel, Activity>> acts, Sector s, Fuel f) {
        Map<Fuel, Activity> m = acts.get(s);
        return m == null ? null : m.get(f);
    }

    private static String asStated(Entry e) {
        return e.asStated().isEmpty() ? "" : ", stated as " + e.asStated();
    }

    static String plain(BigDecimal v) {
        return v.stripTrailingZeros().toPlainString();
    }

    static String round(BigDecimal v) {
        return v.round(new MathContext(10)).stripTrailingZeros().toPlainString();
    }
}
