package dev.peakline.app.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

/** C4 end to end over HTTP: file → check → submit → return → correct → approve (accounted, locked) → new version. */
class FilingWorkflowIT extends ServerTest {
    static final double TOL = 1e-6;

    static String gas(String period, String amount, String valueAdded) {
        return "{\"period\":\"" + period + "\",\"activity\":[{\"carrier\":\"天然气\",\"use\":\"燃烧\",\"amount\":\"" + amount
                + "\",\"unit\":\"万Nm3\"}],\"output\":[{\"valueAdded\":\"" + valueAdded + "\",\"unit\":\"万元\"}]}";
    }

    @Test
    void aMonthIsFiledCheckedReturnedCorrectedApprovedAndAccounted() {
        Client ent = as("enterprise");
        Client ver = as("verifier");
        String e = ent.json(ent.get("/api/v1/me"), 200).get("enterprise").asText();
        String base = "/api/v1/enterprises/" + e;

        // bad lines: every problem is named by line and field, and nothing is stored
        JsonNode bad = ent.json(
                ent.post(
                        base + "/filings",
                        "{\"period\":\"2025-02\",\"activity\":[{\"carrier\":\"天然气\",\"use\":\"燃烧\",\"amount\":\"-5\","
                                + "\"unit\":\"万Nm3\"},{\"carrier\":\"原煤\",\"use\":\"烧掉\",\"amount\":\"12\",\"unit\":\"t\"}]}"),
                422);
        assertThat(bad.get("code").asText()).isEqualTo("filing.invalid");
        List<String> where = new ArrayList<>();
        bad.get("problems")
                .forEach(p ->
                        where.add(p.get("row").asInt() + ":" + p.get("column").asText()));
        assertThat(where).contains("1:quantity", "2:use");
        JsonNode wrongUnit = ent.json(
                ent.post(
                        base + "/filings",
                        "{\"period\":\"2025-02\",\"activity\":[{\"carrier\":\"天然气\",\"use\":\"燃烧\",\"amount\":\"5\","
                                + "\"unit\":\"kWh\"},{\"carrier\":\"unobtainium\",\"use\":\"燃烧\",\"amount\":\"1\",\"unit\":\"t\"}]}"),
                422);
        assertThat(wrongUnit.get("problems").toString()).contains("unobtainium").contains("kWh");
        assertThat(ent.json(ent.get(base + "/filings?year=2025"), 200).toString())
                .doesNotContain("2025-02");

        // a month that has not ended cannot be filed
        assertThat(ent.post(base + "/filings", gas("2101-01", "1", "1")).statusCode())
                .isEqualTo(422);
        assertThat(ent.json(ent.post(base + "/filings", gas(thisMonth().toString(), "1", "1")), 422)
                        .get("code")
                        .asText())
                .isEqualTo("period.not_ended");

        // 100 ×10⁴ Nm³ of natural gas burnt, value added 500 ×10⁴ yuan
        JsonNode v1 = ent.json(ent.post(base + "/filings", gas("2025-02", "100", "500")), 201);
        long id1 = v1.get("id").asLong();
        assertThat(v1.get("status").asText()).isEqualTo("DRAFT");
        assertThat(ent.json(ent.post(base + "/filings", gas("2025-02", "1", "1")), 409)
                        .get("code")
                        .asText())
                .isEqualTo("period.open");
        // only the enterprise submits; the verifier cannot approve a draft
        assertThat(ver.post("/api/v1/filings/" + id1 + "/approve", "{}").statusCode())
                .isEqualTo(409);
        ent.json(ent.post("/api/v1/filings/" + id1 + "/submit", "{}"), 200);
        assertThat(ent.json(ent.post(base + "/filings", gas("2025-02", "1", "1")), 409)
                        .get("code")
                        .asText())
                .isEqualTo("period.locked");
        assertThat(ent.post("/api/v1/filings/" + id1 + "/approve", "{}").statusCode())
                .isEqualTo(403);
        assertThat(ver.json(ver.get("/api/v1/filings/queue"), 200).toString()).contains("\"id\":" + id1);

        // returned with a comment (a comment is required), corrected, resubmitted
        assertThat(ver.post("/api/v1/filings/" + id1 + "/return", "{}").statusCode())
                .isEqualTo(422);
        assertThat(ver.json(
                                ver.post(
                                        "/api/v1/filings/" + id1 + "/return",
                                        "{\"comment\":\"value added missing a digit\"}"),
                                200)
                        .get("status")
                        .asText())
                .isEqualTo("RETURNED");
        ent.json(ent.putIfMatch("/api/v1/filings/" + id1, gas("2025-02", "100", "5000")), 200);
        ent.json(ent.post("/api/v1/filings/" + id1 + "/submit", "{}"), 200);
        assertThat(ver.json(ver.post("/api/v1/filings/" + id1 + "/approve", "{\"comment\":\"ok\"}"), 200)
                        .get("status")
                        .asText())
                .isEqualTo("APPROVED");

        // accounted on approval: 100 × 389.31 GJ × 0.0153 tC/GJ × 0.99 × 44/12 = 2,162.188809 tCO2;
        // energy 100 × 12.143 tce = 1,214.3 tce; intensity 2,162.188809 ÷ 5,000 = 0.432437762 tCO2/10⁴ yuan
        JsonNode month = month(ent, base, "2025-02");
        assertThat(month.get("combustion").asDouble()).isCloseTo(2162.188809, within(TOL));
        assertThat(month.get("total").asDouble()).isCloseTo(2162.188809, within(TOL));
        assertThat(month.get("energy").asDouble()).isCloseTo(1214.3, within(TOL));
        assertThat(month.get("carbonIntensity").asDouble()).isCloseTo(0.432437762, within(1e-9));
        assertThat(month.get("filingId").asLong()).isEqualTo(id1);
        assertThat(month.get("factorSets").asText()).contains("peakline-reference");
        JsonNode why = ent.json(ent.get(base + "/account/2025-02/explain"), 200);
        assertThat(why.get("lines").toString()).contains("2162.188809").contains("natural");

        // approved is locked; a correction is a new version that supersedes it on approval
        assertThat(ent.put("/api/v1/filings/" + id1, gas("2025-02", "1", "1")).statusCode())
                .isEqualTo(409);
        long id2 = ent.json(ent.post(base + "/filings", gas("2025-02", "50", "5000")), 201)
                .get("id")
                .asLong();
        ent.json(ent.post("/api/v1/filings/" + id2 + "/submit", "{}"), 200);
        ver.json(ver.post("/api/v1/filings/" + id2 + "/approve", "{}"), 200);
        assertThat(month(ent, base, "2025-02").get("total").asDouble()).isCloseTo(2162.188809 / 2, within(TOL));
        JsonNode old = ent.json(ent.get("/api/v1/filings/" + id1), 200);
        assertThat(old.get("filing").get("status").asText()).isEqualTo("SUPERSEDED");
        List<String> actions = new ArrayList<>();
        old.get("history")
                .forEach(h -> actions.add(
                        h.get("actor").asText() + " " + h.get("action").asText()));
        assertThat(actions)
                .containsExactly(
                        "enterprise filing.create",
                        "enterprise filing.submit",
                        "verifier filing.return",
                        "enterprise filing.content",
                        "enterprise filing.submit",
                        "verifier filing.approve",
                        "verifier filing.supersede");
        // the old version's lines are kept as filed
        assertThat(old.get("content").get("activity").get(0).get("amount").asDouble())
                .isEqualTo(100.0);
    }

    private JsonNode month(Client c, String base, String period) {
        JsonNode a = c.json(c.get(base + "/account?year=" + period.substring(0, 4)), 200);
        for (JsonNode m : a.get("months")) {
            if (m.get("period").asText().equals(period)) {
                return m;
            }
        }
        throw new AssertionError("no " + period + " in " + a);
    }

    @Test
    void theTemplateComesBackAsAFilingAndBadFilesAreRefused() throws Exception {
        Client ent = as("enterprise");
        String e = ent.json(ent.get("/api/v1/me"), 200).get("enterprise").asText();
        String base = "/api/v1/enterprises/" + e;
        HttpResponse<byte[]> tpl = ent.http.send(
                ent.builder(base + "/template.xlsx?period=2025-03").GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(tpl.statusCode()).isEqualTo(200);
        byte[] filled;
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(tpl.body()));
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            var row = wb.getSheet("活动数据").getRow(1);
            assertThat(row.getCell(0).getStringCellValue()).isEqualTo(e);
            row.getCell(4).setCellValue("天然气");
            row.createCell(5).setCellValue("10");
            row.getCell(6).setCellValue("万Nm3");
            wb.write(out);
            filled = out.toByteArray();
        }
        JsonNode f = ent.json(ent.upload(base + "/filings/upload?period=2025-03", "filing.xlsx", filled), 201);
        assertThat(f.get("source").asText()).isEqualTo("UPLOAD");
        JsonNode d = ent.json(ent.get("/api/v1/filings/" + f.get("id").asLong()), 200);
        assertThat(d.get("content").get("activity").get(0).get("amount").asDouble())
                .isEqualTo(10.0);

        // a CSV for another month than the one being filed: refused with the reason, nothing stored
        String csv = "enterprise,region,industry,period,carrier,quantity,unit,use\n" + e
                + ",520181,3216,2025-05,天然气,1,万Nm3,燃烧\n";
        JsonNode wrong = ent.json(
                ent.upload(
                        base + "/filings/upload?period=2025-04",
                        "april.csv",
                        csv.getBytes(java.nio.charset.StandardCharsets.UTF_8)),
                422);
        assertThat(wrong.toString()).contains("2025-05");
        assertThat(ent.json(ent.get(base + "/filings?year=2025"), 200).toString())
                .doesNotContain("2025-04");
        // oversized uploads are refused
        HttpResponse<String> big =
                ent.upload(base + "/filings/upload?period=2025-04", "big.csv", new byte[11 * 1024 * 1024]);
        assertThat(big.statusCode()).isEqualTo(413);
        assertThat(ent.send(ent.builder(base + "/filings/upload?period=2025-04")
                                .POST(HttpRequest.BodyPublishers.noBody()))
                        .statusCode())
                .isIn(400, 415);
    }
}
