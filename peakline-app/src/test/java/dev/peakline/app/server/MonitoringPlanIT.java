package dev.peakline.app.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.peakline.store.Database;
import dev.peakline.store.Tx;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** 数据质量控制计划: kept by the enterprise in versions, read by its verifier, validated line by line, audited. */
class MonitoringPlanIT extends ServerTest {
    @Autowired
    Database db;

    static final String GOOD = """
            {"boundary": "厂区内 2 台 35 t/h 燃煤锅炉、外购电力",
             "qualityAssurance": "每月与供应商结算单核对；计量器具按期检定",
             "items": [
               {"parameter": "烟煤消耗量", "method": "实测", "instrument": "入厂汽车衡 SCS-100，东门",
                "accuracy": "Ⅲ级", "frequency": "每批次", "recording": "每日", "missing": "按结算单补录",
                "department": "能源管理科"},
               {"parameter": "烟煤低位发热量", "method": "缺省", "instrument": "", "accuracy": "",
                "frequency": "每年", "recording": "每年", "missing": "", "department": "能源管理科"}]}
            """;

    @Test
    void theEnterpriseKeepsVersionsItsVerifierReadsThemAndBadLinesAreNamed() {
        Client ent = as("enterprise");
        String code = ent.json(ent.get("/api/v1/me"), 200).get("enterprise").asText();
        String path = "/api/v1/enterprises/" + code + "/monitoring-plan";
        int before = ent.json(ent.get(path), 200).get("version").asInt();

        JsonNode v1 = ent.json(ent.put(path, GOOD), 200);
        assertThat(v1.get("version").asInt()).isEqualTo(before + 1);
        assertThat(v1.get("items")).hasSize(2);
        // the Chinese grade is stored as its code
        assertThat(v1.get("items").get(0).get("method").asText()).isEqualTo("MEASURED");
        assertThat(v1.get("savedBy").asText()).isEqualTo("enterprise");

        // a measured datum without its instrument, an unknown method and a parameter listed twice: each line and
        // field named, nothing saved
        String bad = """
                {"boundary": "锅炉", "items": [
                  {"parameter": "电力", "method": "实测", "frequency": "每月", "department": "设备科"},
                  {"parameter": "电力", "method": "猜测", "frequency": "每月", "department": "设备科"}]}
                """;
        JsonNode refused = ent.json(ent.put(path, bad), 422);
        assertThat(refused.get("code").asText()).isEqualTo("plan");
        assertThat(refused.get("problems").toString())
                .contains("\"row\":1")
                .contains("instrument")
                .contains("accuracy")
                .contains("listed twice")
                .contains("猜测");
        assertThat(ent.json(ent.get(path), 200).get("version").asInt()).isEqualTo(before + 1);

        // a second version; the first stays readable
        JsonNode v2 = ent.json(ent.put(path, GOOD.replace("每批次", "每车")), 200);
        assertThat(v2.get("version").asInt()).isEqualTo(before + 2);
        assertThat(ent.json(ent.get(path + "?version=" + (before + 1)), 200)
                        .get("items")
                        .get(0)
                        .get("frequency")
                        .asText())
                .isEqualTo("每批次");

        // the verifier reads it but does not keep it; another enterprise does not see it
        Client verifier = as("verifier");
        assertThat(verifier.json(verifier.get(path), 200).get("version").asInt())
                .isEqualTo(before + 2);
        assertThat(verifier.put(path, GOOD).statusCode()).isEqualTo(403);
        assertThat(as("enterprise2").get(path).statusCode()).isEqualTo(403);

        // every save is in the audit log
        long audited = Tx.run(
                db,
                c -> Tx.one(
                                c,
                                "select count(*) from audit_log where entity = 'monitoring_plan' and entity_id = ?",
                                rs -> rs.getLong(1),
                                code)
                        .orElseThrow());
        assertThat(audited).isEqualTo(before + 2);
    }
}
