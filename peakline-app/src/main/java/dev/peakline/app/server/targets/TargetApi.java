package dev.peakline.app.server.targets;

import dev.peakline.app.server.security.PeaklineUser;
import dev.peakline.app.server.security.Scopes;
import dev.peakline.app.server.targets.TargetRegister.DecomposeForm;
import dev.peakline.app.server.targets.TargetRegister.TargetForm;
import dev.peakline.app.server.web.Exports;
import dev.peakline.io.report.Report;
import dev.peakline.io.targets.StatisticsReader;
import dev.peakline.problems.ErrorCode;
import dev.peakline.problems.Refusal;
import dev.peakline.reference.Region;
import dev.peakline.store.Database;
import dev.peakline.store.targets.StatisticsRepository;
import dev.peakline.store.targets.TargetRepository;
import dev.peakline.targets.Indicator;
import dev.peakline.targets.RegionStatistics;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** 双控目标: targets, decomposition, early warning, the assessment report, and the region statistics behind them. */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "targets", description = "目标分解、预警与考核; 区域统计数据导入")
public class TargetApi {
    private final Scopes scopes;
    private final TargetBook book;
    private final TargetRegister register;
    private final StatisticsImport statistics;
    private final Database db;
    private final TargetRepository targetRepository;
    private final StatisticsRepository statisticsRepository;
    private final Clock clock;
    private final String pdfFont;

    public TargetApi(
            Scopes scopes,
            TargetBook book,
            TargetRegister register,
            StatisticsImport statistics,
            Database db,
            TargetRepository targetRepository,
            StatisticsRepository statisticsRepository,
            Clock clock,
            @Value("${peakline.pdf.font:}") String pdfFont) {
        this.scopes = scopes;
        this.book = book;
        this.register = register;
        this.statistics = statistics;
        this.db = db;
        this.targetRepository = targetRepository;
        this.statisticsRepository = statisticsRepository;
        this.clock = clock;
        this.pdfFont = pdfFont;
    }

    @GetMapping("/targets/regions/{code}")
    @Operation(
            summary = "Targets of a region, its children and the enterprises and industries in it, with progress in a"
                    + " year and warnings; format=xlsx downloads them")
    public ResponseEntity<?> targets(
            @AuthenticationPrincipal PeaklineUser me,
            @PathVariable String code,
            @RequestParam int year,
            @RequestParam(defaultValue = "json") String format) {
        Region r = scopes.readRegion(me, code);
        dev.peakline.app.server.web.Requests.checkSpan(year, null);
        List<TargetBook.View> views = book.views(targetRepository.in(scopes.subtree(code)), year);
        java.util.function.Supplier<Report> report = () -> {
            List<List<Object>> rows = new ArrayList<>();
            for (TargetBook.View v : views) {
                Indicator i = v.progress().indicator();
                rows.add(List.of(
                        v.target().id(),
                        v.target().scope(),
                        v.subjectName(),
                        i.nameCn(),
                        TargetBook.targetText(v.target()),
                        v.target().baseYear(),
                        v.target().targetYear(),
                        v.progress().year(),
                        TargetBook.value(i, v.progress().base()),
                        TargetBook.value(i, v.progress().required()),
                        TargetBook.value(i, v.progress().actual()),
                        v.progress().warning().nameCn() + "（"
                                + v.progress().warning().level() + "）",
                        v.progress().assessment().nameCn(),
                        v.target().document(),
                        v.source()));
            }
            return Report.list(
                    r.name() + " " + year + " 目标与预警",
                    List.of(
                            "ID", "层级", "对象", "指标", "目标", "基年", "目标年", "评价年", "基年值", "应达", "实际", "预警", "考核结果", "依据文件",
                            "数据来源"),
                    rows);
        };
        return Exports.list(format, views, report, "targets-" + code + "-" + year);
    }

    @GetMapping("/targets/enterprises/{code}")
    @Operation(
            summary =
                    "The enterprise's own targets (set for it, e.g. from a decomposition) with progress in a year, the"
                            + " warning level and the assessment")
    public List<TargetBook.View> enterpriseTargets(
            @AuthenticationPrincipal PeaklineUser me, @PathVariable String code, @RequestParam int year) {
        var e = scopes.readEnterprise(me, code);
        dev.peakline.app.server.web.Requests.checkSpan(year, null);
        List<TargetRepository.Row> mine = targetRepository.in(List.of(e.region().value())).stream()
                .filter(t -> code.equals(t.enterprise()))
                .toList();
        return book.views(mine, year);
    }

    @PostMapping("/targets")
    @Operation(summary = "Sets a target of a region, an industry in a region, or an enterprise")
    public ResponseEntity<Map<String, Object>> create(
            @AuthenticationPrincipal PeaklineUser me, @RequestBody TargetForm f) {
        return ResponseEntity.status(HttpStatus.CREATED).body(Map.of("id", register.create(me, f)));
    }

    @GetMapping("/targets/{id}/decomposition")
    @Operation(summary = "A target's children and whether they are consistent with it")
    public Map<String, Object> decomposition(@AuthenticationPrincipal PeaklineUser me, @PathVariable long id) {
        return register.decomposition(me, id);
    }

    @PostMapping("/targets/{id}/decompose")
    @Operation(
            summary = "Decomposes a region target to its child regions (UNIFORM, or given values); inconsistent"
                    + " decompositions are refused with the reason")
    public Map<String, Object> decompose(
            @AuthenticationPrincipal PeaklineUser me, @PathVariable long id, @RequestBody DecomposeForm form) {
        return register.decompose(me, id, form);
    }

    @PostMapping(value = "/statistics", consumes = "multipart/form-data")
    @Operation(summary = "Imports region statistics (.xlsx or UTF-8 CSV); all rows or none, region-years replaced")
    public Map<String, Object> importStatistics(
            @AuthenticationPrincipal PeaklineUser me, @RequestPart("file") MultipartFile file) throws IOException {
        return Map.of("regionYears", statistics.importFile(me, file.getOriginalFilename(), file.getBytes()));
    }

    @GetMapping("/targets/regions/{code}/assessment")
    @Operation(summary = "The annual assessment report of a region (format=xlsx or pdf)")
    public ResponseEntity<byte[]> assessment(
            @AuthenticationPrincipal PeaklineUser me,
            @PathVariable String code,
            @RequestParam int year,
            @RequestParam(defaultValue = "pdf") String format) {
        Region r = scopes.readRegion(me, code);
        dev.peakline.app.server.web.Requests.checkSpan(year, null);
        Report report = book.assessment(r, year);
        String name = "assessment-" + code + "-" + year;
        return switch (format) {
            case "xlsx" -> Exports.xlsx(report, name);
            case "pdf" -> Exports.pdf(report, name, pdfFont);
            default -> throw Refusal.field(ErrorCode.FORMAT, "format", "format must be pdf or xlsx");
        };
    }

    @GetMapping("/statistics/template.xlsx")
    @Operation(summary = "The region statistics import template")
    public ResponseEntity<byte[]> template() {
        return Exports.xlsx(StatisticsReader.template(), "region-statistics-template");
    }

    @GetMapping("/statistics/regions/{code}")
    @Operation(summary = "Stored statistics of a region and its subtree; format=xlsx downloads them")
    public ResponseEntity<?> statisticsOf(
            @AuthenticationPrincipal PeaklineUser me,
            @PathVariable String code,
            @RequestParam(defaultValue = "json") String format) {
        Region r = scopes.readRegion(me, code);
        List<RegionStatistics> stats = statisticsRepository.of(scopes.subtree(code));
        java.util.function.Supplier<Report> report = () -> {
            List<List<Object>> rows = new ArrayList<>();
            for (RegionStatistics s : stats) {
                for (RegionStatistics.EnergyLine l : s.energy()) {
                    rows.add(List.of(s.region(), s.year(), l.carrier(), l.amount(), l.unit(), "", l.tce(), l.co2()));
                }
                rows.add(List.of(s.region(), s.year(), "gdp", s.gdp10kYuan() / 1e4, "亿元", s.priceBaseYear(), "", ""));
            }
            List<String> header = new ArrayList<>(StatisticsReader.HEADER);
            header.add("tce");
            header.add("co2_t");
            return Report.list(r.name() + " 区域统计数据", header, rows);
        };
        return Exports.list(format, stats, report, "statistics-" + code);
    }
}
