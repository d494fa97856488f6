package dev.peakline.io.table;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.peakline.io.filing.FilingReader;
import dev.peakline.problems.ErrorCode;
import dev.peakline.problems.Refusal;
import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.apache.poi.xssf.usermodel.XSSFRow;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

/** Files that are not what they claim: each is refused with where and why, never read as something else. */
class TableTest {
    static final String GOOD = "91520181MA6DKQ3L5C";

    @Test
    void aRowWithMoreFilledCellsThanTheHeaderIsRefusedWithItsRowAndColumn() {
        String csv = "a,b,c\n1,2,3\n4,5,6,7\n8,9\n";
        assertThatThrownBy(() -> Table.csv("x.csv", csv)).isInstanceOfSatisfying(Refusal.class, r -> {
            assertThat(r.code()).isEqualTo(ErrorCode.UPLOAD_SHAPE);
            assertThat(r.problems()).hasSize(1);
            assertThat(r.problems().get(0).row()).isEqualTo(3);
            assertThat(r.problems().get(0).column()).isEqualTo("D");
            assertThat(r.problems().get(0).message()).contains("row 3 has 4 fields but the header has 3");
        });
    }

    @Test
    void aShortRowReadsItsMissingCellsAsEmptyAndTrailingEmptyCellsAreFine() {
        Table t = Table.csv("x.csv", "a,b,c\n8,9\n1,2,3,,\n");
        assertThat(t.lines()).hasSize(3);
        assertThat(t.lines().get(1).cell(2)).isEmpty();
        assertThat(t.lines().get(2).cell(2)).isEqualTo("3");
    }

    @Test
    void aNulCharacterIsRefusedWithItsCell() {
        assertThatThrownBy(() -> Table.csv("x.csv", "a,b\n1,x\u0000y\n")).isInstanceOfSatisfying(Refusal.class, r -> {
            assertThat(r.problems().get(0).row()).isEqualTo(2);
            assertThat(r.problems().get(0).column()).isEqualTo("B");
        });
    }

    @Test
    void gbkIsRefusedAsNotUtf8WithTheLineOfItsFirstForeignByte() {
        byte[] gbk = ("企业,期间\n" + GOOD + ",2024-03\n烟煤,1\n").getBytes(Charset.forName("GBK"));
        assertThatThrownBy(() -> Table.utf8("gbk.csv", gbk)).isInstanceOfSatisfying(Refusal.class, r -> {
            assertThat(r.code()).isEqualTo(ErrorCode.UPLOAD_ENCODING);
            assertThat(r.getMessage()).contains("not UTF-8 (line 1, byte 1)");
        });
        // the same text in UTF-8 with a BOM reads, the BOM dropped
        byte[] utf8 = ("\uFEFF企业,期间\n").getBytes(StandardCharsets.UTF_8);
        assertThat(Table.utf8("u.csv", utf8)).isEqualTo("企业,期间\n");
    }

    @Test
    void aFormulaWithoutACalculatedValueIsRefusedNotReadAsZero() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            XSSFSheet s = wb.createSheet("activity");
            XSSFRow h = s.createRow(0);
            h.createCell(0).setCellValue("quantity");
            h.createCell(1).setCellValue("unit");
            XSSFRow r = s.createRow(1);
            r.createCell(0).setCellFormula("2*3"); // never evaluated: no cached value is written
            r.createCell(1).setCellValue("t");
            XSSFRow evaluated = s.createRow(2);
            evaluated.createCell(0).setCellFormula("2*4");
            wb.getCreationHelper().createFormulaEvaluator().evaluateFormulaCell(evaluated.getCell(0));
            wb.write(out);
        }
        assertThatThrownBy(() -> Table.excel("f.xlsx", out.toByteArray())).isInstanceOfSatisfying(Refusal.class, r -> {
            assertThat(r.code()).isEqualTo(ErrorCode.UPLOAD_FORMULA);
            assertThat(r.problems()).hasSize(1);
            assertThat(r.problems().get(0).row()).isEqualTo(2);
            assertThat(r.problems().get(0).message()).contains("A2", "=2*3");
        });
    }

    @Test
    void strictDecimalsInAFiling() {
        String csv = "enterprise,region,industry,period,carrier,quantity,unit,use\n"
                + GOOD + ",520181,3216,2024-03,烟煤,0x1p3,t,燃烧\n"
                + GOOD + ",520181,3216,2024-03,烟煤,100d,t,燃烧\n"
                + GOOD + ",520181,3216,2024-03,烟煤,1_0_0,t,燃烧\n"
                + GOOD + ",520181,3216,1970-01,烟煤,100,t,燃烧\n";
        FilingReader.Read r = FilingReader.read("f.csv", csv.getBytes(StandardCharsets.UTF_8));
        assertThat(r.problems())
                .extracting(p -> p.row() + ":" + p.code())
                .containsExactly("2:number.format", "3:number.format", "4:number.format", "5:period.year");
    }
}
