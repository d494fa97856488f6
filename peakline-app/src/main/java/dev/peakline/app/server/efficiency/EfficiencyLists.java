package dev.peakline.app.server.efficiency;

import dev.peakline.domain.ChinaTime;
import dev.peakline.domain.Use;
import dev.peakline.efficiency.Edition;
import dev.peakline.efficiency.Efficiency;
import dev.peakline.efficiency.EfficiencyCatalog;
import dev.peakline.efficiency.EfficiencyClass;
import dev.peakline.efficiency.FacilityValue;
import dev.peakline.efficiency.ProductLevels;
import dev.peakline.reference.EnergyCarrier;
import dev.peakline.reference.ReferenceLibrary;
import dev.peakline.store.Database;
import dev.peakline.store.efficiency.EfficiencyRepository;
import dev.peakline.units.Dimension;
import dev.peakline.units.Unit;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;

/**
 * The efficiency lists of a region: each facility's unit-product energy consumption for a year from the current
 * (accounted) filings of its enterprise, classified against the 标杆/基准 of an edition and the GB levels; renovation
 * plans with their alerts. Metered data enter through the monitoring reconciliation, which turns metered months into
 * filings, so there is one path for figures.
 */
@Service
public class EfficiencyLists {
    /** A renovation plan with its alert: OVERDUE when the deadline has passed and the plan is not closed. */
    public record PlanView(EfficiencyRepository.Plan plan, boolean overdue, long daysLeft) {}

    /** A laggard facility without any open or finished plan. */
    public record Unplanned(Efficiency.Assessed facility) {}

    private final Database db;
    private final EfficiencyRepository efficiencyRepository;
    private final ReferenceLibrary library;
    private final EfficiencyCatalog catalog = EfficiencyCatalog.shipped();
    private final Clock clock;
    private final dev.peakline.store.monitoring.MeterRepository meters;
    private final dev.peakline.store.monitoring.Monitoring monitoring;

    public EfficiencyLists(
            Database db,
            EfficiencyRepository efficiencyRepository,
            ReferenceLibrary library,
            Clock clock,
            dev.peakline.store.monitoring.MeterRepository meters,
            dev.peakline.store.monitoring.Monitoring monitoring) {
        this.db = db;
        this.efficiencyRepository = efficiencyRepository;
        this.library = library;
        this.clock = clock;
        this.meters = meters;
        this.monitoring = monitoring;
    }

    /**
     * The electricity [MWh] each facility's own meters measured in the year (meters registered with the facility):
     * for 铝液交流电耗 the potline's AC consumption, whatever the enterprise buys, generates or sells.
     */
    Map<Long, Double> meteredElectricity(Collection<String> enterprises, int year) {
        Map<Long, Double> out = new HashMap<>();
        List<dev.peakline.monitoring.Meter> withFacility = meters.ofEnterprises(enterprises).stream()
                .filter(m -> m.facilityId() != null)
                .filter(m -> library.carrier(m.carrier())
                        .map(EnergyCarrier::isElectricity)
                        .orElse(false))
                .toList();
        if (withFacility.isEmpty()) {
            return out;
        }
        Map<Long, dev.peakline.monitoring.Meter> byId = new HashMap<>();
        withFacility.forEach(m -> byId.put(m.id(), m));
        for (var d : monitoring.days(byId.keySet(), LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31))) {
            dev.peakline.monitoring.Meter m = byId.get(d.meterId());
            double mwh = Unit.of(m.unit()).toCanonical(d.figure().consumption());
            out.merge(m.facilityId(), mwh, Double::sum);
        }
        return out;
    }

    public EfficiencyCatalog catalog() {
        return catalog;
    }

    /** Every facility of the regions with a product Peakline classifies, assessed for the year. */
    public List<Efficiency.Assessed> assess(Collection<String> regions, int year, Edition edition) {
        return Efficiency.assess(values(regions, year), catalog, edition);
    }

    List<FacilityValue> values(Collection<String> regions, int year) {
        // purchased electricity per enterprise [MWh]; exports are not the potline's, and subtracting them made
        // exporters negative. An enterprise that exports power generates its own: its purchases are not its use.
        Map<String, double[]> electricity = new HashMap<>();
        java.util.Set<String> ownGeneration = new java.util.HashSet<>();
        for (EfficiencyRepository.CarrierSum s : efficiencyRepository.carriers(regions, year)) {
            Optional<EnergyCarrier> c = library.carrier(s.carrier());
            Optional<Unit> u = Unit.parse(s.unit());
            if (c.isEmpty()
                    || !c.get().isElectricity()
                    || u.isEmpty()
                    || u.get().dimension() != Dimension.ELECTRICITY) {
                continue;
            }
            Use use = Use.parse(s.use()).orElse(Use.PURCHASED);
            if (use == Use.EXPORTED) {
                ownGeneration.add(s.enterprise());
            } else if (use == Use.PURCHASED) {
                electricity.computeIfAbsent(s.enterprise(), k -> new double[1])[0] +=
                        u.get().toCanonical(s.amount());
            }
        }
        // output per enterprise and catalog product, in tonnes
        Map<String, double[]> output = new HashMap<>();
        for (EfficiencyRepository.Output o : efficiencyRepository.outputs(regions, year)) {
            Optional<ProductLevels> p = catalog.product(o.product());
            Optional<Unit> u = Unit.parse(o.unit());
            if (p.isEmpty() || u.isEmpty() || u.get().dimension() != Dimension.MASS) {
                continue;
            }
            double[] v = output.computeIfAbsent(o.enterprise() + "|" + p.get().product(), k -> new double[3]);
            v[0] += u.get().toCanonical(o.amount());
            v[1] = o.energyTce();
            v[2] = o.months();
        }
        List<FacilityValue> out = new ArrayList<>();
        List<EfficiencyRepository.Line> lines = efficiencyRepository.linesIn(regions);
        Map<Long, Double> metered = meteredElectricity(
                lines.stream()
                        .map(EfficiencyRepository.Line::enterprise)
                        .distinct()
                        .toList(),
                year);
        for (EfficiencyRepository.Line l : lines) {
            Optional<ProductLevels> p = catalog.product(l.product());
            if (p.isEmpty()) {
                continue;
            }
            double[] o = output.get(l.enterprise() + "|" + p.get().product());
            double value;
            String basis;
            if (o == null) {
                value = Double.NaN;
                basis = "no " + p.get().product() + " output filed for " + year;
            } else if (p.get().measure() == dev.peakline.efficiency.Measure.ELECTRICITY_KWH_PER_T) {
                // the indicator's boundary is the potline's AC electricity: the facility's meters when it has them
                Double ac = metered.get(l.id());
                double[] el = electricity.get(l.enterprise());
                if (ac != null && ac > 0) {
                    value = p.get().measure().per(o[0], ac, o[1]);
                    basis = String.format(
                            java.util.Locale.ROOT,
                            "%d: %.0f MWh metered at the facility ÷ %.0f t filed",
                            year,
                            ac,
                            o[0]);
                } else if (el != null && el[0] > 0 && !ownGeneration.contains(l.enterprise())) {
                    value = p.get().measure().per(o[0], el[0], o[1]);
                    basis = String.format(
                            java.util.Locale.ROOT,
                            "%d: %.0f MWh purchased (no facility meter; includes the site's other uses) ÷ %.0f t",
                            year,
                            el[0],
                            o[0]);
                } else {
                    value = Double.NaN;
                    basis = year + ": no AC electricity of the potline: the enterprise generates or sells power, so"
                            + " purchases are not its consumption; register the potline's meters with the facility";
                }
            } else {
                value = p.get().measure().per(o[0], 0, o[1]);
                basis = String.format(java.util.Locale.ROOT, "filed %d: %.0f t in %d months", year, o[0], (int) o[2]);
            }
            out.add(new FacilityValue(
                    l.id(),
                    l.enterprise(),
                    l.enterpriseName(),
                    l.region(),
                    l.industry(),
                    l.name(),
                    l.equipment(),
                    l.product(),
                    l.capacity(),
                    value,
                    basis));
        }
        return out;
    }

    public LocalDate today() {
        return LocalDate.now(clock.withZone(ChinaTime.ZONE));
    }

    /** The plans of the regions with their alerts. */
    public List<PlanView> plans(Collection<String> regions) {
        LocalDate today = today();
        return efficiencyRepository.plansIn(regions).stream()
                .map(p -> {
                    boolean open = p.status().equals("PLANNED") || p.status().equals("IN_PROGRESS");
                    return new PlanView(
                            p, open && today.isAfter(p.deadline()), p.deadline().toEpochDay() - today.toEpochDay());
                })
                .toList();
    }

    /** Laggards of the assessment that have no renovation plan at all. */
    public List<Unplanned> unplanned(List<Efficiency.Assessed> assessed, List<PlanView> plans) {
        java.util.Set<Long> planned = new java.util.HashSet<>();
        for (PlanView p : plans) {
            planned.add(p.plan().facilityId());
        }
        return assessed.stream()
                .filter(a -> a.level() == EfficiencyClass.LAGGARD
                        && !planned.contains(a.facility().facilityId()))
                .map(Unplanned::new)
                .toList();
    }
}
