package dev.peakline.io.inventory;

import static dev.peakline.io.accounting.ResultWriter.quote;

import dev.peakline.inventory.BottomUpComparison;
import dev.peakline.inventory.Inventory;
import dev.peakline.inventory.InventoryCatalog.Fuel;
import dev.peakline.inventory.InventoryCatalog.Sector;
import dev.peakline.io.accounting.ResultWriter;
import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Writes top-down inventories and their comparison with the bottom-up sum as CSV, atomically. Totals are rows with
 * {@code sector = ALL} (per fuel), {@code fuel = ALL} (per sector) and both {@code ALL} (the energy-related total); the
 * process CO2 and the total with process follow.
 */
public final class InventoryWriter {
    private InventoryWriter() {}

    public static final List<String> HEADER = List.of(
            "region",
            "region_code",
            "year",
            "sector_no",
            "sector",
            "fuel",
            "kind",
            "activity",
            "activity_unit",
            "factor_mt_per_unit",
            "co2_mt",
            "method",
            "provenance");

    /** Mt with six decimals (1 t CO2). */
    static String mt(BigDecimal v) {
        return v.setScale(6, RoundingMode.HALF_EVEN).toPlainString();
    }

    public static void write(List<Inventory> inventories, Path out) {
        ResultWriter.writeAtomically(out, w -> {
            w.write(String.join(",", HEADER));
            w.write('\n');
            for (Inventory inv : inventories) {
                write(inv, w);
            }
        });
    }

    private static void write(Inventory inv, Writer w) throws IOException {
        String method = inv.method().label();
        for (Inventory.Cell c : inv.cells()) {
            line(
                    w,
                    inv,
                    String.valueOf(c.sector().no()),
                    c.sector().label(),
                    c.fuel().code(),
                    "cell",
                    c.activity().setScale(6, RoundingMode.HALF_EVEN).toPlainString(),
                    c.fuel().unit(),
                    c.factor().mtPerUnit().toPlainString(),
                    mt(c.co2Mt()),
                    method,
                    c.provenance());
        }
        for (Map.Entry<Fuel, BigDecimal> e : inv.byFuel().entrySet()) {
            line(
                    w,
                    inv,
                    "",
                    "ALL",
                    e.getKey().code(),
                    "fuel_total",
                    "",
                    "",
                    "",
                    mt(e.getValue()),
                    method,
                    "sum of the " + e.getKey().code() + " cells");
        }
        for (Map.Entry<Sector, BigDecimal> e : inv.bySector().entrySet()) {
            line(
                    w,
                    inv,
                    String.valueOf(e.getKey().no()),
                    e.getKey().label(),
                    "ALL",
                    "sector_total",
                    "",
                    "",
                    "",
                    mt(e.getValue()),
                    method,
                    "sum of the sector's cells");
        }
        line(
                w,
                inv,
                "",
                "ALL",
                "ALL",
                "energy_total",
                "",
                "",
                "",
                mt(inv.total()),
                method,
                "energy-related CO2: sum of all " + inv.cells().size() + " cells");
        for (Inventory.ProcessCell p : inv.process()) {
            line(
                    w,
                    inv,
                    String.valueOf(p.sector().no()),
                    p.sector().label(),
                    "PROCESS:" + p.name(),
                    "process",
                    p.amount().toPlainString(),
                    p.unit(),
                    "",
                    mt(p.co2Mt()),
                    method,
                    p.provenance());
        }
        if (!inv.process().isEmpty()) {
            line(
                    w,
                    inv,
                    "",
                    "ALL",
                    "ALL_WITH_PROCESS",
                    "total_with_process",
                    "",
                    "",
                    "",
                    mt(inv.total().add(inv.processTotal())),
                    method,
                    "energy-related total + process CO2");
        }
    }

    private static void line(Writer w, Inventory inv, String... cells) throws IOException {
        w.write(quote(inv.balance().region()));
        w.write(',');
        w.write(inv.balance().code() == null ? "" : inv.balance().code().value());
        w.write(',');
        w.write(String.valueOf(inv.balance().year()));
        for (String c : cells) {
            w.write(',');
            w.write(quote(c));
        }
        w.write('\n');
    }

    public static final List<String> COMPARISON_HEADER = List.of(
            "region",
            "region_code",
            "year",
            "sector_no",
            "sector",
            "scope",
            "top_down_co2_mt",
            "bottom_up_co2_mt",
            "gap_mt",
            "coverage",
            "enterprises");

    public static void writeComparison(List<BottomUpComparison> comparisons, Path out) {
        ResultWriter.writeAtomically(out, w -> {
            w.write(String.join(",", COMPARISON_HEADER));
            w.write('\n');
            for (BottomUpComparison c : comparisons) {
                Inventory inv = c.inventory();
                for (BottomUpComparison.Line l : c.lines()) {
                    line(
                            w,
                            inv,
                            String.valueOf(l.sector().no()),
                            l.sector().label(),
                            l.process() ? "process" : "energy",
                            mt(l.topDownMt()),
                            mt(l.bottomUpMt()),
                            mt(l.gapMt()),
                            ratio(l.coverage()),
                            String.valueOf(l.enterprises()));
                }
                if (c.unmappedMt().signum() != 0) {
                    line(
                            w,
                            inv,
                            "",
                            "UNMAPPED " + String.join(" ", c.unmappedIndustries()),
                            "energy",
                            "",
                            mt(c.unmappedMt()),
                            "",
                            "",
                            "");
                }
                line(
                        w,
                        inv,
                        "",
                        "ALL",
                        "energy",
                        mt(c.topDownMt()),
                        mt(c.bottomUpMt()),
                        mt(c.topDownMt().subtract(c.bottomUpMt())),
                        ratio(c.coverage()),
                        String.valueOf(c.enterprises()));
            }
        });
    }

    static String ratio(BigDecimal r) {
        return r == null ? "" : r.setScale(4, RoundingMode.HALF_EVEN).toPlainString();
    }
}
