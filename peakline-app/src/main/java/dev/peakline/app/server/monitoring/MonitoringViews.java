package dev.peakline.app.server.monitoring;

import dev.peakline.domain.ChinaTime;
import dev.peakline.monitoring.DayFigure;
import dev.peakline.monitoring.Meter;
import dev.peakline.monitoring.Quality;
import dev.peakline.reference.EnergyCarrier;
import dev.peakline.reference.ReferenceLibrary;
import dev.peakline.store.monitoring.MeterRepository;
import dev.peakline.store.monitoring.Monitoring;
import dev.peakline.store.registry.EnterpriseRepository;
import dev.peakline.units.Unit;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The monitoring views: an enterprise's meters with their latest readings, today's and this month's consumption and
 * health; the data-quality report of an enterprise-month per meter; the quality status of every metered enterprise in
 * a region. Consumption per carrier is given in the carrier's accounting unit (电力 in 万kWh, 天然气 in 万m³ …), converted
 * from each meter's unit.
 */
@Component
public class MonitoringViews {
    private final MeterRepository meters;
    private final dev.peakline.store.Database db;
    private final EnterpriseRepository enterpriseRepository;
    private final Monitoring monitoring;
    private final ReferenceLibrary library;
    private final Clock clock;
    private final Duration silentAfter;

    public MonitoringViews(
            MeterRepository meters,
            Monitoring monitoring,
            ReferenceLibrary library,
            dev.peakline.store.Database db,
            EnterpriseRepository enterpriseRepository,
            Clock clock,
            @Value("${peakline.monitoring.silent-after:PT1H}") Duration silentAfter) {
        this.meters = meters;
        this.db = db;
        this.enterpriseRepository = enterpriseRepository;
        this.monitoring = monitoring;
        this.library = library;
        this.clock = clock;
        this.silentAfter = silentAfter;
    }

    /** A meter's quantity in its carrier's accounting unit. */
    public double inCarrierUnit(Meter m, double quantity) {
        EnergyCarrier c = carrier(m);
        return c.activityUnit().fromCanonical(Unit.of(m.unit()).toCanonical(quantity));
    }

    public EnergyCarrier carrier(Meter m) {
        return library.carrier(m.carrier())
                .orElseThrow(() ->
                        new IllegalStateException("meter " + m.code() + " has an unknown carrier " + m.carrier()));
    }

    /** The enterprise's monitoring page. */
    public Map<String, Object> enterprise(String enterprise) {
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, ChinaTime.ZONE);
        YearMonth month = YearMonth.from(today);
        List<Meter> all = meters.ofEnterprises(List.of(enterprise));
        List<Long> ids = all.stream().map(Meter::id).toList();
        var latest = monitoring.latest(ids);
        Map<Long, List<DayFigure>> days = byMeter(monitoring.days(ids, month.atDay(1), today));
        Map<String, double[]> carriers = new TreeMap<>();
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Meter m : all) {
            List<DayFigure> d = days.getOrDefault(m.id(), List.of());
            double todayQ = d.stream()
                    .filter(x -> x.day().equals(today))
                    .mapToDouble(DayFigure::consumption)
                    .sum();
            double monthQ = d.stream().mapToDouble(DayFigure::consumption).sum();
            double[] c = carriers.computeIfAbsent(m.carrier(), k -> new double[2]);
            c[0] += inCarrierUnit(m, todayQ);
            c[1] += inCarrierUnit(m, monthQ);
            if (m.removedAt() != null
                    && m.removedAt()
                            .isBefore(
                                    month.atDay(1).atStartOfDay(ChinaTime.ZONE).toInstant())) {
                continue;
            }
            var l = latest.get(m.id());
            Quality.MeterMonth q = Quality.evaluate(
                    m.spec(), ChinaTime.ZONE, month, d, null, 0, 0, l == null ? null : l.ts(), now, silentAfter);
            DayFigure t =
                    d.stream().filter(x -> x.day().equals(today)).findFirst().orElse(null);
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("id", m.id());
            r.put("meter", m.code());
            r.put("name", m.name());
            r.put("carrier", m.carrier());
            r.put("unit", m.unit());
            r.put("kind", m.kind().name());
            r.put("multiplier", m.multiplier());
            r.put("intervalSeconds", m.intervalSeconds());
            r.put("installedAt", m.installedAt().toString());
            if (m.removedAt() != null) {
                r.put("removedAt", m.removedAt().toString());
            }
            if (l != null) {
                r.put("latestTs", l.ts().toString());
                r.put("latestValue", l.value());
            }
            r.put("today", todayQ);
            r.put("month", monthQ);
            r.put("todayCompleteness", t == null ? 0.0 : t.completeness());
            r.put("monthCompleteness", q.completeness());
            r.put("silent", q.silent() && m.removedAt() == null);
            r.put(
                    "health",
                    m.removedAt() != null
                            ? "REMOVED"
                            : q.silent() ? "SILENT" : q.completenessOk() ? "OK" : "INCOMPLETE");
            rows.add(r);
        }
        List<Map<String, Object>> totals = new ArrayList<>();
        carriers.forEach((code, v) -> {
            Map<String, Object> t = new LinkedHashMap<>();
            t.put("carrier", code);
            t.put(
                    "unit",
                    library.carrier(code).map(c -> c.activityUnit().symbol()).orElse(""));
            t.put("today", v[0]);
            t.put("month", v[1]);
            totals.add(t);
        });
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("enterprise", enterprise);
        out.put("asOf", now.toString());
        out.put("today", today.toString());
        out.put("month", month.toString());
        out.put("meters", rows);
        out.put("carriers", totals);
        return out;
    }

    /** Quality of each meter of an enterprise in a month. */
    public List<Quality.MeterMonth> quality(List<Meter> devices, YearMonth month, Map<Long, Instant> latest) {
        List<Long> ids = devices.stream().map(Meter::id).toList();
        Map<Long, List<DayFigure>> days = byMeter(monitoring.days(ids, month.atDay(1), month.atEndOfMonth()));
        Map<Long, Double> monthly = new HashMap<>();
        Map<Long, int[]> stamps = new HashMap<>();
        for (Monitoring.Stated s : monitoring.stated(ids, month.atDay(1), month.atEndOfMonth())) {
            if (s.granularity().equals("MONTH") && s.periodStart().equals(month.atDay(1))) {
                monthly.put(s.meterId(), s.value());
            }
            int[] st = stamps.computeIfAbsent(s.meterId(), k -> new int[2]);
            st[1]++;
            if (s.onTime()) {
                st[0]++;
            }
        }
        Instant now = clock.instant();
        List<Quality.MeterMonth> out = new ArrayList<>();
        for (Meter m : devices) {
            int[] st = stamps.getOrDefault(m.id(), new int[2]);
            out.add(Quality.evaluate(
                    m.spec(),
                    ChinaTime.ZONE,
                    month,
                    days.getOrDefault(m.id(), List.of()),
                    monthly.get(m.id()),
                    st[0],
                    st[1],
                    latest.get(m.id()),
                    now,
                    silentAfter));
        }
        return out;
    }

    /** The devices of an enterprise that were in service during a month. */
    public List<Meter> inMonth(Collection<Meter> devices, YearMonth month) {
        Instant start = month.atDay(1).atStartOfDay(ChinaTime.ZONE).toInstant();
        Instant end = month.plusMonths(1).atDay(1).atStartOfDay(ChinaTime.ZONE).toInstant();
        return devices.stream()
                .filter(m -> m.installedAt().isBefore(end)
                        && (m.removedAt() == null || m.removedAt().isAfter(start)))
                .toList();
    }

    /** A device in service during a month, with the month's data quality. */
    public record Judged(Meter meter, Quality.MeterMonth quality) {}

    /** The data quality of each of an enterprise's devices in service during a month. */
    public List<Judged> judged(String enterprise, YearMonth month) {
        List<Meter> devices = inMonth(meters.ofEnterprises(List.of(enterprise)), month);
        Map<Long, Instant> latest = new HashMap<>();
        monitoring.latest(devices.stream().map(Meter::id).toList()).forEach((k, v) -> latest.put(k, v.ts()));
        List<Quality.MeterMonth> q = quality(devices, month, latest);
        List<Judged> out = new ArrayList<>();
        for (int i = 0; i < devices.size(); i++) {
            out.add(new Judged(devices.get(i), q.get(i)));
        }
        return out;
    }

    /** The quality report of one enterprise-month. */
    public Map<String, Object> enterpriseQuality(String enterprise, YearMonth month) {
        List<Judged> judged = judged(enterprise, month);
        List<Quality.MeterMonth> q = judged.stream().map(Judged::quality).toList();
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Judged j : judged) {
            rows.add(row(j.meter(), j.quality()));
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("enterprise", enterprise);
        out.put("month", month.toString());
        out.putAll(summary(q));
        out.put("meters", rows);
        out.put("rules", rules());
        return out;
    }

    /** Quality status of every metered enterprise in a set (a region's subtree). */
    public Map<String, Object> regionQuality(String region, Collection<String> enterprises, YearMonth month) {
        Map<String, List<Meter>> byEnterprise = new TreeMap<>();
        for (Meter m : meters.ofEnterprises(enterprises)) {
            byEnterprise
                    .computeIfAbsent(m.enterprise().value(), k -> new ArrayList<>())
                    .add(m);
        }
        Map<String, String> names = enterpriseRepository.names(byEnterprise.keySet());
        List<Long> ids = byEnterprise.values().stream()
                .flatMap(List::stream)
                .map(Meter::id)
                .toList();
        Map<Long, Instant> latest = new HashMap<>();
        monitoring.latest(ids).forEach((k, v) -> latest.put(k, v.ts()));
        Map<String, Integer> rejected = monitoring.rejectedSince(
                byEnterprise.keySet(),
                month.atDay(1).atStartOfDay(ChinaTime.ZONE).toInstant());
        List<Map<String, Object>> rows = new ArrayList<>();
        int passing = 0;
        for (var e : byEnterprise.entrySet()) {
            List<Meter> devices = inMonth(e.getValue(), month);
            List<Quality.MeterMonth> q = quality(devices, month, latest);
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("enterprise", e.getKey());
            r.put("name", names.getOrDefault(e.getKey(), ""));
            r.putAll(summary(q));
            r.put("rejected", rejected.getOrDefault(e.getKey(), 0));
            if (Boolean.TRUE.equals(r.get("passes"))) {
                passing++;
            }
            rows.add(r);
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("region", region);
        out.put("month", month.toString());
        out.put("enterprises", rows.size());
        out.put("passing", passing);
        out.put("rows", rows);
        out.put("rules", rules());
        return out;
    }

    private static Map<String, Object> summary(List<Quality.MeterMonth> q) {
        int collected = q.stream().mapToInt(Quality.MeterMonth::collected).sum();
        int expected = q.stream().mapToInt(Quality.MeterMonth::expected).sum();
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("meters", q.size());
        s.put("collected", collected);
        s.put("expected", expected);
        s.put("completeness", expected == 0 ? 1.0 : Math.min(1.0, (double) collected / expected));
        s.put("completenessOk", q.stream().allMatch(Quality.MeterMonth::completenessOk));
        s.put(
                "dailyVsMonthlyFailures",
                q.stream()
                        .filter(x -> Boolean.FALSE.equals(x.dailyVsMonthlyOk()))
                        .count());
        s.put(
                "lateStamps",
                q.stream().mapToInt(x -> x.stamps() - x.stampsOnTime()).sum());
        s.put("silentMeters", q.stream().filter(Quality.MeterMonth::silent).count());
        s.put("gapDays", q.stream().mapToInt(Quality.MeterMonth::gapDays).sum());
        s.put("passes", !q.isEmpty() && q.stream().allMatch(Quality.MeterMonth::passes));
        return s;
    }

    private static Map<String, Object> row(Meter m, Quality.MeterMonth q) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("id", m.id());
        r.put("meter", m.code());
        r.put("name", m.name());
        r.put("carrier", m.carrier());
        r.put("unit", m.unit());
        r.put("collected", q.collected());
        r.put("expected", q.expected());
        r.put("completeness", q.completeness());
        r.put("completenessOk", q.completenessOk());
        r.put("dailySum", q.dailySum());
        r.put("monthly", q.monthly());
        r.put("deviation", q.deviation() == null || q.deviation().isInfinite() ? null : q.deviation());
        r.put("dailyVsMonthlyOk", q.dailyVsMonthlyOk());
        r.put("stamps", q.stamps());
        r.put("stampsOnTime", q.stampsOnTime());
        r.put("lastReading", q.lastReading() == null ? null : q.lastReading().toString());
        r.put("silent", q.silent());
        r.put("gapDays", q.gapDays());
        r.put("passes", q.passes());
        return r;
    }

    private static Map<String, Object> rules() {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("completeness", Quality.COMPLETENESS);
        r.put("dailyVsMonthly", Quality.DAILY_VS_MONTHLY);
        r.put("dailyStampTolerance", "PT1M");
        r.put("monthlyStampTolerance", "P1D");
        return r;
    }

    private static Map<Long, List<DayFigure>> byMeter(List<Monitoring.MeterDay> days) {
        Map<Long, List<DayFigure>> out = new HashMap<>();
        for (Monitoring.MeterDay d : days) {
            out.computeIfAbsent(d.meterId(), k -> new ArrayList<>()).add(d.figure());
        }
        return out;
    }
}
