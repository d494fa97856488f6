package dev.peakline.io.archive;

import dev.peakline.accounting.AccountingInput;
import dev.peakline.domain.ActivityRecord;
import dev.peakline.domain.OutputRecord;
import dev.peakline.domain.ProcessRecord;
import dev.peakline.domain.ProductionRecord;
import java.math.BigDecimal;
import java.time.YearMonth;

/**
 * Filing files read by the CLI's reader as archive rows, laid out as the server's approved lines are (filing id 0, the
 * file's line as the line): the national load simulation accounts the same lines on one node from the files and on
 * Spark from the archive.
 */
public final class FilingArchive {
    private FilingArchive() {}

    /** The months the input covers, or null when it has no activity. */
    public static YearMonth[] months(AccountingInput in) {
        YearMonth a = null;
        YearMonth b = null;
        for (ActivityRecord r : in.activity()) {
            a = a == null || r.period().isBefore(a) ? r.period() : a;
            b = b == null || r.period().isAfter(b) ? r.period() : b;
        }
        return a == null ? null : new YearMonth[] {a, b};
    }

    /** Adds the input's lines to an open write (its months must cover them); returns the rows added. */
    public static long add(AccountingInput in, ParquetArchive.Writer w) {
        ParquetArchive.Rows act = w.rows(ArchiveTable.ACTIVITY);
        ParquetArchive.Rows proc = w.rows(ArchiveTable.PROCESS);
        ParquetArchive.Rows prod = w.rows(ArchiveTable.PRODUCTION);
        ParquetArchive.Rows out = w.rows(ArchiveTable.OUTPUT);
        long n = 0;
        for (ActivityRecord a : in.activity()) {
            act.add(
                    a.period(),
                    a.enterprise().value(),
                    a.region().value(),
                    a.industry().value(),
                    a.period().toString(),
                    0L,
                    a.sourceRow(),
                    a.carrier(),
                    a.use().code(),
                    a.quantity().value(),
                    a.quantity().unit().symbol(),
                    nan(a.measuredNcv()),
                    // the archive keeps carbon content in tC/TJ as filed and stored; the engine works in tC/GJ
                    Double.isNaN(a.measuredCarbonContent())
                            ? null
                            : BigDecimal.valueOf(a.measuredCarbonContent())
                                    .scaleByPowerOfTen(3)
                                    .doubleValue(),
                    a.quality() == null ? null : a.quality().name(),
                    nan(a.uncertainty()),
                    nan(a.factorUncertainty()));
            n++;
        }
        for (ProcessRecord p : in.process()) {
            proc.add(
                    p.period(),
                    p.enterprise().value(),
                    p.period().toString(),
                    0L,
                    p.sourceRow(),
                    p.process(),
                    p.quantity().value(),
                    p.quantity().unit().symbol(),
                    ProcessRecord.joined(p.parameters()));
            n++;
        }
        for (ProductionRecord p : in.production()) {
            prod.add(
                    p.period(),
                    p.enterprise().value(),
                    p.period().toString(),
                    0L,
                    p.sourceRow(),
                    p.product(),
                    p.quantity().value(),
                    p.quantity().unit().symbol());
            n++;
        }
        for (OutputRecord o : in.output()) {
            out.add(
                    o.period(),
                    o.enterprise().value(),
                    o.period().toString(),
                    0L,
                    o.sourceRow(),
                    o.valueAdded().value(),
                    o.valueAdded().unit().symbol());
            n++;
        }
        return n;
    }

    private static Double nan(double v) {
        return Double.isNaN(v) ? null : v;
    }
}
