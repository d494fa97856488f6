package dev.peakline.io.table;

import dev.peakline.problems.Problem;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;

/**
 * A CSV file held as its bytes and read a byte at a time, in pieces that threads read apart. Only a plain file is taken
 * this way: valid UTF-8, no quote character, no control character but tab and line ends, no carriage return outside a
 * CRLF. Such a file's cells are the text between commas, so a line is cut at its commas and each cell made a string
 * once per distinct text (codes, periods and units repeat on nearly every line). Anything else — a quoted cell, a
 * stray control character, a file that is not UTF-8 — is left to {@link Table#csv(java.nio.file.Path,
 * java.util.function.Consumer)}, which reads it, or refuses it saying where, in the same words as always.
 *
 * <p>The lines it gives are those the general reader gives for the same file: the same line numbers, cells trimmed
 * the same way, blank lines skipped, a cell beyond the header's width refused with its row and column.
 */
public final class CsvBytes {
    /** Below this size the file is read as one piece: threads cost more than they save. */
    public static final int PIECE = 1 << 20;

    private final String source;
    private final byte[] b;
    private final Table.Line header;
    /** Where the lines after the header begin, and the line number there. */
    private final int body;

    private final int bodyLine;
    private final int width;
    /** The general reader of the same file, for when a piece turns out not to be plain. */
    private final Consumer<Consumer<Table.Line>> general;

    private CsvBytes(
            String source,
            byte[] b,
            Table.Line header,
            int body,
            int bodyLine,
            Consumer<Consumer<Table.Line>> general) {
        this.source = source;
        this.general = general;
        this.b = b;
        this.header = header;
        this.body = body;
        this.bodyLine = bodyLine;
        this.width = header == null ? Integer.MAX_VALUE : header.cells().size();
    }

    /**
     * The file read this way, or null when its header is not plain (the general reader then takes it).
     *
     * @param general the general reader of the same file, for when a later piece is not plain
     */
    public static CsvBytes plain(String source, byte[] b, Consumer<Consumer<Table.Line>> general) {
        int start = b.length >= 3 && (b[0] & 0xff) == 0xEF && (b[1] & 0xff) == 0xBB && (b[2] & 0xff) == 0xBF ? 3 : 0;
        // the header is the first line that is not blank
        CsvBytes scan = new CsvBytes(source, b, null, start, 1, general);
        Table.Line[] first = {null};
        int at = start;
        int line = 1;
        while (at < b.length && first[0] == null) {
            int next = Math.min(lineEnd(b, at) + 1, b.length);
            scan.feed(new Piece(at, next, line), null, l -> first[0] = l, new ArrayList<>());
            at = next;
            line++;
        }
        // the header's bytes are checked here, the rest piece by piece as the pieces are cut (on the cores together)
        return isPlain(b, start, at) ? new CsvBytes(source, b, first[0], at, line, general) : null;
    }

    private static int lineEnd(byte[] b, int at) {
        while (at < b.length && b[at] != '\n') {
            at++;
        }
        return at;
    }

    /** The header line, or null when the file has no non-blank line. */
    public Table.Line header() {
        return header;
    }

    public String source() {
        return source;
    }

    /** The general reader of the same file. */
    public Consumer<Consumer<Table.Line>> general() {
        return general;
    }

    /**
     * The lines after the header cut into about {@code n} pieces at line starts, in file order; null when a piece is
     * not plain (the file is then left to the general reader). Pieces are checked and their lines counted in parallel.
     */
    public List<Piece> pieces(int n) {
        int len = b.length - body;
        int count = Math.max(1, Math.min(n, len / PIECE));
        int[] cut = new int[count + 1];
        cut[0] = body;
        for (int i = 1; i <= count; i++) {
            cut[i] = i == count
                    ? b.length
                    : Math.min(b.length, Math.max(cut[i - 1], lineEnd(b, body + (int) ((long) len * i / count)) + 1));
        }
        int[] lines = java.util.stream.IntStream.range(0, count)
                .parallel()
                .map(i -> isPlain(b, cut[i], cut[i + 1]) ? newlines(b, cut[i], cut[i + 1]) : -1)
                .toArray();
        List<Piece> out = new ArrayList<>();
        int line = bodyLine;
        for (int i = 0; i < count; i++) {
            if (lines[i] < 0) {
                return null;
            }
            out.add(new Piece(cut[i], cut[i + 1], line));
            line += lines[i];
        }
        return out;
    }

    private static int newlines(byte[] b, int from, int to) {
        int n = 0;
        for (int k = from; k < to; k++) {
            n += b[k] == '\n' ? 1 : 0;
        }
        return n;
    }

    /** Lines [from, to) of the file, the first numbered {@code line}. */
    public record Piece(int from, int to, int line) {}

    /**
     * A reader of a line's cells straight from the bytes, for the lines it can take whole: it returns false, having
     * kept nothing, for a line it leaves to the general path (a line with anything to report, or out of the ordinary).
     */
    public interface Fast {
        /**
         * @param from start of each cell, trimmed of spaces and tabs
         * @param to end of each cell (exclusive), trimmed
         * @param cells how many cells the line has
         */
        public boolean take(byte[] b, int line, int[] from, int[] to, int cells);
    }

    /**
     * Feeds a piece's non-blank lines: each line offered to {@code fast} first (when not null), the rest made strings
     * for the sink; the lines that cannot be read added to {@code shape} instead of thrown.
     */
    public void feed(Piece p, Fast fast, Consumer<Table.Line> sink, List<Problem> shape) {
        Pools pools = new Pools();
        int[] from = new int[Math.min(Math.max(width, 8), 64)];
        int[] to = new int[from.length];
        int at = p.from();
        int line = p.line();
        while (at < p.to()) {
            int end = Math.min(lineEnd(b, at), p.to());
            int e = end > at && b[end - 1] == '\r' ? end - 1 : end;
            int n = 0;
            boolean blank = true;
            boolean outside = false;
            for (int i = at, cell = at; ; i++) {
                if (i == e || b[i] == ',') {
                    if (n == from.length) {
                        from = Arrays.copyOf(from, n * 2);
                        to = Arrays.copyOf(to, n * 2);
                    }
                    int f = cell;
                    int t = i;
                    while (f < t && (b[f] == ' ' || b[f] == '\t')) {
                        f++;
                    }
                    while (t > f && (b[t - 1] == ' ' || b[t - 1] == '\t')) {
                        t--;
                    }
                    from[n] = f;
                    to[n] = t;
                    blank &= f == t;
                    outside |= n >= width && f < t;
                    n++;
                    cell = i + 1;
                    if (i == e) {
                        break;
                    }
                }
            }
            if (!blank && (outside || fast == null || !fast.take(b, line, from, to, n))) {
                line(source, b, line, from, to, n, sink, pools, shape, width);
            }
            at = end + 1;
            line++;
        }
    }

    /** One line's cells made strings, fed to the sink unless blank. */
    private static void line(
            String source,
            byte[] b,
            int number,
            int[] from,
            int[] to,
            int n,
            Consumer<Table.Line> sink,
            Pools pools,
            List<Problem> shape,
            int w) {
        List<String> cells = new ArrayList<>(n);
        boolean blank = true;
        for (int i = 0; i < n; i++) {
            String s = pools.text(i, b, from[i], to[i]);
            blank &= s.isEmpty();
            cells.add(s);
        }
        if (blank) {
            return;
        }
        if (w >= 0) {
            for (int i = w; i < n; i++) {
                if (!cells.get(i).isEmpty()) {
                    shape.add(Table.extraFields(source, number, i, n, w));
                    break;
                }
            }
        }
        sink.accept(new Table.Line(number, cells));
    }

    /**
     * Per column, the strings made so far by their bytes: one string per distinct text, until a column shows more
     * distinct texts than a code column has ({@link Table#POOLED}) — a column of quantities is then left unpooled.
     */
    private static final class Pools {
        private final List<Slices<String>> columns = new ArrayList<>();

        public String text(int column, byte[] b, int from, int to) {
            if (from == to) {
                return "";
            }
            while (columns.size() <= column) {
                columns.add(new Slices<>(Table.POOLED, s -> s));
            }
            return columns.get(column).get(b, from, to);
        }
    }

    /** A cell's text as {@link String#strip()} leaves it. */
    public static String text(byte[] b, int from, int to) {
        for (int i = from; i < to; i++) {
            if (b[i] < 0) {
                // a cell with non-ASCII text may begin or end with Unicode white space (U+3000), trimmed as strip()
                // does
                return new String(b, from, to - from, StandardCharsets.UTF_8).strip();
            }
        }
        return new String(b, from, to - from, StandardCharsets.ISO_8859_1);
    }

    /**
     * What each distinct cell text (by its bytes) maps to — its string, or the value parsed from it — computed once;
     * past {@code limit} distinct texts new ones are computed every time and not kept (a column of unique figures).
     */
    public static final class Slices<V> {
        private final int limit;
        private final java.util.function.Function<String, V> make;
        private int[] start = new int[64];
        private int[] end = new int[64];
        private Object[] value = new Object[64];
        private byte[] bytes;
        private int size;

        public Slices(int limit, java.util.function.Function<String, V> make) {
            this.limit = limit;
            this.make = make;
        }

        @SuppressWarnings("unchecked")
        public V get(byte[] b, int from, int to) {
            if (size > limit) {
                return make.apply(text(b, from, to));
            }
            int h = hash(b, from, to);
            int mask = value.length - 1;
            for (int i = h & mask; ; i = (i + 1) & mask) {
                Object v = value[i];
                if (v == null) {
                    V made = make.apply(text(b, from, to));
                    bytes = b;
                    start[i] = from;
                    end[i] = to;
                    value[i] = made;
                    if (++size * 2 > value.length) {
                        grow();
                    }
                    return made;
                }
                if (same(bytes, start[i], end[i], b, from, to)) {
                    return (V) v;
                }
            }
        }

        private static final java.lang.invoke.VarHandle LONG =
                java.lang.invoke.MethodHandles.byteArrayViewVarHandle(long[].class, java.nio.ByteOrder.LITTLE_ENDIAN);

        /** Whether two byte ranges are equal, compared eight bytes at a time. */
        private static boolean same(byte[] x, int xf, int xt, byte[] y, int yf, int yt) {
            int n = xt - xf;
            if (n != yt - yf) {
                return false;
            }
            int i = 0;
            for (; i + 8 <= n; i += 8) {
                if ((long) LONG.get(x, xf + i) != (long) LONG.get(y, yf + i)) {
                    return false;
                }
            }
            for (; i < n; i++) {
                if (x[xf + i] != y[yf + i]) {
                    return false;
                }
            }
            return true;
        }

        /** A hash of a byte range, eight bytes at a time. */
        private static int hash(byte[] b, int from, int to) {
            long h = to - from;
            int i = from;
            for (; i + 8 <= to; i += 8) {
                h = (h ^ (long) LONG.get(b, i)) * 0x9E3779B97F4A7C15L;
            }
            for (; i < to; i++) {
                h = (h ^ b[i]) * 0x100000001B3L;
            }
            h ^= h >>> 29;
            return (int) (h ^ (h >>> 32));
        }

        private void grow() {
            int[] s = start;
            int[] e = end;
            Object[] v = value;
            start = new int[s.length * 2];
            end = new int[s.length * 2];
            value = new Object[s.length * 2];
            int mask = value.length - 1;
            for (int k = 0; k < v.length; k++) {
                if (v[k] == null) {
                    continue;
                }
                int i = hash(bytes, s[k], e[k]) & mask;
                while (value[i] != null) {
                    i = (i + 1) & mask;
                }
                start[i] = s[k];
                end[i] = e[k];
                value[i] = v[k];
            }
        }
    }

    /**
     * Whether [from, to) is valid UTF-8 (as the strict decoder takes it: no overlong form, no surrogate, nothing above
     * U+10FFFF) with no quote, no control character but tab, LF and a CR before LF.
     */
    public static boolean isPlain(byte[] b, int from, int to) {
        for (int i = from; i < to; i++) {
            int c = b[i];
            if (c >= 0) {
                if (c >= 0x20 && c != '"' || c == '\n' || c == '\t') {
                    continue;
                }
                if (c == '\r' && i + 1 < to && b[i + 1] == '\n') {
                    continue;
                }
                return false;
            }
            c &= 0xff;
            int more;
            int lo = 0x80;
            int hi = 0xBF;
            if (c >= 0xC2 && c <= 0xDF) {
                more = 1;
            } else if (c >= 0xE0 && c <= 0xEF) {
                more = 2;
                lo = c == 0xE0 ? 0xA0 : 0x80;
                hi = c == 0xED ? 0x9F : 0xBF;
            } else if (c >= 0xF0 && c <= 0xF4) {
                more = 3;
                lo = c == 0xF0 ? 0x90 : 0x80;
                hi = c == 0xF4 ? 0x8F : 0xBF;
            } else {
                return false;
            }
            if (i + more >= to) {
                return false;
            }
            int c1 = b[i + 1] & 0xff;
            if (c1 < lo || c1 > hi) {
                return false;
            }
            for (int k = 2; k <= more; k++) {
                int ck = b[i + k] & 0xff;
                if (ck < 0x80 || ck > 0xBF) {
                    return false;
                }
            }
            i += more;
        }
        return true;
    }
}
