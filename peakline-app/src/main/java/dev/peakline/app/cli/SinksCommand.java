package dev.peakline.app.cli;

import dev.peakline.io.accounting.ResultWriter;
import dev.peakline.io.sinks.SinkReader;
import dev.peakline.io.table.Table;
import dev.peakline.problems.Problem;
import dev.peakline.problems.Refusal;
import dev.peakline.sinks.Sinks;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code peakline sinks}: removals of a region's land pools by year ({@link Sinks}). Input rows {@code
 * region,year,pool,method,…} with the method's columns; output {@code region,year,pool,removals_tco2} (removals
 * negative), the rows of the same region, year and pool summed.
 */
@Command(
        name = "sinks",
        mixinStandardHelpOptions = true,
        description = "Carbon sinks of land pools: IPCC 2006 gain (area × increment × BCEF or density × BEF × (1 + R) ×"
                + " CF × 44/12), the provincial guideline's forest method (stock × growth rate × density × BEF × CF ×"
                + " 44/12) or stock difference; removals negative.")
public final class SinksCommand implements Callable<Integer> {
    @Option(
            names = "--input",
            required = true,
            description = "CSV: region,year,pool,method and the method's columns (gain: area_ha,increment_m3_per_ha_yr,"
                    + "bcef or wood_density,bef,root_shoot_ratio,carbon_fraction; provincial: stock_m3,growth_rate,"
                    + "wood_density,bef,carbon_fraction; stock_difference: carbon_stock_t1_tc,carbon_stock_t2_tc,"
                    + "interval_years).")
    Path input;

    @Option(names = "--out", required = true, description = "Output CSV: region,year,pool,removals_tco2.")
    Path out;

    @Override
    public Integer call() {
        String source = input.getFileName().toString();
        List<Problem> problems = new ArrayList<>();
        Map<String, Double> sums = new LinkedHashMap<>();
        try {
            SinkReader.Read read = SinkReader.read(Table.csv(input));
            problems.addAll(read.problems());
            read.rows()
                    .forEach(r -> sums.merge(r.region() + "," + r.year() + "," + r.pool(), r.removals(), Double::sum));
        } catch (Refusal r) {
            problems.addAll(r.problems());
        } catch (UncheckedIOException e) {
            System.err.println(e.getMessage());
            return 2;
        }
        if (!problems.isEmpty()) {
            return CliFiles.refuse(problems);
        }
        StringBuilder b = new StringBuilder("region,year,pool,removals_tco2\n");
        sums.forEach(
                (k, v) -> b.append(k).append(',').append(ResultWriter.num(v)).append('\n'));
        if (!CliFiles.write(out, b)) {
            return 2;
        }
        System.err.println(sums.size() + " region-year-pool(s); removals "
                + ResultWriter.num(
                        sums.values().stream().mapToDouble(Double::doubleValue).sum()) + " tCO2");
        return 0;
    }
}
