package dev.peakline.app.server.efficiency;

import dev.peakline.app.server.security.PeaklineUser;
import dev.peakline.app.server.security.Scopes;
import dev.peakline.efficiency.ProductLevels;
import dev.peakline.problems.ErrorCode;
import dev.peakline.problems.Problem;
import dev.peakline.problems.Refusal;
import dev.peakline.store.efficiency.EfficiencyRepository;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Service;

/**
 * The register of facilities (生产线、重点用能设备) and their renovation plans: who may change what, every form checked
 * field by field before anything is written, writes audited by the repository.
 */
@Service
public class FacilityRegister {
    /** A facility as registered or edited. */
    public record FacilityForm(
            String name, String equipment, String product, Double capacity, String capacityUnit, String commissioned) {}

    /** A plan as entered; {@code measureId} links it to a measure of the library (optional). */
    public record PlanForm(String measure, Double targetValue, String deadline, Long measureId) {
        public PlanForm(String measure, Double targetValue, String deadline) {
            this(measure, targetValue, deadline, null);
        }
    }

    public record StatusForm(String status) {}

    private final Scopes scopes;
    private final EfficiencyLists lists;
    private final EfficiencyRepository efficiencyRepository;
    private final dev.peakline.store.measures.MeasureRepository measures;

    public FacilityRegister(
            Scopes scopes,
            EfficiencyLists lists,
            EfficiencyRepository efficiencyRepository,
            dev.peakline.store.measures.MeasureRepository measures) {
        this.scopes = scopes;
        this.lists = lists;
        this.efficiencyRepository = efficiencyRepository;
        this.measures = measures;
    }

    public List<EfficiencyRepository.Line> facilities(PeaklineUser me, String code) {
        return efficiencyRepository.linesOf(scopes.readEnterprise(me, code).code());
    }

    /** The enterprise's renovation plans, for whoever may read it. */
    public List<EfficiencyRepository.Plan> plans(PeaklineUser me, String code) {
        return efficiencyRepository.plansOf(
                scopes.readEnterprise(me, code).code().value());
    }

    /** Registers a facility of the enterprise; its id. */
    public long register(PeaklineUser me, String code, FacilityForm form) {
        var e = scopes.register(me, code);
        return efficiencyRepository.register(me.actor(), e.code(), checked(form));
    }

    public void update(PeaklineUser me, long id, FacilityForm form) {
        EfficiencyRepository.Line l = facility(me, id);
        efficiencyRepository.update(me.actor(), l.id(), checked(form));
    }

    private EfficiencyRepository.Line facility(PeaklineUser me, long id) {
        EfficiencyRepository.Line l =
                efficiencyRepository.find(id).orElseThrow(() -> Refusal.notFound("facility " + id));
        scopes.register(me, l.enterprise());
        return l;
    }

    /** Checks a facility form: every problem at once, with the field it is in. */
    EfficiencyRepository.FacilityInput checked(FacilityForm f) {
        List<Problem> p = new ArrayList<>();
        if (f == null) {
            throw Refusal.field(
                    ErrorCode.FACILITY_BODY,
                    "body",
                    "a JSON body with name, product, capacity and capacityUnit is needed");
        }
        if (f.name() == null || f.name().isBlank() || f.name().length() > 100) {
            p.add(Problem.at("facility.name", "facility", 0, "name", "name is required, at most 100 characters"));
        }
        ProductLevels product = lists.catalog().product(f.product()).orElse(null);
        if (product == null) {
            p.add(Problem.at(
                    "facility.product",
                    "facility",
                    0,
                    "product",
                    "unknown product '" + f.product() + "': known are "
                            + lists.catalog().products().keySet()));
        }
        if (f.capacity() == null || !(f.capacity() > 0) || f.capacity() > 1e9) {
            p.add(Problem.at(
                    "facility.capacity",
                    "facility",
                    0,
                    "capacity",
                    "capacity must be a positive number below 1e9, not " + f.capacity()));
        }
        if (product != null && !product.capacityUnit().equals(f.capacityUnit())) {
            p.add(Problem.at(
                    "facility.unit",
                    "facility",
                    0,
                    "capacityUnit",
                    "capacity of " + product.product() + " is stated in " + product.capacityUnit() + ", not '"
                            + f.capacityUnit() + "'"));
        }
        if (f.equipment() != null && f.equipment().length() > 50) {
            p.add(Problem.at("facility.equipment", "facility", 0, "equipment", "equipment is at most 50 characters"));
        }
        LocalDate commissioned = null;
        if (f.commissioned() != null && !f.commissioned().isBlank()) {
            try {
                commissioned = LocalDate.parse(f.commissioned());
                if (commissioned.getYear() < 1900) {
                    p.add(Problem.at(
                            "facility.commissioned",
                            "facility",
                            0,
                            "commissioned",
                            "commissioning date " + commissioned + " is before 1900"));
                } else if (commissioned.isAfter(lists.today())) {
                    p.add(Problem.at(
                            "facility.commissioned",
                            "facility",
                            0,
                            "commissioned",
                            "commissioning date is in the future"));
                }
            } catch (DateTimeParseException e) {
                p.add(Problem.at(
                        "facility.commissioned", "facility", 0, "commissioned", "commissioned must be YYYY-MM-DD"));
            }
        }
        if (!p.isEmpty()) {
            throw Refusal.of(ErrorCode.FACILITY_INVALID, p.size() + " problem(s); nothing was stored", p);
        }
        return new EfficiencyRepository.FacilityInput(
                f.name().strip(),
                f.equipment() == null || f.equipment().isBlank()
                        ? product.equipment()
                        : f.equipment().strip(),
                product.product(),
                f.capacity(),
                f.capacityUnit(),
                commissioned);
    }

    /** Adds a renovation plan to a facility; its id. */
    public long addPlan(PeaklineUser me, long id, PlanForm form) {
        facility(me, id);
        if (form == null) {
            throw Refusal.field(ErrorCode.PLAN_INVALID, "body", "a JSON body with measure and deadline is needed");
        }
        List<Problem> p = new ArrayList<>();
        if (form.measure() == null || form.measure().isBlank() || form.measure().length() > 500) {
            p.add(Problem.at("plan.measure", "plan", 0, "measure", "measure is required, at most 500 characters"));
        }
        if (form.targetValue() != null && (form.targetValue().isNaN() || Math.abs(form.targetValue()) > 1e9)) {
            p.add(Problem.at("plan.target", "plan", 0, "targetValue", "target value must be a finite number"));
        }
        LocalDate deadline = null;
        try {
            deadline = LocalDate.parse(form.deadline() == null ? "" : form.deadline());
            if (!dev.peakline.domain.DateWindow.contains(deadline)) {
                p.add(Problem.at(
                        "plan.deadline",
                        "plan",
                        0,
                        "deadline",
                        "deadline " + deadline + " is " + dev.peakline.domain.DateWindow.outside()));
            }
        } catch (DateTimeParseException e) {
            p.add(Problem.at("plan.deadline", "plan", 0, "deadline", "deadline must be YYYY-MM-DD"));
        }
        if (form.measureId() != null && measures.measures().stream().noneMatch(m -> m.id() == form.measureId())) {
            p.add(Problem.at(
                    "plan.library",
                    "plan",
                    0,
                    "measureId",
                    "measure " + form.measureId() + " is not in the measures library"));
        }
        if (!p.isEmpty()) {
            throw Refusal.of(ErrorCode.PLAN_INVALID, p.size() + " problem(s); nothing was stored", p);
        }
        return efficiencyRepository.addPlan(
                me.actor(), id, form.measure().strip(), form.targetValue(), deadline, form.measureId());
    }

    public void setPlanStatus(PeaklineUser me, long id, String status) {
        EfficiencyRepository.Plan p =
                efficiencyRepository.plan(id).orElseThrow(() -> Refusal.notFound("renovation plan " + id));
        scopes.register(me, p.enterprise());
        if (status == null
                || !List.of("PLANNED", "IN_PROGRESS", "DONE", "RETIRED").contains(status)) {
            throw Refusal.field(
                    ErrorCode.PLAN_STATUS, "status", "status must be PLANNED, IN_PROGRESS, DONE or RETIRED");
        }
        efficiencyRepository.setPlanStatus(me.actor(), id, status, lists.today());
    }
}
