package dev.peakline.app.server.markets;

import dev.peakline.app.server.security.Scopes;
import dev.peakline.markets.IndustryAllocation;
import dev.peakline.markets.Instrument;
import dev.peakline.markets.InstrumentLedger;
import dev.peakline.markets.InstrumentLedger.Kind;
import dev.peakline.markets.InstrumentLedger.Movement;
import dev.peakline.markets.PowerAllocation;
import dev.peakline.problems.ErrorCode;
import dev.peakline.problems.Problem;
import dev.peakline.problems.Refusal;
import dev.peakline.store.markets.MarketRepository;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.springframework.stereotype.Component;

/**
 * Allocation runs of the national ETS's power units: a preview computed by core's {@link PowerAllocation} for every
 * unit of a region not yet allocated that year and stage (pre-allocation on last year's output; the true-up on the
 * year's own, less what was pre-allocated, with each enterprise's obligation), stored with each unit's arithmetic; then
 * issued into the registry's ledger. The operator's API and the demo both run allocations through here.
 */
@Component
public class Allocations {
    private final Scopes scopes;
    private final MarketRepository repository;
    private final Clock clock;

    public Allocations(Scopes scopes, MarketRepository repository, Clock clock) {
        this.scopes = scopes;
        this.repository = repository;
        this.clock = clock;
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(dev.peakline.domain.ChinaTime.ZONE));
    }

    private static String whole(long t) {
        return String.format(java.util.Locale.ROOT, "%,d", t);
    }

    /** Previews a run of the region's units for the year and stage ("pre" or "final"); its id, or a refusal. */
    public long preview(String actor, String region, int year, String stageGiven) {
        String stage = stageGiven == null ? "" : stageGiven;
        if (!stage.equals("pre") && !stage.equals("final")) {
            throw Refusal.field(ErrorCode.MARKET_INVALID, "stage", "the stage is pre (预分配) or final (核定与清缴)");
        }
        Optional<PowerAllocation.Rules> rules = PowerAllocation.rules(year);
        boolean industryYear = year >= IndustryAllocation.FIRST_YEAR && year <= IndustryAllocation.LAST_YEAR;
        if (rules.isEmpty() && !industryYear) {
            throw Refusal.field(
                    ErrorCode.MARKET_INVALID,
                    "year",
                    "no allocation rules are shipped for " + year + " (power units: " + PowerAllocation.ruleYears()
                            + "; cement clinker, steel and aluminium lines: " + IndustryAllocation.FIRST_YEAR + "–"
                            + IndustryAllocation.LAST_YEAR + ")");
        }
        Map<String, MarketRepository.Line> done = repository.issuedLines(year, stage);
        Map<String, MarketRepository.Line> pre = repository.issuedLines(year, "pre");
        List<String> enterprises = scopes.enterprisesIn(region);
        List<MarketRepository.Unit> all = rules.isPresent() ? repository.units(enterprises) : List.of();
        List<MarketRepository.IndustryLine> allLines = industryYear ? repository.lines(enterprises) : List.of();
        if (all.isEmpty() && allLines.isEmpty()) {
            throw Refusal.field(
                    ErrorCode.MARKET_INVALID,
                    "region",
                    "the region has no registered "
                            + (rules.isPresent() ? "power units" : "cement clinker, steel or aluminium lines")
                            + " to allocate for " + year);
        }
        // a unit or line is allocated once a year and stage: those of an issued run are left out
        List<MarketRepository.Unit> units =
                all.stream().filter(u -> !done.containsKey(u.unitId())).toList();
        List<MarketRepository.IndustryLine> industry =
                allLines.stream().filter(l -> !done.containsKey(l.lineId())).toList();
        if (units.isEmpty() && industry.isEmpty()) {
            throw Refusal.field(
                    ErrorCode.MARKET_INVALID,
                    "stage",
                    "every unit and line of the region has its " + stage + " allocation of " + year
                            + " issued already");
        }
        int outputYear = stage.equals("pre") ? year - 1 : year;
        Map<String, MarketRepository.UnitYear> output = new HashMap<>();
        repository
                .unitYears(units.stream().map(MarketRepository.Unit::unitId).toList(), outputYear)
                .forEach(y -> output.put(y.unitId(), y));
        Map<String, Long> preBy = new HashMap<>();
        pre.forEach((unit, l) -> preBy.put(unit, l.allocationT()));
        List<Problem> p = new ArrayList<>();
        List<MarketRepository.Line> lines = new ArrayList<>();
        for (MarketRepository.Unit u : units) {
            MarketRepository.UnitYear y = output.get(u.unitId());
            Optional<PowerAllocation.Benchmark> b = PowerAllocation.benchmark(year, u.fuel());
            if (y == null) {
                p.add(Problem.at(
                        "market.output",
                        "units",
                        0,
                        u.unitId(),
                        "unit " + u.unitId() + " has no output recorded for " + outputYear));
                continue;
            }
            if (b.isEmpty()) {
                p.add(Problem.at(
                        "allocation.benchmark",
                        "units",
                        0,
                        u.unitId(),
                        "no " + u.fuel().code() + " benchmark for " + year));
                continue;
            }
            if (stage.equals("final") && !preBy.containsKey(u.unitId())) {
                p.add(Problem.at(
                        "market.pre",
                        "units",
                        0,
                        u.unitId(),
                        "unit " + u.unitId() + " has no pre-allocation of " + year
                                + " issued: issue it before the true-up"));
                continue;
            }
            if (stage.equals("final") && y.verifiedT() == null) {
                p.add(Problem.at(
                        "market.verified",
                        "units",
                        0,
                        u.unitId(),
                        "unit " + u.unitId() + " has no verified emissions for " + year));
                continue;
            }
            PowerAllocation.Unit pu = new PowerAllocation.Unit(
                    u.unitId(),
                    year,
                    y.supplyMwh(),
                    y.heatGj(),
                    u.airCooled(),
                    y.heatRatio(),
                    y.loadFactor(),
                    u.fuel());
            PowerAllocation.Allocation a = PowerAllocation.allocate(pu, b.get(), rules.get());
            long allocation =
                    stage.equals("pre") ? PowerAllocation.preAllocation(pu, b.get(), rules.get()) : a.allocation();
            List<String> explain = new ArrayList<>(a.lines());
            if (stage.equals("pre")) {
                explain.add(
                        0,
                        "预分配：以 " + outputYear + " 年产出按 " + year + " 年基准值核算，乘以预分配比例 "
                                + Math.round(rules.get().preShare() * 100) + "%");
                explain.add("预分配量 = " + Math.round(rules.get().preShare() * 100) + "% × " + whole(a.allocation())
                        + " = " + whole(allocation) + " tCO2");
            }
            long booked = stage.equals("pre")
                    ? allocation
                    : PowerAllocation.trueUp(allocation, preBy.getOrDefault(u.unitId(), 0L));
            if (stage.equals("final")) {
                explain.add("核定配额 " + whole(allocation) + " − 已预分配 " + whole(preBy.getOrDefault(u.unitId(), 0L))
                        + " = 本次" + (booked >= 0 ? "补发 " + whole(booked) : "扣减 " + whole(-booked)) + " tCO2");
            }
            lines.add(new MarketRepository.Line(
                    u.unitId(),
                    u.enterprise(),
                    a.electricity(),
                    a.heat(),
                    allocation,
                    booked,
                    stage.equals("final") ? y.verifiedT() : null,
                    null,
                    String.join("\n", explain)));
        }
        industryLines(year, stage, industry, preBy, p, lines);
        if (!p.isEmpty()) {
            throw Refusal.of(
                    ErrorCode.MARKET_INVALID,
                    p.size() + " unit(s) or line(s) cannot be allocated; nothing was stored",
                    p);
        }
        return repository.preview(actor, region, year, stage, lines);
    }

    /** The lines of the sectors covered from 2024, by core's {@link IndustryAllocation}, into the run's lines. */
    private void industryLines(
            int year,
            String stage,
            List<MarketRepository.IndustryLine> industry,
            Map<String, Long> preBy,
            List<Problem> p,
            List<MarketRepository.Line> lines) {
        if (industry.isEmpty()) {
            return;
        }
        List<String> ids =
                industry.stream().map(MarketRepository.IndustryLine::lineId).toList();
        Map<String, MarketRepository.LineYear> now = new HashMap<>();
        Map<String, MarketRepository.LineYear> before = new HashMap<>();
        repository.lineYears(ids, year).forEach(y -> now.put(y.lineId(), y));
        repository.lineYears(ids, year - 1).forEach(y -> before.put(y.lineId(), y));
        for (MarketRepository.IndustryLine l : industry) {
            Double verified = now.containsKey(l.lineId()) ? now.get(l.lineId()).verifiedT() : null;
            Double prior =
                    before.containsKey(l.lineId()) ? before.get(l.lineId()).verifiedT() : null;
            IndustryAllocation.Outcome o = IndustryAllocation.allocate(
                    new IndustryAllocation.Line(l.lineId(), year, l.sector(), l.atVerified(), verified, prior), stage);
            if (!o.ok()) {
                p.add(Problem.at(o.code(), "lines", 0, l.lineId(), l.lineId() + ": " + o.refusal()));
                continue;
            }
            boolean hasPre = year > IndustryAllocation.FIRST_YEAR;
            if (stage.equals("final") && hasPre && !preBy.containsKey(l.lineId())) {
                p.add(Problem.at(
                        "market.pre",
                        "lines",
                        0,
                        l.lineId(),
                        "line " + l.lineId() + " has no pre-allocation of " + year
                                + " issued: issue it before the true-up"));
                continue;
            }
            long allocation = o.allocationT();
            List<String> explain = new ArrayList<>(o.explanation());
            long booked = allocation;
            if (stage.equals("final")) {
                long preT = preBy.getOrDefault(l.lineId(), 0L);
                booked = PowerAllocation.trueUp(allocation, preT);
                explain.add("核定配额 " + whole(allocation) + " − 已预分配 " + whole(preT) + " = 本次"
                        + (booked >= 0 ? "发放 " + whole(booked) : "扣减 " + whole(-booked)) + " tCO2");
            }
            lines.add(new MarketRepository.Line(
                    l.lineId(),
                    l.enterprise(),
                    0,
                    0,
                    allocation,
                    booked,
                    stage.equals("final") ? verified : null,
                    null,
                    String.join("\n", explain)));
        }
    }

    /** Each enterprise of a run: what is booked, the allocation, and at the true-up the verified emissions and due. */
    public record EnterpriseLine(
            String enterprise, String name, long allocationT, long bookedT, Double verifiedT, Long dueT) {}

    /** A run with each unit's line and arithmetic and each enterprise's sums. */
    public Map<String, Object> view(MarketRepository.Run r) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put(
                "run",
                new MarketRepository.Run(
                        r.id(),
                        r.region(),
                        r.year(),
                        r.stage(),
                        r.status(),
                        r.createdBy(),
                        r.createdAt(),
                        r.issuedBy(),
                        r.issuedAt(),
                        List.of()));
        Map<String, MarketRepository.Unit> units = new HashMap<>();
        repository
                .units(r.lines().stream()
                        .map(MarketRepository.Line::enterprise)
                        .distinct()
                        .toList())
                .forEach(u -> units.put(u.unitId(), u));
        Map<String, MarketRepository.IndustryLine> industry = industry(r);
        List<Map<String, Object>> lines = new ArrayList<>();
        for (MarketRepository.Line l : r.lines()) {
            Map<String, Object> m = new LinkedHashMap<>();
            MarketRepository.Unit u = units.get(l.unitId());
            MarketRepository.IndustryLine il = industry.get(l.unitId());
            m.put("unitId", l.unitId());
            m.put("unitName", u != null ? u.name() : il != null ? il.name() : "");
            m.put(
                    "fuelClassName",
                    u != null ? u.fuel().chinese() : il != null ? il.sector().chinese() : "");
            m.put("enterprise", l.enterprise());
            m.put("electricityT", l.electricityT());
            m.put("heatT", l.heatT());
            m.put("allocationT", l.allocationT());
            m.put("bookedT", l.bookedT());
            m.put("verifiedT", l.verifiedT());
            m.put("explanation", List.of(l.explanation().split("\n")));
            lines.add(m);
        }
        out.put("lines", lines);
        out.put("enterprises", enterprises(r, units));
        out.put("rules", PowerAllocation.rules(r.year()).orElse(null));
        out.put("industryRules", industry.isEmpty() ? null : IndustryAllocation.SOURCE);
        return out;
    }

    /** The run's lines of the sectors covered from 2024, by id. */
    private Map<String, MarketRepository.IndustryLine> industry(MarketRepository.Run r) {
        Map<String, MarketRepository.IndustryLine> out = new HashMap<>();
        repository
                .lines(r.lines().stream()
                        .map(MarketRepository.Line::enterprise)
                        .distinct()
                        .toList())
                .forEach(l -> out.put(l.lineId(), l));
        return out;
    }

    public List<EnterpriseLine> enterprises(MarketRepository.Run r, Map<String, MarketRepository.Unit> units) {
        Map<String, List<MarketRepository.Line>> by = new TreeMap<>();
        r.lines()
                .forEach(l -> by.computeIfAbsent(l.enterprise(), k -> new ArrayList<>())
                        .add(l));
        Optional<PowerAllocation.Rules> rules = PowerAllocation.rules(r.year());
        Map<String, MarketRepository.IndustryLine> industry = industry(r);
        List<EnterpriseLine> out = new ArrayList<>();
        by.forEach((code, ls) -> {
            long allocation =
                    ls.stream().mapToLong(MarketRepository.Line::allocationT).sum();
            long booked = ls.stream().mapToLong(MarketRepository.Line::bookedT).sum();
            Double verified = null;
            Long due = null;
            if (r.stage().equals("final")) {
                verified = ls.stream()
                        .mapToDouble(MarketRepository.Line::verifiedT)
                        .sum();
                // power units by the year's plan (gas exemption, gap cap); the sectors from 2024 surrender what
                // they emitted
                List<PowerAllocation.UnitYear> power = ls.stream()
                        .filter(l -> !industry.containsKey(l.unitId()))
                        .map(l -> new PowerAllocation.UnitYear(
                                l.verifiedT(),
                                l.allocationT(),
                                units.get(l.unitId()) != null
                                        && units.get(l.unitId()).fuel() == PowerAllocation.FuelClass.GAS))
                        .toList();
                due = (power.isEmpty() ? 0 : PowerAllocation.due(power, rules.orElseThrow()))
                        + ls.stream()
                                .filter(l -> industry.containsKey(l.unitId()))
                                .mapToLong(l -> IndustryAllocation.due(l.verifiedT()))
                                .sum();
            }
            out.add(new EnterpriseLine(code, scopes.enterprise(code).name(), allocation, booked, verified, due));
        });
        return out;
    }

    /** Issues a previewed run (the true-up with its surrender deadline): what was booked, or a refusal. */
    public Map<String, Object> issue(String actor, MarketRepository.Run r, LocalDate deadline) {
        if (r.stage().equals("final")) {
            if (deadline == null || deadline.isBefore(today()) || deadline.isAfter(today().plusYears(3))) {
                throw Refusal.field(
                        ErrorCode.MARKET_INVALID,
                        "deadline",
                        "the true-up sets the surrender deadline (清缴截止日期): a date from today to three years ahead");
            }
        }
        return book(actor, r, deadline, today());
    }

    /**
     * Books a previewed run on {@code day} with the obligations' deadline, unchecked: the demo replays a past cycle
     * through here (its days and deadline those of the cycle).
     */
    public Map<String, Object> book(String actor, MarketRepository.Run r, LocalDate deadline, LocalDate day) {
        Map<String, MarketRepository.Unit> units = new HashMap<>();
        repository
                .units(r.lines().stream()
                        .map(MarketRepository.Line::enterprise)
                        .distinct()
                        .toList())
                .forEach(u -> units.put(u.unitId(), u));
        List<MarketRepository.Booking> bookings = new ArrayList<>();
        int row = 0;
        long total = 0;
        for (EnterpriseLine e : enterprises(r, units)) {
            if (e.bookedT() != 0) {
                bookings.add(new MarketRepository.Booking(
                        r.region(),
                        new Movement(
                                day,
                                e.enterprise(),
                                Instrument.CEA,
                                r.year(),
                                e.bookedT() > 0 ? Kind.ALLOCATE : Kind.CANCEL,
                                Math.abs(e.bookedT()),
                                0,
                                0,
                                ++row),
                        null,
                        null,
                        "allocation_run:" + r.id()));
                total += e.bookedT();
            }
            if (e.dueT() != null && e.dueT() > 0) {
                bookings.add(new MarketRepository.Booking(
                        r.region(),
                        new Movement(
                                day, e.enterprise(), Instrument.CEA, r.year(), Kind.OBLIGATION, e.dueT(), 0, 0, ++row),
                        null,
                        null,
                        "allocation_run:" + r.id(),
                        deadline));
            }
        }
        MarketRepository.Booked b = repository.issue(actor, r.id(), bookings, day);
        if (b == null) {
            throw Refusal.of(
                    ErrorCode.MARKET_INVALID, "the run is issued already, or another of its year and stage is");
        }
        refuseIf(b);
        return Map.of("issued", r.id(), "enterprises", enterprises(r, units).size(), "bookedT", total);
    }

    static void refuseIf(MarketRepository.Booked b) {
        if (!b.ok()) {
            List<Problem> p = new ArrayList<>();
            for (InstrumentLedger.Refused x : b.refused()) {
                p.add(Problem.at(x.code(), "request", x.movement().row(), "quantity", x.reason()));
            }
            throw Refusal.of(ErrorCode.MARKET_INVALID, p.size() + " movement(s) refused; nothing was stored", p);
        }
    }
}
