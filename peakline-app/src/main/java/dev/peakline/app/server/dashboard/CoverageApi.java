package dev.peakline.app.server.dashboard;

import dev.peakline.app.server.security.PeaklineUser;
import dev.peakline.app.server.security.Scopes;
import dev.peakline.app.server.web.Exports;
import dev.peakline.app.server.web.Requests;
import dev.peakline.domain.ChinaTime;
import dev.peakline.io.report.Report;
import dev.peakline.reference.Industry;
import dev.peakline.reference.Region;
import dev.peakline.store.registry.EnterpriseRepository;
import dev.peakline.store.registry.EnterpriseRepository.PeriodStatus;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Who has not filed (未按时填报): for one month, every enterprise of a region that has not filed it, or filed it after
 * the deadline (the 15th of the following month), with its contact and days late; and the filing coverage by child
 * region and by industry division.
 */
@RestController
@RequestMapping("/api/v1/regions")
@Tag(name = "regions")
public class CoverageApi {
    private final Scopes scopes;
    private final EnterpriseRepository enterprises;
    private final Clock clock;

    public CoverageApi(Scopes scopes, EnterpriseRepository enterprises, Clock clock) {
        this.scopes = scopes;
        this.enterprises = enterprises;
        this.clock = clock;
    }

    /**
     * How an enterprise stands for the month: {@code NOT_DUE} (not filed, before the deadline), {@code MISSING} (not
     * filed, or only a draft, after it), {@code RETURNED} (returned by the verifier and not filed again), {@code LATE}
     * (submitted after the deadline), {@code ON_TIME}.
     */
    public enum Standing {
        NOT_DUE,
        MISSING,
        RETURNED,
        LATE,
        ON_TIME
    }

    public record Row(
            String code,
            String name,
            String region,
            String regionName,
            String industry,
            String industryName,
            String contactPerson,
            String contactPhone,
            String accounts,
            String status,
            Standing standing,
            Long daysLate) {}

    /** Filing coverage of a slice: registered enterprises, those that filed (submitted or approved), on time. */
    public record Share(String code, String name, int enterprises, int filed, int onTime) {
        public Double coverage() {
            return enterprises == 0 ? null : (double) filed / enterprises;
        }
    }

    public record View(
            String region,
            String period,
            LocalDate deadline,
            LocalDate today,
            int enterprises,
            int filed,
            int onTime,
            List<Row> unfiled,
            List<Share> byRegion,
            List<Share> byIndustry) {}

    @GetMapping("/{code}/unfiled")
    @Operation(
            summary = "Enterprises of the region that have not filed the month or filed it late (due on the 15th of"
                    + " the next month), with contacts and days late, and coverage by region and industry;"
                    + " format=xlsx downloads the list")
    public ResponseEntity<?> unfiled(
            @AuthenticationPrincipal PeaklineUser me,
            @PathVariable String code,
            @RequestParam String period,
            @RequestParam(defaultValue = "json") String format) {
        Region region = scopes.readRegion(me, code);
        YearMonth month = Requests.period(period);
        View v = view(region, month);
        return Exports.list(
                format,
                v,
                () -> {
                    List<List<Object>> rows = new ArrayList<>();
                    for (Row r : v.unfiled()) {
                        rows.add(List.of(
                                r.name(),
                                r.code(),
                                r.regionName(),
                                r.industry() + " " + r.industryName(),
                                nz(r.contactPerson()),
                                nz(r.contactPhone()),
                                nz(r.accounts()),
                                standingCn(r.standing()),
                                r.daysLate() == null ? "" : r.daysLate()));
                    }
                    return Report.list(
                            region.name() + " " + month + " 未按时填报企业（截止 " + v.deadline() + "）",
                            List.of("企业名称", "统一社会信用代码", "地区", "行业", "联系人", "联系电话", "填报账号", "情况", "逾期天数"),
                            rows);
                },
                "unfiled-" + code + "-" + month);
    }

    /** The month's standing of every enterprise in the region's subtree. */
    public View view(Region region, YearMonth month) {
        String root = region.code().value();
        LocalDate deadline = ChinaTime.deadline(month);
        LocalDate today = LocalDate.now(clock.withZone(ChinaTime.ZONE));
        Map<String, String> childOf = new LinkedHashMap<>();
        Map<String, int[]> regionCounts = new LinkedHashMap<>();
        for (Region c : scopes.registry().children(region.code())) {
            regionCounts.put(c.code().value(), new int[3]);
            for (String r : scopes.subtree(c.code().value())) {
                childOf.put(r, c.code().value());
            }
        }
        Map<String, int[]> industryCounts = new TreeMap<>();
        List<Row> unfiled = new ArrayList<>();
        int filed = 0;
        int onTime = 0;
        for (PeriodStatus s : enterprises.periodStatus(scopes.subtree(root), month.toString())) {
            Standing standing = standing(s, deadline, today);
            boolean isFiled = standing == Standing.LATE || standing == Standing.ON_TIME;
            filed += isFiled ? 1 : 0;
            onTime += standing == Standing.ON_TIME ? 1 : 0;
            for (int[] n : List.of(
                    regionCounts.computeIfAbsent(childOf.getOrDefault(s.region(), root), k -> new int[3]),
                    industryCounts.computeIfAbsent(Dashboards.division(s.industry()), k -> new int[3]))) {
                n[0]++;
                n[1] += isFiled ? 1 : 0;
                n[2] += standing == Standing.ON_TIME ? 1 : 0;
            }
            if (standing == Standing.ON_TIME) {
                continue;
            }
            Long late = switch (standing) {
                case LATE -> ChronoUnit.DAYS.between(deadline, LocalDate.ofInstant(s.firstSubmitted(), ChinaTime.ZONE));
                case MISSING, RETURNED -> ChronoUnit.DAYS.between(deadline, today);
                default -> null;
            };
            unfiled.add(new Row(
                    s.code(),
                    s.name(),
                    s.region(),
                    regionName(s.region()),
                    s.industry(),
                    scopes.registry().industry(s.industry()).map(Industry::name).orElse(""),
                    s.contactPerson(),
                    s.contactPhone(),
                    s.accounts(),
                    s.status(),
                    standing,
                    late));
        }
        unfiled.sort(Comparator.comparing((Row r) -> r.daysLate() == null ? Long.MIN_VALUE : r.daysLate())
                .reversed()
                .thenComparing(Row::name));
        List<Share> byRegion = new ArrayList<>();
        regionCounts.forEach((c, n) -> byRegion.add(new Share(c, regionName(c), n[0], n[1], n[2])));
        List<Share> byIndustry = new ArrayList<>();
        industryCounts.forEach((c, n) -> byIndustry.add(
                new Share(c, scopes.registry().industry(c).map(Industry::name).orElse(c), n[0], n[1], n[2])));
        int total = regionCounts.values().stream().mapToInt(n -> n[0]).sum();
        return new View(root, month.toString(), deadline, today, total, filed, onTime, unfiled, byRegion, byIndustry);
    }

    static Standing standing(PeriodStatus s, LocalDate deadline, LocalDate today) {
        if ("APPROVED".equals(s.status()) || "SUBMITTED".equals(s.status())) {
            boolean late = s.firstSubmitted() != null
                    && LocalDate.ofInstant(s.firstSubmitted(), ChinaTime.ZONE).isAfter(deadline);
            return late ? Standing.LATE : Standing.ON_TIME;
        }
        if (!today.isAfter(deadline)) {
            return Standing.NOT_DUE;
        }
        return "RETURNED".equals(s.status()) ? Standing.RETURNED : Standing.MISSING;
    }

    private String regionName(String code) {
        return scopes.registry().region(code).map(Region::name).orElse(code);
    }

    private static String standingCn(Standing s) {
        return switch (s) {
            case NOT_DUE -> "未到截止日、尚未提交";
            case MISSING -> "逾期未填报";
            case RETURNED -> "被退回、逾期未重报";
            case LATE -> "逾期提交";
            case ON_TIME -> "按时提交";
        };
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
