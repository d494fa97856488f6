package dev.peakline.io.pollution;

import dev.peakline.io.filing.FilingTemplate;
import dev.peakline.pollution.EnvironmentalTax;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * The pollutant filing workbook (污染物填报模板): a 污染物 sheet with the columns {@link PollutantReader} reads (Chinese
 * headers) and the enterprise's code and month on an example row, a 说明 sheet, and a 污染物名录 sheet listing the
 * taxable pollutants of the 环境保护税法 table with their equivalent values. Uploading it back files the months in it.
 */
public final class PollutantTemplate {
    private PollutantTemplate() {}

    public static byte[] write(String enterprise, String period) {
        try (XSSFWorkbook wb = new XSSFWorkbook();
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            FilingTemplate.sheet(
                    wb, "污染物", PollutantReader.SPECS, List.of(enterprise, period, "air", "", "二氧化硫", "", "kg", "实测"));
            Sheet help = wb.createSheet("说明");
            String[] lines = {
                "填报说明 / How to fill",
                "每行一个月、一个排放口（air 大气 / water 水）、一种污染物；第一行为表头，请勿修改。",
                "排放口编号：与排污许可证一致（废气 DA001、废水 DW001 等），须先在平台“排放口”中登记；每个排放口分别计税。" + "只有一个大气或水排放口时可留空。",
                "数量与单位：kg、t 或 g。数据获取方式：实测、系数（产排污系数法）或 物料衡算。",
                "pH值、色度、大肠菌群数、余氯量（附表二 三）：数量填污水排放量（t 或 m³）；pH值在“监测值”填 pH；"
                        + "色度在“监测值”填实测色度、在“标准限值”填排放标准色度（超标倍数 = (实测 − 标准) ÷ 标准）；"
                        + "大肠菌群数仅超标时填报；大肠菌群数与余氯量只征收一项。",
                "产排污系数法：填写 活动水平（产品产量、原料或燃料用量）、产污系数（单位与活动水平对应，结果为所填单位）、"
                        + "去除效率 η 与 运行率 k（小数或百分数），数量可留空，由平台按 活动水平 × 产污系数 × (1 − η × k) 计算；"
                        + "系数与去除效率取自《排放源统计调查产排污核算方法和系数手册》（生态环境部公告 2021年第24号）对应行业表。",
                "上传后逐行校验；有任何错误则不保存，并指出行号、列和原因。已提交或已核定的月份不能覆盖。",
                "One row per month, outlet and pollutant. Any problem is reported by row and column and nothing is stored."
            };
            for (int i = 0; i < lines.length; i++) {
                help.createRow(i).createCell(0).setCellValue(lines[i]);
            }
            help.setColumnWidth(0, 140 * 256);
            Sheet list = wb.createSheet("污染物名录");
            Row h = list.createRow(0);
            String[] head = {"排放口", "污染物", "代码", "污染当量值", "单位", "第一类水污染物"};
            for (int i = 0; i < head.length; i++) {
                h.createCell(i).setCellValue(head[i]);
                list.setColumnWidth(i, 20 * 256);
            }
            int r = 1;
            for (EnvironmentalTax.Pollutant p : EnvironmentalTax.shipped().pollutants()) {
                Row x = list.createRow(r++);
                x.createCell(0).setCellValue(p.medium().equals("air") ? "air（大气）" : "water（水）");
                x.createCell(1).setCellValue(p.nameCn());
                x.createCell(2).setCellValue(p.code());
                if (Double.isNaN(p.kgPerEquivalent())) {
                    x.createCell(3).setCellValue("按 pH 分档：0.06–5");
                } else {
                    x.createCell(3).setCellValue(p.kgPerEquivalent());
                }
                x.createCell(4)
                        .setCellValue(
                                switch (p.basis()) {
                                    case "t" -> "吨污水";
                                    case "t·multiple" -> "吨水·倍";
                                    default -> "千克";
                                });
                x.createCell(5).setCellValue(p.waterClass() == 1 ? "是" : "");
            }
            wb.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
