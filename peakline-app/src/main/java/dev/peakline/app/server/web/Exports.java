package dev.peakline.app.server.web;

import dev.peakline.io.report.Report;
import dev.peakline.io.report.ReportPdf;
import dev.peakline.problems.ErrorCode;
import dev.peakline.problems.Refusal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** Lists and reports as downloads: .xlsx for every list, PDF for reports. */
public final class Exports {
    public static final MediaType XLSX =
            MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    private Exports() {}

    /**
     * A list as the caller asked for it: {@code json} gives the body as it is, {@code xlsx} the report made from it (made
     * only then) as a download; anything else is refused.
     */
    public static ResponseEntity<?> list(
            String format, Object json, java.util.function.Supplier<Report> report, String fileName) {
        return switch (format) {
            case "json" -> ResponseEntity.ok(json);
            case "xlsx" -> xlsx(report.get(), fileName);
            default -> throw Refusal.field(ErrorCode.FORMAT, "format", "format must be json or xlsx");
        };
    }

    public static ResponseEntity<byte[]> xlsx(Report r, String fileName) {
        return download(r.xlsx(), XLSX, fileName + ".xlsx");
    }

    /** A workbook made elsewhere (a filing template) as an .xlsx download. */
    public static ResponseEntity<byte[]> workbook(byte[] bytes, String fileName) {
        return download(bytes, XLSX, fileName + ".xlsx");
    }

    /** CSV text as a UTF-8 download with a byte-order mark, so that Excel opens the Chinese as written. */
    public static ResponseEntity<byte[]> csv(CharSequence text, String fileName) {
        return download(
                ("\uFEFF" + text).getBytes(StandardCharsets.UTF_8),
                new MediaType("text", "csv", StandardCharsets.UTF_8),
                fileName + ".csv");
    }

    /** The report as PDF; 503 with what to install when no CJK font is available (a PDF without one is unreadable). */
    public static ResponseEntity<byte[]> pdf(Report r, String fileName, String configuredFont) {
        Path font = ReportPdf.font(configuredFont)
                .orElseThrow(() -> Refusal.of(
                        ErrorCode.PDF_FONT,
                        "no CJK TrueType font found for the PDF: install Debian's fonts-wqy-microhei or set"
                                + " peakline.pdf.font to a .ttf/.ttc file (looked in " + ReportPdf.FONTS + ")"));
        return download(ReportPdf.write(r, font), MediaType.APPLICATION_PDF, fileName + ".pdf");
    }

    private static ResponseEntity<byte[]> download(byte[] body, MediaType type, String fileName) {
        return ResponseEntity.ok()
                .contentType(type)
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename(fileName, StandardCharsets.UTF_8)
                                .build()
                                .toString())
                .body(body);
    }
}
