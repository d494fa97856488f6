package dev.peakline.app.cli;

import dev.peakline.io.accounting.ResultWriter;
import dev.peakline.io.pollution.PollutantReader;
import dev.peakline.io.table.Table;
import dev.peakline.pollution.EnvironmentalTax;
import dev.peakline.problems.Problem;
import dev.peakline.problems.Refusal;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code peakline pollutants}: pollution equivalents and the environmental protection tax of air and water emissions
 * (环境保护税法 附表二 and its rules per outlet). Input {@code enterprise,period,outlet,pollutant,quantity,unit}; output one
 * row per input row: {@code enterprise,period,outlet,pollutant,quantity_kg,equivalent_value_kg,pollution_equivalents,
 * taxed,tax_yuan}.
 */
@Command(
        name = "pollutants",
        mixinStandardHelpOptions = true,
        description = "Pollution equivalents (污染当量) and environmental protection tax (环境保护税) per enterprise, month,"
                + " outlet and pollutant: the three largest air pollutants of an outlet taxed, of water the five largest"
                + " first-class and three largest other pollutants (one of COD, BOD5, TOC).")
public final class PollutantsCommand implements Callable<Integer> {
    static final Map<String, Double> KG =
            Map.of("kg", 1.0, "千克", 1.0, "公斤", 1.0, "t", 1000.0, "吨", 1000.0, "g", 0.001, "克", 0.001);

    @Option(
            names = "--emissions",
            required = true,
            description = "CSV: enterprise,period,outlet,pollutant,quantity,unit (outlet air or water; pollutant by"
                    + " Chinese name or formula; unit kg, t or g).")
    Path emissions;

    @Option(
            names = "--air-rate",
            required = true,
            description = "Yuan per air pollution equivalent (the province's rate, 1.2–12).")
    double airRate;

    @Option(
            names = "--water-rate",
            required = true,
            description = "Yuan per water pollution equivalent (the province's rate, 1.4–14).")
    double waterRate;

    @Option(
            names = "--out",
            required = true,
            description = "Output CSV: enterprise,period,outlet,pollutant,quantity_kg,equivalent_value_kg,"
                    + "pollution_equivalents,taxed,tax_yuan.")
    Path out;

    @Override
    public Integer call() {
        String source = emissions.getFileName().toString();
        List<Problem> problems = new ArrayList<>();
        if (!(airRate >= EnvironmentalTax.AIR_MIN && airRate <= EnvironmentalTax.AIR_MAX)) {
            problems.add(Problem.at(
                    "pollutants.rate",
                    "--air-rate",
                    0,
                    "air-rate",
                    "the air rate is " + airRate + " yuan per equivalent; the law's range is 1.2 to 12"));
        }
        if (!(waterRate >= EnvironmentalTax.WATER_MIN && waterRate <= EnvironmentalTax.WATER_MAX)) {
            problems.add(Problem.at(
                    "pollutants.rate",
                    "--water-rate",
                    0,
                    "water-rate",
                    "the water rate is " + waterRate + " yuan per equivalent; the law's range is 1.4 to 14"));
        }
        List<EnvironmentalTax.Emission> rows = new ArrayList<>();
        try {
            PollutantReader.Read read = PollutantReader.read(Table.csv(emissions));
            problems.addAll(read.problems());
            read.emissions().forEach(f -> rows.add(f.emission()));
        } catch (Refusal r) {
            problems.addAll(r.problems());
        } catch (UncheckedIOException e) {
            System.err.println(e.getMessage());
            return 2;
        }
        if (!problems.isEmpty()) {
            return CliFiles.refuse(problems);
        }
        StringBuilder b = new StringBuilder(
                "enterprise,period,outlet,pollutant,quantity_kg,equivalent_value_kg,pollution_equivalents,taxed,tax_yuan\n");
        java.math.BigDecimal total = java.math.BigDecimal.ZERO;
        for (EnvironmentalTax.Line l : EnvironmentalTax.tax(rows, airRate, waterRate)) {
            EnvironmentalTax.Emission e = l.emission();
            b.append(e.enterprise())
                    .append(',')
                    .append(e.period())
                    .append(',')
                    .append(e.outlet())
                    .append(',')
                    .append(ResultWriter.quote(e.pollutant().nameCn()))
                    .append(',')
                    .append(new java.math.BigDecimal(Double.toString(e.kg()))
                            .stripTrailingZeros()
                            .toPlainString())
                    .append(',')
                    .append(new java.math.BigDecimal(
                                    Double.toString(e.pollutant().kgPerEquivalent()))
                            .stripTrailingZeros()
                            .toPlainString())
                    .append(',')
                    .append(l.equivalents().toPlainString())
                    .append(',')
                    .append(l.taxed())
                    .append(',')
                    .append(l.taxYuan().toPlainString())
                    .append('\n');
            total = total.add(l.taxYuan());
        }
        if (!CliFiles.write(out, b)) {
            return 2;
        }
        System.err.println(
                rows.size() + " pollutant line(s); environmental protection tax " + total.toPlainString() + " yuan");
        return 0;
    }
}
