package dev.peakline.app.server.markets;

import dev.peakline.app.server.security.PeaklineUser;
import dev.peakline.app.server.security.Scopes;
import dev.peakline.domain.CreditCode;
import dev.peakline.domain.Enterprise;
import dev.peakline.io.markets.PowerUnitReader;
import dev.peakline.markets.Compliance;
import dev.peakline.markets.Instrument;
import dev.peakline.markets.InstrumentLedger;
import dev.peakline.markets.InstrumentLedger.Kind;
import dev.peakline.markets.InstrumentLedger.Movement;
import dev.peakline.markets.PowerAllocation;
import dev.peakline.problems.ErrorCode;
import dev.peakline.problems.Problem;
import dev.peakline.problems.Refusal;
import dev.peakline.store.markets.MarketRepository;
import dev.peakline.store.users.UserRepository.Role;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Carbon markets and compliance (issue 30): the national ETS's power units and their output, the operator's allocation
 * runs (preview, issue; pre-allocation, then the true-up with each enterprise's obligation), each enterprise's 履约 view
 * (obligations, holdings, what it must buy or may sell, the deadline) with surrender and transfer, and the region's
 * overview with those short first. Every figure comes from core's {@link PowerAllocation}, {@link InstrumentLedger}
 * and {@link Compliance}, the same as {@code ./peakline allocate} and {@code ./peakline compliance}.
 */
@RestController
@RequestMapping("/api/v1/markets")
@Tag(name = "markets", description = "碳排放权交易：机组、配额分配、履约清缴、转让")
public class MarketApi {
    private final Scopes scopes;
    private final MarketRepository repository;
    private final Clock clock;

    private final Allocations allocations;
    private final dev.peakline.store.ledger.AccountResults results;
    private final dev.peakline.reference.ReferenceLibrary library;
    private final MarketScope2 marketScope2;

    public MarketApi(
            Scopes scopes,
            MarketRepository repository,
            Allocations allocations,
            dev.peakline.store.ledger.AccountResults results,
            dev.peakline.reference.ReferenceLibrary library,
            MarketScope2 marketScope2,
            Clock clock) {
        this.marketScope2 = marketScope2;
        this.scopes = scopes;
        this.repository = repository;
        this.allocations = allocations;
        this.results = results;
        this.library = library;
        this.clock = clock;
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(dev.peakline.domain.ChinaTime.ZONE));
    }

    // ---- units

    public record UnitForm(
            String unitId, String enterprise, String name, String fuelClass, String cooling, Double capacityMw) {}

    public record UnitYearForm(
            Double supplyMwh, Double heatGj, Double heatRatio, Double loadFactor, Double verifiedT) {}

    @GetMapping("/{region}/units")
    @Operation(summary = "The region's ETS power units with the year's output and verified emissions")
    public List<Map<String, Object>> units(
            @AuthenticationPrincipal PeaklineUser me, @PathVariable String region, @RequestParam int year) {
        scopes.readRegion(me, region);
        List<String> codes = visible(me, region);
        List<MarketRepository.Unit> units = repository.units(codes);
        Map<String, MarketRepository.UnitYear> years = new HashMap<>();
        repository
                .unitYears(units.stream().map(MarketRepository.Unit::unitId).toList(), year)
                .forEach(y -> years.put(y.unitId(), y));
        List<Map<String, Object>> out = new ArrayList<>();
        for (MarketRepository.Unit u : units) {
            Map<String, Object> m = unitMap(u);
            m.put("year", years.get(u.unitId()));
            out.add(m);
        }
        return out;
    }

    private Map<String, Object> unitMap(MarketRepository.Unit u) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("unitId", u.unitId());
        m.put("enterprise", u.enterprise());
        m.put("enterpriseName", scopes.enterprise(u.enterprise()).name());
        m.put("name", u.name());
        m.put("fuelClass", u.fuel().code());
        m.put("fuelClassName", u.fuel().chinese());
        m.put("airCooled", u.airCooled());
        m.put("capacityMw", u.capacityMw());
        return m;
    }

    private List<String> visible(PeaklineUser me, String region) {
        return scopes.visibleIn(me, region);
    }

    @PostMapping("/units")
    @Operation(summary = "Registers a power unit of an enterprise (the enterprise, its region's government); audited")
    public ResponseEntity<Map<String, Object>> registerUnit(
            @AuthenticationPrincipal PeaklineUser me, @RequestBody UnitForm f) {
        if (f == null || f.enterprise() == null) {
            throw Refusal.field(
                    ErrorCode.MARKET_INVALID, "enterprise", "the unit's enterprise (credit code) is needed");
        }
        scopes.register(me, f.enterprise());
        List<Problem> p = new ArrayList<>();
        if (f.unitId() == null || !f.unitId().matches("[A-Za-z0-9_.-]{1,32}")) {
            p.add(field("unitId", "the unit number: 1–32 letters, digits, _ . -"));
        }
        Optional<PowerAllocation.FuelClass> fuel = PowerAllocation.FuelClass.parse(f.fuelClass());
        if (fuel.isEmpty()) {
            p.add(field(
                    "fuelClass", "'" + f.fuelClass() + "' is not a unit class: " + PowerAllocation.FuelClass.codes()));
        }
        Boolean air = f.cooling() == null
                ? null
                : switch (f.cooling().strip().toLowerCase(java.util.Locale.ROOT)) {
                    case "air", "空冷" -> true;
                    case "water", "水冷" -> false;
                    default -> null;
                };
        if (air == null) {
            p.add(field("cooling", "the cooling: water (水冷) or air (空冷)"));
        }
        if (f.capacityMw() != null && !(f.capacityMw() > 0 && f.capacityMw() <= 2000)) {
            p.add(field("capacityMw", "a unit's capacity is above 0 and at most 2,000 MW"));
        }
        if (!p.isEmpty()) {
            throw Refusal.of(ErrorCode.MARKET_INVALID, p.size() + " problem(s); nothing was stored", p);
        }
        if (!repository.registerUnit(
                me.actor(),
                new MarketRepository.Unit(
                        f.unitId(),
                        f.enterprise(),
                        f.name() == null ? "" : f.name().strip(),
                        fuel.get(),
                        air,
                        f.capacityMw()))) {
            throw Refusal.of(
                    ErrorCode.MARKET_INVALID,
                    "unit " + f.unitId() + " is another enterprise's",
                    List.of(field("unitId", "unit " + f.unitId() + " is registered to another enterprise")));
        }
        return ResponseEntity.status(HttpStatus.CREATED).body(Map.of("unitId", f.unitId()));
    }

    @PutMapping("/units/{unitId}/years/{year}")
    @Operation(summary = "Records a unit's year: supply, heat, heat ratio, load factor, verified emissions; audited")
    public Map<String, Object> putYear(
            @AuthenticationPrincipal PeaklineUser me,
            @PathVariable String unitId,
            @PathVariable int year,
            @RequestBody UnitYearForm f) {
        MarketRepository.Unit u = unit(unitId);
        scopes.register(me, u.enterprise());
        List<Problem> p = new ArrayList<>();
        if (!dev.peakline.domain.DateWindow.contains(year) || year > today().getYear()) {
            p.add(field("year", "a year that has begun, from " + dev.peakline.domain.DateWindow.FIRST_YEAR));
        }
        range(p, "supplyMwh", f.supplyMwh(), 0, PowerUnitReader.MAX_SUPPLY_MWH, true);
        range(p, "heatGj", f.heatGj(), 0, PowerUnitReader.MAX_HEAT_GJ, true);
        range(p, "heatRatio", f.heatRatio(), 0, 1, true);
        range(p, "loadFactor", f.loadFactor(), 1e-9, 1, true);
        range(p, "verifiedT", f.verifiedT(), 0, 1e9, false);
        if (!p.isEmpty()) {
            throw Refusal.of(ErrorCode.MARKET_INVALID, p.size() + " problem(s); nothing was stored", p);
        }
        repository.putUnitYear(
                me.actor(),
                new MarketRepository.UnitYear(
                        unitId, year, f.supplyMwh(), f.heatGj(), f.heatRatio(), f.loadFactor(), f.verifiedT()));
        return Map.of("unitId", unitId, "year", year);
    }

    // ---- who the national ETS covers

    @GetMapping("/{region}/coverage")
    @Operation(
            summary =
                    "The region's enterprises the national ETS covers in a year (its sectors, 26,000 tCO2e), with whether"
                            + " their units or lines are registered")
    public List<Map<String, Object>> coverage(
            @AuthenticationPrincipal PeaklineUser me, @PathVariable String region, @RequestParam int year) {
        scopes.readRegion(me, region);
        dev.peakline.app.server.web.Requests.checkSpan(year, null);
        java.util.Set<String> visible = new java.util.HashSet<>(visible(me, region));
        List<dev.peakline.store.ledger.AccountResults.Total> totals =
                results.totalsIn(scopes.subtree(region), year).stream()
                        .filter(t -> visible.contains(t.enterprise())
                                && dev.peakline.markets.EtsCoverage.sector(t.industry(), year)
                                        .isPresent())
                        .toList();
        List<String> codes = totals.stream()
                .map(dev.peakline.store.ledger.AccountResults.Total::enterprise)
                .toList();
        java.util.Set<String> registered = new java.util.HashSet<>();
        repository.units(codes).forEach(u -> registered.add(u.enterprise()));
        repository.lines(codes).forEach(l -> registered.add(l.enterprise()));
        List<Map<String, Object>> out = new ArrayList<>();
        for (dev.peakline.store.ledger.AccountResults.Total t : totals) {
            boolean covered = dev.peakline.markets.EtsCoverage.covered(t.industry(), year, t.totalT());
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("enterprise", t.enterprise());
            m.put("name", scopes.enterprise(t.enterprise()).name());
            m.put("region", scopes.enterprise(t.enterprise()).region().value());
            m.put("industry", t.industry());
            m.put(
                    "sector",
                    dev.peakline.markets.EtsCoverage.sector(t.industry(), year)
                            .orElseThrow()
                            .sector());
            m.put("emissionsT", t.totalT());
            m.put("months", t.months());
            m.put("covered", covered);
            m.put("registered", registered.contains(t.enterprise()));
            out.add(m);
        }
        // those covered but not registered first: the operator's work
        out.sort(Comparator.<Map<String, Object>>comparingInt(
                        m -> Boolean.TRUE.equals(m.get("covered")) && !Boolean.TRUE.equals(m.get("registered"))
                                ? 0
                                : Boolean.TRUE.equals(m.get("covered")) ? 1 : 2)
                .thenComparing(m -> -(Double) m.get("emissionsT")));
        return out;
    }

    // ---- lines of the sectors covered from 2024

    public record LineForm(String lineId, String enterprise, String sector, String name, Boolean atVerified) {}

    public record LineYearForm(Double outputT, Double verifiedT) {}

    @GetMapping("/{region}/lines")
    @Operation(
            summary =
                    "The region's covered cement clinker, steel and aluminium lines with the year's verified emissions")
    public List<Map<String, Object>> lines(
            @AuthenticationPrincipal PeaklineUser me, @PathVariable String region, @RequestParam int year) {
        scopes.readRegion(me, region);
        List<MarketRepository.IndustryLine> lines = repository.lines(visible(me, region));
        Map<String, MarketRepository.LineYear> years = new HashMap<>();
        repository
                .lineYears(
                        lines.stream()
                                .map(MarketRepository.IndustryLine::lineId)
                                .toList(),
                        year)
                .forEach(y -> years.put(y.lineId(), y));
        List<Map<String, Object>> out = new ArrayList<>();
        for (MarketRepository.IndustryLine l : lines) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("lineId", l.lineId());
            m.put("enterprise", l.enterprise());
            m.put("enterpriseName", scopes.enterprise(l.enterprise()).name());
            m.put("name", l.name());
            m.put("sector", l.sector().code());
            m.put("sectorName", l.sector().chinese());
            m.put("atVerified", l.atVerified());
            m.put("year", years.get(l.lineId()));
            out.add(m);
        }
        return out;
    }

    @PostMapping("/lines")
    @Operation(
            summary = "Registers a covered line (生产线、工序) of a cement clinker, steel or aluminium enterprise (the"
                    + " enterprise, its region's government); audited")
    public ResponseEntity<Map<String, Object>> registerLine(
            @AuthenticationPrincipal PeaklineUser me, @RequestBody LineForm f) {
        if (f == null || f.enterprise() == null) {
            throw Refusal.field(
                    ErrorCode.MARKET_INVALID, "enterprise", "the line's enterprise (credit code) is needed");
        }
        scopes.register(me, f.enterprise());
        List<Problem> p = new ArrayList<>();
        if (f.lineId() == null || !f.lineId().matches("[A-Za-z0-9_.-]{1,32}")) {
            p.add(field("lineId", "the line number: 1–32 letters, digits, _ . -"));
        }
        Optional<dev.peakline.markets.IndustryAllocation.Sector> sector =
                dev.peakline.markets.IndustryAllocation.Sector.parse(f.sector());
        if (sector.isEmpty()) {
            p.add(Problem.at(
                    "allocation.sector",
                    "request",
                    0,
                    "sector",
                    "'" + f.sector() + "' is not a sector: cement_clinker (水泥熟料生产), steel (钢铁), aluminium (铝冶炼)"));
        } else if (Boolean.TRUE.equals(f.atVerified())
                && sector.get() != dev.peakline.markets.IndustryAllocation.Sector.CEMENT_CLINKER) {
            p.add(Problem.at(
                    "allocation.exempt",
                    "request",
                    0,
                    "atVerified",
                    "only cement clinker lines are allocated at their verified emissions"));
        }
        if (!p.isEmpty()) {
            throw Refusal.of(ErrorCode.MARKET_INVALID, p.size() + " problem(s); nothing was stored", p);
        }
        if (!repository.registerLine(
                me.actor(),
                new MarketRepository.IndustryLine(
                        f.lineId(),
                        f.enterprise(),
                        sector.get(),
                        f.name() == null ? "" : f.name().strip(),
                        Boolean.TRUE.equals(f.atVerified())))) {
            throw Refusal.of(
                    ErrorCode.MARKET_INVALID,
                    "line " + f.lineId() + " is taken",
                    List.of(field(
                            "lineId", "the id " + f.lineId() + " is another enterprise's line or a power unit's")));
        }
        return ResponseEntity.status(HttpStatus.CREATED).body(Map.of("lineId", f.lineId()));
    }

    @PutMapping("/lines/{lineId}/years/{year}")
    @Operation(summary = "Records a line's year: output (t of product) and verified emissions (tCO2); audited")
    public Map<String, Object> putLineYear(
            @AuthenticationPrincipal PeaklineUser me,
            @PathVariable String lineId,
            @PathVariable int year,
            @RequestBody LineYearForm f) {
        MarketRepository.IndustryLine l = line(lineId);
        scopes.register(me, l.enterprise());
        List<Problem> p = new ArrayList<>();
        if (!dev.peakline.domain.DateWindow.contains(year) || year > today().getYear()) {
            p.add(field("year", "a year that has begun, from " + dev.peakline.domain.DateWindow.FIRST_YEAR));
        }
        range(p, "outputT", f == null ? null : f.outputT(), 0, 1e9, false);
        range(p, "verifiedT", f == null ? null : f.verifiedT(), 0, 1e9, false);
        if (f == null || (f.outputT() == null && f.verifiedT() == null)) {
            p.add(field("verifiedT", "give the year's output or verified emissions"));
        }
        if (!p.isEmpty()) {
            throw Refusal.of(ErrorCode.MARKET_INVALID, p.size() + " problem(s); nothing was stored", p);
        }
        repository.putLineYear(me.actor(), new MarketRepository.LineYear(lineId, year, f.outputT(), f.verifiedT()));
        return Map.of("lineId", lineId, "year", year);
    }

    private MarketRepository.IndustryLine line(String lineId) {
        return repository.line(lineId).orElseThrow(() -> Refusal.notFound("line " + lineId));
    }

    private static void range(List<Problem> p, String name, Double v, double min, double max, boolean required) {
        if (v == null) {
            if (required) {
                p.add(field(name, name + " is needed"));
            }
            return;
        }
        if (!(v >= min && v <= max)) {
            p.add(field(name, name + " " + v + " is out of range: from " + min + " to " + max));
        }
    }

    private MarketRepository.Unit unit(String unitId) {
        return repository.unit(unitId).orElseThrow(() -> Refusal.notFound("unit " + unitId));
    }

    private static Problem field(String name, String message) {
        return Problem.at("market.field", "request", 0, name, message);
    }

    // ---- allocation runs

    public record RunForm(Integer year, String stage) {}

    /** The true-up's surrender deadline. */
    public record IssueForm(LocalDate deadline) {}

    @PostMapping("/{region}/allocations")
    @Operation(
            summary = "Previews an allocation run of the region's units (pre-allocation or true-up); stored as preview")
    public ResponseEntity<Map<String, Object>> preview(
            @AuthenticationPrincipal PeaklineUser me, @PathVariable String region, @RequestBody RunForm f) {
        scopes.govern(me, region);
        if (f == null || f.year() == null) {
            throw Refusal.field(ErrorCode.MARKET_INVALID, "year", "the allocation year is needed");
        }
        long id = allocations.preview(me.actor(), region, f.year(), f.stage());
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(allocations.view(repository.run(id).orElseThrow()));
    }

    @GetMapping("/{region}/allocations")
    @Operation(summary = "The region's allocation runs, newest first")
    public List<MarketRepository.Run> runs(@AuthenticationPrincipal PeaklineUser me, @PathVariable String region) {
        scopes.govern(me, region);
        return repository.runs(region);
    }

    @GetMapping("/allocations/{id}")
    @Operation(
            summary =
                    "An allocation run: each unit's allocation with its arithmetic, and each enterprise's sum and due")
    public Map<String, Object> run(@AuthenticationPrincipal PeaklineUser me, @PathVariable long id) {
        MarketRepository.Run r = repository.run(id).orElseThrow(() -> Refusal.notFound("allocation run " + id));
        scopes.govern(me, r.region());
        return allocations.view(r);
    }

    @PostMapping("/allocations/{id}/issue")
    @Operation(
            summary =
                    "Issues a previewed run: allocations (or deductions) booked into each enterprise's account and, at"
                            + " the true-up, each enterprise's obligation; audited")
    public Map<String, Object> issue(
            @AuthenticationPrincipal PeaklineUser me,
            @PathVariable long id,
            @RequestBody(required = false) IssueForm f) {
        MarketRepository.Run r = repository.run(id).orElseThrow(() -> Refusal.notFound("allocation run " + id));
        scopes.govern(me, r.region());
        return allocations.issue(me.actor(), r, f == null ? null : f.deadline());
    }

    // ---- an enterprise's account

    @GetMapping("/accounts/{code}")
    @Operation(summary = "An enterprise's 履约 view: holdings, obligations with what it must buy or may sell, movements")
    public Map<String, Object> account(@AuthenticationPrincipal PeaklineUser me, @PathVariable String code) {
        Enterprise e = scopes.readEnterprise(me, code);
        InstrumentLedger l = repository.ledger();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("enterprise", code);
        out.put("name", e.name());
        out.put("today", today());
        List<Map<String, Object>> holdings = new ArrayList<>();
        for (InstrumentLedger.Holding h : l.holdings()) {
            if (h.account().equals(code) && Math.abs(h.balance()) > 1e-9) {
                holdings.add(holding(h));
            }
        }
        out.put("holdings", holdings);
        out.put(
                "obligations",
                standings(l, today()).stream()
                        .filter(s -> s.obligation().account().equals(code))
                        .map(MarketApi::standing)
                        .toList());
        List<Map<String, Object>> moves = new ArrayList<>();
        for (MarketRepository.Stored s : repository.movementsOf(List.of(code))) {
            Map<String, Object> m = new LinkedHashMap<>();
            Movement x = s.movement();
            m.put("id", s.id());
            m.put("date", x.date());
            m.put("instrument", x.instrument().code());
            m.put("instrumentName", x.instrument().chinese());
            m.put("vintage", x.vintage());
            m.put("kind", x.kind().code());
            m.put("kindName", x.kind().chinese());
            m.put("quantity", x.quantity());
            m.put("serialFrom", x.serials() ? x.serialFrom() : null);
            m.put("serialTo", x.serials() ? x.serialTo() : null);
            m.put("counterparty", s.counterparty());
            m.put("priceYuan", s.priceYuan());
            m.put("reference", s.reference());
            moves.add(m);
        }
        out.put("movements", moves);
        return out;
    }

    private static Map<String, Object> holding(InstrumentLedger.Holding h) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("instrument", h.instrument().code());
        m.put("instrumentName", h.instrument().chinese());
        m.put("unit", h.instrument().unit());
        m.put("vintage", h.vintage());
        m.put("balance", h.balance());
        return m;
    }

    /** The standings, each obligation with the deadline set when it was booked (else the annual cycle's). */
    private List<Compliance.Standing> standings(InstrumentLedger l, LocalDate today) {
        Map<String, LocalDate> deadlines = repository.deadlines();
        return Compliance.standings(
                l,
                today,
                o -> deadlines.getOrDefault(
                        o.account() + "|" + o.instrument().code() + "|" + o.year(), Compliance.defaultDeadline(o)));
    }

    private static Map<String, Object> standing(Compliance.Standing s) {
        Map<String, Object> m = new LinkedHashMap<>();
        InstrumentLedger.Obligation o = s.obligation();
        m.put("account", o.account());
        m.put("instrument", o.instrument().code());
        m.put("year", o.year());
        m.put("dueT", o.due());
        m.put("surrenderedT", o.allowances());
        m.put("offsetsT", o.offsets());
        m.put("remainingT", o.remaining());
        m.put("offsetRoomT", o.offsetRoom());
        m.put("heldTowardT", s.heldAllowances() + s.heldOffsets());
        m.put("shortfallT", s.shortfall());
        m.put("excessT", s.excess());
        m.put("deadline", s.deadline());
        m.put("status", s.status().code());
        m.put("statusName", s.status().chinese());
        return m;
    }

    public record SurrenderForm(
            String instrument,
            Integer vintage,
            Double quantity,
            Long serialFrom,
            Long serialTo,
            Boolean override,
            String reason) {}

    @PostMapping("/accounts/{code}/surrender")
    @Operation(
            summary = "Surrenders allowances or offsets toward the enterprise's oldest open obligation; after the"
                    + " deadline only the competent authority may accept it, with a reason; audited")
    public Map<String, Object> surrender(
            @AuthenticationPrincipal PeaklineUser me, @PathVariable String code, @RequestBody SurrenderForm f) {
        Enterprise e = scopes.readEnterprise(me, code);
        boolean late = f != null && Boolean.TRUE.equals(f.override());
        if (late) {
            scopes.govern(me, e.region().value());
            if (f.reason() == null || f.reason().isBlank()) {
                throw Refusal.field(
                        ErrorCode.MARKET_INVALID, "reason", "a late surrender needs the reason it is accepted");
            }
        } else if (me.role() != Role.ENTERPRISE && me.role() != Role.ADMIN) {
            throw Refusal.forbidden(
                    "the enterprise surrenders; after the deadline its competent authority may accept it");
        } else if (me.role() == Role.ENTERPRISE) {
            scopes.fileFor(me, code);
        }
        Movement m = movement(
                code,
                f == null ? null : f.instrument(),
                f == null ? null : f.vintage(),
                f == null ? null : f.quantity(),
                f == null ? null : f.serialFrom(),
                f == null ? null : f.serialTo(),
                Kind.SURRENDER,
                1);
        LocalDate today = today();
        Optional<Compliance.Standing> open = standings(repository.ledger(), today).stream()
                .filter(s ->
                        s.obligation().account().equals(code) && s.obligation().remaining() > 0)
                .min(Comparator.comparingInt(s -> s.obligation().year()));
        if (open.isPresent() && today.isAfter(open.get().deadline()) && !late) {
            throw Refusal.of(
                    ErrorCode.MARKET_INVALID,
                    "the deadline passed",
                    List.of(Problem.at(
                            "ledger.deadline",
                            "request",
                            0,
                            "quantity",
                            "the deadline of " + open.get().obligation().year() + " ("
                                    + open.get().deadline()
                                    + ") has passed: only the competent authority may accept a late surrender")));
        }
        MarketRepository.Booked b = repository.book(
                me.actor(),
                late ? "market.surrender_late" : "market.surrender",
                List.of(new MarketRepository.Booking(
                        e.region().value(),
                        m,
                        null,
                        null,
                        late ? "late: " + f.reason().strip() : "")));
        Allocations.refuseIf(b);
        return Map.of("booked", b.ids());
    }

    public record TransferForm(
            String to,
            String instrument,
            Integer vintage,
            Double quantity,
            Long serialFrom,
            Long serialTo,
            Double priceYuan) {}

    @PostMapping("/accounts/{code}/transfers")
    @Operation(
            summary = "Transfers units to another enterprise's account at the price reported by the exchange; audited")
    public Map<String, Object> transfer(
            @AuthenticationPrincipal PeaklineUser me, @PathVariable String code, @RequestBody TransferForm f) {
        Enterprise e = scopes.fileFor(me, code);
        if (f == null || f.to() == null || CreditCode.problemWith(f.to()).isPresent()) {
            throw Refusal.field(
                    ErrorCode.MARKET_INVALID, "to", "the receiving enterprise's unified social credit code");
        }
        Enterprise to = scopes.enterprise(f.to());
        if (to.code().value().equals(code)) {
            throw Refusal.field(ErrorCode.MARKET_INVALID, "to", "a transfer goes to another account");
        }
        if (f.priceYuan() != null && !(f.priceYuan() >= 0 && f.priceYuan() <= 10_000)) {
            throw Refusal.field(ErrorCode.MARKET_INVALID, "priceYuan", "a price per unit from 0 to 10,000 yuan");
        }
        Movement m = movement(
                code,
                f.instrument(),
                f.vintage(),
                f.quantity() == null ? null : -f.quantity(),
                f.serialFrom(),
                f.serialTo(),
                Kind.TRANSFER,
                1);
        MarketRepository.Booked b = repository.book(
                me.actor(),
                "market.transfer",
                List.of(new MarketRepository.Booking(e.region().value(), m, f.to(), f.priceYuan(), "")));
        Allocations.refuseIf(b);
        return Map.of("booked", b.ids());
    }

    private Movement movement(
            String account,
            String instrument,
            Integer vintage,
            Double quantity,
            Long from,
            Long to,
            Kind kind,
            int row) {
        List<Problem> p = new ArrayList<>();
        Optional<Instrument> i = Instrument.parse(instrument);
        if (i.isEmpty()) {
            p.add(field("instrument", "'" + instrument + "' is not an instrument: " + Instrument.codes()));
        }
        if (vintage == null) {
            p.add(field("vintage", "the vintage (年度) is needed"));
        }
        if (quantity == null || quantity == 0) {
            p.add(field("quantity", "the quantity is needed"));
        }
        if ((from == null) != (to == null)) {
            p.add(field(from == null ? "serialFrom" : "serialTo", "a serial range needs both ends"));
        }
        if (!p.isEmpty()) {
            throw Refusal.of(ErrorCode.MARKET_INVALID, p.size() + " problem(s); nothing was stored", p);
        }
        return new Movement(
                today(), account, i.get(), vintage, kind, quantity, from == null ? 0 : from, to == null ? 0 : to, row);
    }

    // ---- green certificates and market-based scope 2

    public record CertificateForm(
            Integer vintage, Double quantityMwh, Long serialFrom, Long serialTo, String plant, String period) {}

    @PostMapping("/accounts/{code}/certificates")
    @Operation(
            summary = "Records green certificates (绿证) issued to the enterprise by the national system, with their"
                    + " plant, generation period and serials (the enterprise's region's government, admin); audited")
    public ResponseEntity<Map<String, Object>> certificates(
            @AuthenticationPrincipal PeaklineUser me, @PathVariable String code, @RequestBody CertificateForm f) {
        Enterprise e = scopes.readEnterprise(me, code);
        scopes.govern(me, e.region().value());
        List<Problem> p = new ArrayList<>();
        if (f == null || f.plant() == null || f.plant().isBlank() || f.plant().length() > 200) {
            p.add(field("plant", "the generating plant (1–200 characters)"));
        }
        if (f == null || f.period() == null || !f.period().matches("[0-9]{4}-[0-9]{2}")) {
            p.add(field("period", "the generation month, as 2024-06"));
        } else if (f.vintage() != null && !f.period().startsWith(f.vintage() + "-")) {
            p.add(field("period", "the generation month " + f.period() + " is not in vintage " + f.vintage()));
        }
        if (f == null || f.serialFrom() == null || f.serialTo() == null) {
            p.add(field("serialFrom", "certificates carry serial numbers: give the first and last"));
        }
        if (!p.isEmpty()) {
            throw Refusal.of(ErrorCode.MARKET_INVALID, p.size() + " problem(s); nothing was stored", p);
        }
        Movement m = movement(code, "gec", f.vintage(), f.quantityMwh(), f.serialFrom(), f.serialTo(), Kind.ISSUE, 1);
        MarketRepository.Booked b = repository.book(
                me.actor(),
                "market.certificates",
                List.of(new MarketRepository.Booking(
                        e.region().value(), m, null, null, "plant: " + f.plant().strip() + "; period: " + f.period())));
        Allocations.refuseIf(b);
        return ResponseEntity.status(HttpStatus.CREATED).body(Map.of("booked", b.ids()));
    }

    public record RetireForm(
            String instrument,
            Integer vintage,
            Double quantity,
            Long serialFrom,
            Long serialTo,
            Integer forYear,
            String purpose) {}

    /** Why units are retired: a green certificate for scope 2, a credit for 碳普惠 or a voluntary neutrality claim. */
    static String purpose(Instrument i, String given) {
        String p = given == null || given.isBlank() ? (i == Instrument.GEC ? "scope2" : "") : given.strip();
        return switch (p) {
            case "scope2", "范围二" -> i == Instrument.GEC ? "scope2" : null;
            case "inclusion", "碳普惠" -> i.offset() ? "inclusion" : null;
            case "neutrality", "碳中和" -> i.offset() || i == Instrument.GEC ? "neutrality" : null;
            default -> null;
        };
    }

    @PostMapping("/accounts/{code}/retire")
    @Operation(summary = "Retires certificates for a reporting year (the market-based scope 2) or credits; audited")
    public Map<String, Object> retire(
            @AuthenticationPrincipal PeaklineUser me, @PathVariable String code, @RequestBody RetireForm f) {
        Enterprise e = scopes.fileFor(me, code);
        if (f == null || f.forYear() == null) {
            throw Refusal.field(ErrorCode.MARKET_INVALID, "forYear", "the reporting year the retirement is for");
        }
        Movement m =
                movement(code, f.instrument(), f.vintage(), f.quantity(), f.serialFrom(), f.serialTo(), Kind.RETIRE, 1);
        if (m.instrument() == Instrument.GEC
                && !dev.peakline.markets.MarketBasedScope2.counts(m.vintage(), f.forYear())) {
            throw Refusal.field(
                    ErrorCode.MARKET_INVALID,
                    "forYear",
                    "a certificate of " + m.vintage() + " counts for " + m.vintage() + " or " + (m.vintage() + 1)
                            + ", not " + f.forYear());
        }
        String purpose = purpose(m.instrument(), f.purpose());
        if (purpose == null) {
            throw Refusal.field(
                    ErrorCode.MARKET_INVALID,
                    "purpose",
                    "retire certificates for scope2 (范围二) or neutrality (碳中和), credits for inclusion (碳普惠) or"
                            + " neutrality (碳中和); allowances and rights are surrendered, not retired");
        }
        MarketRepository.Booked b = repository.book(
                me.actor(),
                "market.retire",
                List.of(new MarketRepository.Booking(e.region().value(), m, null, null, purpose + ":" + f.forYear())));
        Allocations.refuseIf(b);
        return Map.of("booked", b.ids());
    }

    @GetMapping("/accounts/{code}/scope2")
    @Operation(
            summary = "The year's location- and market-based scope 2 of purchased electricity, with the certificates"
                    + " retired for it")
    public Map<String, Object> scope2(
            @AuthenticationPrincipal PeaklineUser me, @PathVariable String code, @RequestParam int year) {
        Enterprise e = scopes.readEnterprise(me, code);
        MarketScope2.Year y = marketScope2.of(e, year);
        dev.peakline.reference.ResolvedFactor f = y.factor();
        int months = y.months();
        double heat = y.heatT();
        List<Map<String, Object>> retired = new ArrayList<>();
        for (MarketRepository.Stored s : y.retired()) {
            Movement x = s.movement();
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("date", x.date());
            m.put("vintage", x.vintage());
            m.put("mwh", x.quantity());
            m.put("serialFrom", x.serialFrom());
            m.put("serialTo", x.serialTo());
            retired.add(m);
        }
        dev.peakline.markets.MarketBasedScope2.Result r = y.electricity();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("year", year);
        out.put("months", months);
        out.put("electricityLocationT", r.locationT());
        out.put("heatT", heat);
        out.put("gridFactor", f.value());
        out.put(
                "gridFactorSource",
                dev.peakline.reference.Publications.title(f.factor().publication(), true));
        out.put("consumptionMwh", r.consumptionMwh());
        out.put("certificatesMwh", r.certificatesMwh());
        out.put("coveredMwh", r.coveredMwh());
        out.put("electricityMarketT", r.marketT());
        out.put("scope2LocationT", r.locationT() + heat);
        out.put("scope2MarketT", r.marketT() + heat);
        out.put("retired", retired);
        return out;
    }

    // ---- the region's overview

    @GetMapping("/{region}/overview")
    @Operation(
            summary = "The region's covered enterprises against their obligations, those short or overdue first, and"
                    + " the month's transfers (volume, average price)")
    public Map<String, Object> overview(
            @AuthenticationPrincipal PeaklineUser me,
            @PathVariable String region,
            @RequestParam(required = false) Integer year) {
        scopes.readRegion(me, region);
        List<String> codes = visible(me, region);
        java.util.Set<String> in = new java.util.HashSet<>(codes);
        InstrumentLedger l = repository.ledger();
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Compliance.Standing s : standings(l, today())) {
            if (!in.contains(s.obligation().account())
                    || (year != null && s.obligation().year() != year)) {
                continue;
            }
            Map<String, Object> m = standing(s);
            m.put("name", scopes.enterprise(s.obligation().account()).name());
            m.put(
                    "allocatedT",
                    l.allocated(
                            s.obligation().account(),
                            new InstrumentLedger.Lot(
                                    s.obligation().instrument(), s.obligation().year())));
            rows.add(m);
        }
        List<String> order = List.of("overdue", "short", "surplus", "compliant");
        rows.sort(Comparator.<Map<String, Object>>comparingInt(m -> order.indexOf((String) m.get("status")))
                .thenComparing(m -> -(Double) m.get("shortfallT")));
        Map<String, double[]> months = new TreeMap<>();
        for (MarketRepository.Stored s : repository.movementsOf(codes)) {
            Movement x = s.movement();
            // each trade once: the region's sales, and its purchases from outside it
            boolean once = !x.incoming() || !in.contains(s.counterparty());
            if (x.kind() == Kind.TRANSFER && once && s.priceYuan() != null) {
                double q = Math.abs(x.quantity());
                double[] v = months.computeIfAbsent(
                        x.instrument().code() + "|" + x.date().toString().substring(0, 7), k -> new double[2]);
                v[0] += q;
                v[1] += q * s.priceYuan();
            }
        }
        List<Map<String, Object>> market = new ArrayList<>();
        months.forEach((k, v) -> {
            String[] p = k.split("\\|");
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("instrument", p[0]);
            m.put("instrumentName", Instrument.parse(p[0]).orElseThrow().chinese());
            m.put("month", p[1]);
            m.put("volume", v[0]);
            m.put("averagePriceYuan", v[1] / v[0]);
            market.add(m);
        });
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("region", region);
        out.put("today", today());
        out.put("obligations", rows);
        out.put("market", market);
        return out;
    }
}
