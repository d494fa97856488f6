package dev.peakline.io.report;

import java.util.List;

/**
 * A document of titled tables, written as a workbook ({@link #xlsx()}, one sheet per section) or as a PDF
 * ({@link ReportPdf}). Cells are strings or numbers; numbers stay numbers in the workbook.
 */
public record Report(String title, List<String> preface, List<Section> sections) {
    /** One table with a heading and optional lines of text above it. */
    public record Section(String heading, List<String> notes, List<String> header, List<List<Object>> rows) {
        public Section {
            notes = List.copyOf(notes);
            header = List.copyOf(header);
            rows = List.copyOf(rows);
        }
    }

    public Report {
        preface = List.copyOf(preface);
        sections = List.copyOf(sections);
    }

    /** A report of one table: the shape of every exported list. */
    public static Report list(String title, List<String> header, List<List<Object>> rows) {
        return new Report(title, List.of(), List.of(new Section(title, List.of(), header, rows)));
    }

    /** The report as an .xlsx workbook: one sheet per section, the title and notes above the header. */
    public byte[] xlsx() {
        return Sheets.write(this);
    }
}
