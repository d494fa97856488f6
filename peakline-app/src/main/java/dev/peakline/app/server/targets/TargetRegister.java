package dev.peakline.app.server.targets;

import dev.peakline.app.server.security.PeaklineUser;
import dev.peakline.app.server.security.Scopes;
import dev.peakline.problems.ErrorCode;
import dev.peakline.problems.Problem;
import dev.peakline.problems.Refusal;
import dev.peakline.store.StoreException;
import dev.peakline.store.targets.TargetRepository;
import dev.peakline.targets.Decomposition;
import dev.peakline.targets.Figures;
import dev.peakline.targets.Indicator;
import dev.peakline.targets.Target;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;

/**
 * Targets of regions, industries and enterprises (目标): set, read and decomposed to child regions with the
 * consistency check; every form checked field by field, nothing written when anything is wrong.
 */
@Service
public class TargetRegister {
    /** The unique index of a subject's target for an indicator and years. */
    static final String SUBJECT = "target_subject";

    public record TargetForm(
            String scope,
            String region,
            String industry,
            String enterprise,
            String indicator,
            Integer baseYear,
            Integer targetYear,
            Double value,
            String document) {}

    public record ChildForm(String region, Double value) {}

    /**
     * UNIFORM proposes the children from the parent; otherwise the children are given. With {@code check} nothing is
     * stored: the answer says what the decomposition would be and what is wrong with it (the page checks as one types).
     */
    public record DecomposeForm(String method, List<ChildForm> children, Boolean check) {
        public DecomposeForm(String method, List<ChildForm> children) {
            this(method, children, null);
        }
    }

    private final Scopes scopes;
    private final TargetBook book;
    private final TargetRepository targetRepository;

    public TargetRegister(Scopes scopes, TargetBook book, TargetRepository targetRepository) {
        this.scopes = scopes;
        this.book = book;
        this.targetRepository = targetRepository;
    }

    /** Sets a target; its id. A second target of the same subject, indicator and years is refused. */
    public long create(PeaklineUser me, TargetForm f) {
        if (f == null) {
            throw Refusal.field(ErrorCode.TARGET_INVALID, "body", "a JSON body with the target is needed");
        }
        TargetRepository.Row row = checked(me, f, null);
        try {
            return targetRepository.create(me.actor(), row);
        } catch (StoreException e) {
            if (SUBJECT.equals(e.constraint())) {
                throw Refusal.of(
                        ErrorCode.TARGET_DUPLICATE, "this subject already has a target for the indicator and years");
            }
            throw e;
        }
    }

    private TargetRepository.Row checked(PeaklineUser me, TargetForm f, Long parent) {
        Indicator indicator = null;
        try {
            indicator = f.indicator() == null ? null : Indicator.valueOf(f.indicator());
        } catch (IllegalArgumentException e) {
            // reported with the other problems below
        }
        List<Problem> p = new ArrayList<>(Target.problems(indicator, f.baseYear(), f.targetYear(), f.value()));
        String scope = f.scope() == null ? "REGION" : f.scope();
        String region = f.region();
        switch (scope) {
            case "REGION" -> scopes.govern(me, region == null ? "" : region);
            case "INDUSTRY" -> {
                scopes.govern(me, region == null ? "" : region);
                if (f.industry() == null
                        || scopes.registry().industry(f.industry()).isEmpty()) {
                    p.add(Problem.at(
                            "target.industry",
                            "target",
                            0,
                            "industry",
                            "'" + f.industry() + "' is not a GB/T 4754-2017 industry code"));
                }
            }
            case "ENTERPRISE" -> {
                var e = scopes.readEnterprise(me, f.enterprise() == null ? "" : f.enterprise());
                scopes.govern(me, e.region().value());
                region = e.region().value();
            }
            default ->
                p.add(Problem.at("target.scope", "target", 0, "scope", "scope must be REGION, INDUSTRY or ENTERPRISE"));
        }
        if (f.document() != null && f.document().length() > 300) {
            p.add(Problem.at("target.document", "target", 0, "document", "document is at most 300 characters"));
        }
        if (!p.isEmpty()) {
            throw Refusal.of(ErrorCode.TARGET_INVALID, p.size() + " problem(s); nothing was stored", p);
        }
        return new TargetRepository.Row(
                0,
                scope,
                region,
                scope.equals("INDUSTRY") ? f.industry() : null,
                scope.equals("ENTERPRISE") ? f.enterprise() : null,
                indicator.name(),
                f.baseYear(),
                f.targetYear(),
                f.value(),
                parent,
                f.document() == null ? "" : f.document().strip());
    }

    public Map<String, Object> decomposition(PeaklineUser me, long id) {
        TargetRepository.Row parent = readable(me, id);
        List<TargetRepository.Row> kids = targetRepository.children(id);
        Map<String, Target> children = new LinkedHashMap<>();
        kids.forEach(k -> children.put(k.region(), TargetBook.target(k)));
        List<String> expected = expected(parent);
        Map<String, Figures> base = book.childFigures(expected, parent.baseYear());
        Target p = TargetBook.target(parent);
        return Map.of(
                "parent",
                parent,
                "children",
                kids,
                "implied",
                Decomposition.implied(p.indicator(), children, base),
                "problems",
                kids.isEmpty() ? List.of() : Decomposition.check(p, children, base, expected));
    }

    /** A target the caller may read. */
    public TargetRepository.Row readable(PeaklineUser me, long id) {
        TargetRepository.Row t = targetRepository.find(id).orElseThrow(() -> Refusal.notFound("target " + id));
        scopes.readRegion(me, t.region());
        return t;
    }

    private List<String> expected(TargetRepository.Row parent) {
        if (!parent.scope().equals("REGION")) {
            throw Refusal.field(ErrorCode.TARGET_SCOPE, "scope", "only region targets are decomposed to child regions");
        }
        return scopes.registry().children(scopes.region(parent.region()).code()).stream()
                .map(c -> c.code().value())
                .toList();
    }

    public Map<String, Object> decompose(PeaklineUser me, long id, DecomposeForm form) {
        TargetRepository.Row parent = readable(me, id);
        scopes.govern(me, parent.region());
        List<String> expected = expected(parent);
        Target p = TargetBook.target(parent);
        Map<String, Figures> base = book.childFigures(expected, parent.baseYear());
        Map<String, Target> children = new LinkedHashMap<>();
        List<Problem> problems = new ArrayList<>();
        if ("UNIFORM".equals(form.method())) {
            if (base.size() < expected.size()) {
                throw Refusal.field(
                        ErrorCode.DECOMPOSITION_FIGURES,
                        "figures",
                        "UNIFORM needs " + parent.baseYear() + " statistics of every child region; missing: "
                                + expected.stream()
                                        .filter(c -> !base.containsKey(c))
                                        .toList());
            }
            children.putAll(Decomposition.propose(p, base));
        } else if (form.children() != null) {
            int n = 0;
            for (ChildForm c : form.children()) {
                n++;
                if (c.region() == null || !expected.contains(c.region())) {
                    problems.add(Problem.at(
                            "decomposition.region",
                            "children",
                            n,
                            "region",
                            "'" + c.region() + "' is not a child region of " + parent.region()));
                    continue;
                }
                List<Problem> own = Target.problems(p.indicator(), p.baseYear(), p.targetYear(), c.value());
                own.forEach(x ->
                        problems.add(Problem.at(x.code(), "children", 0, "value", c.region() + ": " + x.message())));
                if (own.isEmpty()) {
                    children.put(c.region(), new Target(p.indicator(), p.baseYear(), p.targetYear(), c.value()));
                }
            }
        } else {
            throw Refusal.field(
                    ErrorCode.DECOMPOSITION_METHOD, "method", "give method UNIFORM or the children's values");
        }
        if (problems.isEmpty()) {
            problems.addAll(Decomposition.check(p, children, base, expected));
        }
        if (Boolean.TRUE.equals(form.check())) {
            Map<String, Object> dry = new LinkedHashMap<>();
            Map<String, Double> values = new LinkedHashMap<>();
            children.forEach((region, t) -> values.put(region, t.value()));
            dry.put("values", values);
            dry.put("problems", problems);
            if (problems.isEmpty()) {
                dry.put("implied", Decomposition.implied(p.indicator(), children, base));
            }
            return dry;
        }
        if (!problems.isEmpty()) {
            throw Refusal.of(
                    ErrorCode.DECOMPOSITION_INVALID, problems.size() + " problem(s); nothing was stored", problems);
        }
        List<TargetRepository.Row> rows = new ArrayList<>();
        children.forEach((region, t) -> rows.add(new TargetRepository.Row(
                0,
                "REGION",
                region,
                null,
                null,
                t.indicator().name(),
                t.baseYear(),
                t.targetYear(),
                t.value(),
                id,
                "分解自 #" + id + (parent.document().isEmpty() ? "" : "（" + parent.document() + "）"))));
        try {
            List<Long> ids = targetRepository.decompose(me.actor(), id, rows);
            return Map.of(
                    "parent", id, "children", ids, "implied", Decomposition.implied(p.indicator(), children, base));
        } catch (StoreException e) {
            // a child's own target of the same subject and years, or a child target that has children of its own
            if (SUBJECT.equals(e.constraint()) || "target_parent_id_fkey".equals(e.constraint())) {
                throw Refusal.of(
                        ErrorCode.DECOMPOSITION_CONFLICT,
                        "a child region already has its own target for this indicator and years, or its target has been"
                                + " decomposed further");
            }
            throw e;
        }
    }
}
