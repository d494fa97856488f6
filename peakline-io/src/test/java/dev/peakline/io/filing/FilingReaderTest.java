package dev.peakline.io.filing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.peakline.io.table.CsvBytes;
import dev.peakline.io.table.Table;
import dev.peakline.problems.Problem;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.poi.xssf.usermodel.XSSFRow;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FilingReaderTest {
    static final String GOOD = "91520181MA6DKQ3L5C";

    @TempDir
    Path dir;

    Path write(String name, String text) throws Exception {
        Path p = dir.resolve(name);
        Files.writeString(p, text, StandardCharsets.UTF_8);
        return p;
    }

    @Test
    void readsChineseHeadersWithBomInAnyColumnOrder() throws Exception {
        Path f = write("a.csv", "\uFEFF数量,单位,用途,企业,行政区划,行业,期间,能源品种\n1000,吨,燃烧," + GOOD + ",520181,3216,2024-03,烟煤\n");
        FilingReader.Read r = FilingReader.read(f, null, null, null);
        assertThat(r.problems()).isEmpty();
        var a = r.input().activity().get(0);
        assertThat(a.carrier()).isEqualTo("烟煤");
        assertThat(a.quantity().value()).isEqualTo(1000);
        assertThat(a.sourceRow()).isEqualTo(2);
    }

    @Test
    void readsTheDataQualityOfEachLineAndRefusesUnknownGrades() throws Exception {
        Path f = write(
                "q.csv",
                "企业,行政区划,行业,期间,能源品种,数量,单位,用途,数据质量\n"
                        + GOOD + ",520181,3216,2024-03,烟煤,1000,吨,燃烧,实测\n"
                        + GOOD + ",520181,3216,2024-03,电力,10,MWh,外购,estimated\n"
                        + GOOD + ",520181,3216,2024-03,天然气,1,万Nm3,燃烧,\n");
        FilingReader.Read r = FilingReader.read(f, null, null, null);
        assertThat(r.problems()).isEmpty();
        assertThat(r.input().activity())
                .extracting(a -> a.quality() == null ? "—" : a.quality().nameCn())
                .containsExactly("实测", "估算", "—");
        Path bad =
                write("b.csv", "企业,行政区划,行业,期间,能源品种,数量,单位,用途,数据质量\n" + GOOD + ",520181,3216,2024-03,烟煤,1000,吨,燃烧,差不多\n");
        FilingReader.Read rb = FilingReader.read(bad, null, null, null);
        assertThat(rb.problems()).extracting(Problem::code).containsExactly("quality.unknown");
        assertThat(rb.problems().get(0).column()).isEqualTo("quality");
        assertThat(rb.problems().get(0).row()).isEqualTo(2);
    }

    @Test
    void readsStatedUncertaintiesAndRefusesOnesOutsideZeroToAHundredPercent() throws Exception {
        Path f = write(
                "u.csv",
                "企业,行政区划,行业,期间,能源品种,数量,单位,用途,不确定性,因子不确定性\n"
                        + GOOD + ",520181,3216,2024-03,烟煤,1000,吨,燃烧,±2 %,3\n"
                        + GOOD + ",520181,3216,2024-03,电力,10,MWh,外购,,\n");
        FilingReader.Read r = FilingReader.read(f, null, null, null);
        assertThat(r.problems()).isEmpty();
        assertThat(r.input().activity().get(0).uncertainty()).isEqualTo(2.0);
        assertThat(r.input().activity().get(0).factorUncertainty()).isEqualTo(3.0);
        assertThat(r.input().activity().get(1).uncertainty()).isNaN();
        // 150 % and 1e300 are not uncertainties; each is named with its row and column, and nothing is read
        Path bad = write(
                "ub.csv",
                "企业,行政区划,行业,期间,能源品种,数量,单位,用途,不确定性,因子不确定性\n"
                        + GOOD + ",520181,3216,2024-03,烟煤,1000,吨,燃烧,150,\n"
                        + GOOD + ",520181,3216,2024-03,烟煤,1000,吨,燃烧,,1e300\n");
        FilingReader.Read rb = FilingReader.read(bad, null, null, null);
        assertThat(rb.input()).isNull();
        assertThat(rb.problems())
                .extracting(p -> p.row() + ":" + p.column() + ":" + p.code())
                .containsExactly("2:uncertainty:uncertainty.range", "3:factor_uncertainty:uncertainty.range");
    }

    @Test
    void listsEveryProblemWithRowAndColumn() throws Exception {
        Path f = write(
                "bad.csv",
                String.join(
                                "\n",
                                "enterprise,region,industry,period,carrier,quantity,unit,use",
                                GOOD + ",520181,3216,2024-03,烟煤,1000,t,combustion",
                                "91520181MA6DKQ3L5X,520181,3216,2024-03,烟煤,1000,t,combustion",
                                GOOD + ",52018,3216,2024-03,烟煤,1000,t,combustion",
                                GOOD + ",520181,3216,2024-13,烟煤,1000,t,combustion",
                                GOOD + ",520181,3216,2024-03,烟煤,-5,t,combustion",
                                GOOD + ",520181,3216,2024-03,烟煤,abc,t,combustion",
                                GOOD + ",520181,3216,2024-03,烟煤,1000,furlong,combustion",
                                GOOD + ",520181,3216,2024-03,烟煤,1000,t,eating",
                                GOOD + ",520181,3216,2024-03,烟煤,1e12,t,combustion",
                                GOOD + ",520181,3216,24-03,烟煤,1000,t,combustion",
                                GOOD + ",520181,3216,2024-03,烟煤,\"1,000\",t,combustion")
                        + "\n");
        FilingReader.Read r = FilingReader.read(f, null, null, null);
        assertThat(r.input()).isNull();
        assertThat(r.problems()).extracting(Problem::row).containsExactly(3, 4, 5, 6, 7, 8, 9, 10, 11, 12);
        assertThat(r.problems())
                .extracting(Problem::column)
                .containsExactly(
                        "enterprise",
                        "region",
                        "period",
                        "quantity",
                        "quantity",
                        "unit",
                        "use",
                        "quantity",
                        "period",
                        "quantity");
        assertThat(r.problems())
                .extracting(Problem::code)
                .containsExactly(
                        "enterprise.credit_code",
                        "region.format",
                        "period.month",
                        "quantity.negative",
                        "number.format",
                        "unit.unknown",
                        "use.unknown",
                        "quantity.absurd",
                        "period.format",
                        "number.format");
        assertThat(r.problems().get(0).toString()).startsWith("bad.csv:3: column 'enterprise': check character");
    }

    @Test
    void reportsAMissingColumn() throws Exception {
        Path f = write(
                "h.csv",
                "enterprise,region,industry,period,carrier,quantity,use\n" + GOOD
                        + ",520181,3216,2024-03,烟煤,1,combustion\n");
        assertThat(FilingReader.read(f, null, null, null).problems())
                .singleElement()
                .satisfies(p -> assertThat(p.message()).contains("'unit'", "单位"));
    }

    @Test
    void readsCompanionFilesAndRejectsBadParameters() throws Exception {
        Path a = write(
                "a.csv",
                "enterprise,region,industry,period,carrier,quantity,unit,use\n" + GOOD
                        + ",520181,3216,2024-03,烟煤,1,t,combustion\n");
        Path p = write(
                "p.csv",
                "enterprise,period,process,quantity,unit,parameters\n" + GOOD
                        + ",2024-03,cement_clinker,100,t,cao=0.65;mgo=0.02\n" + GOOD
                        + ",2024-03,cement_clinker,100,t,cao 0.65\n");
        Path o = write("o.csv", "enterprise,period,value_added,unit\n" + GOOD + ",2024-03,100,MWh\n");
        FilingReader.Read r = FilingReader.read(a, p, null, o);
        assertThat(r.problems()).extracting(Problem::code).containsExactly("parameters.format", "unit.dimension");
        assertThat(r.problems()).extracting(Problem::source).containsExactly("p.csv", "o.csv");
    }

    @Test
    void readsAnExcelWorkbookWithCompanionSheets() throws Exception {
        Path x = dir.resolve("filing.xlsx");
        try (XSSFWorkbook wb = new XSSFWorkbook();
                OutputStream out = Files.newOutputStream(x)) {
            XSSFSheet s = wb.createSheet("活动数据");
            String[] h = {"企业", "行政区划", "行业", "期间", "能源品种", "数量", "单位", "用途"};
            XSSFRow r0 = s.createRow(0);
            for (int i = 0; i < h.length; i++) {
                r0.createCell(i).setCellValue(h[i]);
            }
            XSSFRow r1 = s.createRow(1);
            String[] v = {GOOD, "520181", "3216", "2024-03", "天然气"};
            for (int i = 0; i < v.length; i++) {
                r1.createCell(i).setCellValue(v[i]);
            }
            r1.createCell(5).setCellValue(100.5);
            r1.createCell(6).setCellValue("万Nm3");
            r1.createCell(7).setCellValue("combustion");
            XSSFSheet o = wb.createSheet("增加值");
            o.createRow(0).createCell(0).setCellValue("enterprise");
            o.getRow(0).createCell(1).setCellValue("period");
            o.getRow(0).createCell(2).setCellValue("value_added");
            o.getRow(0).createCell(3).setCellValue("unit");
            o.createRow(1).createCell(0).setCellValue(GOOD);
            o.getRow(1).createCell(1).setCellValue("2024-03");
            o.getRow(1).createCell(2).setCellValue(2000);
            o.getRow(1).createCell(3).setCellValue("万元");
            wb.write(out);
        }
        FilingReader.Read r = FilingReader.read(x, null, null, null);
        assertThat(r.problems()).isEmpty();
        assertThat(r.input().activity().get(0).quantity().value()).isEqualTo(100.5);
        assertThat(r.input().activity().get(0).sourceRow()).isEqualTo(2);
        assertThat(r.input().output().get(0).valueAdded().value()).isEqualTo(2000);
    }

    /**
     * The byte reader (a plain file cut into pieces read on all cores, clean lines read straight from the bytes) gives
     * exactly the records and problems of the general reader, line for line, over files big enough to be cut, with
     * defects, measured values, Chinese cells, full-width spaces, CRLF and blank lines scattered through them.
     */
    @Test
    void theByteReaderGivesWhatTheGeneralReaderGives() throws Exception {
        java.util.Random r = new java.util.Random(16);
        String[] codes = {GOOD, "91520181LH8H1D5Y51", "91520100MA6DKQ3L5X", "9152018"};
        String[] carriers = {"bituminous_coal", "natural_gas", "electricity", "烟煤", "柴油", "no_such_fuel"};
        String[] units = {"t", "万Nm3", "MWh", "吨", "kWh", "furlong"};
        String[] uses = {"combustion", "purchased", "燃烧", "外购", "eaten"};
        String[] periods = {"2024-01", "2024-12", "2024-13", "24-01", "2019-05"};
        for (int file = 0; file < 3; file++) {
            StringBuilder b =
                    new StringBuilder("enterprise,region,industry,period,carrier,quantity,unit,use,ncv,数据质量\n");
            for (int line = 0; line < 40_000; line++) {
                boolean clean = r.nextInt(10) > 0;
                String q = clean
                        ? String.valueOf(r.nextInt(100_000) / 100.0)
                        : new String[] {"-5", "1e3", "abc", "", "2e12", "12345678901234567", " 7 "}[r.nextInt(7)];
                b.append(clean ? codes[r.nextInt(2)] : codes[r.nextInt(4)])
                        .append(',')
                        .append(clean || r.nextBoolean() ? "520181" : "52x181")
                        .append(',')
                        .append(clean || r.nextBoolean() ? "3216" : "")
                        .append(',')
                        .append(clean ? periods[r.nextInt(2)] : periods[r.nextInt(5)])
                        .append(',')
                        .append(clean ? carriers[r.nextInt(5)] : carriers[r.nextInt(6)])
                        .append(',')
                        .append(q)
                        .append(',')
                        .append(clean ? units[r.nextInt(5)] : units[r.nextInt(6)])
                        .append(',')
                        .append(clean ? uses[r.nextInt(4)] : uses[r.nextInt(5)])
                        .append(',')
                        .append(r.nextInt(20) == 0 ? "20.9" : "")
                        .append(',')
                        .append(r.nextInt(20) == 0 ? "\u3000实测\u3000" : "");
                b.append(r.nextInt(50) == 0 ? "\r\n" : "\n");
                if (r.nextInt(500) == 0) {
                    b.append(r.nextBoolean() ? "\n" : ",,, ,\n");
                }
            }
            if (file == 2) {
                b.append(GOOD + ",520181,3216,2024-01,\"electricity\",1,MWh,purchased,,\n"); // a quote: not plain
            }
            Path f = write("p" + file + ".csv", b.toString());
            assertThat(Files.size(f)).isGreaterThan(2L * CsvBytes.PIECE);
            FilingReader.Read bytes = FilingReader.read(f, null, null, null);
            FilingReader.Read general = FilingReader.read(
                    Table.csv(f), java.util.Optional.empty(), java.util.Optional.empty(), java.util.Optional.empty());
            assertThat(bytes.problems()).isNotEmpty().isEqualTo(general.problems());
            // the same file without its bad lines reads to the same records both ways
            StringBuilder good = new StringBuilder();
            java.util.Set<Integer> bad = new java.util.HashSet<>();
            bytes.problems().forEach(p -> bad.add(p.row()));
            String[] lines = b.toString().split("\n", -1);
            for (int k = 0; k < lines.length; k++) {
                good.append(bad.contains(k + 1) ? "" : lines[k]).append(k + 1 < lines.length ? "\n" : "");
            }
            Path g = write("g" + file + ".csv", good.toString());
            FilingReader.Read gb = FilingReader.read(g, null, null, null);
            FilingReader.Read gg = FilingReader.read(
                    Table.csv(g), java.util.Optional.empty(), java.util.Optional.empty(), java.util.Optional.empty());
            assertThat(gb.problems()).isEmpty();
            assertThat(gb.input().activity())
                    .hasSizeGreaterThan(30_000)
                    .isEqualTo(gg.input().activity());
            // the lines are held in columns, codes interned as read; each reads back as the record its line says
            assertThat(gb.input().activity()).isInstanceOf(dev.peakline.accounting.ActivityColumns.class);
            assertThat(gb.input().activity()).isEqualTo(byHand(good.toString()));
        }
    }

    /** The records of a clean activity file of the test's columns, made cell by cell here, without the reader. */
    private static java.util.List<dev.peakline.domain.ActivityRecord> byHand(String file) {
        java.util.List<dev.peakline.domain.ActivityRecord> out = new java.util.ArrayList<>();
        String[] lines = file.split("\n", -1);
        for (int k = 1; k < lines.length; k++) {
            String[] c = lines[k].replace("\r", "").split(",", -1);
            if (java.util.Arrays.stream(c).allMatch(String::isBlank)) {
                continue;
            }
            for (int i = 0; i < c.length; i++) {
                c[i] = c[i].strip().replace("\"", ""); // the one quoted cell holds no comma
            }
            out.add(new dev.peakline.domain.ActivityRecord(
                    dev.peakline.domain.CreditCode.of(c[0]),
                    dev.peakline.domain.RegionCode.of(c[1]),
                    dev.peakline.domain.IndustryCode.of(c[2]),
                    java.time.YearMonth.parse(c[3]),
                    c[4],
                    dev.peakline.units.Quantity.of(
                            Double.parseDouble(c[5]),
                            dev.peakline.units.Unit.parse(c[6]).orElseThrow()),
                    dev.peakline.domain.Use.parse(c[7]).orElseThrow(),
                    c[8].isEmpty() ? Double.NaN : Double.parseDouble(c[8]),
                    Double.NaN,
                    k + 1,
                    dev.peakline.domain.DataQuality.parse(c[9]).orElse(null),
                    Double.NaN,
                    Double.NaN));
        }
        return out;
    }
}
