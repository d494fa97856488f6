package dev.peakline.app.server.projects;

import dev.peakline.app.server.efficiency.EfficiencyLists;
import dev.peakline.app.server.security.PeaklineUser;
import dev.peakline.app.server.security.Scopes;
import dev.peakline.app.server.web.Exports;
import dev.peakline.efficiency.Edition;
import dev.peakline.efficiency.Efficiency;
import dev.peakline.efficiency.ProductLevels;
import dev.peakline.io.Report;
import dev.peakline.problems.ErrorCode;
import dev.peakline.problems.Problem;
import dev.peakline.problems.Refusal;
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
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
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
    public record ProjectForm(
            String name,
            String enterprise,
            String region,
            String industry,
            String product,
            Double capacity,
            String capacityUnit,
            Double designedEnergyTce,
            Double designedCo2,
            Double designedValue,
            String status,
            String classification,
            String document) {}

    public record MoveForm(String to, String document, String comment, String disposal, String commissioned) {}

    public record SubstitutionForm(
            String kind, Double amount, String unit, String pollutant, String source, String sourceEnterprise) {}

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
    private final Clock clock;
    private final EfficiencyLists lists;

    public ProjectApi(Scopes scopes, Database db, Clock clock, EfficiencyLists lists) {
        this.scopes = scopes;
        this.db = db;
        this.clock = clock;
        this.lists = lists;
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
        for (Project p : ProjectRepository.in(db, scopes.subtree(code))) {
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
        AccountResults.Year y = AccountResults.years(db, List.of(), "", p.enterprise()).stream()
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
        Project p = readable(me, id);
        return Map.of(
                "project", view(p, lists.today().getYear() - 1),
                "events", ProjectRepository.events(db, id),
                "substitutions", ProjectRepository.substitutions(db, id),
                "next", ProjectStatus.valueOf(p.status()).next());
    }

    private Project readable(PeaklineUser me, long id) {
        Project p = ProjectRepository.find(db, id).orElseThrow(() -> Refusal.notFound("project " + id));
        if (p.enterprise() != null
                && (me.role() == dev.peakline.store.users.UserRepository.Role.ENTERPRISE
                        || me.role() == dev.peakline.store.users.UserRepository.Role.VERIFIER)) {
            scopes.readEnterprise(me, p.enterprise());
        } else {
            scopes.readRegion(me, p.region());
        }
        return p;
    }

    @PostMapping
    @Operation(summary = "Registers a project (government users of its region and administrators)")
    public ResponseEntity<Map<String, Object>> create(
            @AuthenticationPrincipal PeaklineUser me, @RequestBody ProjectForm f) {
        List<Problem> p = new ArrayList<>();
        if (f.name() == null || f.name().isBlank() || f.name().length() > 200) {
            p.add(Problem.at("project.name", "project", 0, "name", "name is required, at most 200 characters"));
        }
        String region = f.region();
        if (f.enterprise() != null && !f.enterprise().isBlank()) {
            var e = scopes.readEnterprise(me, f.enterprise());
            region = e.region().value();
        }
        scopes.govern(me, region == null ? "" : region);
        if (f.industry() == null || scopes.registry().industry(f.industry()).isEmpty()) {
            p.add(Problem.at(
                    "project.industry",
                    "project",
                    0,
                    "industry",
                    "'" + f.industry() + "' is not a GB/T 4754-2017 code"));
        }
        ProductLevels levels = lists.catalog().product(f.product()).orElse(null);
        if (f.product() == null || f.product().isBlank()) {
            p.add(Problem.at("project.product", "project", 0, "product", "product is required"));
        }
        if (f.capacity() == null || !(f.capacity() > 0) || f.capacity() > 1e9) {
            p.add(Problem.at("project.capacity", "project", 0, "capacity", "capacity must be positive and below 1e9"));
        }
        if (levels != null && !levels.capacityUnit().equals(f.capacityUnit())) {
            p.add(Problem.at(
                    "project.unit",
                    "project",
                    0,
                    "capacityUnit",
                    "capacity of " + levels.product() + " is stated in " + levels.capacityUnit() + ", not '"
                            + f.capacityUnit() + "'"));
        } else if (levels == null
                && (f.capacityUnit() == null || f.capacityUnit().isBlank())) {
            p.add(Problem.at("project.unit", "project", 0, "capacityUnit", "capacity unit is required"));
        }
        for (Object[] x :
                new Object[][] {{"designedEnergyTce", f.designedEnergyTce()}, {"designedCo2", f.designedCo2()}}) {
            Double v = (Double) x[1];
            if (v == null || v < 0 || v > 1e10 || v.isNaN()) {
                p.add(Problem.at(
                        "project.designed", "project", 0, (String) x[0], x[0] + " must be between 0 and 1e10"));
            }
        }
        String status = f.status() == null ? "PROPOSED" : f.status();
        try {
            ProjectStatus.valueOf(status);
        } catch (IllegalArgumentException e) {
            p.add(Problem.at(
                    "project.status",
                    "project",
                    0,
                    "status",
                    "status must be one of " + List.of(ProjectStatus.values())));
        }
        String classification = f.classification() == null ? "拟建" : f.classification();
        if (!List.of("拟建", "在建", "存量").contains(classification)) {
            p.add(Problem.at(
                    "project.classification", "project", 0, "classification", "classification must be 拟建, 在建 or 存量"));
        }
        if (!p.isEmpty()) {
            throw Refusal.of(ErrorCode.PROJECT_INVALID, p.size() + " problem(s); nothing was stored", p);
        }
        Project project = new Project(
                0,
                f.name().strip(),
                f.enterprise() == null || f.enterprise().isBlank() ? null : f.enterprise(),
                region,
                f.industry(),
                levels == null ? f.product().strip() : levels.product(),
                f.capacity(),
                f.capacityUnit(),
                f.designedEnergyTce(),
                f.designedCo2(),
                f.designedValue(),
                status,
                classification,
                "",
                null);
        long id = ProjectRepository.create(db, me.actor(), project, f.document(), clock.instant());
        return ResponseEntity.status(HttpStatus.CREATED).body(Map.of("id", id));
    }

    @PostMapping("/{id}/move")
    @Operation(
            summary = "Moves a project along its lifecycle (energy review, decision, construction, operation, closure)")
    public Map<String, Object> move(
            @AuthenticationPrincipal PeaklineUser me, @PathVariable long id, @RequestBody MoveForm f) {
        Project p = readable(me, id);
        scopes.govern(me, p.region());
        ProjectStatus from = ProjectStatus.valueOf(p.status());
        ProjectStatus to;
        try {
            to = ProjectStatus.valueOf(f.to() == null ? "" : f.to());
        } catch (IllegalArgumentException e) {
            throw Refusal.field(
                    ErrorCode.PROJECT_STATUS, "status", "to must be one of " + List.of(ProjectStatus.values()));
        }
        if (!from.canMoveTo(to)) {
            throw Refusal.of(
                    ErrorCode.PROJECT_TRANSITION,
                    "a project " + from + " (" + from.nameCn() + ") cannot move to " + to + "; it may move to "
                            + from.next());
        }
        LocalDate commissioned = null;
        if (to == ProjectStatus.OPERATING) {
            try {
                commissioned = f.commissioned() == null ? lists.today() : LocalDate.parse(f.commissioned());
            } catch (DateTimeParseException e) {
                throw Refusal.field(ErrorCode.PROJECT_COMMISSIONED, "commissioned", "commissioned must be YYYY-MM-DD");
            }
            if (p.enterprise() == null) {
                throw Refusal.field(
                        ErrorCode.PROJECT_ENTERPRISE,
                        "enterprise",
                        "an operating project needs its enterprise, whose" + " filings give the actual figures");
            }
        }
        if (!ProjectRepository.move(
                db,
                me.actor(),
                id,
                from.name(),
                to.name(),
                f.document(),
                f.comment(),
                f.disposal() == null || f.disposal().isBlank()
                        ? null
                        : f.disposal().strip(),
                commissioned,
                clock.instant())) {
            throw Refusal.of(ErrorCode.PROJECT_MOVED, "the project was moved by someone else; reload");
        }
        return Map.of("id", id, "status", to.name());
    }

    @PostMapping("/{id}/substitutions")
    @Operation(summary = "Adds a line to the substitution ledger (减量替代): capacity, coal, energy, carbon or pollutant")
    public ResponseEntity<Map<String, Object>> substitution(
            @AuthenticationPrincipal PeaklineUser me, @PathVariable long id, @RequestBody SubstitutionForm f) {
        Project p = readable(me, id);
        scopes.govern(me, p.region());
        TwoHigh.Substitution kind;
        try {
            kind = TwoHigh.Substitution.valueOf(f.kind() == null ? "" : f.kind());
        } catch (IllegalArgumentException e) {
            throw Refusal.field(
                    ErrorCode.SUBSTITUTION_KIND,
                    "kind",
                    "kind must be one of " + List.of(TwoHigh.Substitution.values()));
        }
        List<Problem> problems = new ArrayList<>();
        if (f.amount() == null || !(f.amount() > 0) || f.amount() > 1e10) {
            problems.add(Problem.at(
                    "substitution.amount", "substitution", 0, "amount", "amount must be positive and below 1e10"));
        }
        String unit = f.unit() == null ? kind.unit() : f.unit();
        if (!unit.equals(kind.unit())) {
            problems.add(Problem.at(
                    "substitution.unit",
                    "substitution",
                    0,
                    "unit",
                    kind + " is kept in " + kind.unit() + ", not '" + unit + "'"));
        }
        if (kind == TwoHigh.Substitution.POLLUTANT
                && (f.pollutant() == null || f.pollutant().isBlank())) {
            problems.add(Problem.at(
                    "substitution.pollutant", "substitution", 0, "pollutant", "name the pollutant (SO2, NOx …)"));
        }
        if (f.source() == null || f.source().isBlank() || f.source().length() > 500) {
            problems.add(Problem.at(
                    "substitution.source",
                    "substitution",
                    0,
                    "source",
                    "state where the reduction comes from (closed line, document), at most 500 characters"));
        }
        if (f.sourceEnterprise() != null && !f.sourceEnterprise().isBlank()) {
            scopes.enterprise(f.sourceEnterprise());
        }
        if (!problems.isEmpty()) {
            throw Refusal.of(
                    ErrorCode.SUBSTITUTION_INVALID, problems.size() + " problem(s); nothing was stored", problems);
        }
        long sid = ProjectRepository.addSubstitution(
                db,
                me.actor(),
                id,
                new ProjectRepository.Substitution(
                        0,
                        kind.name(),
                        f.amount(),
                        unit,
                        f.pollutant(),
                        f.source().strip(),
                        f.sourceEnterprise() == null || f.sourceEnterprise().isBlank() ? null : f.sourceEnterprise()),
                clock.instant());
        return ResponseEntity.status(HttpStatus.CREATED).body(Map.of("id", sid));
    }
}
