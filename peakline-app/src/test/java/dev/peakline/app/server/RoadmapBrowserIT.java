package dev.peakline.app.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/**
 * An analyst plans the province's path to the peak in the browser: reads the three scenarios and their peak years,
 * speeds up the low-carbon case's intensity fall and tries it, is told in Chinese what is wrong with an impossible
 * growth rate, saves the scenarios as a new version, and turns the enhanced scenario into an energy-intensity target
 * decomposed to the nine cities.
 */
class RoadmapBrowserIT extends BrowserTest {
    void ready() {
        wait.until(d -> "true".equals(d.findElement(By.tagName("body")).getAttribute("data-ready")));
    }

    WebElement firstStep(int scenario, String driver, String field) {
        return browser.findElement(By.cssSelector("#drivers [data-scenario='" + scenario + "'] [data-driver='" + driver
                + "'] .step [data-" + field + "]"));
    }

    void type(WebElement input, String value) {
        input.clear();
        input.sendKeys(value);
    }

    @Test
    void anAnalystTriesSavesAndTurnsAScenarioIntoTargets() {
        Client province = as("province");
        JsonNode api = province.json(province.get("/api/v1/roadmaps/520000"), 200);
        login("province");
        browser.get(url("/roadmap.html?region=520000"));
        ready();
        assertThat(visible(By.id("regionName")).getText()).isEqualTo("贵州省");
        // three scenarios, each with the peak year the API computes
        List<WebElement> rows = browser.findElements(By.cssSelector("#compare tr[data-key]"));
        assertThat(rows).hasSize(3);
        for (int i = 0; i < 3; i++) {
            assertThat(rows.get(i).findElement(By.cssSelector("[data-peak]")).getText())
                    .startsWith(api.get("projections").get(i).get("peakYear").asText());
        }
        assertThat(browser.findElement(By.id("compare")).getText()).contains("基准情景", "低碳情景", "强化低碳情景");
        assertThat(browser.findElement(By.id("checks")).getText()).contains("单位地区生产总值二氧化碳排放降低");
        assertThat(browser.findElement(By.id("effects")).getText()).contains("经济规模（GDP）", "能耗强度", "合计");
        // the STIRPAT fit on the province's own history, and each scenario's peak through it
        assertThat(browser.findElement(By.id("stirpat")).getText())
                .contains("ln GDP", "ln 单位GDP能耗", "R²", "岭参数 k（HKB）");
        assertThat(visible(By.id("stirpatR2")).getText())
                .isEqualTo(String.format(
                        java.util.Locale.ROOT,
                        "%.4f",
                        api.get("stirpat").get("rSquared").asDouble()));
        assertThat(rows.get(0).findElement(By.cssSelector("[data-stirpat]")).getText())
                .isEqualTo(api.get("projections")
                        .get(0)
                        .get("stirpat")
                        .get("peakYear")
                        .asText());
        String before = rows.get(1).findElements(By.tagName("td")).get(4).getText();

        // an impossible growth rate is refused, named by scenario and driver, in Chinese
        WebElement growth = firstStep(1, "gdpGrowth", "value");
        String oldGrowth = growth.getAttribute("value");
        type(growth, "45");
        browser.findElement(By.id("project")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(
                By.id("driverMessage"), "低碳情景 · GDP增速：驱动因素取值超出合理范围"));
        assertThat(browser.findElement(By.id("driverMessage")).getText()).doesNotContain("scenarios[");
        type(growth, oldGrowth);

        // the low-carbon case's intensity falls three points faster: its 2030 CO2 drops
        WebElement fall = firstStep(1, "intensityFall", "value");
        double faster = Double.parseDouble(fall.getAttribute("value")) + 3;
        type(fall, String.valueOf(faster));
        browser.findElement(By.id("project")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("driverMessage"), "已试算（未保存）"));
        ready();
        String after = browser.findElements(By.cssSelector("#compare tr[data-key]"))
                .get(1)
                .findElements(By.tagName("td"))
                .get(4)
                .getText();
        assertThat(number(after)).isLessThan(number(before));

        // saved as a new version, the faster fall stored
        type(visible(By.id("note")), "浏览器测试：低碳情景能耗强度加快下降");
        browser.findElement(By.id("save")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("driverMessage"), "已保存为第"));
        ready();
        JsonNode saved = province.json(province.get("/api/v1/roadmaps/520000"), 200);
        assertThat(saved.get("note").asText()).contains("浏览器测试");
        assertThat(saved.get("scenarios")
                        .get(1)
                        .get("intensityFall")
                        .get(0)
                        .get("value")
                        .asDouble())
                .isEqualTo(faster);
        assertThat(visible(By.id("versionInfo")).getText())
                .contains("第 " + saved.get("version").asInt() + " 版");

        // the enhanced scenario's 2022 → 2030 fall of energy intensity becomes the province's target, on to the cities
        new Select(visible(By.id("pwScenario"))).selectByValue("enhanced");
        new Select(visible(By.id("pwIndicator"))).selectByValue("ENERGY_INTENSITY");
        type(visible(By.id("pwBase")), "2022");
        type(visible(By.id("pwTarget")), "2030");
        browser.findElement(By.id("pwCreate")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("pwMessage"), "已分解到 9 个下级地区"));
        String message = visible(By.id("pwDone")).getText();
        double shown = Double.parseDouble(message.replaceAll(".*下降 ([0-9.]+)%.*", "$1"));
        // the figure shown is the target stored: EI(2030, enhanced path) against EI(2022, statistics)
        double ei2022 = Double.NaN;
        for (JsonNode h : saved.get("history")) {
            if (h.get("year").asInt() == 2022) {
                ei2022 = h.get("energyIntensity").asDouble();
            }
        }
        JsonNode y2030 = saved.get("projections")
                .get(2)
                .get("years")
                .get(2030 - saved.get("baseYear").asInt());
        double fall2030 = 1 - y2030.get("energy").asDouble() / y2030.get("gdp").asDouble() / ei2022;
        assertThat(shown).isCloseTo(100 * fall2030, org.assertj.core.data.Offset.offset(0.006));
        JsonNode targets = province.json(province.get("/api/v1/targets/regions/520000?year=2024"), 200);
        boolean found = false;
        for (JsonNode v : targets) {
            JsonNode t = v.get("target");
            if (t.get("indicator").asText().equals("ENERGY_INTENSITY")
                    && t.get("baseYear").asInt() == 2022
                    && t.get("targetYear").asInt() == 2030
                    && !t.hasNonNull("parentId")) {
                found = true;
                assertThat(100 * t.get("value").asDouble())
                        .isCloseTo(shown, org.assertj.core.data.Offset.offset(0.006));
                assertThat(t.get("document").asText()).contains("碳达峰路线图", "强化低碳情景");
            }
        }
        assertThat(found).isTrue();

        // the roadmap of an industry in the province, from its enterprises' accounts
        type(visible(By.id("industry")), "32");
        browser.findElement(By.id("industryGo")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("industryName"), "（32）"));
        ready();
        assertThat(visible(By.id("sourceNote")).getText()).contains("企业的核算结果");
        JsonNode industry = province.json(province.get("/api/v1/roadmaps/520000?industry=32"), 200);
        List<WebElement> industryRows = browser.findElements(By.cssSelector("#compare tr[data-key]"));
        assertThat(industryRows).hasSize(3);
        assertThat(industryRows
                        .get(0)
                        .findElement(By.cssSelector("[data-peak]"))
                        .getText())
                .startsWith(industry.get("projections").get(0).get("peakYear").asText());
        // the same page in English: the comparison in English words, brackets as English writes them
        ((org.openqa.selenium.JavascriptExecutor) browser).executeScript("localStorage.setItem('peakline.lang', 'en')");
        browser.navigate().refresh();
        ready();
        String english = visible(By.id("compare")).getText();
        assertThat(english)
                .contains("Peak year", "Peak CO₂ (t)", "STIRPAT peak year")
                .contains(" (");
        assertThat(english).doesNotContain("峰值").doesNotContain("（");
        assertThat(visible(By.id("industryName")).getText()).contains(" (32)");
        ((org.openqa.selenium.JavascriptExecutor) browser).executeScript("localStorage.setItem('peakline.lang', 'zh')");
        browser.navigate().refresh();
        ready();
        // an industry code that does not exist is refused in words
        type(visible(By.id("industry")), "9999");
        browser.findElement(By.id("industryGo")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(
                By.id("pageMessage"), "行业：行业代码不是GB/T 4754-2017中的代码（9999）"));
    }

    /** A figure as the page writes it in Chinese (1.23 亿, 4,567.89 万, 771). */
    static double number(String text) {
        String s = text.replace(",", "").strip();
        double scale = s.endsWith("亿") ? 1e8 : s.endsWith("万") ? 1e4 : 1;
        return Double.parseDouble(s.replace("亿", "").replace("万", "").strip()) * scale;
    }
}
