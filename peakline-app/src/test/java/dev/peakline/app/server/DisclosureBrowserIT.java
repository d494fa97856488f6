package dev.peakline.app.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.peakline.store.Database;
import dev.peakline.store.Tx;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The province files a group's ownership on the enterprise page; the group's 2024 report by equity share and by
 * financial control sums its entities' approved accounts at their fractions (checked by hand against the accounts);
 * the enterprise publishes it and anyone reads it on the public page without signing in.
 */
class DisclosureBrowserIT extends BrowserTest {
    @Autowired
    Database db;

    void shown() {
        wait.until(d -> "ready".equals(d.findElement(By.tagName("body")).getAttribute("data-disclosure")));
    }

    /** Scope 1 of an enterprise's current 2024 results, from the results themselves. */
    double scope1(String code) {
        return Tx.run(db, c -> {
            try (var ps =
                    c.prepareStatement("select coalesce(sum(combustion_tco2 + process_tco2), 0) from account_result"
                            + " where current and enterprise = ? and period like '2024-%'")) {
                ps.setString(1, code);
                try (var rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getDouble(1);
                }
            }
        });
    }

    @Test
    void aGroupsReportIsConsolidatedPublishedAndReadInPublic() throws Exception {
        Client enterprise = as("enterprise");
        String root = enterprise
                .json(enterprise.get("/api/v1/me"), 200)
                .get("enterprise")
                .asText();
        // two other enterprises with 2024 accounts: a 60 % subsidiary A, and A's joint venture B at 50 %
        List<String> others = Tx.run(
                db,
                c -> Tx.list(
                        c,
                        "select enterprise from account_year where year = '2024' and enterprise <> ? group by enterprise"
                                + " order by enterprise limit 2",
                        rs -> rs.getString(1),
                        root));
        String a = others.get(0);
        String b = others.get(1);
        Path ownership = Files.createTempFile("ownership", ".csv");
        Files.writeString(
                ownership,
                "parent,entity,share,control\n," + root + ",1,full\n" + root + "," + a + ",0.6,full\n" + a + "," + b
                        + ",0.5,joint\n",
                StandardCharsets.UTF_8);
        // by equity: root + 0.6 A + 0.6 × 0.5 B; by financial control: root + A + 0.5 B
        double equity = scope1(root) + 0.6 * scope1(a) + 0.3 * scope1(b);
        double financial = scope1(root) + scope1(a) + 0.5 * scope1(b);
        assertThat(equity).isPositive();

        // the enterprise's own target (a CO2 cap for 2025, from its region's decomposition, say) shows with progress
        Client gov = as("province");
        gov.json(
                gov.post(
                        "/api/v1/targets",
                        "{\"scope\":\"ENTERPRISE\",\"enterprise\":\"" + root + "\",\"indicator\":\"CARBON_TOTAL\","
                                + "\"baseYear\":2020,\"targetYear\":2025,\"value\":1e9,\"document\":\"披露测试目标\"}"),
                201);
        login("province");
        browser.get(url("/enterprise.html?code=" + root + "&year=2024"));
        shown();
        visible(By.id("dsFile")).sendKeys(ownership.toString());
        browser.findElement(By.id("dsImport")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("dsMessage"), "已导入股权结构（3 个实体）"));
        shown();
        new Select(visible(By.id("dsApproach"))).selectByValue("equity");
        visible(By.id("dsBase")).clear();
        visible(By.id("dsBase")).sendKeys("2020");
        browser.findElement(By.id("dsShow")).click();
        shown();
        assertThat(visible(By.id("dsTotals")).getText())
                .contains(String.format(Locale.ROOT, "%,.1f", equity))
                .contains("基准年范围一与范围二合计");
        assertThat(browser.findElement(By.id("dsBoundary")).getText()).contains("60.0%", "30.0%", "共同控制（合营）");
        assertThat(browser.findElement(By.id("dsIndex")).getText()).contains("305-1", "IFRS S2", "条款编号未核对");
        assertThat(browser.findElement(By.id("dsTargets")).getText()).contains("二氧化碳排放总量", "2020–2025");
        new Select(visible(By.id("dsApproach"))).selectByValue("financial-control");
        browser.findElement(By.id("dsShow")).click();
        shown();
        assertThat(visible(By.id("dsTotals")).getText()).contains(String.format(Locale.ROOT, "%,.1f", financial));
        Client province = as("province");
        JsonNode v = province.json(
                province.get("/api/v1/enterprises/" + root + "/disclosure?year=2024&approach=equity&baseYear=2020"),
                200);
        assertThat(v.get("total").get("scope1").asDouble())
                .isCloseTo(equity, org.assertj.core.data.Offset.offset(1e-6));
        // exports: a workbook and a PDF
        assertThat(new String(
                        province.getBytes("/api/v1/enterprises/" + root
                                + "/disclosure/export?year=2024&approach=equity&format=pdf"),
                        StandardCharsets.ISO_8859_1))
                .startsWith("%PDF");
        assertThat(province.getBytes("/api/v1/enterprises/" + root + "/disclosure/export?year=2024&format=xlsx"))
                .startsWith('P', 'K');
        // refusals: a root that is not the enterprise; an enterprise filing its own group structure
        Path wrong = Files.createTempFile("ownership-wrong", ".csv");
        Files.writeString(wrong, "parent,entity,share,control\n," + a + ",1,full\n", StandardCharsets.UTF_8);
        JsonNode refused = province.json(
                province.upload("/api/v1/enterprises/" + root + "/ownership", "o.csv", Files.readAllBytes(wrong)), 422);
        assertThat(refused.get("problems").get(0).get("code").asText()).isEqualTo("ownership.root");
        assertThat(enterprise
                        .upload("/api/v1/enterprises/" + root + "/ownership", "o.csv", Files.readAllBytes(ownership))
                        .statusCode())
                .isEqualTo(403);

        // the enterprise publishes 2024 by equity share against 2020
        login("enterprise");
        browser.get(url("/enterprise.html?year=2024"));
        shown();
        new Select(visible(By.id("dsApproach"))).selectByValue("equity");
        visible(By.id("dsBase")).clear();
        visible(By.id("dsBase")).sendKeys("2020");
        browser.findElement(By.id("dsPublish")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("dsMessage"), "2024 年度报告已发布到公开页面"));

        // anyone, signed out, reads what was published
        browser.manage().deleteAllCookies();
        browser.get(url("/disclosure.html?code=" + root));
        wait.until(d -> "true".equals(d.findElement(By.tagName("body")).getAttribute("data-ready")));
        assertThat(browser.getCurrentUrl()).contains("/disclosure.html");
        assertThat(visible(By.id("pdTotals")).getText()).contains(String.format(Locale.ROOT, "%,.1f", equity));
        assertThat(visible(By.id("pdReport")).getText()).contains("股权比例法").contains("发布日期");
        Client anonymous = new Client();
        assertThat(anonymous.get("/api/v1/public/disclosures/" + root).statusCode())
                .isEqualTo(200);
        assertThat(anonymous.get("/api/v1/public/disclosures/" + a).statusCode())
                .isEqualTo(404);
        assertThat(anonymous
                        .get("/api/v1/enterprises/" + root + "/disclosure?year=2024")
                        .statusCode())
                .isEqualTo(401);
    }
}
