package dev.peakline.app.server.markets;

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
import dev.peakline.store.efficiency.EfficiencyRepository;
import dev.peakline.store.ledger.AccountResults;
import dev.peakline.store.markets.MarketRepository;
import dev.peakline.store.targets.TargetRepository;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * 用能权 quotas and obligations of a region's key energy-using units (core's {@link EnergyRights}): the operator's form
 * and the demo allocate and set obligations through here.
 */
@org.springframework.stereotype.Component
public class EnergyRightQuotas {
    private final Scopes scopes;
    private final MarketRepository repository;
    private final AccountResults results;
    private final TargetRepository targets;
    private final EfficiencyRepository efficiency;
    private final dev.peakline.efficiency.EfficiencyCatalog catalog =
            dev.peakline.efficiency.EfficiencyCatalog.shipped();

    public EnergyRightQuotas(
            Scopes scopes,
            MarketRepository repository,
            AccountResults results,
            TargetRepository targets,
            EfficiencyRepository efficiency) {
        this.scopes = scopes;
        this.repository = repository;
        this.results = results;
        this.targets = targets;
        this.efficiency = efficiency;
    }

    private static Problem field(String name, String message) {
        return Problem.at("market.field", "request", 0, name, message);
    }

    /** How the year's quotas are set: the rule and its parameters (base years, decline, which level) and the price. */
    public record Quotas(
            int year,
            EnergyRights.Rule rule,
            List<Integer> baseYears,
            Double declineRate,
            boolean baseline,
            Double priceYuan) {}

    /**
     * Allocates (or previews) the year's quotas of the region's key energy-using units on {@code day}: the operator's
     * form and the demo both allocate through here.
     */
    public Map<String, Object> allocate(String actor, String region, Quotas f, boolean preview, LocalDate day) {
        EnergyRights.Rule rule = f.rule();
        int year = f.year();
        InstrumentLedger ledger = repository.ledger();
        InstrumentLedger.Lot lot = new InstrumentLedger.Lot(Instrument.ENERGY_RIGHT, year);
        Map<String, Double> byTarget = new LinkedHashMap<>();
        if (rule == EnergyRights.Rule.TARGET) {
            for (TargetRepository.Row t : targets.in(scopes.subtree(region))) {
                if (t.enterprise() != null && t.indicator().equals("ENERGY_TOTAL") && t.targetYear() == year) {
                    byTarget.put(t.enterprise(), t.value());
                }
            }
        }
        Map<String, List<EfficiencyRepository.Output>> outputs = new LinkedHashMap<>();
        if (rule == EnergyRights.Rule.BENCHMARK) {
            efficiency
                    .outputs(scopes.subtree(region), f.baseYears().get(0))
                    .forEach(o -> outputs.computeIfAbsent(o.enterprise(), k -> new ArrayList<>())
                            .add(o));
        }
        List<Map<String, Object>> quotas = new ArrayList<>();
        List<MarketRepository.Booking> bookings = new ArrayList<>();
        List<Problem> missing = new ArrayList<>();
        int row = 0;
        for (String code : scopes.enterprisesIn(region)) {
            Enterprise e = scopes.enterprise(code);
            if (!e.keyEnergyUnit() || ledger.allocated(code, lot) > 0) {
                continue;
            }
            long quota;
            String how;
            if (rule == EnergyRights.Rule.BENCHMARK) {
                List<EnergyRights.ProductQuota> products = new ArrayList<>();
                List<String> parts = new ArrayList<>();
                for (EfficiencyRepository.Output o : outputs.getOrDefault(code, List.of())) {
                    Optional<dev.peakline.efficiency.ProductLevels> lv = catalog.levelsOf(o.product());
                    if (lv.isEmpty()) {
                        continue;
                    }
                    dev.peakline.efficiency.Level level = f.baseline()
                            ? lv.get().baseline(dev.peakline.efficiency.Edition.E2023)
                            : lv.get().benchmark(dev.peakline.efficiency.Edition.E2023);
                    if (!level.known() || EnergyRights.unsuited(lv.get().unit(), o.unit()) != null) {
                        continue;
                    }
                    EnergyRights.ProductQuota pq = new EnergyRights.ProductQuota(
                            o.product(),
                            o.amount(),
                            o.unit(),
                            level.value(),
                            lv.get().unit());
                    products.add(pq);
                    parts.add(o.product() + " " + String.format(java.util.Locale.ROOT, "%,.0f", o.amount()) + " "
                            + o.unit() + " × " + level.value() + " " + lv.get().unit());
                }
                if (products.isEmpty()) {
                    continue; // no product of the unit has an energy-per-output level: the rule has no basis
                }
                quota = EnergyRights.benchmark(products);
                how = "基准线法（" + (f.baseline() ? "基准水平" : "标杆水平") + "，2023年版）："
                        + f.baseYears().get(0) + " 年产量 "
                        + String.join(" + ", parts) + " ÷ 1000 = " + String.format(java.util.Locale.ROOT, "%,d", quota)
                        + " tce";
            } else if (rule == EnergyRights.Rule.HISTORICAL) {
                List<Double> base = new ArrayList<>();
                for (AccountResults.Year y : results.years(null, null, code)) {
                    if (f.baseYears().contains(y.year()) && y.months() == 12) {
                        base.add(y.energyExcludingFeedstock());
                    }
                }
                if (base.size() != f.baseYears().size()) {
                    continue; // without every base year accounted in full, the historical rule has no basis
                }
                quota = EnergyRights.historical(base, f.declineRate());
                how = "历史法：基准年 " + f.baseYears() + " 扣除原料用能后的综合能耗均值 × (1 − " + f.declineRate() + ") = "
                        + String.format(java.util.Locale.ROOT, "%,d", quota) + " tce";
            } else {
                Double t = byTarget.get(code);
                if (t == null) {
                    missing.add(Problem.at(
                            "market.target", "enterprises", 0, code, e.name() + " has no 能耗总量 target for " + year));
                    continue;
                }
                quota = Math.round(t);
                how = "双控目标分解：" + year + " 年能源消费总量目标 " + String.format(java.util.Locale.ROOT, "%,d", quota) + " tce";
            }
            if (quota <= 0) {
                continue;
            }
            double paid = f.priceYuan() == null ? 0 : quota * f.priceYuan();
            Map<String, Object> q = new LinkedHashMap<>();
            q.put("enterprise", code);
            q.put("name", e.name());
            q.put("quotaTce", quota);
            q.put("priceYuan", f.priceYuan() == null ? 0 : f.priceYuan());
            q.put("paidYuan", paid);
            q.put("how", how);
            quotas.add(q);
            bookings.add(new MarketRepository.Booking(
                    e.region().value(),
                    new Movement(day, code, Instrument.ENERGY_RIGHT, year, Kind.ALLOCATE, quota, 0, 0, ++row),
                    null,
                    f.priceYuan(),
                    "energy_right:" + rule.code()));
        }
        if (!missing.isEmpty()) {
            throw Refusal.of(
                    ErrorCode.MARKET_INVALID, missing.size() + " unit(s) have no target; nothing was stored", missing);
        }
        if (quotas.isEmpty()) {
            throw Refusal.field(
                    ErrorCode.MARKET_INVALID, "year", "no key energy-using unit of the region is left to allocate");
        }
        if (!preview) {
            Allocations.refuseIf(repository.book(actor, "energy_right.allocate", bookings));
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("year", year);
        out.put("rule", rule.code());
        out.put("ruleName", rule.chinese());
        out.put("booked", !preview);
        out.put("quotas", quotas);
        return out;
    }

    /** Books the year's obligations on {@code day} with their deadline, unchecked: the demo replays its cycle here. */
    public Map<String, Object> obligations(String actor, String region, int year, LocalDate deadline, LocalDate day) {
        InstrumentLedger ledger = repository.ledger();
        InstrumentLedger.Lot lot = new InstrumentLedger.Lot(Instrument.ENERGY_RIGHT, year);
        java.util.Set<String> owing = new java.util.HashSet<>();
        ledger.obligations().stream()
                .filter(o -> o.instrument() == Instrument.ENERGY_RIGHT && o.year() == year)
                .forEach(o -> owing.add(o.account()));
        List<Map<String, Object>> rows = new ArrayList<>();
        List<MarketRepository.Booking> bookings = new ArrayList<>();
        List<Problem> pending = new ArrayList<>();
        int row = 0;
        for (String code : scopes.enterprisesIn(region)) {
            if (ledger.allocated(code, lot) <= 0 || owing.contains(code)) {
                continue;
            }
            Optional<AccountResults.Year> y = results.years(null, null, code).stream()
                    .filter(x -> x.year() == year)
                    .findFirst();
            if (y.isEmpty() || y.get().months() < 12) {
                // not yet due: its obligation is set when the year is accounted in full
                pending.add(Problem.at(
                        "market.months",
                        "enterprises",
                        0,
                        code,
                        code + " has " + y.map(AccountResults.Year::months).orElse(0) + " of 12 months of " + year
                                + " accounted"));
                continue;
            }
            double certificates = repository.certificatesRetiredFor(code, year).stream()
                    .mapToDouble(x -> x.movement().quantity())
                    .sum();
            EnergyRights.Obligation o =
                    EnergyRights.obligation(y.get().energy(), y.get().feedstockEnergy(), certificates);
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("enterprise", code);
            m.put("comprehensiveTce", o.comprehensiveTce());
            m.put("feedstockTce", o.feedstockTce());
            m.put("certificatesMwh", o.certificatesMwh());
            m.put("renewableTce", o.renewableTce());
            m.put("dueTce", o.dueTce());
            rows.add(m);
            if (o.dueTce() > 0) {
                bookings.add(new MarketRepository.Booking(
                        scopes.enterprise(code).region().value(),
                        new Movement(
                                day, code, Instrument.ENERGY_RIGHT, year, Kind.OBLIGATION, o.dueTce(), 0, 0, ++row),
                        null,
                        null,
                        "energy_right:obligation",
                        deadline));
            }
        }
        if (rows.isEmpty()) {
            throw Refusal.of(
                    ErrorCode.MARKET_INVALID,
                    "no unit with a quota of " + year + " is accounted in full and without its obligation",
                    pending);
        }
        Allocations.refuseIf(repository.book(actor, "energy_right.obligation", bookings));
        return Map.of("year", year, "obligations", rows, "pending", pending);
    }
}
