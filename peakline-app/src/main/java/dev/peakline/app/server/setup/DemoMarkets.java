package dev.peakline.app.server.setup;

import dev.peakline.app.server.markets.Allocations;
import dev.peakline.app.server.markets.CreditIssuance;
import dev.peakline.app.server.markets.EnergyRightQuotas;
import dev.peakline.markets.Instrument;
import dev.peakline.markets.InstrumentLedger.Kind;
import dev.peakline.markets.InstrumentLedger.Movement;
import dev.peakline.markets.PowerAllocation;
import dev.peakline.store.Database;
import dev.peakline.store.Tx;
import dev.peakline.store.markets.MarketRepository;
import dev.peakline.store.markets.ReductionProjectRepository;
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
    private final EnergyRightQuotas energy;
    private final ReductionProjectRepository projectRepository;
    private final CreditIssuance reductions;

    public DemoMarkets(
            Database db,
            MarketRepository markets,
            Allocations allocations,
            EnergyRightQuotas energy,
            ReductionProjectRepository projectRepository,
            CreditIssuance reductions) {
        this.db = db;
        this.markets = markets;
        this.allocations = allocations;
        this.energy = energy;
        this.projectRepository = projectRepository;
        this.reductions = reductions;
    }

    public boolean loaded() {
        return Tx.run(db, c -> Tx.count(c, "market_movement")) > 0;
    }

    /**
     * Loads the cycles the demo's years hold: power 2021–2022 (2020–2022 accounted), aluminium 2024, 用能权 2024
     * (2021–2024), the two projects (2024); the {@code own} enterprises (the demo users') are left out of all but the
     * power cycle, so that their accounts hold only what their users do.
     */
    public int load(int fromYear, int toYear, Set<String> own) {
        int n = power(fromYear, toYear, Set.of());
        n += aluminium(toYear, own);
        if (toYear >= 2024 && fromYear <= 2021) {
            energyRights();
        }
        if (toYear >= 2024) {
            projects(own);
        }
        return n;
    }

    private int power(int fromYear, int toYear, Set<String> without) {
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

    /** The 2024 cycle's days: the plan of November 2025 and its deadline. */
    static final LocalDate TRUE_UP_2024 = LocalDate.of(2025, 11, 28);

    static final LocalDate DEADLINE_2024 = LocalDate.of(2025, 12, 31);

    /**
     * The aluminium smelters' first cycle (2024, allocated at their verified emissions): each smelter with 2024
     * accounted in full gets one covered line whose verified emissions are its accounted direct emissions (combustion
     * and process), green certificates of 2024 (half its electricity's MWh share of 10 %, synthetic), retired for its
     * 2024 scope 2; every second smelter surrenders what is due, the others sell 5 % to the next and stay short.
     */
    private int aluminium(int toYear, Set<String> without) {
        if (toYear < 2024) {
            return 0;
        }
        List<Object[]> rows = Tx.run(
                db,
                c -> Tx.list(
                        c,
                        "select enterprise, sum(combustion_tco2 + process_tco2), sum(electricity_tco2), count(*) from"
                                + " account_result where current and industry = '3216' and period between '2024-01' and"
                                + " '2024-12' group by enterprise having count(*) = 12 order by enterprise",
                        rs -> new Object[] {rs.getString(1), rs.getDouble(2), rs.getDouble(3)}));
        List<Object[]> smelters =
                rows.stream().filter(r -> !without.contains((String) r[0])).toList();
        if (smelters.isEmpty()) {
            return 0;
        }
        for (Object[] r : smelters) {
            String line = r[0] + "-AL";
            markets.registerLine(
                    "demo",
                    new MarketRepository.IndustryLine(
                            line,
                            (String) r[0],
                            dev.peakline.markets.IndustryAllocation.Sector.ALUMINIUM,
                            "电解铝生产线",
                            false));
            markets.putLineYear(
                    "demo", new MarketRepository.LineYear(line, 2024, null, (double) Math.round((Double) r[1])));
        }
        long fin = allocations.preview("demo", "520000", 2024, "final");
        MarketRepository.Run run = markets.run(fin).orElseThrow();
        allocations.book("demo", run, DEADLINE_2024, TRUE_UP_2024);
        List<Allocations.EnterpriseLine> lines = allocations.enterprises(run, Map.of());
        List<MarketRepository.Booking> moves = new ArrayList<>();
        long serial = markets.lastSerial(Instrument.GEC);
        for (int i = 0; i < lines.size(); i++) {
            Allocations.EnterpriseLine e = lines.get(i);
            long due = e.dueT();
            long surrender = due;
            if (i % 2 == 1 && lines.size() > 1) {
                long sold = Math.round(0.05 * due);
                moves.add(new MarketRepository.Booking(
                        "520000",
                        new Movement(TRADE_2024, e.enterprise(), Instrument.CEA, 2024, Kind.TRANSFER, -sold, 0, 0, 1),
                        lines.get((i + 1) % lines.size()).enterprise(),
                        72.0,
                        "demo"));
                surrender = due - sold;
            }
            moves.add(new MarketRepository.Booking(
                    "520000",
                    new Movement(
                            SURRENDER_2024, e.enterprise(), Instrument.CEA, 2024, Kind.SURRENDER, surrender, 0, 0, 1),
                    null,
                    null,
                    "demo"));
            // green certificates: the electricity's tCO2 over the grid factor is its MWh; 10 % of it certified
            double electricityT = (Double) smelters.stream()
                    .filter(r -> r[0].equals(e.enterprise()))
                    .findFirst()
                    .orElseThrow()[2];
            long mwh = Math.round(electricityT / 0.5 * 0.10);
            if (mwh > 0) {
                // issued for June 2024's generation, retired for the smelter's 2024 scope 2
                moves.add(certificates(
                        LocalDate.of(2024, 7, 15),
                        e.enterprise(),
                        Kind.ISSUE,
                        mwh,
                        serial + 1,
                        "plant: 贵州威宁风电场; period: 2024-06"));
                moves.add(certificates(
                        LocalDate.of(2025, 3, 31), e.enterprise(), Kind.RETIRE, mwh, serial + 1, "scope2:2024"));
                serial += mwh;
            }
        }
        MarketRepository.Booked b = markets.book("demo", "market.demo", moves);
        if (!b.ok()) {
            throw new IllegalStateException("demo market: " + b.refused().get(0).reason());
        }
        return smelters.size();
    }

    private static MarketRepository.Booking certificates(
            LocalDate day, String account, Kind kind, long mwh, long first, String reference) {
        return new MarketRepository.Booking(
                "520000",
                new Movement(day, account, Instrument.GEC, 2024, kind, mwh, first, first + mwh - 1, 1),
                null,
                null,
                reference);
    }

    static final LocalDate TRADE_2024 = LocalDate.of(2025, 12, 10);
    static final LocalDate SURRENDER_2024 = LocalDate.of(2025, 12, 20);

    /**
     * 用能权 of 2024 for the province's key energy-using units by the historical rule (2021–2023, 3 % decline, paid at
     * 20 yuan/tce: synthetic), the obligations of 2024 once accounted (deadline 30 June 2025); seven in eight of the units
     * that consumed beyond their quota buy the rest from the government's reserve (40 yuan/tce), every unit surrenders
     * what it holds toward its obligation, and the eighth stay short.
     */
    private void energyRights() {
        try {
            energy.allocate(
                    "demo",
                    "520000",
                    new EnergyRightQuotas.Quotas(
                            2024,
                            dev.peakline.markets.EnergyRights.Rule.HISTORICAL,
                            List.of(2021, 2022, 2023),
                            0.03,
                            true,
                            20.0),
                    false,
                    LocalDate.of(2024, 3, 31));
            energy.obligations("demo", "520000", 2024, LocalDate.of(2025, 6, 30), LocalDate.of(2025, 4, 30));
        } catch (dev.peakline.problems.Refusal r) {
            return; // a demo without key energy-using units accounted 2021–2024 has no 用能权 cycle
        }
        dev.peakline.markets.InstrumentLedger l = markets.ledger();
        List<MarketRepository.Booking> moves = new ArrayList<>();
        int shortOnes = 0;
        for (dev.peakline.markets.InstrumentLedger.Obligation o : l.obligations()) {
            if (o.instrument() != Instrument.ENERGY_RIGHT || o.year() != 2024) {
                continue;
            }
            double held = l.balance(
                    o.account(), new dev.peakline.markets.InstrumentLedger.Lot(Instrument.ENERGY_RIGHT, 2024));
            double lacking = Math.round((o.due() - held) * 1000) / 1000.0;
            if (lacking > 0 && shortOnes++ % 8 != 0) {
                // seven in eight of those short buy the rest from the government's reserve (有偿, 40 yuan/tce)
                moves.add(new MarketRepository.Booking(
                        "520000",
                        new Movement(
                                LocalDate.of(2025, 6, 10),
                                o.account(),
                                Instrument.ENERGY_RIGHT,
                                2024,
                                Kind.ALLOCATE,
                                lacking,
                                0,
                                0,
                                1),
                        null,
                        40.0,
                        "energy_right:reserve"));
                held += lacking;
            }
            double give = Math.min(held, o.due());
            if (give > 0) {
                moves.add(new MarketRepository.Booking(
                        "520000",
                        new Movement(
                                LocalDate.of(2025, 6, 20),
                                o.account(),
                                Instrument.ENERGY_RIGHT,
                                2024,
                                Kind.SURRENDER,
                                Math.round(give * 1000) / 1000.0,
                                0,
                                0,
                                1),
                        null,
                        null,
                        "demo"));
            }
        }
        if (!moves.isEmpty()) {
            MarketRepository.Booked b = markets.book("demo", "market.demo", moves);
            if (!b.ok()) {
                throw new IllegalStateException(
                        "demo 用能权: " + b.refused().get(0).reason());
            }
        }
    }

    /**
     * Two voluntary projects with issued credits: an afforestation CCER project in 黔东南 owned by the first power
     * plant (5,000 ha, 8 m³/ha·yr, BCEF 0.65, R 0.24, CF 0.5: synthetic) and a karst sink provincial project in 安顺
     * (runoff 2.5 × 10⁸ m³/yr, HCO₃⁻ 220 mg/L: synthetic), each validated, monitored for 2023 and 2024, verified and
     * issued; the karst project's owner retires 1,000 t for 碳普惠.
     */
    private void projects(Set<String> own) {
        List<String> owners = Tx.run(
                        db,
                        c -> Tx.list(
                                c,
                                "select distinct enterprise from account_year where year = '2024' and months = 12 and"
                                        + " industry in ('4411', '3216') order by enterprise",
                                rs -> rs.getString(1)))
                .stream()
                .filter(e -> !own.contains(e))
                .limit(2)
                .toList();
        if (owners.size() < 2) {
            return;
        }
        project(
                new ReductionProjectRepository.Project(
                        "GZ-CCER-2021-001",
                        owners.get(0),
                        "黔东南州造林碳汇项目",
                        "CCER-14-001-V01",
                        "522600",
                        "黔东南州 剑河县、台江县",
                        LocalDate.of(2021, 1, 1),
                        LocalDate.of(2050, 12, 31),
                        "registered",
                        null,
                        null,
                        null,
                        null,
                        null),
                Map.of(
                        "area_ha", 5000.0,
                        "increment_m3_ha_yr", 8.0,
                        "bcef", 0.65,
                        "root_shoot", 0.24,
                        "carbon_fraction", 0.5,
                        "baseline_t", 1000.0),
                0);
        project(
                new ReductionProjectRepository.Project(
                        "GZ-PC-2022-001",
                        owners.get(1),
                        "普定岩溶碳汇项目",
                        "GZ-KARST-01",
                        "520400",
                        "安顺市 普定县 后寨河流域",
                        LocalDate.of(2022, 1, 1),
                        LocalDate.of(2041, 12, 31),
                        "registered",
                        null,
                        null,
                        null,
                        null,
                        null),
                Map.of("runoff_m3_yr", 2.5e8, "hco3_mg_l", 220.0),
                1000);
    }

    private void project(ReductionProjectRepository.Project p, Map<String, Double> inputs, long retire) {
        projectRepository.register("demo", p);
        projectRepository.validate("demo", p.id(), "demo: 审定通过");
        dev.peakline.markets.ReductionProjects.Methodology m = dev.peakline.markets.ReductionProjects.methodology(
                        p.methodology())
                .orElseThrow();
        ReductionProjectRepository.Project registered =
                projectRepository.project(p.id()).orElseThrow();
        for (int year : List.of(2023, 2024)) {
            LocalDate from = LocalDate.of(year, 1, 1);
            LocalDate to = LocalDate.of(year, 12, 31);
            // submitted the spring after, through the owner's checks and arithmetic
            CreditIssuance.Submitted r =
                    reductions.submit("demo", registered, from, to, inputs, LocalDate.of(year + 1, 3, 31));
            long id = r.id();
            projectRepository.verify("demo", id, r.reduction().credits(), "demo: 核查通过");
            reductions.issue(
                    "demo",
                    projectRepository.project(p.id()).orElseThrow(),
                    projectRepository.report(id).orElseThrow(),
                    LocalDate.of(year + 1, 6, 30));
        }
        if (retire > 0) {
            long first = projectRepository.reports(List.of(p.id())).get(0).serialFrom();
            MarketRepository.Booked b = markets.book(
                    "demo",
                    "market.retire",
                    List.of(new MarketRepository.Booking(
                            p.region(),
                            new Movement(
                                    LocalDate.of(2025, 9, 1),
                                    p.owner(),
                                    m.instrument(),
                                    2023,
                                    Kind.RETIRE,
                                    retire,
                                    first,
                                    first + retire - 1,
                                    1),
                            null,
                            null,
                            "inclusion:2025")));
            if (!b.ok()) {
                throw new IllegalStateException(
                        "demo retirement: " + b.refused().get(0).reason());
            }
        }
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
