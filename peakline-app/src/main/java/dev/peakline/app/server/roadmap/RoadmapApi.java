package dev.peakline.app.server.roadmap;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.peakline.app.server.security.PeaklineUser;
import dev.peakline.app.server.security.Scopes;
import dev.peakline.app.server.targets.TargetRegister;
import dev.peakline.app.server.web.Exports;
import dev.peakline.io.report.Report;
import dev.peakline.problems.ErrorCode;
import dev.peakline.problems.Problem;
import dev.peakline.problems.Refusal;
import dev.peakline.reference.Region;
import dev.peakline.roadmap.Lmdi;
import dev.peakline.roadmap.Regression;
import dev.peakline.roadmap.Roadmap;
import dev.peakline.roadmap.Scenario;
import dev.peakline.store.roadmap.RoadmapRepository;
import dev.peakline.store.targets.StatisticsRepository;
import dev.peakline.store.targets.TargetRepository;
import dev.peakline.targets.Indicator;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
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
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * 碳达峰路线图 (C9): a region's history from its statistics, its scenarios (the saved version, or three proposed from
 * the history), each scenario's path with the peak and the peak year's spread, the path against the region's targets,
 * the history's decomposition; scenarios tried without saving, saved as versions, turned into targets; exports.
 */
@RestController
@RequestMapping("/api/v1/roadmaps")
@Tag(name = "roadmaps", description = "碳达峰路线图：情景、峰值、分解与目标")
public class RoadmapApi {
    /** The default end of the scenarios. */
    static final int DEFAULT_TO_YEAR = 2035;

    private final Scopes scopes;
    private final StatisticsRepository statistics;
    private final TargetRepository targets;
    private final TargetRegister register;
    private final RoadmapRepository roadmaps;
    private final dev.peakline.store.ledger.AccountResults accounts;
    private final ObjectMapper json;
    private final String pdfFont;

    public RoadmapApi(
            Scopes scopes,
            StatisticsRepository statistics,
            TargetRepository targets,
            TargetRegister register,
            RoadmapRepository roadmaps,
            dev.peakline.store.ledger.AccountResults accounts,
            ObjectMapper json,
            @Value("${peakline.pdf.font:}") String pdfFont) {
        this.scopes = scopes;
        this.statistics = statistics;
        this.targets = targets;
        this.register = register;
        this.roadmaps = roadmaps;
        this.accounts = accounts;
        this.json = json;
        this.pdfFont = pdfFont;
    }

    /** Scenarios to try or save. */
    public record Form(Integer toYear, List<Roadmap.Spec> scenarios, String note) {}

    /** A scenario's path turned into a target of the region (and, when asked, decomposed to its children). */
    public record PathwayForm(
            String scenario, String indicator, Integer baseYear, Integer targetYear, Boolean decompose) {}

    @GetMapping("/{code}")
    @Operation(
            summary = "A region's roadmap: history, scenarios (the saved version or three proposed from the history),"
                    + " paths with peak year and value, the peak year's spread, targets compared, decomposition")
    public Map<String, Object> roadmap(
            @AuthenticationPrincipal PeaklineUser me,
            @PathVariable String code,
            @RequestParam(required = false) Integer version,
            @RequestParam(defaultValue = "") String industry) {
        Region r = scopes.readRegion(me, code);
        String ind = industry(industry);
        List<Roadmap.HistoryYear> history = history(code, ind);
        RoadmapRepository.Version v = version == null
                ? roadmaps.latest(code, ind).orElse(null)
                : roadmaps.version(code, ind, version)
                        .orElseThrow(() -> Refusal.field(
                                ErrorCode.NOT_FOUND,
                                "version",
                                "the roadmap of " + code + " has no version " + version));
        int toYear = v == null ? DEFAULT_TO_YEAR : v.toYear();
        List<Roadmap.Spec> specs = v == null ? Roadmap.proposals(history, toYear) : specs(v.scenarios());
        Map<String, Object> out = view(r, ind, history, specs, toYear);
        out.put("version", v == null ? null : v.version());
        out.put("proposed", v == null);
        out.put("savedBy", v == null ? null : v.createdBy());
        out.put("savedAt", v == null ? null : v.createdAt().toString());
        out.put("note", v == null ? "" : v.note());
        out.put(
                "versions",
                roadmaps.versions(code, ind).stream()
                        .map(x -> Map.of(
                                "version", x.version(),
                                "createdBy", x.createdBy(),
                                "createdAt", x.createdAt().toString(),
                                "note", x.note()))
                        .toList());
        return out;
    }

    @PostMapping("/{code}/project")
    @Operation(summary = "Projects scenarios without saving them (the page's driver editing)")
    public Map<String, Object> project(
            @AuthenticationPrincipal PeaklineUser me,
            @PathVariable String code,
            @RequestParam(defaultValue = "") String industry,
            @RequestBody Form form) {
        Region r = scopes.readRegion(me, code);
        String ind = industry(industry);
        List<Roadmap.HistoryYear> history = history(code, ind);
        int toYear = checked(form, history);
        return view(r, ind, history, form.scenarios(), toYear);
    }

    @PutMapping("/{code}")
    @Operation(summary = "Saves scenarios as the region's next roadmap version (audited); earlier versions stay")
    public ResponseEntity<Map<String, Object>> save(
            @AuthenticationPrincipal PeaklineUser me,
            @PathVariable String code,
            @RequestParam(defaultValue = "") String industry,
            @RequestBody Form form) {
        Region r = scopes.govern(me, code);
        String ind = industry(industry);
        List<Roadmap.HistoryYear> history = history(code, ind);
        int toYear = checked(form, history);
        if (form.note() != null && form.note().length() > 300) {
            throw Refusal.field(ErrorCode.ROADMAP_INVALID, "note", "the note is at most 300 characters");
        }
        String text;
        try {
            text = json.writeValueAsString(form.scenarios());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        int version = roadmaps.save(
                me.actor(),
                code,
                ind,
                history.get(history.size() - 1).year(),
                toYear,
                text,
                form.note() == null ? "" : form.note().strip());
        Map<String, Object> out = view(r, ind, history, form.scenarios(), toYear);
        out.put("version", version);
        out.put("proposed", false);
        return ResponseEntity.status(HttpStatus.CREATED).body(out);
    }

    @PostMapping("/{code}/pathway")
    @Operation(
            summary = "Turns a scenario of the saved roadmap into a CO2- or energy-intensity target of the region (the"
                    + " fall the scenario reaches) and decomposes it to the child regions (UNIFORM)")
    public ResponseEntity<Map<String, Object>> pathway(
            @AuthenticationPrincipal PeaklineUser me,
            @PathVariable String code,
            @RequestParam(defaultValue = "") String industry,
            @RequestBody PathwayForm form) {
        scopes.govern(me, code);
        String ind = industry(industry);
        RoadmapRepository.Version v = roadmaps.latest(code, ind)
                .orElseThrow(() -> Refusal.field(
                        ErrorCode.ROADMAP_INVALID,
                        "scenario",
                        "save the roadmap first: targets come from a saved version"));
        List<Roadmap.HistoryYear> history = history(code, ind);
        Roadmap.Spec spec = specs(v.scenarios()).stream()
                .filter(s -> s.key().equals(form.scenario()))
                .findFirst()
                .orElseThrow(() -> Refusal.of(
                        ErrorCode.ROADMAP_INVALID,
                        "no scenario '" + form.scenario() + "' in version " + v.version(),
                        List.of(Problem.at(
                                "roadmap.scenario_unknown",
                                "pathway",
                                0,
                                "scenario",
                                "version " + v.version() + " has no scenario '" + form.scenario() + "'"))));
        String indicator = form.indicator() == null ? "CARBON_INTENSITY" : form.indicator();
        if (!indicator.equals("CARBON_INTENSITY") && !indicator.equals("ENERGY_INTENSITY")) {
            throw Refusal.of(
                    ErrorCode.ROADMAP_INVALID,
                    "a pathway sets an intensity target",
                    List.of(Problem.at(
                            "roadmap.indicator",
                            "pathway",
                            0,
                            "indicator",
                            "indicator must be CARBON_INTENSITY or ENERGY_INTENSITY, not " + indicator)));
        }
        int base = form.baseYear() == null ? history.get(0).year() : form.baseYear();
        int target = form.targetYear() == null ? Math.min(2030, v.toYear()) : form.targetYear();
        Roadmap.Projection p = Roadmap.project(history.get(history.size() - 1), spec, v.toYear());
        Roadmap.Check c = Roadmap.check(indicator, base, target, 0, history, p.path());
        if (c.reached() == null) {
            throw Refusal.field(
                    ErrorCode.ROADMAP_INVALID,
                    "baseYear",
                    "the base year " + base + " has no statistics and the target year " + target
                            + " must lie within the roadmap (to " + v.toYear() + ")");
        }
        double value = Math.round(c.reached() * 10_000) / 10_000.0;
        long id = register.create(
                me,
                new TargetRegister.TargetForm(
                        ind.isEmpty() ? "REGION" : "INDUSTRY",
                        code,
                        ind.isEmpty() ? null : ind,
                        null,
                        indicator,
                        base,
                        target,
                        value,
                        "碳达峰路线图 第" + v.version() + "版「" + spec.name() + "」"));
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("targetId", id);
        out.put("value", value);
        out.put("version", v.version());
        if (ind.isEmpty()
                && !Boolean.FALSE.equals(form.decompose())
                && !scopes.registry().children(r(code)).isEmpty()) {
            out.put("decomposition", register.decompose(me, id, new TargetRegister.DecomposeForm("UNIFORM", null)));
        }
        return ResponseEntity.status(HttpStatus.CREATED).body(out);
    }

    @GetMapping("/{code}/export")
    @Operation(summary = "The roadmap (saved version or proposals) as a workbook or PDF: history, scenarios, paths")
    public ResponseEntity<byte[]> export(
            @AuthenticationPrincipal PeaklineUser me,
            @PathVariable String code,
            @RequestParam(defaultValue = "xlsx") String format,
            @RequestParam(required = false) Integer version,
            @RequestParam(defaultValue = "") String industry) {
        Map<String, Object> view = roadmap(me, code, version, industry);
        Report report = report(view);
        String name = "roadmap-" + code + (industry.isBlank() ? "" : "-" + industry.strip());
        return switch (format) {
            case "xlsx" -> Exports.xlsx(report, name);
            case "pdf" -> Exports.pdf(report, name, pdfFont);
            default -> throw Refusal.field(ErrorCode.FORMAT, "format", "format must be xlsx or pdf");
        };
    }

    private static dev.peakline.domain.RegionCode r(String code) {
        return dev.peakline.domain.RegionCode.of(code);
    }

    /** The industry asked for: "" for the region as a whole, else a GB/T 4754-2017 code. */
    private String industry(String industry) {
        String i = industry == null ? "" : industry.strip();
        if (!i.isEmpty() && scopes.registry().industry(i).isEmpty()) {
            throw Refusal.of(
                    ErrorCode.ROADMAP_INVALID,
                    "unknown industry",
                    List.of(Problem.at(
                            "roadmap.industry", "roadmap", 0, "industry", "'" + i + "' is not a GB/T 4754-2017 code")));
        }
        return i;
    }

    /**
     * The history: the region statistics of the region, or for an industry in it the years its enterprises had
     * accounted in every month, from their accounts (value added as the industry's GDP, comprehensive energy, scope 1 +
     * 2; enterprises do not file a non-fossil share, taken as 0).
     */
    private List<Roadmap.HistoryYear> history(String code, String industry) {
        List<Roadmap.HistoryYear> h;
        if (industry.isEmpty()) {
            h = Roadmap.history(statistics.of(List.of(code)));
        } else {
            h = accounts.industryYears(scopes.subtree(code), industry).stream()
                    .filter(y -> y.valueAdded() > 0 && y.energy() > 0 && y.co2() > 0)
                    .map(y -> new Roadmap.HistoryYear(y.year(), y.valueAdded(), y.energy(), 0, y.co2()))
                    .toList();
        }
        if (h.isEmpty()) {
            throw Refusal.of(
                    ErrorCode.ROADMAP_NO_HISTORY,
                    industry.isEmpty()
                            ? code + " has no region statistics"
                            : "industry " + industry + " in " + code
                                    + " has no year accounted in every month with value added");
        }
        return h;
    }

    private static int checked(Form form, List<Roadmap.HistoryYear> history) {
        if (form == null) {
            throw Refusal.field(ErrorCode.ROADMAP_INVALID, "body", "a JSON body with the scenarios is needed");
        }
        int toYear = form.toYear() == null ? DEFAULT_TO_YEAR : form.toYear();
        List<Problem> p = Roadmap.problems(
                form.scenarios(), history.get(history.size() - 1).year(), toYear);
        if (!p.isEmpty()) {
            throw Refusal.of(ErrorCode.ROADMAP_INVALID, p.size() + " problem(s); nothing was stored", p);
        }
        return toYear;
    }

    private List<Roadmap.Spec> specs(String text) {
        try {
            return json.readValue(text, new TypeReference<List<Roadmap.Spec>>() {});
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored roadmap is not readable: " + e.getMessage(), e);
        }
    }

    /** The page's whole answer for scenarios over a history. */
    private Map<String, Object> view(
            Region r, String industry, List<Roadmap.HistoryYear> history, List<Roadmap.Spec> specs, int toYear) {
        Roadmap.HistoryYear base = history.get(history.size() - 1);
        List<TargetRepository.Row> own = targets.in(List.of(r.code().value())).stream()
                .filter(t -> r.code().value().equals(t.region())
                        && (industry.isEmpty()
                                ? t.scope().equals("REGION")
                                : t.scope().equals("INDUSTRY") && industry.equals(t.industry())))
                .toList();
        List<Map<String, Object>> projections = new ArrayList<>();
        List<Map<String, Object>> checks = new ArrayList<>();
        Roadmap.Stirpat stirpat = Roadmap.stirpat(history);
        for (Roadmap.Spec s : specs) {
            Roadmap.Projection p = Roadmap.project(base, s, toYear);
            Map<String, Object> m = new LinkedHashMap<>();
            if (stirpat.ok()) {
                // the same drivers through the model fitted on the region's history
                double[] co2 = Roadmap.stirpatPath(stirpat.fit(), p.path());
                int peak = 0;
                for (int i = 1; i < co2.length; i++) {
                    peak = co2[i] > co2[peak] ? i : peak;
                }
                m.put(
                        "stirpat",
                        Map.of(
                                "co2",
                                co2,
                                "peakYear",
                                p.path().years().get(peak).year(),
                                "peakCo2",
                                co2[peak]));
            }
            m.put("key", s.key());
            m.put("name", s.name());
            if (s.note() != null) {
                m.put("note", s.note());
            }
            m.put("years", p.path().years());
            m.put("peakYear", p.path().peakYear());
            m.put("peakCo2", p.path().peakCo2());
            m.put("peaksWithin", p.path().peakYear() < toYear);
            Scenario.PeakDistribution d = p.spread();
            m.put(
                    "spread",
                    Map.of(
                            "draws",
                            d.draws(),
                            "median",
                            d.median(),
                            "p5",
                            d.p5(),
                            "p95",
                            d.p95(),
                            "years",
                            d.years(),
                            "counts",
                            d.counts()));
            projections.add(m);
            for (TargetRepository.Row t : own) {
                Roadmap.Check c =
                        Roadmap.check(t.indicator(), t.baseYear(), t.targetYear(), t.value(), history, p.path());
                Map<String, Object> cm = new LinkedHashMap<>();
                cm.put("scenario", s.key());
                cm.put("targetId", t.id());
                cm.put("indicator", t.indicator());
                cm.put("indicatorName", Indicator.valueOf(t.indicator()).nameCn());
                cm.put("baseYear", t.baseYear());
                cm.put("targetYear", t.targetYear());
                cm.put("target", t.value());
                cm.put("reached", c.reached());
                cm.put("meets", c.meets());
                cm.put("document", t.document());
                checks.add(cm);
            }
        }
        Lmdi.Result dec = history.size() > 1 ? Roadmap.decomposition(history) : null;
        List<Map<String, Object>> effects = new ArrayList<>();
        if (dec != null && dec.problems().isEmpty()) {
            for (Lmdi.Effect e : dec.effects()) {
                effects.add(Map.of(
                        "fromYear", e.fromYear(),
                        "toYear", e.toYear(),
                        "factor", e.factor(),
                        "additive", e.additive(),
                        "multiplicative", e.multiplicative()));
            }
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("region", Map.of("code", r.code().value(), "name", r.name()));
        out.put("industry", industry);
        out.put(
                "industryName",
                industry.isEmpty()
                        ? ""
                        : scopes.registry()
                                .industry(industry)
                                .map(i -> i.name())
                                .orElse(industry));
        out.put("source", industry.isEmpty() ? "statistics" : "accounts");
        out.put("baseYear", base.year());
        out.put("toYear", toYear);
        out.put(
                "history",
                history.stream()
                        .map(h -> Map.of(
                                "year", h.year(),
                                "gdp", h.gdp(),
                                "energy", h.energy(),
                                "co2", h.co2(),
                                "nonFossilShare", h.nonFossilShare(),
                                "carbonIntensity", h.carbonIntensity(),
                                "energyIntensity", h.energyIntensity(),
                                "fossilFactor", h.fossilFactor()))
                        .toList());
        out.put("scenarios", specs);
        out.put("projections", projections);
        out.put("checks", checks);
        out.put("decomposition", effects);
        Map<String, Object> fit = new LinkedHashMap<>();
        fit.put("observations", stirpat.observations());
        fit.put("terms", Roadmap.STIRPAT_TERMS);
        if (stirpat.ok()) {
            Regression.Fit f = stirpat.fit();
            fit.put("intercept", f.intercept());
            fit.put("coefficients", f.coefficients());
            fit.put("rSquared", f.rSquared());
            fit.put("k", f.k());
            fit.put("kHkb", f.kHkb());
            fit.put("kLw", f.kLw());
            fit.put("vif", f.vif());
        } else {
            fit.put("why", stirpat.why());
        }
        out.put("stirpat", fit);
        return out;
    }

    static final Map<String, String> FACTOR_NAMES = Map.of(
            "gdp", "经济规模（GDP）",
            "energy_intensity", "能耗强度（能源/GDP）",
            "fossil_share", "化石能源占比",
            "fossil_factor", "化石能源碳排放系数",
            "TOTAL", "合计");

    @SuppressWarnings("unchecked")
    private static Report report(Map<String, Object> view) {
        Map<String, Object> region = (Map<String, Object>) view.get("region");
        List<Report.Section> sections = new ArrayList<>();
        List<List<Object>> hist = new ArrayList<>();
        for (Map<String, Object> h : (List<Map<String, Object>>) view.get("history")) {
            hist.add(List.of(
                    h.get("year"),
                    h.get("gdp"),
                    h.get("energy"),
                    h.get("co2"),
                    100 * (double) h.get("nonFossilShare"),
                    h.get("carbonIntensity")));
        }
        sections.add(new Report.Section(
                "历史（区域统计）",
                List.of(),
                List.of("年份", "GDP（万元）", "能源消费（tce）", "CO₂（t）", "非化石能源占比（%）", "单位GDP CO₂（t/万元）"),
                hist));
        List<List<Object>> peaks = new ArrayList<>();
        for (Map<String, Object> p : (List<Map<String, Object>>) view.get("projections")) {
            Map<String, Object> s = (Map<String, Object>) p.get("spread");
            peaks.add(List.of(
                    p.get("name"),
                    p.get("peakYear"),
                    p.get("peakCo2"),
                    s.get("median"),
                    s.get("p5") + "–" + s.get("p95"),
                    Boolean.TRUE.equals(p.get("peaksWithin")) ? "是" : "否（终止年仍在上升）"));
        }
        sections.add(new Report.Section(
                "情景峰值",
                List.of("蒙特卡洛：" + Roadmap.DRAWS + " 次抽样，固定随机种子 " + Roadmap.SEED),
                List.of("情景", "峰值年份", "峰值 CO₂（t）", "峰值年份中位数", "5%–95%", "期内达峰"),
                peaks));
        for (Map<String, Object> p : (List<Map<String, Object>>) view.get("projections")) {
            List<List<Object>> rows = new ArrayList<>();
            for (Scenario.Year y : (List<Scenario.Year>) p.get("years")) {
                rows.add(List.of(y.year(), y.gdp(), y.energy(), 100 * y.nonFossilShare(), y.co2()));
            }
            sections.add(new Report.Section(
                    "情景路径：" + p.get("name"),
                    List.of(),
                    List.of("年份", "GDP（万元）", "能源消费（tce）", "非化石能源占比（%）", "CO₂（t）"),
                    rows));
        }
        Map<String, Object> fit = (Map<String, Object>) view.get("stirpat");
        if (fit.containsKey("coefficients")) {
            List<List<Object>> terms = new ArrayList<>();
            terms.add(List.of("常数项", fit.get("intercept"), ""));
            double[] c = (double[]) fit.get("coefficients");
            double[] vif = (double[]) fit.get("vif");
            List<String> names = List.of("ln GDP", "ln 单位GDP能耗", "ln 化石能源占比");
            for (int j = 0; j < c.length; j++) {
                terms.add(List.of(names.get(j), c[j], vif[j]));
            }
            terms.add(List.of("R²", fit.get("rSquared"), ""));
            terms.add(List.of("k（HKB）", fit.get("k"), ""));
            sections.add(new Report.Section(
                    "STIRPAT 拟合（岭回归）",
                    List.of("ln CO₂ = a + b·ln GDP + c·ln(能源/GDP) + d·ln(1 − 非化石能源占比)；" + fit.get("observations")
                            + " 个年份"),
                    List.of("项", "系数（弹性）", "VIF"),
                    terms));
        }
        List<List<Object>> checks = new ArrayList<>();
        for (Map<String, Object> c : (List<Map<String, Object>>) view.get("checks")) {
            checks.add(List.of(
                    c.get("scenario"),
                    c.get("indicatorName"),
                    c.get("baseYear") + "→" + c.get("targetYear"),
                    c.get("target"),
                    c.get("reached") == null ? "无基年数据" : c.get("reached"),
                    c.get("meets") == null ? "—" : Boolean.TRUE.equals(c.get("meets")) ? "达到" : "未达到"));
        }
        sections.add(new Report.Section("与目标比较", List.of(), List.of("情景", "指标", "年份", "目标", "情景达到", "结论"), checks));
        List<List<Object>> dec = new ArrayList<>();
        for (Map<String, Object> e : (List<Map<String, Object>>) view.get("decomposition")) {
            dec.add(List.of(
                    e.get("fromYear") + "→" + e.get("toYear"),
                    FACTOR_NAMES.getOrDefault((String) e.get("factor"), (String) e.get("factor")),
                    e.get("additive"),
                    e.get("multiplicative")));
        }
        sections.add(new Report.Section(
                "排放变化分解（LMDI-I）",
                List.of("CO₂ = GDP × 能源/GDP × 化石能源/能源 × CO₂/化石能源"),
                List.of("期间", "因素", "加法分解（tCO₂）", "乘法分解"),
                dec));
        String industry = (String) view.get("industry");
        return new Report(
                region.get("name") + (industry.isEmpty() ? "" : " " + view.get("industryName") + "（" + industry + "）")
                        + " 碳达峰路线图",
                List.of("基年 " + view.get("baseYear") + "，情景至 " + view.get("toYear") + "；"
                        + (Boolean.TRUE.equals(view.get("proposed"))
                                ? "建议情景（由历史趋势推出，未保存）"
                                : "第 " + view.get("version") + " 版")),
                sections);
    }
}
