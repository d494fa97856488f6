package dev.peakline.app.server.datacentre;

import dev.peakline.datacentre.DataCentre;
import dev.peakline.datacentre.Pue;
import dev.peakline.domain.ChinaTime;
import dev.peakline.markets.MarketBasedScope2;
import dev.peakline.reference.ReferenceLibrary;
import dev.peakline.reference.ResolvedFactor;
import dev.peakline.store.datacentre.DataCentres;
import dev.peakline.store.markets.MarketRepository;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.springframework.stereotype.Component;

/**
 * A data centre's figures from its meters' day roll-ups: PUE, CLF and PLF per day and month and for the year to date
 * (core's {@link Pue}, a period with an incomplete day of the facility or IT meters has none), the renewable share,
 * location- and market-based emissions and CUE, energy per unit of computing, and the trailing twelve months'
 * comprehensive energy against the 1万 tce rule.
 */
@Component
public class DataCentreViews {
    private final DataCentres centres;
    private final MarketRepository markets;
    private final ReferenceLibrary library;
    private final Clock clock;

    public DataCentreViews(DataCentres centres, MarketRepository markets, ReferenceLibrary library, Clock clock) {
        this.centres = centres;
        this.markets = markets;
        this.library = library;
        this.clock = clock;
    }

    /** The last day whose roll-up can be whole: yesterday in Beijing time. */
    public LocalDate lastDay() {
        return LocalDate.now(clock.withZone(ChinaTime.ZONE)).minusDays(1);
    }

    /**
     * The first day a view of {@code year} needs: the year's 1 January, or the start of the trailing twelve months of
     * the 1万 tce rule when that lies earlier.
     */
    public LocalDate windowFrom(int year) {
        LocalDate trailing =
                YearMonth.from(lastDay().plusDays(1)).minusMonths(12).atDay(1);
        LocalDate jan = LocalDate.of(year, 1, 1);
        return trailing.isBefore(jan) ? trailing : jan;
    }

    /** Each position's days over {@code from..to} from the day roll-ups of the devices at its points. */
    public Map<Pue.Position, Map<LocalDate, Pue.PositionDay>> days(DataCentre d, LocalDate from, LocalDate to) {
        return days(List.of(d.id()), from, to).getOrDefault(d.id(), Map.of());
    }

    /** The same for many data centres at once (one query), by centre. */
    public Map<Long, Map<Pue.Position, Map<LocalDate, Pue.PositionDay>>> days(
            Collection<Long> ids, LocalDate from, LocalDate to) {
        Map<Long, Map<Pue.Position, Map<LocalDate, Pue.PositionDay>>> out = new HashMap<>();
        centres.days(ids, from, to).forEach((centre, positions) -> {
            Map<Pue.Position, Map<LocalDate, Pue.PositionDay>> m = new EnumMap<>(Pue.Position.class);
            positions.forEach((p, devices) -> m.put(p, Pue.position(devices)));
            out.put(centre, m);
        });
        return out;
    }

    /** The computing filed for the data centres, by centre and month. */
    public Map<Long, Map<YearMonth, DataCentres.Computing>> computing(Collection<Long> ids) {
        return centres.computing(ids);
    }

    private static double sum(
            Map<Pue.Position, Map<LocalDate, Pue.PositionDay>> days, Pue.Position p, LocalDate from, LocalDate to) {
        double s = 0;
        for (Pue.PositionDay d : days.getOrDefault(p, Map.of()).values()) {
            if (!d.day().isBefore(from) && !d.day().isAfter(to)) {
                s += d.kwh();
            }
        }
        return s;
    }

    /** A period's PUE and what goes with it, as the pages show it. */
    public Map<String, Object> period(
            DataCentre d, Map<Pue.Position, Map<LocalDate, Pue.PositionDay>> days, LocalDate from, LocalDate to) {
        Pue.Period p = Pue.of(from, to, days);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("from", from);
        m.put("to", to);
        m.put("pue", p.pue());
        m.put("grade", p.pue() == null ? null : Pue.grade(p.pue()));
        m.put("clf", p.clf());
        m.put("plf", p.plf());
        m.put("totalKwh", p.totalKwh());
        m.put("itKwh", p.itKwh());
        double onsite = sum(days, Pue.Position.ONSITE_RENEWABLE, from, to);
        double green = sum(days, Pue.Position.GREEN_PURCHASED, from, to);
        m.put("onsiteRenewableKwh", onsite);
        m.put("greenPurchasedKwh", green);
        m.put("renewableShare", Pue.renewableShare(onsite, green, 0, p.totalKwh()));
        m.put("complete", p.complete());
        m.put("incompleteDays", p.incompleteDays());
        m.put("finding", p.finding());
        Optional<Pue.Target> t = Pue.target(d.targetScope(), to.getYear());
        m.put("targetPue", t.map(Pue.Target::maxPue).orElse(null));
        m.put(
                "aboveTarget",
                p.pue() != null && t.isPresent() && p.pue() > t.get().maxPue());
        return m;
    }

    /** The months of a year up to the last whole day, each with its period figures and the computing filed. */
    public List<Map<String, Object>> months(
            DataCentre d, int year, Map<Pue.Position, Map<LocalDate, Pue.PositionDay>> days) {
        return months(d, year, days, centres.computing(d.id()));
    }

    /** The same with the computing already read. */
    public List<Map<String, Object>> months(
            DataCentre d,
            int year,
            Map<Pue.Position, Map<LocalDate, Pue.PositionDay>> days,
            Map<YearMonth, DataCentres.Computing> computing) {
        List<Map<String, Object>> out = new ArrayList<>();
        LocalDate last = lastDay();
        for (int month = 1; month <= 12; month++) {
            YearMonth ym = YearMonth.of(year, month);
            if (ym.atDay(1).isAfter(last)) {
                break;
            }
            LocalDate to = ym.atEndOfMonth().isAfter(last) ? last : ym.atEndOfMonth();
            Map<String, Object> m = period(d, days, ym.atDay(1), to);
            m.put("month", ym.toString());
            DataCentres.Computing k = computing.get(ym);
            m.put("utilisation", k == null ? null : k.utilisation());
            m.put("pflops", k == null ? null : k.pflops());
            // energy per unit of computing: the month's facility kWh per PFLOPS delivered on average
            m.put(
                    "kwhPerPflops",
                    k == null || k.pflops() == null || !(k.pflops() > 0)
                            ? null
                            : (double) m.get("totalKwh") / k.pflops());
            out.add(m);
        }
        return out;
    }

    /**
     * The year's carbon: location-based = grid electricity (facility less on-site renewable) × the province's grid
     * factor; market-based less green power purchased and the certificates the enterprise retired for the year (shared
     * among its data centres by their grid electricity); CUE of each, and the renewable share with the certificates.
     */
    public Map<String, Object> carbon(DataCentre d, String region, int year, Map<String, Object> yearPeriod) {
        Map<String, Object> m = new LinkedHashMap<>();
        String province = region.substring(0, 2) + "0000";
        Optional<ResolvedFactor> f = library.provinceGrid(province, LocalDate.of(year, 7, 1));
        double total = (double) yearPeriod.get("totalKwh");
        double it = (double) yearPeriod.get("itKwh");
        double onsite = (double) yearPeriod.get("onsiteRenewableKwh");
        double green = (double) yearPeriod.get("greenPurchasedKwh");
        double grid = Math.max(0, total - onsite);
        double certificatesMwh = markets.certificatesRetiredFor(d.enterprise(), year).stream()
                .mapToDouble(s -> s.movement().quantity())
                .sum();
        double share = shareOfEnterprise(d, year, grid);
        double mine = certificatesMwh * share;
        m.put("certificatesMwh", mine);
        m.put("renewableShare", Pue.renewableShare(onsite, green, mine * 1000, total));
        if (f.isEmpty() || !(it > 0)) {
            m.put("gridFactor", f.map(ResolvedFactor::value).orElse(null));
            return m;
        }
        double location = grid / 1000 * f.get().value();
        MarketBasedScope2.Result r =
                MarketBasedScope2.of(year, location, f.get().value(), Math.min(grid / 1000, green / 1000 + mine));
        m.put("gridFactor", f.get().value());
        m.put("gridFactorSource", f.get().describe(true));
        m.put("locationT", r.locationT());
        m.put("marketT", r.marketT());
        m.put("cueLocation", Pue.cue(r.locationT(), it));
        m.put("cueMarket", Pue.cue(r.marketT(), it));
        return m;
    }

    /** This data centre's part of its enterprise's grid electricity of the year (1 when it is the only one). */
    private double shareOfEnterprise(DataCentre d, int year, double grid) {
        List<DataCentres.Listed> all = centres.of(d.enterprise());
        if (all.size() <= 1) {
            return 1;
        }
        double sum = 0;
        LocalDate from = LocalDate.of(year, 1, 1);
        LocalDate to = LocalDate.of(year, 12, 31);
        var each = days(all.stream().map(l -> l.centre().id()).toList(), from, to);
        for (var days : each.values()) {
            sum += Math.max(
                    0, sum(days, Pue.Position.TOTAL, from, to) - sum(days, Pue.Position.ONSITE_RENEWABLE, from, to));
        }
        return sum > 0 ? grid / sum : 0;
    }

    /**
     * The facility's comprehensive energy of the twelve months to the last whole month (当量值 0.1229 kgce/kWh) and
     * the month the trailing year first reached 10,000 tce, if it did.
     */
    public Map<String, Object> rule(Map<Pue.Position, Map<LocalDate, Pue.PositionDay>> days) {
        Map<YearMonth, Double> monthly = new TreeMap<>();
        YearMonth lastWhole = YearMonth.from(lastDay().plusDays(1)).minusMonths(1);
        for (Pue.PositionDay pd :
                days.getOrDefault(Pue.Position.TOTAL, Map.of()).values()) {
            YearMonth ym = YearMonth.from(pd.day());
            if (!ym.isAfter(lastWhole)) {
                monthly.merge(ym, pd.kwh(), Double::sum);
            }
        }
        double kwh = 0;
        for (YearMonth k = lastWhole.minusMonths(11); !k.isAfter(lastWhole); k = k.plusMonths(1)) {
            kwh += monthly.getOrDefault(k, 0.0);
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("to", lastWhole.toString());
        m.put("trailingTce", Pue.tce(kwh));
        m.put("thresholdTce", Pue.MONITORING_THRESHOLD_TCE);
        m.put("flagged", Pue.tce(kwh) >= Pue.MONITORING_THRESHOLD_TCE);
        m.put("since", Pue.crossed(monthly).map(YearMonth::toString).orElse(null));
        return m;
    }
}
