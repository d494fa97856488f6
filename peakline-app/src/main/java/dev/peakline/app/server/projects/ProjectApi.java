package dev.peakline.app.server.projects;

import dev.peakline.app.server.efficiency.EfficiencyLists;
import dev.peakline.app.server.projects.ProjectRegister.MoveForm;
import dev.peakline.app.server.projects.ProjectRegister.ProjectForm;
import dev.peakline.app.server.projects.ProjectRegister.SubstitutionForm;
import dev.peakline.app.server.security.PeaklineUser;
import dev.peakline.app.server.security.Scopes;
import dev.peakline.app.server.web.Exports;
import dev.peakline.efficiency.Edition;
import dev.peakline.efficiency.Efficiency;
import dev.peakline.efficiency.ProductLevels;
import dev.peakline.io.report.Report;
import dev.peakline.projects.ProjectStatus;
import dev.peakline.projects.TwoHigh;
import dev.peakline.reference.Region;
import dev.peakline.store.Database;
import dev.peakline.store.ledger.AccountResults;
import dev.peakline.store.projects.ProjectRepository;
import dev.peakline.store.projects.ProjectRepository.Project;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.util.ArrayList;
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

/** 两高项目清单: the register, lifecycle moves, designed against actual after commissioning, substitution ledgers. */
@RestController
@RequestMapping("/api/v1/projects")
@Tag(name = "projects", description = "两高项目: lifecycle, energy review, designed vs actual, 减量替代 ledgers")
public class ProjectApi {
    /** A project with its sector, designed level and (once operating) actual figures of its enterprise. */
    public record View(
            Project project,
            String statusCn,
            String sector,
            String designedLevel,
            Integer actualYear,
            Double actualEnergyTce,
            Double actualCo2,
            Double actualValue,
            String actualLevel,
            Boolean exceedsDesign) {}

    private final Scopes scopes;
    private final Database db;
    private final ProjectRepository projectRepository;
    private final AccountResults accountResults;
    private final Clock clock;
    private final EfficiencyLists lists;
    private final ProjectRegister register;

    public ProjectApi(
            Scopes scopes,
            Database db,
            ProjectRepository projectRepository,
            AccountResults accountResults,
            Clock clock,
            EfficiencyLists lists,
            ProjectRegister register) {
        this.scopes = scopes;
        this.db = db;
        this.projectRepository = projectRepository;
        this.accountResults = accountResults;
        this.clock = clock;
        this.lists = lists;
        this.register = register;
    }

    @GetMapping("/regions/{code}")
    @Operation(summary = "The register of a region's subtree (status= filters); format=xlsx downloads it")
    public ResponseEntity<?> register(
            @AuthenticationPrincipal PeaklineUser me,
            @PathVariable String code,
            @RequestParam(required = false) String status,
            @RequestParam(defaultValue = "json") String format) {
        Region r = scopes.readRegion(me, code);
        int year = lists.today().getYear() - 1;
        List<View> views = new ArrayList<>();
        for (Project p : projectRepository.in(scopes.subtree(code))) {
            if (status == null || status.isBlank() || p.status().equals(status)) {
                views.add(view(p, year));
            }
        }
        java.util.function.Supplier<Report> report = () -> {
            List<List<Object>> rows = new ArrayList<>();
            for (View v : views) {
                Project p = v.project();
                rows.add(List.of(
                        p.id(),
                        p.name(),
                        nz(p.enterprise()),
                        p.region(),
                        p.industry(),
                        v.sector(),
                        p.product(),
                        p.capacity(),
                        p.capacityUnit(),
                        p.designedEnergyTce(),
                        p.designedCo2(),
                        p.designedValue() == null ? "" : p.designedValue(),
                        v.designedLevel(),
                        v.statusCn(),
                        p.classification(),
                        p.disposal(),
                        p.commissioned() == null ? "" : p.commissioned().toString(),
                        v.actualEnergyTce() == null ? "" : v.actualEnergyTce(),
                        v.actualCo2() == null ? "" : v.actualCo2(),
                        v.exceedsDesign() == null ? "" : v.exceedsDesign() ? "超设计" : "未超设计"));
            }
            return Report.list(
                    r.name() + " 两高项目清单",
                    List.of(
                            "ID",
                            "项目",
                            "企业",
                            "区划",
                            "行业",
                            "两高行业",
                            "产品",
                            "产能",
                            "产能单位",
                            "设计能耗(tce)",
                            "设计CO2(t)",
                            "设计单耗",
                            "设计能效水平",
                            "状态",
                            "分类",
                            "处置",
                            "投产日期",
                            "实际能耗(tce)",
                            "实际CO2(t)",
                            "实际对比设计"),
                    rows);
        };
        return Exports.list(format, views, report, "projects-" + code);
    }

    static String nz(String s) {
        return s == null ? "" : s;
    }

    /**
     * Designed against actual: once a project operates, the actual figures are its enterprise's accounted energy and
     * CO2 of the last full year; the design is exceeded when actual energy is above the designed energy.
     */
    View view(Project p, int upTo) {
        int year = upTo;
        String sector =
                TwoHigh.sectorOf(p.industry()).map(TwoHigh.Sector::sector).orElse("非两高行业");
        ProductLevels levels = lists.catalog().levelsOf(p.product()).orElse(null);
        String designed = levels == null || p.designedValue() == null
                ? "—"
                : levels.classify(p.designedValue(), Edition.E2023).nameCn();
        if (!p.status().equals("OPERATING") || p.enterprise() == null) {
            return new View(
                    p,
                    ProjectStatus.valueOf(p.status()).nameCn(),
                    sector,
                    designed,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null);
        }
        // the latest full year of accounts up to the one asked for
        AccountResults.Year y = accountResults.years(List.of(), "", p.enterprise()).stream()
                .filter(x -> x.year() <= upTo && x.months() == 12)
                .reduce((a, b) -> b)
                .orElse(null);
        if (y != null) {
            year = y.year();
        }
        Double value = null;
        String level = null;
        // the actual unit consumption only for a product Peakline computes (the project's county, not the province)
        List<Efficiency.Assessed> assessed = levels == null || levels.measure() == null
                ? List.of()
                : lists.assess(List.of(p.region()), year, Edition.E2023);
        for (Efficiency.Assessed a : assessed) {
            if (a.facility().enterprise().equals(p.enterprise())
                    && a.levels() == levels
                    && !Double.isNaN(a.facility().value())) {
                value = a.facility().value();
                level = a.level().nameCn();
            }
        }
        return new View(
                p,
                ProjectStatus.valueOf(p.status()).nameCn(),
                sector,
                designed,
                y == null ? null : year,
                y == null ? null : y.energy(),
                y == null ? null : y.total(),
                value,
                level,
                y == null ? null : y.energy() > p.designedEnergyTce());
    }

    @GetMapping("/{id}")
    @Operation(summary = "A project with its status history and substitution ledger")
    public Map<String, Object> project(@AuthenticationPrincipal PeaklineUser me, @PathVariable long id) {
        Project p = register.readable(me, id);
        return Map.of(
                "project", view(p, lists.today().getYear() - 1),
                "events", projectRepository.events(id),
                "substitutions", projectRepository.substitutions(id),
                "next", ProjectStatus.valueOf(p.status()).next());
    }

    @PostMapping
    @Operation(summary = "Registers a project (government users of its region and administrators)")
    public ResponseEntity<Map<String, Object>> create(
            @AuthenticationPrincipal PeaklineUser me, @RequestBody ProjectForm f) {
        return ResponseEntity.status(HttpStatus.CREATED).body(Map.of("id", register.create(me, f)));
    }

    @PostMapping("/{id}/move")
    @Operation(
            summary = "Moves a project along its lifecycle (energy review, decision, construction, operation, closure)")
    public Map<String, Object> move(
            @AuthenticationPrincipal PeaklineUser me, @PathVariable long id, @RequestBody MoveForm f) {
        return Map.of("id", id, "status", register.move(me, id, f).name());
    }

    @PostMapping("/{id}/substitutions")
    @Operation(summary = "Adds a line to the substitution ledger (减量替代): capacity, coal, energy, carbon or pollutant")
    public ResponseEntity<Map<String, Object>> substitution(
            @AuthenticationPrincipal PeaklineUser me, @PathVariable long id, @RequestBody SubstitutionForm f) {
        return ResponseEntity.status(HttpStatus.CREATED).body(Map.of("id", register.addSubstitution(me, id, f)));
    }
}
