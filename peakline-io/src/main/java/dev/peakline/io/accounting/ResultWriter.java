package dev.peakline.io.accounting;

import dev.peakline.accounting.AccountingResult;
import dev.peakline.accounting.EnterpriseMonth;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** Writes results as CSV, atomically: a complete file or none. */
public final class ResultWriter {
    public static final List<String> HEADER = List.of(
            "enterprise",
            "period",
            "region",
            "industry",
            "scope1_tco2",
            "scope2_tco2",
            "total_tco2",
            "energy_tce",
            "scope1_combustion_tco2",
            "scope1_process_tco2",
            "scope2_electricity_tco2",
            "scope2_heat_tco2",
            "value_added_10k_yuan",
            "tco2_per_10k_yuan",
            "tce_per_10k_yuan",
            "tco2_per_t_product",
            "factor_sets",
            "energy_feedstock_tce",
            "energy_excl_feedstock_tce",
            "electricity_supplied_mwh",
            "tco2_per_mwh_supplied");

    private ResultWriter() {}

    public static void writeAccounts(AccountingResult result, Path out) {
        writeAccounts(result.months(), result.factorSets(), out);
    }

    /** Months accounted elsewhere (the Spark job) with the factor sets they name, in the order given. */
    public static void writeAccounts(List<EnterpriseMonth> months, String factorSets, Path out) {
        byte[] sets = ("," + quote(factorSets)).getBytes(StandardCharsets.UTF_8);
        // the lines are made as UTF-8 bytes on every core, a block of months each, and written in order
        int block = 4096;
        writeBytesAtomically(out, o -> {
            o.write((String.join(",", HEADER) + "\n").getBytes(StandardCharsets.UTF_8));
            int blocks = (months.size() + block - 1) / block;
            for (int first = 0; first < blocks; first += 16) {
                int from = first;
                List<Utf8> texts = java.util.stream.IntStream.range(from, Math.min(blocks, from + 16))
                        .parallel()
                        .mapToObj(k -> lines(months.subList(k * block, Math.min(months.size(), (k + 1) * block)), sets))
                        .toList();
                for (Utf8 t : texts) {
                    t.writeTo(o);
                }
            }
        });
    }

    /** UTF-8 bytes gathered as a block's lines are made. */
    private static final class Utf8 extends java.io.ByteArrayOutputStream {
        Utf8(int size) {
            super(size);
        }

        /** Appends text that is ASCII (figures, codes, periods) byte for byte, anything else encoded. */
        void text(CharSequence t) {
            int n = t.length();
            ensure(n);
            for (int i = 0; i < n; i++) {
                char ch = t.charAt(i);
                if (ch >= 0x80) {
                    writeBytes(t.subSequence(i, n).toString().getBytes(StandardCharsets.UTF_8));
                    return;
                }
                buf[count++] = (byte) ch;
            }
        }

        private void ensure(int more) {
            if (count + more > buf.length) {
                buf = java.util.Arrays.copyOf(buf, Math.max(buf.length * 2, count + more));
            }
        }
    }

    private static Utf8 lines(List<EnterpriseMonth> months, byte[] sets) {
        Utf8 out = new Utf8(months.size() * 256);
        StringBuilder b = new StringBuilder(256);
        for (EnterpriseMonth m : months) {
            b.setLength(0);
            b.append(m.enterprise().value()).append(',');
            b.append(m.period()).append(',');
            b.append(m.region().value()).append(',');
            b.append(m.industry().value());
            for (double v : new double[] {
                m.scope1(),
                m.scope2(),
                m.total(),
                m.energy(),
                m.combustion(),
                m.process(),
                m.electricity(),
                m.heat(),
                m.valueAdded(),
                m.carbonIntensity(),
                m.energyIntensity()
            }) {
                num(b.append(','), v);
            }
            b.append(',');
            out.text(b);
            if (!m.production().isEmpty()) {
                // the products' names (Chinese) are the only text that is not ASCII
                String perProduct = m.production().keySet().stream()
                        .map(p -> p.replace(",", " ") + "=" + num(m.carbonPerProduct(p)))
                        .collect(Collectors.joining(";"));
                out.text(quote(perProduct));
            }
            out.writeBytes(sets);
            b.setLength(0);
            for (double v : new double[] {
                m.feedstockEnergy(), m.energyExcludingFeedstock(), m.suppliedElectricity(), m.emissionsPerMwhSupplied()
            }) {
                num(b.append(','), v);
            }
            b.append('\n');
            out.text(b);
        }
        return out;
    }

    /** A figure with six decimals (1 g CO2 or 1 gce), dot decimal separator whatever the locale; empty for NaN. */
    public static String num(double v) {
        return num(new StringBuilder(24), v).toString();
    }

    /**
     * Appends what {@code %.6f} prints of {@code v} (nothing for NaN): the shortest decimal that reads back as the double
     * ({@link Double#toString}), rounded half up at the sixth decimal, its digits carried by hand rather than through
     * {@link java.util.Formatter} or {@link java.math.BigDecimal} (a province's results are millions of figures).
     */
    static StringBuilder num(StringBuilder out, double v) {
        if (Double.isNaN(v)) {
            return out;
        }
        if (Double.isInfinite(v)) {
            return out.append(String.format(Locale.ROOT, "%.6f", v));
        }
        if (v < 0 || 1 / v < 0) {
            out.append('-');
        }
        double a = Math.abs(v);
        if (a < 1e9) {
            // a·10⁶ exactly, as t + lo (10⁶ is exact, the fused multiply-add gives the product's rounding error); when
            // no rounding point (k + ½ millionths) lies within two ulps of the figure, the shortest decimal and the
            // double itself round alike, and the millionths are read off the exact product
            double t = a * 1e6;
            double lo = Math.fma(a, 1e6, -t);
            double whole = Math.floor(t);
            double frac = (t - whole) + lo;
            double margin = 2e6 * Math.ulp(a);
            // a figure that is a whole number of millionths (0, 2.5 …) is exactly that many: the product is exact
            boolean exact = t == whole && lo == 0;
            if (exact || frac > margin && frac < 1 - margin && Math.abs(frac - 0.5) > margin) {
                long n = (long) whole + (frac > 0.5 ? 1 : 0);
                long fraction = n % 1_000_000;
                out.append(n / 1_000_000).append('.');
                for (long d = 100_000; d > 1 && fraction < d; d /= 10) {
                    out.append('0');
                }
                return out.append(fraction);
            }
        }
        String s = Double.toString(a);
        int e = s.indexOf('E');
        int end = e < 0 ? s.length() : e;
        int exp = e < 0 ? 0 : Integer.parseInt(s, e + 1, s.length(), 10);
        int dot = s.indexOf('.');
        int n = end - 1; // digits, without the dot
        int p = dot + exp; // how many of them stand before the decimal point
        int whole = Math.max(p, 1);
        char[] r = new char[whole + 6];
        int shift = whole - p; // leading zeros when the figure is below 1
        for (int i = 0; i < r.length; i++) {
            int k = i - shift;
            r[i] = k >= 0 && k < n ? s.charAt(k < dot ? k : k + 1) : '0';
        }
        int next = p + 6; // the first digit dropped
        boolean carry = false;
        if (next >= 0 && next < n && s.charAt(next < dot ? next : next + 1) >= '5') {
            int i = r.length - 1;
            while (i >= 0 && r[i] == '9') {
                r[i--] = '0';
            }
            if (i < 0) {
                carry = true;
            } else {
                r[i]++;
            }
        }
        if (carry) {
            out.append('1');
        }
        return out.append(r, 0, whole).append('.').append(r, whole, 6);
    }

    public static String quote(String s) {
        return s.contains(",") || s.contains("\"") ? '"' + s.replace("\"", "\"\"") + '"' : s;
    }

    /** Body of a file writer. */
    public interface Body {
        void write(Writer w) throws IOException;
    }

    /** Body of a binary file writer. */
    public interface BytesBody {
        void write(java.io.OutputStream out) throws IOException;
    }

    /** Writes text (UTF-8) to a temporary file beside {@code out}, then moves it into place. */
    public static void writeAtomically(Path out, Body body) {
        writeBytesAtomically(out, o -> {
            Writer w = new java.io.BufferedWriter(new java.io.OutputStreamWriter(o, StandardCharsets.UTF_8));
            body.write(w);
            w.flush();
        });
    }

    /** Writes bytes to a temporary file beside {@code out}, then moves it into place: a complete file or none. */
    public static void writeBytesAtomically(Path out, BytesBody body) {
        Path dir = out.toAbsolutePath().getParent();
        try {
            Files.createDirectories(dir);
            Path tmp = Files.createTempFile(dir, ".peakline-", ".tmp");
            try {
                try (java.io.OutputStream o = Files.newOutputStream(tmp)) {
                    body.write(o);
                }
                Files.move(tmp, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + out + ": " + e.getMessage(), e);
        }
    }
}
