package dev.peakline.app.server.setup;

import dev.peakline.app.server.efficiency.EfficiencyLists;
import dev.peakline.app.server.security.Scopes;
import dev.peakline.app.server.targets.StatisticsImport;
import dev.peakline.efficiency.Edition;
import dev.peakline.efficiency.Efficiency;
import dev.peakline.efficiency.EfficiencyClass;
import dev.peakline.io.table.Table;
import dev.peakline.io.targets.StatisticsReader;
import dev.peakline.store.Database;
import dev.peakline.store.efficiency.EfficiencyRepository;
import dev.peakline.store.projects.ProjectRepository;
import dev.peakline.store.setup.DemoLoader;
import dev.peakline.store.targets.StatisticsRepository;
import dev.peakline.store.targets.TargetRepository;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.stereotype.Component;

/**
 * The demo province's statistics, targets, renovation plans and two-high projects (DEMO.md): generated, deterministic,
 * with magnitudes a Guizhou official would recognise (about 1.8 trillion yuan of GDP and 220–240 Mt of energy CO2 in
 * 2020) and cities whose carbon intensity falls at different rates, so that every warning colour shows.
 */
@Component
public class DemoSteering {
    /** A city: code, share of provincial GDP, CO2 per 万元 in 2020, yearly fall of that intensity, non-fossil share. */
    record City(String code, double gdpShare, double intensity, double fall, double nonFossil) {}

    static final List<City> CITIES = List.of(
            new City("520100", 0.242, 0.75, 0.045, 0.20),
            new City("520200", 0.071, 3.10, 0.020, 0.10),
            new City("520300", 0.202, 1.10, 0.040, 0.18),
            new City("520400", 0.055, 1.30, 0.035, 0.17),
            new City("520500", 0.110, 2.00, 0.025, 0.12),
            new City("520600", 0.080, 1.00, 0.042, 0.22),
            new City("522300", 0.075, 2.00, 0.030, 0.15),
            new City("522600", 0.070, 0.70, 0.050, 0.30),
            new City("522700", 0.095, 1.40, 0.038, 0.19));

    /** Provincial GDP of 2020 [亿元, 2020 prices] and real growth per year. */
    static final double GDP_2020 = 17_800;

    static final double GROWTH = 0.05;

    private final Database db;
    private final EfficiencyRepository efficiencyRepository;
    private final ProjectRepository projectRepository;
    private final TargetRepository targetRepository;
    private final StatisticsRepository statisticsRepository;
    private final StatisticsImport statistics;
    private final EfficiencyLists lists;
    private final Scopes scopes;
    private final Clock clock;
    private final dev.peakline.store.roadmap.RoadmapRepository roadmaps;
    private final com.fasterxml.jackson.databind.ObjectMapper json;

    public DemoSteering(
            Database db,
            EfficiencyRepository efficiencyRepository,
            ProjectRepository projectRepository,
            TargetRepository targetRepository,
            StatisticsRepository statisticsRepository,
            StatisticsImport statistics,
            EfficiencyLists lists,
            Scopes scopes,
            Clock clock,
            dev.peakline.store.roadmap.RoadmapRepository roadmaps,
            com.fasterxml.jackson.databind.ObjectMapper json) {
        this.db = db;
        this.efficiencyRepository = efficiencyRepository;
        this.projectRepository = projectRepository;
        this.targetRepository = targetRepository;
        this.statisticsRepository = statisticsRepository;
        this.statistics = statistics;
        this.lists = lists;
        this.scopes = scopes;
        this.clock = clock;
        this.roadmaps = roadmaps;
        this.json = json;
    }

    public boolean loaded() {
        return !statisticsRepository.of(List.of(DemoLoader.PROVINCE)).isEmpty();
    }

    public void load(int fromYear, int toYear) {
        Instant now = clock.instant();
        int from = Math.min(2020, fromYear);
        statistics(from, toYear, now);
        targets(now);
        plans(toYear, now);
        projects(now);
        roadmap();
    }

    /** The province's roadmap: the three scenarios proposed from its statistics, saved as version 1, to 2035. */
    void roadmap() {
        String p = DemoLoader.PROVINCE;
        var history = dev.peakline.roadmap.Roadmap.history(statisticsRepository.of(List.of(p)));
        var specs = dev.peakline.roadmap.Roadmap.proposals(history, 2035);
        try {
            roadmaps.save(
                    "system",
                    p,
                    "",
                    history.get(history.size() - 1).year(),
                    2035,
                    json.writeValueAsString(specs),
                    "示例：由 " + history.get(0).year() + "–"
                            + history.get(history.size() - 1).year() + " 年统计数据推出的三个情景");
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Writes the statistics as the import template and imports them, so the demo goes through the real path. */
    void statistics(int from, int to, Instant now) {
        StringBuilder csv = new StringBuilder(String.join(",", StatisticsReader.HEADER)).append('\n');
        for (int y = from; y <= to; y++) {
            double[] province = new double[6];
            for (City c : CITIES) {
                double gdp = GDP_2020 * c.gdpShare() * Math.pow(1 + GROWTH, y - 2020);
                double co2 = c.intensity() * Math.pow(1 - c.fall(), y - 2020) * gdp * 1e4;
                // CO2 mix: 85 % bituminous coal (≈1.75 tCO2/t), 5 % natural gas (≈21.6 t/万Nm3), 5 % diesel, 5 %
                // gasoline
                double[] amounts = {
                    co2 * 0.85 / 1.75 / 1e4, co2 * 0.05 / 21.6, co2 * 0.05 / 3.10 / 1e4, co2 * 0.05 / 2.93 / 1e4
                };
                double fossilTce =
                        amounts[0] * 1e4 * 0.7143 + amounts[1] * 12.143 + (amounts[2] + amounts[3]) * 1e4 * 1.46;
                double share = Math.min(0.6, c.nonFossil() + 0.006 * (y - 2020));
                double nonFossil = fossilTce * share / (1 - share) / 1e4;
                line(csv, c.code(), y, "gdp", gdp, "亿元", "2020");
                line(csv, c.code(), y, "bituminous", amounts[0], "万t", "");
                line(csv, c.code(), y, "natural_gas", amounts[1], "万Nm3", "");
                line(csv, c.code(), y, "diesel", amounts[2], "万t", "");
                line(csv, c.code(), y, "gasoline", amounts[3], "万t", "");
                line(csv, c.code(), y, "non_fossil", nonFossil, "万tce", "");
                province[0] += gdp;
                for (int i = 0; i < 4; i++) {
                    province[i + 1] += amounts[i];
                }
                province[5] += nonFossil;
            }
            String p = DemoLoader.PROVINCE;
            line(csv, p, y, "gdp", province[0], "亿元", "2020");
            line(csv, p, y, "bituminous", province[1], "万t", "");
            line(csv, p, y, "natural_gas", province[2], "万Nm3", "");
            line(csv, p, y, "diesel", province[3], "万t", "");
            line(csv, p, y, "gasoline", province[4], "万t", "");
            line(csv, p, y, "non_fossil", province[5], "万tce", "");
        }
        StatisticsReader.Parsed parsed = statistics.parse(Table.csv("demo-statistics.csv", csv.toString()));
        if (!parsed.problems().isEmpty()) {
            throw new IllegalStateException("demo statistics do not pass the import checks: " + parsed.problems());
        }
        statisticsRepository.replace("system", parsed.stats());
    }

    private static void line(
            StringBuilder b, String region, int year, String item, double amount, String unit, String base) {
        b.append(region)
                .append(',')
                .append(year)
                .append(',')
                .append(item)
                .append(',')
                .append(String.format(Locale.ROOT, "%.2f", amount))
                .append(',')
                .append(unit)
                .append(',')
                .append(base)
                .append('\n');
    }

    private static TargetRepository.Row region(
            String region, String indicator, int base, int target, double value, String doc) {
        return new TargetRepository.Row(0, "REGION", region, null, null, indicator, base, target, value, null, doc);
    }

    /** The seeds' targets (DEMO.md), the province's CO2-intensity target decomposed to the cities. */
    void targets(Instant now) {
        String p = DemoLoader.PROVINCE;
        long intensity =
                targetRepository.create("system", region(p, "CARBON_INTENSITY", 2020, 2025, 0.18, "贵州省减污降碳协同增效实施方案"));
        targetRepository.create("system", region(p, "NON_FOSSIL_SHARE", 2020, 2025, 0.20, "贵州省碳达峰实施方案"));
        targetRepository.create("system", region(p, "NON_FOSSIL_SHARE", 2020, 2030, 0.25, "贵州省碳达峰实施方案"));
        targetRepository.create("system", region(p, "CARBON_INTENSITY", 2005, 2030, 0.65, "贵州省碳达峰实施方案"));
        // Guiyang takes a Panzhihua-style (攀府发〔2024〕1号) 20 %, the other cities the province's 18 %
        List<TargetRepository.Row> children = new ArrayList<>();
        for (City c : CITIES) {
            children.add(new TargetRepository.Row(
                    0,
                    "REGION",
                    c.code(),
                    null,
                    null,
                    "CARBON_INTENSITY",
                    2020,
                    2025,
                    c.code().equals("520100") ? 0.20 : 0.18,
                    intensity,
                    "分解自 #" + intensity + "（贵州省减污降碳协同增效实施方案）"));
        }
        targetRepository.decompose("system", intensity, children);
        targetRepository.create("system", region("520100", "ENERGY_INTENSITY", 2020, 2025, 0.15, "攀枝花式城市目标（示例）"));
        targetRepository.create("system", region("520100", "NON_FOSSIL_SHARE", 2020, 2025, 0.33, "攀枝花式城市目标（示例）"));
    }

    /** Renovation plans for the laggards of the last demo year: some done, some in progress, some overdue, some none. */
    void plans(int year, Instant now) {
        List<Efficiency.Assessed> laggards =
                lists.assess(scopes.subtree(DemoLoader.PROVINCE), year, Edition.E2023).stream()
                        .filter(a -> a.level() == EfficiencyClass.LAGGARD)
                        .toList();
        LocalDate today = lists.today();
        int i = 0;
        for (Efficiency.Assessed a : laggards) {
            long f = a.facility().facilityId();
            String measure = a.levels().product().equals("电解铝")
                    ? "电解槽石墨化阴极与新型导流结构改造，降低铝液交流电耗至标杆水平"
                    : "窑系统节能改造：高效篦冷机、低阻旋风预热器与变频风机";
            switch (i++ % 4) {
                case 0 -> {
                    long id = efficiencyRepository.addPlan(
                            "system",
                            f,
                            measure,
                            a.levels().benchmark(Edition.E2023).value(),
                            today.minusMonths(3));
                    efficiencyRepository.setPlanStatus("system", id, "IN_PROGRESS", today);
                }
                case 1 ->
                    efficiencyRepository.addPlan(
                            "system",
                            f,
                            measure,
                            a.levels().benchmark(Edition.E2023).value(),
                            today.plusMonths(8));
                case 2 -> {
                    long id = efficiencyRepository.addPlan(
                            "system",
                            f,
                            measure,
                            a.levels().benchmark(Edition.E2023).value(),
                            today.minusMonths(1));
                    efficiencyRepository.setPlanStatus("system", id, "DONE", today.minusMonths(2));
                }
                default -> {
                    // no plan: the list of laggards without a plan shows it
                }
            }
        }
    }

    /** A handful of two-high projects across the lifecycle, one operating on a demo aluminium enterprise. */
    void projects(Instant now) {
        List<String> aluminium = new ArrayList<>();
        for (var l : efficiencyRepository.linesIn(scopes.subtree(DemoLoader.PROVINCE))) {
            if ("电解铝".equals(l.product())) {
                aluminium.add(l.enterprise());
            }
        }
        String al = aluminium.isEmpty() ? null : aluminium.get(0);
        long op = projectRepository.create(
                "system",
                new ProjectRepository.Project(
                        0,
                        "示例电解铝产能置换升级项目",
                        al,
                        al == null ? "520181" : scopes.enterprise(al).region().value(),
                        "3216",
                        "电解铝",
                        150_000,
                        "t/a",
                        150_000 * 13_000 * 0.1229 / 1000,
                        150_000 * 13_000 * 0.5366 / 1000,
                        12_950.0,
                        "PROPOSED",
                        "存量",
                        "",
                        null),
                "黔发改产业〔2021〕示例号");
        move(op, "PROPOSED", "UNDER_REVIEW", "节能审查受理", null, null, now);
        move(op, "UNDER_REVIEW", "APPROVED", "黔发改环资审〔2021〕示例号", "能效达到标杆水平，同意", null, now);
        move(op, "APPROVED", "UNDER_CONSTRUCTION", "", "", null, now);
        if (al != null) {
            move(op, "UNDER_CONSTRUCTION", "OPERATING", "", "", LocalDate.of(2022, 6, 30), now);
        }
        projectRepository.addSubstitution(
                "system",
                op,
                new ProjectRepository.Substitution(0, "CAPACITY", 150_000, "t/a", null, "省外关停电解铝产能指标置换（示例）", null));
        projectRepository.addSubstitution(
                "system",
                op,
                new ProjectRepository.Substitution(0, "ENERGY", 12_000, "tce", null, "原自备燃煤锅炉关停（示例）", null));
        projectRepository.addSubstitution(
                "system",
                op,
                new ProjectRepository.Substitution(0, "POLLUTANT", 85, "t", "SO2", "原自备燃煤锅炉关停（示例）", null));
        long review = projectRepository.create(
                "system",
                new ProjectRepository.Project(
                        0,
                        "示例水泥熟料生产线技改项目",
                        null,
                        "520500",
                        "3011",
                        "水泥熟料",
                        1_500_000,
                        "t/a",
                        150_000,
                        1_200_000,
                        100.0,
                        "PROPOSED",
                        "拟建",
                        "",
                        null),
                "");
        move(review, "PROPOSED", "UNDER_REVIEW", "节能审查受理", "", null, now);
        long refused = projectRepository.create(
                "system",
                new ProjectRepository.Project(
                        0,
                        "示例煤制甲醇项目",
                        null,
                        "520200",
                        "2614",
                        "煤制甲醇(烟煤)",
                        300_000,
                        "t/a",
                        480_000,
                        1_300_000,
                        1_850.0,
                        "PROPOSED",
                        "拟建",
                        "",
                        null),
                "");
        move(refused, "PROPOSED", "UNDER_REVIEW", "", "", null, now);
        move(refused, "UNDER_REVIEW", "REFUSED", "黔发改环资审〔2024〕示例号", "设计能效低于基准水平，不予通过", null, now);
        long building = projectRepository.create(
                "system",
                new ProjectRepository.Project(
                        0,
                        "示例锌冶炼渣处理扩建项目",
                        null,
                        "520527",
                        "3212",
                        "锌冶炼(湿法 电锌锭 含渣处理)",
                        60_000,
                        "t/a",
                        62_000,
                        160_000,
                        1_030.0,
                        "APPROVED",
                        "在建",
                        "",
                        null),
                "黔发改环资审〔2024〕示例号");
        move(building, "APPROVED", "UNDER_CONSTRUCTION", "", "", null, now);
        projectRepository.move(
                "system", building, "UNDER_CONSTRUCTION", "UNDER_CONSTRUCTION", "", "动态监控：手续齐全", "继续建设", null);
        projectRepository.create(
                "system",
                new ProjectRepository.Project(
                        0,
                        "示例石灰窑项目",
                        null,
                        "522700",
                        "3012",
                        "石灰",
                        100_000,
                        "t/a",
                        14_000,
                        90_000,
                        null,
                        "PROPOSED",
                        "拟建",
                        "",
                        null),
                "");
    }

    private void move(
            long id, String from, String to, String document, String comment, LocalDate commissioned, Instant now) {
        projectRepository.move("system", id, from, to, document, comment, null, commissioned);
    }
}
