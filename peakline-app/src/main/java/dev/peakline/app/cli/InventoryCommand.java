package dev.peakline.app.cli;

import dev.peakline.domain.RegionCode;
import dev.peakline.inventory.BottomUpComparison;
import dev.peakline.inventory.EnergyBalance;
import dev.peakline.inventory.Inventory;
import dev.peakline.inventory.InventoryCatalog.Fuel;
import dev.peakline.inventory.InventoryEngine;
import dev.peakline.inventory.InventoryMethod;
import dev.peakline.io.inventory.AccountsReader;
import dev.peakline.io.inventory.EnergyBalanceReader;
import dev.peakline.io.inventory.InventoryTemplate;
import dev.peakline.io.inventory.InventoryWriter;
import dev.peakline.problems.Problem;
import dev.peakline.reference.ReferenceLibrary;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code peakline inventory}: a region's top-down CO2 inventory from its energy balance, beside the bottom-up sum. */
@Command(
        name = "inventory",
        mixinStandardHelpOptions = true,
        description = {
            "Compute a region's CO2 inventory (清单) from its energy balance (fuels × sectors, CEADs layout).",
            "Methods: ceads (CEADs factors) or statutory (China's default fuel factors); docs/methodology.md."
        })
final class InventoryCommand implements Callable<Integer> {
    @Option(
            names = "--energy",
            description = "Energy inventory: long CSV, CEADs workbook or our template (.csv/.xlsx).")
    Path energy;

    @Option(names = "--method", description = "ceads (default) or statutory.")
    String method = "ceads";

    @Option(names = "--region", description = "Only this region (name as in the input, or GB/T 2260 code).")
    String region;

    @Option(names = "--year", description = "Only this year.")
    Integer year;

    @Option(
            names = "--clinker",
            description = "Cement clinker output as YEAR=AMOUNT in 10^4 t (repeatable); adds cement process CO2.")
    List<String> clinker = new ArrayList<>();

    @Option(names = "--factors", description = "A factor file overriding the statutory factors (docs/methodology.md).")
    Path factors;

    @Option(names = "--out", description = "Inventory CSV: region,year,sector,fuel,co2_mt … with provenance.")
    Path out;

    @Option(names = "--bottom-up", description = "Results CSV of 'peakline account' to compare with, sector by sector.")
    Path bottomUp;

    @Option(names = "--compare-out", description = "Comparison CSV (needs --bottom-up).")
    Path compareOut;

    @Option(names = "--template", description = "Write an empty Excel template for --region and --year, and stop.")
    Path template;

    @Override
    public Integer call() {
        if (template != null) {
            String r = region == null ? "REGION" : region;
            int y = year == null ? 2020 : year;
            InventoryTemplate.write(template, r, y);
            System.out.println("wrote template " + template + " (sheet '" + r + " " + y + "')");
            return 0;
        }
        if (energy == null || out == null) {
            System.err.println("give --energy FILE and --out FILE (or --template FILE)");
            return 2;
        }
        if (compareOut != null && bottomUp == null) {
            System.err.println("--compare-out needs --bottom-up RESULTS.csv");
            return 2;
        }
        if (!InventoryMethod.ids().contains(method)) {
            System.err.println("unknown method '" + method + "'; methods: " + InventoryMethod.ids());
            return 2;
        }
        Map<Integer, BigDecimal> clinkerByYear = new LinkedHashMap<>();
        for (String c : clinker) {
            int eq = c.indexOf('=');
            try {
                int y = Integer.parseInt(c.substring(0, eq).strip());
                BigDecimal v = new BigDecimal(c.substring(eq + 1).strip());
                if (clinkerByYear.put(y, v) != null) {
                    System.err.println("--clinker gives " + y + " twice");
                    return 2;
                }
            } catch (RuntimeException e) {
                System.err.println("--clinker '" + c + "': expected YEAR=AMOUNT (10^4 t), e.g. 2017=4500");
                return 2;
            }
        }
        ReferenceLibrary library = MethodOptions.library(factors, System.err);
        if (library == null) {
            return 2;
        }
        InventoryMethod m = InventoryMethod.load(method, library);
        EnergyBalanceReader.Read read = EnergyBalanceReader.read(energy, region, year, library.registry());
        if (!read.ok()) {
            MethodOptions.printProblems(System.err, read.problems());
            return 2;
        }
        List<EnergyBalance> balances = new ArrayList<>();
        for (EnergyBalance b : read.balances()) {
            boolean regionOk = region == null
                    || b.region().equalsIgnoreCase(region)
                    || (b.code() != null && b.code().value().equals(region));
            if (regionOk && (year == null || b.year() == year)) {
                balances.add(b);
            }
        }
        if (balances.isEmpty()) {
            List<String> have = new ArrayList<>();
            read.balances().forEach(b -> have.add(b.label()));
            System.err.println("no balance for " + (region == null ? "" : "region " + region + " ")
                    + (year == null ? "" : "year " + year) + "; the file has " + have);
            return 2;
        }
        for (Integer y : clinkerByYear.keySet()) {
            if (balances.stream().noneMatch(b -> b.year() == y)) {
                System.err.println("--clinker gives " + y + ", a year the inventory does not have");
                return 2;
            }
        }
        List<Inventory> inventories = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        for (EnergyBalance b : balances) {
            InventoryEngine.Result r = InventoryEngine.compute(b, m, Optional.ofNullable(clinkerByYear.get(b.year())));
            if (r.ok()) {
                inventories.add(r.inventory());
            } else {
                problems.addAll(r.problems());
            }
        }
        if (!problems.isEmpty()) {
            MethodOptions.printProblems(System.err, problems);
            return 2;
        }
        List<BottomUpComparison> comparisons = new ArrayList<>();
        if (bottomUp != null) {
            AccountsReader.Read accounts = AccountsReader.read(bottomUp);
            if (!accounts.ok()) {
                MethodOptions.printProblems(System.err, accounts.problems());
                return 2;
            }
            for (Inventory inv : inventories) {
                RegionCode code = inv.balance().code();
                if (code == null) {
                    System.err.println("cannot compare " + inv.balance().label()
                            + ": its region is not a GB/T 2260 region; name it by code (e.g. 520100)");
                    return 2;
                }
                comparisons.add(BottomUpComparison.of(inv, code, library.registry(), accounts.accounts()));
            }
        }
        InventoryWriter.write(inventories, out);
        if (compareOut != null) {
            InventoryWriter.writeComparison(comparisons, compareOut);
        }
        for (Inventory inv : inventories) {
            summary(inv);
        }
        for (BottomUpComparison c : comparisons) {
            compare(c);
        }
        System.out.println("wrote " + out + (compareOut == null ? "" : " and " + compareOut));
        return 0;
    }

    private static String mt(BigDecimal v) {
        return v.setScale(4, RoundingMode.HALF_EVEN).toPlainString();
    }

    private static void summary(Inventory inv) {
        BigDecimal total = inv.total();
        StringBuilder top = new StringBuilder();
        inv.byFuel().entrySet().stream()
                .sorted(Map.Entry.<Fuel, BigDecimal>comparingByValue().reversed())
                .limit(3)
                .forEach(e -> top.append(top.length() == 0 ? "" : ", ")
                        .append(e.getKey().code())
                        .append(' ')
                        .append(mt(e.getValue())));
        long flagged = inv.cells().stream().filter(c -> c.factor().flagged()).count();
        System.out.printf(
                Locale.ROOT,
                "%s %d (%s): energy CO2 %s Mt in %d cells; largest fuels %s%s%s%n",
                inv.balance().region(),
                inv.balance().year(),
                inv.method().label(),
                mt(total),
                inv.cells().size(),
                top,
                inv.process().isEmpty() ? "" : "; cement process " + mt(inv.processTotal()) + " Mt",
                flagged == 0 ? "" : "; " + flagged + " cells use flagged (proxy/uncertain) factors");
    }

    private static void compare(BottomUpComparison c) {
        BigDecimal cov = c.coverage();
        System.out.printf(
                Locale.ROOT,
                "%s %d: %d enterprises explain %s of %s Mt (coverage %s)%n",
                c.inventory().balance().region(),
                c.inventory().balance().year(),
                c.enterprises(),
                mt(c.bottomUpMt()),
                mt(c.topDownMt()),
                cov == null ? "n/a" : cov.movePointRight(2).setScale(1, RoundingMode.HALF_EVEN) + "%");
        for (BottomUpComparison.Line l : c.largestGaps(5)) {
            System.out.printf(
                    Locale.ROOT,
                    "  gap %s Mt in %d %s%s (top-down %s, enterprises %s)%n",
                    mt(l.gapMt()),
                    l.sector().no(),
                    l.sector().label(),
                    l.process() ? " [process]" : "",
                    mt(l.topDownMt()),
                    mt(l.bottomUpMt()));
        }
    }
}
