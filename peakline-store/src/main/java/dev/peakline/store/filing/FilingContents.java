package dev.peakline.store.filing;

import dev.peakline.accounting.AccountingInput;
import dev.peakline.domain.ActivityRecord;
import dev.peakline.domain.CreditCode;
import dev.peakline.domain.IndustryCode;
import dev.peakline.domain.OutputRecord;
import dev.peakline.domain.ProcessRecord;
import dev.peakline.domain.ProductionRecord;
import dev.peakline.domain.RegionCode;
import dev.peakline.domain.Use;
import dev.peakline.store.filing.FilingRepository.ActivityLine;
import dev.peakline.store.filing.FilingRepository.Content;
import dev.peakline.store.filing.FilingRepository.OutputLine;
import dev.peakline.store.filing.FilingRepository.ProcessLine;
import dev.peakline.store.filing.FilingRepository.ProductionLine;
import dev.peakline.units.Quantity;
import dev.peakline.units.Unit;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Converts between stored filing lines and the engine's records: what is filed is exactly what is accounted. */
public final class FilingContents {
    private FilingContents() {}

    /** One enterprise-month to account: where the enterprise is, and what it filed. */
    public record Entry(
            CreditCode enterprise, RegionCode region, IndustryCode industry, YearMonth period, Content content) {}

    /** The lines of one enterprise-month out of validated records (an upload or the demo generator). */
    public static Content of(AccountingInput in, CreditCode enterprise, YearMonth period) {
        List<ActivityLine> activity = new ArrayList<>();
        for (ActivityRecord a : in.activity()) {
            if (a.enterprise().equals(enterprise) && a.period().equals(period)) {
                activity.add(new ActivityLine(
                        a.carrier(),
                        a.use().code(),
                        decimal(a.quantity().value()),
                        a.quantity().unit().symbol(),
                        Double.isNaN(a.measuredNcv()) ? null : decimal(a.measuredNcv()),
                        // stored as filed, in tC/TJ as the national tables state it; the engine works in tC/GJ
                        Double.isNaN(a.measuredCarbonContent()) ? null : decimal(a.measuredCarbonContent() * 1000),
                        a.quality() == null ? null : a.quality().name(),
                        Double.isNaN(a.uncertainty()) ? null : decimal(a.uncertainty()),
                        Double.isNaN(a.factorUncertainty()) ? null : decimal(a.factorUncertainty())));
            }
        }
        List<ProcessLine> process = new ArrayList<>();
        for (ProcessRecord p : in.process()) {
            if (p.enterprise().equals(enterprise) && p.period().equals(period)) {
                process.add(new ProcessLine(
                        p.process(),
                        decimal(p.quantity().value()),
                        p.quantity().unit().symbol(),
                        parameters(p.parameters())));
            }
        }
        List<ProductionLine> production = new ArrayList<>();
        for (ProductionRecord p : in.production()) {
            if (p.enterprise().equals(enterprise) && p.period().equals(period)) {
                production.add(new ProductionLine(
                        p.product(),
                        decimal(p.quantity().value()),
                        p.quantity().unit().symbol()));
            }
        }
        List<OutputLine> output = new ArrayList<>();
        for (OutputRecord o : in.output()) {
            if (o.enterprise().equals(enterprise) && o.period().equals(period)) {
                output.add(new OutputLine(
                        decimal(o.valueAdded().value()), o.valueAdded().unit().symbol()));
            }
        }
        return new Content(activity, process, production, output);
    }

    /** Parameters as stored: {@code key=value} pairs in key order, separated by semicolons. */
    public static String parameters(Map<String, String> parameters) {
        return ProcessRecord.joined(parameters);
    }

    static Map<String, String> parameters(String stored) {
        Map<String, String> out = new LinkedHashMap<>();
        if (stored == null || stored.isBlank()) {
            return out;
        }
        for (String part : stored.split(";")) {
            int eq = part.indexOf('=');
            out.put(part.substring(0, eq).strip(), part.substring(eq + 1).strip());
        }
        return out;
    }

    private static BigDecimal decimal(double v) {
        return BigDecimal.valueOf(v);
    }

    /**
     * The engine's input for stored enterprise-months; each record's source row is its line number in the filing.
     *
     * @throws IllegalArgumentException when a stored unit or use is not known (stored lines were validated on intake)
     */
    public static AccountingInput input(String sourceName, List<Entry> entries) {
        List<ActivityRecord> activity = new ArrayList<>();
        List<ProcessRecord> process = new ArrayList<>();
        List<ProductionRecord> production = new ArrayList<>();
        List<OutputRecord> output = new ArrayList<>();
        for (Entry e : entries) {
            Content c = e.content();
            int line = 1;
            for (ActivityLine a : c.activity()) {
                activity.add(new ActivityRecord(
                        e.enterprise(),
                        e.region(),
                        e.industry(),
                        e.period(),
                        a.carrier(),
                        Quantity.of(a.amount().doubleValue(), Unit.of(a.unit())),
                        Use.parse(a.use()).orElseThrow(() -> new IllegalArgumentException("unknown use " + a.use())),
                        a.measuredNcv() == null ? Double.NaN : a.measuredNcv().doubleValue(),
                        // stored in tC/TJ as filed; the engine works in tC/GJ
                        a.measuredCarbon() == null
                                ? Double.NaN
                                : a.measuredCarbon().doubleValue() / 1000,
                        line++,
                        a.quality() == null ? null : dev.peakline.domain.DataQuality.valueOf(a.quality()),
                        a.uncertainty() == null ? Double.NaN : a.uncertainty().doubleValue(),
                        a.factorUncertainty() == null
                                ? Double.NaN
                                : a.factorUncertainty().doubleValue()));
            }
            line = 1;
            for (ProcessLine p : c.process()) {
                process.add(new ProcessRecord(
                        e.enterprise(),
                        e.period(),
                        p.process(),
                        Quantity.of(p.amount().doubleValue(), Unit.of(p.unit())),
                        parameters(p.parameters()),
                        line++));
            }
            line = 1;
            for (ProductionLine p : c.production()) {
                production.add(new ProductionRecord(
                        e.enterprise(),
                        e.period(),
                        p.product(),
                        Quantity.of(p.amount().doubleValue(), Unit.of(p.unit())),
                        line++));
            }
            line = 1;
            for (OutputLine o : c.output()) {
                output.add(new OutputRecord(
                        e.enterprise(),
                        e.period(),
                        Quantity.of(o.valueAdded().doubleValue(), Unit.of(o.unit())),
                        line++));
            }
        }
        return new AccountingInput(sourceName, activity, process, production, output);
    }
}
