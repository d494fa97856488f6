package dev.peakline.app.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import dev.peakline.store.Database;
import dev.peakline.store.Tx;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Efficiency lists, targets and warnings, the assessment report, two-high projects and carbon-efficiency grades. */
class SteeringIT extends ServerTest {
    @org.springframework.beans.factory.annotation.Autowired
    dev.peakline.app.server.monitoring.RollupWorker worker;

    @Autowired
    Database db;

    private HttpResponse<byte[]> bytes(Client c, String path) throws Exception {
        return c.http.send(c.builder(path).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private long count(String table) {
        return Tx.run(db, c -> {
            try (var ps = c.prepareStatement("select count(*) from " + table);
                    var rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    @Test
    void theGovernmentSeesTheEfficiencyListsSharesAndPlans() throws Exception {
        Client province = as("province");
        JsonNode list = province.json(province.get("/api/v1/efficiency/regions/520000?year=2024"), 200);
        assertThat(list.size()).isGreaterThanOrEqualTo(3);
        // the demo's smelter: its facility was registered at load, before any a test registers (the lowest id)
        JsonNode al = demoSmelter(list);
        // the one demo smelter at scale 0.05 runs at 12 920 kWh/t: at 标杆 (≤ 13 000), GB level 1 (≤ 12 950), the leader
        assertThat(al).isNotNull();
        assertThat(al.get("value").asDouble()).isBetween(12_900.0, 12_950.0);
        assertThat(al.get("level").asText()).isEqualTo("ADVANCED");
        assertThat(al.get("gbGrade").asInt()).isEqualTo(1);
        assertThat(al.get("leader").asBoolean()).isTrue();
        JsonNode shares = province.json(province.get("/api/v1/efficiency/regions/520000/shares?year=2024"), 200);
        // the province's own 70 % and the national 30 % (国发〔2024〕12号) stand side by side, each with its document
        java.util.Map<Double, String> aluminiumTargets = new java.util.TreeMap<>();
        for (JsonNode s : shares) {
            for (JsonNode t : s.get("targets")) {
                if (t.get("target").get("product").asText().equals("电解铝")) {
                    aluminiumTargets.put(
                            t.get("target").get("minAtBenchmark").asDouble(),
                            t.get("target").get("document").asText());
                }
            }
        }
        assertThat(aluminiumTargets).containsOnlyKeys(0.30, 0.70);
        assertThat(aluminiumTargets.get(0.70)).contains("贵州省");
        assertThat(aluminiumTargets.get(0.30)).contains("国发〔2024〕12号");
        HttpResponse<byte[]> x = bytes(province, "/api/v1/efficiency/regions/520000?year=2024&format=xlsx");
        assertThat(x.statusCode()).isEqualTo(200);
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(x.body()))) {
            assertThat(wb.getSheetAt(0).getRow(0).getCell(0).getStringCellValue())
                    .isEqualTo("贵州省 2024 能效清单");
            assertThat(wb.getSheetAt(0).getLastRowNum()).isEqualTo(1 + list.size());
        }
        JsonNode plans = province.json(province.get("/api/v1/efficiency/regions/520000/plans?year=2024"), 200);
        assertThat(plans.has("unplanned")).isTrue();
        // a city official sees only the city
        Client guiyang = as("guiyang");
        assertThat(guiyang.get("/api/v1/efficiency/regions/520000?year=2024").statusCode())
                .isEqualTo(403);
    }

    @Test
    void badFacilitiesAreRefusedFieldByFieldAndNothingIsWritten() {
        Client enterprise = as("enterprise");
        String own = enterprise
                .json(enterprise.get("/api/v1/me"), 200)
                .get("enterprise")
                .asText();
        long before = count("facility");
        String path = "/api/v1/efficiency/enterprises/" + own + "/facilities";
        JsonNode unknown = enterprise.json(
                enterprise.post(
                        path, "{\"name\":\"二号线\",\"product\":\"海绵钛X\",\"capacity\":1000,\"capacityUnit\":\"t/a\"}"),
                422);
        assertThat(unknown.get("problems").get(0).get("column").asText()).isEqualTo("product");
        JsonNode unit = enterprise.json(
                enterprise.post(
                        path, "{\"name\":\"二号线\",\"product\":\"电解铝\",\"capacity\":1000,\"capacityUnit\":\"MWh\"}"),
                422);
        assertThat(unit.get("problems").get(0).get("column").asText()).isEqualTo("capacityUnit");
        JsonNode zero = enterprise.json(
                enterprise.post(path, "{\"name\":\"二号线\",\"product\":\"电解铝\",\"capacity\":0,\"capacityUnit\":\"t/a\"}"),
                422);
        assertThat(zero.get("problems").get(0).get("column").asText()).isEqualTo("capacity");
        enterprise.json(
                enterprise.post(
                        path, "{\"name\":\"二号线\",\"product\":\"电解铝\",\"capacity\":-5,\"capacityUnit\":\"t/a\"}"),
                422);
        assertThat(count("facility")).isEqualTo(before);
        JsonNode ok = enterprise.json(
                enterprise.post(
                        path, "{\"name\":\"二号线\",\"product\":\"电解铝\",\"capacity\":200000,\"capacityUnit\":\"t/a\"}"),
                201);
        assertThat(count("facility")).isEqualTo(before + 1);
        var history = Tx.run(
                db,
                c -> dev.peakline.store.AuditLog.history(
                        c, "facility", ok.get("id").asText()));
        assertThat(history.get(0).action()).isEqualTo("facility.register");
        // another enterprise's register is out of reach; a verifier reads but does not change
        String other = as("enterprise2")
                .json(as("enterprise2").get("/api/v1/me"), 200)
                .get("enterprise")
                .asText();
        assertThat(enterprise
                        .post("/api/v1/efficiency/enterprises/" + other + "/facilities", "{}")
                        .statusCode())
                .isEqualTo(403);
    }

    @Test
    void targetsWarnDecomposeConsistentlyAndRefuseBadInput() {
        Client province = as("province");
        JsonNode targets = province.json(province.get("/api/v1/targets/regions/520000?year=2024"), 200);
        int cities = 0;
        java.util.Set<String> colours = new java.util.HashSet<>();
        for (JsonNode v : targets) {
            // the demo's 2020 → 2025 target (other tests decompose targets of their own years)
            if (v.get("target").get("indicator").asText().equals("CARBON_INTENSITY")
                    && v.get("target").has("parentId")
                    && v.get("target").get("baseYear").asInt() == 2020
                    && v.get("target").get("targetYear").asInt() == 2025) {
                cities++;
                colours.add(v.get("progress").get("warning").asText());
            }
        }
        // the province's −18 % decomposed to nine cities, whose intensity falls at different rates
        assertThat(cities).isEqualTo(9);
        // the nine cities' intensities fall at different rates: some on track (三级预警), some behind (二级 or 一级)
        assertThat(colours).contains("GREEN").containsAnyOf("ORANGE", "RED").isSubsetOf("GREEN", "ORANGE", "RED");
        JsonNode bad = province.json(
                province.post(
                        "/api/v1/targets",
                        "{\"scope\":\"REGION\",\"region\":\"520100\",\"indicator\":\"CARBON_TOTAL\","
                                + "\"baseYear\":2025,\"targetYear\":2020,\"value\":1000}"),
                422);
        assertThat(bad.get("code").asText()).isEqualTo("target.invalid");
        assertThat(bad.get("problems").get(0).get("message").asText())
                .isEqualTo("target year 2020 must be after the base year 2025");
        province.json(
                province.post(
                        "/api/v1/targets",
                        "{\"region\":\"520000\",\"indicator\":\"CARBON_INTENSITY\","
                                + "\"baseYear\":2020,\"targetYear\":2025,\"value\":0.18}"),
                409);
        long total = province.json(
                        province.post(
                                "/api/v1/targets",
                                "{\"region\":\"520000\",\"indicator\":\"ENERGY_TOTAL\","
                                        + "\"baseYear\":2020,\"targetYear\":2025,\"value\":1.2e8,\"document\":\"示例\"}"),
                        201)
                .get("id")
                .asLong();
        long before = count("target");
        // nine cities at 2e7 tce each add up to 1.8e8, more than the province's cap: refused, nothing written
        StringBuilder kids = new StringBuilder("{\"children\":[");
        String[] codes = {"520100", "520200", "520300", "520400", "520500", "520600", "522300", "522600", "522700"};
        for (int i = 0; i < codes.length; i++) {
            kids.append(i == 0 ? "" : ",")
                    .append("{\"region\":\"")
                    .append(codes[i])
                    .append("\",\"value\":2e7}");
        }
        JsonNode refused = province.json(province.post("/api/v1/targets/" + total + "/decompose", kids + "]}"), 422);
        assertThat(refused.get("code").asText()).isEqualTo("decomposition.invalid");
        assertThat(refused.get("problems").get(0).get("code").asText()).isEqualTo("decomposition.inconsistent");
        assertThat(count("target")).isEqualTo(before);
        JsonNode uniform = province.json(
                province.post("/api/v1/targets/" + total + "/decompose", "{\"method\":\"UNIFORM\"}"), 200);
        assertThat(uniform.get("children").size()).isEqualTo(9);
        assertThat(uniform.get("implied").asDouble()).isCloseTo(1.2e8, org.assertj.core.data.Offset.offset(1.0));
        JsonNode check = province.json(province.get("/api/v1/targets/" + total + "/decomposition"), 200);
        assertThat(check.get("problems").size()).isZero();
        // a city official may not set the province's targets
        assertThat(as("guiyang")
                        .post(
                                "/api/v1/targets",
                                "{\"region\":\"520000\",\"indicator\":\"ENERGY_TOTAL\",\"baseYear\":2020,"
                                        + "\"targetYear\":2030,\"value\":1e8}")
                        .statusCode())
                .isEqualTo(403);
    }

    @Test
    void statisticsImportChecksEveryRowAndStoresAllOrNothing() {
        Client province = as("province");
        long before = count("region_statistic");
        String bad = "region,year,item,amount,unit,price_base_year\n"
                + "520100,2019,gdp,4000,亿元,2020\n"
                + "520100,2019,unobtainium,5,万t,\n"
                + "520100,2019,bituminous,5,MWh,\n"
                + "520100,2019,diesel,-3,万t,\n"
                + "529999,2019,gdp,10,亿元,2020\n"
                + "520100,2019,gdp,4100,亿元,2020\n";
        JsonNode r = province.json(
                province.upload("/api/v1/statistics", "bad.csv", bad.getBytes(StandardCharsets.UTF_8)), 422);
        JsonNode p = r.get("problems");
        assertThat(p.size()).isEqualTo(6);
        assertThat(p.get(0).get("row").asInt()).isEqualTo(3);
        assertThat(p.get(0).get("column").asText()).isEqualTo("item");
        assertThat(p.get(1).get("column").asText()).isEqualTo("unit");
        assertThat(p.get(2).get("column").asText()).isEqualTo("amount");
        assertThat(p.get(3).get("column").asText()).isEqualTo("region");
        assertThat(p.get(4).get("code").asText()).isEqualTo("stats.duplicate");
        // and the region-year is left with no valid energy line
        assertThat(p.get(5).get("code").asText()).isEqualTo("stats.energy");
        assertThat(count("region_statistic")).isEqualTo(before);
        // 1 万t of bituminous coal: 10 000 t × 19.570 GJ/t × 26.18 tC/TJ ÷ 1000 × 0.93 × 44/12 = 17 470.4 tCO2;
        // 10 000 t × 19.570 GJ/t ÷ 29.3076 GJ/tce = 6 677.448853 tce (烟煤's own heating value); non-fossil 1 000 tce
        String good = "region,year,item,amount,unit,price_base_year\n"
                + "520100,2019,gdp,4000,亿元,2020\n"
                + "520100,2019,bituminous,1,万t,\n"
                + "520100,2019,non_fossil,1000,tce,\n";
        province.json(province.upload("/api/v1/statistics", "good.csv", good.getBytes(StandardCharsets.UTF_8)), 200);
        JsonNode stats = province.json(province.get("/api/v1/statistics/regions/520100"), 200);
        JsonNode y2019 = null;
        for (JsonNode s : stats) {
            if (s.get("year").asInt() == 2019) {
                y2019 = s;
            }
        }
        assertThat(y2019.get("co2").asDouble())
                .isCloseTo(10_000 * 19.570 * 26.18 / 1000 * 0.93 * 44 / 12, org.assertj.core.data.Offset.offset(1e-6));
        assertThat(y2019.get("energyTce").asDouble())
                .isCloseTo(10_000 * 19.570 / 29.3076 + 1_000, org.assertj.core.data.Offset.offset(1e-6));
        assertThat(y2019.get("gdp10kYuan").asDouble()).isEqualTo(4_000 * 1e4);
        // a second price base for the same region is refused
        String rebased = "region,year,item,amount,unit,price_base_year\n520100,2018,gdp,3900,亿元,2015\n"
                + "520100,2018,bituminous,1,万t,\n";
        JsonNode rb = province.json(
                province.upload("/api/v1/statistics", "rebased.csv", rebased.getBytes(StandardCharsets.UTF_8)), 422);
        assertThat(rb.get("problems").get(0).get("column").asText()).isEqualTo("price_base_year");
    }

    @Test
    void theAssessmentReportReadsInChinese() throws Exception {
        Client province = as("province");
        HttpResponse<byte[]> pdf = bytes(province, "/api/v1/targets/regions/520000/assessment?year=2024&format=pdf");
        boolean font = dev.peakline.io.report.ReportPdf.font(null).isPresent();
        if ("true".equals(System.getenv("CI"))) {
            assertThat(font)
                    .as("CI installs fonts-wqy-microhei: the PDF itself is tested there")
                    .isTrue();
        }
        if (!font) {
            // without a CJK font the report is refused with what to install, never written unreadable
            assertThat(pdf.statusCode()).isEqualTo(503);
            assertThat(new String(pdf.body(), StandardCharsets.UTF_8)).contains("fonts-wqy-microhei");
            return;
        }
        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(pdf.headers().firstValue("Content-Type").orElse("")).startsWith("application/pdf");
        assertThat(new String(pdf.body(), 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        String text;
        try (PdfReader reader = new PdfReader(pdf.body())) {
            text = new PdfTextExtractor(reader).getTextFromPage(1);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        assertThat(text).contains("贵州省 2024 年度碳达峰目标考核报告").contains("六盘水市").contains("未完成");
        assertThat(new String(pdf.body(), StandardCharsets.ISO_8859_1)).contains("/FontFile2");
        HttpResponse<byte[]> xlsx = bytes(province, "/api/v1/targets/regions/520000/assessment?year=2024&format=xlsx");
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx.body()))) {
            assertThat(wb.getNumberOfSheets()).isEqualTo(3);
            assertThat(wb.getSheet("下级区划目标").getLastRowNum()).isGreaterThanOrEqualTo(9);
        }
    }

    @Test
    void projectsFollowTheirLifecycle() {
        Client province = as("province");
        JsonNode register = province.json(province.get("/api/v1/projects/regions/520000"), 200);
        assertThat(register.size()).isGreaterThanOrEqualTo(5);
        long id = province.json(
                        province.post(
                                "/api/v1/projects",
                                "{\"name\":\"测试电解铝项目\",\"region\":\"520181\","
                                        + "\"industry\":\"3216\",\"product\":\"电解铝\",\"capacity\":100000,\"capacityUnit\":\"t/a\","
                                        + "\"designedEnergyTce\":160000,\"designedCo2\":700000,\"designedValue\":13400}"),
                        201)
                .get("id")
                .asLong();
        JsonNode p = province.json(province.get("/api/v1/projects/" + id), 200);
        assertThat(p.get("project").get("sector").asText()).isEqualTo("有色金属冶炼");
        assertThat(p.get("project").get("designedLevel").asText()).isEqualTo("低于基准水平");
        JsonNode jump = province.json(province.post("/api/v1/projects/" + id + "/move", "{\"to\":\"OPERATING\"}"), 409);
        assertThat(jump.get("code").asText()).isEqualTo("project.transition");
        province.json(province.post("/api/v1/projects/" + id + "/move", "{\"to\":\"UNDER_REVIEW\"}"), 200);
        province.json(
                province.post("/api/v1/projects/" + id + "/move", "{\"to\":\"REFUSED\",\"document\":\"示例\"}"), 200);
        assertThat(province.json(province.get("/api/v1/projects/" + id), 200)
                        .get("events")
                        .size())
                .isEqualTo(3);
        JsonNode unit = province.json(
                province.post(
                        "/api/v1/projects/" + id + "/substitutions",
                        "{\"kind\":\"COAL\",\"amount\":100,\"unit\":\"tce\",\"source\":\"关停锅炉\"}"),
                422);
        assertThat(unit.get("problems").get(0).get("column").asText()).isEqualTo("unit");
        province.json(
                province.post(
                        "/api/v1/projects/" + id + "/substitutions",
                        "{\"kind\":\"COAL\",\"amount\":100,\"source\":\"关停锅炉\"}"),
                201);
        assertThat(as("enterprise")
                        .post("/api/v1/projects", "{\"name\":\"x\",\"region\":\"520181\"}")
                        .statusCode())
                .isEqualTo(403);
    }

    @Test
    void gradeListsExportForBanks() throws Exception {
        Client province = as("province");
        JsonNode grades = province.json(province.get("/api/v1/grades/regions/520000?year=2024"), 200);
        assertThat(grades.size()).isGreaterThan(5);
        java.util.Set<Integer> seen = new java.util.TreeSet<>();
        for (JsonNode g : grades) {
            if (g.hasNonNull("grade")) {
                // K = L ÷ L_industry, each from the row itself; the bands are the shipped table's (K ≤ 0.6 → 1,
                // ≤ 0.8 → 2, ≤ 1.2 → 3, ≤ 2.0 → 4, else 5), written here rather than read from the code under test
                double k = g.get("intensity").asDouble()
                        / g.get("industryIntensity").asDouble();
                assertThat(g.get("ratio").asDouble()).isCloseTo(k, within(1e-12));
                int expected = k <= 0.6 ? 1 : k <= 0.8 ? 2 : k <= 1.2 ? 3 : k <= 2.0 ? 4 : 5;
                assertThat(g.get("grade").asInt()).isEqualTo(expected);
                seen.add(expected);
            }
        }
        // the demo spreads its enterprises over more than one grade: the bands above are exercised, not skipped
        assertThat(seen).hasSizeGreaterThan(1);
        HttpResponse<byte[]> x = bytes(province, "/api/v1/grades/regions/520000?year=2024&format=xlsx");
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(x.body()))) {
            assertThat(wb.getSheetAt(0).getRow(1).getCell(0).getStringCellValue())
                    .isEqualTo("统一社会信用代码");
            assertThat(wb.getSheetAt(0).getLastRowNum()).isEqualTo(1 + grades.size());
        }
    }

    @Test
    void aluminiumAcElectricityComesFromThePotlinesOwnMeters() throws Exception {
        // the demo smelter in 2023 (no other test reads 2023's efficiency list)
        Client admin = as("admin");
        JsonNode list = admin.json(admin.get("/api/v1/efficiency/regions/520000?year=2023"), 200);
        JsonNode al = demoSmelter(list);
        assertThat(al).isNotNull();
        String code = al.get("enterprise").asText();
        long facility = al.get("facilityId").asLong();
        // before any meter: the enterprise's purchases, said so in the basis
        assertThat(al.get("basis").asText()).contains("purchased");
        // the potline's AC meter, daily, in MWh: 40,000 + 50,000 = 90,000 MWh measured in 2023
        admin.json(
                admin.post(
                        "/api/v1/enterprises/" + code + "/meters",
                        "{\"code\":\"AC-POT-1\",\"name\":\"一号系列交流电\",\"carrier\":\"电力\",\"unit\":\"MWh\","
                                + "\"kind\":\"INTERVAL\",\"intervalSeconds\":86400,\"facilityId\":" + facility
                                + ",\"installedAt\":\"2023-01-01T00:00:00+08:00\"}"),
                201);
        String token = admin.json(
                        admin.post("/api/v1/enterprises/" + code + "/gateway-tokens", "{\"name\":\"potline\"}"), 201)
                .get("token")
                .asText();
        var r = ingest(
                admin,
                token,
                "application/json",
                "{\"readings\":[{\"meter\":\"AC-POT-1\",\"ts\":\"2023-03-02T00:00:00+08:00\",\"value\":40000},"
                        + "{\"meter\":\"AC-POT-1\",\"ts\":\"2023-03-03T00:00:00+08:00\",\"value\":50000}]}");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        worker.drain();
        JsonNode after = null;
        for (JsonNode x : admin.json(admin.get("/api/v1/efficiency/regions/520000?year=2023"), 200)) {
            if (x.get("facilityId").asLong() == facility) {
                after = x;
            }
        }
        assertThat(after).isNotNull();
        String basis = after.get("basis").asText();
        assertThat(basis).contains("90000 MWh metered at the facility");
        // value = 90,000 MWh × 1000 ÷ output [t], the output as the basis states it
        double tonnes = Double.parseDouble(basis.replaceAll(".*÷ (\\d+) t filed.*", "$1"));
        assertThat(after.get("value").asDouble())
                .isCloseTo(90_000 * 1000 / tonnes, org.assertj.core.data.Offset.offset(90_000 * 1000 / tonnes * 1e-3));
    }

    /** The demo's smelter in an efficiency list: registered at load, before any a test registers (the lowest id). */
    static JsonNode demoSmelter(JsonNode list) {
        JsonNode al = null;
        for (JsonNode r : list) {
            if (r.get("product").asText().equals("电解铝")
                    && (al == null
                            || r.get("facilityId").asLong()
                                    < al.get("facilityId").asLong())) {
                al = r;
            }
        }
        return al;
    }
}
