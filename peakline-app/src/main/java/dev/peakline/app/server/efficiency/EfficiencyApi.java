package dev.peakline.app.server.efficiency;

import dev.peakline.app.server.efficiency.FacilityRegister.FacilityForm;
import dev.peakline.app.server.efficiency.FacilityRegister.PlanForm;
import dev.peakline.app.server.efficiency.FacilityRegister.StatusForm;
import dev.peakline.app.server.security.PeaklineUser;
import dev.peakline.app.server.security.Scopes;
import dev.peakline.app.server.web.Exports;
import dev.peakline.efficiency.Edition;
import dev.peakline.efficiency.Efficiency;
import dev.peakline.efficiency.EfficiencyClass;
import dev.peakline.efficiency.ProductLevels;
import dev.peakline.io.report.Report;
import dev.peakline.problems.ErrorCode;
import dev.peakline.problems.Refusal;
import dev.peakline.reference.Region;
import dev.peakline.store.Database;
import dev.peakline.store.efficiency.EfficiencyRepository;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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

/** 能效清单: facilities, their classification, capacity shares against the policy targets, leaders, renovation plans. */
@RestController
@RequestMapping("/api/v1/efficiency")
@Tag(name = "efficiency", description = "能效清单: key equipment against 标杆/基准, shares, leaders, renovation plans")
public class EfficiencyApi {
    /** One line of the efficiency list. */
    public record Row(
            long facilityId,
            String enterprise,
            String enterpriseName,
            String region,
            String industry,
            String facility,
            String equipment,
            String product,
            String indicator,
            String unit,
            double capacity,
            Double value,
            Double benchmark,
            Double baseline,
            String level,
            String levelCn,
            Integer gbGrade,
            boolean leader,
            String basis,
            String confidence) {}

    private final Scopes scopes;
    private final EfficiencyLists lists;
    private final Database db;
    private final EfficiencyRepository efficiencyRepository;
    private final FacilityRegister register;
    private final Clock clock;

    public EfficiencyApi(
            Scopes scopes,
            EfficiencyLists lists,
            Database db,
            EfficiencyRepository efficiencyRepository,
            Clock clock,
            FacilityRegister register) {
        this.scopes = scopes;
        this.lists = lists;
        this.db = db;
        this.efficiencyRepository = efficiencyRepository;
        this.register = register;
        this.clock = clock;
    }

    static Edition edition(String e) {
        try {
            return Edition.of(e);
        } catch (IllegalArgumentException x) {
            throw Refusal.field(ErrorCode.EDITION, "edition", x.getMessage());
        }
    }

    static void year(int year) {
        dev.peakline.app.server.web.Requests.checkSpan(year, null);
    }

    @GetMapping("/products")
    @Operation(summary = "The products Peakline classifies, with 标杆/基准 of both editions, GB levels and confidence")
    public List<ProductLevels> products() {
        return List.copyOf(lists.catalog().products().values());
    }

    @GetMapping("/regions/{code}")
    @Operation(
            summary = "The efficiency list of a region's subtree for a year; level=ADVANCED|BETWEEN|LAGGARD filters;"
                    + " format=xlsx downloads it")
    public ResponseEntity<?> list(
            @AuthenticationPrincipal PeaklineUser me,
            @PathVariable String code,
            @RequestParam int year,
            @RequestParam(defaultValue = "2023") String edition,
            @RequestParam(required = false) String level,
            @RequestParam(defaultValue = "") String industry,
            @RequestParam(defaultValue = "json") String format) {
        Region r = scopes.readRegion(me, code);
        year(year);
        EfficiencyClass filter = level(level);
        List<Row> rows = new ArrayList<>();
        for (Efficiency.Assessed a : lists.assess(scopes.subtree(code), year, edition(edition))) {
            if ((filter == null || a.level() == filter)
                    && a.facility().industry().startsWith(industry)) {
                rows.add(row(a));
            }
        }
        java.util.function.Supplier<Report> report = () -> {
            String title = r.name() + " " + year + " 能效清单" + (filter == null ? "" : "（" + filter.nameCn() + "）");
            return Report.list(
                    title,
                    List.of(
                            "设施ID",
                            "统一社会信用代码",
                            "企业",
                            "区划",
                            "行业",
                            "设施",
                            "装置",
                            "产品",
                            "指标",
                            "单位",
                            "产能",
                            "单位产品能耗",
                            "标杆",
                            "基准",
                            "能效水平",
                            "限额等级",
                            "领跑者",
                            "依据",
                            "置信度"),
                    rows.stream()
                            .map(x -> List.<Object>of(
                                    x.facilityId(),
                                    x.enterprise(),
                                    x.enterpriseName(),
                                    x.region(),
                                    x.industry(),
                                    x.facility(),
                                    nz(x.equipment()),
                                    x.product(),
                                    x.indicator(),
                                    x.unit(),
                                    x.capacity(),
                                    num(x.value()),
                                    num(x.benchmark()),
                                    num(x.baseline()),
                                    x.levelCn(),
                                    x.gbGrade() == null ? "" : x.gbGrade() == 0 ? "未达限额" : x.gbGrade() + "级",
                                    x.leader() ? "领跑者" : "",
                                    x.basis(),
                                    x.confidence()))
                            .toList());
        };
        return Exports.list(format, rows, report, "efficiency-" + code + "-" + year);
    }

    /** The level filter: null for all. */
    static EfficiencyClass level(String level) {
        if (level == null || level.isBlank()) {
            return null;
        }
        try {
            return EfficiencyClass.valueOf(level);
        } catch (IllegalArgumentException e) {
            throw Refusal.field(ErrorCode.LEVEL, "level", "level must be one of " + List.of(EfficiencyClass.values()));
        }
    }

    static String nz(String s) {
        return s == null ? "" : s;
    }

    static Object num(Double d) {
        return d == null ? "" : d;
    }

    static Row row(Efficiency.Assessed a) {
        ProductLevels l = a.levels();
        double v = a.facility().value();
        return new Row(
                a.facility().facilityId(),
                a.facility().enterprise(),
                a.facility().enterpriseName(),
                a.facility().region(),
                a.facility().industry(),
                a.facility().facility(),
                a.facility().equipment(),
                l.product(),
                l.indicator(),
                l.unit(),
                a.facility().capacity(),
                Double.isNaN(v) ? null : v,
                l.benchmark(a.edition()).value(),
                l.baseline(a.edition()).value(),
                a.level().name(),
                a.level().nameCn(),
                a.gbGrade(),
                a.leader(),
                a.facility().basis(),
                "policy " + l.policyConfidence() + "; GB " + l.gbConfidence());
    }

    @GetMapping("/regions/{code}/shares")
    @Operation(summary = "Capacity at 标杆 / between / below 基准 per product against the policy targets")
    public ResponseEntity<?> shares(
            @AuthenticationPrincipal PeaklineUser me,
            @PathVariable String code,
            @RequestParam int year,
            @RequestParam(defaultValue = "2023") String edition,
            @RequestParam(defaultValue = "json") String format) {
        Region r = scopes.readRegion(me, code);
        year(year);
        List<Efficiency.Share> shares =
                Efficiency.shares(lists.assess(scopes.subtree(code), year, edition(edition)), lists.catalog(), year);
        java.util.function.Supplier<Report> report = () -> {
            List<List<Object>> rows = new ArrayList<>();
            for (Efficiency.Share s : shares) {
                for (Efficiency.TargetCheck t : s.targets()) {
                    rows.add(List.of(
                            s.product(),
                            s.indicator(),
                            s.facilities(),
                            s.capacity(),
                            s.advanced(),
                            s.between(),
                            s.laggard(),
                            s.unclassified(),
                            s.shareAdvanced(),
                            s.shareLaggard(),
                            t.target().general() ? "重点两高行业" : t.target().product(),
                            t.target().year(),
                            t.target().minAtBenchmark(),
                            t.met() == null ? "无法判定" : t.met() ? "达到" : "未达到",
                            t.reason(),
                            t.target().document()));
                }
            }
            return Report.list(
                    r.name() + " " + year + " 标杆产能占比",
                    List.of(
                            "产品", "指标", "设施数", "产能", "标杆产能", "之间产能", "基准以下产能", "无法判定产能", "标杆占比", "基准以下占比", "目标对象",
                            "目标年", "目标标杆占比", "结论", "说明", "依据文件"),
                    rows);
        };
        return Exports.list(format, shares, report, "efficiency-shares-" + code + "-" + year);
    }

    @GetMapping("/regions/{code}/plans")
    @Operation(summary = "Renovation plans of laggards with overdue alerts, and laggards that have no plan")
    public ResponseEntity<?> plans(
            @AuthenticationPrincipal PeaklineUser me,
            @PathVariable String code,
            @RequestParam int year,
            @RequestParam(defaultValue = "2023") String edition,
            @RequestParam(defaultValue = "json") String format) {
        Region r = scopes.readRegion(me, code);
        year(year);
        List<String> regions = scopes.subtree(code);
        List<EfficiencyLists.PlanView> plans = lists.plans(regions);
        List<Row> unplanned = lists.unplanned(lists.assess(regions, year, edition(edition)), plans).stream()
                .map(u -> row(u.facility()))
                .toList();
        java.util.function.Supplier<Report> report = () -> {
            List<List<Object>> rows = new ArrayList<>();
            for (EfficiencyLists.PlanView p : plans) {
                rows.add(List.of(
                        p.plan().id(),
                        p.plan().enterprise(),
                        p.plan().enterpriseName(),
                        p.plan().facility(),
                        nz(p.plan().product()),
                        p.plan().measure(),
                        num(p.plan().targetValue()),
                        p.plan().deadline().toString(),
                        p.plan().status(),
                        p.overdue() ? "逾期" : "",
                        p.daysLeft()));
            }
            for (Row u : unplanned) {
                rows.add(List.of(
                        "",
                        u.enterprise(),
                        u.enterpriseName(),
                        u.facility(),
                        u.product(),
                        "（无改造计划）",
                        "",
                        "",
                        "NONE",
                        "落后产能无计划",
                        ""));
            }
            return Report.list(
                    r.name() + " 落后产能改造计划",
                    List.of("计划ID", "统一社会信用代码", "企业", "设施", "产品", "改造措施", "目标值", "期限", "状态", "预警", "剩余天数"),
                    rows);
        };
        return Exports.list(
                format,
                Map.of(
                        "plans",
                        plans,
                        "unplanned",
                        unplanned,
                        "today",
                        lists.today().toString()),
                report,
                "renovation-" + code);
    }

    @GetMapping("/enterprises/{code}/assessment")
    @Operation(summary = "An enterprise's facilities classified against 标杆/基准 for a year (the efficiency list's rows)")
    public List<Row> assessment(
            @AuthenticationPrincipal PeaklineUser me,
            @PathVariable String code,
            @RequestParam int year,
            @RequestParam(defaultValue = "2023") String edition) {
        var e = scopes.readEnterprise(me, code);
        year(year);
        List<Row> rows = new ArrayList<>();
        for (Efficiency.Assessed a : lists.assess(List.of(e.region().value()), year, edition(edition))) {
            Row r = row(a);
            if (r.enterprise().equals(code)) {
                rows.add(r);
            }
        }
        return rows;
    }

    @GetMapping("/enterprises/{code}/facilities")
    @Operation(summary = "An enterprise's registered facilities")
    public List<EfficiencyRepository.Line> facilities(
            @AuthenticationPrincipal PeaklineUser me, @PathVariable String code) {
        return register.facilities(me, code);
    }

    @GetMapping("/enterprises/{code}/plans")
    @Operation(summary = "An enterprise's renovation plans (改造计划) with their facility, deadline and status")
    public List<EfficiencyRepository.Plan> plans(@AuthenticationPrincipal PeaklineUser me, @PathVariable String code) {
        return register.plans(me, code);
    }

    @PostMapping("/enterprises/{code}/facilities")
    @Operation(summary = "Registers a facility (production line or key equipment) with product and capacity")
    public ResponseEntity<Map<String, Object>> register(
            @AuthenticationPrincipal PeaklineUser me, @PathVariable String code, @RequestBody FacilityForm form) {
        return ResponseEntity.status(HttpStatus.CREATED).body(Map.of("id", register.register(me, code, form)));
    }

    @PutMapping("/facilities/{id}")
    @Operation(summary = "Edits a facility")
    public Map<String, Object> update(
            @AuthenticationPrincipal PeaklineUser me, @PathVariable long id, @RequestBody FacilityForm form) {
        register.update(me, id, form);
        return Map.of("id", id);
    }

    @PostMapping("/facilities/{id}/plans")
    @Operation(summary = "Adds a renovation plan (改造计划) with a deadline to a facility")
    public ResponseEntity<Map<String, Object>> plan(
            @AuthenticationPrincipal PeaklineUser me, @PathVariable long id, @RequestBody PlanForm form) {
        return ResponseEntity.status(HttpStatus.CREATED).body(Map.of("id", register.addPlan(me, id, form)));
    }

    @PostMapping("/plans/{id}/status")
    @Operation(summary = "Moves a renovation plan: PLANNED, IN_PROGRESS, DONE or RETIRED (facility retired)")
    public Map<String, Object> status(
            @AuthenticationPrincipal PeaklineUser me, @PathVariable long id, @RequestBody StatusForm form) {
        register.setPlanStatus(me, id, form == null ? null : form.status());
        return Map.of("id", id, "status", form.status());
    }
}
