package dev.peakline.app.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/**
 * A provincial analyst adds a measure to the library; on a laggard enterprise's page the measure is recommended for
 * its facility below 基准, and an energy diagnosis is recorded with it, its saving checked against the accounts.
 */
class DiagnosisBrowserIT extends BrowserTest {
    void diagnosisShown() {
        wait.until(d -> "ready".equals(d.findElement(By.tagName("body")).getAttribute("data-diagnosis")));
    }

    @Test
    void aMeasureFromTheLibraryIsRecommendedAndADiagnosisRecorded() {
        // a facility below 标杆 in the demo's 2024 lists (below 基准 it would have to be renovated), and its product
        Client province = as("province");
        JsonNode laggard = null;
        for (JsonNode f : province.json(province.get("/api/v1/efficiency/regions/520000?year=2024"), 200)) {
            if (f.get("level").asText().equals("LAGGARD")
                    || f.get("level").asText().equals("BETWEEN")) {
                laggard = f;
                break;
            }
        }
        assertThat(laggard).as("the demo has a facility below 标杆").isNotNull();
        String enterprise = laggard.get("enterprise").asText();
        String product = laggard.get("product").asText();
        String name = "浏览器测试措施：" + product + "余热回收";

        login("province");
        browser.get(url("/steering.html?region=520000&year=2024#library"));
        wait.until(d -> "true".equals(d.findElement(By.tagName("body")).getAttribute("data-ready")));
        visible(By.id("msName")).sendKeys(name);
        new Select(visible(By.id("msProduct"))).selectByValue(product);
        visible(By.id("msEnergy")).sendKeys("8");
        // a measure without a source is refused, in Chinese
        browser.findElement(By.id("msAdd")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("msMessage"), "每项措施须注明来源"));
        visible(By.id("msSource")).sendKeys("测试用来源：某推荐目录条目");
        browser.findElement(By.id("msAdd")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("msMessage"), "已加入措施库"));
        assertThat(browser.findElement(By.id("measureTable")).getText()).contains(name, "8.0", "测试用来源");

        login("admin");
        browser.get(url("/enterprise.html?code=" + enterprise + "&year=2024"));
        diagnosisShown();
        String recommended = visible(By.id("dgRecTable")).getText();
        assertThat(recommended).contains(product).contains(name + "（节能率（%） 8.0）");
        // date inputs take their value as the browser's locale writes dates: set as the ISO value
        ((org.openqa.selenium.JavascriptExecutor) browser)
                .executeScript("document.getElementById('dgDate').value = '2024-03-01';"
                        + "document.getElementById('dgImplemented').value = '2024-06-01';");
        visible(By.id("dgFindings")).sendKeys("窑头余热未回收");
        new Select(visible(By.id("dgMeasure"))).selectByVisibleText("★ " + name);
        visible(By.id("dgExpected")).sendKeys("1200");
        browser.findElement(By.id("dgSave")).click();
        wait.until(d -> !d.findElement(By.id("dgMessage")).getText().isEmpty());
        assertThat(browser.findElement(By.id("dgMessage")).getText()).isEqualTo("已记录诊断");
        diagnosisShown();
        String list = browser.findElement(By.id("dgTable")).getText();
        assertThat(list).contains("窑头余热未回收", name, "1,200.0", "2024-06-01");
        // the saving is checked against the accounts: the twelve months before June 2024 beside the twelve after
        Client admin = as("admin");
        JsonNode d = null;
        for (JsonNode x : admin.json(admin.get("/api/v1/enterprises/" + enterprise + "/diagnoses"), 200)) {
            if (x.get("findings").asText().equals("窑头余热未回收")) {
                d = x;
            }
        }
        assertThat(d).isNotNull();
        if (d.hasNonNull("realisedSavingTce")) {
            assertThat(d.get("realisedSavingTce").asDouble())
                    .isCloseTo(
                            d.get("energyBefore").asDouble()
                                    - d.get("energyAfter").asDouble(),
                            org.assertj.core.data.Offset.offset(1e-6));
        } else {
            assertThat(list).contains("核算数据不足");
        }
        // a renovation plan for the facility carries out the library's measure
        wait.until(b -> "ready".equals(b.findElement(By.tagName("body")).getAttribute("data-facilities")));
        new Select(visible(By.id("plFacility")))
                .selectByValue(laggard.get("facilityId").asText());
        new Select(visible(By.id("plLibrary"))).selectByVisibleText(name);
        assertThat(browser.findElement(By.id("plMeasure")).getAttribute("value"))
                .isEqualTo(name);
        ((org.openqa.selenium.JavascriptExecutor) browser)
                .executeScript("document.getElementById('plDeadline').value = '2025-12-31';");
        browser.findElement(By.id("plSave")).click();
        wait.until(b -> !b.findElement(By.id("plMessage")).getText().isEmpty());
        wait.until(b -> b.findElement(By.id("planTable")).getText().contains(name + "（技术库措施）"));
        boolean linked = false;
        for (JsonNode p : admin.json(admin.get("/api/v1/efficiency/enterprises/" + enterprise + "/plans"), 200)) {
            linked |= p.path("measureName").asText().equals(name)
                    && p.get("facilityId").asLong() == laggard.get("facilityId").asLong();
        }
        assertThat(linked).isTrue();
        // a plan naming a measure not in the library is refused at that field
        JsonNode unknown = admin.json(
                admin.post(
                        "/api/v1/efficiency/facilities/"
                                + laggard.get("facilityId").asLong() + "/plans",
                        "{\"measure\":\"x\",\"deadline\":\"2025-12-31\",\"measureId\":999999999}"),
                422);
        assertThat(unknown.get("problems").get(0).get("column").asText()).isEqualTo("measureId");
        // a diagnosis carried out before it was made is refused
        JsonNode refused = admin.json(
                admin.post(
                        "/api/v1/enterprises/" + enterprise + "/diagnoses",
                        "{\"diagnosedOn\":\"2024-03-01\",\"findings\":\"x\",\"implementedOn\":\"2024-01-01\"}"),
                422);
        assertThat(refused.get("problems").get(0).get("column").asText()).isEqualTo("implementedOn");
        // and a date outside the platform's years (1970) names its field
        JsonNode old = admin.json(
                admin.post(
                        "/api/v1/enterprises/" + enterprise + "/diagnoses",
                        "{\"diagnosedOn\":\"1970-01-01\",\"findings\":\"x\"}"),
                422);
        assertThat(old.get("problems").get(0).get("column").asText()).isEqualTo("diagnosedOn");
    }
}
