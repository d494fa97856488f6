package dev.peakline.io.demo;

import dev.peakline.demo.DemoProvince;
import dev.peakline.domain.Use;
import dev.peakline.units.Unit;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** Writes a generated demo province as filing files in the documented formats (activity, process, production, output, enterprises). */
public final class DemoFiles {
    private DemoFiles() {}

    /** Counts of what was written. */
    public record Written(int enterprises, long activity, long process, long production, long output) {}

    public static Written write(DemoProvince province, Path dir) {
        return write(province::generate, dir);
    }

    /** Writes what a generator makes (the demo province or the national population). */
    public static Written write(java.util.function.Consumer<DemoProvince.Sink> generator, Path dir) {
        try {
            Files.createDirectories(dir);
            try (Writer ent = open(
                            dir.resolve("enterprises.csv"), "enterprise,name,region,industry,park,profile,key_unit");
                    Writer act = open(
                            dir.resolve("activity.csv"),
                            "enterprise,region,industry,period,carrier,quantity,unit,use");
                    Writer proc =
                            open(dir.resolve("process.csv"), "enterprise,period,process,quantity,unit,parameters");
                    Writer prod = open(dir.resolve("production.csv"), "enterprise,period,product,quantity,unit");
                    Writer out = open(dir.resolve("output.csv"), "enterprise,period,value_added,unit")) {
                long[] n = new long[5];
                generator.accept(new DemoProvince.Sink() {
                    public void enterprise(DemoProvince.Enterprise e) {
                        line(
                                ent,
                                e.code().value(),
                                e.name(),
                                e.region().value(),
                                e.industry().value(),
                                e.park() == null ? "" : e.park(),
                                e.profile(),
                                Boolean.toString(e.keyUnit()));
                        n[0]++;
                    }

                    public void activity(
                            DemoProvince.Enterprise e, YearMonth p, String carrier, Use use, double q, Unit unit) {
                        line(
                                act,
                                e.code().value(),
                                e.region().value(),
                                e.industry().value(),
                                p.toString(),
                                carrier,
                                num(q),
                                unit.symbol(),
                                use.code());
                        n[1]++;
                    }

                    public void process(
                            DemoProvince.Enterprise e,
                            YearMonth p,
                            String process,
                            double t,
                            Map<String, String> params) {
                        String ps = new TreeMap<>(params)
                                .entrySet().stream()
                                        .map(x -> x.getKey() + "=" + x.getValue())
                                        .collect(Collectors.joining(";"));
                        line(proc, e.code().value(), p.toString(), process, num(t), "t", ps);
                        n[2]++;
                    }

                    public void production(DemoProvince.Enterprise e, YearMonth p, String product, double t) {
                        line(prod, e.code().value(), p.toString(), product, num(t), "t");
                        n[3]++;
                    }

                    public void output(DemoProvince.Enterprise e, YearMonth p, double v) {
                        line(out, e.code().value(), p.toString(), num(v), "万元");
                        n[4]++;
                    }
                });
                return new Written((int) n[0], n[1], n[2], n[3], n[4]);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the demo into " + dir + ": " + e.getMessage(), e);
        }
    }

    private static Writer open(Path p, String header) throws IOException {
        Writer w = Files.newBufferedWriter(p, StandardCharsets.UTF_8);
        w.write(header);
        w.write('\n');
        return w;
    }

    private static void line(Writer w, String... cells) {
        try {
            w.write(String.join(",", cells));
            w.write('\n');
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String num(double v) {
        return java.math.BigDecimal.valueOf(v)
                .stripTrailingZeros()
                .toPlainString()
                .toLowerCase(Locale.ROOT);
    }
}
