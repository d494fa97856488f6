package dev.peakline.app.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.peakline.app.server.monitoring.RollupWorker;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The province sees the Gui'an cluster's data centres ranked by PUE, the one above its target first; the data
 * centre's manager sees its PUE by day and month and the day its IT meter's gap left without a PUE; bad registrations
 * are refused in Chinese.
 */
class DataCentreBrowserIT extends BrowserTest {
    @Autowired
    RollupWorker worker;

    void ready() {
        wait.until(d -> "true".equals(d.findElement(By.tagName("body")).getAttribute("data-ready")));
    }

    @Test
    void theProvinceRanksTheClusterAndTheManagerSeesTheIncompleteDay() {
        Client e = as("enterprise");
        String code = e.json(e.get("/api/v1/me"), 200).path("enterprise").asText();
        String token = e.json(e.post("/api/v1/enterprises/" + code + "/gateway-tokens", "{\"name\":\"dc-br\"}"), 201)
                .path("token")
                .asText();
        LocalDate last = today().minusDays(1);
        LocalDate from = last.minusDays(70);
        LocalDate gap = last.minusDays(3);
        // BR-HI at 38,400 ÷ 24,000 = 1.600 (beyond the 1.50 limit); BR-LO at 30,000 ÷ 24,000 = 1.250, its IT meter
        // silent one day
        DataCentreFixture.create(this, e, code, token, "BR-HI", 1.6, from, last, null);
        long lo = DataCentreFixture.create(this, e, code, token, "BR-LO", 1.25, from, last, gap);
        worker.drain();

        // the province, in Chinese: the cluster's data centres, those above target first
        login("province");
        browser.get(url("/datacentres.html?region=520000&cluster=guian"));
        ready();
        WebElement table = visible(By.id("dcTable"));
        List<WebElement> rows = table.findElements(By.xpath(".//tr[td]"));
        int hi = -1;
        int low = -1;
        for (int i = 0; i < rows.size(); i++) {
            String text = rows.get(i).getText();
            if (text.contains("BR-HI")) {
                hi = i;
                assertThat(text).contains("1.600", "超过限定值", "高于目标", "贵安数据中心集群");
            }
            if (text.contains("BR-LO")) {
                low = i;
                assertThat(text).contains("2 级", "达到目标");
            }
        }
        assertThat(hi).isNotNegative();
        assertThat(low).isGreaterThan(hi);
        // every row above target comes before every row within it
        boolean seenWithin = false;
        for (WebElement r : rows) {
            boolean above = r.getText().contains("高于目标");
            assertThat(above && seenWithin)
                    .as("an above-target row after a within-target one")
                    .isFalse();
            seenWithin |= !above;
        }
        String page = browser.findElement(By.tagName("main")).getText();
        assertThat(page).contains("在线监测与能源计量审查工作清单").doesNotContain("operating", "hub_west", "above_total");

        // the manager: its data centre's PUE, and the day the gap left incomplete
        login("enterprise");
        browser.get(url("/datacentres.html?id=" + lo));
        ready();
        String days = visible(By.id("dcDayTable")).getText();
        assertThat(days).contains(last.toString(), "1.250");
        WebElement gapRow = browser.findElements(By.xpath("//table[@id='dcDayTable']//tr[td]")).stream()
                .filter(r -> r.getText().contains(gap.toString()))
                .findFirst()
                .orElseThrow();
        assertThat(gapRow.getText()).contains("不完整");
        if (gap.getYear() == last.getYear()) {
            assertThat(visible(By.id("dcMonthTable")).getText())
                    .contains(gap.toString().substring(0, 7), "不完整");
        }
        assertThat(visible(By.id("dcFacts")).getText()).contains("贵安数据中心集群", "水冷", "1.50", "未经原文核实");
        assertThat(visible(By.id("dcMeters")).getText()).contains("BR-LO-T", "总输入", "BR-LO-I", "IT 设备");

        // a position that does not exist, said in Chinese, nothing changed
        visible(By.id("dcPMeter")).sendKeys("NOPE");
        browser.findElement(By.id("dcPGo")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("dcCentreMessage"), "不是本企业已登记的计量点"));
        assertThat(browser.findElement(By.tagName("main")).getText()).doesNotContain("register the meter first");

        // the same page in English: positions, status and cooling in English, the incomplete day said so
        ((org.openqa.selenium.JavascriptExecutor) browser).executeScript("localStorage.setItem('peakline.lang', 'en')");
        browser.get(url("/datacentres.html?id=" + lo));
        ready();
        assertThat(visible(By.id("dcMeters")).getText()).contains("Total facility input", "IT equipment");
        assertThat(visible(By.id("dcFacts")).getText())
                .contains("Operating", "Water")
                .doesNotContain("运行", "水冷");
        assertThat(visible(By.id("dcDayTable")).getText()).contains("Incomplete", "1.250");
        ((org.openqa.selenium.JavascriptExecutor) browser).executeScript("localStorage.setItem('peakline.lang', 'zh')");
    }
}
