package dev.peakline.app.cli;

import dev.peakline.disclosure.Consolidation;
import dev.peakline.io.table.Table;
import dev.peakline.problems.Problem;
import dev.peakline.problems.Refusal;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code peakline consolidate}: the fraction of each entity's emissions in a group's inventory ({@link Consolidation}).
 * Ownership {@code parent,entity,share,control} (the root with an empty parent); output {@code entity,share}.
 */
@Command(
        name = "consolidate",
        mixinStandardHelpOptions = true,
        description = "Organisational boundary of a group (GHG Protocol Corporate Standard ch. 3): each entity's share"
                + " of the root's inventory by equity share, financial control or operational control.")
public final class ConsolidateCommand implements Callable<Integer> {
    @Option(
            names = "--ownership",
            required = true,
            description = "CSV: parent,entity,share,control (share 0–1; control full, joint, significant or none; the"
                    + " root has an empty parent).")
    Path ownership;

    @Option(names = "--approach", required = true, description = "equity, financial-control or operational-control.")
    String approach;

    @Option(names = "--out", required = true, description = "Output CSV: entity,share.")
    Path out;

    @Override
    public Integer call() {
        String source = ownership.getFileName().toString();
        List<Problem> problems = new ArrayList<>();
        List<Consolidation.Holding> holdings = new ArrayList<>();
        Set<String> order = new LinkedHashSet<>();
        try {
            dev.peakline.io.disclosure.OwnershipReader.Read read =
                    dev.peakline.io.disclosure.OwnershipReader.read(Table.csv(ownership));
            problems.addAll(read.problems());
            holdings.addAll(read.holdings());
            order.addAll(read.entities());
        } catch (Refusal r) {
            problems.addAll(r.problems());
        } catch (UncheckedIOException e) {
            System.err.println(e.getMessage());
            return 2;
        }
        Consolidation.Result r = problems.isEmpty()
                ? Consolidation.consolidate(source, holdings, approach.toLowerCase(Locale.ROOT))
                : new Consolidation.Result(null, problems);
        if (!r.problems().isEmpty()) {
            r.problems().forEach(System.err::println);
            System.err.println(r.problems().size() + " problem(s); nothing was written");
            return 2;
        }
        StringBuilder b = new StringBuilder("entity,share\n");
        for (String e : order) {
            b.append(dev.peakline.io.accounting.ResultWriter.quote(e))
                    .append(',')
                    .append(new java.math.BigDecimal(
                                    Double.toString(r.fractions().get(e)))
                            .setScale(9, java.math.RoundingMode.HALF_UP)
                            .stripTrailingZeros()
                            .toPlainString())
                    .append('\n');
        }
        if (!CliFiles.write(out, b)) {
            return 2;
        }
        System.err.println(order.size() + " entit(ies) consolidated by " + approach);
        return 0;
    }
}
