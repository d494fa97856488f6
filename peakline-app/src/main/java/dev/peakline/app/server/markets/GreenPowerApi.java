package dev.peakline.app.server.markets;

import dev.peakline.app.server.security.PeaklineUser;
import dev.peakline.app.server.security.Scopes;
import dev.peakline.markets.GreenPower;
import dev.peakline.markets.MarketBasedScope2;
import dev.peakline.problems.ErrorCode;
import dev.peakline.problems.Problem;
import dev.peakline.problems.Refusal;
import dev.peakline.reference.ReferenceLibrary;
import dev.peakline.reference.ResolvedFactor;
import dev.peakline.store.ledger.AccountResults;
import dev.peakline.store.markets.MarketRepository;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * 可再生能源电力消纳责任权重 (issue 30): the region's obligation of a year and what it achieved, as its government enters them
 * from the notice, and every enterprise's green-power share from the certificates it retired for the year (the market-based
 * scope 2's figures), the electrolytic aluminium smelters (GB/T 4754 3216) against the notice's share for them.
 */
@RestController
@RequestMapping("/api/v1/markets")
@Tag(name = "markets", description = "碳排放权交易：机组、配额分配、履约清缴、转让")
public class GreenPowerApi {
    private final Scopes scopes;
    private final MarketRepository repository;
    private final AccountResults results;
    private final ReferenceLibrary library;

    public GreenPowerApi(Scopes scopes, MarketRepository repository, AccountResults results, ReferenceLibrary library) {
        this.scopes = scopes;
        this.repository = repository;
        this.results = results;
        this.library = library;
    }

    public record WeightForm(
            Double obligationTotal,
            Double obligationNonHydro,
            Double aluminiumShare,
            Double actualTotal,
            Double actualNonHydro,
            String document) {}

    private static void share(List<Problem> p, String name, Double v, boolean required) {
        if (v == null) {
            if (required) {
                p.add(Problem.at("market.field", "request", 0, name, name + " is needed"));
            }
            return;
        }
        if (!(v >= 0 && v <= 1)) {
            p.add(Problem.at(
                    "market.field",
                    "request",
                    0,
                    name,
                    name + " " + v + " is a share: give it as a fraction, 0.368 for 36.8 %"));
        }
    }

    @PutMapping("/{region}/renewable-weights/{year}")
    @Operation(
            summary = "Records the region's 消纳责任权重 of a year: the obligation its notice sets and the shares achieved"
                    + " (fractions, 0.368 for 36.8 %), with the notice; the region's government; audited")
    public Map<String, Object> put(
            @AuthenticationPrincipal PeaklineUser me,
            @PathVariable String region,
            @PathVariable int year,
            @RequestBody WeightForm f) {
        scopes.govern(me, region);
        dev.peakline.app.server.web.Requests.checkSpan(year, null);
        List<Problem> p = new ArrayList<>();
        if (f == null) {
            throw Refusal.field(ErrorCode.MARKET_INVALID, "obligationTotal", "the year's obligation is needed");
        }
        share(p, "obligationTotal", f.obligationTotal(), true);
        if (f.obligationTotal() != null && f.obligationTotal() == 0) {
            p.add(Problem.at("market.field", "request", 0, "obligationTotal", "the obligation is above 0"));
        }
        share(p, "obligationNonHydro", f.obligationNonHydro(), false);
        share(p, "aluminiumShare", f.aluminiumShare(), false);
        share(p, "actualTotal", f.actualTotal(), false);
        share(p, "actualNonHydro", f.actualNonHydro(), false);
        if (f.document() == null || f.document().isBlank() || f.document().length() > 300) {
            p.add(Problem.at(
                    "market.field",
                    "request",
                    0,
                    "document",
                    "the notice the weights come from, as 发改办能源〔2024〕598号 (1–300 characters)"));
        }
        if (!p.isEmpty()) {
            throw Refusal.of(ErrorCode.MARKET_INVALID, p.size() + " problem(s); nothing was stored", p);
        }
        repository.putWeight(
                me.actor(),
                new MarketRepository.RenewableWeight(
                        region,
                        year,
                        f.obligationTotal(),
                        f.obligationNonHydro(),
                        f.aluminiumShare(),
                        f.actualTotal(),
                        f.actualNonHydro(),
                        f.document().strip(),
                        null,
                        null));
        return Map.of("region", region, "year", year);
    }

    @GetMapping("/{region}/green-power")
    @Operation(
            summary = "The region's 消纳责任权重 against its obligation, and its enterprises' green-power shares from"
                    + " certificates (aluminium smelters against the notice's share, those short first)")
    public Map<String, Object> of(
            @AuthenticationPrincipal PeaklineUser me, @PathVariable String region, @RequestParam int year) {
        scopes.readRegion(me, region);
        dev.peakline.app.server.web.Requests.checkSpan(year, null);
        Optional<MarketRepository.RenewableWeight> w = repository.weight(region, year);
        if (w.isEmpty() && !region.endsWith("0000")) {
            // a city without its own weights reads its province's
            w = repository.weight(region.substring(0, 2) + "0000", year);
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("region", region);
        out.put("year", year);
        out.put("weight", w.orElse(null));
        out.put(
                "total",
                w.map(x -> GreenPower.against(x.actualTotal(), x.obligationTotal()))
                        .orElse(null));
        out.put(
                "nonHydro",
                w.map(x -> GreenPower.against(x.actualNonHydro(), x.obligationNonHydro()))
                        .orElse(null));
        Double aluminium =
                w.map(MarketRepository.RenewableWeight::aluminiumShare).orElse(null);
        java.util.Set<String> visible = new java.util.HashSet<>(scopes.visibleIn(me, region));
        List<AccountResults.Electricity> es = results.electricityIn(scopes.subtree(region), year).stream()
                .filter(e -> visible.contains(e.enterprise()))
                .toList();
        Map<String, Double> certs = repository.certificatesRetiredIn(
                es.stream().map(AccountResults.Electricity::enterprise).toList(), year);
        ResolvedFactor grid =
                library.provinceGrid(region, LocalDate.of(year, 7, 1)).orElse(null);
        List<Map<String, Object>> rows = new ArrayList<>();
        if (grid != null) {
            for (AccountResults.Electricity e : es) {
                boolean smelter = e.industry().equals("3216");
                double c = certs.getOrDefault(e.enterprise(), 0.0);
                if (!smelter && c <= 0) {
                    continue;
                }
                MarketBasedScope2.Result r = MarketBasedScope2.of(year, e.electricityT(), grid.value(), c);
                double share = GreenPower.share(r);
                GreenPower.Against a = GreenPower.against(share, smelter ? aluminium : null);
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("enterprise", e.enterprise());
                m.put("name", scopes.enterprise(e.enterprise()).name());
                m.put("aluminium", smelter);
                m.put("months", e.months());
                m.put("consumptionMwh", r.consumptionMwh());
                m.put("certificatesMwh", c);
                m.put("share", share);
                m.put("target", a.target());
                m.put("gapPoints", a.gapPoints());
                m.put("met", a.met());
                rows.add(m);
            }
        }
        rows.sort(Comparator.<Map<String, Object>>comparingInt(m -> Boolean.FALSE.equals(m.get("met")) ? 0 : 1)
                .thenComparing(m -> (Double) m.get("share")));
        out.put("gridFactor", grid == null ? null : grid.value());
        out.put("enterprises", rows);
        return out;
    }
}
