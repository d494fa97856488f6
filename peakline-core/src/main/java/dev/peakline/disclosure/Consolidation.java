package dev.peakline.disclosure;

import dev.peakline.problems.Problem;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The organisational boundary of a group's inventory (GHG Protocol Corporate Standard, revised edition, ch. 3 and its
 * table of accounting categories): the fraction of each entity's emissions the root reports, over an ownership tree
 * (or graph: an entity held through two parents adds both paths), by one approach:
 *
 * <ul>
 *   <li><b>equity</b>: the equity share, for subsidiaries ({@code full}), joint ventures ({@code joint}) and associates
 *       ({@code significant}); 0 for fixed-asset investments ({@code none});
 *   <li><b>financial-control</b>: 100 % of subsidiaries, the equity share of jointly controlled ventures, 0 of
 *       associates and investments;
 *   <li><b>operational-control</b>: 100 % of what the parent operates ({@code full}), 0 of the rest.
 * </ul>
 *
 * Along a chain the fractions multiply: a 60 % subsidiary's 50 % joint venture counts 0.6 × 0.5 under equity share and
 * 1 × 0.5 under financial control.
 */
public final class Consolidation {
    private Consolidation() {}

    /** One holding: parent (empty for the root), entity, equity share (0–1), control. */
    public record Holding(String parent, String entity, double share, String control, int row) {}

    public static final List<String> APPROACHES = List.of("equity", "financial-control", "operational-control");
    public static final List<String> CONTROLS = List.of("full", "joint", "significant", "none");

    /** The fractions, or the problems (never both). */
    public record Result(Map<String, Double> fractions, List<Problem> problems) {}

    public static Result consolidate(String source, List<Holding> holdings, String approach) {
        List<Problem> problems = new ArrayList<>();
        if (!APPROACHES.contains(approach)) {
            problems.add(Problem.at(
                    "consolidate.approach",
                    "--approach",
                    0,
                    "approach",
                    "the approach is equity, financial-control or operational-control, not '" + approach + "'"));
        }
        String root = null;
        Map<String, List<Holding>> children = new LinkedHashMap<>();
        Set<String> entities = new HashSet<>();
        Set<String> pairs = new HashSet<>();
        for (Holding h : holdings) {
            entities.add(h.entity());
            if (h.parent().isEmpty()) {
                if (root != null) {
                    problems.add(Problem.at(
                            "consolidate.root",
                            source,
                            h.row(),
                            "parent",
                            "a second root ('" + h.entity() + "'; the first is '" + root
                                    + "'): one row has no parent"));
                }
                root = h.entity();
                continue;
            }
            if (!pairs.add(h.parent() + "|" + h.entity())) {
                problems.add(Problem.at(
                        "consolidate.duplicate",
                        source,
                        h.row(),
                        "entity",
                        "'" + h.parent() + "' holds '" + h.entity() + "' twice"));
            }
            if (!(h.share() >= 0 && h.share() <= 1)) {
                problems.add(Problem.at(
                        "consolidate.share",
                        source,
                        h.row(),
                        "share",
                        "share " + h.share() + " is a fraction from 0 to 1"
                                + (h.share() > 1 && h.share() <= 100
                                        ? " (write " + h.share() / 100 + " for " + h.share() + " %)"
                                        : "")));
            }
            if (!CONTROLS.contains(h.control())) {
                problems.add(Problem.at(
                        "consolidate.control",
                        source,
                        h.row(),
                        "control",
                        "control is full, joint, significant or none, not '" + h.control() + "'"));
            }
            children.computeIfAbsent(h.parent(), k -> new ArrayList<>()).add(h);
        }
        if (root == null) {
            problems.add(Problem.at("consolidate.root", source, 0, "parent", "no row is the root (an empty parent)"));
        }
        for (Holding h : holdings) {
            if (!h.parent().isEmpty() && !entities.contains(h.parent())) {
                problems.add(Problem.at(
                        "consolidate.parent",
                        source,
                        h.row(),
                        "parent",
                        "parent '" + h.parent() + "' is not an entity of the file"));
            }
        }
        if (!problems.isEmpty()) {
            return new Result(null, problems);
        }
        Map<String, Double> fractions = new LinkedHashMap<>();
        fractions.put(root, 1.0);
        // depth-first over the paths from the root; an entity met again on its own path is a cycle
        if (!walk(root, 1.0, approach, children, fractions, new ArrayList<>(), problems, source)) {
            return new Result(null, problems);
        }
        for (String e : entities) {
            fractions.putIfAbsent(e, 0.0);
        }
        return new Result(fractions, List.of());
    }

    private static boolean walk(
            String entity,
            double fraction,
            String approach,
            Map<String, List<Holding>> children,
            Map<String, Double> fractions,
            List<String> path,
            List<Problem> problems,
            String source) {
        path.add(entity);
        for (Holding h : children.getOrDefault(entity, List.of())) {
            if (path.contains(h.entity())) {
                problems.add(Problem.at(
                        "consolidate.cycle",
                        source,
                        h.row(),
                        "entity",
                        "ownership goes round: " + String.join(" → ", path) + " → " + h.entity()));
                return false;
            }
            double f = fraction * own(h, approach);
            fractions.merge(h.entity(), f, Double::sum);
            if (!walk(h.entity(), f, approach, children, fractions, path, problems, source)) {
                return false;
            }
        }
        path.remove(path.size() - 1);
        return true;
    }

    /** The fraction of a held entity its parent reports under the approach. */
    static double own(Holding h, String approach) {
        return switch (approach) {
            case "equity" -> h.control().equals("none") ? 0 : h.share();
            case "financial-control" ->
                switch (h.control()) {
                    case "full" -> 1;
                    case "joint" -> h.share();
                    default -> 0;
                };
            default -> h.control().equals("full") ? 1 : 0;
        };
    }
}
