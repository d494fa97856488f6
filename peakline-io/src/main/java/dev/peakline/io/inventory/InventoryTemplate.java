package dev.peakline.io.inventory;

import dev.peakline.inventory.InventoryCatalog;
import dev.peakline.inventory.InventoryCatalog.Fuel;
import dev.peakline.inventory.InventoryCatalog.RowDef;
import dev.peakline.io.accounting.ResultWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Map;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Writes our Excel template for a city's or county's own energy balance: the CEADs wide layout with Chinese labels, one
 * sheet named {@code <region> <year>}, fuels across (Chinese names), their units in the second row, the balance rows
 * and the 47 sectors down; and a 说明 sheet explaining how to fill it. {@link EnergyBalanceReader} reads it back.
 */
public final class InventoryTemplate {
    private InventoryTemplate() {}

    /** Units the template states, by inventory unit. */
    private static final Map<String, String> UNIT_ZH = Map.of(
            "10^4 t", "万吨",
            "10^8 m3", "亿立方米",
            "10^10 kJ", "百亿千焦",
            "10^8 kWh", "亿千瓦时",
            "10^4 tce", "万吨标准煤");

    public static void write(Path out, String region, int year) {
        InventoryCatalog catalog = InventoryCatalog.get();
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            Sheet s = wb.createSheet(region + " " + year);
            Row header = s.createRow(0);
            Row units = s.createRow(1);
            header.createCell(0).setCellValue("项目 / Row");
            units.createCell(0).setCellValue("单位 / Unit");
            int c = 1;
            for (Fuel f : catalog.fuels().values()) {
                header.createCell(c).setCellValue(f.nameZh());
                units.createCell(c).setCellValue(UNIT_ZH.getOrDefault(f.unit(), f.unit()));
                c++;
            }
            int r = 2;
            for (RowDef d : catalog.rows()) {
                s.createRow(r++).createCell(0).setCellValue(d.labelZh());
            }
            s.setColumnWidth(0, 44 * 256);
            Sheet note = wb.createSheet("说明");
            String[] lines = {
                "Peakline 区域能源清单模板 / regional energy balance template",
                "工作表名 = 区划代码或名称 + 年份，例如 \"520100 2020\"；一个年份一张表。Sheet name = region code or name + year.",
                "第一行为能源品种，第二行为单位；可用单位：万吨/吨、亿立方米/万立方米、百亿千焦/吉焦、亿千瓦时/万千瓦时、万吨标准煤/吨标准煤。",
                "加工转换行：投入记为正数，产出记为负数。Transformation rows: inputs positive, outputs negative.",
                "终端消费按 47 个部门填报（部门编号 + 名称）；空白单元格视为 0。Blank cells count as 0.",
                "核算：./peakline inventory --energy 本文件.xlsx --method ceads|statutory --out 清单.csv"
            };
            for (int i = 0; i < lines.length; i++) {
                note.createRow(i).createCell(0).setCellValue(lines[i]);
            }
            ResultWriter.writeBytesAtomically(out, wb::write);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + out + ": " + e.getMessage(), e);
        }
    }
}
