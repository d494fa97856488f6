package dev.peakline.reference;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/** A small RFC 4180 reader for the library's own tables (core may not depend on a CSV library). */
public final class Csv {
    private Csv() {}

    /** Rows of the text, each with the 1-based line it starts on; a UTF-8 BOM is dropped. */
    public static List<Row> read(Reader reader) {
        List<Row> rows = new ArrayList<>();
        try (BufferedReader in = new BufferedReader(reader)) {
            StringBuilder field = new StringBuilder();
            List<String> fields = new ArrayList<>();
            boolean quoted = false;
            boolean first = true;
            int line = 1;
            int startLine = 1;
            int c;
            while ((c = in.read()) != -1) {
                if (first) {
                    first = false;
                    if (c == '\uFEFF') {
                        continue;
                    }
                }
                if (quoted) {
                    if (c == '"') {
                        in.mark(1);
                        int n = in.read();
                        if (n == '"') {
                            field.append('"');
                        } else {
                            quoted = false;
                            if (n != -1) {
                                in.reset();
                            }
                        }
                    } else {
                        if (c == '\n') {
                            line++;
                        }
                        field.append((char) c);
                    }
                } else if (c == '"') {
                    quoted = true;
                } else if (c == ',') {
                    fields.add(field.toString());
                    field.setLength(0);
                } else if (c == '\n' || c == '\r') {
                    if (c == '\r') {
                        in.mark(1);
                        if (in.read() != '\n') {
                            in.reset();
                        }
                    }
                    fields.add(field.toString());
                    field.setLength(0);
                    if (!(fields.size() == 1 && fields.get(0).isEmpty())) {
                        rows.add(new Row(startLine, fields.toArray(String[]::new)));
                    }
                    fields.clear();
                    line++;
                    startLine = line;
                } else {
                    field.append((char) c);
                }
            }
            if (field.length() > 0 || !fields.isEmpty()) {
                fields.add(field.toString());
                rows.add(new Row(startLine, fields.toArray(String[]::new)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return rows;
    }

    public record Row(int line, String[] cells) {
        /** The i-th cell, stripped; empty when the row is shorter. */
        public String get(int i) {
            return i < cells.length ? cells[i].strip() : "";
        }
    }

    /** The data rows (header dropped) of a CSV resource next to {@code anchor}; fails loudly when it is missing. */
    public static List<Row> resource(Class<?> anchor, String name) {
        java.io.InputStream in = anchor.getResourceAsStream(name);
        if (in == null) {
            throw new IllegalStateException("table missing from the build: " + name);
        }
        List<Row> rows = read(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
        return rows.subList(Math.min(1, rows.size()), rows.size());
    }
}
