package dev.peakline.app.cli;

import dev.peakline.io.accounting.ResultWriter;
import dev.peakline.io.markets.PowerUnitReader;
import dev.peakline.io.table.Table;
import dev.peakline.markets.PowerAllocation;
import dev.peakline.problems.Problem;
import dev.peakline.problems.Refusal;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code peakline allocate}: national ETS allowances of power units by the benchmark method ({@link PowerAllocation}).
 * Input {@code unit_id,year,supply_mwh,heat_gj,cooling,heat_ratio,load_factor,fuel_class}; benchmarks {@code
 * year,fuel_class,electricity_t_per_mwh,heat_t_per_gj}; output {@code unit_id,year,electricity_t,heat_t,allocation_t}.
 */
@Command(
        name = "allocate",
        mixinStandardHelpOptions = true,
        description = "ETS allowances of power units: supply × benchmark × cooling × heat-supply × load corrections +"
                + " heat × heat benchmark, in whole tonnes (the 2019–2020 and 2021–2022 plans' rules).")
public final class AllocateCommand implements Callable<Integer> {
    @Option(
            names = "--units",
            required = true,
            description = "CSV: unit_id,year,supply_mwh,heat_gj,cooling (water|air),heat_ratio,load_factor (fractions"
                    + " or %),fuel_class (coal_300plus|coal_300minus|coal_unconventional|gas).")
    Path units;

    @Option(
            names = "--benchmarks",
            description = "CSV: year,fuel_class,electricity_t_per_mwh,heat_t_per_gj (default: the shipped benchmarks,"
                    + " UNCONFIRMED).")
    Path benchmarks;

    @Option(
            names = "--out",
            required = true,
            description = "Output CSV: unit_id,year,electricity_t,heat_t,allocation_t.")
    Path out;

    @Override
    public Integer call() {
        List<Problem> problems = new ArrayList<>();
        List<PowerUnitReader.Row> rows = List.of();
        Map<String, PowerAllocation.Benchmark> table = new HashMap<>();
        try {
            PowerUnitReader.Read<PowerUnitReader.Row> read = PowerUnitReader.units(Table.csv(units));
            problems.addAll(read.problems());
            rows = read.rows();
            List<PowerAllocation.Benchmark> given = PowerAllocation.benchmarks();
            if (benchmarks != null) {
                PowerUnitReader.Read<PowerAllocation.Benchmark> b = PowerUnitReader.benchmarks(Table.csv(benchmarks));
                problems.addAll(b.problems());
                given = b.rows();
            }
            given.forEach(b -> table.put(b.year() + "|" + b.fuel(), b));
        } catch (Refusal r) {
            problems.addAll(r.problems());
        } catch (UncheckedIOException e) {
            System.err.println(e.getMessage());
            return 2;
        }
        String source = units.getFileName().toString();
        for (PowerUnitReader.Row r : rows) {
            if (!table.containsKey(r.unit().year() + "|" + r.unit().fuel())) {
                problems.add(Problem.at(
                        "allocation.benchmark",
                        source,
                        r.line(),
                        "fuel_class",
                        "the benchmarks have no " + r.unit().fuel().code() + " for "
                                + r.unit().year()));
            }
        }
        if (!problems.isEmpty()) {
            return CliFiles.refuse(problems);
        }
        StringBuilder b = new StringBuilder("unit_id,year,electricity_t,heat_t,allocation_t\n");
        long total = 0;
        for (PowerUnitReader.Row r : rows) {
            PowerAllocation.Unit u = r.unit();
            PowerAllocation.Allocation a = PowerAllocation.allocate(
                    u,
                    table.get(u.year() + "|" + u.fuel()),
                    PowerAllocation.rules(u.year()).orElseThrow());
            total += a.allocation();
            b.append(ResultWriter.quote(u.id()))
                    .append(',')
                    .append(u.year())
                    .append(',')
                    .append(ResultWriter.num(a.electricity()))
                    .append(',')
                    .append(ResultWriter.num(a.heat()))
                    .append(',')
                    .append(a.allocation())
                    .append('\n');
        }
        if (!CliFiles.write(out, b)) {
            return 2;
        }
        System.err.println(rows.size() + " unit-year(s); " + total + " tCO2 allocated");
        return 0;
    }
}
