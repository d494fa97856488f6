package dev.peakline.app.server.dashboard;

import dev.peakline.app.server.security.PeaklineUser;
import dev.peakline.app.server.security.Scopes;
import dev.peakline.app.server.web.Requests;
import dev.peakline.problems.ErrorCode;
import dev.peakline.problems.Refusal;
import dev.peakline.reference.Region;
import dev.peakline.store.Database;
import dev.peakline.store.ledger.AccountResults;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Regions and the "one network" dashboard, for government users within their region and administrators. */
@RestController
@RequestMapping("/api/v1/regions")
@Tag(name = "regions", description = "一张网: regions, their emissions, energy, intensity, rankings and drill-down")
public class RegionApi {
    private final Scopes scopes;
    private final Dashboards dashboards;
    private final Database db;
    private final AccountResults accountResults;

    private final dev.peakline.store.targets.StatisticsRepository statistics;
    private final com.fasterxml.jackson.databind.ObjectMapper mapper;

    public RegionApi(
            Scopes scopes,
            Dashboards dashboards,
            Database db,
            AccountResults accountResults,
            dev.peakline.store.targets.StatisticsRepository statistics,
            com.fasterxml.jackson.databind.ObjectMapper mapper) {
        this.statistics = statistics;
        this.mapper = mapper;
        this.db = db;
        this.accountResults = accountResults;
        this.scopes = scopes;
        this.dashboards = dashboards;
    }

    @GetMapping("/{code}")
    @Operation(summary = "A region with its parents and children")
    public Map<String, Object> region(@AuthenticationPrincipal PeaklineUser me, @PathVariable String code) {
        Region r = scopes.readRegion(me, code);
        return Map.of(
                "code", code,
                "name", r.name(),
                "level", r.level().name(),
                "lineage",
                        scopes.registry().lineage(r.code()).stream()
                                .map(x -> Map.of("code", x.code().value(), "name", x.name()))
                                .toList(),
                "children",
                        scopes.registry().children(r.code()).stream()
                                .map(x -> Map.of("code", x.code().value(), "name", x.name()))
                                .toList());
    }

    @GetMapping("/{code}/dashboard")
    @Operation(summary = "Totals, children, months, industry mix, top emitters and coverage of a year or month")
    @io.swagger.v3.oas.annotations.responses.ApiResponse(
            responseCode = "200",
            content =
                    @io.swagger.v3.oas.annotations.media.Content(
                            mediaType = "application/json",
                            schema =
                                    @io.swagger.v3.oas.annotations.media.Schema(
                                            implementation = Dashboards.View.class)))
    public org.springframework.http.ResponseEntity<byte[]> dashboard(
            @AuthenticationPrincipal PeaklineUser me,
            @PathVariable String code,
            @RequestParam int year,
            @RequestParam(required = false) Integer month) {
        Region r = scopes.readRegion(me, code);
        Requests.checkSpan(year, month);
        return org.springframework.http.ResponseEntity.ok()
                .contentType(org.springframework.http.MediaType.APPLICATION_JSON)
                .body(dashboards.viewJson(r, year, month, mapper));
    }

    @GetMapping("/{code}/inventory")
    @Operation(
            summary = "Top-down (the region statistics' CO2 and energy) beside bottom-up (filed enterprises' direct"
                    + " emissions and energy), with coverage and the children's gaps, largest first")
    public Dashboards.Comparison inventory(
            @AuthenticationPrincipal PeaklineUser me, @PathVariable String code, @RequestParam int year) {
        Region r = scopes.readRegion(me, code);
        Requests.checkSpan(year, null);
        return dashboards.inventory(r, year, statistics.of(scopes.subtree(code)));
    }

    @GetMapping("/{code}/enterprises")
    @Operation(summary = "Drill-down: enterprises of the region (and industry prefix) by emissions, largest first")
    public List<AccountResults.EnterpriseSum> enterprises(
            @AuthenticationPrincipal PeaklineUser me,
            @PathVariable String code,
            @RequestParam int year,
            @RequestParam(required = false) Integer month,
            @RequestParam(defaultValue = "") String industry,
            @RequestParam(defaultValue = "50") int limit) {
        scopes.readRegion(me, code);
        Requests.checkSpan(year, month);
        if (!dashboards.knownIndustry(industry)) {
            throw Refusal.field(
                    ErrorCode.INDUSTRY_CODE, "industry", "'" + industry + "' is not a GB/T 4754-2017 industry code");
        }
        if (limit < 1 || limit > 1000) {
            throw Refusal.field(ErrorCode.LIMIT, "limit", "limit must be between 1 and 1000");
        }
        String span =
                month == null ? String.valueOf(year) : YearMonth.of(year, month).toString();
        return accountResults.enterprises(scopes.subtree(code), span, industry, limit);
    }
}
