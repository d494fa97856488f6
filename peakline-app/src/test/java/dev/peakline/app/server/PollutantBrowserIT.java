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
 * environmental protection tax, has a file with a bad row refused without losing what it filed, enters one pollutant
 * by the coefficient method in the form, and submits the month; its verifier approves it from the queue (locked),
 * and only approved months reach the province's synergy view.
 */
class PollutantBrowserIT extends BrowserTest {
    @Autowired
    Database db;

    void shown() {
        wait.until(d -> "ready".equals(d.findElement(By.tagName("body")).getAttribute("data-pollutants")));
    }

    JsonNode cityOf(Client province, String code) {
        JsonNode synergy = province.json(province.get("/api/v1/regions/520000/synergy?year=2024"), 200);
        assertThat(synergy.get("children")).hasSize(9);
        String county = province.json(province.get("/api/v1/enterprises/" + code), 200)
                .get("region")
                .asText();
        for (JsonNode c : synergy.get("children")) {
            if (c.get("region").asText().equals(county.substring(0, 4) + "00")) {
                return c;
            }
        }
        throw new AssertionError("no city for " + county);
    }

    @Test
    void anEnterpriseFilesPollutantsAndReadsItsTax() throws Exception {
        Client enterprise = as("enterprise");
        String code = enterprise
                .json(enterprise.get("/api/v1/me"), 200)
                .get("enterprise")
                .asText();
        Client province = as("province");
        JsonNode cityBefore = cityOf(province, code);
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
        // one pollutant in the form by the coefficient method, a draft of May: 2,000 t × 1.5 kg/t × (1 − 0.60 × 0.90)
        // = 3,000 × 0.46 = 1,380 kg of NOx, 1,380 / 0.95 = 1,452.63 equivalents
        visible(By.cssSelector("#poFormBox summary")).click();
        visible(By.id("poPeriod")).sendKeys("2023-05");
        visible(By.id("poName")).sendKeys("氮氧化物");
        new Select(visible(By.id("poMethodSel"))).selectByVisibleText("产排污系数");
        visible(By.id("poActivity")).sendKeys("2000");
        visible(By.id("poCoefficient")).sendKeys("1.5");
        visible(By.id("poRemoval")).sendKeys("60%");
        visible(By.id("poRate")).sendKeys("0.9");
        browser.findElement(By.id("poSave")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("poMessage"), "2023-05 的该项污染物已保存"));
        shown();
        JsonNode may = enterprise.json(enterprise.get("/api/v1/enterprises/" + code + "/pollutants?year=2023"), 200);
        JsonNode nox = null;
        for (JsonNode l : may.get("lines")) {
            if (l.get("period").asText().equals("2023-05")) {
                nox = l;
            }
        }
        assertThat(nox).isNotNull();
        assertThat(nox.get("kg").asDouble()).isCloseTo(1380.0, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(nox.get("equivalents").decimalValue()).isEqualByComparingTo("1452.63");
        assertThat(nox.get("method").asText()).isEqualTo("COEFFICIENT");
        assertThat(nox.get("removal").asDouble()).isEqualTo(0.6);
        assertThat(browser.findElement(By.id("poTable")).getText()).contains("产排污系数 2,000.000 × 1.500000");
        // a coefficient of −1 in the form is refused at its field, nothing stored
        visible(By.id("poCoefficient")).clear();
        visible(By.id("poCoefficient")).sendKeys("-1");
        browser.findElement(By.id("poSave")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("poError")));
        assertThat(browser.findElement(By.id("poError")).getText()).contains("coefficient");

        // the enterprise submits March; March is then locked against another file
        visible(By.id("po-submit-2023-03")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("poMessage"), "2023-03 已提交核查"));
        shown();
        assertThat(browser.findElement(By.id("poMonthTable")).getText())
                .contains("已提交待核查")
                .contains("草稿");
        browser.findElement(By.id("poFile")).clear();
        browser.findElement(By.id("poFile")).sendKeys(good.toString());
        browser.findElement(By.id("poImport")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("poMessage"), "已提交或已核定锁定"));

        // its verifier approves March from the queue
        login("verifier");
        wait.until(ExpectedConditions.urlContains("/queue.html"));
        visible(By.xpath("//table[@id='poQueueTable']//td[text()='2023-03']")).click();
        wait.until(ExpectedConditions.urlContains("/enterprise.html"));
        shown();
        visible(By.id("poComment")).sendKeys("与在线监测数据一致");
        visible(By.id("po-approve-2023-03")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("poMessage"), "2023-03 已核定并锁定"));
        shown();
        assertThat(browser.findElement(By.id("poMonthTable")).getText())
                .contains("已核定（锁定）")
                .contains("与在线监测数据一致");
        assertThat(browser.findElements(By.id("po-submit-2023-05"))).isEmpty();
        // locked: the enterprise cannot replace or re-submit it, and a return needs a comment
        assertThat(enterprise
                        .upload("/api/v1/enterprises/" + code + "/pollutants", "p.csv", Files.readAllBytes(good))
                        .statusCode())
                .isEqualTo(422);
        assertThat(enterprise
                        .post("/api/v1/enterprises/" + code + "/pollutants/2023-03/submit", "")
                        .statusCode())
                .isEqualTo(409);

        // a year on, half the SO2, submitted and approved: the province sees its pollution and carbon side by side
        Path next = Files.createTempFile("pollutants-2024", ".csv");
        Files.writeString(
                next,
                Files.readString(good).replace("2023-03", "2024-03").replace("二氧化硫,10,kg", "二氧化硫,5,kg"),
                StandardCharsets.UTF_8);
        assertThat(enterprise
                        .upload("/api/v1/enterprises/" + code + "/pollutants", "p.csv", Files.readAllBytes(next))
                        .statusCode())
                .isEqualTo(201);
        Client verifier = as("verifier");
        assertThat(verifier.post("/api/v1/enterprises/" + code + "/pollutants/2024-03/approve", "{}")
                        .statusCode())
                .isEqualTo(409); // not submitted yet
        assertThat(enterprise
                        .post("/api/v1/enterprises/" + code + "/pollutants/2024-03/submit", "")
                        .statusCode())
                .isEqualTo(200);
        assertThat(verifier.post("/api/v1/enterprises/" + code + "/pollutants/2024-03/return", "{}")
                        .statusCode())
                .isEqualTo(422); // no comment
        assertThat(enterprise
                        .post("/api/v1/enterprises/" + code + "/pollutants/2024-03/approve", "{}")
                        .statusCode())
                .isEqualTo(403); // the enterprise does not approve itself
        assertThat(verifier.post("/api/v1/enterprises/" + code + "/pollutants/2024-03/approve", "{}")
                        .statusCode())
                .isEqualTo(200);
        JsonNode city = cityOf(province, code);
        // approved March only (the May draft does not count): air equivalents of 2023 rise by
        // 10/0.95 + 10/0.87 + 100/16.7 + 100/10.75 and of 2024 by the same with 5 kg of SO2
        double march2023 = 10 / 0.95 + 10 / 0.87 + 100 / 16.7 + 100 / 10.75;
        double march2024 = march2023 - 5 / 0.95;
        assertThat(city.get("airEquivalentsBefore").asDouble()
                        - cityBefore.get("airEquivalentsBefore").asDouble())
                .isCloseTo(march2023, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(city.get("airEquivalents").asDouble()
                        - cityBefore.get("airEquivalents").asDouble())
                .isCloseTo(march2024, org.assertj.core.data.Offset.offset(1e-9));
        double els = (city.get("co2").asDouble() / city.get("co2Before").asDouble() - 1)
                / (city.get("airEquivalents").asDouble()
                                / city.get("airEquivalentsBefore").asDouble()
                        - 1);
        assertThat(city.get("elasticity").asDouble()).isCloseTo(els, org.assertj.core.data.Offset.offset(1e-12));
        int quadrant = city.get("airCut").asDouble() >= 0
                ? (city.get("co2Cut").asDouble() >= 0 ? 1 : 2)
                : (city.get("co2Cut").asDouble() >= 0 ? 4 : 3);
        assertThat(city.get("quadrant").asInt()).isEqualTo(quadrant);
        // the enterprise against its own year before (only its approved March counts), and its county lists it
        JsonNode own = enterprise.json(enterprise.get("/api/v1/enterprises/" + code + "/synergy?year=2024"), 200);
        assertThat(own.get("airCut").asDouble()).isCloseTo(5 / 0.95, org.assertj.core.data.Offset.offset(1e-9));
        String county = province.json(province.get("/api/v1/enterprises/" + code), 200)
                .get("region")
                .asText();
        JsonNode inCounty = province.json(province.get("/api/v1/regions/" + county + "/synergy?year=2024"), 200);
        assertThat(inCounty.get("level").asText()).isEqualTo("enterprise");
        JsonNode mine = null;
        for (JsonNode c : inCounty.get("children")) {
            if (c.get("region").asText().equals(code)) {
                mine = c;
            }
        }
        assertThat(mine).isNotNull();
        assertThat(mine.get("co2").asDouble())
                .isCloseTo(own.get("co2").asDouble(), org.assertj.core.data.Offset.offset(1e-6));
        assertThat(mine.get("airCut").asDouble()).isCloseTo(5 / 0.95, org.assertj.core.data.Offset.offset(1e-9));
        login("enterprise");
        browser.get(url("/enterprise.html?year=2024"));
        shown();
        assertThat(visible(By.id("poSynergy")).getText()).contains("大气污染当量减少 5.26");
        login("province");
        browser.get(url("/steering.html?region=520000&year=2024#synergy"));
        wait.until(d -> "true".equals(d.findElement(By.tagName("body")).getAttribute("data-ready")));
        String row = visible(By.xpath("//table[@id='synergyTable']//td[text()='"
                        + city.get("name").asText() + "']/.."))
                .getText();
        assertThat(row).contains(new String[] {"", "Ⅰ 协同减排", "Ⅱ 减污增碳", "Ⅲ", "Ⅳ"}[quadrant]);
        // another enterprise cannot file for this one
        Client other = as("enterprise2");
        assertThat(other.upload("/api/v1/enterprises/" + code + "/pollutants", "p.csv", Files.readAllBytes(good))
                        .statusCode())
                .isEqualTo(403);
    }
}
