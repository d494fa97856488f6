package dev.peakline.app.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.peakline.domain.CreditCode;
import org.junit.jupiter.api.Test;

/**
 * The administrator's register: enterprises created and checked field by field, moved to another region with their
 * accounted months, duplicate registrations merged (and refused when both filed the same month), every change audited;
 * the search finds within the caller's scope.
 */
class RegistryIT extends ServerTest {
    static String code(String first17) {
        return first17 + CreditCode.checkCharacter(first17);
    }

    static String entry(String code, String name, String region) {
        return "{\"code\":\"" + code + "\",\"name\":\"" + name + "\",\"region\":\"" + region
                + "\",\"industry\":\"3011\"," + "\"contactPerson\":\"李联系\",\"contactPhone\":\"0851-1234567\"}";
    }

    @Test
    void anEnterpriseIsRegisteredCheckedByFieldAndRefusedTwice() {
        Client admin = as("admin");
        JsonNode bad = admin.json(
                admin.post(
                        "/api/v1/admin/enterprises",
                        "{\"code\":\"91520102MA7TXP0K1X\",\"name\":\"\",\"region\":\"529999\",\"industry\":\"30\","
                                + "\"contactPhone\":\"call me\"}"),
                422);
        // every field at once: the check character, the name, an unregistered region, a division for a class, the phone
        assertThat(bad.get("problems").findValuesAsText("column"))
                .containsExactly("code", "name", "region", "industry", "contactPhone");
        String code = code("91520102MA7TXP0R2");
        JsonNode fields = admin.json(
                admin.post(
                        "/api/v1/admin/enterprises",
                        "{\"code\":\"" + code + "\",\"name\":\"\",\"region\":\"529999\",\"industry\":\"30\","
                                + "\"contactPhone\":\"call me\"}"),
                422);
        assertThat(fields.get("problems").findValuesAsText("column"))
                .containsExactly("name", "region", "industry", "contactPhone");
        assertThat(as("province")
                        .post("/api/v1/admin/enterprises", entry(code, "测试", "520102"))
                        .statusCode())
                .isEqualTo(403);
        admin.json(admin.post("/api/v1/admin/enterprises", entry(code, "登记测试水泥有限公司", "520102")), 201);
        assertThat(admin.json(admin.post("/api/v1/admin/enterprises", entry(code, "重复", "520102")), 409)
                        .get("code")
                        .asText())
                .isEqualTo("enterprise.exists");
        JsonNode stored = admin.json(admin.get("/api/v1/admin/enterprises/" + code), 200);
        assertThat(stored.get("contactPerson").asText()).isEqualTo("李联系");
        // the province finds it by part of its name; Guiyang's neighbour 遵义 does not see it
        JsonNode hits = as("province").json(as("province").get("/api/v1/search/enterprises?q=登记测试水泥"), 200);
        assertThat(hits.findValuesAsText("code")).containsExactly(code);
        assertThat(hits.get(0).get("regionName").asText()).contains("贵阳市").contains("南明区");
    }

    @Test
    void aMoveCarriesTheAccountedMonthsAndADuplicateIsMergedUnlessBothFiledAMonth() throws Exception {
        Client admin = as("admin");
        String kept = code("91520102MA7TXP0M3");
        String duplicate = code("91520102MA7TXP0N4");
        admin.json(admin.post("/api/v1/admin/enterprises", entry(kept, "合并测试建材有限公司", "520102")), 201);
        admin.json(admin.post("/api/v1/admin/enterprises", entry(duplicate, "合并测试建材公司（重复登记）", "520102")), 201);
        // the duplicate filed 2024-05 and the verifier approved it; the kept one filed 2024-06
        long may = approved(admin, duplicate, "2024-05", "10");
        approved(admin, kept, "2024-06", "20");
        // moved to Zunyi: its approved month counts there now
        admin.json(
                admin.put("/api/v1/admin/enterprises/" + duplicate, entry(duplicate, "合并测试建材公司（重复登记）", "520302")), 200);
        assertThat(regionOf(duplicate, "2024-05")).isEqualTo("520302");

        // merged: its filing, result and entry go to the kept enterprise, which takes its own region for them
        JsonNode m = admin.json(
                admin.post("/api/v1/admin/enterprises/" + duplicate + "/merge", "{\"into\":\"" + kept + "\"}"), 200);
        assertThat(m.get("moved").get("filing.enterprise").asInt()).isEqualTo(1);
        assertThat(m.get("moved").get("account_result.enterprise").asInt()).isEqualTo(1);
        assertThat(admin.get("/api/v1/enterprises/" + duplicate).statusCode()).isEqualTo(404);
        assertThat(admin.json(admin.get("/api/v1/filings/" + may), 200)
                        .get("filing")
                        .get("enterprise")
                        .toString())
                .contains(kept);
        assertThat(regionOf(kept, "2024-05")).isEqualTo("520102");
        JsonNode account = admin.json(admin.get("/api/v1/enterprises/" + kept + "/account?year=2024"), 200);
        assertThat(account.toString()).contains("2024-05").contains("2024-06");
        // audited with both entries before
        String merged = dev.peakline.store.Tx.run(db, c -> {
            try (var ps = c.prepareStatement(
                    "select before::text from audit_log where action = 'enterprise.merge' and entity_id = ?")) {
                ps.setString(1, kept);
                try (var rs = ps.executeQuery()) {
                    return rs.next() ? rs.getString(1) : "";
                }
            }
        });
        assertThat(merged).contains(duplicate).doesNotContain("\\\"").contains("合并测试建材有限公司");

        // a second duplicate that filed 2024-06 too cannot be merged: the month is named and nothing changes
        String clash = code("91520102MA7TXP0P5");
        admin.json(admin.post("/api/v1/admin/enterprises", entry(clash, "合并测试冲突公司", "520102")), 201);
        approved(admin, clash, "2024-06", "5");
        JsonNode refused = admin.json(
                admin.post("/api/v1/admin/enterprises/" + clash + "/merge", "{\"into\":\"" + kept + "\"}"), 409);
        assertThat(refused.get("code").asText()).isEqualTo("enterprise.merge");
        assertThat(refused.get("detail").asText()).contains("2024-06");
        assertThat(admin.get("/api/v1/enterprises/" + clash).statusCode()).isEqualTo(200);
        assertThat(admin.json(
                                admin.post(
                                        "/api/v1/admin/enterprises/" + kept + "/merge", "{\"into\":\"" + kept + "\"}"),
                                422)
                        .get("code")
                        .asText())
                .isEqualTo("enterprise.invalid");
        assertThat(as("province")
                        .post("/api/v1/admin/enterprises/" + clash + "/merge", "{\"into\":\"" + kept + "\"}")
                        .statusCode())
                .isEqualTo(403);
        // after approvals, a move and a merge the dashboard's summaries are still the sums of the results
        Summaries.assertEqualToTheResults(db);
    }

    /** Files a month of natural gas for the enterprise as the administrator and approves it; the filing's id. */
    private long approved(Client admin, String code, String period, String gas) {
        long id = admin.json(
                        admin.post(
                                "/api/v1/enterprises/" + code + "/filings", FilingWorkflowIT.gas(period, gas, "100")),
                        201)
                .get("id")
                .asLong();
        admin.json(admin.post("/api/v1/filings/" + id + "/submit", "{}"), 200);
        admin.json(admin.post("/api/v1/filings/" + id + "/approve", "{\"comment\":\"合并测试\"}"), 200);
        return id;
    }

    private String regionOf(String code, String period) {
        return dev.peakline.store.Tx.run(db, c -> {
            try (var ps = c.prepareStatement(
                    "select region from account_result where enterprise = ? and period = ? and current")) {
                ps.setString(1, code);
                ps.setString(2, period);
                try (var rs = ps.executeQuery()) {
                    return rs.next() ? rs.getString(1).trim() : null;
                }
            }
        });
    }

    @org.springframework.beans.factory.annotation.Autowired
    dev.peakline.store.Database db;
}
