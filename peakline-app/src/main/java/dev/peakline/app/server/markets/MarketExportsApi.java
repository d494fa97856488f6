package dev.peakline.app.server.markets;

import dev.peakline.app.server.security.PeaklineUser;
import dev.peakline.app.server.security.Scopes;
import dev.peakline.app.server.web.Exports;
import dev.peakline.domain.Enterprise;
import dev.peakline.io.report.Report;
import dev.peakline.markets.IndustryAllocation;
import dev.peakline.markets.Instrument;
import dev.peakline.markets.InstrumentLedger.Kind;
import dev.peakline.markets.PowerAllocation;
import dev.peakline.problems.Refusal;
import dev.peakline.store.markets.MarketRepository;
import dev.peakline.store.users.UserRepository.Role;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Every list of the markets pages as an Excel workbook (the same figures the pages show, read through the same
 * endpoints, with the same scope), and an enterprise's allocation notice (配额分配通知书) of an issued run as PDF.
 */
@RestController
@RequestMapping("/api/v1/markets")
@Tag(name = "markets", description = "碳排放权交易：机组、配额分配、履约清缴、转让")
public class MarketExportsApi {
    private final Scopes scopes;
    private final MarketRepository repository;
    private final Allocations allocations;
    private final MarketApi market;
    private final EnergyRightsApi energy;
    private final ReductionProjectApi projects;
    private final PollutionRightsApi pollution;
    private final GreenPowerApi green;
    private final String pdfFont;

    public MarketExportsApi(
            Scopes scopes,
            MarketRepository repository,
            Allocations allocations,
            MarketApi market,
            EnergyRightsApi energy,
            ReductionProjectApi projects,
            PollutionRightsApi pollution,
            GreenPowerApi green,
            @Value("${peakline.pdf.font:}") String pdfFont) {
        this.scopes = scopes;
        this.repository = repository;
        this.allocations = allocations;
        this.market = market;
        this.energy = energy;
        this.projects = projects;
        this.pollution = pollution;
        this.green = green;
        this.pdfFont = pdfFont;
    }

    private static final Map<String, String> STATUS = Map.of(
            "compliant", "已履约",
            "surplus", "持有足额，待清缴",
            "short", "配额不足",
            "overdue", "逾期未履约");

    /** A column: its Chinese header and how a row's cell is read. */
    private record Col(String header, Function<Map<String, Object>, Object> cell) {}

    private static Col col(String header, String key) {
        return new Col(header, m -> m.get(key));
    }

    private static Report.Section section(String heading, List<String> notes, List<Col> cols, List<?> rows) {
        List<List<Object>> out = new ArrayList<>();
        for (Object o : rows) {
            @SuppressWarnings("unchecked")
            Map<String, Object> m = o instanceof Map<?, ?> ? (Map<String, Object>) o : asMap(o);
            List<Object> r = new ArrayList<>();
            for (Col c : cols) {
                Object v = c.cell().apply(m);
                r.add(v == null ? "" : v);
            }
            out.add(r);
        }
        return new Report.Section(heading, notes, cols.stream().map(Col::header).toList(), out);
    }

    /** A record's components by name, so that records and maps export alike. */
    private static Map<String, Object> asMap(Object record) {
        Map<String, Object> m = new java.util.LinkedHashMap<>();
        for (java.lang.reflect.RecordComponent c : record.getClass().getRecordComponents()) {
            try {
                m.put(c.getName(), c.getAccessor().invoke(record));
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        }
        return m;
    }

    private static String instrument(Object code) {
        return code == null
                ? ""
                : Instrument.parse(code.toString()).map(Instrument::chinese).orElse(code.toString());
    }

    private static List<Col> obligationCols(boolean withName) {
        List<Col> c = new ArrayList<>();
        if (withName) {
            c.add(col("企业", "name"));
            c.add(col("统一社会信用代码", "account"));
        }
        c.add(new Col("品种", m -> instrument(m.get("instrument"))));
        c.add(col("年度", "year"));
        if (withName) {
            c.add(col("已分配", "allocatedT"));
        }
        c.add(col("应清缴", "dueT"));
        c.add(col("已清缴", "surrenderedT"));
        c.add(col("已抵销 CCER", "offsetsT"));
        c.add(col("尚需清缴", "remainingT"));
        c.add(col("可用于清缴的持有量", "heldTowardT"));
        c.add(col("需购买", "shortfallT"));
        c.add(col("可出售", "excessT"));
        c.add(col("清缴截止日期", "deadline"));
        c.add(new Col("状态", m -> STATUS.getOrDefault(String.valueOf(m.get("status")), "")));
        return c;
    }

    @GetMapping("/{region}/overview/export")
    @Operation(summary = "The region's compliance overview and monthly trades as an Excel workbook")
    public ResponseEntity<byte[]> overview(
            @AuthenticationPrincipal PeaklineUser me,
            @PathVariable String region,
            @RequestParam(required = false) Integer year) {
        Map<String, Object> v = market.overview(me, region, year);
        Report r = new Report(
                "履约情况 " + scopes.region(region).name(),
                List.of("截至 " + v.get("today")),
                List.of(
                        section("履约情况（缺口在前）", List.of(), obligationCols(true), (List<?>) v.get("obligations")),
                        section(
                                "成交情况（按月）",
                                List.of(),
                                List.of(
                                        col("月份", "month"),
                                        col("品种", "instrumentName"),
                                        col("成交量", "volume"),
                                        col("成交均价（元）", "averagePriceYuan")),
                                (List<?>) v.get("market"))));
        return Exports.xlsx(r, "compliance-" + region);
    }

    @GetMapping("/{region}/units/export")
    @Operation(summary = "The region's ETS power units and covered industry lines of a year as an Excel workbook")
    public ResponseEntity<byte[]> units(
            @AuthenticationPrincipal PeaklineUser me, @PathVariable String region, @RequestParam int year) {
        List<Map<String, Object>> units = market.units(me, region, year);
        List<Map<String, Object>> lines = market.lines(me, region, year);
        Function<Map<String, Object>, Object> y = m -> m.get("year") == null ? null : asMap(m.get("year"));
        Report r = new Report(
                "纳入全国碳市场的机组与生产线 " + year,
                List.of(),
                List.of(
                        section(
                                "发电机组",
                                List.of(),
                                List.of(
                                        col("机组编号", "unitId"),
                                        col("名称", "name"),
                                        col("企业", "enterpriseName"),
                                        col("统一社会信用代码", "enterprise"),
                                        col("机组类别", "fuelClassName"),
                                        new Col("冷却方式", m -> Boolean.TRUE.equals(m.get("airCooled")) ? "空冷" : "水冷"),
                                        col("装机容量 (MW)", "capacityMw"),
                                        new Col("供电量 (MWh)", m -> part(y.apply(m), "supplyMwh")),
                                        new Col("供热量 (GJ)", m -> part(y.apply(m), "heatGj")),
                                        new Col("供热比", m -> part(y.apply(m), "heatRatio")),
                                        new Col("负荷率", m -> part(y.apply(m), "loadFactor")),
                                        new Col("经核查排放量 (tCO₂)", m -> part(y.apply(m), "verifiedT"))),
                                units),
                        section(
                                "水泥熟料、钢铁、铝冶炼生产线",
                                List.of(),
                                List.of(
                                        col("生产线编号", "lineId"),
                                        col("名称", "name"),
                                        col("企业", "enterpriseName"),
                                        col("统一社会信用代码", "enterprise"),
                                        col("行业", "sectorName"),
                                        new Col("产量 (t)", m -> part(y.apply(m), "outputT")),
                                        new Col("经核查排放量 (tCO₂)", m -> part(y.apply(m), "verifiedT"))),
                                lines)));
        return Exports.xlsx(r, "ets-units-" + region + "-" + year);
    }

    private static Object part(Object map, String key) {
        return map instanceof Map<?, ?> m ? m.get(key) : null;
    }

    @GetMapping("/allocations/{id}/export")
    @Operation(summary = "An allocation run (each enterprise and each unit or line with its arithmetic) as Excel")
    public ResponseEntity<byte[]> run(@AuthenticationPrincipal PeaklineUser me, @PathVariable long id) {
        Map<String, Object> v = market.run(me, id);
        MarketRepository.Run run = (MarketRepository.Run) v.get("run");
        Report r = new Report(
                run.year() + " 年度配额" + (run.stage().equals("pre") ? "预分配" : "核定与清缴") + "（"
                        + (run.status().equals("ISSUED") ? "已发放" : "试算") + "）",
                List.of(),
                List.of(
                        section(
                                "各企业",
                                List.of(),
                                List.of(
                                        col("企业", "name"),
                                        col("统一社会信用代码", "enterprise"),
                                        col("配额 (tCO₂)", "allocationT"),
                                        col("本次发放 (tCO₂)", "bookedT"),
                                        col("经核查排放量 (tCO₂)", "verifiedT"),
                                        col("应清缴 (tCO₂)", "dueT")),
                                (List<?>) v.get("enterprises")),
                        section(
                                "各机组与生产线",
                                List.of(),
                                List.of(
                                        col("编号", "unitId"),
                                        col("名称", "unitName"),
                                        col("类别", "fuelClassName"),
                                        col("统一社会信用代码", "enterprise"),
                                        col("供电配额 (tCO₂)", "electricityT"),
                                        col("供热配额 (tCO₂)", "heatT"),
                                        col("配额 (tCO₂)", "allocationT"),
                                        new Col("计算过程", m -> String.join("；", cast(m.get("explanation"))))),
                                (List<?>) v.get("lines"))));
        return Exports.xlsx(r, "allocation-" + id);
    }

    @SuppressWarnings("unchecked")
    private static List<String> cast(Object o) {
        return o == null ? List.of() : (List<String>) o;
    }

    @GetMapping("/allocations/{id}/notice")
    @Operation(
            summary = "An enterprise's allocation notice (配额分配通知书) of an issued run as PDF: its units or lines with"
                    + " their arithmetic, what is booked, and at the true-up its obligation and deadline")
    public ResponseEntity<byte[]> notice(
            @AuthenticationPrincipal PeaklineUser me, @PathVariable long id, @RequestParam String enterprise) {
        MarketRepository.Run run = repository.run(id).orElseThrow(() -> Refusal.notFound("allocation run " + id));
        Enterprise e = scopes.readEnterprise(me, enterprise);
        if (me.role() == Role.GOVERNMENT) {
            scopes.govern(me, run.region());
        }
        if (!run.status().equals("ISSUED")) {
            throw Refusal.notFound("an issued run " + id + " (a preview has no notice)");
        }
        Map<String, Object> v = allocations.view(run);
        Allocations.EnterpriseLine line = allocations.enterprises(run, Map.of()).stream()
                .filter(x -> x.enterprise().equals(enterprise))
                .findFirst()
                .orElseThrow(() -> Refusal.notFound("enterprise " + enterprise + " in run " + id));
        List<Object> lines = new ArrayList<>();
        for (Object o : (List<?>) v.get("lines")) {
            if (enterprise.equals(((Map<?, ?>) o).get("enterprise"))) {
                lines.add(o);
            }
        }
        boolean fin = run.stage().equals("final");
        java.time.LocalDate deadline = repository.deadlines().get(enterprise + "|cea|" + run.year());
        List<String> preface = new ArrayList<>();
        preface.add(e.name() + "（统一社会信用代码 " + enterprise + "）：");
        preface.add("根据"
                + (PowerAllocation.rules(run.year()).isPresent()
                        ? PowerAllocation.rules(run.year()).get().document()
                        : IndustryAllocation.SOURCE)
                + "，"
                + scopes.region(run.region()).name() + "生态环境主管部门核定你单位 " + run.year() + " 年度配额"
                + (fin ? "并多退少补" : "预分配") + "如下。");
        preface.add((fin ? "核定配额 " : "预分配配额 ") + fmt(line.allocationT()) + " tCO₂，本次"
                + (line.bookedT() >= 0 ? "发放 " + fmt(line.bookedT()) : "扣减 " + fmt(-line.bookedT())) + " tCO₂。");
        if (fin && line.dueT() != null) {
            preface.add("经核查排放量 " + fmt(Math.round(line.verifiedT())) + " tCO₂，应清缴 " + fmt(line.dueT()) + " tCO₂"
                    + (deadline == null ? "" : "，请于 " + deadline + " 前完成清缴") + "。");
        }
        preface.add("发放日期："
                + run.issuedAt().atZone(dev.peakline.domain.ChinaTime.ZONE).toLocalDate()
                + "。基准值与规则中标注“未经原文核实”的数值尚未与原文逐条核对。");
        Report r = new Report(
                run.year() + " 年度全国碳排放权交易配额分配通知书",
                preface,
                List.of(section(
                        "各机组与生产线的配额",
                        List.of(),
                        List.of(
                                col("编号", "unitId"),
                                col("类别", "fuelClassName"),
                                col("配额 (tCO₂)", "allocationT"),
                                new Col("计算过程", m -> String.join("\n", cast(m.get("explanation"))))),
                        lines)));
        return Exports.pdf(r, "allocation-notice-" + run.year() + "-" + enterprise, pdfFont);
    }

    private static String fmt(long t) {
        return String.format(java.util.Locale.ROOT, "%,d", t);
    }

    @GetMapping("/accounts/{code}/export")
    @Operation(summary = "An enterprise's 履约 account (obligations, holdings, movements) as an Excel workbook")
    public ResponseEntity<byte[]> account(@AuthenticationPrincipal PeaklineUser me, @PathVariable String code) {
        Map<String, Object> v = market.account(me, code);
        Report r = new Report(
                "履约账户 " + v.get("name"),
                List.of("统一社会信用代码 " + code + "，截至 " + v.get("today")),
                List.of(
                        section("应清缴与缺口", List.of(), obligationCols(false), (List<?>) v.get("obligations")),
                        section(
                                "持有",
                                List.of(),
                                List.of(
                                        new Col("品种", m -> instrument(m.get("instrument"))),
                                        col("年度", "vintage"),
                                        col("余额", "balance"),
                                        col("单位", "unit")),
                                (List<?>) v.get("holdings")),
                        section(
                                "账户变动",
                                List.of(),
                                List.of(
                                        col("日期", "date"),
                                        new Col(
                                                "类型",
                                                m -> Kind.parse(String.valueOf(m.get("kind")))
                                                        .map(Kind::chinese)
                                                        .orElse("")),
                                        new Col("品种", m -> instrument(m.get("instrument"))),
                                        col("年度", "vintage"),
                                        col("数量", "quantity"),
                                        col("起始序号", "serialFrom"),
                                        col("终止序号", "serialTo"),
                                        col("对方账户", "counterparty"),
                                        col("价格（元）", "priceYuan")),
                                (List<?>) v.get("movements"))));
        return Exports.xlsx(r, "compliance-account-" + code);
    }

    @GetMapping("/{region}/energy-rights/{year}/export")
    @Operation(summary = "The region's 用能权 of a year (allocated, consumed, targets by unit) as an Excel workbook")
    public ResponseEntity<byte[]> energy(
            @AuthenticationPrincipal PeaklineUser me, @PathVariable String region, @PathVariable int year) {
        Map<String, Object> v = energy.view(me, region, year);
        Report r = new Report(
                year + " 年度用能权 " + scopes.region(region).name(),
                List.of("已分配 " + v.get("allocatedTce") + " tce；应履约（扣除原料用能与绿证后）" + v.get("consumedTce") + " tce"
                        + (v.get("targetTce") == null ? "" : "；能源消费总量目标 " + v.get("targetTce") + " tce")),
                List.of(section(
                        "各重点用能单位",
                        List.of(),
                        List.of(
                                col("企业", "name"),
                                col("统一社会信用代码", "enterprise"),
                                col("已分配 (tce)", "allocatedTce"),
                                col("应履约 (tce)", "consumedTce"),
                                col("能耗总量目标 (tce)", "targetTce"),
                                col("持有 (tce)", "heldTce")),
                        (List<?>) v.get("units"))));
        return Exports.xlsx(r, "energy-rights-" + region + "-" + year);
    }

    private static final Map<String, String> REPORT_STATUS =
            Map.of("submitted", "待核查", "verified", "已核查，待签发", "returned", "已退回", "issued", "已签发");

    @GetMapping("/{region}/projects/export")
    @Operation(summary = "The region's voluntary reduction projects and their monitoring reports as Excel")
    public ResponseEntity<byte[]> projects(@AuthenticationPrincipal PeaklineUser me, @PathVariable String region) {
        List<Map<String, Object>> ps = projects.list(me, region);
        List<Map<String, Object>> reports = new ArrayList<>();
        for (Map<String, Object> p : ps) {
            for (Object o : (List<?>) p.get("reports")) {
                @SuppressWarnings("unchecked")
                Map<String, Object> m = new java.util.LinkedHashMap<>((Map<String, Object>) o);
                m.put("project", p.get("id"));
                reports.add(m);
            }
        }
        Report r = new Report(
                "自愿减排项目 " + scopes.region(region).name(),
                List.of(),
                List.of(
                        section(
                                "项目",
                                List.of(),
                                List.of(
                                        col("项目编号", "id"),
                                        col("名称", "name"),
                                        col("业主", "ownerName"),
                                        col("方法学", "methodology"),
                                        col("方法学名称", "methodologyName"),
                                        col("减排量品种", "instrumentName"),
                                        col("所在地", "regionName"),
                                        col("地点", "location"),
                                        col("计入期起", "creditingFrom"),
                                        col("计入期止", "creditingTo"),
                                        new Col("状态", m -> "validated".equals(m.get("status")) ? "已审定" : "已登记"),
                                        col("已签发 (tCO₂e)", "issued")),
                                ps),
                        section(
                                "监测报告",
                                List.of(),
                                List.of(
                                        col("项目编号", "project"),
                                        col("监测期起", "periodFrom"),
                                        col("监测期止", "periodTo"),
                                        col("计算减排量 (tCO₂e)", "reductionT"),
                                        col("可签发 (tCO₂e)", "credits"),
                                        col("核查确认 (tCO₂e)", "verifiedCredits"),
                                        new Col(
                                                "状态",
                                                m -> REPORT_STATUS.getOrDefault(String.valueOf(m.get("status")), "")),
                                        col("起始序号", "serialFrom"),
                                        col("终止序号", "serialTo"),
                                        new Col("计算过程", m -> String.join("；", cast(m.get("explanation"))))),
                                reports)));
        return Exports.xlsx(r, "projects-" + region);
    }

    private static final Map<String, String> POLLUTION_STATUS =
            Map.of("exceeded", "超出许可排放量", "unpermitted", "无许可排放量", "ahead", "进度超前", "within", "许可范围内");

    @GetMapping("/{region}/pollution-rights/export")
    @Operation(summary = "The region's 排污权 (permitted against approved months) as an Excel workbook")
    public ResponseEntity<byte[]> pollution(
            @AuthenticationPrincipal PeaklineUser me, @PathVariable String region, @RequestParam int year) {
        Report r = Report.list(
                year + " 年度排污权 " + scopes.region(region).name(),
                List.of("企业", "统一社会信用代码", "介质", "污染物", "许可排放量 (t)", "已排放 (t)", "已审核月数", "使用比例", "进度", "状态"),
                section(
                                "",
                                List.of(),
                                List.of(
                                        col("企业", "name"),
                                        col("统一社会信用代码", "enterprise"),
                                        new Col("介质", m -> "air".equals(m.get("medium")) ? "废气" : "废水"),
                                        col("污染物", "pollutant"),
                                        col("许可排放量 (t)", "permittedT"),
                                        col("已排放 (t)", "emittedT"),
                                        col("已审核月数", "months"),
                                        col("使用比例", "used"),
                                        col("进度", "pace"),
                                        new Col(
                                                "状态",
                                                m -> POLLUTION_STATUS.getOrDefault(
                                                        String.valueOf(m.get("status")), ""))),
                                pollution.region(me, region, year))
                        .rows());
        return Exports.xlsx(r, "pollution-rights-" + region + "-" + year);
    }

    @GetMapping("/{region}/green-power/export")
    @Operation(summary = "The region's 消纳责任权重 and enterprises' green-power shares as an Excel workbook")
    public ResponseEntity<byte[]> green(
            @AuthenticationPrincipal PeaklineUser me, @PathVariable String region, @RequestParam int year) {
        Map<String, Object> v = green.of(me, region, year);
        List<String> preface = new ArrayList<>();
        if (v.get("weight") instanceof MarketRepository.RenewableWeight w) {
            preface.add("总量消纳责任权重：" + w.obligationTotal() + "，完成 " + w.actualTotal() + "；非水电：" + w.obligationNonHydro()
                    + "，完成 " + w.actualNonHydro() + "；电解铝行业绿色电力消费比例 " + w.aluminiumShare() + "（" + w.document()
                    + "）");
        }
        Report r = new Report(
                year + " 年度可再生能源电力消纳 " + scopes.region(region).name(),
                preface,
                List.of(section(
                        "企业绿色电力消费比例（以注销绿证计）",
                        List.of(),
                        List.of(
                                col("企业", "name"),
                                col("统一社会信用代码", "enterprise"),
                                new Col("电解铝", m -> Boolean.TRUE.equals(m.get("aluminium")) ? "是" : ""),
                                col("外购电量 (MWh)", "consumptionMwh"),
                                col("注销绿证 (MWh)", "certificatesMwh"),
                                col("绿色电力消费比例", "share"),
                                col("目标比例", "target"),
                                col("差距（百分点）", "gapPoints"),
                                new Col(
                                        "是否达标",
                                        m -> m.get("met") == null ? "" : (Boolean) m.get("met") ? "达标" : "未达标")),
                        (List<?>) v.get("enterprises"))));
        return Exports.xlsx(r, "green-power-" + region + "-" + year);
    }
}
