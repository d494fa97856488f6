package dev.peakline.io.report;

import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;
import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Writes a {@link Report} as a landscape A4 PDF with an embedded CJK TrueType font (WenQuanYi Micro Hei from Debian's
 * {@code fonts-wqy-microhei}, or a font given by path), so that Chinese text renders on any reader.
 */
public final class ReportPdf {
    /** Where the font is looked for when none is configured, in order. A .ttc path needs its index (",0"). */
    public static final List<String> FONTS = List.of(
            "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc",
            "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc",
            "/usr/share/fonts/wqy-microhei/wqy-microhei.ttc");

    private ReportPdf() {}

    /** The first font of {@link #FONTS} that exists, or the configured one if it exists. */
    public static Optional<Path> font(String configured) {
        if (configured != null && !configured.isBlank()) {
            Path p = Path.of(configured);
            return Files.isRegularFile(p) ? Optional.of(p) : Optional.empty();
        }
        return FONTS.stream().map(Path::of).filter(Files::isRegularFile).findFirst();
    }

    public static byte[] write(Report r, Path font) {
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            String name = font.toString();
            BaseFont base = BaseFont.createFont(
                    name.toLowerCase(Locale.ROOT).endsWith(".ttc") ? name + ",0" : name,
                    BaseFont.IDENTITY_H,
                    BaseFont.EMBEDDED);
            Font title = new Font(base, 16, Font.BOLD);
            Font heading = new Font(base, 12, Font.BOLD);
            Font text = new Font(base, 9);
            Font head = new Font(base, 8, Font.BOLD);
            Font cell = new Font(base, 8);
            Document d = new Document(PageSize.A4.rotate(), 36, 36, 36, 36);
            PdfWriter.getInstance(d, out);
            d.addTitle(r.title());
            d.addCreator("Peakline");
            d.open();
            Paragraph t = new Paragraph(r.title(), title);
            t.setAlignment(Element.ALIGN_CENTER);
            t.setSpacingAfter(8);
            d.add(t);
            for (String p : r.preface()) {
                d.add(new Paragraph(p, text));
            }
            for (Report.Section s : r.sections()) {
                Paragraph h = new Paragraph(s.heading(), heading);
                h.setSpacingBefore(10);
                h.setSpacingAfter(4);
                d.add(h);
                for (String p : s.notes()) {
                    d.add(new Paragraph(p, text));
                }
                if (s.header().isEmpty()) {
                    continue;
                }
                PdfPTable table = new PdfPTable(s.header().size());
                table.setWidthPercentage(100);
                table.setHeaderRows(1);
                table.setSpacingBefore(4);
                for (String c : s.header()) {
                    PdfPCell pc = new PdfPCell(new Phrase(c, head));
                    pc.setBackgroundColor(new Color(0xE8, 0xEE, 0xF4));
                    table.addCell(pc);
                }
                for (List<Object> row : s.rows()) {
                    for (int i = 0; i < s.header().size(); i++) {
                        Object v = i < row.size() ? row.get(i) : null;
                        PdfPCell pc = new PdfPCell(new Phrase(format(v), cell));
                        if (v instanceof Number) {
                            pc.setHorizontalAlignment(Element.ALIGN_RIGHT);
                        }
                        table.addCell(pc);
                    }
                }
                d.add(table);
            }
            d.close();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (DocumentException e) {
            throw new IllegalStateException("PDF could not be written: " + e.getMessage(), e);
        }
    }

    /** Numbers as the workbook would show them: up to four significant decimals, no exponent. */
    static String format(Object v) {
        if (v == null) {
            return "";
        }
        if (v instanceof Number n) {
            double d = n.doubleValue();
            if (Double.isNaN(d)) {
                return "—";
            }
            if (d == Math.rint(d) && Math.abs(d) < 1e15) {
                return String.format(Locale.ROOT, "%,d", (long) d);
            }
            return String.format(Locale.ROOT, Math.abs(d) >= 100 ? "%,.1f" : "%.4f", d);
        }
        return v.toString();
    }
}
