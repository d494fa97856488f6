package dev.peakline.app.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.peakline.store.Database;
import dev.peakline.store.Tx;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * An administrator computes a product's footprint in the browser from an enterprise's 2024 accounts by mass
 * allocation with a purchased input, reads its contributions (checked by hand against the accounts), downloads the
 * certificate, and has an input without a source refused.
 */
class FootprintBrowserIT extends BrowserTest {
    @Autowired
    Database db;

    void shown() {
        wait.until(d -> "ready".equals(d.findElement(By.tagName("body")).getAttribute("data-footprint")));
    }

    @Test
    void aProductsFootprintFromTheAccounts() throws Exception {
        // an enterprise with a whole approved 2024 and production in tonnes
        List<String> candidates = Tx.run(
                db,
                c -> Tx.list(
                        c,
                        "select y.enterprise from account_year y where y.year = '2024' and y.months = 12 and exists (select 1"
                                + " from filing_production p join filing f on f.id = p.filing_id and f.status = 'APPROVED'"
                                + " where f.enterprise = y.enterprise and f.period like '2024-%' and p.unit = 't') order by"
                                + " y.enterprise",
                        rs -> rs.getString(1)));
        assertThat(candidates).isNotEmpty();
        Client admin = as("admin");
        String code = null;
        JsonNode year = null;
        for (String c : candidates) {
            JsonNode v = admin.json(admin.get("/api/v1/enterprises/" + c + "/footprints/products?year=2024"), 200);
            boolean tonnes = true;
            for (JsonNode p : v.get("products")) {
                tonnes &= p.get("unit").asText().equals("t");
            }
            if (tonnes && v.get("products").size() > 0) {
                code = c;
                year = v;
                break;
            }
        }
        assertThat(code).isNotNull();
        JsonNode product = year.get("products").get(0);
        double all = 0;
        for (JsonNode p : year.get("products")) {
            all += p.get("output").asDouble();
        }
        // own = share × (scope 1 + scope 2) × 1000 / output, share = output / all products' tonnes;
        // alumina 1.92 t per t at 1,000 kg CO2e/t adds 1,920 kg
        double share = product.get("output").asDouble() / all;
        double own = share
                * (year.get("scope1").asDouble() + year.get("scope2").asDouble())
                * 1000
                / product.get("output").asDouble();
        double total = own + 1920;

        login("admin");
        browser.get(url("/enterprise.html?code=" + code + "&year=2024"));
        shown();
        new Select(visible(By.id("fpProduct")))
                .selectByValue(product.get("product").asText());
        new Select(visible(By.id("fpAllocation"))).selectByValue("mass");
        // without a source the input is refused at its field, in Chinese
        visible(By.id("fpInputs")).sendKeys("氧化铝,1.92,t,1000,,是");
        browser.findElement(By.id("fpSave")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("fpMessage"), "外购原料的名称、用量、碳足迹或来源有误"));
        visible(By.id("fpInputs")).clear();
        visible(By.id("fpInputs")).sendKeys("氧化铝,1.92,t,1000,测试用供应商声明,是");
        browser.findElement(By.id("fpSave")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("fpMessage"), "已计算并保存"));
        shown();
        assertThat(visible(By.id("fpTotal")).getText())
                .contains(String.format(Locale.ROOT, "%,.3f", total))
                .contains("质量分配");
        assertThat(browser.findElement(By.id("fpContribTable")).getText()).contains("本企业生产过程", "外购：氧化铝", "1,920.000");
        JsonNode saved = admin.json(admin.get("/api/v1/enterprises/" + code + "/footprints"), 200)
                .get(0);
        assertThat(saved.get("kgPerUnit").asDouble()).isCloseTo(total, org.assertj.core.data.Offset.offset(1e-6));
        assertThat(saved.get("share").asDouble()).isCloseTo(share, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(new String(
                        admin.getBytes("/api/v1/footprints/" + saved.get("id").asLong() + "/certificate.pdf"),
                        StandardCharsets.ISO_8859_1))
                .startsWith("%PDF");
        // the PACT 3.0 export checks out, fossil and biogenic apart (none biogenic in the accounts)
        JsonNode pact =
                admin.json(admin.get("/api/v1/footprints/" + saved.get("id").asLong() + "/pact"), 200);
        assertThat(pact.get("pcf").get("pcfExcludingBiogenicUptake").asDouble())
                .isCloseTo(total, org.assertj.core.data.Offset.offset(1e-6));
        JsonNode checked = admin.json(admin.post("/api/v1/footprints/pact/check", pact.toString()), 200);
        assertThat(checked.get("including").asDouble())
                .isEqualTo(checked.get("excluding").asDouble());
        JsonNode wrongPact = admin.json(admin.post("/api/v1/footprints/pact/check", "{\"id\":\"x\"}"), 422);
        assertThat(wrongPact.get("problems").size()).isGreaterThan(5);
        // another enterprise's user cannot read it
        Client other = as("enterprise2");
        assertThat(other.get("/api/v1/footprints/" + saved.get("id").asLong()).statusCode())
                .isIn(403, 404);
        // a product not filed that year is refused
        JsonNode refused = admin.json(
                admin.post(
                        "/api/v1/enterprises/" + code + "/footprints",
                        "{\"product\":\"不存在的产品\",\"year\":2024,\"allocation\":\"mass\"}"),
                422);
        assertThat(refused.get("problems").get(0).get("column").asText()).isEqualTo("product");
    }
}
