package dev.peakline.app.server.filing;

import dev.peakline.app.server.efficiency.EfficiencyLists;
import dev.peakline.app.server.monitoring.MonitoringViews;
import dev.peakline.app.server.security.PeaklineUser;
import dev.peakline.app.server.security.Scopes;
import dev.peakline.domain.ChinaTime;
import dev.peakline.domain.Enterprise;
import dev.peakline.filing.FilingStatus;
import dev.peakline.store.filing.FilingRepository;
import dev.peakline.store.filing.FilingRepository.Filing;
import dev.peakline.store.ledger.AccountResults;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * An enterprise's work to do, for its landing page: months to file with their deadline, its drafts, returned months
 * with the verifier's comment and submitted months, meters whose data failed last month's quality rules, overdue
 * renovation plans, and the latest year with approved data (where the account opens).
 */
@RestController
@Tag(name = "filings", description = "填报 workflow: draft → submitted → approved (locked) or returned → corrected")
public class WorklistApi {
    private final Scopes scopes;
    private final FilingRepository filings;
    private final AccountResults results;
    private final MonitoringViews views;
    private final EfficiencyLists plans;
    private final Clock clock;

    public WorklistApi(
            Scopes scopes,
            FilingRepository filings,
            AccountResults results,
            MonitoringViews views,
            EfficiencyLists plans,
            Clock clock) {
        this.scopes = scopes;
        this.filings = filings;
        this.results = results;
        this.views = views;
        this.plans = plans;
        this.clock = clock;
    }

    public record Due(String period, LocalDate deadline, boolean overdue) {}

    public record Open(long id, String period, int version, String status, String comment) {}

    public record MeterProblem(String meter, String carrier, String month, String problem) {}

    public record Plan(long id, String facility, String measure, LocalDate deadline, long daysLeft) {}

    public record Worklist(
            Integer latestYear,
            List<Due> toFile,
            List<Open> open,
            List<MeterProblem> meters,
            List<Plan> overduePlans) {}

    @GetMapping("/api/v1/enterprises/{code}/worklist")
    @Operation(
            summary = "The enterprise's work to do: months to file (due on the 15th of the next month), drafts,"
                    + " returned and submitted months, meters failing last month's quality rules, overdue renovation"
                    + " plans, and the latest year with approved data")
    public Worklist worklist(@AuthenticationPrincipal PeaklineUser me, @PathVariable String code) {
        Enterprise e = scopes.readEnterprise(me, code);
        LocalDate today = LocalDate.now(clock.withZone(ChinaTime.ZONE));
        YearMonth last = YearMonth.from(today).minusMonths(1);
        List<Filing> versions = new ArrayList<>(filings.list(e.code(), last.getYear()));
        versions.addAll(filings.list(e.code(), last.getYear() - 1));
        Map<String, List<Filing>> byMonth = new HashMap<>();
        versions.forEach(f -> byMonth.computeIfAbsent(f.period().toString(), k -> new ArrayList<>())
                .add(f));
        // the twelve months up to last month that have neither an open nor an approved version
        List<Due> toFile = new ArrayList<>();
        for (int i = 11; i >= 0; i--) {
            YearMonth m = last.minusMonths(i);
            boolean covered = byMonth.getOrDefault(m.toString(), List.of()).stream()
                    .anyMatch(f -> f.status().open() || f.status() == FilingStatus.APPROVED);
            if (!covered) {
                LocalDate deadline = ChinaTime.deadline(m);
                toFile.add(new Due(m.toString(), deadline, today.isAfter(deadline)));
            }
        }
        List<Open> open = versions.stream()
                .filter(f -> f.status().open())
                .sorted(java.util.Comparator.comparing((Filing f) -> f.period()).reversed())
                .map(f -> new Open(
                        f.id(), f.period().toString(), f.version(), f.status().name(), f.comment()))
                .toList();
        List<MeterProblem> meterProblems = new ArrayList<>();
        for (MonitoringViews.Judged j : views.judged(e.code().value(), last)) {
            var q = j.quality();
            if (!q.passes()) {
                String problem = q.silent()
                        ? "silent"
                        : !q.completenessOk() ? "completeness" : !q.stampsOk() ? "stamps" : "dailyVsMonthly";
                meterProblems.add(new MeterProblem(j.meter().code(), j.meter().carrier(), last.toString(), problem));
            }
        }
        List<Plan> overdue = plans.plans(List.of(e.region().value())).stream()
                .filter(p ->
                        p.overdue() && p.plan().enterprise().equals(e.code().value()))
                .map(p -> new Plan(
                        p.plan().id(),
                        p.plan().facility(),
                        p.plan().measure(),
                        p.plan().deadline(),
                        p.daysLeft()))
                .toList();
        Integer latestYear = results.ofEnterprise(e.code()).stream()
                .map(r -> r.period().getYear())
                .max(Integer::compare)
                .orElse(null);
        return new Worklist(latestYear, toFile, open, meterProblems, overdue);
    }
}
