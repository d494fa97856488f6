package dev.peakline.app.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import dev.peakline.store.Database;
import dev.peakline.store.ledger.AccountResults;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Reference-data admin: load a set, activate it for a city, recompute; results name the set they used. */
class FactorSetIT extends ServerTest {
    @Autowired
    Database db;

    static final String FILE =
            "kind,item,qualifier,value,unit,valid_from,valid_to,publication,source_id,confidence,notes\n"
                    + "electricity,CN,average,0.5,tCO2/MWh,2024-01-01,2024-12-31,测试用全国电网因子 (test),TEST,MEDIUM,\n";

    @Test
    void aLoadedSetActivatedForACityRecomputesThatCityOnly() throws Exception {
        Client admin = as("admin");
        assertThat(as("province")
                        .upload("/api/v1/factor-sets?id=test-grid", "f.csv", FILE.getBytes(StandardCharsets.UTF_8))
                        .statusCode())
                .isEqualTo(403);
        JsonNode bad = admin.json(
                admin.upload(
                        "/api/v1/factor-sets?id=bad",
                        "bad.csv",
                        "kind,item\nelectricity,CN\n".getBytes(StandardCharsets.UTF_8)),
                422);
        assertThat(bad.get("problems").get(0).get("column").asText()).isNotEmpty();
        JsonNode set = admin.json(
                admin.upload(
                        "/api/v1/factor-sets?id=test-grid&publication=test",
                        "grid.csv",
                        FILE.getBytes(StandardCharsets.UTF_8)),
                201);
        String version = set.get("version").asText();
        assertThat(admin.json(admin.get("/api/v1/factor-sets/test-grid/" + version), 200)
                        .get(0)
                        .get("value")
                        .asDouble())
                .isEqualTo(0.5);

        List<String> city = List.of("520100", "520102", "520111", "520181");
        Map<Long, AccountResults.Row> before = new HashMap<>();
        new AccountResults(db, clock)
                .inRegions(
                        List.of(
                                "520102", "520111", "520181", "520103", "520112", "520113", "520115", "520121",
                                "520122", "520123"),
                        "2024")
                .forEach(r -> before.put(r.filingId(), r));
        Map<Long, AccountResults.Row> elsewhere = new HashMap<>();
        new AccountResults(db, clock)
                .inRegions(List.of("520303", "520326"), "2024")
                .forEach(r -> elsewhere.put(r.filingId(), r));
        assertThat(before).isNotEmpty();

        admin.json(
                admin.post(
                        "/api/v1/factor-sets/activations",
                        "{\"region\":\"520100\",\"activeFrom\":\"2024-01-01\",\"setId\":\"test-grid\",\"setVersion\":\""
                                + version + "\"}"),
                201);
        assertThat(admin.post(
                                "/api/v1/factor-sets/activations",
                                "{\"region\":\"520100\",\"activeFrom\":\"2024-13-01\",\"setId\":\"test-grid\",\"setVersion\":\""
                                        + version + "\"}")
                        .statusCode())
                .isEqualTo(422);
        JsonNode job = admin.json(admin.post("/api/v1/factor-sets/recompute", "{\"region\":\"520100\"}"), 202);
        long id = job.get("id").asLong();
        for (int i = 0; i < 200 && job.get("status").asText().equals("RUNNING"); i++) {
            Thread.sleep(100);
            job = admin.json(admin.get("/api/v1/factor-sets/recompute/" + id), 200);
        }
        assertThat(job.get("status").asText()).isEqualTo("DONE");
        assertThat(job.get("done").asInt()).isEqualTo(job.get("total").asInt()).isPositive();
        // what it did, per county of Guiyang: fuel and process (scope 1) unmoved, scope 2 now the new grid factor's,
        // and
        // the sums after are the sums of the stored results
        assertThat(job.get("outcome").asText()).isEqualTo("CHANGED");
        double scope2After = 0;
        int results = 0;
        int changed = 0;
        for (JsonNode c : job.get("changes")) {
            assertThat(c.get("region").asText()).startsWith("5201").isNotEqualTo("520100");
            assertThat(c.get("scope1After").asDouble())
                    .isCloseTo(
                            c.get("scope1Before").asDouble(),
                            within(1e-6 * Math.max(1, c.get("scope1Before").asDouble())));
            scope2After += c.get("scope2After").asDouble();
            results += c.get("results").asInt();
            changed += c.get("changed").asInt();
        }
        assertThat(results).isEqualTo(job.get("total").asInt());
        assertThat(changed).isPositive().isLessThanOrEqualTo(results);
        double stored = 0;
        for (int year = 2015; year <= 2030; year++) {
            for (AccountResults.Row r : new AccountResults(db, clock)
                    .inRegions(
                            List.of(
                                    "520102", "520103", "520111", "520112", "520113", "520115", "520121", "520122",
                                    "520123", "520181", "520100"),
                            String.valueOf(year))) {
                stored += r.scope2();
            }
        }
        assertThat(scope2After).isCloseTo(stored, within(1e-6 * Math.max(1, stored)));

        // electricity emissions scale by 0.5 ÷ the shipped factor; fuel and process emissions do not move
        boolean sawElectricity = false;
        for (AccountResults.Row r : new AccountResults(db, clock).inRegions(city, "2024")) {
            AccountResults.Row old = before.get(r.filingId());
            if (old == null) {
                continue;
            }
            assertThat(r.factorSets()).startsWith("test-grid " + version);
            assertThat(r.combustion()).isEqualTo(old.combustion());
            assertThat(r.process()).isEqualTo(old.process());
            if (old.electricity() > 0) {
                sawElectricity = true;
                assertThat(r.electricity()).isNotEqualTo(old.electricity());
            }
        }
        assertThat(sawElectricity).isTrue();
        for (AccountResults.Row r : new AccountResults(db, clock).inRegions(List.of("520303", "520326"), "2024")) {
            assertThat(r.total()).isCloseTo(elsewhere.get(r.filingId()).total(), within(0.0));
            assertThat(r.factorSets()).startsWith("peakline-reference");
        }
        // recomputed again with nothing new active: nothing changes, and the job says why; every result comes out the
        // same to the bit, so none is written again (no audit entry, computed_at kept)
        long recomputeAudits = count("select count(*) from audit_log where action = 'results.recompute'");
        long computedAt = count("select coalesce(sum(extract(epoch from computed_at))::bigint, 0) from account_result");
        JsonNode again = admin.json(admin.post("/api/v1/factor-sets/recompute", "{\"region\":\"520100\"}"), 202);
        for (int i = 0; i < 200 && again.get("status").asText().equals("RUNNING"); i++) {
            Thread.sleep(100);
            again = admin.json(
                    admin.get("/api/v1/factor-sets/recompute/" + again.get("id").asLong()), 200);
        }
        assertThat(again.get("outcome").asText()).isEqualTo("SAME_SETS");
        // a recomputation updates the results one statement at a time; the summaries follow at each commit
        Summaries.assertEqualToTheResults(db);
        for (JsonNode c : again.get("changes")) {
            assertThat(c.get("changed").asInt()).isZero();
        }
        assertThat(count("select count(*) from audit_log where action = 'results.recompute'"))
                .isEqualTo(recomputeAudits);
        assertThat(count("select coalesce(sum(extract(epoch from computed_at))::bigint, 0) from account_result"))
                .isEqualTo(computedAt);
    }

    private long count(String sql) throws Exception {
        try (var c = db.connection();
                var st = c.createStatement();
                var rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
