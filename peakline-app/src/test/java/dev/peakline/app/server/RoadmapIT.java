package dev.peakline.app.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.peakline.store.Database;
import dev.peakline.store.Tx;
import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The province's roadmap: the demo's three scenarios, trying and saving scenarios, a pathway into targets. */
class RoadmapIT extends ServerTest {
    @Autowired
    Database db;

    private long count(String sql) {
        return Tx.run(db, c -> {
            try (var ps = c.prepareStatement(sql);
                    var rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    @Test
    void theDemoProvinceHasThreeScenariosEachWithAPeakThatFollowsFromItsDrivers() {
        Client province = as("province");
        JsonNode r = province.json(province.get("/api/v1/roadmaps/520000"), 200);
        assertThat(r.get("proposed").asBoolean()).isFalse();
        assertThat(r.get("version").asInt()).isGreaterThanOrEqualTo(1);
        JsonNode history = r.get("history");
        assertThat(history.size()).isGreaterThanOrEqualTo(2);
        JsonNode last = history.get(history.size() - 1);
        assertThat(r.get("baseYear").asInt()).isEqualTo(last.get("year").asInt());
        JsonNode projections = r.get("projections");
        assertThat(projections).hasSize(3);
        for (JsonNode p : projections) {
            JsonNode years = p.get("years");
            // the path starts at the last year of statistics
            assertThat(years.get(0).get("co2").asDouble())
                    .isCloseTo(last.get("co2").asDouble(), within(1e-3));
            assertThat(p.get("peakYear").asInt()).isBetween(r.get("baseYear").asInt(), 2035);
            assertThat(p.get("spread").get("p5").asInt())
                    .isLessThanOrEqualTo(p.get("spread").get("p95").asInt());
        }
        // the year after the base by hand from the baseline's drivers: GDP × (1 + g) × EI × (1 − d) × (1 − NF) × EF
        JsonNode base = r.get("scenarios").get(0);
        double g = base.get("gdpGrowth").get(0).get("value").asDouble() / 100;
        double d = base.get("intensityFall").get(0).get("value").asDouble() / 100;
        JsonNode nf = base.get("nonFossilShare").get(0);
        double nf0 = last.get("nonFossilShare").asDouble();
        int b = r.get("baseYear").asInt();
        double nf1 =
                nf0 + (nf.get("value").asDouble() / 100 - nf0) / (nf.get("year").asInt() - b);
        double co2 = last.get("gdp").asDouble()
                * (1 + g)
                * last.get("energyIntensity").asDouble()
                * (1 - d)
                * (1 - nf1)
                * last.get("fossilFactor").asDouble();
        assertThat(projections.get(0).get("years").get(1).get("co2").asDouble()).isCloseTo(co2, within(co2 * 1e-12));
        // the low-carbon scenarios emit less in 2030 than the baseline
        double b2030 = projections.get(0).get("years").get(2030 - b).get("co2").asDouble();
        assertThat(projections.get(2).get("years").get(2030 - b).get("co2").asDouble())
                .isLessThan(b2030);
        // the 2020 → 2025 CO2-intensity target (18 %) is compared; the 2005-based one has no base-year statistics
        boolean compared = false;
        boolean without = false;
        for (JsonNode c : r.get("checks")) {
            if (c.get("indicator").asText().equals("CARBON_INTENSITY")
                    && c.get("baseYear").asInt() == 2020) {
                compared |= c.path("reached").isNumber() && c.path("meets").isBoolean();
            }
            if (c.get("baseYear").asInt() == 2005) {
                without |=
                        c.path("reached").isMissingNode() || c.path("reached").isNull();
            }
        }
        assertThat(compared).isTrue();
        assertThat(without).isTrue();
        // STIRPAT fitted on the province's five years by ridge (HKB); each scenario's drivers through it peak too
        JsonNode fit = r.get("stirpat");
        assertThat(fit.get("observations").asInt()).isEqualTo(history.size());
        assertThat(fit.get("coefficients")).hasSize(3);
        assertThat(fit.get("rSquared").asDouble()).isBetween(0.9, 1.0);
        assertThat(fit.get("k").asDouble()).isEqualTo(fit.get("kHkb").asDouble());
        // the fitted model reproduces the base year's CO2 closely (R² near 1 on these data)
        double lnFit = fit.get("intercept").asDouble()
                + fit.get("coefficients").get(0).asDouble()
                        * Math.log(last.get("gdp").asDouble())
                + fit.get("coefficients").get(1).asDouble()
                        * Math.log(last.get("energyIntensity").asDouble())
                + fit.get("coefficients").get(2).asDouble()
                        * Math.log(1 - last.get("nonFossilShare").asDouble());
        assertThat(projections.get(0).get("stirpat").get("co2").get(0).asDouble())
                .isCloseTo(Math.exp(lnFit), within(Math.exp(lnFit) * 1e-9));
        assertThat(Math.exp(lnFit))
                .isCloseTo(last.get("co2").asDouble(), within(last.get("co2").asDouble() * 0.05));
        assertThat(projections.get(0).get("stirpat").get("peakYear").asInt()).isBetween(b, 2035);
        // the decomposition's effects of a year sum to the change of CO2 between the years
        double sum = 0;
        double total = Double.NaN;
        for (JsonNode e : r.get("decomposition")) {
            if (e.get("fromYear").asInt() == history.get(0).get("year").asInt()
                    && e.get("toYear").asInt() == history.get(1).get("year").asInt()) {
                if (e.get("factor").asText().equals("TOTAL")) {
                    total = e.get("additive").asDouble();
                } else {
                    sum += e.get("additive").asDouble();
                }
            }
        }
        assertThat(total)
                .isCloseTo(
                        history.get(1).get("co2").asDouble()
                                - history.get(0).get("co2").asDouble(),
                        within(1e-3));
        assertThat(sum).isCloseTo(total, within(1e-3));
    }

    @Test
    void badScenariosAreRefusedByScenarioAndDriverAndAGoodOneIsSavedAsANewVersion() throws Exception {
        Client province = as("province");
        JsonNode r = province.json(province.get("/api/v1/roadmaps/520000"), 200);
        ObjectMapper m = new ObjectMapper();
        ArrayNode scenarios = (ArrayNode) r.get("scenarios").deepCopy();
        ObjectNode bad = (ObjectNode) scenarios.get(0).deepCopy();
        ((ObjectNode) bad.get("gdpGrowth").get(0)).put("value", 45);
        ((ObjectNode) bad.get("intensityFall").get(0))
                .put("year", r.get("baseYear").asInt());
        ArrayNode badList = m.createArrayNode().add(bad);
        long versions = count("select count(*) from roadmap where region = '520000' and industry = ''");
        String badBody = m.createObjectNode()
                .put("toYear", 2035)
                .set("scenarios", badList)
                .toString();
        JsonNode refused = province.json(province.put("/api/v1/roadmaps/520000", badBody), 422);
        assertThat(refused.get("code").asText()).isEqualTo("roadmap.invalid");
        assertThat(refused.get("problems").findValuesAsText("column"))
                .contains("scenarios[0].gdpGrowth", "scenarios[0].intensityFall");
        assertThat(province.json(province.post("/api/v1/roadmaps/520000/project", badBody), 422)
                        .get("code")
                        .asText())
                .isEqualTo("roadmap.invalid");
        assertThat(count("select count(*) from roadmap where region = '520000' and industry = ''"))
                .isEqualTo(versions);
        // a faster intensity fall in the low-carbon case: projected, then saved
        ((ObjectNode) scenarios.get(1).get("intensityFall").get(0))
                .put(
                        "value",
                        scenarios
                                        .get(1)
                                        .get("intensityFall")
                                        .get(0)
                                        .get("value")
                                        .asDouble()
                                + 2);
        String body = m.createObjectNode()
                .put("toYear", 2035)
                .put("note", "低碳情景能耗强度下降加快2个百分点")
                .set("scenarios", scenarios)
                .toString();
        JsonNode tried = province.json(province.post("/api/v1/roadmaps/520000/project", body), 200);
        int b = r.get("baseYear").asInt();
        assertThat(tried.get("projections")
                        .get(1)
                        .get("years")
                        .get(2030 - b)
                        .get("co2")
                        .asDouble())
                .isLessThan(r.get("projections")
                        .get(1)
                        .get("years")
                        .get(2030 - b)
                        .get("co2")
                        .asDouble());
        assertThat(count("select count(*) from roadmap where region = '520000' and industry = ''"))
                .isEqualTo(versions);
        JsonNode saved = province.json(province.put("/api/v1/roadmaps/520000", body), 201);
        int v = saved.get("version").asInt();
        assertThat(v).isEqualTo(versions + 1);
        JsonNode again = province.json(province.get("/api/v1/roadmaps/520000"), 200);
        assertThat(again.get("version").asInt()).isEqualTo(v);
        assertThat(again.get("note").asText()).contains("2个百分点");
        assertThat(count("select count(*) from audit_log where action = 'roadmap.save' and entity_id = '520000/" + v
                        + "'"))
                .isEqualTo(1);
        // an earlier version stays readable
        assertThat(province.json(province.get("/api/v1/roadmaps/520000?version=1"), 200)
                        .get("version")
                        .asInt())
                .isEqualTo(1);
        // a city official reads the city's proposals but cannot save the province's roadmap
        Client guiyang = as("guiyang");
        assertThat(guiyang.put("/api/v1/roadmaps/520000", body).statusCode()).isEqualTo(403);
        JsonNode city = guiyang.json(guiyang.get("/api/v1/roadmaps/520100"), 200);
        assertThat(city.get("projections")).hasSize(3);
    }

    @Test
    void aScenarioBecomesTheProvincesTargetDecomposedToTheCities() throws Exception {
        Client province = as("province");
        JsonNode out = province.json(
                province.post(
                        "/api/v1/roadmaps/520000/pathway",
                        "{\"scenario\":\"enhanced\",\"indicator\":\"CARBON_INTENSITY\",\"baseYear\":2021,"
                                + "\"targetYear\":2030}"),
                201);
        long id = out.get("targetId").asLong();
        // the value is the fall of CO2 intensity the scenario reaches from 2021 (statistics) to 2030 (its path)
        JsonNode r = province.json(province.get("/api/v1/roadmaps/520000"), 200);
        double ci2021 = Double.NaN;
        for (JsonNode h : r.get("history")) {
            if (h.get("year").asInt() == 2021) {
                ci2021 = h.get("carbonIntensity").asDouble();
            }
        }
        JsonNode y2030 = null;
        for (JsonNode p : r.get("projections")) {
            if (p.get("key").asText().equals("enhanced")) {
                y2030 = p.get("years").get(2030 - r.get("baseYear").asInt());
            }
        }
        double fall = 1 - y2030.get("co2").asDouble() / y2030.get("gdp").asDouble() / ci2021;
        assertThat(out.get("value").asDouble()).isCloseTo(fall, within(5e-5));
        JsonNode dec = province.json(province.get("/api/v1/targets/" + id + "/decomposition"), 200);
        assertThat(dec.toString()).contains("520100");
        assertThat(count("select count(*) from target where parent_id = " + id)).isEqualTo(9);
        // exports
        HttpResponse<byte[]> x = province.http.send(
                province.builder("/api/v1/roadmaps/520000/export?format=xlsx")
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(x.statusCode()).isEqualTo(200);
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(x.body()))) {
            assertThat(wb.getSheetAt(0).getRow(0).getCell(0).getStringCellValue())
                    .startsWith("贵州省 碳达峰路线图");
        }
        HttpResponse<byte[]> pdf = province.http.send(
                province.builder("/api/v1/roadmaps/520000/export?format=pdf")
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(new String(pdf.body(), 0, 5, java.nio.charset.StandardCharsets.ISO_8859_1))
                .isEqualTo("%PDF-");
    }

    @Test
    void anIndustryHasItsRoadmapFromItsEnterprisesAccounts() throws Exception {
        Client province = as("province");
        JsonNode r = province.json(province.get("/api/v1/roadmaps/520000?industry=32"), 200);
        assertThat(r.get("source").asText()).isEqualTo("accounts");
        assertThat(r.get("industryName").asText()).isNotBlank();
        JsonNode h = r.get("history").get(r.get("history").size() - 1);
        int year = h.get("year").asInt();
        // the year's CO2 is the sum of the industry's current results of the year (scope 1 + 2), read apart
        double sum = Tx.run(db, c -> {
            try (var ps = c.prepareStatement("select sum(total_tco2), sum(value_added) from account_result where"
                    + " current and industry like '32%' and period like ?")) {
                ps.setString(1, year + "-%");
                try (var rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getDouble(1);
                }
            }
        });
        assertThat(h.get("co2").asDouble()).isCloseTo(sum, within(sum * 1e-9));
        assertThat(h.get("nonFossilShare").asDouble()).isZero();
        assertThat(r.get("projections")).hasSize(3);
        // saved as the industry's own version, apart from the province's
        long provinceVersions = count("select count(*) from roadmap where region = '520000' and industry = ''");
        ObjectMapper m = new ObjectMapper();
        String body = m.createObjectNode()
                .put("toYear", 2035)
                .put("note", "有色金属行业")
                .set("scenarios", r.get("scenarios"))
                .toString();
        JsonNode saved = province.json(province.put("/api/v1/roadmaps/520000?industry=32", body), 201);
        assertThat(count("select count(*) from roadmap where region = '520000' and industry = '32'"))
                .isEqualTo(saved.get("version").asLong());
        assertThat(count("select count(*) from roadmap where region = '520000' and industry = ''"))
                .isEqualTo(provinceVersions);
        JsonNode target = province.json(
                province.post(
                        "/api/v1/roadmaps/520000/pathway?industry=32",
                        "{\"scenario\":\"low_carbon\",\"indicator\":\"ENERGY_INTENSITY\",\"baseYear\":" + year
                                + ",\"targetYear\":2030}"),
                201);
        assertThat(count("select count(*) from target where id = "
                        + target.get("targetId").asLong()
                        + " and scope = 'INDUSTRY' and industry = '32' and region = '520000'"))
                .isEqualTo(1);
        assertThat(target.has("decomposition")).isFalse();
        // an unknown code, and an industry without accounts, are refused saying so
        JsonNode bad = province.json(province.get("/api/v1/roadmaps/520000?industry=9999"), 422);
        assertThat(bad.get("problems").get(0).get("column").asText()).isEqualTo("industry");
        assertThat(province.json(province.get("/api/v1/roadmaps/520000?industry=01"), 422)
                        .get("code")
                        .asText())
                .isEqualTo("roadmap.no_history");
    }
}
