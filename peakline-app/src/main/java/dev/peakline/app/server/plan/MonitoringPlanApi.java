package dev.peakline.app.server.plan;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.peakline.app.server.security.PeaklineUser;
import dev.peakline.app.server.security.Scopes;
import dev.peakline.domain.DataQuality;
import dev.peakline.domain.Enterprise;
import dev.peakline.problems.ErrorCode;
import dev.peakline.problems.Problem;
import dev.peakline.problems.Refusal;
import dev.peakline.store.plan.MonitoringPlans;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * 数据质量控制计划: the enterprise keeps it, its verifier and its government read it. Each save is a new version.
 */
@RestController
@RequestMapping("/api/v1/enterprises/{code}/monitoring-plan")
@Tag(name = "monitoring plan", description = "数据质量控制计划: how each datum of the account is determined")
public class MonitoringPlanApi {
    /** At most this many parameters in a plan. */
    static final int MAX_ITEMS = 200;

    private final Scopes scopes;
    private final MonitoringPlans plans;
    private final ObjectMapper json;

    public MonitoringPlanApi(Scopes scopes, MonitoringPlans plans, ObjectMapper json) {
        this.scopes = scopes;
        this.plans = plans;
        this.json = json;
    }

    /** A plan as saved: the accounting boundary, the internal quality assurance and one item per parameter. */
    public record PlanForm(String boundary, String qualityAssurance, List<MonitoringPlans.Item> items) {}

    @GetMapping
    @Operation(summary = "The latest version of the plan (or ?version=N); version 0 and no items when none is kept yet")
    public Object get(
            @AuthenticationPrincipal PeaklineUser me,
            @PathVariable String code,
            @RequestParam(required = false) Integer version) {
        Enterprise e = scopes.readEnterprise(me, code);
        if (version != null) {
            return plans.version(e.code(), version)
                    .orElseThrow(() -> Refusal.notFound("version " + version + " of the monitoring plan"));
        }
        return plans.latest(e.code())
                .<Object>map(p -> p)
                .orElse(Map.of("version", 0, "boundary", "", "qualityAssurance", "", "items", List.of()));
    }

    @PutMapping
    @Operation(summary = "Saves a new version of the plan (the enterprise itself or an administrator); audited")
    public MonitoringPlans.Plan save(
            @AuthenticationPrincipal PeaklineUser me, @PathVariable String code, @RequestBody PlanForm form) {
        Enterprise e = scopes.fileFor(me, code);
        List<Problem> problems = new ArrayList<>();
        String boundary = text(form.boundary(), "boundary", 0, 2000, true, problems);
        String qa = text(form.qualityAssurance(), "qualityAssurance", 0, 2000, false, problems);
        List<MonitoringPlans.Item> items = form.items() == null ? List.of() : form.items();
        if (items.isEmpty()) {
            problems.add(problem(0, "items", "a plan names at least one parameter and how it is determined"));
        }
        if (items.size() > MAX_ITEMS) {
            problems.add(problem(0, "items", "at most " + MAX_ITEMS + " parameters, not " + items.size()));
        }
        List<MonitoringPlans.Item> clean = new ArrayList<>();
        java.util.Set<String> seen = new java.util.HashSet<>();
        int row = 0;
        for (MonitoringPlans.Item i : items.subList(0, Math.min(items.size(), MAX_ITEMS))) {
            row++;
            String parameter = text(i.parameter(), "parameter", row, 200, true, problems);
            if (!parameter.isEmpty() && !seen.add(parameter)) {
                problems.add(problem(row, "parameter", "'" + parameter + "' is listed twice"));
            }
            String method = "";
            if (i.method() == null || i.method().isBlank()) {
                problems.add(problem(row, "method", "say how it is determined: 实测, 计算, 估算 or 缺省"));
            } else {
                method = DataQuality.parse(i.method()).map(Enum::name).orElse("");
                if (method.isEmpty()) {
                    problems.add(problem(
                            row, "method", "'" + i.method() + "' is not 实测, 计算, 估算 or 缺省 (measured, calculated, …)"));
                }
            }
            boolean measured = method.equals("MEASURED");
            clean.add(new MonitoringPlans.Item(
                    parameter,
                    method,
                    // a measured datum names its instrument and accuracy
                    text(i.instrument(), "instrument", row, 500, measured, problems),
                    text(i.accuracy(), "accuracy", row, 200, measured, problems),
                    text(i.frequency(), "frequency", row, 200, true, problems),
                    text(i.recording(), "recording", row, 200, false, problems),
                    text(i.missing(), "missing", row, 500, false, problems),
                    text(i.department(), "department", row, 200, true, problems)));
        }
        if (!problems.isEmpty()) {
            throw Refusal.of(ErrorCode.PLAN, problems.get(0).message(), problems);
        }
        String body;
        try {
            body = json.writeValueAsString(new PlanForm(boundary, qa, clean));
        } catch (JsonProcessingException ex) {
            throw new IllegalStateException(ex);
        }
        return plans.save(e.code(), me.getUsername(), boundary, qa, clean, body);
    }

    private static String text(String v, String field, int row, int max, boolean required, List<Problem> problems) {
        String s = v == null ? "" : v.strip();
        if (required && s.isEmpty()) {
            problems.add(problem(row, field, field + " is required"));
        }
        if (s.length() > max) {
            problems.add(problem(row, field, field + " has at most " + max + " characters, not " + s.length()));
        }
        return s;
    }

    private static Problem problem(int row, String field, String message) {
        return Problem.at(ErrorCode.PLAN.code(), "plan", row, field, message);
    }
}
