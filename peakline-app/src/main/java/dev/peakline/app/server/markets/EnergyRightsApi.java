package dev.peakline.app.server.markets;

import dev.peakline.app.server.security.PeaklineUser;
import dev.peakline.app.server.security.Scopes;
import dev.peakline.domain.Enterprise;
import dev.peakline.markets.EnergyRights;
import dev.peakline.markets.Instrument;
import dev.peakline.markets.InstrumentLedger;
import dev.peakline.markets.InstrumentLedger.Kind;
import dev.peakline.markets.InstrumentLedger.Movement;
import dev.peakline.problems.ErrorCode;
import dev.peakline.problems.Problem;
import dev.peakline.problems.Refusal;
import dev.peakline.store.ledger.AccountResults;
import dev.peakline.store.markets.MarketRepository;
import dev.peakline.store.targets.TargetRepository;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * 用能权 tied to 能耗双控 (issue 30): the operator allocates the year's quotas to the region's key energy-using units by
 * the historical rule or their decomposed 能耗总量 targets, with the paid-use price recorded on each allocation, and
 * later sets each unit's obligation — its comprehensive energy after the deductions ({@link EnergyRights}). The
 * standing and surrender are the registry's, shown on the 履约 page beside the allowances.
 */
@RestController
@RequestMapping("/api/v1/markets")
@Tag(name = "markets", description = "碳排放权交易：机组、配额分配、履约清缴、转让")
public class EnergyRightsApi {
    private final Scopes scopes;
    private final MarketRepository repository;
    private final AccountResults results;
    private final TargetRepository targets;
    private final dev.peakline.store.projects.ProjectRepository twoHigh;
    private final EnergyRightQuotas quotas;
    private final Clock clock;

    public EnergyRightsApi(
            Scopes scopes,
            MarketRepository repository,
            AccountResults results,
            TargetRepository targets,
            dev.peakline.store.projects.ProjectRepository twoHigh,
            EnergyRightQuotas quotas,
            Clock clock) {
        this.quotas = quotas;
        this.scopes = scopes;
        this.repository = repository;
        this.results = results;
        this.targets = targets;
        this.twoHigh = twoHigh;
        this.clock = clock;
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(dev.peakline.domain.ChinaTime.ZONE));
    }

    public record QuotaForm(
            Integer year,
            String rule,
            List<Integer> baseYears,
            Double declineRate,
            Double priceYuan,
            Boolean preview,
            String level) {}

    @PostMapping("/{region}/energy-rights")
    @Operation(
            summary = "Allocates the year's 用能权 quotas to the region's key energy-using units (historical rule,"
                    + " benchmark × base-year output, or their 能耗总量 targets) with the paid-use price; preview: true"
                    + " computes without booking; audited")
    public Map<String, Object> allocate(
            @AuthenticationPrincipal PeaklineUser me, @PathVariable String region, @RequestBody QuotaForm f) {
        scopes.govern(me, region);
        List<Problem> p = new ArrayList<>();
        if (f == null || f.year() == null || !dev.peakline.domain.DateWindow.contains(f.year())) {
            p.add(field("year", "the quota year"));
        }
        Optional<EnergyRights.Rule> rule = EnergyRights.Rule.parse(f == null ? null : f.rule());
        if (rule.isEmpty()) {
            p.add(field("rule", "the rule: historical (历史法), benchmark (基准线法) or target (双控目标分解)"));
        }
        if (rule.orElse(null) == EnergyRights.Rule.BENCHMARK) {
            if (f.baseYears() == null
                    || f.baseYears().size() != 1
                    || f.baseYears().get(0) == null
                    || f.baseYears().get(0) >= f.year()) {
                p.add(field("baseYears", "the one base year before the quota year whose output the levels apply to"));
            }
            if (f.level() != null && !f.level().equals("baseline") && !f.level().equals("benchmark")) {
                p.add(field("level", "the level: baseline (基准水平) or benchmark (标杆水平)"));
            }
        }
        if (rule.orElse(null) == EnergyRights.Rule.HISTORICAL) {
            if (f.baseYears() == null
                    || f.baseYears().isEmpty()
                    || f.baseYears().size() > 5
                    || f.baseYears().stream().anyMatch(y -> y == null || y >= f.year())) {
                p.add(field("baseYears", "one to five base years before the quota year"));
            }
            if (f.declineRate() == null || !(f.declineRate() >= 0 && f.declineRate() < 0.5)) {
                p.add(field("declineRate", "the decline rate, from 0 to below 0.5 (0.03 for 3 %)"));
            }
        }
        if (f != null && f.priceYuan() != null && !(f.priceYuan() >= 0 && f.priceYuan() <= 10_000)) {
            p.add(field("priceYuan", "the paid-use price from 0 to 10,000 yuan/tce"));
        }
        if (!p.isEmpty()) {
            throw Refusal.of(ErrorCode.MARKET_INVALID, p.size() + " problem(s); nothing was stored", p);
        }
        return quotas.allocate(
                me.actor(),
                region,
                new EnergyRightQuotas.Quotas(
                        f.year(),
                        rule.get(),
                        f.baseYears(),
                        f.declineRate(),
                        !"benchmark".equals(f.level()),
                        f.priceYuan()),
                Boolean.TRUE.equals(f.preview()),
                today());
    }

    public record ObligationForm(LocalDate deadline) {}

    @PostMapping("/{region}/energy-rights/{year}/obligations")
    @Operation(
            summary = "Sets the year's 用能权 obligation of every unit with a quota: comprehensive energy less feedstock"
                    + " less the certified renewables retired for the year; audited")
    public Map<String, Object> obligations(
            @AuthenticationPrincipal PeaklineUser me,
            @PathVariable String region,
            @PathVariable int year,
            @RequestBody ObligationForm f) {
        scopes.govern(me, region);
        if (f == null
                || f.deadline() == null
                || f.deadline().isBefore(today())
                || f.deadline().isAfter(today().plusYears(3))) {
            throw Refusal.field(
                    ErrorCode.MARKET_INVALID, "deadline", "the surrender deadline: from today to three years ahead");
        }
        return quotas.obligations(me.actor(), region, year, f.deadline(), today());
    }

    @org.springframework.web.bind.annotation.GetMapping("/{region}/energy-rights/{year}")
    @Operation(
            summary = "The region's 用能权 of a year: allocated (free and paid) against consumed (the obligations after"
                    + " deductions) and the 能耗总量 targets, in all and by unit")
    public Map<String, Object> view(
            @AuthenticationPrincipal PeaklineUser me, @PathVariable String region, @PathVariable int year) {
        scopes.readRegion(me, region);
        List<String> codes = scopes.visibleIn(me, region);
        java.util.Set<String> in = new java.util.HashSet<>(codes);
        InstrumentLedger ledger = repository.ledger();
        InstrumentLedger.Lot lot = new InstrumentLedger.Lot(Instrument.ENERGY_RIGHT, year);
        Map<String, Double> due = new java.util.HashMap<>();
        ledger.obligations().stream()
                .filter(o -> o.instrument() == Instrument.ENERGY_RIGHT && o.year() == year && in.contains(o.account()))
                .forEach(o -> due.put(o.account(), o.due()));
        Map<String, Double> target = new java.util.HashMap<>();
        Double regionTarget = null;
        for (TargetRepository.Row t : targets.in(scopes.subtree(region))) {
            if (t.indicator().equals("ENERGY_TOTAL") && t.targetYear() == year) {
                if (t.enterprise() != null) {
                    target.put(t.enterprise(), t.value());
                } else if (t.region().equals(region) && t.industry() == null) {
                    regionTarget = t.value();
                }
            }
        }
        List<Map<String, Object>> rows = new ArrayList<>();
        double allocated = 0;
        double consumed = 0;
        for (String code : codes) {
            double a = ledger.allocated(code, lot);
            if (a <= 0 && !due.containsKey(code)) {
                continue;
            }
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("enterprise", code);
            m.put("name", scopes.enterprise(code).name());
            m.put("allocatedTce", a);
            m.put("consumedTce", due.get(code));
            m.put("targetTce", target.get(code));
            m.put("heldTce", ledger.balance(code, lot));
            rows.add(m);
            allocated += a;
            consumed += due.getOrDefault(code, 0.0);
        }
        rows.sort(java.util.Comparator.comparingDouble(
                m -> -(((Double) m.get("consumedTce") == null ? 0 : (Double) m.get("consumedTce"))
                        - (Double) m.get("allocatedTce"))));
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("region", region);
        out.put("year", year);
        out.put("allocatedTce", allocated);
        out.put("consumedTce", consumed);
        out.put("targetTce", regionTarget);
        out.put("units", rows);
        return out;
    }

    public record ReplacementForm(String seller, Integer vintage, Double quantityTce, Double priceYuan) {}

    @PostMapping("/two-high/{projectId}/energy-rights")
    @Operation(
            summary =
                    "A two-high project acquires its 减量替代 energy quota from the market: the seller's 用能权 transferred to"
                            + " the project's enterprise at the price reported, cancelled toward the project, and an energy line"
                            + " added to its substitution ledger, in one transaction (the project region's government); audited")
    public ResponseEntity<Map<String, Object>> replacement(
            @AuthenticationPrincipal PeaklineUser me, @PathVariable long projectId, @RequestBody ReplacementForm f) {
        dev.peakline.store.projects.ProjectRepository.Project project =
                twoHigh.find(projectId).orElseThrow(() -> Refusal.notFound("project " + projectId));
        scopes.govern(me, project.region());
        List<Problem> p = new ArrayList<>();
        if (f == null || f.seller() == null || f.seller().equals(project.enterprise())) {
            p.add(field("seller", "the enterprise selling its 用能权 (credit code), not the project's own"));
        }
        if (f == null || f.vintage() == null || !dev.peakline.domain.DateWindow.contains(f.vintage())) {
            p.add(field("vintage", "the 用能权 year sold"));
        }
        if (f == null || f.quantityTce() == null || !(f.quantityTce() > 0 && f.quantityTce() <= 1e8)) {
            p.add(field("quantityTce", "the tce bought: above 0 and at most 100,000,000"));
        }
        if (f != null && f.priceYuan() != null && !(f.priceYuan() >= 0 && f.priceYuan() <= 10_000)) {
            p.add(field("priceYuan", "the price from 0 to 10,000 yuan/tce"));
        }
        if (!p.isEmpty()) {
            throw Refusal.of(ErrorCode.MARKET_INVALID, p.size() + " problem(s); nothing was stored", p);
        }
        Enterprise seller = scopes.enterprise(f.seller());
        double q = Math.round(f.quantityTce() * 1000) / 1000.0;
        LocalDate day = today();
        String ref = "two_high:" + projectId;
        List<MarketRepository.Booking> bookings = List.of(
                new MarketRepository.Booking(
                        seller.region().value(),
                        new Movement(
                                day,
                                seller.code().value(),
                                Instrument.ENERGY_RIGHT,
                                f.vintage(),
                                Kind.TRANSFER,
                                -q,
                                0,
                                0,
                                1),
                        project.enterprise(),
                        f.priceYuan(),
                        ref),
                new MarketRepository.Booking(
                        project.region(),
                        new Movement(
                                day,
                                project.enterprise(),
                                Instrument.ENERGY_RIGHT,
                                f.vintage(),
                                Kind.CANCEL,
                                q,
                                0,
                                0,
                                2),
                        null,
                        null,
                        ref));
        String source = "用能权交易：自 " + seller.name() + " 购入 " + f.vintage() + " 年度用能权 "
                + String.format(java.util.Locale.ROOT, "%,.3f", q) + " tce"
                + (f.priceYuan() == null ? "" : "（" + f.priceYuan() + " 元/tce）") + "，注销用于本项目减量替代";
        dev.peakline.store.projects.ProjectRepository.Substitution line =
                new dev.peakline.store.projects.ProjectRepository.Substitution(
                        0, "ENERGY", q, "tce", null, source, seller.code().value());
        MarketRepository.Booked b = repository.book(me.actor(), "energy_right.replacement", bookings, (c, at) -> {
            dev.peakline.store.projects.ProjectRepository.insertSubstitution(c, at, me.actor(), projectId, line);
            return true;
        });
        Allocations.refuseIf(b);
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(Map.of("project", projectId, "quantityTce", q, "booked", b.ids(), "source", source));
    }

    private static Problem field(String name, String message) {
        return Problem.at("market.field", "request", 0, name, message);
    }
}
