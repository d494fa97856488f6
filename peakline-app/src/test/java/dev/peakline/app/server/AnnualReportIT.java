package dev.peakline.app.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

/** The annual report of an approved year in the guidelines' template layout, and its refusals. */
class AnnualReportIT extends ServerTest {
    /** A demo year whose twelve months are all approved for the enterprise. */
    static int approvedYear(Client c, String base) {
        for (int y : new int[] {2024, 2023}) {
            JsonNode months = c.json(c.get(base + "/account?year=" + y), 200).get("months");
            int approved = 0;
            for (JsonNode m : months) {
                approved += m.get("filingId").isNull() ? 0 : 1;
            }
            if (approved == 12) {
                return y;
            }
        }
        throw new AssertionError("the demo enterprise has no fully approved year");
    }

    static Row row(Sheet s, String label) {
        for (Row r : s) {
            if (r.getCell(0) != null && label.equals(r.getCell(0).toString())) {
                return r;
            }
        }
        throw new AssertionError("no row " + label + " in " + s.getSheetName());
    }

    @Test
    void anApprovedYearComesOutInTheTemplateLayoutWithTheAccountsFigures() throws Exception {
        Client ent = as("enterprise");
        String code = ent.json(ent.get("/api/v1/me"), 200).get("enterprise").asText();
        String base = "/api/v1/enterprises/" + code;
        int year = approvedYear(ent, base);
        JsonNode annual = ent.json(ent.get(base + "/account?year=" + year), 200).get("annual");

        HttpResponse<byte[]> r = ent.http.send(
                ent.builder(base + "/report?year=" + year + "&format=xlsx")
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(r.statusCode()).isEqualTo(200);
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(r.body()))) {
            assertThat(wb.getSheetAt(0).getSheetName()).isEqualTo("表1 报告主体基本信息");
            assertThat(row(wb.getSheet("表1 报告主体基本信息"), "统一社会信用代码").getCell(1).toString())
                    .isEqualTo(code);
            Sheet totals = wb.getSheet("表2 温室气体排放量汇总");
            // the year's total is the account's, and the sum of its twelve months
            Row total = row(totals, "温室气体排放总量 (tCO2e)");
            assertThat(total.getCell(1).getNumericCellValue())
                    .isCloseTo(annual.get("total").asDouble(), within(1e-3));
            double months = 0;
            for (int m = 2; m <= 13; m++) {
                months += total.getCell(m).getNumericCellValue();
            }
            assertThat(months).isCloseTo(total.getCell(1).getNumericCellValue(), within(1e-3));
            // scope 1 and scope 2 apart, and their sum the total
            double s1 = row(totals, "直接排放·范围一 (tCO2e)").getCell(1).getNumericCellValue();
            double s2 = row(totals, "间接排放·范围二 (tCO2)").getCell(1).getNumericCellValue();
            assertThat(s1 + s2).isCloseTo(total.getCell(1).getNumericCellValue(), within(1e-3));
            assertThat(totals.getRow(1).getCell(0).toString()).contains("不确定性").contains("±");
            assertThat(wb.getSheet("表3 活动水平数据及来源").getLastRowNum()).isGreaterThan(2);
            assertThat(wb.getSheet("表4 排放因子数据及来源").getLastRowNum()).isGreaterThan(2);
            assertThat(wb.getSheet("表6 数据质量控制计划")).isNotNull();
        }

        // a year with months not approved is refused, naming them; a wrong format and another enterprise too
        JsonNode refused = ent.json(ent.get(base + "/report?year=2025"), 409);
        assertThat(refused.get("code").asText()).isEqualTo("report.incomplete");
        assertThat(refused.get("detail").asText()).contains("2025-01");
        assertThat(ent.get(base + "/report?year=" + year + "&format=csv").statusCode())
                .isEqualTo(422);
        assertThat(as("enterprise2").get(base + "/report?year=" + year).statusCode())
                .isEqualTo(403);
    }
}
