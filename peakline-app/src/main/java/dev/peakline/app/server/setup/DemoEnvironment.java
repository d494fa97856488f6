package dev.peakline.app.server.setup;

import dev.peakline.io.pollution.PollutantReader;
import dev.peakline.io.sinks.SinkReader;
import dev.peakline.io.table.Table;
import dev.peakline.reference.Csv;
import dev.peakline.store.Database;
import dev.peakline.store.Tx;
import dev.peakline.store.measures.MeasureRepository;
import dev.peakline.store.pollution.PollutantRepository;
import dev.peakline.store.sinks.SinkRepository;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The demo province's pollution, sinks and measures (issue 18), each through the path a user's data takes:
 *
 * <ul>
 *   <li>the measures library: the energy-saving and low-carbon technologies the seed policy documents name for the
 *       demo's aluminium, lead-zinc and cement plants, each with the document and item it comes from; savings, cost and
 *       payback are left empty because the documents state none;
 *   <li>air pollutants of the cement, aluminium, lead-zinc and power plants, monthly, as online-monitoring figures
 *       (实测) read by the filing reader and approved: <b>synthetic</b> like the demo's energy, scaled to each plant's
 *       direct CO2 by a demo ratio per industry and falling by a city's own rate each year, so that the synergy view
 *       shows cities in more than one quadrant; they are not computed from any emission factor or coefficient;
 *   <li>the cities' forest and wetland sinks by the stock-difference method from <b>synthetic</b> carbon stocks,
 *       read by the sink reader.
 * </ul>
 */
@Component
public class DemoEnvironment {
    /** Demo monitoring: kg of each pollutant per tonne of direct CO2, by industry (synthetic, not factors). */
    static final Map<String, Map<String, Double>> KG_PER_TCO2 = Map.of(
            "3011", Map.of("氮氧化物", 1.0, "二氧化硫", 0.15, "烟尘", 0.05),
            "3216", Map.of("氟化物", 0.04, "二氧化硫", 0.3, "烟尘", 0.05),
            "3212", Map.of("二氧化硫", 1.0, "烟尘", 0.1),
            "4411", Map.of("二氧化硫", 0.10, "氮氧化物", 0.12, "烟尘", 0.02));

    /** Each city's yearly fall of the pollutant ratio (negative: rising), and its share of the forest carbon stock. */
    record City(String code, double pollutantFall, double forestShare) {}

    static final List<City> CITIES = List.of(
            new City("520100", 0.08, 0.06),
            new City("520200", -0.02, 0.08),
            new City("520300", 0.05, 0.20),
            new City("520400", 0.10, 0.06),
            new City("520500", 0.03, 0.16),
            new City("520600", 0.06, 0.12),
            new City("522300", -0.01, 0.10),
            new City("522600", 0.07, 0.14),
            new City("522700", 0.04, 0.08));

    /** The province's forest biomass carbon stock in 2015 (tC) and its growth per year (synthetic). */
    static final double FOREST_STOCK_2015 = 3.0e8;

    static final double FOREST_GROWTH = 0.016;
    static final double WETLAND_SHARE = 0.005;
    static final double WETLAND_GROWTH = 0.005;

    private final Database db;
    private final MeasureRepository measures;
    private final PollutantRepository pollutants;
    private final SinkRepository sinks;
    private final dev.peakline.store.inclusion.InclusionRepository inclusion;
    private final dev.peakline.app.server.inclusion.InclusionIssuer issuer;
    private final dev.peakline.app.server.security.Scopes scopes;
    private final java.time.Clock clock;
    private final dev.peakline.store.disclosure.DisclosureRepository disclosures;
    private final dev.peakline.app.server.disclosure.DisclosureReports reports;
    private final com.fasterxml.jackson.databind.ObjectMapper json;
    private final dev.peakline.app.server.footprint.Footprints footprints;

    public DemoEnvironment(
            Database db,
            MeasureRepository measures,
            PollutantRepository pollutants,
            SinkRepository sinks,
            dev.peakline.store.inclusion.InclusionRepository inclusion,
            dev.peakline.app.server.inclusion.InclusionIssuer issuer,
            dev.peakline.app.server.security.Scopes scopes,
            java.time.Clock clock,
            dev.peakline.store.disclosure.DisclosureRepository disclosures,
            dev.peakline.app.server.disclosure.DisclosureReports reports,
            com.fasterxml.jackson.databind.ObjectMapper json,
            dev.peakline.app.server.footprint.Footprints footprints) {
        this.footprints = footprints;
        this.disclosures = disclosures;
        this.reports = reports;
        this.json = json;
        this.db = db;
        this.measures = measures;
        this.pollutants = pollutants;
        this.sinks = sinks;
        this.inclusion = inclusion;
        this.issuer = issuer;
        this.scopes = scopes;
        this.clock = clock;
    }

    public boolean loaded() {
        return !measures.measures().isEmpty();
    }

    /** Loads all three; the enterprises {@code without} get no pollutants (the demo's enterprise users file theirs). */
    public void load(int fromYear, int toYear, java.util.Set<String> without) {
        measures();
        pollutants(fromYear, toYear, without);
        sinks(fromYear, toYear);
        inclusion(toYear, without);
        disclosure(fromYear, toYear);
        footprints(toYear);
    }

    /**
     * Footprints of the largest aluminium smelter's and cement plant's first product of the year, from their accounts
     * by mass allocation (by physical relation, the whole, when a product is not in tonnes). No purchased input is
     * included: no product footprint factor with a source is shipped, and the certificate says so.
     */
    void footprints(int year) {
        for (String industry : List.of("3216", "3011")) {
            List<String> top = Tx.run(
                    db,
                    c -> Tx.list(
                            c,
                            "select enterprise from account_year where industry = ? and year = ? and months = 12 order by"
                                    + " total desc, enterprise limit 1",
                            rs -> rs.getString(1),
                            industry,
                            String.valueOf(year)));
            if (top.isEmpty()) {
                continue;
            }
            var y = footprints.year(top.get(0), year);
            if (y.output().isEmpty()) {
                continue;
            }
            String product = y.output().keySet().iterator().next();
            boolean tonnes = y.units().values().stream().allMatch(u -> u.equals("t") || u.equals("吨"));
            footprints.save(
                    "system",
                    top.get(0),
                    new dev.peakline.app.server.footprint.Footprints.Form(
                            product,
                            year,
                            tonnes ? "mass" : "physical",
                            java.util.Map.of(),
                            tonnes ? null : 1.0,
                            tonnes ? "" : "示例：全部排放计入该产品",
                            List.of()));
        }
    }

    /**
     * A demo group: the first aluminium smelter with a whole approved year as root, holding 60 % of a second smelter
     * (a subsidiary) and half of a third (a joint venture), its ownership read by the filing reader; the year's report
     * by equity share against the first demo year, published.
     */
    void disclosure(int fromYear, int toYear) {
        List<String> smelters = Tx.run(
                db,
                c -> Tx.list(
                        c,
                        "select y.enterprise from account_year y where y.industry = '3216' and y.year = ? and y.months = 12"
                                + " order by y.total desc, y.enterprise limit 3",
                        rs -> rs.getString(1),
                        String.valueOf(toYear)));
        if (smelters.size() < 3) {
            return;
        }
        String csv = "parent,entity,share,control\n,%s,1,full\n%s,%s,0.6,full\n%s,%s,0.5,joint\n"
                .formatted(smelters.get(0), smelters.get(0), smelters.get(1), smelters.get(0), smelters.get(2));
        var read = dev.peakline.io.disclosure.OwnershipReader.read(Table.csv("demo-ownership.csv", csv));
        if (!read.problems().isEmpty()) {
            throw new IllegalStateException(
                    "demo ownership does not read: " + read.problems().get(0));
        }
        disclosures.replaceOwnership("system", smelters.get(0), read.holdings());
        var root = scopes.enterprise(smelters.get(0));
        try {
            disclosures.publish(
                    "system",
                    smelters.get(0),
                    toYear,
                    "equity",
                    fromYear,
                    json.writeValueAsString(reports.build(root, toYear, "equity", fromYear)));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * A 碳普惠 programme of the province with four participants (the demo enterprise users' own first, then Guiyang
     * enterprises), each with six months of distributed-PV generation from <b>synthetic</b> settlement statements,
     * issued at the library's grid factor, and one use; the rate and validity are the demo operator's choice.
     */
    void inclusion(int year, java.util.Set<String> own) {
        long id = inclusion.create(
                "system",
                new dev.peakline.store.inclusion.InclusionRepository.Programme(
                        0,
                        dev.peakline.store.setup.DemoLoader.PROVINCE,
                        "贵州省碳普惠·分布式光伏（示例）",
                        "pv_distributed",
                        0.1,
                        12,
                        "示例规则：每减排 1 千克二氧化碳签发 0.1 分；积分自签发之日起 12 个月内有效，先发先用，到期作废；" + "同一结算单只签发一次，已申领绿证或 CCER 的电量不再签发。",
                        clock.instant()));
        java.util.LinkedHashSet<String> who = new java.util.LinkedHashSet<>(own);
        scopes.enterprisesIn("520100").stream().limit(8).forEach(who::add);
        List<String> participants = who.stream().limit(4).toList();
        List<dev.peakline.inclusion.Inclusion.Claim> claims = new ArrayList<>();
        int row = 1;
        for (int i = 0; i < participants.size(); i++) {
            inclusion.join("system", id, participants.get(i));
            for (int m = 1; m <= 6; m++) {
                java.time.LocalDate end = java.time.YearMonth.of(year, m).atEndOfMonth();
                double mwh = Math.round((8 + (i * 1.7 + m * 0.9) % 6) * 1000) / 1000.0;
                claims.add(new dev.peakline.inclusion.Inclusion.Claim(
                        participants.get(i),
                        "示例结算单-" + participants.get(i).substring(10) + "-"
                                + end.toString().substring(0, 7),
                        end,
                        mwh,
                        "示例：电网结算单（合成）" + end.toString().substring(0, 7),
                        false,
                        ++row));
            }
        }
        var programme = inclusion.programme(id).orElseThrow();
        List<dev.peakline.problems.Problem> problems = new ArrayList<>();
        issuer.issue("system", programme, "demo-inclusion.csv", claims, problems);
        if (!problems.isEmpty()) {
            throw new IllegalStateException("demo 碳普惠 claims do not issue: " + problems.get(0));
        }
        var used = issuer.use(
                "system",
                programme,
                new dev.peakline.store.inclusion.InclusionRepository.Use(
                        0,
                        id,
                        participants.get(participants.size() - 1),
                        java.time.LocalDate.now(clock.withZone(dev.peakline.domain.ChinaTime.ZONE)),
                        100,
                        "示例：兑换公共交通乘车券",
                        "system"));
        if (used.id().isEmpty()) {
            throw new IllegalStateException("the demo use is beyond the balance " + used.balance());
        }
    }

    void measures() {
        for (Csv.Row r : Csv.resource(DemoEnvironment.class, "/dev/peakline/app/demo/measures.csv")) {
            measures.add(
                    "system",
                    new MeasureRepository.Measure(
                            0,
                            r.get(0),
                            r.get(1).isEmpty() ? null : r.get(1),
                            r.get(2).isEmpty() ? null : r.get(2),
                            r.get(3),
                            null,
                            null,
                            r.get(4),
                            null,
                            null,
                            r.get(5),
                            null));
        }
    }

    void pollutants(int fromYear, int toYear, java.util.Set<String> without) {
        Map<String, Double> fall = new LinkedHashMap<>();
        CITIES.forEach(c -> fall.put(c.code().substring(0, 4), c.pollutantFall()));
        StringBuilder csv = new StringBuilder(String.join(",", PollutantReader.COLUMNS)).append(",method\n");
        Tx.run(db, c -> {
            try (PreparedStatement ps = Tx.prepare(
                            c,
                            "select e.credit_code, e.industry, e.region, r.period, r.scope1_tco2 from account_result r"
                                    + " join filing f on f.id = r.filing_id and f.status = 'APPROVED' join enterprise e"
                                    + " on e.credit_code = r.enterprise where e.industry = any (?) and r.period"
                                    + " between ? and ? order by 1, 4",
                            KG_PER_TCO2.keySet().toArray(String[]::new),
                            fromYear + "-01",
                            toYear + "-12");
                    ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    if (without.contains(rs.getString(1))) {
                        continue;
                    }
                    int year = Integer.parseInt(rs.getString(4).substring(0, 4));
                    double trend =
                            Math.pow(1 - fall.getOrDefault(rs.getString(3).substring(0, 4), 0.0), year - 2020);
                    for (var p : KG_PER_TCO2.get(rs.getString(2)).entrySet()) {
                        double kg = Math.round(rs.getDouble(5) * p.getValue() * trend * 10) / 10.0;
                        csv.append(String.format(
                                Locale.ROOT,
                                "%s,%s,air,%s,%.1f,kg,实测%n",
                                rs.getString(1),
                                rs.getString(4),
                                p.getKey(),
                                kg));
                    }
                }
            }
            return null;
        });
        PollutantReader.Read read = PollutantReader.read(Table.csv("demo-pollutants.csv", csv.toString()));
        if (!read.ok()) {
            throw new IllegalStateException(
                    "demo pollutants do not read: " + read.problems().get(0));
        }
        List<PollutantRepository.Line> lines = new ArrayList<>();
        for (PollutantReader.Filed f : read.emissions()) {
            lines.add(new PollutantRepository.Line(
                    f.emission().enterprise(),
                    f.emission().period(),
                    f.emission().outlet(),
                    f.emission().pollutant().code(),
                    f.emission().kg(),
                    f.method()));
        }
        pollutants.loadApproved("system", lines, "示例：在线监测数据（合成）");
    }

    void sinks(int fromYear, int toYear) {
        StringBuilder csv =
                new StringBuilder("region,year,pool,method,carbon_stock_t1_tc,carbon_stock_t2_tc,interval_years\n");
        for (City c : CITIES) {
            double forest = FOREST_STOCK_2015 * c.forestShare();
            double wetland = forest * WETLAND_SHARE;
            for (int y = fromYear; y <= toYear; y++) {
                csv.append(row(c.code(), y, "forest", forest, FOREST_GROWTH))
                        .append(row(c.code(), y, "wetland", wetland, WETLAND_GROWTH));
            }
        }
        SinkReader.Read read = SinkReader.read(Table.csv("demo-sinks.csv", csv.toString()));
        if (!read.ok()) {
            throw new IllegalStateException(
                    "demo sinks do not read: " + read.problems().get(0));
        }
        sinks.replace(
                "system",
                read.rows().stream()
                        .map(r -> new SinkRepository.Row(
                                r.region(), r.year(), r.line(), r.pool(), r.method(), r.inputs(), r.removals()))
                        .toList());
    }

    /** A stock-difference row from year − 1 to year of a stock growing from its 2015 value. */
    private static String row(String region, int year, String pool, double stock2015, double growth) {
        double t1 = Math.round(stock2015 * Math.pow(1 + growth, year - 1 - 2015));
        double t2 = Math.round(stock2015 * Math.pow(1 + growth, year - 2015));
        return String.format(Locale.ROOT, "%s,%d,%s,stock_difference,%.0f,%.0f,1%n", region, year, pool, t1, t2);
    }
}
