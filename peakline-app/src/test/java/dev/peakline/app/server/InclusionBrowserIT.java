package dev.peakline.app.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.peakline.reference.FactorKey;
import dev.peakline.reference.FactorKind;
import dev.peakline.reference.ReferenceLibrary;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The province runs a 碳普惠 programme in the browser: creates it, enrols an enterprise, issues points for its
 * rooftop PV's settlement statements (refused when issued twice or claimed elsewhere); the enterprise reads its
 * ledger and uses points, refused beyond its balance; the ledger exports.
 */
class InclusionBrowserIT extends BrowserTest {
    void ready() {
        wait.until(d -> "true".equals(d.findElement(By.tagName("body")).getAttribute("data-ready")));
    }

    /** kg to 0.001 and points rounded down, at the library's Guizhou grid factor of the day (Inclusion's formula). */
    static long points(double mwh, LocalDate day) {
        double f = ReferenceLibrary.shipped()
                .resolve(new FactorKey(FactorKind.ELECTRICITY, "520000", "average"), day)
                .orElseThrow()
                .value();
        BigDecimal kg = BigDecimal.valueOf(mwh)
                .multiply(BigDecimal.valueOf(f))
                .multiply(BigDecimal.valueOf(1000))
                .setScale(3, RoundingMode.HALF_UP);
        return kg.multiply(BigDecimal.valueOf(0.1))
                .setScale(0, RoundingMode.DOWN)
                .longValueExact();
    }

    @Test
    void aProgrammeIssuesPointsAndAParticipantUsesThem() throws Exception {
        Client enterprise = as("enterprise");
        String code = enterprise
                .json(enterprise.get("/api/v1/me"), 200)
                .get("enterprise")
                .asText();
        String name = "浏览器测试碳普惠项目" + System.nanoTime();
        login("province");
        browser.get(url("/inclusion.html"));
        ready();
        visible(By.cssSelector("#icNewBox summary")).click();
        visible(By.id("icName")).sendKeys(name);
        visible(By.id("icRate")).sendKeys("0.1");
        visible(By.id("icRulesIn")).sendKeys("每千克二氧化碳 0.1 分，12 个月内有效");
        browser.findElement(By.id("icCreate")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("icMessage"), "已创建项目"));
        ready();
        assertThat(browser.findElement(By.id("icMethod")).getText())
                .contains("分布式光伏发电")
                .contains("tCO₂/MWh");
        visible(By.id("icCode")).sendKeys(code);
        browser.findElement(By.id("icJoinGo")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("icMessage"), "已登记参与者 " + code));
        ready();

        // two settlement statements: 12.5 MWh in March, 10 MWh in April 2024
        String tag = Long.toString(System.nanoTime());
        Path claims = Files.createTempFile("claims", ".csv");
        Files.writeString(
                claims,
                "participant,source_record,date,activity_mwh,evidence,claimed_elsewhere\n"
                        + code + ",结算单-" + tag + "-03,2024-03-31,12.5,电网结算单 2024-03,否\n"
                        + code + ",结算单-" + tag + "-04,2024-04-30,10,电网结算单 2024-04,否\n",
                StandardCharsets.UTF_8);
        long expected = points(12.5, LocalDate.of(2024, 3, 31)) + points(10, LocalDate.of(2024, 4, 30));
        assertThat(expected)
                .as("two months of a rooftop give some hundreds of points")
                .isBetween(500L, 2000L);
        visible(By.id("icFile")).sendKeys(claims.toString());
        browser.findElement(By.id("icIssue")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(
                By.id("icMessage"), "已签发 2 条记录，共 " + expected + " 分"));
        ready();
        assertThat(browser.findElement(By.id("icParticipantTable")).getText()).contains(code);

        // the same statements again: a reduction is counted once; a statement claimed as a green certificate: refused
        browser.findElement(By.id("icFile")).clear();
        browser.findElement(By.id("icFile")).sendKeys(claims.toString());
        browser.findElement(By.id("icIssue")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("icMessage"), "该记录已签发，减排量只计一次"));
        Path elsewhere = Files.createTempFile("claims-elsewhere", ".csv");
        Files.writeString(
                elsewhere,
                "participant,source_record,date,activity_mwh,evidence,claimed_elsewhere\n" + code + ",结算单-" + tag
                        + "-05,2024-05-31,9,电网结算单 2024-05,是\n",
                StandardCharsets.UTF_8);
        browser.findElement(By.id("icFile")).clear();
        browser.findElement(By.id("icFile")).sendKeys(elsewhere.toString());
        browser.findElement(By.id("icIssue")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("icMessage"), "该记录已在其他机制中申领"));

        // the participant reads its ledger and uses 100 points; 10 million more are refused
        Client province = as("province");
        long id = 0;
        for (JsonNode p : province.json(province.get("/api/v1/inclusion/programmes"), 200)) {
            if (p.get("name").asText().equals(name)) {
                id = p.get("id").asLong();
            }
        }
        login("enterprise");
        browser.get(url("/inclusion.html?programme=" + id));
        ready();
        assertThat(visible(By.id("icBalance")).getText()).isEqualTo("当前积分余额 " + expected + " 分");
        assertThat(browser.findElement(By.id("icEntryTable")).getText()).contains("签发");
        visible(By.id("icUsePoints")).sendKeys("100");
        visible(By.id("icPurpose")).sendKeys("兑换公交乘车券");
        browser.findElement(By.id("icUseGo")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(
                By.id("icMessage"), "已使用，余额 " + (expected - 100) + " 分"));
        ready();
        assertThat(visible(By.id("icBalance")).getText()).isEqualTo("当前积分余额 " + (expected - 100) + " 分");
        visible(By.id("icUsePoints")).clear();
        visible(By.id("icUsePoints")).sendKeys("10000000");
        visible(By.id("icPurpose")).sendKeys("x");
        browser.findElement(By.id("icUseGo")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("icMessage"), "积分余额不足"));
        // another enterprise cannot use them, nor issue points
        Client other = as("enterprise2");
        assertThat(other.post(
                                "/api/v1/inclusion/programmes/" + id + "/participants/" + code + "/uses",
                                "{\"points\":1,\"purpose\":\"x\"}")
                        .statusCode())
                .isEqualTo(403);
        // the operator's export: the issuances and the use, the balance after each
        String csv = new String(
                province.getBytes("/api/v1/inclusion/programmes/" + id + "/ledger.csv"), StandardCharsets.UTF_8);
        assertThat(csv).contains(code).contains(",ISSUE,").contains(",USE,-100," + (expected - 100));
    }
}
