package dev.peakline.io.sinks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.peakline.io.table.Table;
import dev.peakline.problems.Problem;
import org.junit.jupiter.api.Test;

class SinkReaderTest {
    @Test
    void lossesAndKarstAreRead() {
        SinkReader.Read r = SinkReader.read(Table.csv(
                "s.csv",
                "region,year,pool,method,area_ha,increment_m3_per_ha_yr,bcef,root_shoot_ratio,carbon_fraction,"
                        + "wood_removals_m3,bcef_r,stock_m3,growth_rate,wood_density,bef,consumption_rate,"
                        + "runoff_m3_per_yr,hco3_mg_per_l\n"
                        // gain 6,204 t less the harvest's 744.48 t (SinksTest)
                        + "520100,2023,forest,gain,1000,5,0.6,0.2,0.47,600,0.6,,,,,,,\n"
                        // provincial uptake 132,000 t less 活立木消耗 105,600 t
                        + "520300,2023,forest,provincial,,,,,0.5,,,2000000,0.05,0.45,1.6,0.04,,\n"
                        + "520400,2023,karst,karst,,,,,,,,,,,,,1.22e9,244\n"));
        assertThat(r.problems()).isEmpty();
        assertThat(r.rows().get(0).removals()).isCloseTo(-6204 + 744.48, within(1e-6));
        assertThat(r.rows().get(1).removals()).isCloseTo(-132_000 + 105_600, within(1e-6));
        assertThat(r.rows().get(2).removals()).isCloseTo(-107_360, within(1e-6));
    }

    @Test
    void aHarvestWithoutItsFactorAndKarstOutsideItsPoolAreRefused() {
        SinkReader.Read r = SinkReader.read(Table.csv(
                "s.csv",
                "region,year,pool,method,area_ha,increment_m3_per_ha_yr,bcef,root_shoot_ratio,carbon_fraction,"
                        + "wood_removals_m3,runoff_m3_per_yr,hco3_mg_per_l\n"
                        + "520100,2023,forest,gain,1000,5,0.6,0.2,0.47,600,,\n"
                        + "520100,2023,forest,karst,,,,,,,1e9,200\n"
                        + "520100,2023,karst,karst,,,,,,,1e9,5000\n"));
        assertThat(r.rows()).isEmpty();
        assertThat(r.problems())
                .extracting(Problem::row, Problem::column)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(2, "bcef_r"),
                        org.assertj.core.groups.Tuple.tuple(3, "method"),
                        org.assertj.core.groups.Tuple.tuple(4, "hco3_mg_per_l"));
    }

    @Test
    void theWorkbookTemplateFilledInReadsBack() throws Exception {
        byte[] book;
        try (var wb = new org.apache.poi.xssf.usermodel.XSSFWorkbook(
                        new java.io.ByteArrayInputStream(SinkTemplate.write()));
                var out = new java.io.ByteArrayOutputStream()) {
            var sheet = wb.getSheet("碳汇清单");
            java.util.List<String> cols = SinkTemplate.columns();
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
        Table t = Table.pick(Table.excel("s.xlsx", book), java.util.List.of("sinks", "碳汇清单"), true)
                .orElseThrow();
        SinkReader.Read r = SinkReader.read(t);
        assertThat(r.problems()).isEmpty();
        assertThat(r.rows()).hasSize(1);
        assertThat(r.rows().get(0).removals()).isCloseTo(-107_360, within(1e-6));
    }
}
