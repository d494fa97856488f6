package dev.peakline.io.accounting;

import dev.peakline.rollup.Rollup;
import java.util.List;

/** Writes roll-up lines as CSV (atomically). */
public final class RollupWriter {
    private RollupWriter() {}

    public static void write(List<Rollup.Line> lines, java.nio.file.Path out) {
        ResultWriter.writeAtomically(out, w -> {
            w.write("axis,code,name,level,period,enterprises,scope1_tco2,scope2_tco2,total_tco2,energy_tce\n");
            for (Rollup.Line l : lines) {
                w.write(String.join(
                        ",",
                        l.axis().name().toLowerCase(java.util.Locale.ROOT),
                        l.code(),
                        ResultWriter.quote(l.name()),
                        l.level(),
                        l.period(),
                        Integer.toString(l.enterprises()),
                        micro(l.scope1Micro()),
                        micro(l.scope2Micro()),
                        micro(l.totalMicro()),
                        micro(l.energyMicro())));
                w.write('\n');
            }
        });
    }

    /** A micro-unit integer as a decimal with six places, exactly. */
    static String micro(long v) {
        return java.math.BigDecimal.valueOf(v, 6).toPlainString();
    }
}
