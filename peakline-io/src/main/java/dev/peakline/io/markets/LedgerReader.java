package dev.peakline.io.markets;

import dev.peakline.io.table.Cells;
import dev.peakline.io.table.Columns;
import dev.peakline.io.table.Table;
import dev.peakline.markets.Instrument;
import dev.peakline.markets.InstrumentLedger;
import dev.peakline.markets.InstrumentLedger.Movement;
import dev.peakline.problems.Problem;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * A registry ledger as a file: {@code date,account,instrument,vintage,kind,quantity,serial_from,serial_to}, one leg
 * per row (a transfer is two rows on one date: the giver's negative, the receiver's positive). Each cell is checked
 * here; the ledger's own rules (overdraft, serials, offset cap, balanced transfers) when the rows are booked ({@link
 * #replay}). Problems carry row and column.
 */
public final class LedgerReader {
    private LedgerReader() {}

    static final List<Columns.Spec> SPECS = List.of(
            new Columns.Spec("date", List.of("日期"), true),
            new Columns.Spec("account", List.of("账户", "账户编号"), true),
            new Columns.Spec("instrument", List.of("品种", "交易品种"), true),
            new Columns.Spec("vintage", List.of("年度", "年份", "签发年度"), true),
            new Columns.Spec("kind", List.of("类型", "变动类型"), true),
            new Columns.Spec("quantity", List.of("数量"), true),
            new Columns.Spec("serial_from", List.of("起始序号"), false),
            new Columns.Spec("serial_to", List.of("终止序号"), false));

    public record Read(List<Movement> movements, List<Problem> problems) {
        public boolean ok() {
            return problems.isEmpty();
        }
    }

    public static Read read(Table t) {
        String source = t.source();
        List<Problem> problems = new ArrayList<>();
        if (t.lines().size() < 2) {
            return new Read(List.of(), List.of(Problem.at("file.empty", source, 0, "", "the file has no data rows")));
        }
        Columns cols = Columns.of(t.lines().get(0), SPECS, source, problems);
        List<Movement> out = new ArrayList<>();
        if (!problems.isEmpty()) {
            return new Read(List.of(), problems);
        }
        for (Table.Line l : t.lines().subList(1, t.lines().size())) {
            if (l.blank()) {
                continue;
            }
            int before = problems.size();
            LocalDate date = Cells.date(source, l, "date", cols.get(l, "date"), problems);
            String account = cols.get(l, "account");
            if (account.isEmpty()) {
                problems.add(Problem.at("value.missing", source, l.number(), "account", "the account is empty"));
            }
            String it = cols.get(l, "instrument");
            Instrument instrument = Instrument.parse(it).orElse(null);
            if (instrument == null) {
                problems.add(Problem.at(
                        "ledger.instrument",
                        source,
                        l.number(),
                        "instrument",
                        "'" + it + "' is not an instrument: " + Instrument.codes()));
            }
            int vintage = Cells.year(source, l, "vintage", cols.get(l, "vintage"), problems);
            String k = cols.get(l, "kind");
            InstrumentLedger.Kind kind = InstrumentLedger.Kind.parse(k).orElse(null);
            if (kind == null) {
                problems.add(Problem.at(
                        "ledger.kind",
                        source,
                        l.number(),
                        "kind",
                        "'" + k
                                + "' is not a movement: obligation, issue, allocate, transfer, surrender, retire, cancel"
                                + " or expire"));
            }
            double q = Cells.number(
                    source,
                    l,
                    "quantity",
                    cols.get(l, "quantity"),
                    -InstrumentLedger.MAX_QUANTITY,
                    InstrumentLedger.MAX_QUANTITY,
                    problems);
            long from = serial(source, l, "serial_from", cols.get(l, "serial_from"), problems);
            long to = serial(source, l, "serial_to", cols.get(l, "serial_to"), problems);
            if ((from > 0) != (to > 0)) {
                problems.add(Problem.at(
                        "ledger.serial",
                        source,
                        l.number(),
                        from > 0 ? "serial_to" : "serial_from",
                        "a serial range needs both serial_from and serial_to"));
            }
            if (problems.size() == before) {
                out.add(new Movement(date, account, instrument, vintage, kind, q, from, to, l.number()));
            }
        }
        return problems.isEmpty() ? new Read(out, List.of()) : new Read(List.of(), problems);
    }

    /** Books the movements into the ledger; the problems of the rows it refused, by row. */
    public static List<Problem> replay(String source, List<Movement> movements, InstrumentLedger into) {
        List<Problem> problems = new ArrayList<>();
        for (InstrumentLedger.Refused r : into.replay(movements)) {
            problems.add(Problem.at(r.code(), source, r.movement().row(), column(r.code()), r.reason()));
        }
        return problems;
    }

    private static String column(String code) {
        return switch (code) {
            case "ledger.vintage" -> "vintage";
            case "ledger.serial", "ledger.serial_twice", "ledger.serial_held", "ledger.serial_unknown" -> "serial_from";
            case "ledger.account" -> "account";
            case "ledger.instrument" -> "instrument";
            case "ledger.no_obligation" -> "kind";
            default -> "quantity";
        };
    }

    private static long serial(String source, Table.Line l, String column, String text, List<Problem> problems) {
        if (text.isEmpty()) {
            return 0;
        }
        if (!text.matches("[0-9]{1,18}") || Long.parseLong(text) == 0) {
            problems.add(Problem.at(
                    "ledger.serial",
                    source,
                    l.number(),
                    column,
                    "'" + text + "' is not a serial number: a whole number from 1, digits only"));
            return 0;
        }
        return Long.parseLong(text);
    }
}
