package dev.peakline.app.server.measures;

import dev.peakline.app.server.efficiency.EfficiencyLists;
import dev.peakline.app.server.security.PeaklineUser;
import dev.peakline.app.server.security.Scopes;
import dev.peakline.domain.Enterprise;
import dev.peakline.efficiency.Edition;
import dev.peakline.efficiency.Efficiency;
import dev.peakline.efficiency.EfficiencyClass;
import dev.peakline.problems.ErrorCode;
import dev.peakline.problems.Problem;
import dev.peakline.problems.Refusal;
import dev.peakline.store.measures.MeasureRepository;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * 节能降碳技术库 and 节能诊断 (issue 18): the library of measures (each with its source; figures only as the source
 * states them), the measures recommended for an enterprise's facilities below 基准, and its diagnoses with the energy
 * of the twelve months after a measure was carried out beside the twelve before, from its accounts.
 */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "measures", description = "节能降碳技术库与节能诊断")
public class MeasureApi {
    private final Scopes scopes;
    private final MeasureRepository measures;
    private final EfficiencyLists lists;

    public MeasureApi(Scopes scopes, MeasureRepository measures, EfficiencyLists lists) {
        this.scopes = scopes;
        this.measures = measures;
        this.lists = lists;
    }

    /** A measure as entered. */
    public record MeasureForm(
            String name,
            String product,
            String industry,
            String equipment,
            Double energySavingPct,
            Double co2SavingPct,
            String pollutantNote,
            Double cost10kYuan,
            Double paybackYears,
            String source,
            Double pollutantSavingPct) {}

    /** A diagnosis as entered. */
    public record DiagnosisForm(
            String diagnosedOn, String findings, Long measureId, Double expectedSavingTce, String implementedOn) {}

    @GetMapping("/measures")
    @Operation(summary = "The measures library")
    public List<MeasureRepository.Measure> list() {
        return measures.measures();
    }

    @PostMapping("/measures")
    @Operation(summary = "Adds a measure to the library (government users and administrators); audited")
    public ResponseEntity<Map<String, Object>> add(
            @AuthenticationPrincipal PeaklineUser me, @RequestBody MeasureForm f) {
        if (!me.role().name().equals("ADMIN") && !me.role().name().equals("GOVERNMENT")) {
            throw Refusal.of(ErrorCode.SCOPE_DENIED, "only government users and administrators keep the library");
        }
        List<Problem> p = new ArrayList<>();
        if (f == null || blank(f.name()) || f.name().length() > 200) {
            p.add(problem("name", "the measure needs a name of 1–200 characters"));
        }
        if (f != null && (blank(f.source()) || f.source().length() > 300)) {
            p.add(problem("source", "every measure names its source (the catalogue, standard or case it comes from)"));
        }
        if (f != null
                && !blank(f.industry())
                && scopes.registry().industry(f.industry().strip()).isEmpty()) {
            p.add(problem("industry", "'" + f.industry() + "' is not a GB/T 4754-2017 code"));
        }
        if (f != null) {
            pct(p, "energySavingPct", f.energySavingPct());
            pct(p, "co2SavingPct", f.co2SavingPct());
            pct(p, "pollutantSavingPct", f.pollutantSavingPct());
            nonNegative(p, "cost10kYuan", f.cost10kYuan());
            nonNegative(p, "paybackYears", f.paybackYears());
        }
        if (!p.isEmpty()) {
            throw Refusal.of(ErrorCode.MEASURE_INVALID, p.size() + " problem(s); nothing was stored", p);
        }
        long id = measures.add(
                me.actor(),
                new MeasureRepository.Measure(
                        0,
                        f.name().strip(),
                        blank(f.product()) ? null : f.product().strip(),
                        blank(f.industry()) ? null : f.industry().strip(),
                        f.equipment() == null ? "" : f.equipment().strip(),
                        f.energySavingPct(),
                        f.co2SavingPct(),
                        f.pollutantNote() == null ? "" : f.pollutantNote().strip(),
                        f.cost10kYuan(),
                        f.paybackYears(),
                        f.source().strip(),
                        f.pollutantSavingPct()));
        return ResponseEntity.status(HttpStatus.CREATED).body(Map.of("id", id));
    }

    @GetMapping("/enterprises/{code}/recommendations")
    @Operation(
            summary = "The enterprise's facilities below 标杆 in a year (those below 基准 must be renovated) with the"
                    + " library's measures for their product (or the enterprise's industry)")
    public List<Map<String, Object>> recommendations(
            @AuthenticationPrincipal PeaklineUser me, @PathVariable String code, @RequestParam int year) {
        Enterprise e = scopes.readEnterprise(me, code);
        dev.peakline.app.server.web.Requests.checkSpan(year, null);
        List<MeasureRepository.Measure> library = measures.measures();
        List<Map<String, Object>> out = new ArrayList<>();
        for (Efficiency.Assessed a : lists.assess(List.of(e.region().value()), year, Edition.E2023)) {
            // below 基准 a facility must be renovated; between 基准 and 标杆 it has not reached the benchmark yet
            if (!a.facility().enterprise().equals(code)
                    || a.level() != EfficiencyClass.LAGGARD && a.level() != EfficiencyClass.BETWEEN) {
                continue;
            }
            String product = a.levels().product();
            List<MeasureRepository.Measure> fit = library.stream()
                    .filter(m -> product.equals(m.product())
                            || m.product() == null
                                    && m.industry() != null
                                    && e.industry().value().startsWith(m.industry()))
                    .toList();
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("facilityId", a.facility().facilityId());
            m.put("facility", a.facility().facility());
            m.put("product", product);
            m.put("value", a.facility().value());
            m.put("unit", a.levels().unit());
            m.put("level", a.level().name());
            m.put("mustRenovate", a.level() == EfficiencyClass.LAGGARD);
            m.put("measures", fit);
            out.add(m);
        }
        return out;
    }

    @GetMapping("/enterprises/{code}/diagnoses")
    @Operation(
            summary = "The enterprise's diagnoses; for a measure carried out, the energy of the twelve months after it"
                    + " beside the twelve before (current accounts), and the realised saving")
    public List<Map<String, Object>> diagnoses(@AuthenticationPrincipal PeaklineUser me, @PathVariable String code) {
        scopes.readEnterprise(me, code);
        Map<Long, MeasureRepository.Measure> byId = new LinkedHashMap<>();
        measures.measures().forEach(m -> byId.put(m.id(), m));
        List<Map<String, Object>> out = new ArrayList<>();
        for (MeasureRepository.Diagnosis d : measures.diagnoses(code)) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", d.id());
            m.put("diagnosedOn", d.diagnosedOn().toString());
            m.put("findings", d.findings());
            m.put("measure", d.measureId() == null ? null : byId.get(d.measureId()));
            m.put("expectedSavingTce", d.expectedSavingTce());
            m.put(
                    "implementedOn",
                    d.implementedOn() == null ? null : d.implementedOn().toString());
            if (d.implementedOn() != null) {
                YearMonth month = YearMonth.from(d.implementedOn());
                double before = measures.energy(
                        code,
                        month.minusMonths(12).toString(),
                        month.minusMonths(1).toString());
                double after = measures.energy(
                        code,
                        month.plusMonths(1).toString(),
                        month.plusMonths(12).toString());
                m.put("energyBefore", Double.isNaN(before) ? null : before);
                m.put("energyAfter", Double.isNaN(after) ? null : after);
                m.put("realisedSavingTce", Double.isNaN(before) || Double.isNaN(after) ? null : before - after);
            }
            out.add(m);
        }
        return out;
    }

    @PostMapping("/enterprises/{code}/diagnoses")
    @Operation(
            summary =
                    "Records a diagnosis finding with the measure recommended (the enterprise, its government, admin)")
    public ResponseEntity<Map<String, Object>> diagnose(
            @AuthenticationPrincipal PeaklineUser me, @PathVariable String code, @RequestBody DiagnosisForm f) {
        Enterprise e =
                me.role().name().equals("ENTERPRISE") ? scopes.fileFor(me, code) : scopes.readEnterprise(me, code);
        if (!me.role().name().equals("ENTERPRISE")) {
            scopes.govern(me, e.region().value());
        }
        List<Problem> p = new ArrayList<>();
        LocalDate on = date(p, "diagnosedOn", f == null ? null : f.diagnosedOn(), true);
        LocalDate impl = date(p, "implementedOn", f == null ? null : f.implementedOn(), false);
        if (f == null || blank(f.findings()) || f.findings().length() > 2000) {
            p.add(problem("findings", "the findings are 1–2000 characters"));
        }
        if (f != null
                && f.measureId() != null
                && measures.measures().stream().noneMatch(m -> m.id() == f.measureId())) {
            p.add(problem("measureId", "measure " + f.measureId() + " is not in the library"));
        }
        if (f != null) {
            nonNegative(p, "expectedSavingTce", f.expectedSavingTce());
        }
        if (on != null && impl != null && impl.isBefore(on)) {
            p.add(problem("implementedOn", "a measure is carried out on or after its diagnosis"));
        }
        if (!p.isEmpty()) {
            throw Refusal.of(ErrorCode.MEASURE_INVALID, p.size() + " problem(s); nothing was stored", p);
        }
        long id = measures.diagnose(
                me.actor(),
                new MeasureRepository.Diagnosis(
                        0, code, on, f.findings().strip(), f.measureId(), f.expectedSavingTce(), impl));
        return ResponseEntity.status(HttpStatus.CREATED).body(Map.of("id", id));
    }

    private static LocalDate date(List<Problem> p, String field, String text, boolean required) {
        if (blank(text)) {
            if (required) {
                p.add(problem(field, field + " is needed (YYYY-MM-DD)"));
            }
            return null;
        }
        try {
            LocalDate d = LocalDate.parse(text.strip());
            if (!dev.peakline.domain.DateWindow.contains(d)) {
                p.add(problem(field, field + " " + d + " is " + dev.peakline.domain.DateWindow.outside()));
                return null;
            }
            return d;
        } catch (DateTimeParseException e) {
            p.add(problem(field, "'" + text + "' is not a date (YYYY-MM-DD)"));
            return null;
        }
    }

    private static void pct(List<Problem> p, String field, Double v) {
        if (v != null && !(v >= 0 && v <= 100)) {
            p.add(problem(field, field + " is a percentage from 0 to 100"));
        }
    }

    private static void nonNegative(List<Problem> p, String field, Double v) {
        if (v != null && !(v >= 0 && v < 1e9)) {
            p.add(problem(field, field + " is a non-negative figure"));
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static Problem problem(String field, String message) {
        return Problem.at("measure." + field, "form", 0, field, message);
    }
}
