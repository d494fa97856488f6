package dev.peakline.io.filing;

import dev.peakline.io.table.Columns;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * The monthly filing workbook (填报模板) for one enterprise: sheets activity/活动数据, process/过程, production/产量 and
 * output/增加值 with the columns {@link FilingReader} reads (Chinese headers), the enterprise's codes and the period
 * filled in on a first example row of the activity sheet (companion sheets may stay empty), and a 说明 sheet. Uploading it back files the month.
 */
public final class FilingTemplate {
    private FilingTemplate() {}

    public static byte[] write(String enterprise, String region, String industry, String period) {
        try (XSSFWorkbook wb = new XSSFWorkbook();
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            sheet(
                    wb,
                    "活动数据",
                    FilingReader.ACTIVITY,
                    List.of(enterprise, region, industry, period, "原煤", "", "t", "燃烧"));
            sheet(wb, "过程", FilingReader.PROCESS, List.of());
            sheet(wb, "产量", FilingReader.PRODUCTION, List.of());
            sheet(wb, "增加值", FilingReader.OUTPUT, List.of());
            Sheet help = wb.createSheet("说明");
            String[] lines = {
                "填报说明 / How to fill",
                "每个工作表第一行为表头，请勿修改；每行一条记录。One record per row; keep the header row.",
                "活动数据: 能源品种（如 原煤、天然气、电力）、数量、计量单位（t、万Nm3、kWh、MWh、GJ…）、用途（燃烧、原料、过程、外购、输出）。",
                "过程: 过程代码（见 docs/user-guide.md）、数量（t）、参数 key=value;key=value。",
                "产量: 产品名称、产量、单位。增加值: 工业增加值（万元）。",
                "实测低位发热量 GJ/t 或 GJ/万Nm3；实测单位热值含碳量 tC/TJ。留空则用缺省值。",
                "上传后逐行校验；有任何错误则不保存，并指出行号、列和原因。",
                "Upload it on the filing page; any problem is reported by sheet, row and column and nothing is stored."
            };
            for (int i = 0; i < lines.length; i++) {
                help.createRow(i).createCell(0).setCellValue(lines[i]);
            }
            help.setColumnWidth(0, 120 * 256);
            wb.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static void sheet(XSSFWorkbook wb, String name, List<Columns.Spec> specs, List<String> example) {
        Sheet s = wb.createSheet(name);
        Row h = s.createRow(0);
        Row r = s.createRow(1);
        for (int i = 0; i < specs.size(); i++) {
            h.createCell(i)
                    .setCellValue(
                            specs.get(i).chinese().get(specs.get(i).chinese().size() - 1));
            s.setColumnWidth(i, 18 * 256);
            if (i < example.size() && !example.get(i).isEmpty()) {
                r.createCell(i).setCellValue(example.get(i));
            }
        }
    }
}
