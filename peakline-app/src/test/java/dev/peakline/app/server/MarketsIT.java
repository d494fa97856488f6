package dev.peakline.app.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.peakline.store.Database;
import dev.peakline.store.Tx;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Guiyang's operator allocates 2021 to an enterprise with a coal and a gas unit (pre-allocation, true-up with the gas
 * exemption), the enterprise trades and reads its standing; every bad request is refused by field with nothing
 * stored, every change audited, the ledger append-only.
 */
class MarketsIT extends ServerTest {
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
        StringBuilder b = new StringBuilder();
        problem.get("problems").forEach(p -> b.append(p.get("column").asText()).append(' '));
        return b.toString().strip();
    }

    @Test
    void anAllocationTrueUpAndTradeWithEveryRefusal() throws Exception {
        Client enterprise = as("enterprise");
        String code = enterprise
                .json(enterprise.get("/api/v1/me"), 200)
                .get("enterprise")
                .asText();
        String other = as("enterprise2")
                .json(as("enterprise2").get("/api/v1/me"), 200)
                .get("enterprise")
                .asText();
        // the buyer: a Zunyi enterprise no other test trades with (not a demo user's)
        String buyer = Tx.run(db, c -> {
            try (var ps = Tx.prepare(
                            c,
                            "select credit_code from enterprise where region like '5203%' and credit_code <> ? order by"
                                    + " credit_code desc limit 1",
                            other);
                    var rs = ps.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        });
        Client guiyang = as("guiyang");

        // bad units: an unknown class, an unknown cooling, an absurd capacity — by field, nothing stored
        JsonNode bad = guiyang.json(
                guiyang.post(
                        "/api/v1/markets/units",
                        "{\"unitId\":\"GY-X\",\"enterprise\":\"" + code + "\",\"fuelClass\":\"nuclear\","
                                + "\"cooling\":\"fan\",\"capacityMw\":5000}"),
                422);
        assertThat(fields(bad)).isEqualTo("fuelClass cooling capacityMw");
        assertThat(count("select count(*) from ets_unit where unit_id = 'GY-X'"))
                .isZero();
        // a city may not register another city's enterprise's unit
        assertThat(guiyang.post(
                                "/api/v1/markets/units",
                                "{\"unitId\":\"GY-Y\",\"enterprise\":\"" + other + "\",\"fuelClass\":\"gas\","
                                        + "\"cooling\":\"water\"}")
                        .statusCode())
                .isEqualTo(403);
        guiyang.json(
                guiyang.post(
                        "/api/v1/markets/units",
                        "{\"unitId\":\"GY-T1\",\"enterprise\":\"" + code + "\",\"fuelClass\":\"coal_300minus\","
                                + "\"cooling\":\"water\"}"),
                201);
        guiyang.json(
                guiyang.post(
                        "/api/v1/markets/units",
                        "{\"unitId\":\"GY-G1\",\"enterprise\":\"" + code + "\",\"fuelClass\":\"燃气机组\","
                                + "\"cooling\":\"水冷\"}"),
                201);
        // a load factor above 1 and a negative supply are refused by field
        JsonNode year = guiyang.json(
                guiyang.put(
                        "/api/v1/markets/units/GY-T1/years/2020",
                        "{\"supplyMwh\":-1,\"heatGj\":0,\"heatRatio\":0,\"loadFactor\":1.5}"),
                422);
        assertThat(fields(year)).isEqualTo("supplyMwh loadFactor");
        assertThat(count("select count(*) from ets_unit_year where unit_id = 'GY-T1'"))
                .isZero();
        String put = "/api/v1/markets/units/";
        guiyang.json(
                guiyang.put(
                        put + "GY-T1/years/2020",
                        "{\"supplyMwh\":1000000,\"heatGj\":0,\"heatRatio\":0,\"loadFactor\":0.85}"),
                200);
        guiyang.json(
                guiyang.put(
                        put + "GY-G1/years/2020",
                        "{\"supplyMwh\":300000,\"heatGj\":500000,\"heatRatio\":0.3,\"loadFactor\":0.5}"),
                200);

        // the enterprise does not allocate; the true-up waits for the pre-allocation; 2023 has no shipped rules
        assertThat(enterprise
                        .post("/api/v1/markets/520100/allocations", "{\"year\":2021,\"stage\":\"pre\"}")
                        .statusCode())
                .isEqualTo(403);
        assertThat(fields(guiyang.json(
                        guiyang.post("/api/v1/markets/520100/allocations", "{\"year\":2023,\"stage\":\"pre\"}"), 422)))
                .isEqualTo("year");

        // pre-allocation of 2021 on 2020's output at 2021's benchmarks: coal 300MW- 1,000,000 × 0.8773 = 877,300 →
        // 70 % 614,110; gas 300,000 × 0.3920 × (1 − 0.6 × 0.3) = 96,432 + 500,000 × 0.0560 = 28,000 → 124,432 → 70 %
        // 87,102.4 → 87,102; the enterprise 701,212
        JsonNode pre = guiyang.json(
                guiyang.post("/api/v1/markets/520100/allocations", "{\"year\":2021,\"stage\":\"pre\"}"), 201);
        long preId = pre.get("run").get("id").asLong();
        JsonNode mine = null;
        for (JsonNode e : pre.get("enterprises")) {
            if (e.get("enterprise").asText().equals(code)) {
                mine = e;
            }
        }
        assertThat(mine.get("bookedT").asLong()).isEqualTo(701_212);
        assertThat(guiyang.json(guiyang.post("/api/v1/markets/allocations/" + preId + "/issue", "{}"), 200)
                        .get("bookedT")
                        .asLong())
                .isEqualTo(701_212);
        // issued once: again is refused, and nothing more is booked
        guiyang.json(guiyang.post("/api/v1/markets/allocations/" + preId + "/issue", "{}"), 422);
        assertThat(count("select coalesce(sum(quantity), 0) from market_movement where account = '" + code
                        + "' and kind = 'allocate' and instrument = 'cea'"))
                .isEqualTo(701_212);

        // the true-up: without verified emissions it cannot be previewed
        guiyang.json(
                guiyang.put(
                        put + "GY-T1/years/2021",
                        "{\"supplyMwh\":1100000,\"heatGj\":0,\"heatRatio\":0,\"loadFactor\":0.7}"),
                200);
        guiyang.json(
                guiyang.put(
                        put + "GY-G1/years/2021",
                        "{\"supplyMwh\":320000,\"heatGj\":600000,\"heatRatio\":0.3,\"loadFactor\":0.5,\"verifiedT\":150000}"),
                200);
        JsonNode missing = guiyang.json(
                guiyang.post("/api/v1/markets/520100/allocations", "{\"year\":2021,\"stage\":\"final\"}"), 422);
        assertThat(missing.toString()).contains("market.verified").contains("GY-T1");
        guiyang.json(
                guiyang.put(
                        put + "GY-T1/years/2021",
                        "{\"supplyMwh\":1100000,\"heatGj\":0,\"heatRatio\":0,\"loadFactor\":0.7,\"verifiedT\":1200000}"),
                200);
        // coal at 70 % load: 1,100,000 × 0.8773 × 1.015^(16 − 14) = 994,198.03 → 994,198; gas 320,000 × 0.392 × 0.82
        // + 600,000 × 0.056 = 136,460.8 → 136,461; 1,130,659 in all, 429,447 beyond the pre-allocation. Due: the coal
        // unit's 1,200,000 and the gas unit's allocation 136,461 (its shortfall waived) = 1,336,461, under the cap of
        // 1,130,659 + 20 % × 1,350,000 = 1,400,659
        JsonNode fin = guiyang.json(
                guiyang.post("/api/v1/markets/520100/allocations", "{\"year\":2021,\"stage\":\"final\"}"), 201);
        long finId = fin.get("run").get("id").asLong();
        for (JsonNode e : fin.get("enterprises")) {
            if (e.get("enterprise").asText().equals(code)) {
                mine = e;
            }
        }
        assertThat(mine.get("allocationT").asLong()).isEqualTo(1_130_659);
        assertThat(mine.get("bookedT").asLong()).isEqualTo(429_447);
        assertThat(mine.get("dueT").asLong()).isEqualTo(1_336_461);
        // the true-up needs its deadline
        assertThat(fields(guiyang.json(guiyang.post("/api/v1/markets/allocations/" + finId + "/issue", "{}"), 422)))
                .isEqualTo("deadline");
        String deadline = today().plusDays(60).toString();
        guiyang.json(
                guiyang.post("/api/v1/markets/allocations/" + finId + "/issue", "{\"deadline\":\"" + deadline + "\"}"),
                200);

        // the enterprise: 1,130,659 held, 1,336,461 due, 205,802 to buy, by the deadline, less the CCER it may hold
        // from another test (the browser's project issues to the same demo user), up to the 5 % cap of 66,823.05
        JsonNode account = enterprise.json(enterprise.get("/api/v1/markets/accounts/" + code), 200);
        double ccer = 0;
        for (JsonNode h : account.get("holdings")) {
            if (h.get("instrument").asText().equals("ccer")) {
                ccer += h.get("balance").asDouble();
            }
        }
        double offsets = Math.min(ccer, 0.05 * 1_336_461);
        JsonNode o = account.get("obligations").get(0);
        assertThat(o.get("dueT").asLong()).isEqualTo(1_336_461);
        assertThat(o.get("heldTowardT").asDouble()).isEqualTo(1_130_659 + offsets);
        assertThat(o.get("shortfallT").asDouble()).isEqualTo(205_802 - offsets);
        assertThat(o.get("status").asText()).isEqualTo("short");
        assertThat(o.get("statusName").asText()).isEqualTo("配额不足");
        assertThat(o.get("deadline").asText()).isEqualTo(deadline);
        // another city's enterprise cannot read it
        assertThat(as("enterprise2").get("/api/v1/markets/accounts/" + code).statusCode())
                .isEqualTo(403);

        // trades: 1,000 t to another enterprise at 80 yuan; to itself, more than it holds, a bad price: refused
        enterprise.json(
                enterprise.post(
                        "/api/v1/markets/accounts/" + code + "/transfers",
                        "{\"to\":\"" + buyer + "\",\"instrument\":\"cea\",\"vintage\":2021,\"quantity\":1000,"
                                + "\"priceYuan\":80}"),
                200);
        assertThat(fields(enterprise.json(
                        enterprise.post(
                                "/api/v1/markets/accounts/" + code + "/transfers",
                                "{\"to\":\"" + code + "\",\"instrument\":\"cea\",\"vintage\":2021,\"quantity\":1}"),
                        422)))
                .isEqualTo("to");
        JsonNode over = enterprise.json(
                enterprise.post(
                        "/api/v1/markets/accounts/" + code + "/transfers",
                        "{\"to\":\"" + buyer + "\",\"instrument\":\"cea\",\"vintage\":2021,\"quantity\":2000000}"),
                422);
        assertThat(over.toString()).contains("ledger.overdraft");
        assertThat(fields(enterprise.json(
                        enterprise.post(
                                "/api/v1/markets/accounts/" + code + "/transfers",
                                "{\"to\":\"" + buyer + "\",\"instrument\":\"cea\",\"vintage\":2021,\"quantity\":1,"
                                        + "\"priceYuan\":-5}"),
                        422)))
                .isEqualTo("priceYuan");
        // a surrender of an unknown instrument and one with half a tonne are refused
        assertThat(fields(enterprise.json(
                        enterprise.post(
                                "/api/v1/markets/accounts/" + code + "/surrender",
                                "{\"instrument\":\"碳币\",\"vintage\":2021,\"quantity\":10}"),
                        422)))
                .isEqualTo("instrument");
        assertThat(enterprise
                        .json(
                                enterprise.post(
                                        "/api/v1/markets/accounts/" + code + "/surrender",
                                        "{\"instrument\":\"cea\",\"vintage\":2021,\"quantity\":10.5}"),
                                422)
                        .toString())
                .contains("ledger.quantity");
        // the overview: the enterprise short, the month's trade 1,000 t at 80 yuan
        JsonNode view = guiyang.json(guiyang.get("/api/v1/markets/520100/overview?year=2021"), 200);
        assertThat(view.get("obligations").get(0).get("account").asText()).isEqualTo(code);
        assertThat(view.get("obligations").get(0).get("allocatedT").asLong()).isEqualTo(1_130_659);
        assertThat(view.get("market").get(0).get("volume").asDouble()).isEqualTo(1_000);
        assertThat(view.get("market").get(0).get("averagePriceYuan").asDouble()).isEqualTo(80);

        // audited, and the ledger is append-only
        assertThat(count("select count(*) from audit_log where action = 'allocation.issue'"))
                .isGreaterThanOrEqualTo(2);
        assertThat(count("select count(*) from audit_log where action = 'market.transfer' and after::text like '%"
                        + code + "%'"))
                .isEqualTo(1);
        assertThat(count("select count(*) from audit_log where action = 'ets_unit_year.put' and entity_id like 'GY-%'"))
                .isEqualTo(5);
        assertThatThrownBy(() -> Tx.run(db, c -> {
                    try (var st = c.createStatement()) {
                        return st.executeUpdate("update market_movement set quantity = 1");
                    }
                }))
                .hasMessageContaining("append-only");
    }
}
