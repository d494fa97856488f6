package dev.peakline.app.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

/** A provincial analyst imports the cities' sink inventory in the browser and reads it beside the emissions. */
class SinkBrowserIT extends BrowserTest {
    @Test
    void anAnalystImportsTheSinkInventoryAndReadsItApartFromTheEmissions() throws Exception {
        // Guiyang's forest by the gain method (1,000 ha × 5 m³/ha/yr × 0.6 × 1.2 × 0.47 × 44/12 = 6,204 t, twice:
        // 12,408 t), its wetland by stock difference (60,000 tC over 5 years × 44/12 = 44,000 t), Zunyi's forest by the
        // provincial method (2,000,000 m³ × 0.05 × 0.45 × 1.6 × 0.5 × 44/12 = 132,000 t): 188,408 tCO2 removed in 2023
        Path file = Files.createTempFile("sinks", ".csv");
        Files.writeString(
                file,
                "region,year,pool,method,area_ha,increment_m3_per_ha_yr,bcef,wood_density,bef,root_shoot_ratio,"
                        + "carbon_fraction,stock_m3,growth_rate,carbon_stock_t1_tc,carbon_stock_t2_tc,interval_years\n"
                        + "520100,2023,forest,gain,1000,5,0.6,,,0.2,0.47,,,,,\n"
                        + "520100,2023,forest,gain,1000,5,,0.5,1.2,0.2,0.47,,,,,\n"
                        + "520100,2023,wetland,stock_difference,,,,,,,,,,1200000,1260000,5\n"
                        + "520300,2023,forest,provincial,,,,0.45,1.6,,0.5,2000000,0.05,,,\n",
                StandardCharsets.UTF_8);
        // the rest of the province (the demo's other cities) stays as it was: Guiyang's and Zunyi's 2023 are replaced
        Client province = as("province");
        JsonNode before = province.json(province.get("/api/v1/regions/520000/sinks?year=2023"), 200);
        double others = before.get("removals").asDouble();
        for (JsonNode r : before.get("rows")) {
            if (r.get("region").asText().equals("520100")
                    || r.get("region").asText().equals("520300")) {
                others -= r.get("removals").asDouble();
            }
        }
        double expected = others - 188_408;
        login("province");
        browser.get(url("/steering.html?region=520000&year=2023#sinks"));
        wait.until(d -> "true".equals(d.findElement(By.tagName("body")).getAttribute("data-ready")));
        visible(By.id("skFile")).sendKeys(file.toString());
        browser.findElement(By.id("skImport")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("skMessage"), "已导入 4 行（2 个地区年度）"));
        String summary = visible(By.id("sinkSummary")).getText();
        assertThat(summary)
                .contains("2023 年碳汇清除量 " + String.format(java.util.Locale.ROOT, "%,.0f", expected) + " 吨CO₂");
        JsonNode v = province.json(province.get("/api/v1/regions/520000/sinks?year=2023"), 200);
        // the province's gross CO2 from its statistics stays as it is; the net is apart
        assertThat(v.get("grossCo2").asDouble()).isPositive();
        assertThat(v.get("net").asDouble())
                .isCloseTo(v.get("grossCo2").asDouble() + expected, org.assertj.core.data.Offset.offset(1e-3));
        assertThat(summary)
                .contains(String.format(
                        java.util.Locale.ROOT, "%,.0f", v.get("grossCo2").asDouble()));
        String table = browser.findElement(By.id("sinkTable")).getText();
        assertThat(table).contains("贵阳市", "森林", "湿地", "IPCC 增量法", "碳储量差值法", "-12,408", "-44,000", "-132,000");
        assertThat(table).doesNotContain("forest").doesNotContain("stock_difference");
        // a city official cannot import another city's sinks
        Client guiyang = as("guiyang");
        assertThat(guiyang.upload("/api/v1/sinks", "s.csv", Files.readAllBytes(file))
                        .statusCode())
                .isEqualTo(403);
        // a bad file is refused by row, and what was imported stays
        Path bad = Files.createTempFile("sinks-bad", ".csv");
        Files.writeString(
                bad,
                "region,year,pool,method,stock_m3,growth_rate,wood_density,bef,carbon_fraction\n"
                        + "520300,2023,forest,provincial,2000000,5,0.45,1.6,0.5\n",
                StandardCharsets.UTF_8);
        JsonNode refused = province.json(province.upload("/api/v1/sinks", "bad.csv", Files.readAllBytes(bad)), 422);
        assertThat(refused.get("code").asText()).isEqualTo("sinks.invalid");
        assertThat(province.json(province.get("/api/v1/regions/520000/sinks?year=2023"), 200)
                        .get("removals")
                        .asDouble())
                .isCloseTo(expected, org.assertj.core.data.Offset.offset(1e-6));

        // the Excel template filled in with a karst catchment (SinksTest: 1.22e9 m³ at 244 mg/L → −107,360 t)
        byte[] book;
        try (var wb = new org.apache.poi.xssf.usermodel.XSSFWorkbook(
                        new java.io.ByteArrayInputStream(province.getBytes("/api/v1/sinks/template.xlsx")));
                var out = new java.io.ByteArrayOutputStream()) {
            var sheet = wb.getSheet("碳汇清单");
            java.util.List<String> cols = new java.util.ArrayList<>();
            sheet.getRow(0).forEach(c -> cols.add(c.getStringCellValue()));
            var row = sheet.createRow(1);
            row.createCell(cols.indexOf("region")).setCellValue("520400");
            row.createCell(cols.indexOf("year")).setCellValue(2023);
            row.createCell(cols.indexOf("pool")).setCellValue("karst");
            row.createCell(cols.indexOf("method")).setCellValue("karst");
            row.createCell(cols.indexOf("runoff_m3_per_yr")).setCellValue(1.22e9);
            row.createCell(cols.indexOf("hco3_mg_per_l")).setCellValue(244);
            wb.write(out);
            book = out.toByteArray();
        }
        Path xlsx = Files.createTempFile("sinks", ".xlsx");
        Files.write(xlsx, book);
        browser.findElement(By.id("skFile")).clear();
        browser.findElement(By.id("skFile")).sendKeys(xlsx.toString());
        browser.findElement(By.id("skImport")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("skMessage"), "已导入 1 行（1 个地区年度）"));
        assertThat(browser.findElement(By.id("sinkTable")).getText())
                .contains("安顺市", "岩溶（碳酸盐岩风化）", "岩溶水化学径流法", "-107,360");
    }
}
