package dev.peakline.app.server.grades;

import dev.peakline.app.server.security.PeaklineUser;
import dev.peakline.app.server.security.Scopes;
import dev.peakline.app.server.web.Exports;
import dev.peakline.grading.CarbonEfficiency;
import dev.peakline.io.report.Report;
import dev.peakline.problems.ErrorCode;
import dev.peakline.problems.Refusal;
import dev.peakline.reference.Region;
import dev.peakline.store.Database;
import dev.peakline.store.ledger.AccountResults;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * 碳效码: enterprises' carbon-efficiency level and grade for a year. The industry average is taken over the whole
 * province's enterprises of the same GB/T 4754 class, so a grade does not depend on which region is being looked at.
 */
@RestController
@RequestMapping("/api/v1/grades")
@Tag(name = "grades", description = "碳效码: carbon-efficiency levels and grades per region and industry")
public class GradeApi {
    private final Scopes scopes;
    private final Database db;
    private final AccountResults accountResults;

    public GradeApi(Scopes scopes, Database db, AccountResults accountResults) {
        this.scopes = scopes;
        this.db = db;
        this.accountResults = accountResults;
    }

    @GetMapping("/thresholds")
    @Operation(summary = "The level and grade thresholds (versioned reference data)")
    public Map<String, Object> thresholds() {
        CarbonEfficiency ce = CarbonEfficiency.shipped();
        return Map.of("version", CarbonEfficiency.VERSION, "levels", ce.levels(), "grades", ce.grades());
    }

    @GetMapping("/regions/{code}")
    @Operation(
            summary = "Grades of the enterprises of a region's subtree for a year (industry= prefix filters,"
                    + " grade= filters); format=xlsx downloads the list for banks and departments")
    public ResponseEntity<?> grades(
            @AuthenticationPrincipal PeaklineUser me,
            @PathVariable String code,
            @RequestParam int year,
            @RequestParam(defaultValue = "") String industry,
            @RequestParam(required = false) Integer grade,
            @RequestParam(defaultValue = "json") String format) {
        Region r = scopes.readRegion(me, code);
        dev.peakline.app.server.web.Requests.checkSpan(year, null);
        if (grade != null && (grade < 1 || grade > 5)) {
            throw Refusal.field(ErrorCode.GRADE, "grade", "grade must be 1 to 5");
        }
        String province = scopes.registry().lineage(r.code()).get(0).code().value();
        java.util.Set<String> mine = new java.util.HashSet<>(scopes.subtree(code));
        List<CarbonEfficiency.Graded> graded = gradedIn(province, year).stream()
                .filter(g -> mine.contains(g.input().region())
                        && g.input().industry().startsWith(industry))
                .filter(g -> grade == null || grade.equals(g.grade()))
                .sorted(java.util.Comparator.comparing((CarbonEfficiency.Graded g) -> g.grade() == null ? 9 : g.grade())
                        .thenComparing(g -> g.input().industry())
                        .thenComparing(g -> g.input().enterprise()))
                .toList();
        return export(r, year, format, graded);
    }

    @GetMapping("/enterprises/{code}")
    @Operation(
            summary = "An enterprise's own grade for a year (graded among the province's enterprises); grade and level"
                    + " null with the reason in note when it cannot be graded")
    public Map<String, Object> enterprise(
            @AuthenticationPrincipal PeaklineUser me, @PathVariable String code, @RequestParam int year) {
        var e = scopes.readEnterprise(me, code);
        dev.peakline.app.server.web.Requests.checkSpan(year, null);
        String province = e.region().value().substring(0, 2) + "0000";
        return gradedIn(province, year).stream()
                .filter(g -> g.input().enterprise().equals(code))
                .findFirst()
                .<Map<String, Object>>map(g -> Map.of("graded", g))
                .orElse(Map.of("note", "no full year of approved months in " + year));
    }

    /** Every enterprise of the province with twelve approved months of the year, graded among them. */
    List<CarbonEfficiency.Graded> gradedIn(String province, int year) {
        List<CarbonEfficiency.Input> inputs = new ArrayList<>();
        for (AccountResults.EnterpriseSum s :
                accountResults.enterprises(scopes.subtree(province), String.valueOf(year), "", 1_000_000)) {
            if (s.months() == 12) {
                inputs.add(new CarbonEfficiency.Input(
                        s.enterprise().value(),
                        s.name(),
                        s.region(),
                        s.industry(),
                        // energy-related CO2 (combustion, purchased electricity and heat), as the method counts it
                        s.total() - s.process(),
                        s.valueAdded()));
            }
        }
        return CarbonEfficiency.shipped().grade(inputs);
    }

    private ResponseEntity<?> export(Region r, int year, String format, List<CarbonEfficiency.Graded> graded) {
        String code = r.code().value();
        java.util.function.Supplier<Report> report = () -> {
            return Report.list(
                    r.name() + " " + year + " 企业碳效码",
                    List.of(
                            "统一社会信用代码",
                            "企业",
                            "区划",
                            "行业",
                            "能源活动CO2(t)",
                            "增加值(万元)",
                            "碳效强度L(tCO2/万元)",
                            "行业平均",
                            "行业平均口径",
                            "K值",
                            "碳效水平",
                            "碳效等级",
                            "说明"),
                    graded.stream()
                            .map(g -> List.<Object>of(
                                    g.input().enterprise(),
                                    g.input().name(),
                                    g.input().region(),
                                    g.input().industry(),
                                    g.input().co2(),
                                    g.input().valueAdded(),
                                    g.intensity(),
                                    g.industryIntensity(),
                                    g.peerGroup().equals("*")
                                            ? "全部行业（" + g.peers() + "家）"
                                            : "行业代码 " + g.peerGroup() + "（" + g.peers() + "家）",
                                    g.ratio(),
                                    g.levelCn() == null ? "" : g.levelCn(),
                                    g.grade() == null ? "" : "等级" + g.grade(),
                                    g.note()))
                            .toList());
        };
        return Exports.list(format, graded, report, "grades-" + code + "-" + year);
    }
}
