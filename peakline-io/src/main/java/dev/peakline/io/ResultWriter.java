package dev.peakline.io;

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
        writeAtomically(out, w -> {
            w.write(String.join(",", HEADER));
            w.write('\n');
            String sets = result.factorSets();
            for (EnterpriseMonth m : result.months()) {
                String perProduct = m.production().keySet().stream()
                        .map(p -> p.replace(",", " ") + "=" + num(m.carbonPerProduct(p)))
                        .collect(Collectors.joining(";"));
                w.write(String.join(
                        ",",
                        m.enterprise().value(),
                        m.period().toString(),
                        m.region().value(),
                        m.industry().value(),
                        num(m.scope1()),
                        num(m.scope2()),
                        num(m.total()),
                        num(m.energy()),
                        num(m.combustion()),
                        num(m.process()),
                        num(m.electricity()),
                        num(m.heat()),
                        num(m.valueAdded()),
                        num(m.carbonIntensity()),
                        num(m.energyIntensity()),
                        quote(perProduct),
                        quote(sets),
                        num(m.feedstockEnergy()),
                        num(m.energyExcludingFeedstock()),
                        num(m.suppliedElectricity()),
                        num(m.emissionsPerMwhSupplied())));
                w.write('\n');
            }
        });
    }

    /** A figure with six decimals (1 g CO2 or 1 gce), dot decimal separator whatever the locale; empty for NaN. */
    public static String num(double v) {
        if (Double.isNaN(v)) {
            return "";
        }
        if (Double.isInfinite(v)) {
            return String.format(Locale.ROOT, "%.6f", v);
        }
        // what %.6f prints (the shortest decimal of the double, rounded half up at the sixth place), without the
        // Formatter's per-call parsing: the same text, several times faster on the millions of figures a province has
        String s = new java.math.BigDecimal(Double.toString(v))
                .setScale(6, java.math.RoundingMode.HALF_UP)
                .toPlainString();
        return (v < 0 || 1 / v < 0) && s.charAt(0) != '-' ? "-" + s : s;
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
