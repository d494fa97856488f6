package dev.peakline.app.server.markets;

import dev.peakline.app.server.security.PeaklineUser;
import dev.peakline.app.server.security.Scopes;
import dev.peakline.markets.ReductionProjects;
import dev.peakline.problems.ErrorCode;
import dev.peakline.problems.Problem;
import dev.peakline.problems.Refusal;
import dev.peakline.store.markets.MarketRepository;
import dev.peakline.store.markets.ReductionProjectRepository;
import dev.peakline.store.markets.ReductionProjectRepository.Project;
import dev.peakline.store.markets.ReductionProjectRepository.Report;
import dev.peakline.store.users.UserRepository.Role;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.LocalDate;
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
import org.springframework.web.bind.annotation.RestController;

/**
 * Voluntary reduction projects (issue 30): the owner registers a project under a shipped methodology, an assigned
 * verifier (审定与核查机构) validates it, the owner submits monitoring reports whose reductions core's {@link
 * ReductionProjects} computes (forest and karst sinks by the sink inventory's methods, methane, waste heat and
 * renewables with the province's grid factor), the verifier confirms the credits (or cuts or returns them), and the
 * project region's government issues them into the owner's registry account with serial ranges — CCER or provincial
 * credits, by the methodology — after which they settle ETS offsets (within the cap) or are retired for 碳普惠.
 */
@RestController
@RequestMapping("/api/v1/markets")
@Tag(name = "markets", description = "碳排放权交易：机组、配额分配、履约清缴、转让")
public class ReductionProjectApi {
    /** The longest crediting period a methodology gives (afforestation: up to 60 years). */
    static final int MAX_CREDITING_YEARS = 60;

    private final Scopes scopes;
    private final ReductionProjectRepository projects;
    private final MarketRepository market;
    private final CreditIssuance credits;
    private final Clock clock;

    public ReductionProjectApi(
            Scopes scopes,
            ReductionProjectRepository projects,
            MarketRepository market,
            CreditIssuance credits,
            Clock clock) {
        this.scopes = scopes;
        this.projects = projects;
        this.market = market;
        this.credits = credits;
        this.clock = clock;
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(dev.peakline.domain.ChinaTime.ZONE));
    }

    private static Problem field(String name, String message) {
        return Problem.at("project.field", "request", 0, name, message);
    }

    private static void refuse(List<Problem> p) {
        if (!p.isEmpty()) {
            throw Refusal.of(ErrorCode.MARKET_INVALID, p.size() + " problem(s); nothing was stored", p);
        }
    }

    @GetMapping("/methodologies")
    @Operation(summary = "The shipped methodologies of voluntary reduction projects, with each report's inputs")
    public List<Map<String, Object>> methodologies() {
        List<Map<String, Object>> out = new ArrayList<>();
        for (ReductionProjects.Methodology m : ReductionProjects.methodologies()) {
            Map<String, Object> x = new LinkedHashMap<>();
            x.put("code", m.code());
            x.put("name", m.name());
            x.put("type", m.type().code());
            x.put("typeName", m.type().chinese());
            x.put("instrument", m.instrument().code());
            x.put("instrumentName", m.instrument().chinese());
            x.put("document", m.document());
            x.put("confidence", m.confidence());
            x.put("inputs", m.type().inputs());
            out.add(x);
        }
        return out;
    }

    public record ProjectForm(
            String id,
            String owner,
            String name,
            String methodology,
            String region,
            String location,
            LocalDate creditingFrom,
            LocalDate creditingTo) {}

    @PostMapping("/projects")
    @Operation(summary = "Registers a voluntary reduction project (its owner, or an administrator); audited")
    public ResponseEntity<Map<String, Object>> register(
            @AuthenticationPrincipal PeaklineUser me, @RequestBody ProjectForm f) {
        if (f == null || f.owner() == null) {
            throw Refusal.field(ErrorCode.MARKET_INVALID, "owner", "the project owner's credit code is needed");
        }
        scopes.fileFor(me, f.owner());
        List<Problem> p = new ArrayList<>();
        if (f.id() == null || !f.id().matches("[A-Za-z0-9_.-]{1,40}")) {
            p.add(field("id", "the project number: 1–40 letters, digits, _ . -"));
        }
        if (f.name() == null || f.name().isBlank() || f.name().length() > 200) {
            p.add(field("name", "the project's name (1–200 characters)"));
        }
        if (ReductionProjects.methodology(f.methodology()).isEmpty()) {
            p.add(Problem.at(
                    "project.methodology",
                    "request",
                    0,
                    "methodology",
                    "'" + f.methodology() + "' is not a shipped methodology: "
                            + String.join(
                                    ", ",
                                    ReductionProjects.methodologies().stream()
                                            .map(ReductionProjects.Methodology::code)
                                            .toList())));
        }
        if (f.region() == null || scopes.registry().region(f.region()).isEmpty()) {
            p.add(field("region", "the project's location: a region code of the registry, as 520100"));
        }
        if (f.creditingFrom() == null
                || f.creditingTo() == null
                || !f.creditingTo().isAfter(f.creditingFrom())) {
            p.add(field("creditingTo", "the crediting period: a start and a later end"));
        } else if (f.creditingFrom().getYear() < dev.peakline.domain.DateWindow.FIRST_YEAR
                || f.creditingTo().isAfter(f.creditingFrom().plusYears(MAX_CREDITING_YEARS))) {
            p.add(field(
                    "creditingTo",
                    "a crediting period starts from " + dev.peakline.domain.DateWindow.FIRST_YEAR
                            + " and lasts at most " + MAX_CREDITING_YEARS + " years"));
        }
        refuse(p);
        String methodology =
                ReductionProjects.methodology(f.methodology()).orElseThrow().code();
        boolean stored = projects.register(
                me.actor(),
                new Project(
                        f.id(),
                        f.owner(),
                        f.name().strip(),
                        methodology,
                        f.region(),
                        f.location() == null ? "" : f.location().strip(),
                        f.creditingFrom(),
                        f.creditingTo(),
                        "registered",
                        null,
                        null,
                        null,
                        null,
                        null));
        if (!stored) {
            throw Refusal.of(
                    ErrorCode.MARKET_INVALID,
                    "project " + f.id() + " exists",
                    List.of(field("id", "the project number " + f.id() + " is taken")));
        }
        return ResponseEntity.status(HttpStatus.CREATED).body(Map.of("id", f.id()));
    }

    private Project project(String id) {
        return projects.project(id).orElseThrow(() -> Refusal.notFound("project " + id));
    }

    /** A project the caller may read: its owner's readers, or the government of its location. */
    private Project readable(PeaklineUser me, String id) {
        Project p = project(id);
        if (me.role() == Role.GOVERNMENT) {
            scopes.readRegion(me, p.region());
        } else {
            scopes.readEnterprise(me, p.owner());
        }
        return p;
    }

    public record NoteForm(String note) {}

    @PostMapping("/projects/{id}/validate")
    @Operation(summary = "Validates a registered project (a verifier assigned to its owner); audited")
    public Map<String, Object> validate(
            @AuthenticationPrincipal PeaklineUser me,
            @PathVariable String id,
            @RequestBody(required = false) NoteForm f) {
        Project p = project(id);
        scopes.verify(me, p.owner());
        String note = f == null || f.note() == null ? "" : f.note().strip();
        if (!projects.validate(me.actor(), id, note)) {
            throw Refusal.of(ErrorCode.MARKET_INVALID, "project " + id + " is validated already");
        }
        return Map.of("id", id, "status", "validated");
    }

    @GetMapping("/{region}/projects")
    @Operation(summary = "The projects located in the region (or owned by the caller), with their reports")
    public List<Map<String, Object>> list(@AuthenticationPrincipal PeaklineUser me, @PathVariable String region) {
        if (region != null) {
            scopes.readRegion(me, region);
        }
        List<Project> ps;
        if (me.role() == Role.ADMIN && region == null) {
            ps = projects.projects(
                    scopes.registry().regions().keySet().stream()
                            .map(Object::toString)
                            .toList(),
                    List.of());
        } else if (me.role() == Role.GOVERNMENT || me.role() == Role.ADMIN) {
            ps = projects.projects(scopes.subtree(region), List.of());
        } else if (me.role() == Role.ENTERPRISE) {
            ps = projects.projects(List.of(), List.of(me.user().enterprise()));
        } else {
            ps = projects.projects(List.of(), new ArrayList<>(me.verifies()));
        }
        Map<String, List<Report>> reports = new LinkedHashMap<>();
        projects.reports(ps.stream().map(Project::id).toList())
                .forEach(r -> reports.computeIfAbsent(r.project(), k -> new ArrayList<>())
                        .add(r));
        List<Map<String, Object>> out = new ArrayList<>();
        for (Project p : ps) {
            out.add(view(p, reports.getOrDefault(p.id(), List.of())));
        }
        return out;
    }

    @GetMapping("/projects")
    @Operation(
            summary = "The caller's projects: an enterprise's own, those a verifier verifies, a government's region's")
    public List<Map<String, Object>> mine(@AuthenticationPrincipal PeaklineUser me) {
        return list(me, me.role() == Role.GOVERNMENT ? me.user().region() : null);
    }

    @GetMapping("/projects/{id}")
    @Operation(summary = "A project with its monitoring reports and their arithmetic")
    public Map<String, Object> get(@AuthenticationPrincipal PeaklineUser me, @PathVariable String id) {
        Project p = readable(me, id);
        return view(p, projects.reports(List.of(id)));
    }

    private Map<String, Object> view(Project p, List<Report> reports) {
        ReductionProjects.Methodology m =
                ReductionProjects.methodology(p.methodology()).orElseThrow();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", p.id());
        out.put("name", p.name());
        out.put("owner", p.owner());
        out.put("ownerName", scopes.enterprise(p.owner()).name());
        out.put("methodology", m.code());
        out.put("methodologyName", m.name());
        out.put("type", m.type().code());
        out.put("typeName", m.type().chinese());
        out.put("instrument", m.instrument().code());
        out.put("instrumentName", m.instrument().chinese());
        out.put("region", p.region());
        out.put("regionName", scopes.region(p.region()).name());
        out.put("location", p.location());
        out.put("creditingFrom", p.creditingFrom());
        out.put("creditingTo", p.creditingTo());
        out.put("status", p.status());
        out.put("validatedBy", p.validatedBy());
        out.put("validationNote", p.validationNote());
        List<Map<String, Object>> rs = new ArrayList<>();
        long issued = 0;
        for (Report r : reports) {
            Map<String, Object> x = new LinkedHashMap<>();
            x.put("id", r.id());
            x.put("periodFrom", r.periodFrom());
            x.put("periodTo", r.periodTo());
            x.put("inputs", r.inputs());
            x.put("reductionT", r.reductionT());
            x.put("credits", r.credits());
            x.put("explanation", List.of(r.explanation().split("\n")));
            x.put("status", r.status());
            x.put("verifiedBy", r.verifiedBy());
            x.put("verifiedCredits", r.verifiedCredits());
            x.put("verifierNote", r.verifierNote());
            x.put("serialFrom", r.serialFrom());
            x.put("serialTo", r.serialTo());
            if (r.status().equals("issued")) {
                issued += r.verifiedCredits();
            }
            rs.add(x);
        }
        out.put("reports", rs);
        out.put("issued", issued);
        return out;
    }

    public record ReportForm(LocalDate periodFrom, LocalDate periodTo, Map<String, Double> inputs) {}

    @PostMapping("/projects/{id}/reports")
    @Operation(
            summary = "Submits a monitoring report of a validated project (its owner): the reductions computed by the"
                    + " methodology, stored for verification; audited")
    public ResponseEntity<Map<String, Object>> submit(
            @AuthenticationPrincipal PeaklineUser me, @PathVariable String id, @RequestBody ReportForm f) {
        Project p = project(id);
        scopes.fileFor(me, p.owner());
        if (!p.status().equals("validated")) {
            throw Refusal.of(
                    ErrorCode.MARKET_INVALID,
                    "project " + id + " is not validated",
                    List.of(Problem.at(
                            "project.status",
                            "request",
                            0,
                            "project",
                            "a monitoring report is submitted once the project is validated")));
        }
        if (f == null) {
            throw Refusal.field(ErrorCode.MARKET_INVALID, "periodFrom", "the monitoring period and inputs are needed");
        }
        CreditIssuance.Submitted sub = credits.submit(me.actor(), p, f.periodFrom(), f.periodTo(), f.inputs(), today());
        long reportId = sub.id();
        ReductionProjects.Reduction r = sub.reduction();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", reportId);
        out.put("reductionT", r.reductionT());
        out.put("credits", r.credits());
        out.put("explanation", r.lines());
        return ResponseEntity.status(HttpStatus.CREATED).body(out);
    }

    public record VerifyForm(Long credits, Boolean returned, String note) {}

    @PostMapping("/reports/{id}/verify")
    @Operation(
            summary = "Verifies a submitted report with the credits confirmed (at most those computed), or returns it"
                    + " with a note (a verifier assigned to the owner); audited")
    public Map<String, Object> verify(
            @AuthenticationPrincipal PeaklineUser me, @PathVariable long id, @RequestBody VerifyForm f) {
        Report r = projects.report(id).orElseThrow(() -> Refusal.notFound("report " + id));
        Project p = project(r.project());
        scopes.verify(me, p.owner());
        boolean back = f != null && Boolean.TRUE.equals(f.returned());
        String note = f == null || f.note() == null ? "" : f.note().strip();
        if (back && note.isEmpty()) {
            throw Refusal.field(ErrorCode.MARKET_INVALID, "note", "say why the report is returned");
        }
        Long credits = back ? null : f == null || f.credits() == null ? r.credits() : f.credits();
        if (credits != null && (credits <= 0 || credits > r.credits())) {
            throw Refusal.field(
                    ErrorCode.MARKET_INVALID,
                    "credits",
                    "the verified credits are above 0 and at most the " + r.credits() + " the report computes");
        }
        if (!projects.verify(me.actor(), id, credits, note)) {
            throw Refusal.of(ErrorCode.MARKET_INVALID, "report " + id + " is not awaiting verification");
        }
        return Map.of("id", id, "status", back ? "returned" : "verified", "credits", credits == null ? 0 : credits);
    }

    @PostMapping("/reports/{id}/issue")
    @Operation(
            summary = "Issues a verified report's credits into the owner's account with a serial range (the government"
                    + " of the project's location); audited")
    public Map<String, Object> issue(@AuthenticationPrincipal PeaklineUser me, @PathVariable long id) {
        Report r = projects.report(id).orElseThrow(() -> Refusal.notFound("report " + id));
        Project p = project(r.project());
        scopes.govern(me, p.region());
        if (!r.status().equals("verified")) {
            throw Refusal.of(ErrorCode.MARKET_INVALID, "report " + id + " is " + r.status() + ", not verified");
        }
        return credits.issue(me.actor(), p, r, today());
    }
}
