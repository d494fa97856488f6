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
 * taxed,tax_yuan}. An input with the {@code outlet_id} column (numbered outlets, each taxed on its own) or with the
 * water special items (pH值, 色度, 大肠菌群数, 余氯量) gets {@code outlet_id} after {@code outlet} and two last columns
 * {@code sewage_t,level}; a special item's {@code quantity_kg} is then empty and its {@code equivalent_value_kg} the
 * table's value in t of sewage (色度: t·multiple; pH: its band's).
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
                    + " Chinese name or formula; unit kg, t or g); optional outlet_id (DA001, DW001: each numbered"
                    + " outlet taxed on its own), and level,limit for pH值 and 色度 (quantity the sewage in t).")
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
        boolean numbered = false;
        try {
            Table table = Table.csv(emissions);
            numbered = PollutantReader.numbersOutlets(table);
            PollutantReader.Read read = PollutantReader.read(table);
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
        boolean wide = numbered || rows.stream().anyMatch(e -> e.pollutant().onSewage());
        StringBuilder b = new StringBuilder(
                wide
                        ? "enterprise,period,outlet,outlet_id,pollutant,quantity_kg,equivalent_value_kg,"
                                + "pollution_equivalents,taxed,tax_yuan,sewage_t,level\n"
                        : "enterprise,period,outlet,pollutant,quantity_kg,equivalent_value_kg,pollution_equivalents,"
                                + "taxed,tax_yuan\n");
        java.math.BigDecimal total = java.math.BigDecimal.ZERO;
        for (EnvironmentalTax.Line l : EnvironmentalTax.tax(rows, airRate, waterRate)) {
            EnvironmentalTax.Emission e = l.emission();
            boolean sewage = e.pollutant().onSewage();
            double value = e.pollutant().code().equals("pH")
                    ? EnvironmentalTax.phValue(e.level())
                    : e.pollutant().kgPerEquivalent();
            b.append(e.enterprise()).append(',').append(e.period()).append(',').append(e.outlet());
            if (wide) {
                b.append(',').append(ResultWriter.quote(e.outletId()));
            }
            b.append(',')
                    .append(ResultWriter.quote(e.pollutant().nameCn()))
                    .append(',')
                    .append(sewage ? "" : plain(e.kg()))
                    .append(',')
                    .append(Double.isNaN(value) ? "" : plain(value))
                    .append(',')
                    .append(l.equivalents().toPlainString())
                    .append(',')
                    .append(l.taxed())
                    .append(',')
                    .append(l.taxYuan().toPlainString());
            if (wide) {
                b.append(',')
                        .append(sewage ? plain(e.kg()) : "")
                        .append(',')
                        .append(Double.isNaN(e.level()) ? "" : plain(e.level()));
            }
            b.append('\n');
            total = total.add(l.taxYuan());
        }
        if (!CliFiles.write(out, b)) {
            return 2;
        }
        System.err.println(
                rows.size() + " pollutant line(s); environmental protection tax " + total.toPlainString() + " yuan");
        return 0;
    }

    private static String plain(double v) {
        return new java.math.BigDecimal(Double.toString(v)).stripTrailingZeros().toPlainString();
    }
}
