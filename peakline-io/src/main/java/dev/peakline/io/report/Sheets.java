package dev.peakline.io.report;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.WorkbookUtil;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/** Writes a {@link Report} as .xlsx, streaming rows so that long lists stay small in memory. */
final class Sheets {
    private Sheets() {}

    static byte[] write(Report r) {
        // closing an SXSSFWorkbook deletes its temporary files (POI 5.4+; dispose() is deprecated)
        try (SXSSFWorkbook wb = new SXSSFWorkbook(500);
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            CellStyle bold = wb.createCellStyle();
            Font f = wb.createFont();
            f.setBold(true);
            bold.setFont(f);
            Set<String> names = new HashSet<>();
            int n = 0;
            for (Report.Section s : r.sections()) {
                String name = WorkbookUtil.createSafeSheetName(s.heading());
                while (!names.add(name)) {
                    name = WorkbookUtil.createSafeSheetName(s.heading() + " " + (++n));
                }
                Sheet sh = wb.createSheet(name);
                int row = 0;
                Row t = sh.createRow(row++);
                t.createCell(0).setCellValue(r.sections().size() == 1 ? r.title() : r.title() + " — " + s.heading());
                t.getCell(0).setCellStyle(bold);
                for (String p : s == r.sections().get(0) ? r.preface() : List.<String>of()) {
                    sh.createRow(row++).createCell(0).setCellValue(p);
                }
                for (String p : s.notes()) {
                    sh.createRow(row++).createCell(0).setCellValue(p);
                }
                Row h = sh.createRow(row++);
                for (int i = 0; i < s.header().size(); i++) {
                    Cell c = h.createCell(i);
                    c.setCellValue(s.header().get(i));
                    c.setCellStyle(bold);
                }
                for (List<Object> values : s.rows()) {
                    Row x = sh.createRow(row++);
                    for (int i = 0; i < values.size(); i++) {
                        Object v = values.get(i);
                        if (v instanceof Number num && !Double.isNaN(num.doubleValue())) {
                            x.createCell(i).setCellValue(num.doubleValue());
                        } else if (v != null && !(v instanceof Number)) {
                            x.createCell(i).setCellValue(v.toString());
                        }
                    }
                }
                for (int i = 0; i < s.header().size(); i++) {
                    sh.setColumnWidth(
                            i, Math.min(60, Math.max(10, s.header().get(i).length() * 3)) * 256);
                }
            }
            wb.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
