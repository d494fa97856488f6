package dev.peakline.app.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import dev.peakline.store.Database;
import dev.peakline.store.Tx;
import java.sql.ResultSet;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The "one network" figures are sums of the stored results: the children add up to the region, the months to the year. */
class DashboardIT extends ServerTest {
    @Autowired
    Database db;

    double sql(String query) {
        return Tx.run(db, c -> {
            try (ResultSet rs = c.createStatement().executeQuery(query)) {
                rs.next();
                return rs.getDouble(1);
            }
        });
    }

    @Test
    void theProvinceIsTheSumOfItsCitiesMonthsAndIndustries() {
        Client gov = as("province");
        JsonNode v = gov.json(gov.get("/api/v1/regions/520000/dashboard?year=2024"), 200);
        double total = v.get("totals").get("emissions").asDouble();
        double stored = sql("select sum(total_tco2) from account_result where current and period like '2024-%'");
        assertThat(total).isCloseTo(stored, within(1e-6 * stored));
        // a demo province emits millions of tonnes even at scale 0.05
        assertThat(total).isBetween(1e6, 1e9);
        double children = 0;
        for (JsonNode c : v.get("children")) {
            children += c.get("figures").get("emissions").asDouble();
        }
        assertThat(children).isCloseTo(total, within(1e-6 * total));
        double months = 0;
        for (JsonNode m : v.get("months")) {
            months += m.get("emissions").asDouble();
        }
        assertThat(months).isCloseTo(total, within(1e-6 * total));
        assertThat(v.get("months")).hasSize(12);
        double industries = 0;
        for (JsonNode i : v.get("industries")) {
            industries += i.get("figures").get("emissions").asDouble();
        }
        assertThat(industries).isCloseTo(total, within(1e-6 * total));
        // the cities are ranked by direct emissions (scope 1), largest first: summing scope 2 over enterprises would
        // count power plants' emissions twice
        assertThat(v.get("children").get(0).get("figures").get("scope1").asDouble())
                .isGreaterThanOrEqualTo(
                        v.get("children").get(1).get("figures").get("scope1").asDouble());
        // the trend carries direct and indirect apart, and they add up to the enterprise-perspective sum
        JsonNode m0 = v.get("months").get(0);
        assertThat(m0.get("direct").asDouble() + m0.get("indirect").asDouble())
                .isCloseTo(
                        m0.get("emissions").asDouble(),
                        within(1e-6 * Math.max(1, m0.get("emissions").asDouble())));
        // coverage: the enterprises with an accounted 2024 month of all registered (other tests register enterprises
        // that file nothing, so the share is counted, not assumed)
        JsonNode t = v.get("totals");
        long registered = (long) sql("select count(*) from enterprise");
        long filed = (long)
                sql("select count(distinct enterprise) from account_result where current and period like '2024-%'");
        assertThat(t.get("enterprises").asInt()).isEqualTo((int) registered);
        assertThat(t.get("filedEnterprises").asInt()).isEqualTo((int) filed);
        assertThat(t.get("coverage").asDouble()).isEqualTo((double) filed / registered);
        assertThat(filed).isGreaterThan(registered / 2);
        // intensity = emissions ÷ value added
        assertThat(t.get("carbonIntensity").asDouble())
                .isCloseTo(total / t.get("valueAdded").asDouble(), within(1e-9));
    }

    @Test
    void drillDownGoesRegionToIndustryToEnterpriseToFacility() {
        Client gov = as("province");
        JsonNode v = gov.json(gov.get("/api/v1/regions/520000/dashboard?year=2024&month=3"), 200);
        assertThat(v.get("month").asInt()).isEqualTo(3);
        String industry = v.get("industries").get(0).get("code").asText();
        JsonNode list =
                gov.json(gov.get("/api/v1/regions/520000/enterprises?year=2024&month=3&industry=" + industry), 200);
        assertThat(list).isNotEmpty();
        double sum = 0;
        for (JsonNode e : list) {
            assertThat(e.get("industry").asText()).startsWith(industry);
            sum += e.get("total").asDouble();
        }
        assertThat(sum)
                .isCloseTo(
                        v.get("industries")
                                .get(0)
                                .get("figures")
                                .get("emissions")
                                .asDouble(),
                        within(1e-6 * sum));
        String enterprise = list.get(0).get("enterprise").asText();
        JsonNode profile = gov.json(gov.get("/api/v1/enterprises/" + enterprise), 200);
        assertThat(profile.get("facilities")).isNotEmpty();
        assertThat(gov.get("/api/v1/regions/520000/enterprises?year=2024&industry=9Z")
                        .statusCode())
                .isEqualTo(422);
        assertThat(gov.get("/api/v1/regions/520000/dashboard?year=2024&month=13")
                        .statusCode())
                .isEqualTo(422);
    }
}
