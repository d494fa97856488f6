package dev.peakline.app.server.targets;

import dev.peakline.app.server.security.PeaklineUser;
import dev.peakline.app.server.security.Scopes;
import dev.peakline.app.server.web.Exports;
import dev.peakline.io.Report;
import dev.peakline.io.Table;
import dev.peakline.problems.ErrorCode;
import dev.peakline.problems.Problem;
import dev.peakline.problems.Refusal;
import dev.peakline.reference.Region;
import dev.peakline.store.Database;
import dev.peakline.store.StoreException;
import dev.peakline.store.targets.StatisticsRepository;
import dev.peakline.store.targets.TargetRepository;
import dev.peakline.targets.Decomposition;
import dev.peakline.targets.Figures;
import dev.peakline.targets.Indicator;
import dev.peakline.targets.Target;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
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
    public record TargetForm(
            String scope,
            String region,
            String industry,
            String enterprise,
            String indicator,
            Integer baseYear,
            Integer targetYear,
            Double value,
            String document) {}

    public record ChildForm(String region, Double value) {}

    /** UNIFORM proposes the children from the parent; otherwise the children are given. */
    public record DecomposeForm(String method, List<ChildForm> children) {}

    private final Scopes scopes;
    private final TargetBook book;
    private final StatisticsImport statistics;
    private final Database db;
    private final Clock clock;
    private final String pdfFont;

    public TargetApi(
            Scopes scopes,
            TargetBook book,
            StatisticsImport statistics,
            Database db,
            Clock clock,
            @Value("${peakline.pdf.font:}") String pdfFont) {
        this.scopes = scopes;
        this.book = book;
        this.statistics = statistics;
        this.db = db;
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
        List<TargetBook.View> views = book.views(TargetRepository.in(db, scopes.subtree(code)), year);
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
                        v.progress().warning().nameCn(),
                        v.target().document(),
                        v.source()));
            }
            return Report.list(
                    r.name() + " " + year + " 目标与预警",
                    List.of("ID", "层级", "对象", "指标", "目标", "基年", "目标年", "评价年", "基年值", "应达", "实际", "预警", "依据文件", "数据来源"),
                    rows);
        };
        return Exports.list(format, views, report, "targets-" + code + "-" + year);
    }

    @PostMapping("/targets")
    @Operation(summary = "Sets a target of a region, an industry in a region, or an enterprise")
    public ResponseEntity<Map<String, Object>> create(
            @AuthenticationPrincipal PeaklineUser me, @RequestBody TargetForm f) {
        TargetRepository.Row row = checked(me, f, null);
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(Map.of("id", store(() -> TargetRepository.create(db, me.actor(), row, clock.instant()))));
    }

    private TargetRepository.Row checked(PeaklineUser me, TargetForm f, Long parent) {
        Indicator indicator = null;
        try {
            indicator = f.indicator() == null ? null : Indicator.valueOf(f.indicator());
        } catch (IllegalArgumentException e) {
            // reported with the other problems below
        }
        List<Problem> p = new ArrayList<>(Target.problems(indicator, f.baseYear(), f.targetYear(), f.value()));
        String scope = f.scope() == null ? "REGION" : f.scope();
        String region = f.region();
        switch (scope) {
            case "REGION" -> scopes.govern(me, region == null ? "" : region);
            case "INDUSTRY" -> {
                scopes.govern(me, region == null ? "" : region);
                if (f.industry() == null
                        || scopes.registry().industry(f.industry()).isEmpty()) {
                    p.add(Problem.at(
                            "target.industry",
                            "target",
                            0,
                            "industry",
                            "'" + f.industry() + "' is not a GB/T 4754-2017 industry code"));
                }
            }
            case "ENTERPRISE" -> {
                var e = scopes.readEnterprise(me, f.enterprise() == null ? "" : f.enterprise());
                scopes.govern(me, e.region().value());
                region = e.region().value();
            }
            default ->
                p.add(Problem.at("target.scope", "target", 0, "scope", "scope must be REGION, INDUSTRY or ENTERPRISE"));
        }
        if (f.document() != null && f.document().length() > 300) {
            p.add(Problem.at("target.document", "target", 0, "document", "document is at most 300 characters"));
        }
        if (!p.isEmpty()) {
            throw Refusal.of(ErrorCode.TARGET_INVALID, p.size() + " problem(s); nothing was stored", p);
        }
        return new TargetRepository.Row(
                0,
                scope,
                region,
                scope.equals("INDUSTRY") ? f.industry() : null,
                scope.equals("ENTERPRISE") ? f.enterprise() : null,
                indicator.name(),
                f.baseYear(),
                f.targetYear(),
                f.value(),
                parent,
                f.document() == null ? "" : f.document().strip());
    }

    private static long store(java.util.function.LongSupplier s) {
        try {
            return s.getAsLong();
        } catch (StoreException e) {
            if ("23505".equals(e.sqlState())) {
                throw Refusal.of(
                        ErrorCode.TARGET_DUPLICATE, "this subject already has a target for the indicator and years");
            }
            throw e;
        }
    }

    @GetMapping("/targets/{id}/decomposition")
    @Operation(summary = "A target's children and whether they are consistent with it")
    public Map<String, Object> decomposition(@AuthenticationPrincipal PeaklineUser me, @PathVariable long id) {
        TargetRepository.Row parent = readable(me, id);
        List<TargetRepository.Row> kids = TargetRepository.children(db, id);
        Map<String, Target> children = new LinkedHashMap<>();
        kids.forEach(k -> children.put(k.region(), TargetBook.target(k)));
        List<String> expected = expected(parent);
        Map<String, Figures> base = book.childFigures(expected, parent.baseYear());
        Target p = TargetBook.target(parent);
        return Map.of(
                "parent",
                parent,
                "children",
                kids,
                "implied",
                Decomposition.implied(p.indicator(), children, base),
                "problems",
                kids.isEmpty() ? List.of() : Decomposition.check(p, children, base, expected));
    }

    private TargetRepository.Row readable(PeaklineUser me, long id) {
        TargetRepository.Row t = TargetRepository.find(db, id).orElseThrow(() -> Refusal.notFound("target " + id));
        scopes.readRegion(me, t.region());
        return t;
    }

    private List<String> expected(TargetRepository.Row parent) {
        if (!parent.scope().equals("REGION")) {
            throw Refusal.field(ErrorCode.TARGET_SCOPE, "scope", "only region targets are decomposed to child regions");
        }
        return scopes.registry().children(scopes.region(parent.region()).code()).stream()
                .map(c -> c.code().value())
                .toList();
    }

    @PostMapping("/targets/{id}/decompose")
    @Operation(
            summary = "Decomposes a region target to its child regions (UNIFORM, or given values); inconsistent"
                    + " decompositions are refused with the reason")
    public Map<String, Object> decompose(
            @AuthenticationPrincipal PeaklineUser me, @PathVariable long id, @RequestBody DecomposeForm form) {
        TargetRepository.Row parent = readable(me, id);
        scopes.govern(me, parent.region());
        List<String> expected = expected(parent);
        Target p = TargetBook.target(parent);
        Map<String, Figures> base = book.childFigures(expected, parent.baseYear());
        Map<String, Target> children = new LinkedHashMap<>();
        List<Problem> problems = new ArrayList<>();
        if ("UNIFORM".equals(form.method())) {
            if (base.size() < expected.size()) {
                throw Refusal.field(
                        ErrorCode.DECOMPOSITION_FIGURES,
                        "figures",
                        "UNIFORM needs " + parent.baseYear() + " statistics of every child region; missing: "
                                + expected.stream()
                                        .filter(c -> !base.containsKey(c))
                                        .toList());
            }
            children.putAll(Decomposition.propose(p, base));
        } else if (form.children() != null) {
            int n = 0;
            for (ChildForm c : form.children()) {
                n++;
                if (c.region() == null || !expected.contains(c.region())) {
                    problems.add(Problem.at(
                            "decomposition.region",
                            "children",
                            n,
                            "region",
                            "'" + c.region() + "' is not a child region of " + parent.region()));
                    continue;
                }
                List<Problem> own = Target.problems(p.indicator(), p.baseYear(), p.targetYear(), c.value());
                own.forEach(x ->
                        problems.add(Problem.at(x.code(), "children", 0, "value", c.region() + ": " + x.message())));
                if (own.isEmpty()) {
                    children.put(c.region(), new Target(p.indicator(), p.baseYear(), p.targetYear(), c.value()));
                }
            }
        } else {
            throw Refusal.field(
                    ErrorCode.DECOMPOSITION_METHOD, "method", "give method UNIFORM or the children's values");
        }
        if (problems.isEmpty()) {
            problems.addAll(Decomposition.check(p, children, base, expected));
        }
        if (!problems.isEmpty()) {
            throw Refusal.of(
                    ErrorCode.DECOMPOSITION_INVALID, problems.size() + " problem(s); nothing was stored", problems);
        }
        List<TargetRepository.Row> rows = new ArrayList<>();
        children.forEach((region, t) -> rows.add(new TargetRepository.Row(
                0,
                "REGION",
                region,
                null,
                null,
                t.indicator().name(),
                t.baseYear(),
                t.targetYear(),
                t.value(),
                id,
                "分解自 #" + id + (parent.document().isEmpty() ? "" : "（" + parent.document() + "）"))));
        try {
            List<Long> ids = TargetRepository.decompose(db, me.actor(), id, rows, clock.instant());
            return Map.of(
                    "parent", id, "children", ids, "implied", Decomposition.implied(p.indicator(), children, base));
        } catch (StoreException e) {
            if ("23505".equals(e.sqlState()) || "23503".equals(e.sqlState())) {
                throw Refusal.of(
                        ErrorCode.DECOMPOSITION_CONFLICT,
                        "a child region already has its own target for this indicator and years, or its target has been"
                                + " decomposed further");
            }
            throw e;
        }
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
        return Exports.xlsx(StatisticsImport.template(), "region-statistics-template");
    }

    @PostMapping(value = "/statistics", consumes = "multipart/form-data")
    @Operation(summary = "Imports region statistics (.xlsx or UTF-8 CSV); all rows or none, region-years replaced")
    public Map<String, Object> importStatistics(
            @AuthenticationPrincipal PeaklineUser me, @RequestPart("file") MultipartFile file) throws IOException {
        String name = file.getOriginalFilename() == null ? "upload" : file.getOriginalFilename();
        Table t;
        try {
            t = name.toLowerCase(java.util.Locale.ROOT).endsWith(".xlsx")
                    ? Table.pick(Table.excel(name, file.getBytes()), List.of("统计数据", "statistics"), true)
                            .orElseThrow()
                    : Table.csv(name, new String(file.getBytes(), StandardCharsets.UTF_8));
        } catch (RuntimeException e) {
            throw Refusal.field(ErrorCode.UPLOAD_UNREADABLE, "file", name + " cannot be read as .xlsx or UTF-8 CSV");
        }
        StatisticsImport.Parsed parsed = statistics.parse(t);
        if (!parsed.problems().isEmpty()) {
            throw Refusal.of(
                    ErrorCode.STATS_INVALID,
                    parsed.problems().size() + " problem(s) in " + name + "; nothing was stored",
                    parsed.problems());
        }
        for (StatisticsRepository.Stat s : parsed.stats()) {
            scopes.govern(me, s.region());
        }
        int n = StatisticsRepository.replace(db, me.actor(), parsed.stats(), clock.instant());
        return Map.of("regionYears", n);
    }

    @GetMapping("/statistics/regions/{code}")
    @Operation(summary = "Stored statistics of a region and its subtree; format=xlsx downloads them")
    public ResponseEntity<?> statisticsOf(
            @AuthenticationPrincipal PeaklineUser me,
            @PathVariable String code,
            @RequestParam(defaultValue = "json") String format) {
        Region r = scopes.readRegion(me, code);
        List<StatisticsRepository.Stat> stats = StatisticsRepository.of(db, scopes.subtree(code));
        java.util.function.Supplier<Report> report = () -> {
            List<List<Object>> rows = new ArrayList<>();
            for (StatisticsRepository.Stat s : stats) {
                for (StatisticsRepository.EnergyLine l : s.energy()) {
                    rows.add(List.of(s.region(), s.year(), l.carrier(), l.amount(), l.unit(), "", l.tce(), l.co2()));
                }
                rows.add(List.of(s.region(), s.year(), "gdp", s.gdp10kYuan() / 1e4, "亿元", s.priceBaseYear(), "", ""));
            }
            List<String> header = new ArrayList<>(StatisticsImport.HEADER);
            header.add("tce");
            header.add("co2_t");
            return Report.list(r.name() + " 区域统计数据", header, rows);
        };
        return Exports.list(format, stats, report, "statistics-" + code);
    }
}
