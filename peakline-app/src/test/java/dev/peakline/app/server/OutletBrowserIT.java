package dev.peakline.app.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/**
 * An enterprise with two air outlets registers them in the browser as its permit lists them, files both outlets'
 * month (no longer refused as "given twice"), and reads each outlet's tax and their sum; a row for an outlet it has
 * not registered is refused by row, and a water outlet's pH is filed in the form.
 */
class OutletBrowserIT extends BrowserTest {
    void shown() {
        wait.until(d -> "ready".equals(d.findElement(By.tagName("body")).getAttribute("data-pollutants")));
    }

    void register(String number, String name, String height, String permits) {
        visible(By.id("poOutletNew")).sendKeys(number);
        visible(By.id("poOutletName")).sendKeys(name);
        if (height != null) {
            visible(By.id("poOutletHeight")).sendKeys(height);
        }
        visible(By.id("poOutletPermits")).sendKeys(permits);
        browser.findElement(By.id("poOutletSave")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("poOutletMessage"), "已登记排放口 " + number));
    }

    @Test
    void anEnterpriseRegistersTwoAirOutletsAndFilesBoth() throws Exception {
        Client enterprise = as("enterprise2");
        String code = enterprise
                .json(enterprise.get("/api/v1/me"), 200)
                .get("enterprise")
                .asText();
        login("enterprise2");
        wait.until(ExpectedConditions.urlContains("/enterprise.html"));
        shown();
        visible(By.cssSelector("#poOutletBox summary")).click();
        register("DA001", "1号窑尾", "80", "二氧化硫 200；氮氧化物 300；烟尘 60");
        register("DA002", "2号窑头", "30", "一氧化碳 2500");
        register("DW001", "总排口", null, "化学需氧量 50");
        String registered = browser.findElement(By.id("poOutletTable")).getText();
        assertThat(registered).contains("DA001", "1号窑尾", "80 m", "二氧化硫 200.0", "在用", "大气", "水");
        assertThat(registered).doesNotContain("ACTIVE").doesNotContain("air");
        // a number not of the permit's form and a medium against the number are refused at their fields
        visible(By.id("poOutletNew")).sendKeys("A1");
        browser.findElement(By.id("poOutletSave")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("poOutletError")));
        assertThat(browser.findElement(By.id("poOutletError")).getText()).contains("排放口编号：排放口编号应为 DA（废气）或 DW（废水）");
        visible(By.id("poOutletNew")).clear();

        // the month of both outlets (issue 29's example): DA001 514,875.90 and DA002 146,238.90 yuan at 1.2 yuan, each
        // outlet taxed on its three largest (see EnvironmentalTaxTest for the arithmetic); 661,114.80 in all
        String e = code + ",2021-01,";
        Path both = Files.createTempFile("outlets", ".csv");
        Files.writeString(
                both,
                "enterprise,period,outlet,outlet_id,pollutant,quantity,unit\n"
                        + e + "air,DA001,SO2,160,t\n"
                        + e + "air,DA001,NOx,228,t\n"
                        + e + "air,DA001,烟尘,45,t\n"
                        + e + "air,DA001,CO,20,t\n"
                        + e + "air,DA002,CO,2000,t\n"
                        + e + "air,DA002,SO2,1,t\n"
                        + e + "air,DA002,NOx,1,t\n"
                        + e + "air,DA002,烟尘,1,t\n",
                StandardCharsets.UTF_8);
        new Select(visible(By.id("poYear"))).selectByValue("2021");
        browser.findElement(By.id("poShow")).click();
        shown();
        visible(By.id("poFile")).sendKeys(both.toString());
        browser.findElement(By.id("poImport")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("poMessage"), "已导入 8 行（1 个月）"));
        shown();
        String sums = visible(By.id("poOutletSums")).getText();
        assertThat(sums).contains("DA001", "1号窑尾", "514,875.90", "DA002", "146,238.90", "合计", "661,114.80");
        assertThat(visible(By.id("poTotals")).getText()).contains("环境保护税 661,114.80 元");
        assertThat(browser.findElement(By.id("poTable")).getText()).contains("DA002", "一氧化碳", "2,000,000.000 kg");

        // an outlet the enterprise has not registered is refused by its row, and what was filed stays
        Path unknown = Files.createTempFile("outlets-unknown", ".csv");
        Files.writeString(
                unknown,
                "enterprise,period,outlet,outlet_id,pollutant,quantity,unit\n" + e + "air,DA001,SO2,160,t\n" + e
                        + "air,DA009,SO2,1,t\n",
                StandardCharsets.UTF_8);
        browser.findElement(By.id("poFile")).clear();
        browser.findElement(By.id("poFile")).sendKeys(unknown.toString());
        browser.findElement(By.id("poImport")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("poError")));
        assertThat(browser.findElement(By.id("poError")).getText())
                .contains("第3行 排放口编号：排放口编号未登记")
                .doesNotContain("registered");
        JsonNode kept = enterprise.json(enterprise.get("/api/v1/enterprises/" + code + "/pollutants?year=2021"), 200);
        assertThat(kept.get("lines")).hasSize(8);
        assertThat(kept.get("taxYuan").decimalValue()).isEqualByComparingTo("661114.80");

        // the water outlet's pH in the form: 24,000 t of sewage at pH 4 → band 4–5, 1 t per equivalent → 24,000
        // equivalents × 1.4 yuan = 33,600.00
        visible(By.cssSelector("#poFormBox summary")).click();
        visible(By.id("poPeriod")).sendKeys("2021-01");
        new Select(visible(By.id("poOutlet"))).selectByValue("water");
        new Select(visible(By.id("poOutletId"))).selectByValue("DW001");
        visible(By.id("poName")).sendKeys("pH值");
        visible(By.id("poQuantity")).sendKeys("24000");
        new Select(visible(By.id("poUnit"))).selectByVisibleText("t");
        visible(By.id("poLevel")).sendKeys("4");
        browser.findElement(By.id("poSave")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("poMessage"), "2021-01 的该项污染物已保存"));
        shown();
        assertThat(visible(By.id("poOutletSums")).getText())
                .contains("DW001", "总排口", "24,000.00", "33,600.00", "694,714.80");
        assertThat(browser.findElement(By.id("poTable")).getText()).contains("pH值（pH 4.0）", "24,000 吨污水");
        // the outlets' tax per outlet is also in the API, with the sum: 661,114.80 + 33,600.00
        JsonNode after = enterprise.json(enterprise.get("/api/v1/enterprises/" + code + "/pollutants?year=2021"), 200);
        assertThat(after.get("outlets")).hasSize(3);
        assertThat(after.get("taxYuan").decimalValue()).isEqualByComparingTo("694714.80");

        // DA002 closed in the browser (audited): a row for it is refused, and it leaves the form's outlet numbers
        visible(By.id("po-outlet-DA002")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("poOutletMessage"), "排放口 DA002 已停用"));
        assertThat(browser.findElement(By.id("poOutletTable")).getText())
                .contains("已停用")
                .contains("重新启用");
        new Select(visible(By.id("poOutlet"))).selectByValue("air");
        assertThat(new Select(browser.findElement(By.id("poOutletId"))).getOptions())
                .extracting(org.openqa.selenium.WebElement::getText)
                .contains("DA001 1号窑尾")
                .noneMatch(o -> o.startsWith("DA002"));
        JsonNode closed = enterprise.json(
                enterprise.upload(
                        "/api/v1/enterprises/" + code + "/pollutants",
                        "p.csv",
                        ("enterprise,period,outlet,outlet_id,pollutant,quantity,unit\n" + e + "air,DA002,CO,5,t\n")
                                .getBytes(StandardCharsets.UTF_8)),
                422);
        assertThat(closed.get("problems").get(0).get("code").asText()).isEqualTo("pollutants.closed");
        assertThat(closed.get("problems").get(0).get("row").asInt()).isEqualTo(2);
    }
}
