package dev.peakline.app.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.peakline.domain.ChinaTime;
import dev.peakline.domain.CreditCode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Alert;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/**
 * A provincial analyst's and the administrator's day in the browser, each task as a person does it: drill from the
 * province map to a county to an enterprise; list and export who has not filed a month; find an enterprise by part of
 * its name; set a target, decompose it and read its warning; move a two-high project through its lifecycle; import
 * region statistics with a bad row; create a city's government user and see it limited to the city; revoke a token and
 * see it refused.
 */
class AnalystBrowserIT extends BrowserTest {

    /** The region's largest emitter of 2024 (the demo's approved year), as the drill-down lists it. */
    JsonNode largest(String region) {
        Client province = as("province");
        return province.json(province.get("/api/v1/regions/" + region + "/enterprises?year=2024&limit=1"), 200)
                .get(0);
    }

    /** The dashboard has drawn the region and year (its last request answered). */
    void dashboardReady(String region, String year) {
        wait.until(d ->
                (region + "|" + year).equals(d.findElement(By.tagName("body")).getAttribute("data-ready")));
    }

    /** Clicks a region's name on the dashboard's map (an SVG drawing: the label sits on its shape). */
    void clickOnMap(String name) {
        WebElement label = wait.until(d -> d.findElements(By.xpath("//div[@id='map']//*[local-name()='text']")).stream()
                .filter(e -> e.getText().equals(name))
                .findFirst()
                .orElse(null));
        label.click();
    }

    @Test
    void anAnalystDrillsFromTheProvinceMapToACountyToAnEnterprise() {
        // a Guiyang enterprise with approved 2024 months, and the county it is registered in
        Client province = as("province");
        JsonNode top = largest("520100");
        String enterprise = top.get("enterprise").asText();
        String county = province.json(province.get("/api/v1/enterprises/" + enterprise), 200)
                .get("region")
                .asText();
        String countyName = province.json(province.get("/api/v1/regions/" + county), 200)
                .get("name")
                .asText();
        assertThat(county).startsWith("5201").isNotEqualTo("520100");

        login("province");
        browser.get(url("/dashboard.html?region=520000&year=2024"));
        dashboardReady("520000", "2024");
        // the province's nine cities on the map, the full names of 黔南 and 黔西南 both readable in the region chart
        assertThat(visible(By.id("mapIndicatorName")).getText()).isEqualTo("已填报企业直接排放（范围一）");
        clickOnMap("贵阳市");
        dashboardReady("520100", "2024");
        assertThat(visible(By.id("crumbs")).getText()).contains("贵州省").contains("贵阳市");
        clickOnMap(countyName);
        dashboardReady(county, "2024");
        // a county has no subdivisions to draw: its enterprises are listed, largest first, with their figures
        assertThat(visible(By.id("mapNote")).getText()).contains("没有下级行政区划图");
        WebElement row = visible(By.xpath(
                "//table[@id='drillTable']//td[text()='" + top.get("name").asText() + "']"));
        String total = row.findElement(By.xpath("following-sibling::td[2]")).getText();
        // the row's figure is the enterprise's 2024 scope 1 + 2, in whole tonnes
        assertThat(Double.parseDouble(total.replace(",", "")))
                .isCloseTo(top.get("total").asDouble(), org.assertj.core.data.Offset.offset(0.5));
        row.click();
        wait.until(ExpectedConditions.urlContains("/enterprise.html?code=" + enterprise));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(
                By.tagName("body"), top.get("name").asText()));
    }

    @Test
    void anAnalystListsAndExportsTheEnterprisesThatHaveNotFiledAMonth() throws Exception {
        // an enterprise registered in Guiyang with a contact, that has filed nothing
        String code = "91520102MA7TXP0K1";
        code = code + CreditCode.checkCharacter(code);
        Client admin = as("admin");
        admin.json(
                admin.post(
                        "/api/v1/admin/enterprises",
                        "{\"code\":\"" + code + "\",\"name\":\"未填报测试建材有限公司\",\"region\":\"520102\","
                                + "\"industry\":\"3011\",\"keyEnergyUnit\":true,\"contactPerson\":\"王能源\","
                                + "\"contactPhone\":\"0851-85551234\"}"),
                201);
        login("province");
        browser.get(url("/dashboard.html?region=520100&year=2024"));
        dashboardReady("520100", "2024");
        new Select(visible(By.id("unfiledMonth"))).selectByValue("2024-06");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("unfiledSummary"), "2024-06"));
        visible(By.cssSelector("#unfiled input.search")).sendKeys("未填报测试");
        WebElement row = visible(By.xpath("//table[@id='unfiledTable']//td[text()='未填报测试建材有限公司']/.."));
        // due on 15 July 2024; every day since then counts (the server's clock)
        long late = ChronoUnit.DAYS.between(LocalDate.of(2024, 7, 15), LocalDate.now(clock.withZone(ChinaTime.ZONE)));
        assertThat(row.getText())
                .contains(code)
                .contains("王能源 0851-85551234")
                .contains("逾期未填报")
                .contains(String.format(java.util.Locale.ROOT, "%,d", late));
        assertThat(visible(By.id("unfiledSummary")).getText())
                .contains("2024-06")
                .contains("截止 2024-07-15");
        assertThat(visible(By.id("coverageRegions")).getText()).contains("云岩区");

        visible(By.id("unfiledX")).click();
        Path file = wait.until(d -> {
            try (var files = Files.list(downloads)) {
                return files.filter(p -> p.getFileName().toString().equals("unfiled-520100-2024-06.xlsx"))
                        .findFirst()
                        .orElse(null);
            } catch (java.io.IOException e) {
                return null;
            }
        });
        wait.until(d -> {
            try {
                return Files.size(file) > 0;
            } catch (java.io.IOException e) {
                return false;
            }
        });
        boolean found = false;
        try (var wb = new org.apache.poi.xssf.usermodel.XSSFWorkbook(Files.newInputStream(file))) {
            for (var r : wb.getSheetAt(0)) {
                if (r.getCell(0) != null && r.getCell(0).toString().equals("未填报测试建材有限公司")) {
                    found = true;
                    assertThat(r.getCell(1).toString()).isEqualTo(code);
                    assertThat(r.getCell(4).toString()).isEqualTo("王能源");
                    assertThat(r.getCell(7).toString()).isEqualTo("逾期未填报");
                    assertThat((long) r.getCell(8).getNumericCellValue()).isEqualTo(late);
                }
            }
        }
        assertThat(found).as("the exported list names the enterprise").isTrue();
    }

    @Test
    void anAnalystFindsAnEnterpriseByPartOfItsName() {
        JsonNode e = largest("520000");
        String name = e.get("name").asText();
        // a part from the middle of the name, as one remembers it
        String part = name.substring(2, Math.min(name.length(), 6));
        login("province");
        browser.get(url("/steering.html?region=520000&year=2024"));
        visible(By.id("enterpriseSearch")).sendKeys(part);
        WebElement hit = visible(By.xpath("//div[@id='searchResults']//a[strong[text()='" + name + "']]"));
        assertThat(hit.getText()).contains(e.get("enterprise").asText()).contains("贵州省");
        hit.click();
        wait.until(ExpectedConditions.urlContains(
                "/enterprise.html?code=" + e.get("enterprise").asText()));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), name));
    }

    @Test
    void anAnalystSetsATargetDecomposesItToTheCitiesAndReadsItsWarning() {
        login("province");
        browser.get(url("/steering.html?region=520000&year=2024#targets"));
        wait.until(d -> "true".equals(d.findElement(By.tagName("body")).getAttribute("data-ready")));
        new Select(visible(By.id("tgIndicator"))).selectByValue("ENERGY_INTENSITY");
        setValue("tgBase", "2021");
        setValue("tgTarget", "2026");
        setValue("tgValue", "14");
        setValue("tgDocument", "浏览器测试分解文件");
        browser.findElement(By.id("tgCreate")).click();
        // the decomposition opens on the new target; the cities' values proposed from 2021 statistics
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("dcTitle"), "2021—2026"));
        visible(By.id("dcUniform")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("dcProblems"), "与上级目标一致"));
        List<WebElement> inputs = browser.findElements(By.cssSelector("#dcTable input[data-region]"));
        assertThat(inputs).hasSize(9);
        assertThat(inputs.get(0).getAttribute("value")).isEqualTo("14");
        // one city given far less: the check says so as one types, and nothing is stored
        inputs.get(0).clear();
        inputs.get(0).sendKeys("1");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("dcProblems"), "与上级目标不一致"));
        inputs.get(0).clear();
        inputs.get(0).sendKeys("14");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("dcProblems"), "与上级目标一致"));
        browser.findElement(By.id("dcSave")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("pageMessage"), "已保存分解（9 个地区）"));
        // the target and its nine children in the list, each with its 2024 warning in words
        WebElement search = visible(By.cssSelector("#targetList input.search"));
        search.sendKeys("2021—2026");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#targetList .count"), "共 10 条"));
        String list = browser.findElement(By.id("targetTable")).getText();
        assertThat(list).contains("浏览器测试分解文件").contains("单位地区生产总值能耗降低").contains("14.00%");
        assertThat(list).containsPattern("(绿色·三级预警|橙色·二级预警|红色·一级预警)");
        assertThat(list).doesNotContain("ENERGY_INTENSITY").doesNotContain("NO_DATA");
        // the stored children: 14 % each, from the new target
        Client province = as("province");
        JsonNode views = province.json(province.get("/api/v1/targets/regions/520000?year=2024"), 200);
        long children = 0;
        for (JsonNode v : views) {
            if (v.get("target").get("document").asText().contains("浏览器测试分解文件")
                    && v.get("target").hasNonNull("parentId")) {
                children++;
                assertThat(v.get("target").get("value").asDouble()).isEqualTo(0.14);
            }
        }
        assertThat(children).isEqualTo(9);
    }

    @Test
    void anAnalystMovesATwoHighProjectThroughItsLifecycle() {
        // the enterprise that builds it (an operating project's actual figures come from its filings)
        String builder = largest("520000").get("enterprise").asText();
        login("province");
        browser.get(url("/steering.html?region=520000&year=2024#projects"));
        wait.until(d -> "true".equals(d.findElement(By.tagName("body")).getAttribute("data-ready")));
        setValue("npName", "浏览器测试电解铝项目");
        setValue("npEnterprise", builder);
        setValue("npIndustry", "3216");
        new Select(visible(By.id("npProduct"))).selectByValue("电解铝");
        assertThat(visible(By.id("npUnit")).getText()).isEqualTo("t/a");
        setValue("npCapacity", "100000");
        setValue("npEnergy", "160000");
        setValue("npCo2", "700000");
        setValue("npValue", "13400");
        browser.findElement(By.cssSelector("#projectForm button[type=submit]")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("pjTitle"), "浏览器测试电解铝项目"));
        assertThat(visible(By.id("pjStatus")).getText()).contains("拟建");
        move("UNDER_REVIEW", "节能审查中", null);
        setValue("pjDocument", "黔发改环资〔2026〕1号");
        move("APPROVED", "审查通过", null);
        move("UNDER_CONSTRUCTION", "在建", null);
        move("OPERATING", "已投产", "2026-06-30");
        assertThat(browser.findElements(By.cssSelector("#pjMoves button")))
                .extracting(WebElement::getText)
                .containsExactly("转为：已关停");
        String history = visible(By.id("pjEvents")).getText();
        assertThat(history)
                .contains("节能审查中")
                .contains("审查通过")
                .contains("黔发改环资〔2026〕1号")
                .contains("已投产");
        // its substitution ledger: 100 000 t/a of capacity closed elsewhere
        new Select(visible(By.id("pjKind"))).selectByValue("CAPACITY");
        setValue("pjAmount", "100000");
        setValue("pjSource", "某铝厂关停电解槽");
        browser.findElement(By.cssSelector("#pjSubForm button[type=submit]")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("pjLedger"), "某铝厂关停电解槽"));
        assertThat(browser.findElement(By.id("pjLedger")).getText())
                .contains("产能")
                .contains("100,000.00");
        visible(By.cssSelector("#projectList input.search")).sendKeys("浏览器测试电解铝项目");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("projectTable"), "已投产"));
        // 13 400 kWh/t is above the 13 350 baseline: designed below the baseline level
        assertThat(browser.findElement(By.id("projectTable")).getText()).contains("低于基准水平");
    }

    private void move(String to, String shown, String commissioned) {
        if (commissioned != null) {
            ((JavascriptExecutor) browser)
                    .executeScript("document.getElementById('pjCommissioned').value = arguments[0]", commissioned);
        }
        visible(By.cssSelector("#pjMoves button[data-move=" + to + "]")).click();
        wait.until(d -> d.findElement(By.id("pjStatus")).getText().contains(shown)
                || "error".equals(d.findElement(By.id("pjMessage")).getAttribute("class")));
        assertThat(browser.findElement(By.id("pjMessage")).getAttribute("class"))
                .as(browser.findElement(By.id("pjMessage")).getText())
                .isEqualTo("ok");
        assertThat(browser.findElement(By.id("pjStatus")).getText()).contains(shown);
    }

    @Test
    void anAnalystImportsRegionStatisticsAndSeesTheBadRowNamed() throws Exception {
        login("province");
        browser.get(url("/steering.html?region=520100&year=2024#targets"));
        wait.until(d -> "true".equals(d.findElement(By.tagName("body")).getAttribute("data-ready")));
        Path bad = Files.createTempFile("statistics-bad", ".csv");
        Files.writeString(
                bad,
                "region,year,item,amount,unit,price_base_year\n"
                        + "520100,2017,gdp,3500,亿元,2020\n"
                        + "520100,2017,unobtainium,5,万t,\n"
                        + "520100,2017,bituminous,1,万t,\n",
                StandardCharsets.UTF_8);
        String before = visible(By.cssSelector("#sxList .count")).getText();
        visible(By.id("sxFile")).sendKeys(bad.toString());
        browser.findElement(By.id("sxImport")).click();
        wait.until(ExpectedConditions.attributeToBe(By.id("sxResult"), "class", "error"));
        // the third line's item, named in Chinese; nothing stored
        assertThat(browser.findElement(By.id("sxResult")).getText())
                .contains("第3行 统计项目")
                .contains("unobtainium");
        assertThat(browser.findElement(By.cssSelector("#sxList .count")).getText())
                .isEqualTo(before);
        Path good = Files.createTempFile("statistics-good", ".csv");
        Files.writeString(
                good,
                "region,year,item,amount,unit,price_base_year\n"
                        + "520100,2017,gdp,3500,亿元,2020\n"
                        + "520100,2017,bituminous,1,万t,\n",
                StandardCharsets.UTF_8);
        browser.findElement(By.id("sxFile")).clear();
        browser.findElement(By.id("sxFile")).sendKeys(good.toString());
        browser.findElement(By.id("sxImport")).click();
        wait.until(ExpectedConditions.textToBe(By.id("sxResult"), "已导入 1 个地区年度"));
        // 1 万t of bituminous coal: 10 000 t × 19.570 GJ/t × 26.18 tC/TJ ÷ 1000 × 0.93 × 44/12 = 17 470.88 tCO2 and
        // 10 000 t × 19.570 GJ/t ÷ 29.3076 GJ/tce = 6 677.45 tce; GDP 3 500 亿元 = 35 000 000 万元
        visible(By.cssSelector("#sxList input.search")).sendKeys("2017");
        WebElement row = visible(By.xpath("//table[@id='sxTable']//td[text()='2017']/.."));
        assertThat(row.getText()).contains("35,000,000").contains("6,677").contains("17,471");
    }

    @Test
    void anAdministratorCreatesACityUserWhoSeesOnlyThatCity() {
        login("admin");
        browser.get(url("/admin.html#users"));
        wait.until(d -> "users".equals(d.findElement(By.tagName("body")).getAttribute("data-ready")));
        setValue("nuUsername", "bijie-analyst");
        setValue("nuName", "毕节市分析员");
        new Select(visible(By.id("nuRole"))).selectByValue("GOVERNMENT");
        // first given the wrong city, then corrected in the same form
        new Select(visible(By.id("nuRegion"))).selectByValue("520400");
        setValue("nuPassword", "bijie-ledger-passphrase-2026");
        browser.findElement(By.id("createUser")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("message"), "已创建用户 bijie-analyst"));
        assertThat(browser.findElement(By.id("message")).getText()).contains("安顺市");
        visible(By.cssSelector("#userList input.search")).sendKeys("bijie");
        visible(By.cssSelector("#userTable button[data-user='bijie-analyst'][data-action=edit]"))
                .click();
        new Select(visible(By.id("nuRegion"))).selectByValue("520500");
        browser.findElement(By.id("createUser")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("message"), "已修改用户 bijie-analyst"));
        visible(By.cssSelector("#userList input.search")).sendKeys("bijie");
        assertThat(visible(By.id("userTable")).getText())
                .contains("政府用户")
                .contains("毕节市")
                .contains("启用中");

        login("bijie-analyst", "bijie-ledger-passphrase-2026");
        wait.until(ExpectedConditions.urlContains("/dashboard.html?region=520500"));
        wait.until(d -> String.valueOf(d.findElement(By.tagName("body")).getAttribute("data-ready"))
                .startsWith("520500|"));
        assertThat(visible(By.id("crumbs")).getText()).contains("毕节市");
        // Guiyang is outside the user's scope: refused, in Chinese
        browser.get(url("/dashboard.html?region=520100&year=2024"));
        assertThat(visible(By.id("page-error")).getText()).contains("超出您的权限范围");
        // and the search finds no Guiyang enterprise
        String guiyang = largest("520100").get("name").asText();
        browser.get(url("/dashboard.html?region=520500&year=2024"));
        visible(By.id("enterpriseSearch")).sendKeys(guiyang);
        assertThat(visible(By.id("searchResults")).getText()).isEqualTo("没有符合的企业");
    }

    @Test
    void anAdministratorRevokesATokenAndItIsRefused() {
        Client province = as("province");
        String token = province.json(province.post("/api/v1/me/tokens", "{\"name\":\"浏览器测试脚本\",\"days\":30}"), 201)
                .get("token")
                .asText();
        Client script = anonymous();
        script.bearer = token;
        assertThat(script.get("/api/v1/me").statusCode()).isEqualTo(200);

        login("admin");
        browser.get(url("/admin.html#tokens"));
        wait.until(d -> "tokens".equals(d.findElement(By.tagName("body")).getAttribute("data-ready")));
        visible(By.cssSelector("#tokenList input.search")).sendKeys("浏览器测试脚本");
        WebElement row = visible(By.xpath("//table[@id='tokenTable']//td[text()='浏览器测试脚本']/.."));
        // its owner, kind and the use just made of it
        assertThat(row.getText())
                .contains("接口令牌")
                .contains("province")
                .contains("有效")
                .doesNotContain("从未使用");
        row.findElement(By.cssSelector("button[data-token]")).click();
        Alert confirm = wait.until(ExpectedConditions.alertIsPresent());
        confirm.accept();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("message"), "已撤销令牌 浏览器测试脚本"));
        assertThat(script.get("/api/v1/me").statusCode()).isEqualTo(401);
        WebElement after = visible(By.xpath("//table[@id='tokenTable']//td[text()='浏览器测试脚本']/.."));
        assertThat(after.getText()).contains("已撤销");
    }

    @Test
    void anAnalystFindsTheFailingMetersOfARegionAndReadsAMetersDays() {
        login("province");
        browser.get(url("/monitoring.html?region=520100"));
        wait.until(d -> "true".equals(d.findElement(By.tagName("body")).getAttribute("data-ready")));
        wait.until(d ->
                !d.findElements(By.cssSelector("#main tr[data-enterprise]")).isEmpty());
        // the demo's silent meter fails its enterprise this month; the list shows it in words, the trend beside it
        assertThat(browser.findElement(By.id("main")).getText()).contains("未达标");
        assertThat(visible(By.id("asof")).getText()).contains("中断表计");
        assertThat(visible(By.id("trendPanel")).isDisplayed()).isTrue();
        visible(By.id("failingOnly")).click();
        wait.until(d -> d.findElements(By.cssSelector("#main tr[data-enterprise]")).stream()
                .allMatch(r -> r.getText().endsWith("未达标")));
        // the failing enterprises with silent meters come first; the last has data that failed another rule (the
        // page redraws every 10 s, so the link is read and followed in one step)
        String href = (String) ((JavascriptExecutor) browser)
                .executeScript("const a = [...document.querySelectorAll('#main tr[data-enterprise] a')];"
                        + " return a[a.length - 1].getAttribute('href');");
        String enterprise = href.replaceAll(".*code=([0-9A-Z]{18}).*", "$1");
        browser.get(url(href));
        wait.until(d -> "true".equals(d.findElement(By.tagName("body")).getAttribute("data-ready")));
        // the month's metered consumption against the filing, and a meter's days
        assertThat(visible(By.id("reconPanel")).isDisplayed()).isTrue();
        assertThat(browser.getCurrentUrl()).contains(enterprise);
        wait.until(d -> (Boolean) ((JavascriptExecutor) d)
                .executeScript("const r = [...document.querySelectorAll('#main tr[data-meter]')]"
                        + ".find(x => !/(中断|已拆除)$/.test(x.innerText.trim()));"
                        + " if (r) { r.click(); } return !!r;"));
        wait.until(d -> d.findElements(By.cssSelector("#meterDays tr")).size() > 1);
        String days = browser.findElement(By.id("meterDays")).getText();
        assertThat(days)
                .contains("日期")
                .contains("用量")
                .containsPattern("\\d{4}-\\d{2}-\\d{2}")
                .contains("%");
    }

    @Test
    void anAnalystRegistersAFacilityOfAnEnterpriseAndItsRenovationPlan() {
        String code = largest("520100").get("enterprise").asText();
        login("province");
        browser.get(url("/enterprise.html?code=" + code + "&year=2024"));
        wait.until(d -> "ready".equals(d.findElement(By.tagName("body")).getAttribute("data-facilities")));
        setValue("faName", "浏览器测试电解槽系列");
        setValue("faEquipment", "电解槽");
        new Select(visible(By.id("faProduct"))).selectByValue("电解铝");
        assertThat(visible(By.id("faUnit")).getText()).isEqualTo("t/a");
        setValue("faCapacity", "-5");
        browser.findElement(By.id("faSave")).click();
        // a negative capacity is refused by field, in Chinese, and nothing is stored
        wait.until(ExpectedConditions.attributeToBe(By.id("faMessage"), "class", "error"));
        assertThat(browser.findElement(By.id("faMessage")).getText()).contains("产能");
        assertThat(browser.findElement(By.id("facilityTable")).getText()).doesNotContain("浏览器测试电解槽系列");
        setValue("faCapacity", "200000");
        browser.findElement(By.id("faSave")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("facilityTable"), "浏览器测试电解槽系列"));
        assertThat(browser.findElement(By.id("facilityTable")).getText()).contains("200,000 t/a");
        // its renovation plan, then under way
        new Select(visible(By.id("plFacility"))).selectByVisibleText("浏览器测试电解槽系列");
        setValue("plMeasure", "更换石墨化阴极");
        setValue("plTarget", "13000");
        ((JavascriptExecutor) browser)
                .executeScript("document.getElementById('plDeadline').value = arguments[0]", "2027-06-30");
        browser.findElement(By.id("plSave")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("planTable"), "更换石墨化阴极"));
        WebElement status = visible(By.xpath("//table[@id='planTable']//td[text()='更换石墨化阴极']/..//select"));
        new Select(status).selectByValue("IN_PROGRESS");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("plMessage"), "实施中"));
        // the province's list of renovation plans shows it, with its deadline
        browser.get(url("/steering.html?region=520000&year=2024"));
        wait.until(d -> "true".equals(d.findElement(By.tagName("body")).getAttribute("data-ready")));
        visible(By.cssSelector("#plans input.search")).sendKeys("更换石墨化阴极");
        WebElement plan = visible(By.xpath("//table[@id='planTable']//td[text()='更换石墨化阴极']/.."));
        assertThat(plan.getText()).contains("浏览器测试电解槽系列").contains("2027-06-30").contains("实施中");
    }

    @Test
    void anAdministratorMergesADuplicateRegistration() {
        Client admin = as("admin");
        String kept = RegistryIT.code("91520102MA7TXP0W6");
        String duplicate = RegistryIT.code("91520102MA7TXP0X7");
        admin.json(admin.post("/api/v1/admin/enterprises", RegistryIT.entry(kept, "浏览器合并测试有限公司", "520102")), 201);
        admin.json(
                admin.post("/api/v1/admin/enterprises", RegistryIT.entry(duplicate, "浏览器合并测试公司（重复）", "520102")), 201);
        login("admin");
        browser.get(url("/admin.html#registry"));
        wait.until(d -> "registry".equals(d.findElement(By.tagName("body")).getAttribute("data-ready")));
        setValue("mgFrom", duplicate);
        setValue("mgInto", kept);
        browser.findElement(By.id("mgSave")).click();
        wait.until(ExpectedConditions.alertIsPresent()).accept();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(
                By.id("message"), "已把 " + duplicate + " 并入 " + kept));
        // the duplicate is gone from the register: reading it says so, in Chinese
        setValue("enCode", duplicate);
        browser.findElement(By.id("enLoad")).click();
        wait.until(ExpectedConditions.attributeToBe(By.id("message"), "class", "error"));
        assertThat(browser.findElement(By.id("message")).getText()).doesNotContain("not found");
        setValue("enCode", kept);
        browser.findElement(By.id("enLoad")).click();
        wait.until(ExpectedConditions.attributeToBe(By.id("enName"), "value", "浏览器合并测试有限公司"));
    }

    private void setValue(String id, String value) {
        WebElement e = visible(By.id(id));
        e.clear();
        e.sendKeys(value);
    }
}
