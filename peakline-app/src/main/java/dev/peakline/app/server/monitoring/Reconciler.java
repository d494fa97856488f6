package dev.peakline.app.server.monitoring;

import dev.peakline.domain.ChinaTime;
import dev.peakline.domain.CreditCode;
import dev.peakline.domain.Use;
import dev.peakline.filing.FilingStatus;
import dev.peakline.monitoring.DayFigure;
import dev.peakline.monitoring.Meter;
import dev.peakline.problems.ErrorCode;
import dev.peakline.problems.Refusal;
import dev.peakline.reference.EnergyCarrier;
import dev.peakline.reference.ReferenceLibrary;
import dev.peakline.store.filing.FilingRepository;
import dev.peakline.store.filing.FilingRepository.ActivityLine;
import dev.peakline.store.filing.FilingRepository.Content;
import dev.peakline.store.filing.FilingRepository.Filing;
import dev.peakline.store.monitoring.MeterRepository;
import dev.peakline.store.monitoring.Monitoring;
import dev.peakline.units.Unit;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Metered consumption into the accounts. For an ended month, the enterprise's meters are summed per carrier (in the
 * carrier's accounting unit) and:
 *
 * <ul>
 *   <li>when the enterprise has filed nothing for the month, the sums become a draft filing with source METERS
 *       (electricity and heat as purchased, fuels as burnt), which the enterprise completes and submits; a METERS draft
 *       still untouched is refreshed when computed again;
 *   <li>when it has filed (the latest version not from meters), each carrier's metered and filed quantities are compared,
 *       and a deviation |metered − filed| ÷ filed beyond the threshold (5 % unless configured) is flagged for the
 *       verifier, who sees it with the filing.
 * </ul>
 */
@Component
public class Reconciler {
    private final MeterRepository meters;
    private final Monitoring monitoring;
    private final FilingRepository filings;
    private final ReferenceLibrary library;
    private final MonitoringViews views;
    private final Clock clock;
    private final double threshold;

    public Reconciler(
            MeterRepository meters,
            Monitoring monitoring,
            FilingRepository filings,
            ReferenceLibrary library,
            MonitoringViews views,
            Clock clock,
            @Value("${peakline.monitoring.reconciliation-threshold:0.05}") double threshold) {
        this.meters = meters;
        this.monitoring = monitoring;
        this.filings = filings;
        this.library = library;
        this.views = views;
        this.clock = clock;
        this.threshold = threshold;
    }

    public double threshold() {
        return threshold;
    }

    /**
     * Reconciles one enterprise-month and returns the rows (also stored). With {@code mayDraft} false (a verifier), a
     * month without a filing is only compared, never drafted: a draft made by someone else would block the enterprise's
     * own filing of that month.
     */
    public List<Monitoring.Reconciled> reconcile(
            String actor, CreditCode enterprise, YearMonth period, boolean mayDraft) {
        if (!period.isBefore(YearMonth.now(clock.withZone(ChinaTime.ZONE)))) {
            throw Refusal.of(
                    ErrorCode.PERIOD_NOT_ENDED,
                    period + " has not ended yet; metered months are reconciled after they end");
        }
        List<Meter> devices = views.inMonth(meters.ofEnterprise(enterprise), period);
        if (devices.isEmpty()) {
            throw Refusal.of(
                    ErrorCode.MONITORING_NO_METERS,
                    "enterprise " + enterprise + " had no meter in service in " + period);
        }
        Map<String, Double> metered = new TreeMap<>();
        List<Monitoring.MeterDay> days =
                monitoring.days(devices.stream().map(Meter::id).toList(), period.atDay(1), period.atEndOfMonth());
        for (Meter m : devices) {
            double q = days.stream()
                    .filter(d -> d.meterId() == m.id())
                    .map(Monitoring.MeterDay::figure)
                    .mapToDouble(DayFigure::consumption)
                    .sum();
            metered.merge(views.carrier(m).code(), views.inCarrierUnit(m, q), Double::sum);
        }
        List<Filing> versions = filings.versions(enterprise, period);
        Optional<Filing> own = versions.stream()
                .filter(f -> !f.source().equals("METERS")
                        && f.status() != FilingStatus.SUPERSEDED
                        && f.status() != FilingStatus.DISCARDED)
                .max(Comparator.comparingInt(Filing::version));
        Long draftId = null;
        Map<String, Double> filed = new TreeMap<>();
        if (own.isPresent()) {
            for (ActivityLine a : filings.content(own.get().id()).activity()) {
                if (Use.parse(a.use()).orElse(Use.COMBUSTION) == Use.EXPORTED) {
                    continue;
                }
                library.carrier(a.carrier())
                        .ifPresent(c -> filed.merge(
                                c.code(),
                                c.activityUnit()
                                        .fromCanonical(Unit.of(a.unit())
                                                .toCanonical(a.amount().doubleValue())),
                                Double::sum));
            }
        } else if (mayDraft) {
            Content content = Content.of(lines(metered));
            Optional<Filing> draft = versions.stream()
                    .filter(f -> f.source().equals("METERS") && f.status() == FilingStatus.DRAFT)
                    .findFirst();
            if (draft.isPresent()) {
                filings.replace(actor, draft.get().id(), content);
                draftId = draft.get().id();
            } else if (versions.stream()
                    .allMatch(f -> f.status() == FilingStatus.SUPERSEDED || f.status() == FilingStatus.DISCARDED)) {
                draftId = filings.draft(actor, enterprise, period, "METERS", content)
                        .id();
            }
        }
        List<Monitoring.Reconciled> rows = new ArrayList<>();
        for (var e : metered.entrySet()) {
            String code = e.getKey();
            Double f = own.isPresent() ? filed.getOrDefault(code, 0.0) : null;
            rows.add(row(
                    enterprise,
                    period,
                    code,
                    e.getValue(),
                    f,
                    own.map(Filing::id).orElse(null),
                    draftId));
        }
        if (own.isPresent()) {
            for (var e : filed.entrySet()) {
                if (!metered.containsKey(e.getKey()) && metered.size() > 0) {
                    // filed but not metered: not a deviation (not every carrier is metered), shown for completeness
                    rows.add(new Monitoring.Reconciled(
                            enterprise.value(),
                            period.toString(),
                            e.getKey(),
                            unit(e.getKey()),
                            Double.NaN,
                            e.getValue(),
                            null,
                            threshold,
                            false,
                            own.get().id(),
                            null));
                }
            }
        }
        monitoring.saveReconciliation(enterprise.value(), period.toString(), rows, clock.instant());
        return rows;
    }

    private Monitoring.Reconciled row(
            CreditCode enterprise,
            YearMonth period,
            String carrier,
            double metered,
            Double filed,
            Long filingId,
            Long draftId) {
        Double deviation = null;
        boolean flagged = false;
        if (filed != null) {
            if (filed == 0) {
                deviation = metered == 0 ? 0.0 : null;
                flagged = metered != 0;
            } else {
                deviation = (metered - filed) / filed;
                flagged = Math.abs(deviation) > threshold;
            }
        }
        return new Monitoring.Reconciled(
                enterprise.value(),
                period.toString(),
                carrier,
                unit(carrier),
                metered,
                filed,
                deviation,
                threshold,
                flagged,
                filingId,
                draftId);
    }

    private String unit(String carrier) {
        return library.carrier(carrier).map(c -> c.activityUnit().symbol()).orElse("");
    }

    private List<ActivityLine> lines(Map<String, Double> metered) {
        List<ActivityLine> out = new ArrayList<>();
        metered.forEach((code, q) -> {
            EnergyCarrier c = library.carrier(code).orElseThrow();
            Use use = c.isFuel() ? Use.COMBUSTION : Use.PURCHASED;
            out.add(new ActivityLine(
                    c.code(),
                    use.code(),
                    BigDecimal.valueOf(q).setScale(6, RoundingMode.HALF_EVEN).stripTrailingZeros(),
                    c.activityUnit().symbol(),
                    null,
                    null));
        });
        return out;
    }
}
