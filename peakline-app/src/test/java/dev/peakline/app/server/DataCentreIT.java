package dev.peakline.app.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import dev.peakline.app.server.monitoring.RollupWorker;
import dev.peakline.store.Database;
import dev.peakline.store.Tx;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * An enterprise registers data centres and places their meters (bad fields refused by field, nothing stored), sends
 * a month and more of daily readings; its PUE by day and month comes from the roll-ups, the day the IT meter missed
 * leaves that day and its month without a PUE, a day with IT above the facility is a finding, and the region view
 * ranks the one above its target first; other enterprises cannot read it; every change is audited.
 */
class DataCentreIT extends ServerTest {
    @Autowired
    RollupWorker worker;

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

    private static String fields(JsonNode problem) {
        List<String> out = new ArrayList<>();
        problem.get("problems").forEach(p -> out.add(p.get("column").asText()));
        return String.join(" ", out);
    }

    @Test
    void pueByDayAndMonthFromTheRollupsWithEveryRefusal() {
        Client e = as("enterprise");
        String code = e.json(e.get("/api/v1/me"), 200).path("enterprise").asText();
        // an absurd capacity, an unknown status and cooling, racks and a target that do not exist: all by field
        JsonNode bad = e.json(
                e.post(
                        "/api/v1/enterprises/" + code + "/data-centres",
                        "{\"code\":\"X 1\",\"name\":\"坏\",\"cluster\":\"火星\",\"status\":\"running\","
                                + "\"cooling\":\"fan\",\"itCapacityKw\":5000000,\"racks\":0,\"targetScope\":\"best\"}"),
                422);
        assertThat(fields(bad)).isEqualTo("code cluster status cooling itCapacityKw racks targetScope");
        assertThat(count("select count(*) from data_centre where name = '坏'")).isZero();
        // a NUL in the name is refused by the request reader (400, by field); a capacity of 1e300 by the rules (422);
        // nothing stored
        JsonNode nul = e.json(
                e.post(
                        "/api/v1/enterprises/" + code + "/data-centres",
                        "{\"code\":\"NUL-1\",\"name\":\"坏\\u0000名\",\"status\":\"运行\",\"cooling\":\"水冷\","
                                + "\"itCapacityKw\":10}"),
                400);
        assertThat(fields(nul)).isEqualTo("name");
        JsonNode huge = e.json(
                e.post(
                        "/api/v1/enterprises/" + code + "/data-centres",
                        "{\"code\":\"NUL-1\",\"name\":\"大\",\"status\":\"运行\",\"cooling\":\"水冷\","
                                + "\"itCapacityKw\":1e300}"),
                422);
        assertThat(fields(huge)).isEqualTo("itCapacityKw");
        assertThat(count("select count(*) from data_centre where code = 'NUL-1'"))
                .isZero();
        // another enterprise may not register one here
        assertThat(as("enterprise2")
                        .post(
                                "/api/v1/enterprises/" + code + "/data-centres",
                                "{\"code\":\"Y\",\"name\":\"y\",\"status\":\"运行\",\"cooling\":\"水冷\",\"itCapacityKw\":10}")
                        .statusCode())
                .isEqualTo(403);

        String token = e.json(e.post("/api/v1/enterprises/" + code + "/gateway-tokens", "{\"name\":\"dc-it\"}"), 201)
                .path("token")
                .asText();
        LocalDate last = today().minusDays(1);
        LocalDate from = last.minusDays(70);
        LocalDate gap = last.minusDays(2);
        long lo = DataCentreFixture.create(this, e, code, token, "IT-LO", 1.25, from, last, gap);
        long hi = DataCentreFixture.create(this, e, code, token, "IT-HI", 1.6, from, last, null);
        worker.drain();

        // the same code again is refused; a meter the enterprise has not, and a position that does not exist
        assertThat(fields(e.json(
                        e.post(
                                "/api/v1/enterprises/" + code + "/data-centres",
                                "{\"code\":\"IT-LO\",\"name\":\"again\",\"status\":\"运行\",\"cooling\":\"水冷\","
                                        + "\"itCapacityKw\":10}"),
                        422)))
                .isEqualTo("code");
        JsonNode place = e.json(e.put("/api/v1/data-centres/" + lo + "/meters/NOPE", "{\"position\":\"roof\"}"), 422);
        assertThat(fields(place)).isEqualTo("meter position");

        JsonNode page = e.json(e.get("/api/v1/data-centres/" + lo + "?year=" + last.getYear()), 200);
        // a whole day: 30,000 ÷ 24,000 = 1.25, grade 2 (≤ 1.30), within the limit's 1.50
        JsonNode whole = null;
        JsonNode missed = null;
        for (JsonNode d : page.get("days")) {
            if (d.get("day").asText().equals(last.toString())) {
                whole = d;
            }
            if (d.get("day").asText().equals(gap.toString())) {
                missed = d;
            }
        }
        assertThat(whole.get("pue").asDouble()).isEqualTo(1.25);
        assertThat(whole.get("grade").asInt()).isEqualTo(2);
        // the IT meter's silent day: no PUE, said so, and its month has none either
        assertThat(missed.path("pue").isMissingNode()).isTrue();
        assertThat(missed.get("finding").asText()).isEqualTo("incomplete");
        JsonNode gapMonth = null;
        JsonNode fullMonth = null;
        JsonNode gapYear = e.json(e.get("/api/v1/data-centres/" + lo + "?year=" + gap.getYear()), 200);
        for (JsonNode m : gapYear.get("months")) {
            if (m.get("month").asText().equals(gap.toString().substring(0, 7))) {
                gapMonth = m;
            } else if (!LocalDate.parse(m.get("from").asText()).isBefore(from)) {
                fullMonth = m;
            }
        }
        assertThat(gapMonth.path("pue").isMissingNode()).isTrue();
        assertThat(gapMonth.get("incompleteDays").toString()).contains(gap.toString());
        if (fullMonth != null) {
            // a month of whole days: Σ facility ÷ Σ IT = 30,000 n ÷ 24,000 n = 1.25
            assertThat(fullMonth.get("pue").asDouble()).isCloseTo(1.25, within(1e-12));
            assertThat(fullMonth.get("grade").asInt()).isEqualTo(2);
        }
        assertThat(page.get("meters").toString()).contains("IT-LO-T", "total", "IT-LO-I", "it");

        // IT above the facility (19,200 kWh against 24,000): a finding, never a PUE below 1
        long inverted = DataCentreFixture.create(this, e, code, token, "IT-BAD", 0.8, last.minusDays(1), last, null);
        worker.drain();
        JsonNode badPage = e.json(e.get("/api/v1/data-centres/" + inverted + "?year=" + last.getYear()), 200);
        JsonNode badDay = badPage.get("days").get(badPage.get("days").size() - 1);
        assertThat(badDay.get("day").asText()).isEqualTo(last.toString());
        assertThat(badDay.path("pue").isMissingNode()).isTrue();
        assertThat(badDay.get("finding").asText()).isEqualTo("it.above_total");
        JsonNode hiPage = e.json(e.get("/api/v1/data-centres/" + hi + "?year=" + last.getYear()), 200);
        JsonNode hiDay = hiPage.get("days").get(hiPage.get("days").size() - 1);
        // 38,400 ÷ 24,000 = 1.6: beyond the limit value (grade 0) and above the 1.50 target
        assertThat(hiDay.get("pue").asDouble()).isEqualTo(1.6);
        assertThat(hiDay.get("grade").asInt()).isZero();
        assertThat(hiDay.get("aboveTarget").asBoolean()).isTrue();

        // Guiyang ranks the one above its target first; another city's enterprise cannot read the data centre
        Client guiyang = as("guiyang");
        JsonNode region = guiyang.json(guiyang.get("/api/v1/regions/520100/data-centres?cluster=guian"), 200);
        List<String> order = new ArrayList<>();
        region.get("dataCentres").forEach(r -> order.add(r.get("code").asText()));
        assertThat(order).contains("IT-HI", "IT-LO");
        assertThat(order.indexOf("IT-HI")).isLessThan(order.indexOf("IT-LO"));
        for (JsonNode r : region.get("dataCentres")) {
            if (r.get("code").asText().equals("IT-HI")) {
                assertThat(r.get("aboveTarget").asBoolean()).isTrue();
                assertThat(r.get("latestPue").asDouble()).isEqualTo(1.6);
            }
        }
        // the worklist: the test's data centres are far below 10,000 tce (1.6 × 24,000 kWh × 71 days × 0.1229 kgce/kWh
        // ≈ 335 tce); every enterprise listed used at least 5,000 tce, the key units 10,000
        JsonNode work = guiyang.json(guiyang.get("/api/v1/regions/520100/monitoring-worklist"), 200);
        assertThat(work.get("dataCentres").toString()).doesNotContain("IT-HI", "IT-LO");
        for (JsonNode u : work.get("enterprises")) {
            assertThat(u.get("energyTce").asDouble()).isGreaterThanOrEqualTo(5_000);
            assertThat(u.get("tier").asText())
                    .isEqualTo(u.get("energyTce").asDouble() >= 10_000 ? "key" : "designated");
        }
        assertThat(as("enterprise2").get("/api/v1/data-centres/" + lo).statusCode())
                .isEqualTo(403);
        assertThat(guiyang.get("/api/v1/regions/520100/data-centres?cluster=火星").statusCode())
                .isEqualTo(422);
        // the export opens as a workbook
        var x = guiyang.send(
                guiyang.builder("/api/v1/regions/520100/data-centres/export").GET());
        assertThat(x.statusCode()).isEqualTo(200);
        assertThat(x.body()).startsWith("PK");

        // computing filed as a percentage; a month not begun is refused
        e.json(
                e.put(
                        "/api/v1/data-centres/" + lo + "/computing/"
                                + last.toString().substring(0, 7),
                        "{\"utilisation\":62,\"pflops\":12.5}"),
                200);
        assertThat(fields(e.json(
                        e.put(
                                "/api/v1/data-centres/" + lo + "/computing/"
                                        + today().plusMonths(2).toString().substring(0, 7),
                                "{\"pflops\":1}"),
                        422)))
                .isEqualTo("month");
        assertThat(count("select count(*) from audit_log where action like 'datacentre.%' and entity_id like '" + code
                        + "/IT-%'"))
                .isEqualTo(3 + 6 + 1);
    }
}
