package dev.peakline.app.server.datacentre;

import dev.peakline.app.server.security.PeaklineUser;
import dev.peakline.app.server.security.Scopes;
import dev.peakline.app.server.web.Exports;
import dev.peakline.datacentre.DataCentre;
import dev.peakline.datacentre.Pue;
import dev.peakline.domain.CreditCode;
import dev.peakline.domain.Enterprise;
import dev.peakline.io.report.Report;
import dev.peakline.monitoring.Meter;
import dev.peakline.problems.ErrorCode;
import dev.peakline.problems.Problem;
import dev.peakline.problems.Refusal;
import dev.peakline.store.datacentre.DataCentres;
import dev.peakline.store.ledger.AccountResults;
import dev.peakline.store.monitoring.MeterRepository;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Data centres in the online monitoring (数据中心能耗监测): an enterprise registers its data centres and places its
 * meters by position; whoever may read the enterprise sees a data centre's PUE by day and month with the incomplete
 * periods, its grade and target, renewable share and CUE; a government sees its region's (or a cluster's) data
 * centres ranked, those above target first, and the 1万 tce worklist.
 */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "datacentres", description = "数据中心：PUE、绿电、算力与 1 万吨标准煤在线监测规则")
public class DataCentreApi {
    /** 重点用能单位 by 《重点用能单位节能管理办法》 (2018): 10,000 tce a year, and 5,000 tce where a province designates. */
    static final double KEY_UNIT_TCE = 10_000;

    static final double DESIGNATED_TCE = 5_000;

    private final Scopes scopes;
    private final DataCentres centres;
    private final DataCentreViews views;
    private final MeterRepository meters;
    private final AccountResults results;

    public DataCentreApi(
            Scopes scopes, DataCentres centres, DataCentreViews views, MeterRepository meters, AccountResults results) {
        this.scopes = scopes;
        this.centres = centres;
        this.views = views;
        this.meters = meters;
        this.results = results;
    }

    @GetMapping("/data-centres/reference")
    @Operation(summary = "The national clusters, the PUE targets with their documents and the meter positions")
    public Map<String, Object> reference() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("clusters", DataCentre.clusters());
        m.put("targets", Pue.targets());
        List<Map<String, String>> positions = new ArrayList<>();
        for (Pue.Position p : Pue.Position.values()) {
            positions.add(Map.of("code", p.code(), "name", p.chinese()));
        }
        m.put("positions", positions);
        return m;
    }

    @GetMapping("/enterprises/{code}/data-centres")
    @Operation(summary = "The enterprise's data centres")
    public List<Map<String, Object>> ofEnterprise(@AuthenticationPrincipal PeaklineUser me, @PathVariable String code) {
        Enterprise e = scopes.readEnterprise(me, code);
        List<Map<String, Object>> out = new ArrayList<>();
        List<DataCentres.Listed> list = centres.of(e.code().value());
        int year = views.lastDay().getYear();
        var days = views.days(ids(list), views.windowFrom(year), views.lastDay());
        var computing = views.computing(ids(list));
        for (DataCentres.Listed l : list) {
            out.add(row(l, year, false, days, computing));
        }
        return out;
    }

    @PostMapping("/enterprises/{code}/data-centres")
    @Operation(summary = "Registers a data centre of the enterprise; every field checked at once; audited")
    public ResponseEntity<Map<String, Object>> register(
            @AuthenticationPrincipal PeaklineUser me, @PathVariable String code, @RequestBody DataCentre.Form f) {
        Enterprise e = scopes.fileFor(me, code);
        DataCentre d = checked(e.code().value(), 0, f);
        long id = centres.register(me.actor(), d)
                .orElseThrow(() -> Refusal.field(
                        ErrorCode.INVALID, "code", d.code() + " is registered already; change it instead"));
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(describe(centres.find(id).orElseThrow()));
    }

    @PutMapping("/data-centres/{id}")
    @Operation(summary = "Changes a data centre's registration (its code stays); audited before and after")
    public Map<String, Object> update(
            @AuthenticationPrincipal PeaklineUser me, @PathVariable long id, @RequestBody DataCentre.Form f) {
        DataCentres.Listed l = writable(me, id);
        DataCentre.Form same = new DataCentre.Form(
                l.centre().code(),
                f.name(),
                f.cluster(),
                f.status(),
                f.cooling(),
                f.itCapacityKw(),
                f.racks(),
                f.commissioned(),
                f.targetScope());
        centres.update(me.actor(), l.centre(), checked(l.centre().enterprise(), id, same));
        return describe(centres.find(id).orElseThrow());
    }

    /** Where a metering point measures. */
    public record Placement(String position) {}

    @PutMapping("/data-centres/{id}/meters/{meterCode}")
    @Operation(summary = "Places one of the enterprise's metering points at a position of the data centre; audited")
    public Map<String, Object> place(
            @AuthenticationPrincipal PeaklineUser me,
            @PathVariable long id,
            @PathVariable String meterCode,
            @RequestBody Placement p) {
        DataCentres.Listed l = writable(me, id);
        List<Problem> problems = new ArrayList<>();
        boolean known = meters.ofEnterprise(CreditCode.of(l.centre().enterprise())).stream()
                .anyMatch(m -> m.code().equals(meterCode));
        if (!known) {
            problems.add(Problem.at(
                    "datacentre.meter",
                    "request",
                    0,
                    "meter",
                    "'" + meterCode + "' is not a metering point of the enterprise; register the meter first"));
        }
        var position = Pue.Position.parse(p == null ? null : p.position());
        if (position.isEmpty()) {
            problems.add(Problem.at(
                    "datacentre.position",
                    "request",
                    0,
                    "position",
                    "'" + (p == null ? null : p.position()) + "' is not a meter position: total, it, cooling, other,"
                            + " onsite_renewable, green_purchased"));
        }
        refuseIf(problems);
        centres.place(me.actor(), l.centre(), meterCode, position.get());
        return describe(l);
    }

    @DeleteMapping("/data-centres/{id}/meters/{meterCode}")
    @Operation(summary = "Takes a metering point out of the data centre; audited")
    public Map<String, Object> unplace(
            @AuthenticationPrincipal PeaklineUser me, @PathVariable long id, @PathVariable String meterCode) {
        DataCentres.Listed l = writable(me, id);
        if (!centres.meters(id).containsKey(meterCode)) {
            throw Refusal.notFound("metering point " + meterCode + " of the data centre");
        }
        centres.place(me.actor(), l.centre(), meterCode, null);
        return describe(l);
    }

    /** A month's computing: average IT utilisation (0–1, or a percentage) and delivered computing in PFLOPS. */
    public record ComputingForm(Double utilisation, Double pflops) {}

    @PutMapping("/data-centres/{id}/computing/{month}")
    @Operation(summary = "Files a month's computing (IT utilisation, PFLOPS) for energy per unit of computing; audited")
    public Map<String, Object> computing(
            @AuthenticationPrincipal PeaklineUser me,
            @PathVariable long id,
            @PathVariable String month,
            @RequestBody ComputingForm f) {
        DataCentres.Listed l = writable(me, id);
        List<Problem> problems = new ArrayList<>();
        YearMonth ym = null;
        try {
            ym = YearMonth.parse(month.strip());
        } catch (DateTimeParseException ex) {
            problems.add(Problem.at(
                    "datacentre.month", "request", 0, "month", "'" + month + "' is not a month: write 2025-06"));
        }
        if (ym != null && ym.atDay(1).isAfter(views.lastDay())) {
            problems.add(Problem.at("datacentre.month", "request", 0, "month", "month " + ym + " has not begun"));
        }
        Double u = f == null ? null : f.utilisation();
        if (u != null && u > 1 && u <= 100) {
            u = u / 100; // a percentage
        }
        if (u != null && !(u >= 0 && u <= 1)) {
            problems.add(
                    Problem.at("datacentre.computing", "request", 0, "utilisation", "utilisation is 0–1 (or 0–100 %)"));
        }
        Double pf = f == null ? null : f.pflops();
        if (pf != null && !(pf >= 0 && pf <= 1_000_000)) {
            problems.add(Problem.at("datacentre.computing", "request", 0, "pflops", "PFLOPS are 0 to 1,000,000"));
        }
        if (u == null && pf == null && problems.isEmpty()) {
            problems.add(Problem.at(
                    "datacentre.computing", "request", 0, "utilisation", "give the utilisation, the PFLOPS or both"));
        }
        refuseIf(problems);
        centres.fileComputing(me.actor(), l.centre(), new DataCentres.Computing(ym, u, pf));
        return describe(l);
    }

    @GetMapping("/data-centres/{id}")
    @Operation(
            summary = "A data centre's page: meters by position, PUE by day (the last 31) and month, the incomplete"
                    + " days, grade, target, renewable share, carbon and CUE, the 1万 tce rule")
    public Map<String, Object> page(
            @AuthenticationPrincipal PeaklineUser me,
            @PathVariable long id,
            @RequestParam(required = false) Integer year) {
        DataCentres.Listed l = readable(me, id);
        int y = year == null ? views.lastDay().getYear() : year;
        Map<String, Object> m = describe(l);
        LocalDate last = views.lastDay();
        LocalDate yearEnd = LocalDate.of(y, 12, 31).isAfter(last) ? last : LocalDate.of(y, 12, 31);
        LocalDate from = views.windowFrom(y);
        var days = views.days(l.centre(), from, last);
        Map<String, Object> yearPeriod = views.period(l.centre(), days, LocalDate.of(y, 1, 1), yearEnd);
        m.put("year", y);
        m.put("yearToDate", yearPeriod);
        m.put("months", views.months(l.centre(), y, days));
        List<Map<String, Object>> daily = new ArrayList<>();
        for (LocalDate d = yearEnd.minusDays(30); !d.isAfter(yearEnd); d = d.plusDays(1)) {
            Map<String, Object> p = views.period(l.centre(), days, d, d);
            p.put("day", d);
            daily.add(p);
        }
        m.put("days", daily);
        m.put("carbon", views.carbon(l.centre(), l.region(), y, yearPeriod));
        m.put("rule", views.rule(days));
        return m;
    }

    @GetMapping("/regions/{region}/data-centres")
    @Operation(summary = "The region's (or a cluster's) data centres by PUE, those above their target first")
    public Map<String, Object> region(
            @AuthenticationPrincipal PeaklineUser me,
            @PathVariable String region,
            @RequestParam(required = false) Integer year,
            @RequestParam(required = false) String cluster) {
        scopes.readRegion(me, region);
        int y = year == null ? views.lastDay().getYear() : year;
        String c = null;
        if (cluster != null && !cluster.isBlank()) {
            c = DataCentre.cluster(cluster)
                    .orElseThrow(() -> Refusal.field(
                            ErrorCode.INVALID, "cluster", "'" + cluster + "' is not a national data-centre cluster"))
                    .code();
        }
        List<Map<String, Object>> rows = new ArrayList<>();
        List<DataCentres.Listed> list = new ArrayList<>();
        for (DataCentres.Listed l : centres.in(scopes.subtree(region))) {
            if (c == null || l.centre().cluster().equals(c)) {
                list.add(l);
            }
        }
        var days = views.days(ids(list), views.windowFrom(y), views.lastDay());
        var computing = views.computing(ids(list));
        for (DataCentres.Listed l : list) {
            rows.add(row(l, y, true, days, computing));
        }
        rows.sort(Comparator.comparing((Map<String, Object> r) -> !(Boolean) r.get("aboveTarget"))
                .thenComparing(r -> r.get("latestPue") == null ? 0.0 : -(Double) r.get("latestPue")));
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("region", region);
        m.put("regionName", scopes.region(region).name());
        m.put("year", y);
        m.put("cluster", c);
        m.put("dataCentres", rows);
        return m;
    }

    @GetMapping("/regions/{region}/data-centres/export")
    @Operation(summary = "The region's data centres and their monthly PUE as an Excel workbook")
    public ResponseEntity<byte[]> export(
            @AuthenticationPrincipal PeaklineUser me,
            @PathVariable String region,
            @RequestParam(required = false) Integer year,
            @RequestParam(required = false) String cluster) {
        Map<String, Object> v = region(me, region, year, cluster);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> rows = (List<Map<String, Object>>) v.get("dataCentres");
        List<List<Object>> summary = new ArrayList<>();
        List<List<Object>> monthly = new ArrayList<>();
        for (Map<String, Object> r : rows) {
            summary.add(List.of(
                    r.get("enterpriseName"),
                    r.get("code"),
                    r.get("name"),
                    r.get("clusterName"),
                    r.get("statusName"),
                    r.get("itCapacityKw"),
                    blank(r.get("latestMonth")),
                    blank(r.get("latestPue")),
                    blank(r.get("grade")),
                    blank(r.get("targetPue")),
                    (Boolean) r.get("aboveTarget") ? "是" : "否",
                    blank(r.get("renewableShare")),
                    blank(((Map<?, ?>) r.get("rule")).get("trailingTce"))));
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> months = (List<Map<String, Object>>) r.get("months");
            for (Map<String, Object> mo : months) {
                monthly.add(List.of(
                        r.get("code"),
                        mo.get("month"),
                        mo.get("pue") == null ? "不完整" : mo.get("pue"),
                        blank(mo.get("totalKwh")),
                        blank(mo.get("itKwh")),
                        ((List<?>) mo.get("incompleteDays")).size()));
            }
        }
        Report rep = new Report(
                "数据中心电能利用效率 " + v.get("regionName") + " " + v.get("year") + " 年",
                List.of("PUE = 总输入电量 ÷ IT 设备电量（同一日历区间的日统计），含不完整日的区间不计 PUE；目标值未经原文核对（UNCONFIRMED）"),
                List.of(
                        new Report.Section(
                                "数据中心（高于目标的在前）",
                                List.of(),
                                List.of(
                                        "企业",
                                        "编号",
                                        "名称",
                                        "集群",
                                        "状态",
                                        "设计 IT 容量（kW）",
                                        "最近完整月",
                                        "PUE",
                                        "能效等级",
                                        "目标 PUE",
                                        "高于目标",
                                        "可再生能源占比",
                                        "近 12 个月综合能耗（tce）"),
                                summary),
                        new Report.Section(
                                "逐月 PUE",
                                List.of(),
                                List.of("编号", "月份", "PUE", "总输入电量（kWh）", "IT 设备电量（kWh）", "不完整天数"),
                                monthly)));
        return Exports.xlsx(rep, "data-centres-" + region + "-" + v.get("year"));
    }

    @GetMapping("/regions/{region}/monitoring-worklist")
    @Operation(
            summary = "The 1万 tce worklist: data centres whose last 12 months reached 10,000 tce, and enterprises whose"
                    + " accounted energy of the last year reached 10,000 tce (key energy-using units) or 5,000 tce, with"
                    + " whether they are online")
    public Map<String, Object> worklist(@AuthenticationPrincipal PeaklineUser me, @PathVariable String region) {
        scopes.readRegion(me, region);
        List<String> regions = scopes.subtree(region);
        List<Map<String, Object>> dcs = new ArrayList<>();
        List<DataCentres.Listed> all = centres.in(regions);
        var allDays = views.days(ids(all), views.lastDay().minusMonths(14), views.lastDay());
        for (DataCentres.Listed l : all) {
            Map<String, Object> rule =
                    views.rule(allDays.getOrDefault(l.centre().id(), Map.of()));
            if ((Boolean) rule.get("flagged")) {
                Map<String, Object> r = describe(l);
                r.put("rule", rule);
                dcs.add(r);
            }
        }
        // the latest of the last five years with accounted results (a year not yet filed falls back to the one before)
        int lastYear = views.lastDay().getYear() - 1;
        List<AccountResults.EnterpriseSum> sums = results.enterprises(regions, String.valueOf(lastYear), "", 100_000);
        for (int back = 1; sums.isEmpty() && back < 5; back++) {
            sums = results.enterprises(regions, String.valueOf(lastYear - back), "", 100_000);
            if (!sums.isEmpty()) {
                lastYear -= back;
            }
        }
        Set<String> online = new HashSet<>();
        List<String> codes = sums.stream()
                .filter(s -> s.energy() >= DESIGNATED_TCE)
                .map(s -> s.enterprise().value())
                .toList();
        for (Meter m : meters.ofEnterprises(codes)) {
            online.add(m.enterprise().value());
        }
        List<Map<String, Object>> units = new ArrayList<>();
        for (AccountResults.EnterpriseSum s : sums) {
            if (s.energy() < DESIGNATED_TCE) {
                continue;
            }
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("enterprise", s.enterprise().value());
            r.put("name", s.name());
            r.put("region", s.region());
            r.put("energyTce", s.energy());
            r.put("months", s.months());
            r.put("tier", s.energy() >= KEY_UNIT_TCE ? "key" : "designated");
            r.put("tierName", s.energy() >= KEY_UNIT_TCE ? "重点用能单位（≥1万吨标准煤）" : "可指定的重点用能单位（5000–1万吨标准煤）");
            r.put("online", online.contains(s.enterprise().value()));
            units.add(r);
        }
        // the key units not yet online first, then by energy
        units.sort(Comparator.comparing(
                        (Map<String, Object> r) -> !(r.get("tier").equals("key") && !(Boolean) r.get("online")))
                .thenComparing(r -> -(Double) r.get("energyTce")));
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("region", region);
        m.put("year", lastYear);
        m.put("dataCentres", dcs);
        m.put("enterprises", units);
        return m;
    }

    private static Object blank(Object o) {
        return o == null ? "" : o;
    }

    /** A data centre as listed: its registration and, for the region view, the year's months and latest PUE. */
    private Map<String, Object> row(
            DataCentres.Listed l,
            int year,
            boolean withMonths,
            Map<Long, Map<Pue.Position, Map<LocalDate, Pue.PositionDay>>> allDays,
            Map<Long, Map<YearMonth, DataCentres.Computing>> computing) {
        Map<String, Object> r = describe(l);
        var days = allDays.getOrDefault(l.centre().id(), Map.of());
        List<Map<String, Object>> months = views.months(
                l.centre(), year, days, computing.getOrDefault(l.centre().id(), Map.of()));
        Map<String, Object> latest = null;
        for (Map<String, Object> mo : months) {
            if (mo.get("pue") != null) {
                latest = mo;
            }
        }
        r.put("latestMonth", latest == null ? null : latest.get("month"));
        r.put("latestPue", latest == null ? null : latest.get("pue"));
        r.put("grade", latest == null ? null : latest.get("grade"));
        r.put("aboveTarget", latest != null && (Boolean) latest.get("aboveTarget"));
        r.put("renewableShare", latest == null ? null : latest.get("renewableShare"));
        r.put(
                "incompleteMonths",
                months.stream().filter(mo -> mo.get("pue") == null).count());
        r.put("rule", views.rule(days));
        if (withMonths) {
            r.put("months", months);
        }
        return r;
    }

    private static List<Long> ids(List<DataCentres.Listed> list) {
        return list.stream().map(l -> l.centre().id()).toList();
    }

    private Map<String, Object> describe(DataCentres.Listed l) {
        DataCentre d = l.centre();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", d.id());
        m.put("enterprise", d.enterprise());
        m.put("enterpriseName", l.enterpriseName());
        m.put("region", l.region());
        m.put("code", d.code());
        m.put("name", d.name());
        m.put("cluster", d.cluster());
        m.put(
                "clusterName",
                DataCentre.cluster(d.cluster()).map(DataCentre.Cluster::name).orElse(""));
        m.put("status", d.status().code());
        m.put("statusName", d.status().chinese());
        m.put("cooling", d.cooling().code());
        m.put("coolingName", d.cooling().chinese());
        m.put("itCapacityKw", d.itCapacityKw());
        m.put("racks", d.racks());
        m.put("commissioned", d.commissioned());
        m.put("targetScope", d.targetScope());
        Pue.Target t = Pue.target(d.targetScope(), views.lastDay().getYear()).orElse(null);
        m.put("target", t);
        List<Map<String, Object>> points = new ArrayList<>();
        centres.meters(d.id()).forEach((code, p) -> {
            Map<String, Object> x = new LinkedHashMap<>();
            x.put("meter", code);
            x.put("position", p.code());
            x.put("positionName", p.chinese());
            points.add(x);
        });
        m.put("meters", points);
        return m;
    }

    private DataCentres.Listed readable(PeaklineUser me, long id) {
        DataCentres.Listed l = centres.find(id).orElseThrow(() -> Refusal.notFound("data centre " + id));
        scopes.readEnterprise(me, l.centre().enterprise());
        return l;
    }

    private DataCentres.Listed writable(PeaklineUser me, long id) {
        DataCentres.Listed l = centres.find(id).orElseThrow(() -> Refusal.notFound("data centre " + id));
        scopes.fileFor(me, l.centre().enterprise());
        return l;
    }

    /** Every problem of a request at once, nothing stored. */
    private static void refuseIf(List<Problem> problems) {
        if (!problems.isEmpty()) {
            throw Refusal.of(ErrorCode.INVALID, problems.size() + " problem(s); nothing was stored", problems);
        }
    }

    private static DataCentre checked(String enterprise, long id, DataCentre.Form f) {
        List<Problem> problems = DataCentre.check(f);
        refuseIf(problems);
        return DataCentre.of(id, enterprise, f);
    }
}
