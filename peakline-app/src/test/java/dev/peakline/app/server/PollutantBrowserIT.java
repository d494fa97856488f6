package dev.peakline.app.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.peakline.store.Database;
import dev.peakline.store.Tx;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * An enterprise files a month's air and water pollutants in the browser, reads their pollution equivalents and
 * environmental protection tax, and has a file with a bad row refused without losing what it filed.
 */
class PollutantBrowserIT extends BrowserTest {
    @Autowired
    Database db;

    void shown() {
        wait.until(d -> "ready".equals(d.findElement(By.tagName("body")).getAttribute("data-pollutants")));
    }

    @Test
    void anEnterpriseFilesPollutantsAndReadsItsTax() throws Exception {
        Client enterprise = as("enterprise");
        String code = enterprise
                .json(enterprise.get("/api/v1/me"), 200)
                .get("enterprise")
                .asText();
        // the tax authority's air example and a water outlet: SO2 and fluorides 10 kg, CO and HCl 100 kg; COD 100 kg,
        // ammonia nitrogen 40 kg. At the law's minimum rates (1.2 and 1.4 yuan): air 13.79 + 12.64 + 11.16 = 37.59,
        // water 100 × 1.4 + 50 × 1.4 = 210.00; 247.59 yuan; air equivalents 10.53 + 11.49 + 5.99 + 9.30 = 37.31
        Path good = Files.createTempFile("pollutants", ".csv");
        Files.writeString(
                good,
                "enterprise,period,outlet,pollutant,quantity,unit,method\n"
                        + code + ",2023-03,air,二氧化硫,10,kg,实测\n"
                        + code + ",2023-03,air,氟化物,10,kg,实测\n"
                        + code + ",2023-03,air,一氧化碳,100,kg,系数\n"
                        + code + ",2023-03,air,HCl,100,kg,物料衡算\n"
                        + code + ",2023-03,water,COD,100,kg,实测\n"
                        + code + ",2023-03,water,氨氮,0.04,t,实测\n",
                StandardCharsets.UTF_8);
        login("enterprise");
        wait.until(ExpectedConditions.urlContains("/enterprise.html"));
        shown();
        new Select(visible(By.id("poYear"))).selectByValue("2023");
        browser.findElement(By.id("poShow")).click();
        shown();
        visible(By.id("poFile")).sendKeys(good.toString());
        browser.findElement(By.id("poImport")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("poMessage"), "已导入 6 行（1 个月）"));
        shown();
        assertThat(visible(By.id("poTotals")).getText())
                .contains("全年大气污染当量 37.31")
                .contains("水污染当量 150.00")
                .contains("环境保护税 247.59 元");
        String table = browser.findElement(By.id("poTable")).getText();
        assertThat(table).contains("二氧化硫", "氯化氢", "化学需氧量", "物料衡算", "产排污系数", "13.79", "0.00");
        assertThat(table).doesNotContain("MEASURED").doesNotContain("air");

        // a file with a negative quantity is refused in Chinese, and what was filed stays
        Path bad = Files.createTempFile("pollutants-bad", ".csv");
        Files.writeString(
                bad,
                "enterprise,period,outlet,pollutant,quantity,unit\n" + code + ",2023-03,air,二氧化硫,-5,kg\n",
                StandardCharsets.UTF_8);
        browser.findElement(By.id("poFile")).clear();
        browser.findElement(By.id("poFile")).sendKeys(bad.toString());
        browser.findElement(By.id("poImport")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("poMessage"), "污染物排放数据有误"));
        JsonNode kept = enterprise.json(enterprise.get("/api/v1/enterprises/" + code + "/pollutants?year=2023"), 200);
        assertThat(kept.get("lines")).hasSize(6);
        assertThat(kept.get("taxYuan").decimalValue()).isEqualByComparingTo("247.59");
        // the province's own rate (3 yuan for air) changes only the air tax: (11.49 + 10.53 + 9.30) × 3 = 93.96
        JsonNode three =
                enterprise.json(enterprise.get("/api/v1/enterprises/" + code + "/pollutants?year=2023&airRate=3"), 200);
        assertThat(three.get("taxYuan").decimalValue()).isEqualByComparingTo("303.96");
        assertThat(enterprise
                        .get("/api/v1/enterprises/" + code + "/pollutants?year=2023&airRate=30")
                        .statusCode())
                .isEqualTo(422);
        // audited, per month
        long audited = Tx.run(db, c -> {
            try (var ps = c.prepareStatement(
                    "select count(*) from audit_log where action like 'pollutants.%' and entity_id = ?")) {
                ps.setString(1, code + "/2023-03");
                try (var rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            }
        });
        assertThat(audited).isGreaterThanOrEqualTo(1);
        // a year on, half the SO2: the enterprise's city has both years, and the province sees its pollution and
        // carbon side by side
        Path next = Files.createTempFile("pollutants-2024", ".csv");
        Files.writeString(
                next,
                Files.readString(good).replace("2023-03", "2024-03").replace("二氧化硫,10,kg", "二氧化硫,5,kg"),
                StandardCharsets.UTF_8);
        assertThat(enterprise
                        .upload("/api/v1/enterprises/" + code + "/pollutants", "p.csv", Files.readAllBytes(next))
                        .statusCode())
                .isEqualTo(201);
        Client province = as("province");
        JsonNode synergy = province.json(province.get("/api/v1/regions/520000/synergy?year=2024"), 200);
        assertThat(synergy.get("children")).hasSize(9);
        String county = province.json(province.get("/api/v1/enterprises/" + code), 200)
                .get("region")
                .asText();
        JsonNode city = null;
        for (JsonNode c : synergy.get("children")) {
            if (c.get("region").asText().equals(county.substring(0, 4) + "00")) {
                city = c;
            }
        }
        assertThat(city).isNotNull();
        // 10 kg of SO2 less by half: 10.53 − 5.26 = 5.26 equivalents fewer (unrounded 10/0.95 − 5/0.95)
        assertThat(city.get("airCut").asDouble()).isCloseTo(5 / 0.95, org.assertj.core.data.Offset.offset(1e-9));
        double els = (city.get("co2").asDouble() / city.get("co2Before").asDouble() - 1)
                / (city.get("airEquivalents").asDouble()
                                / city.get("airEquivalentsBefore").asDouble()
                        - 1);
        assertThat(city.get("elasticity").asDouble()).isCloseTo(els, org.assertj.core.data.Offset.offset(1e-12));
        int quadrant = city.get("co2Cut").asDouble() >= 0 ? 1 : 2;
        assertThat(city.get("quadrant").asInt()).isEqualTo(quadrant);
        login("province");
        browser.get(url("/steering.html?region=520000&year=2024#synergy"));
        wait.until(d -> "true".equals(d.findElement(By.tagName("body")).getAttribute("data-ready")));
        String row = visible(By.xpath("//table[@id='synergyTable']//td[text()='"
                        + city.get("name").asText() + "']/.."))
                .getText();
        assertThat(row).contains(quadrant == 1 ? "Ⅰ 协同减排" : "Ⅱ 减污增碳");
        assertThat(browser.findElement(By.id("synergyTable")).getText()).contains("无两年数据");
        // another enterprise cannot file for this one
        Client other = as("enterprise2");
        assertThat(other.upload("/api/v1/enterprises/" + code + "/pollutants", "p.csv", Files.readAllBytes(good))
                        .statusCode())
                .isEqualTo(403);
    }
}
