package dev.peakline.app.server.disclosure;

import dev.peakline.app.server.security.Scopes;
import dev.peakline.disclosure.Consolidation;
import dev.peakline.disclosure.GroupInventory;
import dev.peakline.domain.CreditCode;
import dev.peakline.domain.Enterprise;
import dev.peakline.io.report.Report;
import dev.peakline.problems.ErrorCode;
import dev.peakline.problems.Refusal;
import dev.peakline.reference.Csv;
import dev.peakline.store.disclosure.DisclosureRepository;
import dev.peakline.store.ledger.AccountResults;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Builds a group's annual carbon report from the entities' approved accounts ({@link GroupInventory} over the stored
 * ownership), as the API shows it, exports it and publishes it; the demo publishes with it too.
 */
@org.springframework.stereotype.Service
public class DisclosureReports {
    private final Scopes scopes;
    private final AccountResults accounts;
    private final DisclosureRepository repository;
    private final dev.peakline.store.targets.TargetRepository targets;
    private final dev.peakline.app.server.targets.TargetBook book;
    private final dev.peakline.app.server.markets.MarketScope2 marketScope2;

    public DisclosureReports(
            Scopes scopes,
            AccountResults accounts,
            DisclosureRepository repository,
            dev.peakline.store.targets.TargetRepository targets,
            dev.peakline.app.server.targets.TargetBook book,
            dev.peakline.app.server.markets.MarketScope2 marketScope2) {
        this.marketScope2 = marketScope2;
        this.scopes = scopes;
        this.accounts = accounts;
        this.repository = repository;
        this.targets = targets;
        this.book = book;
    }

    public Map<String, Object> build(Enterprise e, int year, String approach, Integer baseYearParam) {
        dev.peakline.app.server.web.Requests.checkSpan(year, null);
        int baseYear = baseYearParam == null ? year : baseYearParam;
        dev.peakline.app.server.web.Requests.checkSpan(baseYear, null);
        if (baseYear > year) {
            throw Refusal.field(ErrorCode.DISCLOSURE_INVALID, "baseYear", "the base year is the report year or before");
        }
        if (!Consolidation.APPROACHES.contains(approach)) {
            throw Refusal.field(
                    ErrorCode.DISCLOSURE_INVALID,
                    "approach",
                    "the approach is equity, financial-control or operational-control, not '" + approach + "'");
        }
        String code = e.code().value();
        List<Consolidation.Holding> holdings = repository.ownership(code);
        if (holdings.isEmpty()) {
            holdings = List.of(new Consolidation.Holding("", code, 1, "full", 1));
        }
        Consolidation.Result c = Consolidation.consolidate("ownership", holdings, approach);
        if (!c.problems().isEmpty()) {
            throw Refusal.of(ErrorCode.DISCLOSURE_INVALID, "the stored ownership does not consolidate", c.problems());
        }
        Map<String, GroupInventory.Figures> now = new LinkedHashMap<>();
        Map<String, GroupInventory.Figures> base = new LinkedHashMap<>();
        Set<String> factorSets = new TreeSet<>();
        for (String entity : c.fractions().keySet()) {
            if (onPlatform(entity).isPresent()) {
                // one read per entity for both years
                Map<Integer, AccountResults.EnterpriseYear> years = accounts.yearsOf(CreditCode.of(entity));
                AccountResults.EnterpriseYear y = years.getOrDefault(year, AccountResults.EnterpriseYear.none(year));
                factorSets.addAll(y.factorSets());
                now.put(entity, figures(y));
                base.put(entity, figures(years.getOrDefault(baseYear, AccountResults.EnterpriseYear.none(baseYear))));
            }
        }
        GroupInventory.Year y = GroupInventory.year(year, c.fractions(), now);
        GroupInventory.Year b = GroupInventory.year(baseYear, c.fractions(), base);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("enterprise", code);
        out.put("name", e.name());
        out.put("year", year);
        out.put("approach", approach);
        out.put("baseYear", baseYear);
        List<Map<String, Object>> lines = new ArrayList<>();
        Map<String, Consolidation.Holding> held = new LinkedHashMap<>();
        holdings.forEach(h -> held.putIfAbsent(h.entity(), h));
        double scope2Market = 0;
        for (GroupInventory.Line l : y.lines()) {
            Map<String, Object> m = new LinkedHashMap<>();
            Optional<Enterprise> ent = onPlatform(l.entity());
            // the certificates the entity retired for the year take their MWh off its scope 2 (market-based)
            double reduction = ent.map(x -> marketScope2.reductionT(x, year)).orElse(0.0);
            scope2Market += (l.own().scope2() - reduction) * l.fraction();
            m.put("entity", l.entity());
            m.put("name", ent.map(Enterprise::name).orElse(null));
            m.put("onPlatform", ent.isPresent());
            m.put("parent", held.get(l.entity()).parent());
            m.put("share", held.get(l.entity()).share());
            m.put("control", held.get(l.entity()).control());
            m.put("fraction", l.fraction());
            m.put("months", l.own().months());
            m.put("scope1", l.own().scope1());
            m.put("scope2", l.own().scope2());
            m.put("includedScope1", l.included().scope1());
            m.put("includedScope2", l.included().scope2());
            m.put("scope2Market", l.own().scope2() - reduction);
            m.put("includedScope2Market", (l.own().scope2() - reduction) * l.fraction());
            lines.add(m);
        }
        out.put("boundary", lines);
        Map<String, Object> total = new LinkedHashMap<>();
        total.put("scope1", y.total().scope1());
        total.put("scope2Location", y.total().scope2());
        total.put("scope2Market", scope2Market);
        total.put("scope12", y.scope12());
        total.put("energy", y.total().energy());
        total.put("valueAdded", y.total().valueAdded());
        total.put("intensity", y.intensity());
        out.put("total", total);
        Map<String, Object> baseOut = new LinkedHashMap<>();
        baseOut.put("year", baseYear);
        baseOut.put("scope1", b.total().scope1());
        baseOut.put("scope2", b.total().scope2());
        baseOut.put("scope12", b.scope12());
        baseOut.put("intensity", b.intensity());
        out.put("base", baseOut);
        out.put("change", GroupInventory.change(y, b));
        long complete = lines.stream()
                .filter(m -> (boolean) m.get("onPlatform") && (int) m.get("months") == 12)
                .count();
        out.put("entitiesComplete", complete);
        out.put("entities", lines.size());
        out.put("factorSets", factorSets);
        // the root enterprise's own targets (set for it, e.g. decomposed from its region's) and their progress
        List<Map<String, Object>> goals = new ArrayList<>();
        List<dev.peakline.store.targets.TargetRepository.Row> own = targets
                .in(List.of(e.region().value()))
                .stream()
                .filter(t -> code.equals(t.enterprise()))
                .toList();
        for (dev.peakline.app.server.targets.TargetBook.View t : book.views(own, year)) {
            Map<String, Object> g = new LinkedHashMap<>();
            g.put("indicator", t.target().indicator());
            g.put("baseYear", t.target().baseYear());
            g.put("targetYear", t.target().targetYear());
            g.put("value", t.target().value());
            g.put(
                    "actual",
                    Double.isNaN(t.progress().actual()) ? null : t.progress().actual());
            g.put(
                    "required",
                    Double.isNaN(t.progress().required()) ? null : t.progress().required());
            g.put("warning", t.progress().warning().name());
            goals.add(g);
        }
        out.put("targets", goals);
        out.put(
                "notes",
                List.of(
                        "组织边界按《温室气体核算体系：企业核算与报告标准》第3章" + approachCn(approach) + "确定；各实体纳入比例沿持股链相乘。",
                        "数据来自各实体经核查通过的月度碳账户；不在平台登记的实体无数据，计为 0，并在边界表中注明。",
                        "范围二为基于位置的排放（核算所用电网平均排放因子）；未登记绿证等合同工具，基于市场的范围二与之相同。",
                        "基准年按当前组织边界重新计算：其数字为同一批实体基准年的数据乘以当前纳入比例。",
                        "排放强度 = 范围一与范围二之和 ÷ 按同一比例合并的工业增加值（吨CO₂/万元）。"));
        out.put("frameworks", frameworks());
        return out;
    }

    private Optional<Enterprise> onPlatform(String entity) {
        try {
            return Optional.of(scopes.enterprise(entity));
        } catch (Refusal r) {
            return Optional.empty();
        }
    }

    private static GroupInventory.Figures figures(AccountResults.EnterpriseYear y) {
        return new GroupInventory.Figures(y.scope1(), y.scope2(), y.energy(), y.valueAdded(), y.months());
    }

    static String approachCn(String approach) {
        return switch (approach) {
            case "equity" -> "股权比例法";
            case "financial-control" -> "财务控制法";
            default -> "运营控制法";
        };
    }

    private static final List<Map<String, String>> FRAMEWORKS = load();

    private static List<Map<String, String>> load() {
        List<Map<String, String>> out = new ArrayList<>();
        for (Csv.Row r : Csv.resource(DisclosureApi.class, "/dev/peakline/app/disclosure/frameworks.csv")) {
            Map<String, String> m = new LinkedHashMap<>();
            m.put("figure", r.get(0));
            m.put("framework", r.get(1));
            m.put("item", r.get(2));
            m.put("confidence", r.get(3));
            m.put("note", r.get(4));
            m.put("frameworkEn", r.get(5));
            m.put("itemEn", r.get(6));
            out.add(m);
        }
        return List.copyOf(out);
    }

    static List<Map<String, String>> frameworks() {
        return FRAMEWORKS;
    }

    @SuppressWarnings("unchecked")
    public static Report report(Map<String, Object> v) {
        Map<String, Object> t = (Map<String, Object>) v.get("total");
        Map<String, Object> b = (Map<String, Object>) v.get("base");
        List<Report.Section> sections = new ArrayList<>();
        List<List<Object>> totals = new ArrayList<>();
        totals.add(List.of("范围一（直接排放）", t.get("scope1"), "吨CO₂"));
        totals.add(List.of("范围二（基于位置）", t.get("scope2Location"), "吨CO₂"));
        totals.add(List.of("范围二（基于市场）", t.get("scope2Market"), "吨CO₂"));
        totals.add(List.of("范围一与范围二合计", t.get("scope12"), "吨CO₂"));
        totals.add(List.of("综合能源消费量", t.get("energy"), "吨标准煤"));
        totals.add(List.of("排放强度", t.get("intensity") == null ? "—" : t.get("intensity"), "吨CO₂/万元"));
        totals.add(List.of("基准年（" + b.get("year") + "）范围一与范围二合计", b.get("scope12"), "吨CO₂"));
        totals.add(List.of(
                "较基准年变化", v.get("change") == null ? "—" : String.format("%.2f%%", 100 * (double) v.get("change")), ""));
        sections.add(new Report.Section("排放总量", (List<String>) v.get("notes"), List.of("指标", "数值", "单位"), totals));
        List<List<Object>> boundary = new ArrayList<>();
        for (Map<String, Object> l : (List<Map<String, Object>>) v.get("boundary")) {
            boundary.add(java.util.Arrays.asList(
                    l.get("entity"),
                    l.get("name") == null ? "（未在平台登记）" : l.get("name"),
                    l.get("parent"),
                    l.get("share"),
                    l.get("control"),
                    l.get("fraction"),
                    l.get("months"),
                    l.get("includedScope1"),
                    l.get("includedScope2")));
        }
        sections.add(new Report.Section(
                "组织边界",
                List.of("合并方法：" + approachCn((String) v.get("approach"))),
                List.of("实体", "名称", "上级", "持股比例", "控制", "纳入比例", "已核查月数", "纳入范围一", "纳入范围二"),
                boundary));
        List<List<Object>> fw = new ArrayList<>();
        for (Map<String, String> f : frameworks()) {
            fw.add(List.of(figureCn(f.get("figure")), f.get("framework"), f.get("item"), f.get("confidence")));
        }
        sections.add(new Report.Section(
                "披露索引", List.of("UNCONFIRMED：条款编号未与原文核对。"), List.of("指标", "披露框架", "条款", "核对状态"), fw));
        List<List<Object>> sets = new ArrayList<>();
        for (Object s : (Iterable<Object>) v.get("factorSets")) {
            sets.add(List.of(s));
        }
        sections.add(new Report.Section("方法与因子", List.of(), List.of("所用因子集"), sets));
        List<List<Object>> goals = new ArrayList<>();
        for (Map<String, Object> g : (List<Map<String, Object>>) v.get("targets")) {
            goals.add(java.util.Arrays.asList(
                    dev.peakline.targets.Indicator.valueOf((String) g.get("indicator"))
                            .nameCn(),
                    g.get("baseYear") + "–" + g.get("targetYear"),
                    g.get("value"),
                    g.get("actual"),
                    g.get("required"),
                    dev.peakline.targets.Warning.valueOf((String) g.get("warning"))
                            .nameCn()));
        }
        sections.add(new Report.Section(
                "目标与进展",
                List.of(goals.isEmpty() ? "本企业尚无设定的目标。" : "本企业自身的目标（由所在地区分解或设定）。"),
                List.of("指标", "基年–目标年", "目标值", "当年实际", "当年应达", "预警"),
                goals));
        return new Report(
                v.get("name") + " " + v.get("year") + " 年度碳信息披露报告",
                List.of("统一社会信用代码：" + v.get("enterprise"), "基准年：" + v.get("baseYear")),
                sections);
    }

    static String figureCn(String figure) {
        return switch (figure) {
            case "scope1" -> "范围一";
            case "scope2_location" -> "范围二（基于位置）";
            case "scope2_market" -> "范围二（基于市场）";
            case "intensity" -> "排放强度";
            case "change" -> "较基准年变化";
            case "boundary" -> "组织边界与合并方法";
            case "targets" -> "目标与进展";
            default -> "方法学与因子来源";
        };
    }
}
