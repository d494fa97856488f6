package dev.peakline.io.sinks;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * The sink inventory workbook (碳汇清单模板): a 碳汇清单 sheet with the columns {@link SinkReader} reads, grouped by
 * method, and a 说明 sheet saying which columns each method needs. Uploading it back imports the region-years in it.
 */
public final class SinkTemplate {
    private SinkTemplate() {}

    /** The columns in the order the template writes them: where and what, then each method's coefficients. */
    public static List<String> columns() {
        Set<String> out = new LinkedHashSet<>(List.of("region", "year", "pool", "method"));
        for (String m : List.of("gain", "provincial", "stock_difference", "karst")) {
            out.addAll(SinkReader.METHODS.get(m));
            if (m.equals("gain")) {
                out.addAll(List.of("bcef", "wood_density", "bef", "wood_removals_m3", "bcef_r"));
            }
            if (m.equals("provincial")) {
                out.add("consumption_rate");
            }
        }
        out.addAll(SinkReader.RANGE.keySet().stream().sorted().toList());
        return new ArrayList<>(out);
    }

    public static byte[] write() {
        try (XSSFWorkbook wb = new XSSFWorkbook();
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet s = wb.createSheet("碳汇清单");
            Row h = s.createRow(0);
            List<String> cols = columns();
            for (int i = 0; i < cols.size(); i++) {
                h.createCell(i).setCellValue(cols.get(i));
                s.setColumnWidth(i, 16 * 256);
            }
            Sheet help = wb.createSheet("说明");
            String[] lines = {
                "碳汇清单填报说明 / How to fill",
                "每行一个地区（GB/T 2260 代码）、年份、碳库（forest 森林、grassland 草地、wetland 湿地、cropland 农田、shrubland 灌木林、"
                        + "bamboo 竹林、urban_green 城市绿地、karst 岩溶）与方法；只填所用方法的参数，其余留空。",
                "gain（IPCC 2006 增量法）: area_ha, increment_m3_per_ha_yr, root_shoot_ratio, carbon_fraction，以及 bcef 或 "
                        + "wood_density 与 bef；采伐损失可填 wood_removals_m3 与 bcef_r。",
                "provincial（省级清单指南森林蓄积法）: stock_m3, growth_rate（小数，5% 写 0.05）, wood_density, bef, carbon_fraction；"
                        + "活立木消耗可填 consumption_rate。",
                "stock_difference（碳储量差值法）: carbon_stock_t1_tc, carbon_stock_t2_tc, interval_years。",
                "karst（岩溶水化学径流法，碳库 karst）: runoff_m3_per_yr（年径流量 m³）, hco3_mg_per_l（HCO₃⁻ 浓度 mg/L）。",
                "每个参数均按清单自身的调查或所引用的表格填写，平台不提供缺省值。上传后逐行校验，有任何错误则不保存。"
            };
            for (int i = 0; i < lines.length; i++) {
                help.createRow(i).createCell(0).setCellValue(lines[i]);
            }
            help.setColumnWidth(0, 140 * 256);
            wb.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
