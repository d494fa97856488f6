package dev.peakline.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.peakline.app.cli.PeaklineCli;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The documented example, end to end through the CLI, and its refusals. */
class CliTest {
    static final Path EXAMPLES = Path.of("..", "examples");

    @TempDir
    Path dir;

    final ByteArrayOutputStream out = new ByteArrayOutputStream();
    final ByteArrayOutputStream err = new ByteArrayOutputStream();
    PrintStream oldOut;
    PrintStream oldErr;

    @BeforeEach
    void capture() {
        oldOut = System.out;
        oldErr = System.err;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restore() {
        System.setOut(oldOut);
        System.setErr(oldErr);
    }

    @Test
    void anUnknownCommandFailsEvenWithHelp() {
        // picocli alone lets --help win: "no-such-command --help" printed the usage and exited 0
        assertThat(PeaklineCli.run("no-such-command", "--help")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8))
                .contains("Unknown command 'no-such-command'")
                .contains("account");
        assertThat(PeaklineCli.run("no-such-command")).isEqualTo(2);
        assertThat(PeaklineCli.run("--help")).isZero();
        assertThat(PeaklineCli.run("pollutants", "--help")).isZero();
    }

    @Test
    void accountsTheDocumentedExample() throws Exception {
        Path result = dir.resolve("result.csv");
        int code =
                account(EXAMPLES, result, "--rollup", dir.resolve("rollup.csv").toString());
        assertThat(code).as(err.toString(StandardCharsets.UTF_8)).isZero();
        List<String> lines = Files.readAllLines(result);
        assertThat(lines.get(0))
                .startsWith("enterprise,period,region,industry,scope1_tco2,scope2_tco2,total_tco2,energy_tce");
        // March: coal 1,747.088266 + gas 2,162.188809 = 3,909.277075 combustion; CaCO3 88 + PFC 189.21 + anode 1,100.44
        // = 1,377.65 process
        // scope 2: electricity 10,000 MWh × 0.5306 (2023 factor, fallback for 2024) = 5,306 + heat 550 = 5,856
        // energy: 1,000 t 烟煤 × 19.570 GJ/t ÷ 29.3076 = 667.744885 + gas 1,214.3 + electricity 1,229 + heat 170.6
        // = 3,281.644885 tce
        assertThat(lines.get(1))
                .startsWith("91520181MA6DKQ3L5C,2024-03,520181,3216,5286.927075,5856.000000,11142.927075,3281.644885,");
        assertThat(Files.readString(dir.resolve("rollup.csv"))).contains("region,520000,贵州省,province,2024,1,");
    }

    @Test
    void explainsAFigure() {
        int code = PeaklineCli.run(
                "explain",
                "--activity",
                EXAMPLES.resolve("activity.csv").toString(),
                "--enterprise",
                "91520181MA6DKQ3L5C",
                "--period",
                "2024-03");
        assertThat(code).isZero();
        String text = out.toString(StandardCharsets.UTF_8);
        assertThat(text).contains("1747.088266", "combustion.ncv:bituminous:A = 19.57", "FALLBACK", "total_tco2");
    }

    @Test
    void badInputWritesNothingAndExitsNonZero() throws Exception {
        Path bad = dir.resolve("bad.csv");
        Files.writeString(
                bad,
                "enterprise,region,industry,period,carrier,quantity,unit,use\n"
                        + "91520181MA6DKQ3L5C,520181,3216,2024-03,电力,10,t,purchased\n"
                        + "91520181MA6DKQ3L5C,520181,3216,2024-03,碳粉,10,t,combustion\n");
        Path result = dir.resolve("result.csv");
        assertThat(PeaklineCli.run("account", "--activity", bad.toString(), "--out", result.toString()))
                .isEqualTo(2);
        assertThat(result).doesNotExist();
        String e = err.toString(StandardCharsets.UTF_8);
        assertThat(e).contains("bad.csv:2: column 'unit'", "bad.csv:3: column 'carrier'", "nothing was written");
    }

    @Test
    void decomposeHoldsItsContract() throws Exception {
        // two sectors, activity × intensity: 2020 V = 100 × 2 + 50 × 4 = 400, 2021 V = 120 × 2 + 50 × 3 = 390
        Path in = dir.resolve("lmdi.csv");
        java.nio.file.Files.writeString(
                in,
                "year,category,factor,value\n2020,s1,activity,100\n2020,s1,intensity,2\n2020,s2,activity,50\n"
                        + "2020,s2,intensity,4\n2021,s1,activity,120\n2021,s1,intensity,2\n2021,s2,activity,50\n"
                        + "2021,s2,intensity,3\n");
        Path result = dir.resolve("lmdi-out.csv");
        assertThat(PeaklineCli.run("decompose", "--input", in.toString(), "--out", result.toString()))
                .isZero();
        // ΔV_activity = L(240, 200) ln 1.2 = 40; ΔV_intensity = L(150, 200) ln 0.75 = −50; D = 0.975⁻⁴ and 0.975⁵
        assertThat(java.nio.file.Files.readAllLines(result))
                .containsExactly(
                        "from_year,to_year,factor,additive,multiplicative",
                        "2020,2021,activity,40.000000,1.106576740",
                        "2020,2021,intensity,-50.000000,0.881095693",
                        "2020,2021,TOTAL,-10.000000,0.975000000");
        // a negative factor and a missing year are refused, naming the row, and nothing is written
        Path bad = dir.resolve("lmdi-bad.csv");
        java.nio.file.Files.writeString(bad, "year,category,factor,value\n2020,s1,activity,-1\n2022,s1,activity,2\n");
        Path none = dir.resolve("lmdi-none.csv");
        assertThat(PeaklineCli.run("decompose", "--input", bad.toString(), "--out", none.toString()))
                .isEqualTo(2);
        assertThat(none).doesNotExist();
        assertThat(err.toString(StandardCharsets.UTF_8))
                .contains("lmdi-bad.csv")
                .contains("negative");
    }

    @Test
    void fitHoldsItsContractOnNistsLongleyData() throws Exception {
        // NIST StRD Longley (employment on six nearly collinear predictors), as the CSV a user would write
        Path data = dir.resolve("longley.csv");
        try (var in = CliTest.class.getResourceAsStream("/longley.csv")) {
            java.nio.file.Files.write(data, in.readAllBytes());
        }
        Path result = dir.resolve("fit.csv");
        // every other numeric column is a predictor by default
        assertThat(PeaklineCli.run("fit", "--data", data.toString(), "--y", "employed", "--out", result.toString()))
                .isZero();
        List<String> lines = java.nio.file.Files.readAllLines(result);
        assertThat(lines.get(0)).isEqualTo("term,coefficient");
        assertThat(lines)
                .extracting(l -> l.split(",")[0])
                .containsExactly(
                        "term",
                        "intercept",
                        "deflator",
                        "gnp",
                        "unemployed",
                        "armed",
                        "population",
                        "year",
                        "r_squared");
        // NIST's certified intercept −3482258.63459582 and R² 0.995479004577296
        assertThat(Double.parseDouble(lines.get(1).split(",")[1]))
                .isCloseTo(-3482258.63459582, org.assertj.core.data.Offset.offset(0.01));
        assertThat(Double.parseDouble(lines.get(8).split(",")[1]))
                .isCloseTo(0.995479004577296, org.assertj.core.data.Offset.offset(1e-10));
        // a ridge fit adds k_hkb, k_lw and the k used
        assertThat(PeaklineCli.run(
                        "fit",
                        "--data",
                        data.toString(),
                        "--y",
                        "employed",
                        "--x",
                        "gnp,population",
                        "--log",
                        "--ridge",
                        "hkb",
                        "--out",
                        result.toString()))
                .isZero();
        assertThat(java.nio.file.Files.readAllLines(result))
                .extracting(l -> l.split(",")[0])
                .containsExactly("term", "intercept", "gnp", "population", "r_squared", "k_hkb", "k_lw", "k");
        // --trace writes the ridge trace: each k of the grid with each term; at k = 0 it is the OLS fit
        Path trace = dir.resolve("trace.csv");
        Path ols = dir.resolve("ols.csv");
        assertThat(PeaklineCli.run(
                        "fit",
                        "--data",
                        data.toString(),
                        "--y",
                        "employed",
                        "--x",
                        "gnp,population",
                        "--log",
                        "--ridge",
                        "hkb",
                        "--trace",
                        trace.toString(),
                        "--out",
                        result.toString()))
                .isZero();
        assertThat(PeaklineCli.run(
                        "fit",
                        "--data",
                        data.toString(),
                        "--y",
                        "employed",
                        "--x",
                        "gnp,population",
                        "--log",
                        "--out",
                        ols.toString()))
                .isZero();
        List<String> tr = java.nio.file.Files.readAllLines(trace);
        assertThat(tr.get(0)).isEqualTo("k,term,coefficient");
        assertThat(tr).hasSize(1 + 11 * 3);
        assertThat(tr.get(2)).startsWith("0,gnp,");
        assertThat(tr.get(2).split(",")[2])
                .isEqualTo(java.nio.file.Files.readAllLines(ols).get(2).split(",")[1]);
        assertThat(tr.get(tr.size() - 1)).startsWith("1,population,");
        // the coefficients move as k grows (the trace shows where they settle)
        assertThat(tr.get(tr.size() - 2).split(",")[2]).isNotEqualTo(tr.get(2).split(",")[2]);
        // a zero under --log is refused naming its row and column; nothing is written
        java.nio.file.Files.writeString(data, "y,a,b\n1,2,3\n2,0,4\n3,4,6\n4,5,9\n");
        Path none = dir.resolve("fit-none.csv");
        assertThat(PeaklineCli.run("fit", "--data", data.toString(), "--y", "y", "--log", "--out", none.toString()))
                .isEqualTo(2);
        assertThat(none).doesNotExist();
        assertThat(err.toString(StandardCharsets.UTF_8))
                .contains("longley.csv")
                .contains("fit.log")
                .contains("not positive");
        // 1e300 is refused as implausible, and a NUL in a cell refuses the file, naming the cell; nothing is written
        java.nio.file.Files.writeString(data, "y,a\n1,2\n2,1e300\n3,4\n4,5\n");
        assertThat(PeaklineCli.run("fit", "--data", data.toString(), "--y", "y", "--out", none.toString()))
                .isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("fit.absurd");
        java.nio.file.Files.writeString(data, "y,a\n1,2\n2,\u00003\n3,4\n4,5\n");
        assertThat(PeaklineCli.run("fit", "--data", data.toString(), "--y", "y", "--out", none.toString()))
                .isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("cell.control");
        assertThat(none).doesNotExist();
    }

    @Test
    void listsAndSearchesFactors() {
        assertThat(PeaklineCli.run("factors", "贵州", "--kind", "electricity")).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8))
                .contains("electricity:520000:average", "0.5683", "3 factor(s)");
    }

    /** Accounts the four filing files in {@code from}; returns the exit code. */
    static int account(Path from, Path result, String... extra) {
        List<String> args = new java.util.ArrayList<>(List.of(
                "account",
                "--activity",
                from.resolve("activity.csv").toString(),
                "--process",
                from.resolve("process.csv").toString(),
                "--production",
                from.resolve("production.csv").toString(),
                "--output-value",
                from.resolve("output.csv").toString(),
                "--out",
                result.toString()));
        args.addAll(List.of(extra));
        return PeaklineCli.run(args.toArray(String[]::new));
    }

    @Test
    void demoWritesAProvinceThatAccountsCleanly() throws Exception {
        assertThat(PeaklineCli.run("demo", "--out", dir.toString(), "--scale", "0.1"))
                .isZero();
        Path result = dir.resolve("r.csv");
        assertThat(account(dir, result))
                .as(err.toString(StandardCharsets.UTF_8))
                .isZero();
        assertThat(Files.readAllLines(result).size()).isGreaterThan(100);
    }

    static final Path GUIZHOU = EXAMPLES.resolve("ceads/guizhou_2015_2019_energy_inventory_long.csv");

    @Test
    void inventoryOfGuizhouHasTheKnownCellAndTotalsPerYear() throws Exception {
        Path inv = dir.resolve("inv.csv");
        int code = PeaklineCli.run(
                "inventory", "--energy", GUIZHOU.toString(), "--method", "ceads", "--out", inv.toString());
        assertThat(code).as(err.toString(StandardCharsets.UTF_8)).isZero();
        List<String> lines = Files.readAllLines(inv);
        assertThat(lines.get(0)).startsWith("region,region_code,year,sector_no,sector,fuel,kind,");
        // (1,043.3091 + 3,595.7957 + 1.8668) ×10⁴ t × 0.0172630 = 80.1169 Mt
        assertThat(lines)
                .anyMatch(l -> l.startsWith("Guizhou,520000,2017,39,")
                        && l.contains(",Raw_Coal,cell,")
                        && l.contains(",80.11686"));
        for (int year = 2015; year <= 2019; year++) {
            String prefix = "Guizhou,520000," + year + ",";
            double cells = lines.stream()
                    .filter(l -> l.startsWith(prefix) && l.contains(",cell,"))
                    .mapToDouble(l -> Double.parseDouble(co2(l)))
                    .sum();
            double total = lines.stream()
                    .filter(l -> l.startsWith(prefix + ",ALL,ALL,energy_total"))
                    .mapToDouble(l -> Double.parseDouble(co2(l)))
                    .sum();
            assertThat(total).as("%d", year).isBetween(205.0, 230.0);
            // cells are rounded to 1 t each; the total is the rounded exact sum
            assertThat(cells).isCloseTo(total, org.assertj.core.data.Offset.offset(0.0005));
        }
        assertThat(out.toString(StandardCharsets.UTF_8))
                .contains("Guizhou 2017 (ceads 2020.1): energy CO2 224.6557 Mt");
    }

    /** The co2_mt column (11th) of an inventory line whose sector may be quoted. */
    private static String co2(String line) {
        List<String> cells = new java.util.ArrayList<>();
        StringBuilder b = new StringBuilder();
        boolean q = false;
        for (char c : line.toCharArray()) {
            if (c == '"') {
                q = !q;
            } else if (c == ',' && !q) {
                cells.add(b.toString());
                b.setLength(0);
            } else {
                b.append(c);
            }
        }
        return cells.get(10);
    }

    @Test
    void inventoryComparesWithTheDemoProvincesEnterprises() throws Exception {
        assertThat(PeaklineCli.run("demo", "--out", dir.toString(), "--scale", "0.2", "--from-year", "2019"))
                .isZero();
        Path result = dir.resolve("r.csv");
        assertThat(account(dir, result)).isZero();
        Path cmp = dir.resolve("cmp.csv");
        int code = PeaklineCli.run(
                "inventory",
                "--energy",
                GUIZHOU.toString(),
                "--method",
                "statutory",
                "--year",
                "2019",
                "--clinker",
                "2019=6000",
                "--bottom-up",
                result.toString(),
                "--compare-out",
                cmp.toString(),
                "--out",
                dir.resolve("inv.csv").toString());
        assertThat(code).as(err.toString(StandardCharsets.UTF_8)).isZero();
        List<String> lines = Files.readAllLines(cmp);
        assertThat(lines.get(0))
                .isEqualTo(
                        "region,region_code,year,sector_no,sector,scope,top_down_co2_mt,bottom_up_co2_mt,gap_mt,coverage,enterprises");
        String all = lines.stream()
                .filter(l -> l.contains(",ALL,energy,"))
                .findFirst()
                .orElseThrow();
        double coverage = Double.parseDouble(all.split(",")[9]);
        assertThat(coverage).isBetween(0.05, 1.0);
        assertThat(lines).anyMatch(l -> l.contains(",process,"));
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("coverage").contains("gap");
    }

    @Test
    void inventoryRejectsBadInputAndWritesNothing() throws Exception {
        Path bad = dir.resolve("bad.csv");
        Files.writeString(bad, "year,province,row,fuel,unit,value\n2017,Guizhou,Thermal Power,Raw_Coal,10^8 kwh,1\n");
        Path inv = dir.resolve("inv.csv");
        assertThat(PeaklineCli.run("inventory", "--energy", bad.toString(), "--out", inv.toString()))
                .isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("bad.csv:2").contains("does not fit Raw_Coal");
        assertThat(inv).doesNotExist();
        assertThat(PeaklineCli.run(
                        "inventory", "--energy", GUIZHOU.toString(), "--method", "tea-leaves", "--out", inv.toString()))
                .isEqualTo(2);
        assertThat(PeaklineCli.run(
                        "inventory", "--energy", GUIZHOU.toString(), "--year", "2030", "--out", inv.toString()))
                .isEqualTo(2);
        assertThat(inv).doesNotExist();
    }

    @Test
    void pollutantsHoldsItsContract() throws Exception {
        // the tax authority's example: one air outlet, SO2 and fluorides 10 kg, CO and HCl 100 kg, 1.2 yuan; and a
        // water outlet with COD 100 kg and ammonia nitrogen 0.04 t at 1.4 yuan
        Path in = dir.resolve("emissions.csv");
        java.nio.file.Files.writeString(
                in,
                "enterprise,period,outlet,pollutant,quantity,unit\n"
                        + "91520181MA6DKQ3L5C,2018-03,air,二氧化硫,10,kg\n"
                        + "91520181MA6DKQ3L5C,2018-03,air,氟化物,10,kg\n"
                        + "91520181MA6DKQ3L5C,2018-03,air,CO,100,kg\n"
                        + "91520181MA6DKQ3L5C,2018-03,air,HCl,100,kg\n"
                        + "91520181MA6DKQ3L5C,2018-03,water,COD,100,kg\n"
                        + "91520181MA6DKQ3L5C,2018-03,water,氨氮,0.04,t\n");
        Path out = dir.resolve("tax.csv");
        assertThat(PeaklineCli.run(
                        "pollutants",
                        "--emissions",
                        in.toString(),
                        "--air-rate",
                        "1.2",
                        "--water-rate",
                        "1.4",
                        "--out",
                        out.toString()))
                .isZero();
        List<String> lines = java.nio.file.Files.readAllLines(out);
        assertThat(lines.get(0))
                .isEqualTo("enterprise,period,outlet,pollutant,quantity_kg,equivalent_value_kg,pollution_equivalents,"
                        + "taxed,tax_yuan");
        assertThat(lines.subList(1, lines.size()))
                .containsExactly(
                        "91520181MA6DKQ3L5C,2018-03,air,二氧化硫,10,0.95,10.53,true,12.64",
                        "91520181MA6DKQ3L5C,2018-03,air,氟化物,10,0.87,11.49,true,13.79",
                        "91520181MA6DKQ3L5C,2018-03,air,一氧化碳,100,16.7,5.99,false,0.00",
                        "91520181MA6DKQ3L5C,2018-03,air,氯化氢,100,10.75,9.30,true,11.16",
                        // 100 / 1 = 100 equivalents × 1.4 = 140.00; 40 kg / 0.8 = 50 × 1.4 = 70.00
                        "91520181MA6DKQ3L5C,2018-03,water,化学需氧量,100,1,100.00,true,140.00",
                        "91520181MA6DKQ3L5C,2018-03,water,氨氮,40,0.8,50.00,true,70.00");
        // bad rows are named by row and column, a rate outside the law's range is refused; nothing is written
        java.nio.file.Files.writeString(
                in,
                "enterprise,period,outlet,pollutant,quantity,unit\n"
                        + "91520181MA6DKQ3L5C,2018-13,air,二氧化硫,10,kg\n"
                        + "91520181MA6DKQ3L5C,2018-03,air,COD,10,kg\n"
                        + "91520181MA6DKQ3L5C,2018-03,smoke,二氧化硫,10,kg\n"
                        + "91520181MA6DKQ3L5C,2018-03,air,二氧化硫,-1,kg\n"
                        + "91520181MA6DKQ3L5C,2018-03,air,二氧化硫,1,lb\n"
                        + "91520181MA6DKQ3L5C,2018-04,air,二氧化硫,1,kg\n"
                        + "91520181MA6DKQ3L5C,2018-04,air,SO2,2,kg\n"
                        + "91520181MA6DKQ3L5C,1970-01,air,SO2,2,kg\n"
                        + "91520181MA6DKQ3L5C,2018-05,air,SO2,1e300,kg\n");
        Path none = dir.resolve("none.csv");
        assertThat(PeaklineCli.run(
                        "pollutants",
                        "--emissions",
                        in.toString(),
                        "--air-rate",
                        "20",
                        "--water-rate",
                        "1.4",
                        "--out",
                        none.toString()))
                .isEqualTo(2);
        assertThat(none).doesNotExist();
        assertThat(err.toString(StandardCharsets.UTF_8))
                .contains("pollutants.rate")
                .contains("period.format")
                .contains("pollutants.unknown")
                .contains("pollutants.outlet")
                .contains("quantity.negative")
                .contains("unit.unknown")
                .contains("period.duplicate")
                .contains("period.year")
                .contains("quantity.absurd");
    }

    @Test
    void pollutantsTaxesNumberedOutletsApartAndTheSpecialWaterItems() throws Exception {
        // the two air outlets of issue 29 and a water outlet with pH 4 on 24,000 t of sewage and colour 320 against the
        // standard's 80 (exceedance (320 − 80) / 80 = 3): DA001 514,875.90, DA002 146,238.90 (see
        // EnvironmentalTaxTest); DW001 pH 24,000 / 1 = 24,000 and colour 24,000 × 3 / 5 = 14,400 at 1.4 yuan:
        // 33,600.00 + 20,160.00; the CLI takes any outlet number
        Path in = dir.resolve("outlets.csv");
        String e = "91520181MA6DKQ3L5C,2024-01,";
        java.nio.file.Files.writeString(
                in,
                "enterprise,period,outlet,outlet_id,pollutant,quantity,unit,level,limit\n"
                        + e + "air,DA001,SO2,160,t,,\n"
                        + e + "air,DA001,NOx,228,t,,\n"
                        + e + "air,DA001,烟尘,45,t,,\n"
                        + e + "air,DA001,CO,20,t,,\n"
                        + e + "air,DA002,CO,2000,t,,\n"
                        + e + "air,DA002,SO2,1,t,,\n"
                        + e + "air,DA002,NOx,1,t,,\n"
                        + e + "air,DA002,烟尘,1,t,,\n"
                        + e + "water,DW001,pH值,24000,t,4,\n"
                        + e + "water,DW001,色度,24000,m³,320,80\n");
        Path out = dir.resolve("outlets-tax.csv");
        assertThat(PeaklineCli.run(
                        "pollutants",
                        "--emissions",
                        in.toString(),
                        "--air-rate",
                        "1.2",
                        "--water-rate",
                        "1.4",
                        "--out",
                        out.toString()))
                .isZero();
        List<String> lines = java.nio.file.Files.readAllLines(out);
        assertThat(lines.get(0))
                .isEqualTo("enterprise,period,outlet,outlet_id,pollutant,quantity_kg,equivalent_value_kg,"
                        + "pollution_equivalents,taxed,tax_yuan,sewage_t,level");
        assertThat(lines)
                .contains(
                        e + "air,DA001,二氧化硫,160000,0.95,168421.05,true,202105.26,,",
                        e + "air,DA001,一氧化碳,20000,16.7,1197.60,false,0.00,,",
                        e + "air,DA002,一氧化碳,2000000,16.7,119760.48,true,143712.58,,",
                        e + "water,DW001,pH值,,1,24000.00,true,33600.00,24000,4",
                        e + "water,DW001,色度,,5,14400.00,true,20160.00,24000,3");
        // in the same outlet twice is still refused, and a colour without its standard is named by column
        java.nio.file.Files.writeString(
                in,
                "enterprise,period,outlet,outlet_id,pollutant,quantity,unit,level,limit\n"
                        + e + "air,DA001,SO2,160,t,,\n"
                        + e + "air,DA001,SO2,1,t,,\n"
                        + e + "water,DW001,色度,24000,t,320,\n"
                        + e + "water,DW001,pH值,24000,kg,4,\n");
        assertThat(PeaklineCli.run(
                        "pollutants",
                        "--emissions",
                        in.toString(),
                        "--air-rate",
                        "1.2",
                        "--water-rate",
                        "1.4",
                        "--out",
                        dir.resolve("refused.csv").toString()))
                .isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8))
                .contains("DA001 outlet in 2024-01 is given twice")
                .contains("column 'limit'")
                .contains("taxed on the sewage discharged");
    }

    @Test
    void sinksHoldsItsContract() throws Exception {
        // Guiyang's forest by the gain method in two stands (1,000 ha at 5 m³/ha/yr, BCEF_I 0.6, R 0.2, CF 0.47 →
        // −6,204 t; and the same stand by density 0.5 × BEF 1.2 → −6,204 t), summed: −12,408 tCO2; its wetland by stock
        // difference (1,200,000 → 1,260,000 tC over 5 years: −44,000 t); Zunyi's forest by the provincial guideline
        // (2,000,000 m³ × 0.05 × 0.45 × 1.6 × 0.5 × 44/12 = 132,000 t removed)
        Path in = dir.resolve("sinks.csv");
        java.nio.file.Files.writeString(
                in,
                "region,year,pool,method,area_ha,increment_m3_per_ha_yr,bcef,wood_density,bef,root_shoot_ratio,"
                        + "carbon_fraction,stock_m3,growth_rate,carbon_stock_t1_tc,carbon_stock_t2_tc,interval_years\n"
                        + "520100,2023,forest,gain,1000,5,0.6,,,0.2,0.47,,,,,\n"
                        + "520100,2023,forest,gain,1000,5,,0.5,1.2,0.2,0.47,,,,,\n"
                        + "520100,2023,wetland,stock_difference,,,,,,,,,,1200000,1260000,5\n"
                        + "520300,2023,forest,provincial,,,,0.45,1.6,,0.5,2000000,0.05,,,\n");
        Path out = dir.resolve("removals.csv");
        assertThat(PeaklineCli.run("sinks", "--input", in.toString(), "--out", out.toString()))
                .isZero();
        assertThat(java.nio.file.Files.readAllLines(out))
                .containsExactly(
                        "region,year,pool,removals_tco2",
                        "520100,2023,forest,-12408.000000",
                        "520100,2023,wetland,-44000.000000",
                        "520300,2023,forest,-132000.000000");
        // a growth rate written as a percentage, an unknown pool, a missing coefficient, a bad region: named, nothing
        // written
        java.nio.file.Files.writeString(
                in,
                "region,year,pool,method,stock_m3,growth_rate,wood_density,bef,carbon_fraction\n"
                        + "520300,2023,forest,provincial,2000000,5,0.45,1.6,0.5\n"
                        + "520300,2023,jungle,provincial,2000000,0.05,0.45,1.6,0.5\n"
                        + "520300,2023,forest,provincial,2000000,0.05,,1.6,0.5\n"
                        + "529999,2023,forest,karst,,,,,\n");
        Path none = dir.resolve("none.csv");
        assertThat(PeaklineCli.run("sinks", "--input", in.toString(), "--out", none.toString()))
                .isEqualTo(2);
        assertThat(none).doesNotExist();
        assertThat(err.toString(StandardCharsets.UTF_8))
                .contains("0.05 for 5 %")
                .contains("sinks.pool")
                .contains("wood_density is needed")
                .contains("region.unknown")
                .contains("the karst method is for the karst pool only");
    }

    @Test
    void allocateHoldsItsContract() throws Exception {
        // U1 (PowerAllocationTest by hand): 2021 300MW+ coal, air cooled, heat ratio 20 %, load 78 %:
        // 1,000,000 × 0.8218 × 1.05 × (1 − 0.22 × 0.2) × (1.007 + 0.0016 × 2) = 833,337.052968; 500,000 × 0.1111 =
        // 55,550 → 888,887 t. G1: 2022 gas, heat ratio 30 %: 400,000 × 0.3901 × (1 − 0.6 × 0.3) = 127,952.8; 1,000,000
        // × 0.0557 = 55,700 → 183,653 t
        Path units = dir.resolve("units.csv");
        Path bench = dir.resolve("benchmarks.csv");
        Files.writeString(
                units,
                "unit_id,year,supply_mwh,heat_gj,cooling,heat_ratio,load_factor,fuel_class\n"
                        + "U1,2021,1000000,500000,air,0.2,78%,coal_300plus\n"
                        + "G1,2022,400000,1000000,水冷,30%,0.6,燃气机组\n");
        Files.writeString(
                bench,
                "year,fuel_class,electricity_t_per_mwh,heat_t_per_gj\n2021,coal_300plus,0.8218,0.1111\n"
                        + "2022,gas,0.3901,0.0557\n");
        Path o = dir.resolve("allocations.csv");
        assertThat(PeaklineCli.run(
                        "allocate",
                        "--units",
                        units.toString(),
                        "--benchmarks",
                        bench.toString(),
                        "--out",
                        o.toString()))
                .isZero();
        assertThat(Files.readAllLines(o))
                .containsExactly(
                        "unit_id,year,electricity_t,heat_t,allocation_t",
                        "U1,2021,833337.052968,55550.000000,888887",
                        "G1,2022,127952.800000,55700.000000,183653");
        // the shipped benchmarks give the same
        Path shipped = dir.resolve("shipped.csv");
        assertThat(PeaklineCli.run("allocate", "--units", units.toString(), "--out", shipped.toString()))
                .isZero();
        assertThat(Files.readAllLines(shipped)).isEqualTo(Files.readAllLines(o));
        // an unknown cooling, a heat ratio above 100 %, an unknown class, a year without rules, a unit given twice, a
        // negative supply: each by row and column, nothing written
        Files.writeString(
                units,
                "机组编号,年份,供电量,供热量,冷却方式,供热比,负荷率,机组类别\n"
                        + "U1,2021,1000000,0,fan,0,0.9,coal_300plus\n"
                        + "U2,2021,1000000,0,air,120%,0.9,coal_300plus\n"
                        + "U3,2021,1000000,0,air,0,0.9,nuclear\n"
                        + "U4,2024,1000000,0,air,0,0.9,coal_300plus\n"
                        + "U5,2021,1000000,0,air,0,0.9,coal_300plus\n"
                        + "U5,2021,1000000,0,air,0,0.9,coal_300plus\n"
                        + "U6,2021,-5,0,air,0,0.9,coal_300plus\n");
        Path none = dir.resolve("none.csv");
        assertThat(PeaklineCli.run("allocate", "--units", units.toString(), "--out", none.toString()))
                .isEqualTo(2);
        assertThat(none).doesNotExist();
        assertThat(err.toString(StandardCharsets.UTF_8))
                .contains("units.csv:2: column 'cooling': 'fan' is not a cooling type")
                .contains("units.csv:3: column 'heat_ratio'")
                .contains("units.csv:4: column 'fuel_class': 'nuclear' is not a unit class")
                .contains("units.csv:5: column 'year': no allocation rules are shipped for 2024")
                .contains("units.csv:7: column 'unit_id': unit U5 in 2021 is given twice (first on line 6)")
                .contains("units.csv:8: column 'supply_mwh'")
                .contains("6 problem(s); nothing was written");
    }

    @Test
    void complianceHoldsItsContract() throws Exception {
        // E owes 760,000 for 2021 and 690,000 for 2022. It was allocated 700,000 of 2021 and 650,000 of 2022, buys
        // 60,000 of 2021 and surrenders 760,000: 2021 compliant. For 2022 it surrenders 34,500 CCER (the cap: 5 % of
        // 690,000) and still owes 655,500 with 650,000 held: 5,500 short before the deadline (2023-12-31)
        Path ledger = dir.resolve("ledger.csv");
        String e = "91520100MA6DK1234X";
        Files.writeString(
                ledger,
                "date,account,instrument,vintage,kind,quantity,serial_from,serial_to\n"
                        + "2023-01-10," + e + ",cea,2021,allocate,700000,,\n"
                        + "2023-01-10," + e + ",cea,2022,allocate,650000,,\n"
                        + "2023-01-10,BUYER,cea,2021,allocate,100000,,\n"
                        + "2023-06-30," + e + ",cea,2021,obligation,760000,,\n"
                        + "2023-06-30," + e + ",cea,2022,obligation,690000,,\n"
                        + "2023-09-01,BUYER,cea,2021,transfer,-60000,,\n"
                        + "2023-09-01," + e + ",cea,2021,transfer,60000,,\n"
                        + "2023-10-01,P1,ccer,2021,issue,50000,1,50000\n"
                        + "2023-10-02,P1,ccer,2021,transfer,-34500,1,34500\n"
                        + "2023-10-02," + e + ",ccer,2021,transfer,34500,1,34500\n"
                        + "2023-11-01," + e + ",cea,2021,surrender,760000,,\n"
                        + "2023-11-01," + e + ",ccer,2021,surrender,34500,1,34500\n");
        Path o = dir.resolve("standing.csv");
        assertThat(PeaklineCli.run("compliance", "--ledger", ledger.toString(), "--out", o.toString()))
                .isZero();
        assertThat(Files.readAllLines(o))
                .containsExactly(
                        "account,instrument,vintage,balance,due,surrendered,offsets,remaining,held_toward,shortfall,"
                                + "status",
                        e + ",cea,2021,0.000000,760000.000000,760000.000000,0.000000,0.000000,0.000000,0.000000,"
                                + "compliant",
                        e + ",cea,2022,650000.000000,690000.000000,0.000000,34500.000000,655500.000000,650000.000000,"
                                + "5500.000000,short",
                        e + ",ccer,2021,0.000000,,,,,,,",
                        "BUYER,cea,2021,40000.000000,,,,,,,",
                        "P1,ccer,2021,15500.000000,,,,,,,");
        // after the deadline the same ledger is overdue
        assertThat(PeaklineCli.run(
                        "compliance", "--ledger", ledger.toString(), "--out", o.toString(), "--as-of", "2024-01-02"))
                .isZero();
        assertThat(Files.readAllLines(o).get(2)).endsWith(",overdue");
        // one CCER too many, an overdraft, a serial issued twice, an unknown instrument, a bad date: by row
        Files.writeString(
                ledger,
                "date,account,instrument,vintage,kind,quantity,serial_from,serial_to\n"
                        + "2023-01-10," + e + ",cea,2022,allocate,650000,,\n"
                        + "2023-06-30," + e + ",cea,2022,obligation,690000,,\n"
                        + "2023-10-01," + e + ",ccer,2021,issue,50000,1,50000\n"
                        + "2023-11-01," + e + ",ccer,2021,surrender,34501,1,34501\n"
                        + "2023-11-02," + e + ",cea,2022,retire,650001,,\n"
                        + "2023-11-03,P2,ccer,2021,issue,100,49901,50000\n");
        Path none = dir.resolve("none.csv");
        assertThat(PeaklineCli.run("compliance", "--ledger", ledger.toString(), "--out", none.toString()))
                .isEqualTo(2);
        assertThat(none).doesNotExist();
        assertThat(err.toString(StandardCharsets.UTF_8))
                .contains("ledger.csv:5: column 'quantity': offsets may settle at most 5 % of the 690,000 due for 2022")
                .contains(
                        "ledger.csv:6: column 'quantity': " + e + " holds 650,000 of cea 2022 and cannot give 650,001")
                .contains("ledger.csv:7: column 'serial_from': serials 49901–50000 overlap 1–50000, issued before");
        Files.writeString(
                ledger,
                "date,account,instrument,vintage,kind,quantity,serial_from,serial_to\n" + "2023-13-01," + e
                        + ",碳币,2022,allocate,650000,,\n");
        assertThat(PeaklineCli.run("compliance", "--ledger", ledger.toString(), "--out", none.toString()))
                .isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8))
                .contains("ledger.csv:2: column 'date': '2023-13-01' is not a date")
                .contains("ledger.csv:2: column 'instrument': '碳币' is not an instrument");
    }

    @Test
    void footprintHoldsItsContractOnALoop() throws Exception {
        // a power plant and a coal mine that supply each other (ProductSystemTest by hand): 1,000 kWh demanded;
        // s = (1000 / 0.995, 100 / 0.995); GWP = (900 + 2 + 2.7) / 0.995 = 909.246231 kg CO2e, the plant 904.522613,
        // the mine 4.723618
        Path ex = dir.resolve("exchanges.csv");
        java.nio.file.Files.writeString(
                ex,
                "process,flow,amount,unit,type\n"
                        + "power,electricity,1,kWh,product\n"
                        + "power,coal,0.1,kg,input\n"
                        + "power,CO2,0.9,kg,elementary\n"
                        + "mine,coal,1,kg,product\n"
                        + "mine,electricity,0.05,kWh,input\n"
                        + "mine,CO2,0.02,kg,elementary\n"
                        + "mine,CH4,0.001,kg,elementary\n");
        Path f = dir.resolve("factors.csv");
        java.nio.file.Files.writeString(f, "indicator,flow,factor\nGWP100,CO2,1\nGWP100,CH4,27\n");
        Path out = dir.resolve("fp.csv");
        assertThat(PeaklineCli.run(
                        "footprint",
                        "--exchanges",
                        ex.toString(),
                        "--factors",
                        f.toString(),
                        "--demand",
                        "electricity=1000",
                        "--out",
                        out.toString()))
                .isZero();
        assertThat(java.nio.file.Files.readAllLines(out))
                .containsExactly(
                        "indicator,process,value",
                        "GWP100,TOTAL,909.246231",
                        "GWP100,power,904.522613",
                        "GWP100,mine,4.723618");
        // a type that is none of the three, a demand of a flow nobody makes: refused, nothing written
        java.nio.file.Files.writeString(ex, "process,flow,amount,unit,type\npower,electricity,1,kWh,output\n");
        Path none = dir.resolve("fp-none.csv");
        assertThat(PeaklineCli.run(
                        "footprint",
                        "--exchanges",
                        ex.toString(),
                        "--factors",
                        f.toString(),
                        "--demand",
                        "steel=1",
                        "--out",
                        none.toString()))
                .isEqualTo(2);
        assertThat(none).doesNotExist();
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("footprint.type");
    }

    @Test
    void consolidateHoldsItsContract() throws Exception {
        // the group of ConsolidationTest: a wholly owned plant, a 60 % subsidiary with a 50 % joint venture, a 30 %
        // associate, a 10 % investment
        Path in = dir.resolve("ownership.csv");
        java.nio.file.Files.writeString(
                in,
                "parent,entity,share,control\n"
                        + ",集团,,full\n"
                        + "集团,全资电厂,1,full\n"
                        + "集团,控股铝业,0.6,full\n"
                        + "控股铝业,合营碳素,0.5,joint\n"
                        + "集团,参股水泥,0.3,significant\n"
                        + "集团,财务投资,0.1,none\n");
        Path out = dir.resolve("boundary.csv");
        assertThat(PeaklineCli.run(
                        "consolidate", "--ownership", in.toString(), "--approach", "equity", "--out", out.toString()))
                .isZero();
        assertThat(java.nio.file.Files.readAllLines(out))
                .containsExactly("entity,share", "集团,1", "全资电厂,1", "控股铝业,0.6", "合营碳素,0.3", "参股水泥,0.3", "财务投资,0");
        assertThat(PeaklineCli.run(
                        "consolidate",
                        "--ownership",
                        in.toString(),
                        "--approach",
                        "financial-control",
                        "--out",
                        out.toString()))
                .isZero();
        assertThat(java.nio.file.Files.readAllLines(out))
                .containsExactly("entity,share", "集团,1", "全资电厂,1", "控股铝业,1", "合营碳素,0.5", "参股水泥,0", "财务投资,0");
        Path none = dir.resolve("boundary-none.csv");
        assertThat(PeaklineCli.run(
                        "consolidate",
                        "--ownership",
                        in.toString(),
                        "--approach",
                        "equity-ish",
                        "--out",
                        none.toString()))
                .isEqualTo(2);
        assertThat(none).doesNotExist();
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("consolidate.approach");
    }
}
