package dev.peakline.app.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/**
 * The competent authority allocates a year in the browser — pre-allocation, then the true-up with the obligation — and
 * sees the enterprise short; the enterprise reads its obligation, surrenders what it holds and is told, in Chinese,
 * why a surrender it cannot make is refused.
 */
class MarketsBrowserIT extends BrowserTest {
    void ready() {
        wait.until(d -> "true".equals(d.findElement(By.tagName("body")).getAttribute("data-ready")));
    }

    /** Waits for the element to say the text; on timeout, says what the page showed. */
    void says(String id, String text) {
        try {
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id(id), text));
        } catch (org.openqa.selenium.TimeoutException e) {
            throw new AssertionError(
                    "#" + id + " never said '" + text + "'; the page:\n"
                            + browser.findElement(By.tagName("body")).getText(),
                    e);
        }
    }

    @Test
    void anAllocationIsIssuedTrueUpAndTheEnterpriseSurrenders() throws Exception {
        Client enterprise = as("enterprise2");
        String code = enterprise
                .json(enterprise.get("/api/v1/me"), 200)
                .get("enterprise")
                .asText();
        String name = enterprise
                .json(enterprise.get("/api/v1/search/enterprises?q=" + code), 200)
                .get(0)
                .get("name")
                .asText();
        // a 300MW+ air-cooled coal unit of the enterprise (Zunyi, 520300), its 2021 and 2022 output
        Client province = as("province");
        province.json(
                province.post(
                        "/api/v1/markets/units",
                        "{\"unitId\":\"ZY-T1\",\"enterprise\":\"" + code + "\",\"name\":\"1号机组\","
                                + "\"fuelClass\":\"coal_300plus\",\"cooling\":\"空冷\",\"capacityMw\":350}"),
                201);
        province.json(
                province.put(
                        "/api/v1/markets/units/ZY-T1/years/2021",
                        "{\"supplyMwh\":2000000,\"heatGj\":0,\"heatRatio\":0,\"loadFactor\":0.9}"),
                200);
        province.json(
                province.put(
                        "/api/v1/markets/units/ZY-T1/years/2022",
                        "{\"supplyMwh\":2200000,\"heatGj\":1000000,\"heatRatio\":0.1,\"loadFactor\":0.8,"
                                + "\"verifiedT\":2100000}"),
                200);

        login("province");
        browser.get(url("/markets.html?region=520300"));
        ready();
        assertThat(browser.findElement(By.tagName("nav")).getText()).contains("碳市场履约");
        // pre-allocation of 2022 on 2021's output at 2022's benchmark: 2,000,000 × 0.8177 × 1.05 = 1,717,170;
        // 70 % = 1,202,019 t
        new Select(visible(By.id("mkYear"))).selectByValue("2022");
        new Select(visible(By.id("mkStage"))).selectByValue("pre");
        browser.findElement(By.id("mkPreview")).click();
        says("mkPreviewed", "试算完成：1 家企业，本次发放合计 1,202,019 吨");
        assertThat(browser.findElement(By.id("mkRunTable")).getText()).contains(name, "1,202,019");
        visible(By.cssSelector("#mkUnitsBox summary")).click();
        assertThat(visible(By.id("mkLineTable")).getText())
                .contains("300MW等级以上常规燃煤机组", "预分配量 = 70% × 1,717,170 = 1,202,019 tCO2", "冷却方式修正系数 = 1.05（空冷）");
        browser.findElement(By.id("mkIssue")).click();
        wait.until(
                ExpectedConditions.textToBePresentInElementLocated(By.id("mkIssuedDone"), "已发放：1 家企业，合计 1,202,019 吨"));

        // the true-up on 2022's own output: 2,200,000 × 0.8177 × 1.05 × (1 − 0.22 × 0.1) × 1.007 (load 80 %) =
        // 1,860,262.8, + 1,000,000 GJ × 0.1105 = 110,500 → 1,970,763 t; 1,970,763 − 1,202,019 = 768,744 more. Verified
        // 2,100,000: the shortfall 129,237 is 6.2 % (under the 20 % cap), so 2,100,000 is due
        new Select(visible(By.id("mkStage"))).selectByValue("final");
        browser.findElement(By.id("mkPreview")).click();
        says("mkPreviewed", "本次发放合计 768,744 吨");
        assertThat(browser.findElement(By.id("mkRunTable")).getText()).contains("1,970,763", "768,744", "2,100,000");
        assertThat(visible(By.id("mkDeadline")).getAttribute("value")).matches("\\d{4}-\\d{2}-\\d{2}");
        browser.findElement(By.id("mkIssue")).click();
        says("mkIssuedDone", "合计 768,744 吨");
        ready();
        String overview = visible(By.id("mkObligationTable")).getText();
        assertThat(overview).contains(name, "2,100,000", "1,970,763", "129,237", "配额不足");
        assertThat(browser.findElement(By.tagName("main")).getText())
                .doesNotContain("PREVIEW", "ISSUED", "short", "cea", "coal_300plus");

        // the enterprise: its obligation, its holding, the surrender
        login("enterprise2");
        browser.get(url("/markets.html?code=" + code));
        ready();
        assertThat(visible(By.id("mkMineTable")).getText()).contains("2022", "2,100,000", "129,237", "配额不足");
        assertThat(browser.findElement(By.id("mkHoldingTable")).getText()).contains("全国碳排放配额", "1,970,763 tCO2");
        assertThat(visible(By.id("mkVintage")).getAttribute("value")).isEqualTo("2022");
        visible(By.id("mkQuantity")).sendKeys("1970763");
        browser.findElement(By.id("mkSurrenderGo")).click();
        says("mkSurrendered", "已清缴 1,970,763 吨");
        ready();
        String mine = browser.findElement(By.id("mkMineTable")).getText();
        assertThat(mine).contains("1,970,763", "129,237", "配额不足");
        assertThat(browser.findElement(By.id("mkMovementTable")).getText()).contains("分配", "应清缴", "清缴");
        // 100,000 more is not held: refused, said in Chinese, nothing booked
        visible(By.id("mkQuantity")).sendKeys("100000");
        browser.findElement(By.id("mkSurrenderGo")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("mkError")));
        assertThat(browser.findElement(By.id("mkError")).getText()).contains("余额不足，不能透支");
        // and more than is still due is refused too
        visible(By.id("mkQuantity")).clear();
        visible(By.id("mkQuantity")).sendKeys("200000");
        browser.findElement(By.id("mkSurrenderGo")).click();
        says("mkError", "清缴量超过尚需清缴的数量");
        // the account holds four allowance movements (two allocations, the obligation, the surrender): the refusals
        // booked
        // nothing
        var account = enterprise.json(enterprise.get("/api/v1/markets/accounts/" + code), 200);
        int cea = 0;
        for (JsonNode m : account.get("movements")) {
            cea += m.get("instrument").asText().equals("cea") ? 1 : 0;
        }
        assertThat(cea).isEqualTo(4);
        assertThat(account.get("obligations").get(0).get("surrenderedT").asDouble())
                .isEqualTo(1_970_763);
        assertThat(account.get("obligations").get(0).get("shortfallT").asDouble())
                .isEqualTo(129_237);
    }

    @Test
    void aGreenCertificateRetiredLowersTheMarketBasedScope2() throws Exception {
        Client enterprise = as("enterprise");
        String code = enterprise
                .json(enterprise.get("/api/v1/me"), 200)
                .get("enterprise")
                .asText();
        Client guiyang = as("guiyang");
        // the national system issued 2,000 MWh of 2024 certificates (serials 7,000,001–7,002,000) to the enterprise
        guiyang.json(
                guiyang.post(
                        "/api/v1/markets/accounts/" + code + "/certificates",
                        "{\"vintage\":2024,\"quantityMwh\":2000,\"serialFrom\":7000001,\"serialTo\":7002000,"
                                + "\"plant\":\"威宁风电场\",\"period\":\"2024-06\"}"),
                201);
        // a period outside the vintage, and serials already issued, are refused
        guiyang.json(
                guiyang.post(
                        "/api/v1/markets/accounts/" + code + "/certificates",
                        "{\"vintage\":2024,\"quantityMwh\":10,\"serialFrom\":7001991,\"serialTo\":7002000,"
                                + "\"plant\":\"威宁风电场\",\"period\":\"2023-06\"}"),
                422);
        assertThat(guiyang.json(
                                guiyang.post(
                                        "/api/v1/markets/accounts/" + code + "/certificates",
                                        "{\"vintage\":2024,\"quantityMwh\":10,\"serialFrom\":7001991,"
                                                + "\"serialTo\":7002000,\"plant\":\"威宁风电场\",\"period\":\"2024-07\"}"),
                                422)
                        .toString())
                .contains("ledger.serial_twice");
        JsonNode before =
                enterprise.json(enterprise.get("/api/v1/markets/accounts/" + code + "/scope2?year=2024"), 200);
        double location = before.get("electricityLocationT").asDouble();
        double factor = before.get("gridFactor").asDouble();
        assertThat(location).isGreaterThan(1_500 * factor);
        // (consumption − 0) × factor: the location figure, to rounding
        assertThat(before.get("electricityMarketT").asDouble())
                .isCloseTo(location, org.assertj.core.api.Assertions.within(1e-6));

        login("enterprise");
        browser.get(url("/markets.html?code=" + code + "&year=2024"));
        ready();
        assertThat(visible(By.id("mkHoldingTable")).getText()).contains("绿色电力证书", "2,000 MWh");
        // 1,500 MWh retired for 2024: market-based = location − 1,500 × the grid factor
        visible(By.id("mkRetireVintage")).sendKeys("2024");
        visible(By.id("mkRetireMwh")).sendKeys("1500");
        visible(By.id("mkRetireFrom")).sendKeys("7000001");
        visible(By.id("mkRetireTo")).sendKeys("7001500");
        browser.findElement(By.id("mkRetireGo")).click();
        says("mkRetired", "已注销 1,500 MWh 绿证，用于 2024 年");
        ready();
        double market = location - 1_500 * factor;
        String sheet = visible(By.id("mkScope2Table")).getText();
        assertThat(sheet).contains("1,500.0", String.format(java.util.Locale.US, "%,.1f", market));
        JsonNode after = enterprise.json(enterprise.get("/api/v1/markets/accounts/" + code + "/scope2?year=2024"), 200);
        assertThat(after.get("electricityMarketT").asDouble())
                .isCloseTo(market, org.assertj.core.api.Assertions.within(1e-6));
        // the carbon account shows it beside the location-based scope 2
        browser.get(url("/enterprise.html?code=" + code + "&year=2024"));
        wait.until(d -> !d.findElement(By.cssSelector("#scope2-market .value"))
                .getText()
                .equals("…"));
        assertThat(browser.findElement(By.id("scope2-market")).getText())
                .contains(
                        "范围二（市场法）",
                        String.format(
                                java.util.Locale.US,
                                "%,.1f",
                                after.get("scope2MarketT").asDouble()));
        // the group report and the product footprint take the same certificates off their scope 2
        double reduction = location - market;
        JsonNode group = enterprise.json(
                enterprise.get("/api/v1/enterprises/" + code + "/disclosure?year=2024&approach=operational-control"),
                200);
        double groupLocation = group.get("total").get("scope2Location").asDouble();
        assertThat(group.get("total").get("scope2Market").asDouble())
                .isCloseTo(groupLocation - reduction, org.assertj.core.api.Assertions.within(1e-6));
        JsonNode products =
                enterprise.json(enterprise.get("/api/v1/enterprises/" + code + "/footprints/products?year=2024"), 200);
        assertThat(products.get("scope2").asDouble())
                .isCloseTo(
                        products.get("scope2Location").asDouble() - reduction,
                        org.assertj.core.api.Assertions.within(1e-6));
        // a 2024 certificate cannot count for 2026 (its year or the next only)
        assertThat(enterprise
                        .json(
                                enterprise.post(
                                        "/api/v1/markets/accounts/" + code + "/retire",
                                        "{\"instrument\":\"gec\",\"vintage\":2024,\"quantity\":10,"
                                                + "\"serialFrom\":7001501,\"serialTo\":7001510,\"forYear\":2026}"),
                                422)
                        .toString())
                .contains("forYear");
    }

    @Test
    void theAuthorityAllocatesEnergyUseRightsByHistory() {
        // the province: 2025 rights of its key energy-using units on 2023, less 3 %, at 5 yuan/tce
        login("province");
        browser.get(url("/markets.html?region=520000"));
        ready();
        visible(By.id("mkEnergyYear")).sendKeys("2025");
        new Select(visible(By.id("mkEnergyRule"))).selectByValue("historical");
        visible(By.id("mkEnergyBase")).sendKeys("2023");
        visible(By.id("mkEnergyPrice")).clear();
        visible(By.id("mkEnergyPrice")).sendKeys("5");
        browser.findElement(By.id("mkEnergyPreview")).click();
        says("mkEnergyPreviewed", "试算完成：");
        String table = visible(By.id("mkEnergyTable")).getText();
        assertThat(table).contains("历史法：基准年 [2023] 扣除原料用能后的综合能耗均值 × (1 − 0.03)");
        // the first unit's paid use is its quota × 5 yuan
        String first =
                browser.findElements(By.cssSelector("#mkEnergyTable tr")).get(1).getText();
        assertThat(first).contains("tce");
        browser.findElement(By.id("mkEnergyBook")).click();
        says("mkEnergyBooked", "已发放：");
        assertThat(browser.findElement(By.id("mkEnergyBooked")).getText()).contains("家重点用能单位，合计");
        // a second allocation of the same year finds nobody left, said in Chinese
        browser.findElement(By.id("mkEnergyBook")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("mkError")));
        assertThat(browser.findElement(By.id("mkError")).getText()).contains("碳市场与履约数据有误");
    }

    private void setDate(String id, String value) {
        ((org.openqa.selenium.JavascriptExecutor) browser)
                .executeScript("arguments[0].value = arguments[1]", visible(By.id(id)), value);
    }

    private void openProject(String id) {
        wait.until(d -> d.findElements(By.cssSelector("#mkProjectTable button.link")).stream()
                .anyMatch(b -> b.getText().equals(id)));
        browser.findElements(By.cssSelector("#mkProjectTable button.link")).stream()
                .filter(b -> b.getText().equals(id))
                .findFirst()
                .orElseThrow()
                .click();
        says("mkProjectTitle", id);
        ready();
    }

    @Test
    void anAfforestationProjectIsValidatedVerifiedIssuedAndRetiredForInclusion() {
        Client enterprise = as("enterprise");
        String code = enterprise
                .json(enterprise.get("/api/v1/me"), 200)
                .get("enterprise")
                .asText();
        // the owner registers the project
        login("enterprise");
        browser.get(url("/markets.html?code=" + code));
        ready();
        visible(By.id("mkPId")).sendKeys("GY-BT1");
        visible(By.id("mkPName")).sendKeys("乌当区造林碳汇项目");
        new Select(visible(By.id("mkPMethod"))).selectByValue("CCER-14-001-V01");
        visible(By.id("mkPRegion")).sendKeys("520112");
        visible(By.id("mkPLocation")).sendKeys("乌当区");
        setDate("mkPFrom", "2021-01-01");
        setDate("mkPTo", "2050-12-31");
        browser.findElement(By.id("mkPRegister")).click();
        says("mkProjectDone", "项目已登记");
        ready();
        assertThat(visible(By.id("mkProjectFactTable")).getText()).contains("造林碳汇", "已登记，待审定", "国家核证自愿减排量");

        // the verifier validates it
        login("verifier");
        browser.get(url("/markets.html?region=520100"));
        ready();
        openProject("GY-BT1");
        visible(By.id("mkPValidate")).click();
        says("mkProjectDone", "项目已审定");

        // the owner's monitoring report of 2024: 1,000 ha × 6 m³/ha·yr × 0.6 × (1 + 0.25) × 0.5 × 44/12 = 8,250 t a
        // year, whole 2024, − baseline 200 − leakage 50 = 8,000 t
        login("enterprise");
        browser.get(url("/markets.html?code=" + code));
        ready();
        openProject("GY-BT1");
        setDate("mkRFrom", "2024-01-01");
        setDate("mkRTo", "2024-12-31");
        String[][] in = {
            {"area_ha", "1000"},
            {"increment_m3_ha_yr", "6"},
            {"bcef", "0.6"},
            {"root_shoot", "0.25"},
            {"carbon_fraction", "0.5"},
            {"baseline_t", "200"},
            {"leakage_t", "50"}
        };
        for (String[] x : in) {
            visible(By.id("mkRI_" + x[0])).sendKeys(x[1]);
        }
        browser.findElement(By.id("mkRSubmit")).click();
        says("mkReportDone", "已提交监测报告：可签发 8,000 tCO₂e，待核查");
        ready();
        assertThat(visible(By.id("mkReportTable")).getText()).contains("= 8,250 tCO2/年", "待核查");
        // the same period again is refused, said in Chinese
        browser.findElement(By.id("mkRSubmit")).click();
        says("mkError", "监测期与已提交的监测报告重叠");

        // the verifier confirms the 8,000 t
        login("verifier");
        browser.get(url("/markets.html?region=520100"));
        ready();
        openProject("GY-BT1");
        visible(By.cssSelector("#mkReportTable button[id^=mkVerify]")).click();
        says("mkProjectDone", "已核查通过");

        // Guiyang issues them into the owner's account with serials
        login("guiyang");
        browser.get(url("/markets.html?region=520100"));
        ready();
        openProject("GY-BT1");
        visible(By.cssSelector("#mkReportTable button[id^=mkIssueReport]")).click();
        says("mkProjectDone", "已签发减排量并记入业主账户");
        ready();
        String issued = visible(By.id("mkReportTable")).getText();
        assertThat(issued).contains("已签发", "8,000");
        assertThat(visible(By.id("mkProjectFactTable")).getText()).contains("8,000");
        JsonNode p = enterprise.json(enterprise.get("/api/v1/markets/projects/GY-BT1"), 200);
        long from = p.get("reports").get(0).get("serialFrom").asLong();
        assertThat(p.get("reports").get(0).get("serialTo").asLong() - from + 1).isEqualTo(8_000);

        // the owner holds 8,000 CCER of 2024 and retires 500 for 碳普惠
        login("enterprise");
        browser.get(url("/markets.html?code=" + code));
        ready();
        assertThat(visible(By.id("mkHoldingTable")).getText()).contains("国家核证自愿减排量", "8,000");
        new Select(visible(By.id("mkCRInstrument"))).selectByValue("ccer");
        new Select(visible(By.id("mkCRPurpose"))).selectByValue("inclusion");
        visible(By.id("mkCRVintage")).sendKeys("2024");
        visible(By.id("mkCRQuantity")).sendKeys("500");
        visible(By.id("mkCRFrom")).sendKeys(String.valueOf(from));
        visible(By.id("mkCRTo")).sendKeys(String.valueOf(from + 499));
        browser.findElement(By.id("mkCRGo")).click();
        says("mkCreditsRetired", "已注销 500 吨，用于碳普惠");
        ready();
        assertThat(visible(By.id("mkHoldingTable")).getText()).contains("7,500");
        assertThat(browser.findElement(By.tagName("main")).getText())
                .doesNotContain("submitted", "verified", "issued", "provincial_credit", "inclusion");
    }
}
