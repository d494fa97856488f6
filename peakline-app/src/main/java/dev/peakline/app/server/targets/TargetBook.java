package dev.peakline.app.server.targets;

import dev.peakline.app.server.security.Scopes;
import dev.peakline.io.report.Report;
import dev.peakline.reference.Region;
import dev.peakline.store.Database;
import dev.peakline.store.ledger.AccountResults;
import dev.peakline.store.targets.StatisticsRepository;
import dev.peakline.store.targets.TargetRepository;
import dev.peakline.targets.Figures;
import dev.peakline.targets.Indicator;
import dev.peakline.targets.Progress;
import dev.peakline.targets.RegionStatistics;
import dev.peakline.targets.Target;
import dev.peakline.targets.Warning;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Service;

/**
 * The figures behind targets and their progress: region statistics for region targets; the accounted filings
 * (CO2, energy, value added at current prices) for industry and enterprise targets.
 */
@Service
public class TargetBook {
    /** A target with its subject's name, progress in a year and the trajectory year by year. */
    public record View(
            TargetRepository.Row target,
            String subjectName,
            Progress progress,
            List<Point> trajectory,
            String source) {}

    /** One year of a trajectory: the required and the actual figure (NaN when unknown). */
    public record Point(int year, double required, double actual) {}

    private final Database db;
    private final TargetRepository targetRepository;
    private final StatisticsRepository statisticsRepository;
    private final AccountResults accountResults;
    private final Scopes scopes;

    public TargetBook(
            Database db,
            TargetRepository targetRepository,
            StatisticsRepository statisticsRepository,
            AccountResults accountResults,
            Scopes scopes) {
        this.db = db;
        this.targetRepository = targetRepository;
        this.statisticsRepository = statisticsRepository;
        this.accountResults = accountResults;
        this.scopes = scopes;
    }

    /** The region statistics of the regions as figures, by region then year, in one query. */
    Map<String, Map<Integer, Figures>> regionFigures(java.util.Collection<String> regions) {
        Map<String, Map<Integer, Figures>> out = new LinkedHashMap<>();
        for (RegionStatistics s : statisticsRepository.of(regions)) {
            out.computeIfAbsent(s.region(), k -> new LinkedHashMap<>())
                    .put(
                            s.year(),
                            // energy totals and intensities leave out 原料用能 (发改环资〔2022〕803号)
                            new Figures(
                                    s.year(),
                                    s.co2(),
                                    s.energyExcludingFeedstockTce(),
                                    s.gdp10kYuan(),
                                    s.nonFossilTce()));
        }
        return out;
    }

    /** The yearly figures of a target's subject, by year; region targets read them from {@code regional}. */
    Map<Integer, Figures> figures(TargetRepository.Row t, Map<String, Map<Integer, Figures>> regional) {
        Map<Integer, Figures> out = new LinkedHashMap<>();
        switch (t.scope()) {
            case "REGION" -> out.putAll(regional.getOrDefault(t.region(), Map.of()));
            case "INDUSTRY", "ENTERPRISE" -> {
                List<AccountResults.Year> ys = t.scope().equals("ENTERPRISE")
                        ? accountResults.years(List.of(), "", t.enterprise())
                        : accountResults.years(scopes.subtree(t.region()), t.industry(), null);
                for (AccountResults.Year y : ys) {
                    if (y.months() > 0) {
                        out.put(
                                y.year(),
                                new Figures(
                                        y.year(),
                                        y.total(),
                                        // 原料用能 is outside energy-consumption control (发改环资〔2022〕803号)
                                        y.energyExcludingFeedstock(),
                                        y.valueAdded() > 0 ? y.valueAdded() : Double.NaN,
                                        Double.NaN));
                    }
                }
            }
            default -> throw new IllegalStateException("unknown scope " + t.scope());
        }
        return out;
    }

    /** The targets' standings in {@code year}, reading the region statistics of all of them once. */
    public List<View> views(List<TargetRepository.Row> rows, int year) {
        Map<String, Map<Integer, Figures>> regional = regionFigures(rows.stream()
                .filter(r -> r.scope().equals("REGION"))
                .map(TargetRepository.Row::region)
                .distinct()
                .toList());
        return rows.stream().map(r -> view(r, year, figures(r, regional))).toList();
    }

    public static Target target(TargetRepository.Row r) {
        return new Target(Indicator.valueOf(r.indicator()), r.baseYear(), r.targetYear(), r.value());
    }

    /** The target's standing in {@code year} (the latest year with figures up to it when the year itself has none). */
    View view(TargetRepository.Row r, int year, Map<Integer, Figures> f) {
        Target t = target(r);
        Figures base = f.get(r.baseYear());
        Figures at = null;
        for (int y = year; y > r.baseYear(); y--) {
            if (f.containsKey(y)) {
                at = f.get(y);
                break;
            }
        }
        Figures before = at == null ? null : f.get(at.year() - 1);
        Progress p = Progress.of(t, base, before, at);
        List<Point> trajectory = new ArrayList<>();
        double b = base == null ? Double.NaN : t.indicator().figure(base);
        for (int y = r.baseYear(); y <= r.targetYear(); y++) {
            Figures fy = f.get(y);
            trajectory.add(new Point(
                    y,
                    Double.isNaN(b) ? Double.NaN : t.required(b, y),
                    fy == null ? Double.NaN : t.indicator().figure(fy)));
        }
        String source = switch (r.scope()) {
            case "REGION" -> "区域统计数据（不变价GDP）";
            default -> "企业核算结果（增加值为现价）";
        };
        return new View(r, subjectName(r), p, trajectory, source);
    }

    String subjectName(TargetRepository.Row r) {
        return switch (r.scope()) {
            case "REGION" ->
                scopes.registry().region(r.region()).map(Region::name).orElse(r.region());
            case "INDUSTRY" ->
                scopes.registry().region(r.region()).map(Region::name).orElse(r.region()) + " "
                        + scopes.registry()
                                .industry(r.industry())
                                .map(i -> i.name())
                                .orElse(r.industry());
            default -> scopes.enterprise(r.enterprise()).name();
        };
    }

    /** Region-year base figures of the children of a region, for decomposition. */
    public Map<String, Figures> childFigures(List<String> children, int year) {
        Map<String, Figures> out = new LinkedHashMap<>();
        regionFigures(children).forEach((region, years) -> {
            if (years.containsKey(year)) {
                out.put(region, years.get(year));
            }
        });
        return out;
    }

    static String value(Indicator i, double v) {
        if (Double.isNaN(v)) {
            return "—";
        }
        return switch (i) {
            case CARBON_INTENSITY, ENERGY_INTENSITY -> String.format(Locale.ROOT, "%.4f", v);
            case NON_FOSSIL_SHARE -> String.format(Locale.ROOT, "%.2f%%", v * 100);
            default -> String.format(Locale.ROOT, "%,.0f", v);
        };
    }

    static String targetText(TargetRepository.Row r) {
        Indicator i = Indicator.valueOf(r.indicator());
        return switch (i) {
            case CARBON_INTENSITY, ENERGY_INTENSITY ->
                String.format(Locale.ROOT, "较%d年降低%.1f%%", r.baseYear(), r.value() * 100);
            case NON_FOSSIL_SHARE -> String.format(Locale.ROOT, "达到%.1f%%", r.value() * 100);
            default -> String.format(Locale.ROOT, "不超过%,.0f %s", r.value(), i.unit());
        };
    }

    /** The annual assessment report (年度目标考核报告) of a region and its children for a year. */
    public Report assessment(Region region, int year) {
        List<String> regions = new ArrayList<>();
        regions.add(region.code().value());
        scopes.registry()
                .children(region.code())
                .forEach(c -> regions.add(c.code().value()));
        List<TargetRepository.Row> rows = targetRepository.in(regions).stream()
                .filter(r -> r.scope().equals("REGION"))
                .toList();
        List<String> header = List.of("区划", "指标", "目标", "基年", "目标年", "基年值", "本年应达", "本年实际", "单位", "进度偏差", "预警", "考核结果");
        List<List<Object>> own = new ArrayList<>();
        List<List<Object>> children = new ArrayList<>();
        int[] counts = new int[Warning.values().length];
        for (View v : views(rows, year)) {
            TargetRepository.Row r = v.target();
            Progress p = v.progress();
            Indicator i = p.indicator();
            List<Object> line = List.of(
                    v.subjectName(),
                    i.nameCn(),
                    targetText(r),
                    r.baseYear(),
                    r.targetYear(),
                    value(i, p.base()),
                    value(i, p.required()),
                    value(i, p.actual()),
                    i.unit(),
                    Double.isNaN(p.shortfall()) ? "—" : String.format(Locale.ROOT, "%+.2f%%", p.shortfall() * 100),
                    p.warning().nameCn() + "（" + p.warning().level() + "）",
                    p.assessment().nameCn());
            if (r.region().equals(region.code().value())) {
                own.add(line);
            } else {
                children.add(line);
                counts[p.warning().ordinal()]++;
            }
        }
        List<List<Object>> stats = new ArrayList<>();
        for (RegionStatistics s : statisticsRepository.of(regions)) {
            if (s.year() == year) {
                stats.add(List.of(
                        scopes.registry().region(s.region()).map(Region::name).orElse(s.region()),
                        s.gdp10kYuan() / 1e4,
                        s.priceBaseYear(),
                        s.energyTce() / 1e4,
                        s.co2() / 1e4,
                        s.nonFossilTce() / 1e4,
                        s.co2() / s.gdp10kYuan(),
                        s.energyTce() / s.gdp10kYuan()));
            }
        }
        return new Report(
                region.name() + " " + year + " 年度碳达峰目标考核报告",
                List.of(
                        "考核年度：" + year + "；区划：" + region.name() + "（"
                                + region.code().value() + "）",
                        String.format(
                                Locale.ROOT,
                                "下级区划目标 %d 项：红色（一级预警）%d、橙色（二级预警）%d、绿色（三级预警）%d、无数据 %d。",
                                children.size(),
                                counts[Warning.RED.ordinal()],
                                counts[Warning.ORANGE.ordinal()],
                                counts[Warning.GREEN.ordinal()],
                                counts[Warning.NO_DATA.ordinal()]),
                        "预警规则（参照发改办环资〔2021〕629号能耗双控晴雨表）：强度同比不降反升为一级预警（红色）；强度降低未达到进度要求"
                                + "为二级预警（橙色）；进展顺利为三级预警（绿色）。总量与比重落后于进度为橙色，目标年及以后仍落后为红色。"
                                + "考核结果另行评定：达到或优于应达值为完成，落后不超过应达值的5%为基本完成，其余为未完成。强度指标按"
                                + "基年至目标年等比下降，总量与比重按线性进度。"),
                List.of(
                        new Report.Section("本级目标", List.of(), header, own),
                        new Report.Section("下级区划目标", List.of(), header, children),
                        new Report.Section(
                                "统计数据",
                                List.of("单位：GDP 亿元（不变价），能源 万tce，CO2 万t；强度 tCO2/万元、tce/万元"),
                                List.of("区划", "GDP", "价格基年", "能源消费", "CO2", "非化石能源", "碳强度", "能耗强度"),
                                stats)));
    }
}
