package dev.peakline.app.server.markets;

import dev.peakline.app.server.security.Scopes;
import dev.peakline.domain.Enterprise;
import dev.peakline.markets.InstrumentLedger.Kind;
import dev.peakline.markets.InstrumentLedger.Movement;
import dev.peakline.markets.ReductionProjects;
import dev.peakline.problems.ErrorCode;
import dev.peakline.problems.Problem;
import dev.peakline.problems.Refusal;
import dev.peakline.reference.FactorKey;
import dev.peakline.reference.FactorKind;
import dev.peakline.reference.ReferenceLibrary;
import dev.peakline.reference.ResolvedFactor;
import dev.peakline.store.markets.MarketRepository;
import dev.peakline.store.markets.ReductionProjectRepository;
import dev.peakline.store.markets.ReductionProjectRepository.Project;
import dev.peakline.store.markets.ReductionProjectRepository.Report;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A project's monitoring reports checked and computed by core's {@link ReductionProjects} and stored, and verified
 * reports issued into the owner's registry account with a serial range: the owner's and government's forms and the
 * demo both go through here.
 */
@org.springframework.stereotype.Component
public class CreditIssuance {
    private final Scopes scopes;
    private final ReductionProjectRepository projects;
    private final MarketRepository market;
    private final ReferenceLibrary library;

    public CreditIssuance(
            Scopes scopes, ReductionProjectRepository projects, MarketRepository market, ReferenceLibrary library) {
        this.scopes = scopes;
        this.projects = projects;
        this.market = market;
        this.library = library;
    }

    private static Problem field(String name, String message) {
        return Problem.at("project.field", "request", 0, name, message);
    }

    private static void refuse(List<Problem> p) {
        if (!p.isEmpty()) {
            throw Refusal.of(ErrorCode.MARKET_INVALID, p.size() + " problem(s); nothing was stored", p);
        }
    }

    /** A stored report's id and its reductions. */
    public record Submitted(long id, ReductionProjects.Reduction reduction) {}

    /**
     * Checks a monitoring report (period inside the crediting period, within a year, ended by {@code today}, not
     * overlapping; inputs by the methodology's type), computes its reductions and stores it for verification: the
     * owner's form and the demo both submit through here.
     */
    public Submitted submit(
            String actor, Project p, LocalDate from, LocalDate to, Map<String, Double> given, LocalDate today) {
        ReductionProjects.Methodology m =
                ReductionProjects.methodology(p.methodology()).orElseThrow();
        List<Problem> problems = new ArrayList<>();
        List<LocalDate[]> earlier = new ArrayList<>();
        for (Report r : projects.reports(List.of(p.id()))) {
            if (!r.status().equals("returned")) {
                earlier.add(new LocalDate[] {r.periodFrom(), r.periodTo()});
            }
        }
        problems.addAll(ReductionProjects.checkPeriod(from, to, p.creditingFrom(), p.creditingTo(), earlier));
        if (to != null && to.isAfter(today)) {
            problems.add(field("periodTo", "a monitoring period has ended: " + to + " is after today"));
        }
        Map<String, Double> inputs = given == null ? Map.of() : given;
        problems.addAll(ReductionProjects.checkInputs(m.type(), inputs));
        refuse(problems);
        ReductionProjects.Reduction r = ReductionProjects.reduce(m.type(), inputs, from, to, factors(p, m, to));
        if (r.credits() <= 0) {
            throw Refusal.of(
                    ErrorCode.MARKET_INVALID,
                    "no reductions",
                    List.of(Problem.at(
                            "project.input",
                            "request",
                            0,
                            "inputs",
                            "the report's reductions come to " + Math.round(r.reductionT())
                                    + " t: nothing to verify or issue")));
        }
        long id = projects.submit(
                        actor,
                        new Report(
                                0,
                                p.id(),
                                from,
                                to,
                                new java.util.TreeMap<>(inputs),
                                r.reductionT(),
                                r.credits(),
                                String.join("\n", r.lines()),
                                "submitted",
                                null,
                                null,
                                null,
                                null,
                                null,
                                null,
                                null,
                                null,
                                null))
                .orElseThrow(() -> Refusal.of(
                        ErrorCode.MARKET_INVALID,
                        "overlapping period",
                        List.of(Problem.at(
                                "project.overlap",
                                "request",
                                0,
                                "periodFrom",
                                "another report of the period was submitted meanwhile"))));
        return new Submitted(id, r);
    }

    /** The province's grid factor and the methodology's GWP of CH4 on the period's last day. */
    private ReductionProjects.Factors factors(Project p, ReductionProjects.Methodology m, LocalDate day) {
        ResolvedFactor grid = library.provinceGrid(p.region(), day)
                .orElseThrow(() -> Refusal.of(
                        ErrorCode.MARKET_INVALID, "the library has no grid factor of " + p.region() + " for " + day));
        ResolvedFactor gwp = library.resolve(FactorKey.of(FactorKind.GWP, "CH4", m.gwpReport()), day)
                .orElseThrow(
                        () -> Refusal.of(ErrorCode.MARKET_INVALID, "the library has no GWP of CH4 " + m.gwpReport()));
        return new ReductionProjects.Factors(
                grid.value(),
                dev.peakline.reference.Publications.title(grid.factor().publication(), true),
                gwp.value(),
                "IPCC " + m.gwpReport());
    }

    /** Books a verified report's credits on {@code day}: the demo issues its projects' credits through here too. */
    public Map<String, Object> issue(String actor, Project p, Report r, LocalDate day) {
        ReductionProjects.Methodology m =
                ReductionProjects.methodology(p.methodology()).orElseThrow();
        Enterprise owner = scopes.enterprise(p.owner());
        long from = market.lastSerial(m.instrument()) + 1;
        long to = from + r.verifiedCredits() - 1;
        Movement mv = new Movement(
                day, p.owner(), m.instrument(), r.periodTo().getYear(), Kind.ISSUE, r.verifiedCredits(), from, to, 1);
        MarketRepository.Booked b = market.book(
                actor,
                "project.issue",
                List.of(new MarketRepository.Booking(
                        owner.region().value(), mv, null, null, "project:" + p.id() + "/report:" + r.id())),
                ReductionProjectRepository.issued(actor, r.id(), from, to));
        if (b == null) {
            throw Refusal.of(ErrorCode.MARKET_INVALID, "report " + r.id() + " is issued already");
        }
        Allocations.refuseIf(b);
        return Map.of("id", r.id(), "credits", r.verifiedCredits(), "serialFrom", from, "serialTo", to);
    }
}
