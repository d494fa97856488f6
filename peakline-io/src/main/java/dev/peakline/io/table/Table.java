package dev.peakline.io.table;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import dev.peakline.problems.ErrorCode;
import dev.peakline.problems.Problem;
import dev.peakline.problems.Refusal;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Rows of text read from a CSV file (UTF-8, with or without BOM) or a sheet of an .xlsx workbook; each row keeps the
 * 1-based line (row) number it came from, so problems can point at it.
 */
public record Table(String source, List<Line> lines) {
    /** Files larger than this are refused rather than read into memory. */
    public static final long MAX_BYTES = 512L * 1024 * 1024;

    /** One row: its 1-based line number and cells (trimmed). */
    public record Line(int number, List<String> cells) {
        public String cell(int i) {
            return i >= 0 && i < cells.size() ? cells.get(i) : "";
        }

        public boolean blank() {
            return cells.stream().allMatch(String::isEmpty);
        }
    }

    public static boolean isExcel(Path file) {
        return file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".xlsx");
    }

    /** Reads a CSV file (its rows as {@link #csv(Path, java.util.function.Consumer)} streams them). */
    public static Table csv(Path file) {
        List<Line> lines = new ArrayList<>();
        csv(file, lines::add);
        return new Table(file.getFileName().toString(), lines);
    }

    /**
     * Reads CSV text. A row shorter than the header reads its missing cells as empty (the columns' own checks then name
     * them); a row with more filled cells than the header, or a cell with a control character (NUL and the like), is
     * refused with its row and column, since what it holds would otherwise be lost or unstorable.
     *
     * @throws Refusal {@link ErrorCode#UPLOAD_SHAPE} listing every such cell
     */
    public static Table csv(String source, String text) {
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        List<Line> lines = new ArrayList<>();
        try (CsvReader<CsvRecord> reader = reader().ofCsvRecord(text)) {
            scan(source, reader, lines::add);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Table(source, lines);
    }

    /**
     * Streams a CSV file's rows (the header first) to the sink as they are read, holding none of them: the same checks
     * and refusals as {@link #csv(Path)} (thrown once the whole file was read), so that a large file is checked row by
     * row in memory proportional to what the sink keeps. A file that is not UTF-8 is refused naming its first foreign
     * byte.
     */
    public static void csv(Path file, java.util.function.Consumer<Line> sink) {
        String name = file.getFileName().toString();
        try {
            checkSize(file);
            java.nio.charset.CharsetDecoder d = StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(java.nio.charset.CodingErrorAction.REPORT)
                    .onUnmappableCharacter(java.nio.charset.CodingErrorAction.REPORT);
            try (java.io.Reader in = new java.io.BufferedReader(
                            new java.io.InputStreamReader(Files.newInputStream(file), d), 1 << 16);
                    CsvReader<CsvRecord> reader = reader().ofCsvRecord(withoutBom(in))) {
                scan(name, reader, sink);
            } catch (java.nio.charset.CharacterCodingException e) {
                // say where: decode the bytes once more with the position-reporting check
                utf8(name, Files.readAllBytes(file));
                throw e;
            } catch (UncheckedIOException e) {
                if (e.getCause() instanceof java.nio.charset.CharacterCodingException) {
                    utf8(name, Files.readAllBytes(file));
                }
                throw e;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /** Distinct texts a column may show and still be pooled (a province's enterprises fit; its quantities do not). */
    static final int POOLED = 50_000;

    private static CsvReader.CsvReaderBuilder reader() {
        return CsvReader.builder().allowExtraFields(true).allowMissingFields(true);
    }

    private static java.io.Reader withoutBom(java.io.Reader in) throws IOException {
        java.io.PushbackReader p = new java.io.PushbackReader(in, 1);
        int c = p.read();
        if (c != -1 && c != '\uFEFF') {
            p.unread(c);
        }
        return p;
    }

    /**
     * The rows of a CSV reader to the sink. A row shorter than the header reads its missing cells as empty (the
     * columns' own checks then name them); a row with more filled cells than the header, or a cell with a control
     * character, is refused with its row and column. Repeated short cells (codes, units, periods) share one string.
     */
    private static void scan(String source, CsvReader<CsvRecord> reader, java.util.function.Consumer<Line> sink) {
        List<Problem> problems = new ArrayList<>();
        // per column: its texts seen so far, shared; a column of (almost) unique texts, such as quantities, stops
        // being pooled once it has shown more distinct texts than a code column of a province has
        List<Map<String, String>> pools = new ArrayList<>();
        int width = -1;
        for (CsvRecord r : reader) {
            int row = (int) r.getStartingLineNumber();
            int n = r.getFieldCount();
            String[] cells = new String[n];
            boolean blank = true;
            for (int i = 0; i < n; i++) {
                String cell = r.getField(i).strip();
                if (hasControl(cell)) {
                    problems.add(Problem.at(
                            "cell.control",
                            source,
                            row,
                            column(i),
                            "cell " + column(i) + row + " contains a control character (such as NUL); remove it"));
                }
                while (pools.size() <= i) {
                    pools.add(new java.util.HashMap<>());
                }
                Map<String, String> pool = pools.get(i);
                if (pool != null) {
                    String had = pool.putIfAbsent(cell, cell);
                    if (had != null) {
                        cell = had;
                    } else if (pool.size() > POOLED) {
                        pools.set(i, null);
                    }
                }
                blank &= cell.isEmpty();
                cells[i] = cell;
            }
            if (blank) {
                continue;
            }
            if (width < 0) {
                width = n;
            } else {
                for (int i = width; i < n; i++) {
                    if (!cells[i].isEmpty()) {
                        problems.add(extraFields(source, row, i, n, width));
                        break;
                    }
                }
            }
            sink.accept(new Line(row, java.util.Arrays.asList(cells)));
        }
        if (!problems.isEmpty()) {
            throw shapeRefusal(source, problems);
        }
    }

    /** The problem of a row whose cell {@code i} is filled beyond the header's {@code width}. */
    static Problem extraFields(String source, int row, int i, int fields, int width) {
        return Problem.at(
                "row.extra_fields",
                source,
                row,
                column(i),
                "row " + row + " has " + fields + " fields but the header has " + width + "; cell " + column(i) + row
                        + " is outside the table (a comma too many?)");
    }

    /** The refusal of a file with cells that cannot be read. */
    public static Refusal shapeRefusal(String source, List<Problem> problems) {
        return Refusal.of(
                ErrorCode.UPLOAD_SHAPE,
                source + ": " + problems.size() + " cell(s) cannot be read; nothing was stored",
                problems);
    }

    /**
     * The file as a plain CSV read from its bytes in pieces ({@link CsvBytes}), or null when it is not plain and is
     * read by {@link #csv(Path, java.util.function.Consumer)} instead.
     */
    public static CsvBytes plain(Path file) {
        try {
            checkSize(file);
            return CsvBytes.plain(file.getFileName().toString(), Files.readAllBytes(file), sink -> csv(file, sink));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Decodes an uploaded text file as UTF-8 (a BOM is dropped). A file in another encoding, such as GBK from older
     * Chinese Excel versions, is refused with where its first foreign byte is, never read as mojibake.
     *
     * @throws Refusal {@link ErrorCode#UPLOAD_ENCODING}
     */
    public static String utf8(String source, byte[] bytes) {
        java.nio.charset.CharsetDecoder d = StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(java.nio.charset.CodingErrorAction.REPORT)
                .onUnmappableCharacter(java.nio.charset.CodingErrorAction.REPORT);
        try {
            String s = d.decode(java.nio.ByteBuffer.wrap(bytes)).toString();
            return s.startsWith("\uFEFF") ? s.substring(1) : s;
        } catch (java.nio.charset.CharacterCodingException e) {
            int at = 0;
            java.nio.ByteBuffer in = java.nio.ByteBuffer.wrap(bytes);
            java.nio.CharBuffer out = java.nio.CharBuffer.allocate(bytes.length + 1);
            d.reset();
            if (d.decode(in, out, true).isError()) {
                at = in.position();
            }
            int line = 1;
            for (int i = 0; i < at; i++) {
                if (bytes[i] == '\n') {
                    line++;
                }
            }
            throw Refusal.of(
                    ErrorCode.UPLOAD_ENCODING,
                    source + " is not UTF-8 (line " + line + ", byte " + (at + 1)
                            + "); save it as \"CSV UTF-8\" (files saved as GBK/ANSI are not read)",
                    List.of(Problem.at("file.encoding", source, line, "", "not UTF-8 from byte " + (at + 1) + " on")));
        }
    }

    /** A spreadsheet-style column name for a 0-based index: A, B, … Z, AA. */
    static String column(int i) {
        StringBuilder b = new StringBuilder();
        for (int n = i + 1; n > 0; n = (n - 1) / 26) {
            b.insert(0, (char) ('A' + (n - 1) % 26));
        }
        return b.toString();
    }

    private static boolean hasControl(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') {
                return true;
            }
        }
        return false;
    }

    /** Reads every sheet of a workbook once: sheet name → its rows, in workbook order. */
    public static Map<String, Table> excel(Path file) {
        try {
            checkSize(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e.getMessage(), e);
        }
        try (InputStream in = Files.newInputStream(file)) {
            return excel(file.getFileName().toString(), in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read workbook " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * The most a workbook may expand to when unzipped [bytes]: 32 MiB, far above any filing, statistics or energy
     * balance workbook, far below what would exhaust the heap (property {@code peakline.xlsx.max-expanded-bytes}).
     */
    public static final long MAX_EXPANDED = Long.getLong("peakline.xlsx.max-expanded-bytes", 32L << 20);
    /** The most entries a workbook's zip may have. */
    public static final int MAX_ENTRIES = 2_000;

    /** Reads every sheet of a workbook held in memory (an upload); {@code name} names it in problems. */
    public static Map<String, Table> excel(String name, byte[] bytes) {
        checkExpansion(name, bytes);
        return excel(name, new java.io.ByteArrayInputStream(bytes));
    }

    /**
     * Refuses a workbook whose zip expands beyond {@link #MAX_EXPANDED} or has more than {@link #MAX_ENTRIES}
     * entries (a decompression bomb), before any XML is parsed. The bytes are inflated and counted, not trusted from
     * the zip's headers; memory stays constant and the check stops at the limit.
     *
     * @throws Refusal {@link ErrorCode#UPLOAD_TOO_LARGE}
     */
    public static void checkExpansion(String name, byte[] bytes) {
        long total = 0;
        int entries = 0;
        byte[] buffer = new byte[64 * 1024];
        try (java.util.zip.ZipInputStream zip =
                new java.util.zip.ZipInputStream(new java.io.ByteArrayInputStream(bytes))) {
            for (java.util.zip.ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                if (++entries > MAX_ENTRIES) {
                    throw Refusal.of(
                            ErrorCode.UPLOAD_TOO_LARGE,
                            name + " has more than " + MAX_ENTRIES + " parts; it is not a workbook Peakline reads");
                }
                for (int n = zip.read(buffer); n > 0; n = zip.read(buffer)) {
                    total += n;
                    if (total > MAX_EXPANDED) {
                        throw Refusal.of(
                                ErrorCode.UPLOAD_TOO_LARGE,
                                name + " expands to more than " + (MAX_EXPANDED >> 20)
                                        + " MB when unzipped; split it or remove what is not filed");
                    }
                }
            }
        } catch (IOException e) {
            // not a zip at all: the workbook reader says so in its own words
        }
    }

    private static Map<String, Table> excel(String name, InputStream in) {
        try (Workbook wb = new XSSFWorkbook(in)) {
            DataFormatter fmt = new DataFormatter(Locale.ROOT);
            Map<String, Table> sheets = new LinkedHashMap<>();
            List<Problem> formulas = new ArrayList<>();
            for (Sheet sheet : wb) {
                List<Line> lines = new ArrayList<>();
                for (Row row : sheet) {
                    List<String> cells = new ArrayList<>();
                    for (int c = 0; c < row.getLastCellNum(); c++) {
                        Cell cell = row.getCell(c);
                        if (cell instanceof org.apache.poi.xssf.usermodel.XSSFCell x
                                && x.getCellType() == CellType.FORMULA
                                && !x.getCTCell().isSetV()) {
                            // POI reads a formula that was never calculated as 0: refused, not filed as zero
                            String at = column(c) + (row.getRowNum() + 1);
                            formulas.add(Problem.at(
                                    "cell.formula",
                                    name + "[" + sheet.getSheetName() + "]",
                                    row.getRowNum() + 1,
                                    column(c),
                                    "cell " + at + " holds the formula =" + x.getCellFormula()
                                            + " without a calculated value"));
                        }
                        cells.add(text(cell, fmt));
                    }
                    Line l = new Line(row.getRowNum() + 1, cells);
                    if (!l.blank()) {
                        lines.add(l);
                    }
                }
                sheets.put(sheet.getSheetName(), new Table(name + "[" + sheet.getSheetName() + "]", lines));
            }
            if (!formulas.isEmpty()) {
                throw Refusal.of(
                        ErrorCode.UPLOAD_FORMULA,
                        name + " has " + formulas.size()
                                + " formula cell(s) without a calculated value: open it in Excel or WPS and save it,"
                                + " or paste the cells as values",
                        formulas);
            }
            return sheets;
        } catch (Refusal e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw new UncheckedIOException(
                    "cannot read workbook " + name + ": " + e.getMessage(),
                    e instanceof IOException io ? io : new IOException(e));
        }
    }

    /** The sheet named one of {@code names} (case-insensitive), else the first sheet when {@code firstIfMissing}. */
    public static Optional<Table> pick(Map<String, Table> sheets, List<String> names, boolean firstIfMissing) {
        for (var e : sheets.entrySet()) {
            for (String n : names) {
                if (e.getKey().strip().equalsIgnoreCase(n)) {
                    return Optional.of(e.getValue());
                }
            }
        }
        return firstIfMissing ? sheets.values().stream().findFirst() : Optional.empty();
    }

    private static String text(Cell cell, DataFormatter fmt) {
        if (cell == null) {
            return "";
        }
        CellType type = cell.getCellType() == CellType.FORMULA ? cell.getCachedFormulaResultType() : cell.getCellType();
        if (type == CellType.NUMERIC) {
            if (DateUtil.isCellDateFormatted(cell)) {
                var d = cell.getLocalDateTimeCellValue();
                return String.format(Locale.ROOT, "%04d-%02d", d.getYear(), d.getMonthValue());
            }
            // the number as stored, never through a locale-dependent format
            return BigDecimal.valueOf(cell.getNumericCellValue())
                    .stripTrailingZeros()
                    .toPlainString();
        }
        if (type == CellType.STRING) {
            return cell.getStringCellValue().strip();
        }
        return fmt.formatCellValue(cell).strip();
    }

    private static void checkSize(Path file) throws IOException {
        if (Files.size(file) > MAX_BYTES) {
            throw new IOException(file + " is larger than " + MAX_BYTES / (1024 * 1024) + " MiB; split it");
        }
    }
}
