package dev.peakline.app.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import dev.peakline.store.Database;
import dev.peakline.store.Tx;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * 用能权: Guiyang allocates 2024 quotas to its key energy-using units by the historical rule with a paid-use price, then
 * sets each unit's obligation from its 2024 accounts after feedstock; a unit then reads its standing. Bad requests are
 * refused by field with nothing booked.
 */
class EnergyRightsIT extends ServerTest {
    @Autowired
    Database db;

    private double number(String sql, Object... args) {
        return Tx.run(db, c -> {
            try (var ps = Tx.prepare(c, sql, args);
                    var rs = ps.executeQuery()) {
                rs.next();
                return rs.getDouble(1);
            }
        });
    }

    @Test
    void quotasByHistoryThenTheObligationAfterFeedstock() {
        Client guiyang = as("guiyang");
        String url = "/api/v1/markets/520100/energy-rights";
        // a rule that does not exist, a base year not before the quota year, a decline of 70 %: by field
        JsonNode bad = guiyang.json(guiyang.post(url, "{\"year\":2024,\"rule\":\"magic\"}"), 422);
        assertThat(bad.toString()).contains("\"column\":\"rule\"");
        bad = guiyang.json(
                guiyang.post(url, "{\"year\":2024,\"rule\":\"historical\",\"baseYears\":[2024],\"declineRate\":0.7}"),
                422);
        assertThat(bad.toString()).contains("\"column\":\"baseYears\"").contains("\"column\":\"declineRate\"");
        // the enterprise user may not allocate
        assertThat(as("enterprise")
                        .post(url, "{\"year\":2024,\"rule\":\"historical\"}")
                        .statusCode())
                .isEqualTo(403);

        String body = "{\"year\":2024,\"rule\":\"historical\",\"baseYears\":[2023],\"declineRate\":0.03,"
                + "\"priceYuan\":10";
        JsonNode preview = guiyang.json(guiyang.post(url, body + ",\"preview\":true}"), 200);
        assertThat(preview.get("booked").asBoolean()).isFalse();
        assertThat(number("select count(*) from market_movement where instrument = 'energy_right' and vintage = 2024"))
                .isZero();
        // a unit whose 2024 is accounted in full (the demo leaves a month out at some)
        JsonNode q = null;
        for (JsonNode x : preview.get("quotas")) {
            if (q == null
                    && number(
                                    "select count(*) from account_result where current and enterprise = ? and period like"
                                            + " '2024%'",
                                    x.get("enterprise").asText())
                            == 12) {
                q = x;
            }
        }
        String code = q.get("enterprise").asText();
        // quota = 2023's consumption net of feedstock × (1 − 3 %), whole tce; paid use 10 yuan/tce
        double net2023 = number(
                "select sum(energy_tce - feedstock_tce) from account_result where current and enterprise = ? and period"
                        + " like '2023%'",
                code);
        assertThat(q.get("quotaTce").asLong()).isEqualTo(Math.round(net2023 * 0.97));
        assertThat(q.get("paidYuan").asDouble()).isCloseTo(q.get("quotaTce").asLong() * 10.0, within(1e-6));
        assertThat(q.get("how").asText()).startsWith("历史法");

        JsonNode booked = guiyang.json(guiyang.post(url, body + "}"), 200);
        assertThat(booked.get("booked").asBoolean()).isTrue();
        assertThat(number(
                        "select quantity from market_movement where instrument = 'energy_right' and kind = 'allocate' and"
                                + " vintage = 2024 and account = ?",
                        code))
                .isEqualTo(q.get("quotaTce").asLong());
        assertThat(number(
                        "select price_yuan from market_movement where instrument = 'energy_right' and vintage = 2024 and"
                                + " account = ?",
                        code))
                .isEqualTo(10);
        // allocated once: nothing left
        guiyang.json(guiyang.post(url, body + "}"), 422);

        // the obligation: 2024's consumption less feedstock (no certificates retired), for the units accounted in full
        String deadline = today().plusDays(30).toString();
        JsonNode set =
                guiyang.json(guiyang.post(url + "/2024/obligations", "{\"deadline\":\"" + deadline + "\"}"), 200);
        JsonNode mine = null;
        for (JsonNode o : set.get("obligations")) {
            if (o.get("enterprise").asText().equals(code)) {
                mine = o;
            }
        }
        double net2024 = number(
                "select sum(energy_tce - feedstock_tce) from account_result where current and enterprise = ? and period"
                        + " like '2024%'",
                code);
        assertThat(mine.get("dueTce").asDouble()).isCloseTo(Math.round(net2024 * 1000) / 1000.0, within(1e-9));
        JsonNode account = guiyang.json(guiyang.get("/api/v1/markets/accounts/" + code), 200);
        JsonNode o = null;
        for (JsonNode x : account.get("obligations")) {
            if (x.get("instrument").asText().equals("energy_right")) {
                o = x;
            }
        }
        assertThat(o.get("deadline").asText()).isEqualTo(deadline);
        double shortfall =
                Math.max(0, mine.get("dueTce").asDouble() - q.get("quotaTce").asLong());
        assertThat(o.get("shortfallT").asDouble()).isCloseTo(shortfall, within(1e-6));
        assertThat(number("select count(*) from audit_log where action = 'energy_right.allocate' and after::text like"
                        + " '%energy_right 2024%'"))
                .isEqualTo(1);
    }
}
