package dev.peakline.app.server.projects;

import dev.peakline.app.server.efficiency.EfficiencyLists;
import dev.peakline.app.server.security.PeaklineUser;
import dev.peakline.app.server.security.Scopes;
import dev.peakline.efficiency.ProductLevels;
import dev.peakline.problems.ErrorCode;
import dev.peakline.problems.Problem;
import dev.peakline.problems.Refusal;
import dev.peakline.projects.ProjectStatus;
import dev.peakline.projects.TwoHigh;
import dev.peakline.store.projects.ProjectRepository;
import dev.peakline.store.projects.ProjectRepository.Project;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Service;

/**
 * The two-high project register (两高项目): registration checked field by field, lifecycle moves that the state
 * machine allows, substitution ledgers; who may do what; nothing written when anything is wrong.
 */
@Service
public class ProjectRegister {
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

    private final Scopes scopes;
    private final ProjectRepository projectRepository;
    private final EfficiencyLists lists;

    public ProjectRegister(Scopes scopes, ProjectRepository projectRepository, EfficiencyLists lists) {
        this.scopes = scopes;
        this.projectRepository = projectRepository;
        this.lists = lists;
    }

    /** A project the caller may read. */
    public Project readable(PeaklineUser me, long id) {
        Project p = projectRepository.find(id).orElseThrow(() -> Refusal.notFound("project " + id));
        if (p.enterprise() != null
                && (me.role() == dev.peakline.store.users.UserRepository.Role.ENTERPRISE
                        || me.role() == dev.peakline.store.users.UserRepository.Role.VERIFIER)) {
            scopes.readEnterprise(me, p.enterprise());
        } else {
            scopes.readRegion(me, p.region());
        }
        return p;
    }

    /** Registers a project; its id. */
    public long create(PeaklineUser me, ProjectForm f) {
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
        return projectRepository.create(me.actor(), project, f.document());
    }

    /** Moves a project along its lifecycle; the state it is in now. */
    public ProjectStatus move(PeaklineUser me, long id, MoveForm f) {
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
            if (!dev.peakline.domain.DateWindow.contains(commissioned)) {
                throw Refusal.field(
                        ErrorCode.PROJECT_COMMISSIONED,
                        "commissioned",
                        "commissioned " + commissioned + " is " + dev.peakline.domain.DateWindow.outside());
            }
            if (p.enterprise() == null) {
                throw Refusal.field(
                        ErrorCode.PROJECT_ENTERPRISE,
                        "enterprise",
                        "an operating project needs its enterprise, whose" + " filings give the actual figures");
            }
        }
        if (!projectRepository.move(
                me.actor(),
                id,
                from.name(),
                to.name(),
                f.document(),
                f.comment(),
                f.disposal() == null || f.disposal().isBlank()
                        ? null
                        : f.disposal().strip(),
                commissioned)) {
            throw Refusal.of(ErrorCode.PROJECT_MOVED, "the project was moved by someone else; reload");
        }
        return to;
    }

    /** Adds a line to a project's substitution ledger; its id. */
    public long addSubstitution(PeaklineUser me, long id, SubstitutionForm f) {
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
        long sid = projectRepository.addSubstitution(
                me.actor(),
                id,
                new ProjectRepository.Substitution(
                        0,
                        kind.name(),
                        f.amount(),
                        unit,
                        f.pollutant(),
                        f.source().strip(),
                        f.sourceEnterprise() == null || f.sourceEnterprise().isBlank() ? null : f.sourceEnterprise()));
        return sid;
    }
}
