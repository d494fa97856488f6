package dev.peakline.app.server.ledger;

import dev.peakline.accounting.AccountingResult;
import dev.peakline.accounting.EnterpriseMonth;
import dev.peakline.accounting.Uncertainty;
import dev.peakline.app.server.security.PeaklineUser;
import dev.peakline.app.server.security.Scopes;
import dev.peakline.app.server.web.Exports;
import dev.peakline.domain.DataQuality;
import dev.peakline.domain.Enterprise;
import dev.peakline.domain.Use;
import dev.peakline.io.report.Report;
import dev.peakline.problems.ErrorCode;
import dev.peakline.problems.Refusal;
import dev.peakline.reference.ResolvedFactor;
import dev.peakline.store.filing.FilingRepository;
import dev.peakline.store.ledger.AccountResults;
import dev.peakline.store.plan.MonitoringPlans;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The enterprise's annual greenhouse-gas report of an approved year in the layout of the guidelines' report template
 * (报告格式模板 of the NDRC 24-industry guidelines: basic information, emissions by source, activity data and their
 * sources, emission factors and their sources; the 发电设施 table for power plants; the monitoring plan), as a workbook
 * or PDF. Every figure is the stored filing accounted again with the factor set it was approved with.
 */
@RestController
@RequestMapping("/api/v1/enterprises/{code}/report")
@Tag(name = "accounts", description = "碳账户: enterprise accounts, explanations and the annual report")
public class AnnualReportApi {
    private final Scopes scopes;
    private final Ledger ledger;
    private final AccountResults accountResults;
    private final FilingRepository filings;
    private final MonitoringPlans plans;
    private final String pdfFont;

    public AnnualReportApi(
            Scopes scopes,
            Ledger ledger,
            AccountResults accountResults,
            FilingRepository filings,
            MonitoringPlans plans,
            @Value("${peakline.pdf.font:}") String pdfFont) {
        this.scopes = scopes;
        this.ledger = ledger;
        this.accountResults = accountResults;
        this.filings = filings;
        this.plans = plans;
        this.pdfFont = pdfFont;
    }

    @GetMapping
    @Operation(
            summary = "The annual emissions report of a fully approved year in the guidelines' template layout"
                    + " (format xlsx or pdf); 409 report.incomplete naming the months without an approved filing")
    public ResponseEntity<byte[]> report(
            @AuthenticationPrincipal PeaklineUser me,
            @PathVariable String code,
            @RequestParam int year,
            @RequestParam(defaultValue = "xlsx") String format) {
        Enterprise e = scopes.readEnterprise(me, code);
        dev.peakline.app.server.web.Requests.checkSpan(year, null);
        if (!format.equals("xlsx") && !format.equals("pdf")) {
            throw Refusal.field(ErrorCode.FORMAT, "format", "format must be xlsx or pdf");
        }
        Report r = build(e, year);
        String name = e.code().value() + "-" + year + "-emissions-report";
        return format.equals("pdf") ? Exports.pdf(r, name, pdfFont) : Exports.xlsx(r, name);
    }

    /** The report of a fully approved year; refused with the missing months otherwise. */
    Report build(Enterprise e, int year) {
        List<String> missing = new ArrayList<>();
        List<AccountResults.Row> rows = new ArrayList<>();
        for (int m = 1; m <= 12; m++) {
            YearMonth p = YearMonth.of(year, m);
            accountResults.current(e.code(), p).ifPresentOrElse(rows::add, () -> missing.add(p.toString()));
        }
        if (!missing.isEmpty()) {
            throw Refusal.of(
                    ErrorCode.REPORT_INCOMPLETE,
                    year + " has " + missing.size() + " month(s) without an approved filing: "
                            + String.join(", ", missing),
                    missing.stream()
                            .map(m -> dev.peakline.problems.Problem.at("report.month", "report", 0, "period", m))
                            .toList());
        }
        List<AccountingResult.Explanation> months = new ArrayList<>();
        Map<String, BigDecimal> amounts = new LinkedHashMap<>();
        Map<String, TreeSet<String>> qualities = new LinkedHashMap<>();
        Map<String, ResolvedFactor> factors = new LinkedHashMap<>();
        for (AccountResults.Row row : rows) {
            // each month read once: its stored lines, accounted again with the set it was approved with
            FilingRepository.Content content = filings.content(row.filingId());
            months.add(ledger.explain(e, row, content)
                    .orElseThrow(
                            () -> new IllegalStateException("stored result " + row.period() + " no longer accounts")));
            for (FilingRepository.ActivityLine a : content.activity()) {
                String use = Use.parse(a.use()).map(Use::nameCn).orElse(a.use());
                String key = a.carrier() + "\t" + use + "\t" + a.unit();
                amounts.merge(key, a.amount(), BigDecimal::add);
                qualities
                        .computeIfAbsent(key, k -> new TreeSet<>())
                        .add(
                                a.quality() == null
                                        ? "未说明"
                                        : DataQuality.valueOf(a.quality()).nameCn()
                                                + (a.measuredNcv() != null ? "；实测低位发热量" : "")
                                                + (a.measuredCarbon() != null ? "；实测含碳量" : ""));
            }
        }
        for (AccountingResult.Explanation x : months) {
            for (AccountingResult.Explanation.Term t : x.terms()) {
                for (ResolvedFactor f : t.factors()) {
                    factors.putIfAbsent(f.factor().key().toString(), f);
                }
            }
        }
        List<Report.Section> sections = new ArrayList<>();
        EnterpriseMonth first = months.get(0).month();
        var options = months.get(0).options();
        String industryName = scopes.registry()
                .industry(e.industry().value())
                .map(dev.peakline.reference.Industry::name)
                .orElse("");
        String regionName = scopes.registry()
                .region(e.region())
                .map(dev.peakline.reference.Region::name)
                .orElse("");
        sections.add(new Report.Section(
                "表1 报告主体基本信息",
                List.of(),
                List.of("项目", "内容"),
                List.of(
                        List.of("报告主体名称", e.name()),
                        List.of("统一社会信用代码", e.code().value()),
                        List.of("所在地区", regionName + "（" + e.region().value() + "）"),
                        List.of("所属行业（GB/T 4754-2017）", e.industry().value() + " " + industryName),
                        List.of("报告年度", String.valueOf(year)),
                        List.of("核算方法", methodOf(e)),
                        List.of("核算选项", options.summary()),
                        List.of("排放因子集", months.get(0).factorSets()))));
        List<Object> header = new ArrayList<>(List.of("排放源类别", "全年"));
        for (int m = 1; m <= 12; m++) {
            header.add(m + "月");
        }
        List<List<Object>> totals = new ArrayList<>();
        totals.add(line("化石燃料燃烧排放 (tCO2e)", months, EnterpriseMonth::combustion));
        totals.add(line("工业生产过程排放 (tCO2e)", months, EnterpriseMonth::process));
        totals.add(line("净购入电力排放 (tCO2)", months, EnterpriseMonth::electricity));
        totals.add(line("净购入热力排放 (tCO2)", months, EnterpriseMonth::heat));
        totals.add(line("直接排放·范围一 (tCO2e)", months, EnterpriseMonth::scope1));
        totals.add(line("间接排放·范围二 (tCO2)", months, EnterpriseMonth::scope2));
        totals.add(line("温室气体排放总量 (tCO2e)", months, EnterpriseMonth::total));
        totals.add(line("综合能源消费量 (tce)", months, EnterpriseMonth::energy));
        totals.add(line("其中原料用能 (tce)", months, EnterpriseMonth::feedstockEnergy));
        totals.add(line("工业增加值 (万元)", months, EnterpriseMonth::valueAdded));
        Uncertainty.Combined u = Uncertainty.approach1(
                months.stream().flatMap(x -> x.parts().stream()).toList());
        sections.add(new Report.Section(
                "表2 温室气体排放量汇总",
                List.of(
                        "排放总量的不确定性（IPCC 2006 第1卷第3章方法1，95 %置信区间）：±"
                                + round(u.percent(), 2) + " %（±" + round(u.absolute(), 1) + " tCO2e）"
                                + (u.unstatedFactor() > 0 ? "；部分排放因子未说明不确定性，此为下限" : ""),
                        "地区汇总时，范围一与范围二分别列示，不相加。"),
                header.stream().map(Object::toString).toList(),
                totals));
        List<List<Object>> activity = new ArrayList<>();
        amounts.forEach((k, v) -> {
            String[] p = k.split("\t");
            activity.add(List.of(p[0], p[1], v.doubleValue(), p[2], String.join("；", qualities.get(k))));
        });
        sections.add(new Report.Section(
                "表3 活动水平数据及来源",
                List.of("全年各月已核查通过的填报之和。"),
                List.of("能源品种/物料", "用途", "全年数量", "单位", "数据获取方式"),
                activity));
        List<List<Object>> factorRows = new ArrayList<>();
        for (ResolvedFactor f : factors.values()) {
            factorRows.add(List.of(
                    f.factor().key().toString(),
                    f.value(),
                    f.factor().unit().equals("fraction") ? "比例" : f.factor().unit(),
                    dev.peakline.reference.Publications.title(f.factor().publication(), true),
                    f.factor().confidence() == null ? "" : f.factor().confidence(),
                    f.setId() + " " + f.setVersion()
                            + (f.isFallback() ? "（" + f.describe(true).replaceFirst("^.* 回退：", "") + "）" : "")));
        }
        sections.add(new Report.Section(
                "表4 排放因子数据及来源",
                List.of("实测的低位发热量和含碳量见表3，缺省值及其出处如下。"),
                List.of("参数", "数值", "单位", "出处", "可信度", "因子集"),
                factorRows));
        if (e.industry().value().startsWith("441")) {
            List<List<Object>> power = new ArrayList<>();
            for (AccountingResult.Explanation x : months) {
                EnterpriseMonth m = x.month();
                power.add(List.of(
                        m.period().toString(),
                        m.generatedElectricity(),
                        m.suppliedElectricity(),
                        nanToText(m.ownUseRate()),
                        nanToText(m.emissionsPerMwhSupplied()),
                        nanToText(m.emissionsPerMwhGenerated())));
            }
            sections.add(new Report.Section(
                    "表5 发电设施：发电量、供电量与碳排放强度",
                    List.of("按《企业温室气体排放核算与报告指南 发电设施》：供电量为输出电量，不从排放中扣减。"),
                    List.of("月份", "发电量 (MWh)", "供电量 (MWh)", "厂用电率", "供电碳排放强度 (tCO2/MWh)", "发电碳排放强度 (tCO2/MWh)"),
                    power));
        }
        List<List<Object>> plan = new ArrayList<>();
        var kept = plans.latest(e.code());
        kept.ifPresent(p -> p.items()
                .forEach(i -> plan.add(List.of(
                        i.parameter(),
                        DataQuality.valueOf(i.method()).nameCn(),
                        i.instrument(),
                        i.accuracy(),
                        i.frequency(),
                        i.department()))));
        sections.add(new Report.Section(
                "表6 数据质量控制计划",
                List.of(kept.map(p -> "版本 " + p.version() + "；核算边界：" + p.boundary())
                        .orElse("尚未制定数据质量控制计划")),
                List.of("参数", "获取方式", "计量器具", "准确度等级", "监测频次", "负责部门"),
                plan));
        return new Report(
                e.name() + " " + year + "年度温室气体排放报告",
                List.of("统一社会信用代码 " + e.code().value() + "；" + first.period().getYear() + "年1–12月均已核查通过"),
                sections);
    }

    private static String methodOf(Enterprise e) {
        String i = e.industry().value();
        if (i.startsWith("441")) {
            return "企业温室气体排放核算与报告指南 发电设施（生态环境部）";
        }
        return "国家发展改革委 24个行业企业温室气体排放核算方法与报告指南（试行），按所属行业";
    }

    private static List<Object> line(
            String label,
            List<AccountingResult.Explanation> months,
            java.util.function.ToDoubleFunction<EnterpriseMonth> f) {
        List<Object> row = new ArrayList<>();
        row.add(label);
        double sum = 0;
        List<Object> values = new ArrayList<>();
        for (AccountingResult.Explanation x : months) {
            double v = f.applyAsDouble(x.month());
            sum += v;
            values.add(round(v, 6));
        }
        row.add(round(sum, 6));
        row.addAll(values);
        return row;
    }

    private static Object nanToText(double v) {
        return Double.isNaN(v) ? "—" : round(v, 6);
    }

    private static double round(double v, int digits) {
        return Double.isFinite(v)
                ? BigDecimal.valueOf(v)
                        .setScale(digits, java.math.RoundingMode.HALF_UP)
                        .doubleValue()
                : v;
    }
}
