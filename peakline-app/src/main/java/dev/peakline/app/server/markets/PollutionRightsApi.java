package dev.peakline.app.server.markets;

import dev.peakline.app.server.security.PeaklineUser;
import dev.peakline.app.server.security.Scopes;
import dev.peakline.domain.Enterprise;
import dev.peakline.markets.PollutionRights;
import dev.peakline.store.pollution.OutletRepository;
import dev.peakline.store.pollution.PollutantRepository;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * 排污权 (issue 30): each enterprise's permitted quantities per pollutant (its open outlets' 排污许可证, issue 29)
 * against what its approved pollutant months emitted in the year (issue 18), by core's {@link PollutionRights}; the
 * region's view lists the enterprises over or ahead of their quantities first.
 */
@RestController
@RequestMapping("/api/v1/markets")
@Tag(name = "markets", description = "碳排放权交易：机组、配额分配、履约清缴、转让")
public class PollutionRightsApi {
    private final Scopes scopes;
    private final OutletRepository outlets;
    private final PollutantRepository pollutants;

    public PollutionRightsApi(Scopes scopes, OutletRepository outlets, PollutantRepository pollutants) {
        this.scopes = scopes;
        this.outlets = outlets;
        this.pollutants = pollutants;
    }

    private static final List<String> ORDER = List.of("exceeded", "unpermitted", "ahead", "within");

    @GetMapping("/accounts/{code}/pollution-rights")
    @Operation(summary = "The enterprise's permitted quantities per pollutant against its approved months of the year")
    public Map<String, Object> of(
            @AuthenticationPrincipal PeaklineUser me, @PathVariable String code, @RequestParam int year) {
        Enterprise e = scopes.readEnterprise(me, code);
        dev.peakline.app.server.web.Requests.checkSpan(year, null);
        List<String> regions = List.of(e.region().value());
        Map<String, Double> permitted = outlets.permittedIn(regions).getOrDefault(code, Map.of());
        int months = pollutants.approvedMonths(regions, year).getOrDefault(code, 0);
        Map<String, Double> emitted = pollutants.yearByEnterprise(regions, year).getOrDefault(code, Map.of());
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("enterprise", code);
        out.put("name", e.name());
        out.put("year", year);
        out.put("months", months);
        out.put("pollutants", PollutionRights.standings(permitted, emitted, months));
        return out;
    }

    @GetMapping("/{region}/pollution-rights")
    @Operation(
            summary = "The region's enterprises with permitted quantities, each pollutant against its approved months;"
                    + " those over or ahead first")
    public List<Map<String, Object>> region(
            @AuthenticationPrincipal PeaklineUser me, @PathVariable String region, @RequestParam int year) {
        scopes.readRegion(me, region);
        dev.peakline.app.server.web.Requests.checkSpan(year, null);
        List<String> regions = scopes.subtree(region);
        Map<String, Map<String, Double>> permitted = outlets.permittedIn(regions);
        Map<String, Integer> months = pollutants.approvedMonths(regions, year);
        Map<String, Map<String, Double>> emitted = pollutants.yearByEnterprise(regions, year);
        java.util.Set<String> visible = new java.util.HashSet<>(scopes.visibleIn(me, region));
        List<Map<String, Object>> out = new ArrayList<>();
        for (Map.Entry<String, Map<String, Double>> p : permitted.entrySet()) {
            if (!visible.contains(p.getKey())) {
                continue;
            }
            for (PollutionRights.Standing s : PollutionRights.standings(
                    p.getValue(), emitted.getOrDefault(p.getKey(), Map.of()), months.getOrDefault(p.getKey(), 0))) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("enterprise", p.getKey());
                m.put("name", scopes.enterprise(p.getKey()).name());
                m.put("medium", s.medium());
                m.put("pollutant", s.pollutant());
                m.put("permittedT", s.permittedT());
                m.put("emittedT", s.emittedT());
                m.put("months", s.months());
                m.put("used", s.used());
                m.put("pace", s.pace());
                m.put("status", s.status());
                out.add(m);
            }
        }
        out.sort(Comparator.<Map<String, Object>>comparingInt(m -> ORDER.indexOf((String) m.get("status")))
                .thenComparing(m -> -(m.get("pace") == null ? 0.0 : (Double) m.get("pace"))));
        return out;
    }
}
