package dev.peakline.app.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The platform in a real browser (Debian's headless Chromium): an enterprise files a month, the verifier approves it,
 * the province's dashboard and the enterprise's account change; an enterprise cannot open another's page.
 */
class BrowserIT extends BrowserTest {
    String provinceTotal2025() {
        login("province");
        browser.get(url("/dashboard.html?region=520000&year=2025"));
        wait.until(
                d -> d.findElements(By.cssSelector("#direct-emissions .value")).size() == 1);
        // the headline is the region's direct emissions (scope 1), with scope 2 beside it, never their sum
        String cards = visible(By.id("cards")).getText();
        assertThat(cards).contains("直接排放·范围一").contains("外购电力热力间接排放·范围二").doesNotContain("排放量");
        return visible(By.cssSelector("#direct-emissions .value")).getText();
    }

    @Test
    void anEnterpriseFilesTheVerifierApprovesAndTheFiguresChange() {
        String before = provinceTotal2025();

        login("enterprise");
        wait.until(ExpectedConditions.urlContains("/enterprise.html"));
        WebElement period = visible(By.id("period"));
        ((JavascriptExecutor) browser).executeScript("arguments[0].value = '2025-06'", period);
        wait.until(d -> d.findElements(By.cssSelector("#form tr.line select[name=carrier] option"))
                        .size()
                > 10);
        var lines = browser.findElements(By.cssSelector("#form tr.line"));
        fill(lines.get(0), "天然气", "燃烧", "100", "万Nm3");
        // the gas was metered: the verifier sees 实测 beside the line
        new org.openqa.selenium.support.ui.Select(lines.get(0).findElement(By.name("quality")))
                .selectByVisibleText("实测");
        // metered within ±2 % (the meter's accuracy)
        lines.get(0).findElement(By.name("uncertainty")).sendKeys("2");
        browser.findElement(By.id("valueAdded")).sendKeys("500");
        browser.findElement(By.id("saveForm")).click();
        wait.until(ExpectedConditions.urlContains("/filing.html"));
        visible(By.id("submit")).click();
        wait.until(ExpectedConditions.textToBe(By.id("status"), "待核查"));
        // submitted: the lines read back as filed, with how the amount was obtained and its uncertainty
        assertThat(visible(By.id("lines")).getText()).contains("实测").contains("±2 %");

        login("verifier");
        wait.until(ExpectedConditions.urlContains("/queue.html"));
        // the queue names the enterprise, its industry and how long the month has waited; the box searches it
        String queue = visible(By.id("queueTable")).getText();
        assertThat(queue).contains("企业").contains("行业").contains("已等待（天）").contains("2025-06");
        visible(By.cssSelector("#queue input.search")).sendKeys("2025-06");
        assertThat(visible(By.cssSelector("#queue .pager .count")).getText()).startsWith("共 ");
        visible(By.xpath("//table[@id='queueTable']//td[text()='2025-06']")).click();
        wait.until(ExpectedConditions.urlContains("/filing.html"));
        visible(By.id("decision")).sendKeys("数据核实无误");
        visible(By.id("approve")).click();
        wait.until(ExpectedConditions.textToBe(By.id("status"), "已通过"));

        String after = provinceTotal2025();
        assertThat(after).isNotEqualTo(before);

        login("enterprise");
        browser.get(browser.getCurrentUrl().replaceAll("year=\\d+", "") + "&year=2025");
        WebElement row = visible(By.cssSelector("#months tr[data-period='2025-06']"));
        // 100 ×10⁴ Nm³ of natural gas: 2,162.188809 tCO2, shown to two decimals
        assertThat(row.getText()).contains("2,162.19");
        row.findElement(By.cssSelector("a.why")).click();
        // the total's uncertainty beside it (IPCC Approach 1): one line at ±2 %, factor unstated:
        // 2,162.188809 × 2 % = ±43.2438 tCO2e
        // a calculation sheet in Chinese: the line, its factors with their documents, the totals
        String sheet = visible(By.id("sheetTable")).getText();
        assertThat(sheet)
                .contains("天然气")
                .contains("化石燃料燃烧")
                .contains("低位发热量")
                .contains("单位热值含碳量")
                .contains("碳氧化率")
                .contains("2,162.1888")
                .contains("±2.00 %");
        assertThat(visible(By.id("sheetTotal")).getText()).isEqualTo("2,162.1888");
        // the documents by their own Chinese names, units in Chinese, the method in Chinese (issue 29)
        assertThat(sheet)
                .contains("《中国钢铁生产企业温室气体排放核算方法与报告指南（试行）》")
                .contains("发改办气候〔2013〕2526号")
                .contains("比例")
                .doesNotContain("NDRC")
                .doesNotContain("fraction")
                .doesNotContain("published");
        assertThat(visible(By.id("sheetPanel")).getText())
                .contains("核算选项：核算指南变体")
                .doesNotContain("guideline");
        // the technical derivation is folded away until asked for
        assertThat(browser.findElement(By.id("explain")).isDisplayed()).isFalse();
        browser.findElement(By.cssSelector("#sheetPanel details summary")).click();
        assertThat(visible(By.id("explain")).getText()).contains("2162.188809").contains("= ±2 % = ±43.2438 tCO2e");
    }

    @Test
    void aGovernmentUserSeesEfficiencyTargetsProjectsAndGrades() {
        login("province");
        browser.get(url("/steering.html?region=520000&year=2024"));
        wait.until(d -> "true".equals(d.findElement(By.tagName("body")).getAttribute("data-ready")));
        assertThat(visible(By.cssSelector("#shares")).getText()).contains("电解铝").contains("2025年");
        assertThat(browser.findElement(By.id("list")).getText()).contains("电解槽");
        browser.findElement(By.cssSelector("button[data-tab=targets]")).click();
        wait.until(d -> d.findElement(By.id("targetList")).getText().contains("六盘水市"));
        // warning levels after 发改办环资〔2021〕629号 and, beside them, the assessment grade: no raw status words
        assertThat(browser.findElement(By.id("targetList")).getText())
                .contains("绿色·三级预警")
                .contains("橙色·二级预警")
                .contains("未完成")
                .doesNotContain("ORANGE")
                .doesNotContain("CARBON_INTENSITY");
        assertThat(browser.findElement(By.id("pdf")).getAttribute("href")).endsWith("format=pdf");
        browser.findElement(By.cssSelector("button[data-tab=projects]")).click();
        wait.until(d -> d.findElement(By.id("projectList")).getText().contains("审查未通过"));
        browser.findElement(By.cssSelector("button[data-tab=grades]")).click();
        wait.until(d -> d.findElement(By.id("gradeSummary")).getText().contains("等级1"));
    }

    @Test
    void anEnterpriseCannotOpenAnotherEnterprisesPage() {
        login("enterprise2");
        String other = as("enterprise")
                .json(as("enterprise").get("/api/v1/me"), 200)
                .get("enterprise")
                .asText();
        browser.get(url("/enterprise.html?code=" + other));
        // in the page's language: Chinese, not the server's English sentence
        assertThat(visible(By.id("page-error")).getText()).contains("超出您的权限范围");
        assertThat(browser.findElement(By.id("name")).getText()).isEmpty();
    }

    @Test
    void anAdministratorRecomputesARegionAndReadsTheOutcomeInChinese() {
        login("admin");
        browser.get(url("/admin.html#factors"));
        // the sets table reads in Chinese, its times in Beijing time, never an ISO UTC stamp
        wait.until(d -> d.findElement(By.id("sets")).getText().contains("peakline-reference"));
        String sets = browser.findElement(By.id("sets")).getText();
        assertThat(sets).contains("因子集", "载入时间").doesNotContain("publication");
        assertThat(sets).doesNotContainPattern("\\d{4}-\\d{2}-\\d{2}T\\d{2}:");
        WebElement region = visible(By.id("actRegion"));
        region.clear();
        region.sendKeys("520100");
        browser.findElement(By.id("recompute")).click();
        wait.until(d -> d.findElement(By.id("message")).getText().contains("核算完成"));
        String text = browser.findElement(By.id("message")).getText();
        // "核算完成: 98/98 (0.0 s)": every result of Guiyang recomputed, no raw status word
        assertThat(text).doesNotContain("DONE");
        String[] counts = text.replaceAll(".*: (\\d+)/(\\d+).*", "$1 $2").split(" ");
        assertThat(counts[0]).isEqualTo(counts[1]);
        assertThat(Integer.parseInt(counts[0])).isPositive();
        // nothing new was activated for Guiyang: the page says why nothing changed
        assertThat(visible(By.id("outcomeText")).getText()).contains("均未变化").contains("原来的因子集");
    }

    @Test
    void anEnterpriseUploadsAFilingCsvFromItsPage() throws Exception {
        login("enterprise");
        wait.until(ExpectedConditions.urlContains("/enterprise.html"));
        String code = browser.getCurrentUrl().replaceAll(".*code=([0-9A-Z]{18}).*", "$1");
        java.nio.file.Path csv = java.nio.file.Files.createTempFile("filing", ".csv");
        // 100 万Nm³ of natural gas burnt in 2023-08
        java.nio.file.Files.writeString(
                csv,
                "enterprise,region,industry,period,carrier,quantity,unit,use\n" + code
                        + ",520181,3216,2023-08,天然气,100,万Nm3,燃烧\n");
        WebElement period = visible(By.id("period"));
        ((JavascriptExecutor) browser).executeScript("arguments[0].value = '2023-08'", period);
        browser.findElement(By.id("file")).sendKeys(csv.toAbsolutePath().toString());
        browser.findElement(By.id("uploadBtn")).click();
        // the upload is accepted (it failed with "period must be YYYY-MM, not '2023-08,2023-08'") and opens the draft
        wait.until(ExpectedConditions.urlContains("/filing.html"));
        String page = visible(By.tagName("body")).getText();
        assertThat(page).contains("2023-08").contains("天然气").doesNotContain("2023-08,2023-08");
        java.nio.file.Files.deleteIfExists(csv);
    }

    @Test
    void anEnterpriseConvertsBoughtSteamToGigajoulesOnItsFilingForm() {
        login("enterprise");
        wait.until(ExpectedConditions.urlContains("/enterprise.html"));
        wait.until(d -> d.findElements(By.cssSelector("#form tr.line")).size() == 1);
        visible(By.id("steamTonnes")).sendKeys("100");
        browser.findElement(By.id("steamPressure")).sendKeys("1.0");
        browser.findElement(By.id("steamTemperature")).sendKeys("250");
        int linesBefore = browser.findElements(By.cssSelector("#form tr.line")).size();
        browser.findElement(By.id("steamConvert")).click();
        // 100 t of superheated steam at 1.0 MPa (absolute) and 250 °C: h = 2,943.2 kJ/kg (IAPWS-IF97);
        // 100 × (2,943.2222 − 83.74) × 10⁻³ = 285.948 GJ, added as a line of purchased heat
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("steamResult"), "GJ"));
        assertThat(visible(By.id("steamResult")).getText())
                .contains("285.948 GJ")
                .contains("过热蒸汽")
                .contains("2,943.2 kJ/kg");
        var lines = browser.findElements(By.cssSelector("#form tr.line"));
        assertThat(lines).hasSize(linesBefore + 1);
        WebElement added = lines.get(lines.size() - 1);
        assertThat(new org.openqa.selenium.support.ui.Select(added.findElement(By.name("carrier")))
                        .getFirstSelectedOption()
                        .getText())
                .isEqualTo("热力");
        assertThat(new org.openqa.selenium.support.ui.Select(added.findElement(By.name("use")))
                        .getFirstSelectedOption()
                        .getText())
                .isEqualTo("外购");
        assertThat(added.findElement(By.name("amount")).getAttribute("value")).isEqualTo("285.948");
        assertThat(new org.openqa.selenium.support.ui.Select(added.findElement(By.name("unit")))
                        .getFirstSelectedOption()
                        .getText())
                .isEqualTo("GJ");
        // water below its boiling point is not steam: the field and the reason are shown, nothing is added
        browser.findElement(By.id("steamTemperature")).clear();
        browser.findElement(By.id("steamTemperature")).sendKeys("150");
        browser.findElement(By.id("steamConvert")).click();
        wait.until(ExpectedConditions.attributeToBe(By.id("steamResult"), "class", "error"));
        assertThat(visible(By.id("steamResult")).getText()).contains("蒸汽或热水").contains("温度");
        assertThat(browser.findElements(By.cssSelector("#form tr.line"))).hasSize(linesBefore + 1);
    }

    @Test
    void anEnterpriseKeepsItsMonitoringPlanAndItsVerifierReadsIt() {
        login("enterprise");
        wait.until(ExpectedConditions.urlContains("/enterprise.html"));
        visible(By.id("planBoundary")).clear();
        browser.findElement(By.id("planBoundary")).sendKeys("2 台燃煤锅炉及外购电力");
        var row = browser.findElements(By.cssSelector("#planItems tr.planItem")).get(0);
        String[] values = {"天然气消耗量", "", "罗茨流量计 LLQ-80，锅炉房", "1.0级", "连续", "每日", "按燃气公司账单补录", "能源科"};
        var inputs = row.findElements(By.cssSelector("input, select"));
        for (int i = 0; i < values.length; i++) {
            if (i == 1) {
                new org.openqa.selenium.support.ui.Select(inputs.get(i)).selectByVisibleText("实测");
            } else {
                inputs.get(i).clear();
                inputs.get(i).sendKeys(values[i]);
            }
        }
        browser.findElement(By.id("planSave")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("planMessage"), "已保存为新版本"));
        String meta = visible(By.id("planMeta")).getText();
        assertThat(meta).contains("版本").contains("保存人 enterprise");

        // the verifier of this enterprise opens its page and reads the plan, without a save button
        String page = browser.getCurrentUrl();
        login("verifier");
        browser.get(page);
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("planMeta"), "版本"));
        var first =
                browser.findElements(By.cssSelector("#planItems tr.planItem")).get(0);
        assertThat(first.findElements(By.tagName("input")).get(0).getAttribute("value"))
                .isEqualTo("天然气消耗量");
        assertThat(new org.openqa.selenium.support.ui.Select(first.findElement(By.tagName("select")))
                        .getFirstSelectedOption()
                        .getText())
                .isEqualTo("实测");
        assertThat(browser.findElement(By.id("planTools")).isDisplayed()).isFalse();
    }

    @Test
    void anEnterpriseDownloadsTheAnnualReportOfAnApprovedYear() throws Exception {
        login("enterprise");
        wait.until(ExpectedConditions.urlContains("/enterprise.html"));
        String code = browser.getCurrentUrl().replaceAll(".*code=([0-9A-Z]{18}).*", "$1");
        // 2024 is a demo year the verifier approved month by month
        new org.openqa.selenium.support.ui.Select(visible(By.id("year"))).selectByValue("2024");
        wait.until(d -> d.findElements(By.cssSelector("#annual-total .value")).size() == 1);
        String shown = visible(By.cssSelector("#annual-total .value")).getText();
        browser.findElement(By.id("annualReport")).click();
        wait.until(ExpectedConditions.textToBe(By.id("reportMessage"), "报告已下载"));
        java.nio.file.Path file = downloads.resolve(code + "-2024-emissions-report.xlsx");
        wait.until(d -> java.nio.file.Files.exists(file));
        try (var wb = new org.apache.poi.xssf.usermodel.XSSFWorkbook(java.nio.file.Files.newInputStream(file))) {
            var sheet = wb.getSheet("表2 温室气体排放量汇总");
            double total = Double.NaN;
            for (var r : sheet) {
                if (r.getCell(0) != null && r.getCell(0).toString().equals("温室气体排放总量 (tCO2e)")) {
                    total = r.getCell(1).getNumericCellValue();
                }
            }
            // the report's year total is the figure on the page (one decimal, as the card shows it)
            assertThat(String.format(java.util.Locale.ROOT, "%,.1f", total)).isEqualTo(shown);
        }
        // a year not yet approved: the reason, in Chinese, instead of a file
        new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("year"))).selectByValue("2025");
        browser.findElement(By.id("annualReport")).click();
        wait.until(ExpectedConditions.attributeToBe(By.id("reportMessage"), "class", "error"));
        assertThat(visible(By.id("reportMessage")).getText())
                .contains("该年度尚有月份未经核查通过")
                .contains("2025-01");
    }

    @Test
    void anEnterpriseLandsOnItsWorkToDo() {
        login("enterprise");
        wait.until(ExpectedConditions.urlContains("/enterprise.html"));
        // last month is due on the 15th of this month (by the server's clock)
        java.time.YearMonth last = thisMonth().minusMonths(1);
        java.time.LocalDate deadline = thisMonth().atDay(15);
        String toFile = visible(By.id("todo-toFile")).getText();
        assertThat(toFile).contains("待填报月份").contains(last + " 截止 " + deadline);
        if (today().isAfter(deadline)) {
            assertThat(toFile).contains("已逾期");
        }
        // one click takes the month to the filing form
        browser.findElement(By.xpath("//div[@id='todo-toFile']//a[text()='" + last + "']"))
                .click();
        assertThat(browser.findElement(By.id("period")).getAttribute("value")).isEqualTo(last.toString());
        // the account opens on the latest year with approved data, not a fixed year
        String year = new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("year")))
                .getFirstSelectedOption()
                .getText();
        assertThat(Integer.parseInt(year)).isGreaterThanOrEqualTo(2024);
        wait.until(d -> d.findElements(By.cssSelector("#annual-total .value")).size() == 1);
        assertThat(visible(By.cssSelector("#annual-total .value")).getText()).isNotEqualTo("–");
    }

    /** Words that are enum constants: never shown raw in the Chinese UI. */
    static final java.util.regex.Pattern RAW_ENUM = java.util.regex.Pattern.compile(
            "\\b(?:[A-Z]{2,}_[A-Z_]+|DRAFT|SUBMITTED|RETURNED|APPROVED|SUPERSEDED|DISCARDED|MEASURED|CALCULATED"
                    + "|ESTIMATED|DEFAULT|RUNNING|DONE|FAILED|INTERRUPTED|PURCHASED|EXPORTED|COMBUSTION|FEEDSTOCK"
                    + "|ENTERPRISE|GOVERNMENT|VERIFIER|ADMIN|PLANNED|ONGOING|COMPLETED|OVERDUE|RED|ORANGE|GREEN"
                    + "|MET|UNMET|FORM|UPLOAD|METERS)\\b");
    /** Three or more English words in a row: a phrase left untranslated in the Chinese UI. */
    static final java.util.regex.Pattern ENGLISH =
            java.util.regex.Pattern.compile("\\b[A-Za-z]{2,}(?: [a-z]{2,}){2,}\\b");

    /**
     * Each page at 1024 px has no horizontal scroll (the layout fits), and at 1440 px is photographed into
     * {@code target/screenshots} (the user guide's pictures are copied from there: docs/images).
     */
    @Test
    void everyPageFitsA1024PxScreenAndIsPhotographedAt1440() throws Exception {
        java.nio.file.Path shots = java.nio.file.Path.of("target", "screenshots");
        java.nio.file.Files.createDirectories(shots);
        List<String> tooWide = new java.util.ArrayList<>();
        String[][] pages = {
            {"enterprise", "/enterprise.html", "enterprise"},
            {"enterprise", "/monitoring.html?code={code}", "monitoring"},
            {"verifier", "/queue.html", "queue"},
            {"province", "/dashboard.html?region=520000&year=2024", "dashboard"},
            {"province", "/steering.html?region=520000&year=2024", "steering"},
            {"province", "/roadmap.html?region=520000", "roadmap"},
            {"admin", "/admin.html", "admin"},
        };
        String code = null;
        try {
            for (String[] p : pages) {
                login(p[0]);
                if (code == null && p[0].equals("enterprise")) {
                    wait.until(ExpectedConditions.urlContains("/enterprise.html"));
                    code = browser.getCurrentUrl().replaceAll(".*code=([0-9A-Z]{18}).*", "$1");
                }
                for (int width : new int[] {1024, 1440}) {
                    browser.manage().window().setSize(new org.openqa.selenium.Dimension(width, 1000));
                    browser.get(url(p[1].replace("{code}", code == null ? "" : code)));
                    wait.until(d -> ((JavascriptExecutor) d)
                            .executeScript("return document.readyState")
                            .equals("complete"));
                    Thread.sleep(1500);
                    if (width == 1024) {
                        long scroll = (Long) ((JavascriptExecutor) browser)
                                .executeScript("return document.documentElement.scrollWidth");
                        long inner = (Long) ((JavascriptExecutor) browser).executeScript("return window.innerWidth");
                        if (scroll > inner + 1) {
                            tooWide.add(p[2] + ": " + scroll + " px wide at " + inner);
                        }
                    } else {
                        byte[] png = ((org.openqa.selenium.TakesScreenshot) browser)
                                .getScreenshotAs(org.openqa.selenium.OutputType.BYTES);
                        java.nio.file.Files.write(shots.resolve(p[2] + ".png"), png);
                    }
                }
            }
        } finally {
            browser.manage().window().setSize(new org.openqa.selenium.Dimension(1400, 1000));
        }
        assertThat(tooWide).as(String.join("\n", tooWide)).isEmpty();
    }

    /** The page as it is now, at 1440 px, into target/screenshots (the user guide's pictures come from there). */
    void photograph(String name) throws Exception {
        var size = browser.manage().window().getSize();
        try {
            browser.manage().window().setSize(new org.openqa.selenium.Dimension(1440, 1000));
            Thread.sleep(300);
            java.nio.file.Path shots = java.nio.file.Path.of("target", "screenshots");
            java.nio.file.Files.createDirectories(shots);
            java.nio.file.Files.write(
                    shots.resolve(name + ".png"),
                    ((org.openqa.selenium.TakesScreenshot) browser)
                            .getScreenshotAs(org.openqa.selenium.OutputType.BYTES));
        } finally {
            browser.manage().window().setSize(size);
        }
    }

    /** An approved filing of the enterprise (demo data of 2024). */
    long anApprovedFiling(String code) {
        Client c = as("enterprise");
        for (var f : c.json(c.get("/api/v1/enterprises/" + code + "/filings?year=2024"), 200)) {
            if (f.get("status").asText().equals("APPROVED")) {
                return f.get("id").asLong();
            }
        }
        throw new AssertionError("no approved filing of " + code + " in 2024");
    }

    /** An instant printed as ISO UTC ("2026-11-28T11:45:00Z") instead of Beijing time. */
    static final java.util.regex.Pattern UTC = java.util.regex.Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}");

    /** The labels of a page in the English UI (headings, headers, buttons, labels, links) that still hold Chinese. */
    List<String> untranslatedLabels(String path) {
        browser.get(url(path));
        wait.until(d -> ((JavascriptExecutor) d)
                .executeScript("return document.readyState")
                .equals("complete"));
        try {
            Thread.sleep(1500);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        List<String> out = new java.util.ArrayList<>();
        for (WebElement x : browser.findElements(By.cssSelector("h2, h3, th, button, label, nav a, summary"))) {
            // a label's own words, not the choices of the list inside it (unit symbols such as 万t are data)
            String text = (String) ((JavascriptExecutor) browser)
                    .executeScript(
                            "const c = arguments[0].cloneNode(true);"
                                    + " c.querySelectorAll('select, input, textarea, .data').forEach(x => x.remove());"
                                    + " return c.textContent;",
                            x);
            // the language switch names the other language; an enterprise's name is data, not a label
            if (List.of("lang", "name").contains(x.getAttribute("id"))) {
                continue;
            }
            if (x.isDisplayed() && text.codePoints().anyMatch(c -> c >= 0x4E00 && c <= 0x9FFF)) {
                out.add(path + ": " + x.getTagName() + " \"" + text + "\"");
            }
        }
        return out;
    }

    @Test
    void everyLabelIsEnglishInTheEnglishUi() {
        List<String> found = new java.util.ArrayList<>();
        login("enterprise");
        wait.until(ExpectedConditions.urlContains("/enterprise.html"));
        String code = browser.getCurrentUrl().replaceAll(".*code=([0-9A-Z]{18}).*", "$1");
        ((JavascriptExecutor) browser).executeScript("localStorage.setItem('peakline.lang', 'en')");
        try {
            found.addAll(untranslatedLabels("/enterprise.html?code=" + code));
            found.addAll(untranslatedLabels("/filing.html?id=" + anApprovedFiling(code)));
            found.addAll(untranslatedLabels("/monitoring.html?code=" + code));
            found.addAll(untranslatedLabels("/inclusion.html"));
            found.addAll(untranslatedLabels("/markets.html?code=" + code));
            login("verifier");
            found.addAll(untranslatedLabels("/queue.html"));
            login("province");
            found.addAll(untranslatedLabels("/dashboard.html?region=520000&year=2024"));
            found.addAll(untranslatedLabels("/steering.html?region=520000"));
            found.addAll(untranslatedLabels("/steering.html?region=520000&year=2024#synergy"));
            found.addAll(untranslatedLabels("/steering.html?region=520000&year=2024#sinks"));
            found.addAll(untranslatedLabels("/inclusion.html"));
            found.addAll(untranslatedLabels("/markets.html?region=520000"));
            login("admin");
            found.addAll(untranslatedLabels("/admin.html"));
        } finally {
            ((JavascriptExecutor) browser).executeScript("localStorage.removeItem('peakline.lang')");
        }
        assertThat(found).as(String.join("\n", found)).isEmpty();
    }

    /** What a page shows in the Chinese UI that is a raw enum or an English phrase, line by line. */
    List<String> untranslated(String path) {
        browser.get(url(path));
        wait.until(d -> ((JavascriptExecutor) d)
                .executeScript("return document.readyState")
                .equals("complete"));
        try {
            Thread.sleep(1500); // the page's own requests
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        List<String> out = new java.util.ArrayList<>();
        for (String line : browser.findElement(By.tagName("body")).getText().split("\n")) {
            var e = RAW_ENUM.matcher(line);
            var en = ENGLISH.matcher(line);
            var utc = UTC.matcher(line);
            if (utc.find()) {
                out.add(path + ": UTC time " + utc.group() + " in \"" + line + "\"");
            } else if (e.find()) {
                out.add(path + ": enum " + e.group() + " in \"" + line + "\"");
            } else if (en.find()) {
                out.add(path + ": English \"" + en.group() + "\" in \"" + line + "\"");
            }
        }
        return out;
    }

    /**
     * The enterprise page with what a click opens: the first approved month's calculation sheet and every folded box
     * and form (outlets, the pollutant form, the filing form), checked line by line as {@link #untranslated}. The
     * technical derivation stays folded: it is the engine's formulas in their own notation.
     */
    List<String> opened(String path) {
        browser.get(url(path));
        wait.until(d -> !d.findElements(By.cssSelector("#months a.why")).isEmpty());
        browser.findElements(By.cssSelector("#months a.why")).get(0).click();
        visible(By.id("sheetTable"));
        ((JavascriptExecutor) browser)
                .executeScript("document.querySelectorAll('details').forEach(d => { if (!d.closest('#sheetPanel'))"
                        + " d.open = true; });");
        List<String> out = new java.util.ArrayList<>();
        for (String line : browser.findElement(By.tagName("body")).getText().split("\n")) {
            var e = RAW_ENUM.matcher(line);
            var en = ENGLISH.matcher(line);
            if (e.find()) {
                out.add(path + " (opened): enum " + e.group() + " in \"" + line + "\"");
            } else if (en.find()) {
                out.add(path + " (opened): English \"" + en.group() + "\" in \"" + line + "\"");
            }
        }
        return out;
    }

    @Test
    void everyPageSpeaksChineseInTheChineseUi() {
        List<String> found = new java.util.ArrayList<>();
        login("enterprise");
        wait.until(ExpectedConditions.urlContains("/enterprise.html"));
        String code = browser.getCurrentUrl().replaceAll(".*code=([0-9A-Z]{18}).*", "$1");
        found.addAll(untranslated("/enterprise.html?code=" + code));
        found.addAll(opened("/enterprise.html?code=" + code + "&year=2024"));
        found.addAll(untranslated("/monitoring.html?code=" + code));
        found.addAll(untranslated("/filing.html?id=" + anApprovedFiling(code)));
        found.addAll(untranslated("/inclusion.html"));
        found.addAll(untranslated("/markets.html?code=" + code));
        login("verifier");
        found.addAll(untranslated("/queue.html"));
        login("province");
        found.addAll(untranslated("/dashboard.html?region=520000&year=2024"));
        found.addAll(untranslated("/monitoring.html?region=520000"));
        found.addAll(untranslated("/steering.html?region=520000"));
        found.addAll(untranslated("/steering.html?region=520000&year=2024#synergy"));
        found.addAll(untranslated("/inclusion.html"));
        found.addAll(untranslated("/roadmap.html?region=520000"));
        found.addAll(untranslated("/markets.html?region=520000"));
        login("admin");
        found.addAll(untranslated("/admin.html"));
        assertThat(found).as(String.join("\n", found)).isEmpty();
    }

    @Test
    void anEnterpriseRegistersAMeterAndKeepsItsGatewayTokens() {
        login("enterprise");
        wait.until(ExpectedConditions.urlContains("/enterprise.html"));
        String code = browser.getCurrentUrl().replaceAll(".*code=([0-9A-Z]{18}).*", "$1");
        browser.get(url("/monitoring.html?code=" + code));
        visible(By.id("mCode")).sendKeys("W-09");
        browser.findElement(By.id("mName")).sendKeys("锅炉房电能表");
        new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("mCarrier"))).selectByVisibleText("电力");
        new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("mUnit"))).selectByValue("kWh");
        browser.findElement(By.id("mRegister")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("meterMessage"), "已登记"));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#main tr[data-meter='W-09']")));
        assertThat(browser.findElement(By.cssSelector("#main tr[data-meter='W-09']"))
                        .getText())
                .contains("锅炉房电能表")
                .contains("电力");
        // the same point again is refused with the reason, nothing added
        browser.findElement(By.id("mRegister")).click();
        wait.until(ExpectedConditions.attributeToBe(By.id("meterMessage"), "class", "error"));

        // a gateway token: shown once, listed by name, revoked
        visible(By.id("tokenName")).sendKeys("锅炉房网关");
        browser.findElement(By.id("tokenCreate")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("tokenMessage"), "plg_"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("tokens"), "锅炉房网关"));
        By row = By.xpath("//table[@id='tokens']//tr[td[text()='锅炉房网关']]");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(row, "有效"));
        wait.until(d -> {
            try {
                d.findElement(row).findElement(By.tagName("button")).click();
                return true;
            } catch (org.openqa.selenium.StaleElementReferenceException e) {
                return false; // the table was drawn again: find the row anew
            }
        });
        wait.until(ExpectedConditions.textToBePresentInElementLocated(row, "已撤销"));
    }

    @Test
    void anEnterpriseFillsTheExcelTemplateAndUploadsItFromItsPage() throws Exception {
        login("enterprise");
        wait.until(ExpectedConditions.urlContains("/enterprise.html"));
        String code = browser.getCurrentUrl().replaceAll(".*code=([0-9A-Z]{18}).*", "$1");
        // the month's workbook, downloaded from the page with the enterprise's codes in it
        WebElement period = visible(By.id("period"));
        ((JavascriptExecutor) browser)
                .executeScript(
                        "arguments[0].value = '2023-10'; arguments[0].dispatchEvent(new Event('change'))", period);
        String href = browser.findElement(By.id("template")).getAttribute("href");
        assertThat(href).contains("period=2023-10");
        browser.findElement(By.id("template")).click();
        java.nio.file.Path got = wait.until(d -> {
            try (var files = java.nio.file.Files.list(downloads)) {
                return files.filter(p -> p.getFileName().toString().endsWith(".xlsx")
                                && p.getFileName().toString().contains("2023-10"))
                        .findFirst()
                        .orElse(null);
            } catch (java.io.IOException e) {
                return null;
            }
        });
        // the energy manager fills a line in Excel: 50 万Nm3 of natural gas burnt
        java.nio.file.Path filled = downloads.resolve("filled-2023-10.xlsx");
        try (var wb = new org.apache.poi.xssf.usermodel.XSSFWorkbook(java.nio.file.Files.newInputStream(got));
                var out = java.nio.file.Files.newOutputStream(filled)) {
            var row = wb.getSheet("活动数据").getRow(1);
            assertThat(row.getCell(0).getStringCellValue()).isEqualTo(code);
            row.getCell(4).setCellValue("天然气");
            row.createCell(5).setCellValue(50);
            row.getCell(6).setCellValue("万Nm3");
            row.getCell(7).setCellValue("燃烧");
            wb.write(out);
        }
        browser.findElement(By.id("file")).sendKeys(filled.toAbsolutePath().toString());
        browser.findElement(By.id("uploadBtn")).click();
        wait.until(ExpectedConditions.urlContains("/filing.html"));
        wait.until(ExpectedConditions.textToBe(By.id("status"), "草稿"));
        // the draft holds the line, and its figures are previewed: 50 × 21.62188809 = 1,081.094405 tCO2
        wait.until(ExpectedConditions.textToBePresentInElementLocated(
                By.cssSelector("#figures tr[data-key=total]"), "1,081.09"));
    }

    @Test
    void aWrongAmountIsShownBesideItsLineInChineseAndNothingIsSaved() {
        login("enterprise");
        wait.until(ExpectedConditions.urlContains("/enterprise.html"));
        ((JavascriptExecutor) browser).executeScript("arguments[0].value = '2026-03'", visible(By.id("period")));
        wait.until(d -> d.findElements(By.cssSelector("#form tr.line select[name=carrier] option"))
                        .size()
                > 10);
        fill(browser.findElements(By.cssSelector("#form tr.line")).get(0), "天然气", "燃烧", "12,5", "万Nm3");
        browser.findElement(By.id("saveForm")).click();
        // the problem sits under the line, names the field in Chinese and quotes what was typed; the page stays
        WebElement problem = visible(By.cssSelector("#form tr.problems .error"));
        assertThat(problem.getText()).contains("数量").contains("不是有效的数字").contains("12,5");
        assertThat(browser.findElement(By.cssSelector("#form tr.line input[name=amount]"))
                        .getAttribute("class"))
                .contains("invalid");
        assertThat(browser.getCurrentUrl()).contains("/enterprise.html");
        assertThat(visible(By.id("fileMessage")).getText()).contains("填报数据有误").doesNotContain("must");
    }

    @Test
    void anEnterpriseSeesTheTargetSetForItAndItsWarning() {
        String code = as("enterprise")
                .json(as("enterprise").get("/api/v1/me"), 200)
                .get("enterprise")
                .asText();
        // the province sets the enterprise an energy cap for 2024 (from a decomposition, say)
        Client province = as("province");
        province.json(
                province.post(
                        "/api/v1/targets",
                        "{\"scope\":\"ENTERPRISE\",\"enterprise\":\"" + code + "\",\"indicator\":\"ENERGY_TOTAL\","
                                + "\"baseYear\":2023,\"targetYear\":2024,\"value\":1e9,\"document\":\"示例分解文件\"}"),
                201);
        login("enterprise");
        wait.until(ExpectedConditions.urlContains("/enterprise.html"));
        browser.get(url("/enterprise.html?code=" + code + "&year=2024"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("targets"), "示例分解文件"));
        String targets = visible(By.id("targets")).getText();
        // in words: the indicator, the warning level and the assessment, never their codes
        assertThat(targets)
                .contains("能源消费总量")
                .contains("2023—2024")
                .containsPattern("(绿色|橙色|红色)·.级预警|无数据")
                .doesNotContain("ENERGY_TOTAL");
    }

    /** Files a month from the enterprise page's form: one line and the value added; lands on the new draft. */
    private void fileByForm(String period, String carrier, String use, String amount, String unit, String valueAdded) {
        wait.until(ExpectedConditions.urlContains("/enterprise.html"));
        ((JavascriptExecutor) browser)
                .executeScript("arguments[0].value = arguments[1]", visible(By.id("period")), period);
        wait.until(d -> d.findElements(By.cssSelector("#form tr.line select[name=carrier] option"))
                        .size()
                > 10);
        fill(browser.findElements(By.cssSelector("#form tr.line")).get(0), carrier, use, amount, unit);
        browser.findElement(By.id("valueAdded")).sendKeys(valueAdded);
        browser.findElement(By.id("saveForm")).click();
        wait.until(ExpectedConditions.urlContains("/filing.html"));
        wait.until(ExpectedConditions.textToBe(By.id("status"), "草稿"));
    }

    private void setAmount(String amount) {
        WebElement a = visible(By.cssSelector("#form tr.line input[name=amount]"));
        a.clear();
        a.sendKeys(amount);
    }

    @Test
    void aDraftIsEditedAndDiscardedAReturnedMonthIsCorrectedAndTheVerifierReviewsTheDifference() throws Exception {
        // the enterprise files December 2025 (its December 2024 is approved demo data), then changes the draft
        login("enterprise");
        fileByForm("2025-12", "天然气", "燃烧", "100", "万Nm3", "500");
        // the gas company's settlement statement goes with the draft
        java.nio.file.Path statement = downloads.resolve("燃气结算单-2025-12.pdf");
        java.nio.file.Files.write(
                statement, "%PDF-1.4 settlement 120 万Nm3".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        browser.findElement(By.id("attachFile"))
                .sendKeys(statement.toAbsolutePath().toString());
        browser.findElement(By.id("attachBtn")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("attachments"), "燃气结算单-2025-12.pdf"));
        setAmount("120");
        visible(By.id("saveChanges")).click();
        wait.until(ExpectedConditions.textToBe(By.id("message"), "已保存"));
        // 120 ×10⁴ Nm³ × 21.62188809 tCO2 per 10⁴ Nm³ = 2,594.626571 tCO2, previewed before submitting
        wait.until(ExpectedConditions.textToBePresentInElementLocated(
                By.cssSelector("#figures tr[data-key=total]"), "2,594.63"));
        // it discards the draft: kept as 已作废, and the month is open again
        ((JavascriptExecutor) browser).executeScript("window.confirm = () => true");
        visible(By.id("discard")).click();
        wait.until(ExpectedConditions.textToBe(By.id("status"), "已作废"));
        assertThat(visible(By.id("audit")).getText()).contains("作废").contains("草稿 → 已作废");

        // files again and submits
        browser.get(url("/enterprise.html"));
        fileByForm("2025-12", "天然气", "燃烧", "100", "万Nm3", "500");
        String filing = browser.getCurrentUrl();
        visible(By.id("submit")).click();
        wait.until(ExpectedConditions.textToBe(By.id("status"), "待核查"));

        // the verifier reviews it beside the same month last year and returns it with a finding
        login("verifier");
        browser.get(filing);
        wait.until(ExpectedConditions.textToBe(By.id("status"), "待核查"));
        String figures = visible(By.id("figures")).getText();
        assertThat(figures).contains("本版本").contains("去年同月").contains("2,162.19");
        // last year's December is approved: its total is shown, not a dash
        String lastYear = browser.findElement(By.cssSelector("#figures tr[data-key=total] td:nth-child(4)"))
                .getText();
        assertThat(lastYear).isNotEqualTo("—");
        // the finding is written beside the line it concerns
        visible(By.cssSelector("#lines input.finding")).sendKeys("与燃气公司结算单不符，应为 110 万立方米");
        visible(By.id("giveBack")).click();
        wait.until(ExpectedConditions.textToBe(By.id("status"), "已退回"));

        // the enterprise reads the finding, corrects the line and resubmits
        login("enterprise");
        browser.get(filing);
        wait.until(ExpectedConditions.textToBe(By.id("status"), "已退回"));
        assertThat(visible(By.id("comment")).getText())
                .contains("核查意见")
                .contains("第1行（天然气 燃烧 100 万Nm3）")
                .contains("应为 110 万立方米");
        setAmount("110");
        visible(By.id("submit")).click();
        wait.until(ExpectedConditions.textToBe(By.id("status"), "待核查"));

        // the verifier sees what changed since the return, line by line, and approves
        login("verifier");
        browser.get(filing);
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("changesHeading"), "退回后的修改"));
        String changes = visible(By.id("changes")).getText();
        photograph("filing-review");
        assertThat(changes).contains("修改").contains("天然气").contains("100").contains("110");
        visible(By.id("decision")).sendKeys("已按结算单更正");
        visible(By.id("approve")).click();
        wait.until(ExpectedConditions.textToBe(By.id("status"), "已通过"));
        // the audit trail in Beijing time and in words
        String audit = visible(By.id("audit")).getText();
        assertThat(audit).contains("核查通过").contains("退回").contains("待核查 → 已退回").doesNotContain("filing.");

        // the enterprise sees the approved figures: 110 × 21.62188809 = 2,378.407690 tCO2
        login("enterprise");
        browser.get(url("/enterprise.html?year=2025"));
        WebElement row = visible(By.cssSelector("#months tr[data-period='2025-12']"));
        assertThat(row.getText()).contains("2,378.41");
    }

    /** Fills a line of the filing form as a person does: choose the carrier, its use and unit, type the amount. */
    private void fill(WebElement line, String carrier, String use, String amount, String unit) {
        new org.openqa.selenium.support.ui.Select(line.findElement(By.name("carrier"))).selectByValue(carrier);
        new org.openqa.selenium.support.ui.Select(line.findElement(By.name("use"))).selectByVisibleText(use);
        WebElement a = line.findElement(By.name("amount"));
        a.clear();
        a.sendKeys(amount);
        new org.openqa.selenium.support.ui.Select(line.findElement(By.name("unit"))).selectByValue(unit);
    }
}
