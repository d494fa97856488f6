package dev.peakline.app.server.setup;

import dev.peakline.app.server.markets.Allocations;
import dev.peakline.markets.Instrument;
import dev.peakline.markets.InstrumentLedger.Kind;
import dev.peakline.markets.InstrumentLedger.Movement;
import dev.peakline.markets.PowerAllocation;
import dev.peakline.store.Database;
import dev.peakline.store.Tx;
import dev.peakline.store.markets.MarketRepository;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.springframework.stereotype.Component;

/**
 * The demo province's national ETS cycle 2021–2022 (issue 30), through the operator's path: each coal power plant of
 * the demo with three accounted years 2020–2022 gets one unit, its yearly supply taken from its accounted energy (the
 * demo burns 0.30 tce per MWh generated and uses 5 % itself: <b>synthetic</b>, like the demo's energy), its verified
 * emissions its accounted CO2; then the province pre-allocates and trues up 2021 and 2022 (dated as the cycle was: 31
 * March and 31 October 2023, deadline 31 December 2023). Two plants in three surrender what is due; every third sells
 * part of its allowances to the next plant (58 yuan a tonne) and surrenders only what it kept, so that it stays short
 * — overdue once the deadline is past.
 */
@Component
public class DemoMarkets {
    /** The cycle's days (the 2021–2022 plan's timetable; the deadline as its notice sets it). */
    static final LocalDate PRE = LocalDate.of(2023, 3, 31);

    static final LocalDate TRUE_UP = LocalDate.of(2023, 10, 31);
    static final LocalDate TRADE = LocalDate.of(2023, 11, 15);
    static final LocalDate SURRENDER = LocalDate.of(2023, 11, 30);
    static final LocalDate DEADLINE = LocalDate.of(2023, 12, 31);

    private final Database db;
    private final MarketRepository markets;
    private final Allocations allocations;

    public DemoMarkets(Database db, MarketRepository markets, Allocations allocations) {
        this.db = db;
        this.markets = markets;
        this.allocations = allocations;
    }

    public boolean loaded() {
        return Tx.run(db, c -> Tx.count(c, "ets_unit")) > 0;
    }

    /** Loads the cycle when the demo's years hold 2020–2022; the enterprises {@code without} are left out. */
    public int load(int fromYear, int toYear, Set<String> without) {
        if (fromYear > 2020 || toYear < 2022) {
            return 0;
        }
        Map<String, Map<Integer, double[]>> plants = new TreeMap<>();
        List<Object[]> rows = Tx.run(
                db,
                c -> Tx.list(
                        c,
                        "select enterprise, year::int, energy, total from account_year where industry = '4411' and year in"
                                + " ('2020', '2021', '2022') and months = 12 order by enterprise, year",
                        rs -> new Object[] {
                            rs.getString(1), rs.getInt(2), new double[] {rs.getDouble(3), rs.getDouble(4)}
                        }));
        for (Object[] r : rows) {
            plants.computeIfAbsent((String) r[0], k -> new TreeMap<>()).put((Integer) r[1], (double[]) r[2]);
        }
        List<String> codes = new ArrayList<>();
        plants.forEach((code, years) -> {
            if (years.size() == 3 && !without.contains(code)) {
                codes.add(code);
            }
        });
        int n = 0;
        for (String code : codes) {
            String unit = code + "-1";
            markets.registerUnit(
                    "demo",
                    new MarketRepository.Unit(
                            unit, code, "1号机组", PowerAllocation.FuelClass.COAL_300PLUS, n % 3 == 1, 600.0));
            for (Map.Entry<Integer, double[]> y : plants.get(code).entrySet()) {
                double supply = Math.round(y.getValue()[0] / 0.30 * 0.95);
                markets.putUnitYear(
                        "demo", new MarketRepository.UnitYear(unit, y.getKey(), supply, 0, 0, 4_500.0 / 8_760, (double)
                                Math.round(y.getValue()[1])));
            }
            n++;
        }
        if (codes.isEmpty()) {
            return 0;
        }
        for (int year : List.of(2021, 2022)) {
            long pre = allocations.preview("demo", "520000", year, "pre");
            allocations.book("demo", markets.run(pre).orElseThrow(), null, PRE);
            long fin = allocations.preview("demo", "520000", year, "final");
            MarketRepository.Run run = markets.run(fin).orElseThrow();
            allocations.book("demo", run, DEADLINE, TRUE_UP);
            List<Allocations.EnterpriseLine> lines = allocations.enterprises(run, units(run));
            for (int i = 0; i < lines.size(); i++) {
                Allocations.EnterpriseLine e = lines.get(i);
                long held = e.allocationT();
                long surrender = Math.min(held, e.dueT());
                if (i % 3 == 2 && year == 2022 && lines.size() > 1) {
                    // sells all but 90 % of what is due to the next plant, then surrenders what it kept
                    long keep = Math.min(held, Math.round(0.9 * e.dueT()));
                    String buyer = lines.get((i + 1) % lines.size()).enterprise();
                    book(
                            "market.transfer",
                            new Movement(
                                    TRADE,
                                    e.enterprise(),
                                    Instrument.CEA,
                                    year,
                                    Kind.TRANSFER,
                                    -(held - keep),
                                    0,
                                    0,
                                    1),
                            buyer,
                            58.0);
                    surrender = keep;
                }
                if (surrender > 0) {
                    book(
                            "market.surrender",
                            new Movement(
                                    SURRENDER,
                                    e.enterprise(),
                                    Instrument.CEA,
                                    year,
                                    Kind.SURRENDER,
                                    surrender,
                                    0,
                                    0,
                                    1),
                            null,
                            null);
                }
            }
        }
        return codes.size();
    }

    private Map<String, MarketRepository.Unit> units(MarketRepository.Run run) {
        Map<String, MarketRepository.Unit> out = new java.util.HashMap<>();
        markets.units(run.lines().stream()
                        .map(MarketRepository.Line::enterprise)
                        .distinct()
                        .toList())
                .forEach(u -> out.put(u.unitId(), u));
        return out;
    }

    private void book(String action, Movement m, String counterparty, Double price) {
        MarketRepository.Booked b = markets.book(
                "demo", action, List.of(new MarketRepository.Booking("520000", m, counterparty, price, "demo")));
        if (!b.ok()) {
            throw new IllegalStateException("demo market: " + b.refused().get(0).reason());
        }
    }
}
