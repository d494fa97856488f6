package dev.peakline.footprint;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A product's cradle-to-gate footprint (ISO 14067 / GB/T 24067-2024) from an enterprise's approved accounts of a year:
 * its own process makes the year's output of the product and emits the allocated share of the enterprise's direct
 * emissions (scope 1) and of those of its purchased electricity and heat (scope 2); each purchased input is a process
 * making one unit of it with the footprint its supplier (or a secondary source) declares. The system is solved as a
 * matrix ({@link ProductSystem}), so an input made from the product itself is exact. Results in kg CO2e per declared
 * unit, with each process's direct contribution.
 */
public final class AccountFootprint {
    private AccountFootprint() {}

    /** The flows the own process emits. */
    public static final String DIRECT = "直接排放（范围一）";

    public static final String ENERGY = "外购电力和热力（范围二）";
    public static final String OWN = "本企业生产过程";

    /** A purchased input: its flow, amount per declared unit of the product, unit, footprint (kg CO2e per unit). */
    public record Input(
            String flow, double amountPerUnit, String unit, double kgPerUnit, String source, boolean supplier) {}

    /**
     * The share of the enterprise's emissions a product carries.
     *
     * @param method mass (by the products' tonnes), economic (by their value: amount × price) or physical (the share
     *     given, on a physical basis the user states)
     * @param amounts every product of the year, by name, in tonnes (mass) or its unit (economic)
     * @param prices yuan per unit of every product (economic only)
     * @param given the share (physical only)
     */
    public static double share(
            String method, String product, Map<String, Double> amounts, Map<String, Double> prices, Double given) {
        switch (method) {
            case "mass" -> {
                double all = amounts.values().stream()
                        .mapToDouble(Double::doubleValue)
                        .sum();
                return amounts.get(product) / all;
            }
            case "economic" -> {
                double all = 0;
                for (var e : amounts.entrySet()) {
                    Double p = prices.get(e.getKey());
                    if (p == null) {
                        throw new IllegalArgumentException("no price for " + e.getKey());
                    }
                    all += e.getValue() * p;
                }
                return amounts.get(product) * prices.get(product) / all;
            }
            case "physical" -> {
                if (given == null || !(given > 0 && given <= 1)) {
                    throw new IllegalArgumentException("a physical allocation gives the share, above 0 and at most 1");
                }
                return given;
            }
            default -> throw new IllegalArgumentException("allocation is mass, economic or physical");
        }
    }

    /** The footprint: kg CO2e per declared unit, and each process's direct contribution (kg per unit). */
    public record Result(double kgPerUnit, Map<String, Double> contributions, double primaryShare) {}

    /**
     * @param output the year's output of the product (declared units)
     * @param share the allocation share
     * @param directKg the enterprise's scope 1 of the year (kg CO2)
     * @param energyKg its scope 2 of the year (kg CO2)
     */
    public static Result solve(
            String product, double output, double share, double directKg, double energyKg, List<Input> inputs) {
        if (!(output > 0)) {
            throw new IllegalArgumentException("the product's output of the year is above 0");
        }
        List<ProductSystem.Exchange> ex = new ArrayList<>();
        int row = 1;
        ex.add(new ProductSystem.Exchange(OWN, product, output, "unit", "product", row++));
        ex.add(new ProductSystem.Exchange(OWN, DIRECT, share * directKg, "kg", "elementary", row++));
        ex.add(new ProductSystem.Exchange(OWN, ENERGY, share * energyKg, "kg", "elementary", row++));
        for (Input i : inputs) {
            String process = "外购：" + i.flow();
            ex.add(new ProductSystem.Exchange(OWN, i.flow(), i.amountPerUnit() * output, i.unit(), "input", row++));
            ex.add(new ProductSystem.Exchange(process, i.flow(), 1, i.unit(), "product", row++));
            ex.add(new ProductSystem.Exchange(process, "上游排放：" + i.flow(), i.kgPerUnit(), "kg", "elementary", row++));
        }
        ProductSystem.Built built = ProductSystem.build("footprint", ex);
        if (!built.problems().isEmpty()) {
            throw new IllegalArgumentException(built.problems().get(0).message());
        }
        Map<String, Double> gwp = new LinkedHashMap<>();
        gwp.put(DIRECT, 1.0);
        gwp.put(ENERGY, 1.0);
        inputs.forEach(i -> gwp.put("上游排放：" + i.flow(), 1.0));
        ProductSystem.Result r = built.system().solve(product, 1, Map.of("GWP", gwp));
        Map<String, Double> contributions = new LinkedHashMap<>();
        List<String> processes = built.system().processes();
        double[] direct = r.direct().get("GWP");
        for (int k = 0; k < processes.size(); k++) {
            contributions.put(processes.get(k), direct[k]);
        }
        double total = r.total().get("GWP");
        double primary = total == 0 ? 1 : contributions.getOrDefault(OWN, 0.0) / total;
        return new Result(total, contributions, primary);
    }
}
