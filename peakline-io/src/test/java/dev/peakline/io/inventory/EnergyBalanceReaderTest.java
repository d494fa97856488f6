package dev.peakline.io.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import dev.peakline.inventory.EnergyBalance;
import dev.peakline.inventory.Inventory;
import dev.peakline.inventory.InventoryEngine;
import dev.peakline.inventory.InventoryMethod;
import dev.peakline.problems.Problem;
import dev.peakline.reference.ReferenceLibrary;
import dev.peakline.reference.Registry;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EnergyBalanceReaderTest {
    static final Path GUIZHOU = Path.of("../examples/ceads/guizhou_2015_2019_energy_inventory_long.csv");
    static final Registry REGISTRY = ReferenceLibrary.shipped().registry();
    static final InventoryMethod CEADS = InventoryMethod.load("ceads", ReferenceLibrary.shipped());

    @TempDir
    Path dir;

    static Inventory inventory(EnergyBalance b) {
        InventoryEngine.Result r = InventoryEngine.compute(b, CEADS, Optional.empty());
        assertThat(r.problems()).isEmpty();
        return r.inventory();
    }

    @Test
    void guizhouLongFormGivesFiveYearsOfInventory() {
        EnergyBalanceReader.Read read = EnergyBalanceReader.read(GUIZHOU, null, null, REGISTRY);
        assertThat(read.problems()).isEmpty();
        assertThat(read.balances()).extracting(EnergyBalance::year).containsExactly(2015, 2016, 2017, 2018, 2019);
        assertThat(read.balances()).allSatisfy(b -> assertThat(b.code().value()).isEqualTo("520000"));
        for (EnergyBalance b : read.balances()) {
            Inventory inv = inventory(b);
            // DEMO.md / CEADs: Guizhou energy CO2 about 206–229 Mt a year in 2015–2019
            assertThat(inv.total().doubleValue()).as("%d", b.year()).isBetween(205.0, 230.0);
            BigDecimal sum = inv.cells().stream().map(Inventory.Cell::co2Mt).reduce(BigDecimal.ZERO, BigDecimal::add);
            assertThat(inv.total()).isEqualByComparingTo(sum);
        }
        Inventory y2017 = inventory(read.balances().get(2));
        // (1,043.3091 + 3,595.7957 + 1.8668) ×10⁴ t × 0.0172630 = 80.1169 Mt
        assertThat(y2017.cell(39, "Raw_Coal").co2Mt().setScale(4, RoundingMode.HALF_EVEN))
                .isEqualByComparingTo("80.1169");
        // about 63 % of 2017's energy CO2 is raw coal; the power sector is the largest
        double rawCoal = y2017.byFuel().entrySet().stream()
                .filter(e -> e.getKey().code().equals("Raw_Coal"))
                .findFirst()
                .orElseThrow()
                .getValue()
                .doubleValue();
        assertThat(rawCoal / y2017.total().doubleValue()).isBetween(0.60, 0.66);
        var largest = y2017.bySector().entrySet().stream()
                .max(Map.Entry.comparingByValue())
                .orElseThrow();
        assertThat(largest.getKey().no()).isEqualTo(39);
    }

    /** The 2017 balance rewritten in the CEADs workbook layout gives the same inventory as the long form. */
    @Test
    void ceadsWorkbookLayoutReadsTheSameAsTheLongForm() throws IOException {
        EnergyBalance b2017 = EnergyBalanceReader.read(GUIZHOU, null, 2017, REGISTRY)
                .balances()
                .get(2);
        Map<String, String> units = new LinkedHashMap<>();
        Map<String, Map<String, BigDecimal>> byRow = new LinkedHashMap<>();
        for (EnergyBalance.Entry e : b2017.entries()) {
            units.put(e.fuel().code(), e.fuel().unit().replace("ton", "ton"));
            byRow.computeIfAbsent(e.row().label(), k -> new LinkedHashMap<>())
                    .put(e.fuel().code(), e.value());
        }
        List<String> fuels = List.copyOf(units.keySet());
        Path file = dir.resolve("省级能源清单_2017.xlsx");
        try (Workbook wb = new XSSFWorkbook();
                OutputStream out = Files.newOutputStream(file)) {
            wb.createSheet("NOTE").createRow(0).createCell(0).setCellValue("CEADs note sheet");
            Sheet s = wb.createSheet("Guizhou2017");
            Row h = s.createRow(0);
            Row u = s.createRow(1);
            for (int i = 0; i < fuels.size(); i++) {
                h.createCell(i + 1).setCellValue(fuels.get(i));
                u.createCell(i + 1).setCellValue(units.get(fuels.get(i)));
            }
            int r = 2;
            for (var row : byRow.entrySet()) {
                Row x = s.createRow(r++);
                x.createCell(0).setCellValue(row.getKey());
                for (var v : row.getValue().entrySet()) {
                    x.createCell(fuels.indexOf(v.getKey()) + 1)
                            .setCellValue(v.getValue().doubleValue());
                }
            }
            wb.write(out);
        }
        EnergyBalanceReader.Read wide = EnergyBalanceReader.read(file, null, null, REGISTRY);
        assertThat(wide.problems()).isEmpty();
        assertThat(wide.balances()).hasSize(1);
        EnergyBalance w = wide.balances().get(0);
        assertThat(w.region()).isEqualTo("Guizhou");
        assertThat(w.year()).isEqualTo(2017);
        assertThat(w.entries()).hasSameSizeAs(b2017.entries());
        assertThat(inventory(w).total().setScale(6, RoundingMode.HALF_EVEN))
                .isEqualByComparingTo(inventory(b2017).total().setScale(6, RoundingMode.HALF_EVEN));
    }

    /** Our template, filled in with Chinese labels and units, reads back; 万立方米 converts exactly to 10⁸ m³. */
    @Test
    void templateRoundTripWithChineseLabelsAndUnitConversion() throws IOException {
        Path file = dir.resolve("guiyang.xlsx");
        InventoryTemplate.write(file, "520100", 2020);
        try (Workbook wb = new XSSFWorkbook(Files.newInputStream(file))) {
            Sheet s = wb.getSheet("520100 2020");
            int rawCoal = column(s, "原煤");
            int gas = column(s, "天然气");
            s.getRow(1).getCell(gas).setCellValue("万立方米");
            row(s, "39 电力、热力的生产和供应业").createCell(rawCoal).setCellValue(100);
            row(s, "火力发电").createCell(rawCoal).setCellValue(900);
            row(s, "31 通用设备制造业").createCell(gas).setCellValue(25_000);
            try (OutputStream out = Files.newOutputStream(file)) {
                wb.write(out);
            }
        }
        EnergyBalanceReader.Read read = EnergyBalanceReader.read(file, null, null, REGISTRY);
        assertThat(read.problems()).isEmpty();
        EnergyBalance b = read.balances().get(0);
        assertThat(b.code().value()).isEqualTo("520100");
        assertThat(b.year()).isEqualTo(2020);
        Inventory inv = inventory(b);
        // (100 + 900) × 0.01726295028 = 17.26295028; gas 25,000 ×10⁴ m³ = 2.5 ×10⁸ m³ × 0.2160728995 = 0.54018224875
        assertThat(inv.cell(39, "Raw_Coal").co2Mt()).isEqualByComparingTo("17.26295028");
        assertThat(inv.cell(31, "Natural_Gas").activity()).isEqualByComparingTo("2.5");
        assertThat(inv.cell(31, "Natural_Gas").provenance()).contains("stated as 25000 万立方米");
        assertThat(inv.total()).isEqualByComparingTo("17.80313252875");
    }

    private static int column(Sheet s, String name) {
        for (var c : s.getRow(0)) {
            if (c.getStringCellValue().equals(name)) {
                return c.getColumnIndex();
            }
        }
        throw new AssertionError(name);
    }

    private static Row row(Sheet s, String label) {
        for (Row r : s) {
            if (r.getCell(0) != null && r.getCell(0).getStringCellValue().equals(label)) {
                return r;
            }
        }
        throw new AssertionError(label);
    }

    private List<Problem> problems(String csv) throws IOException {
        Path f = dir.resolve("bad.csv");
        Files.writeString(f, csv, StandardCharsets.UTF_8);
        EnergyBalanceReader.Read r = EnergyBalanceReader.read(f, null, null, REGISTRY);
        assertThat(r.balances())
                .as("nothing is returned when there are problems")
                .isEmpty();
        return r.problems();
    }

    static final String HEADER = "year,province,row,row_kind,sector_no,fuel,unit,value\n";

    @Test
    void badInputIsRejectedWithRowAndField() throws IOException {
        List<Problem> p = problems(HEADER
                + "2017,Guizhou,Thermal Power,transformation,,Raw_Coal,10^4 ton,100\n" // fine
                + "2017,Guizhou,Thermal Power,transformation,,Moon_Dust,10^4 ton,1\n" // unknown fuel
                + "2017,Guizhou,Spaceports,final_consumption_sector,48,Raw_Coal,10^4 ton,1\n" // unknown sector
                + "2017,Guizhou,Coking,transformation,,Natural_Gas,10^4 ton,1\n" // wrong unit
                + ",Guizhou,Coking,transformation,,Raw_Coal,10^4 ton,1\n" // missing year
                + "2017,Guizhou,Thermal Power,transformation,,Raw_Coal,10^4 ton,5\n" // duplicate
                + "2017,Guizhou,Coking,transformation,,Coke,10^4 ton,abc\n" // not a number
                + "2017,Guizhou,Coking,transformation,,Cleaned_Coal,10^4 ton,99999999\n" // absurd
                + "2017,Guizhou,Construction,transformation,42,Diesel_Oil,10^4 ton,3\n" // kind contradicts row
                + "2017,Guizhou,Construction,final_consumption_sector,41,Gasoline,10^4 ton,3\n"); // wrong sector no
        assertThat(p)
                .extracting(Problem::code, Problem::row, Problem::column)
                .containsExactly(
                        Tuple.tuple("inventory.fuel_unknown", 3, "fuel"),
                        Tuple.tuple("inventory.row_unknown", 4, "row"),
                        Tuple.tuple("inventory.unit", 5, "unit"),
                        Tuple.tuple("inventory.year_missing", 6, "year"),
                        Tuple.tuple("inventory.duplicate", 7, "value"),
                        Tuple.tuple("inventory.value", 8, "value"),
                        Tuple.tuple("inventory.absurd", 9, "value"),
                        Tuple.tuple("inventory.row_kind", 10, "row_kind"),
                        Tuple.tuple("inventory.sector_no", 11, "sector_no"));
        assertThat(p.get(2).message()).contains("10^8 m3");
        assertThat(p.get(4).message()).contains("line 2");
    }

    @Test
    void wideFileWithoutAYearNeedsOne() throws IOException {
        Path f = dir.resolve("county.csv");
        Files.writeString(f, ",原煤\n,万吨\n火力发电,12\n", StandardCharsets.UTF_8);
        EnergyBalanceReader.Read r = EnergyBalanceReader.read(f, null, null, REGISTRY);
        assertThat(r.problems()).extracting(Problem::code).containsExactly("inventory.year_missing");
        EnergyBalanceReader.Read ok = EnergyBalanceReader.read(f, "520102", 2021, REGISTRY);
        assertThat(ok.problems()).isEmpty();
        assertThat(ok.balances().get(0).code().value()).isEqualTo("520102");
    }

    @Test
    void missingColumnsOfTheLongLayoutAreNamed() throws IOException {
        assertThat(problems("province,row,fuel,unit,value\nGuizhou,Coking,Coke,10^4 t,1\n"))
                .extracting(Problem::code, Problem::column)
                .containsExactly(Tuple.tuple("inventory.column_missing", "year"));
    }
}
