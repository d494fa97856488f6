package dev.peakline.app.cli;

import dev.peakline.io.accounting.ResultWriter;
import dev.peakline.io.markets.LedgerReader;
import dev.peakline.io.table.Table;
import dev.peakline.markets.Compliance;
import dev.peakline.markets.InstrumentLedger;
import dev.peakline.problems.Problem;
import dev.peakline.problems.Refusal;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code peakline compliance}: replays a registry ledger ({@code date,account,instrument,vintage,kind,quantity,
 * serial_from,serial_to}) and writes every account's closing balance per instrument and vintage with, where the
 * account has an obligation for that year, what is due, surrendered, still to surrender and its status. A movement
 * that would overdraw, hold a serial twice or pass the offset cap is refused with its row and reason, and nothing is
 * written.
 */
@Command(
        name = "compliance",
        mixinStandardHelpOptions = true,
        description = "Replays an allowance and credit ledger: closing balances and each obligation's compliance status"
                + " (compliant, surplus, short, overdue).")
public final class ComplianceCommand implements Callable<Integer> {
    /** The output's columns. */
    public static final String HEADER =
            "account,instrument,vintage,balance,due,surrendered,offsets,remaining,held_toward,shortfall,status";

    @Option(
            names = "--ledger",
            required = true,
            description = "CSV: date,account,instrument,vintage,kind,quantity,serial_from,serial_to; kinds obligation,"
                    + " issue, allocate, transfer (two legs: the giver's quantity negative), surrender, retire, cancel,"
                    + " expire.")
    Path ledger;

    @Option(names = "--out", required = true, description = "Output CSV: " + HEADER + ".")
    Path out;

    @Option(names = "--as-of", description = "The day statuses are judged on (default: the ledger's last date).")
    LocalDate asOf;

    @Option(
            names = "--deadline",
            description = "The surrender deadline of every obligation (default: 31 December of the year after the"
                    + " obligation's).")
    LocalDate deadline;

    @Override
    public Integer call() {
        String source = ledger.getFileName().toString();
        List<Problem> problems = new ArrayList<>();
        InstrumentLedger l = new InstrumentLedger();
        LedgerReader.Read read;
        try {
            read = LedgerReader.read(Table.csv(ledger));
        } catch (Refusal r) {
            return CliFiles.refuse(r.problems());
        } catch (UncheckedIOException e) {
            System.err.println(e.getMessage());
            return 2;
        }
        problems.addAll(read.problems());
        if (problems.isEmpty()) {
            problems.addAll(LedgerReader.replay(source, read.movements(), l));
        }
        if (!problems.isEmpty()) {
            return CliFiles.refuse(problems);
        }
        LocalDate on = asOf != null
                ? asOf
                : read.movements().stream()
                        .map(InstrumentLedger.Movement::date)
                        .max(Comparator.naturalOrder())
                        .orElseThrow();
        List<Compliance.Standing> standings =
                Compliance.standings(l, on, o -> deadline != null ? deadline : Compliance.defaultDeadline(o));
        Map<String, Compliance.Standing> byLot = new LinkedHashMap<>();
        standings.forEach(s -> byLot.put(
                key(
                        s.obligation().account(),
                        s.obligation().instrument().code(),
                        s.obligation().year()),
                s));
        StringBuilder b = new StringBuilder(HEADER).append('\n');
        List<InstrumentLedger.Holding> holdings = new ArrayList<>(
                l.holdings().stream().filter(h -> !h.account().startsWith("@")).toList());
        Map<String, Double> balances = new LinkedHashMap<>();
        holdings.forEach(
                h -> balances.merge(key(h.account(), h.instrument().code(), h.vintage()), h.balance(), Double::sum));
        // obligations of a year the account holds nothing of still get their row
        byLot.keySet().forEach(k -> balances.putIfAbsent(k, 0.0));
        List<String> keys = new ArrayList<>(balances.keySet());
        // by account, then instrument in the registry's order (allowances first), then vintage
        keys.sort(Comparator.<String, String>comparing(k -> k.split("\\|")[0])
                .thenComparingInt(k -> dev.peakline.markets.Instrument.parse(k.split("\\|")[1])
                        .orElseThrow()
                        .ordinal())
                .thenComparing(k -> k.split("\\|")[2]));
        int short_ = 0;
        for (String k : keys) {
            String[] p = k.split("\\|");
            b.append(ResultWriter.quote(p[0]))
                    .append(',')
                    .append(p[1])
                    .append(',')
                    .append(p[2])
                    .append(',');
            b.append(ResultWriter.num(balances.get(k)));
            Compliance.Standing s = byLot.get(k);
            if (s == null) {
                b.append(",,,,,,,\n");
                continue;
            }
            InstrumentLedger.Obligation o = s.obligation();
            b.append(',').append(ResultWriter.num(o.due()));
            b.append(',').append(ResultWriter.num(o.allowances()));
            b.append(',').append(ResultWriter.num(o.offsets()));
            b.append(',').append(ResultWriter.num(o.remaining()));
            b.append(',').append(ResultWriter.num(s.heldAllowances() + s.heldOffsets()));
            b.append(',').append(ResultWriter.num(s.shortfall()));
            b.append(',').append(s.status().code()).append('\n');
            if (s.status() == Compliance.Status.SHORT || s.status() == Compliance.Status.OVERDUE) {
                short_++;
            }
        }
        if (!CliFiles.write(out, b)) {
            return 2;
        }
        System.err.println(read.movements().size() + " movement(s); " + standings.size() + " obligation(s), " + short_
                + " short or overdue on " + on);
        return 0;
    }

    private static String key(String account, String instrument, int vintage) {
        return account + "|" + instrument + "|" + vintage;
    }
}
