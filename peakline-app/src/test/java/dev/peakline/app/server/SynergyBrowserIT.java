package dev.peakline.app.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * A provincial analyst reads the cities' pollution and carbon together on the demo's approved pollutants: ranked by
 * the coupling-coordination degree, on the map by quadrant and by D, with the weight α changed; a measure entered with
 * both savings appears among those that cut both, with its elasticity.
 */
class SynergyBrowserIT extends BrowserTest {
    static final String[] BANDS = {"极度失调", "严重失调", "中度失调", "轻度失调", "濒临失调", "勉强协调", "初级协调", "中级协调", "良好协调", "优质协调"};

    void ready() {
        wait.until(d -> "true".equals(d.findElement(By.tagName("body")).getAttribute("data-ready")));
    }

    /** D recomputed by hand from the rows: U min–max of the relative cuts, C = 2√(U₁U₂)/(U₁+U₂), T, D = √(CT). */
    static void checkCoordination(JsonNode children, double alpha) {
        List<JsonNode> with = new ArrayList<>();
        children.forEach(c -> {
            if (c.has("quadrant")) {
                with.add(c);
            }
        });
        assertThat(with).as("the demo has cities with both years").hasSizeGreaterThanOrEqualTo(2);
        double[] ap = with.stream()
                .mapToDouble(c -> c.get("airCut").asDouble()
                        / c.get("airEquivalentsBefore").asDouble())
                .toArray();
        double[] co2 = with.stream()
                .mapToDouble(
                        c -> c.get("co2Cut").asDouble() / c.get("co2Before").asDouble())
                .toArray();
        double apMin = java.util.Arrays.stream(ap).min().orElseThrow();
        double apMax = java.util.Arrays.stream(ap).max().orElseThrow();
        double co2Min = java.util.Arrays.stream(co2).min().orElseThrow();
        double co2Max = java.util.Arrays.stream(co2).max().orElseThrow();
        for (int i = 0; i < with.size(); i++) {
            double u1 = (ap[i] - apMin) / (apMax - apMin);
            double u2 = (co2[i] - co2Min) / (co2Max - co2Min);
            double c = u1 + u2 == 0 ? 0 : 2 * Math.sqrt(u1 * u2) / (u1 + u2);
            double d = Math.sqrt(c * (alpha * u1 + (1 - alpha) * u2));
            assertThat(with.get(i).get("coordination").asDouble()).isCloseTo(d, within(1e-12));
            assertThat(with.get(i).get("band").asInt()).isEqualTo(Math.min(9, (int) Math.floor(d * 10)));
        }
        // ranked by D, highest first
        with.sort((a, b) -> Integer.compare(a.get("rank").asInt(), b.get("rank").asInt()));
        for (int i = 1; i < with.size(); i++) {
            assertThat(with.get(i).get("coordination").asDouble())
                    .isLessThanOrEqualTo(with.get(i - 1).get("coordination").asDouble());
        }
    }

    @Test
    void theCitiesAreRankedAndMappedByTheirSynergy() {
        Client province = as("province");
        login("province");
        // a measure with both savings: Els = 10 % / 20 % = 0.5
        String name = "浏览器测试：协同措施" + System.nanoTime();
        browser.get(url("/steering.html?region=520000&year=2024#library"));
        ready();
        visible(By.id("msName")).sendKeys(name);
        visible(By.id("msCo2")).sendKeys("10");
        visible(By.id("msPollutant")).sendKeys("20");
        visible(By.id("msSource")).sendKeys("测试用来源：协同措施案例");
        browser.findElement(By.id("msAdd")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("msMessage"), "已加入措施库"));

        browser.get(url("/steering.html?region=520000&year=2024&view=synergy#synergy"));
        ready();
        JsonNode v = province.json(province.get("/api/v1/regions/520000/synergy?year=2024"), 200);
        checkCoordination(v.get("children"), 0.5);
        JsonNode first = null;
        for (JsonNode c : v.get("children")) {
            if (c.path("rank").asInt() == 1) {
                first = c;
            }
        }
        assertThat(first).isNotNull();
        String row = visible(By.xpath("//table[@id='synergyTable']//td[text()='"
                        + first.get("name").asText() + "']/.."))
                .getText();
        assertThat(row)
                .startsWith("1 ")
                .contains(String.format(
                        java.util.Locale.ROOT, "%.3f", first.get("coordination").asDouble()))
                .contains(BANDS[first.get("band").asInt()]);
        // the map: the nine cities coloured by quadrant, the legend in Chinese
        JavascriptExecutor js = (JavascriptExecutor) browser;
        wait.until(d -> Boolean.TRUE.equals(
                js.executeScript("const c = echarts.getInstanceByDom(document.getElementById('synergyMap'));"
                        + " return !!c && !!c.getOption().series && c.getOption().series[0].data.length === 9;")));
        assertThat((String) js.executeScript("return echarts.getInstanceByDom(document.getElementById('synergyMap'))"
                        + ".getOption().visualMap[0].pieces.map(p => p.label).join('|');"))
                .isEqualTo("Ⅰ 协同减排|Ⅱ 减污增碳|Ⅲ 两者均增|Ⅳ 降碳增污");
        // the measure that cuts both, with its elasticity
        assertThat(visible(By.id("synergyMeasureTable")).getText())
                .contains(name)
                .contains("0.500");

        // by D, with all the weight on pollution reduction (α = 1: T = U₁)
        new org.openqa.selenium.support.ui.Select(visible(By.id("syMapBy"))).selectByValue("coordination");
        ready();
        visible(By.id("syAlpha")).clear();
        visible(By.id("syAlpha")).sendKeys("1");
        browser.findElement(By.id("syShow")).click();
        ready();
        JsonNode one = province.json(province.get("/api/v1/regions/520000/synergy?year=2024&alpha=1"), 200);
        checkCoordination(one.get("children"), 1.0);
        for (JsonNode c : one.get("children")) {
            if (c.has("coordination")) {
                String r = visible(By.xpath("//table[@id='synergyTable']//td[text()='"
                                + c.get("name").asText() + "']/.."))
                        .getText();
                assertThat(r)
                        .contains(String.format(
                                java.util.Locale.ROOT,
                                "%.3f",
                                c.get("coordination").asDouble()));
            }
        }
        assertThat(
                        (String)
                                js.executeScript(
                                        "return echarts.getInstanceByDom(document.getElementById('synergyMap')).getOption().visualMap[0].type;"))
                .isEqualTo("continuous");
        // the province's industrial parks compared the same way: each park's own elasticity from its own figures
        new org.openqa.selenium.support.ui.Select(visible(By.id("syBy"))).selectByValue("park");
        ready();
        JsonNode parks = province.json(province.get("/api/v1/regions/520000/synergy?year=2024&alpha=1&by=park"), 200);
        assertThat(parks.get("level").asText()).isEqualTo("park");
        assertThat(parks.get("children")).isNotEmpty();
        for (JsonNode p : parks.get("children")) {
            if (p.hasNonNull("elasticity")) {
                double els = (p.get("co2").asDouble() / p.get("co2Before").asDouble() - 1)
                        / (p.get("airEquivalents").asDouble()
                                        / p.get("airEquivalentsBefore").asDouble()
                                - 1);
                assertThat(p.get("elasticity").asDouble()).isCloseTo(els, within(1e-12));
            }
        }
        wait.until(d -> d.findElement(By.id("synergyTable"))
                .getText()
                .contains(parks.get("children").get(0).get("name").asText()));
        assertThat(browser.findElement(By.id("synergyTable")).getText()).contains("园区");
        // a weight outside 0–1 is refused in Chinese
        visible(By.id("syAlpha")).clear();
        visible(By.id("syAlpha")).sendKeys("2");
        browser.findElement(By.id("syShow")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("syMessage"), "污染减排权重 α 应在 0 到 1 之间"));
    }
}
