package dev.peakline.app.server.sinks;

import dev.peakline.app.server.security.PeaklineUser;
import dev.peakline.app.server.security.Scopes;
import dev.peakline.io.sinks.SinkReader;
import dev.peakline.problems.ErrorCode;
import dev.peakline.problems.Refusal;
import dev.peakline.reference.Region;
import dev.peakline.store.sinks.SinkRepository;
import dev.peakline.store.targets.StatisticsRepository;
import dev.peakline.targets.RegionStatistics;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * 碳汇 (issue 18): a region's sink inventory imported by the government of the regions in the file (the same reader
 * and methods as {@code ./peakline sinks}), shown by pool beside the region's gross emissions, never netted in their
 * place.
 */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "sinks", description = "碳汇清单")
public class SinkApi {
    private final Scopes scopes;
    private final SinkRepository sinks;
    private final StatisticsRepository statistics;

    public SinkApi(Scopes scopes, SinkRepository sinks, StatisticsRepository statistics) {
        this.scopes = scopes;
        this.sinks = sinks;
        this.statistics = statistics;
    }

    @PostMapping(path = "/sinks", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(
            summary = "Imports sink inventory rows (CSV: region,year,pool,method and the method's coefficients); the"
                    + " region-years in the file are replaced whole, audited; any bad row refuses the file")
    public ResponseEntity<Map<String, Object>> importFile(
            @AuthenticationPrincipal PeaklineUser me, @RequestPart("file") MultipartFile file) throws IOException {
        SinkReader.Read read =
                SinkReader.read(dev.peakline.app.server.web.Uploads.table(file, "sinks.csv", List.of("sinks", "碳汇清单")));
        if (!read.ok()) {
            throw Refusal.of(
                    ErrorCode.SINKS_INVALID,
                    read.problems().size() + " problem(s); nothing was stored",
                    read.problems());
        }
        Set<String> regions = new LinkedHashSet<>();
        read.rows().forEach(r -> regions.add(r.region()));
        regions.forEach(r -> scopes.govern(me, r));
        List<SinkRepository.Row> rows = read.rows().stream()
                .map(r -> new SinkRepository.Row(
                        r.region(), r.year(), r.line(), r.pool(), r.method(), r.inputs(), r.removals()))
                .toList();
        int regionYears = sinks.replace(me.actor(), rows);
        return ResponseEntity.status(HttpStatus.CREATED).body(Map.of("regionYears", regionYears, "rows", rows.size()));
    }

    @GetMapping("/sinks/template.csv")
    @Operation(summary = "The sink inventory template (CSV, UTF-8; every coefficient is the inventory's own)")
    public ResponseEntity<byte[]> template() {
        String text = String.join(",", dev.peakline.io.sinks.SinkTemplate.columns()) + "\n";
        return dev.peakline.app.server.web.Exports.csv(text, "sinks-template");
    }

    @GetMapping("/sinks/template.xlsx")
    @Operation(summary = "The sink inventory workbook, with a sheet saying which columns each method needs")
    public ResponseEntity<byte[]> workbook() {
        return dev.peakline.app.server.web.Exports.workbook(
                dev.peakline.io.sinks.SinkTemplate.write(), "sinks-template");
    }

    @GetMapping("/regions/{code}/sinks")
    @Operation(
            summary = "The sink inventory of a region and its subtree in a year: removals by region and pool, the"
                    + " total, and the region's gross CO2 from its statistics beside it (net shown apart)")
    public Map<String, Object> of(
            @AuthenticationPrincipal PeaklineUser me, @PathVariable String code, @RequestParam int year) {
        Region r = scopes.readRegion(me, code);
        dev.peakline.app.server.web.Requests.checkSpan(year, null);
        List<SinkRepository.Row> rows = sinks.of(scopes.subtree(code), year);
        Map<String, Double> byPool = new TreeMap<>();
        Map<String, Map<String, Object>> byRegion = new LinkedHashMap<>();
        double total = 0;
        for (SinkRepository.Row s : rows) {
            byPool.merge(s.pool(), s.removals(), Double::sum);
            total += s.removals();
            Map<String, Object> m = byRegion.computeIfAbsent(s.region() + "|" + s.pool(), k -> {
                Map<String, Object> x = new LinkedHashMap<>();
                x.put("region", s.region());
                x.put("name", scopes.region(s.region()).name());
                x.put("pool", s.pool());
                x.put("methods", new LinkedHashSet<String>());
                x.put("removals", 0.0);
                return x;
            });
            m.put("removals", (double) m.get("removals") + s.removals());
            @SuppressWarnings("unchecked")
            Set<String> methods = (Set<String>) m.get("methods");
            methods.add(s.method());
        }
        Double gross = statistics.of(List.of(code)).stream()
                .filter(s -> s.year() == year)
                .map(RegionStatistics::co2)
                .findFirst()
                .orElse(null);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("region", code);
        out.put("name", r.name());
        out.put("year", year);
        out.put("removals", total);
        out.put("byPool", byPool);
        out.put("rows", new ArrayList<>(byRegion.values()));
        out.put("grossCo2", gross);
        out.put("net", gross == null ? null : gross + total);
        return out;
    }
}
