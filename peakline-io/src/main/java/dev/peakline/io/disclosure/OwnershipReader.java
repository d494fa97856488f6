package dev.peakline.io.disclosure;

import dev.peakline.disclosure.Consolidation;
import dev.peakline.io.table.Table;
import dev.peakline.problems.Problem;
import dev.peakline.units.Decimals;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A group's ownership as filed: {@code parent,entity,share,control} (share 0–1; control full, joint, significant or
 * none; the root's parent empty, its share 1 when empty). Rows with problems are named by row and column; the
 * consolidation itself checks the tree ({@link Consolidation}). The command line and the server read with this.
 */
public final class OwnershipReader {
    private OwnershipReader() {}

    public static final List<String> COLUMNS = List.of("parent", "entity", "share", "control");

    /** The holdings in file order, the entities in first-appearance order, and the problems. */
    public record Read(List<Consolidation.Holding> holdings, Set<String> entities, List<Problem> problems) {}

    public static Read read(Table t) {
        String source = t.source();
        List<Problem> problems = new ArrayList<>();
        List<Consolidation.Holding> holdings = new ArrayList<>();
        Set<String> order = new LinkedHashSet<>();
        List<String> header = t.lines().isEmpty()
                ? List.of()
                : t.lines().get(0).cells().stream()
                        .map(h -> h.toLowerCase(Locale.ROOT))
                        .toList();
        if (!header.subList(0, Math.min(4, header.size())).equals(COLUMNS)) {
            problems.add(Problem.at(
                    "header.missing",
                    source,
                    1,
                    "",
                    "the header is parent,entity,share,control; found: " + String.join(",", header)));
            return new Read(List.of(), order, problems);
        }
        for (Table.Line l : t.lines().subList(1, t.lines().size())) {
            if (l.blank()) {
                continue;
            }
            if (l.cell(1).isEmpty()) {
                problems.add(Problem.at("field.empty", source, l.number(), "entity", "entity is empty"));
                continue;
            }
            double share;
            try {
                share = l.cell(2).isEmpty() && l.cell(0).isEmpty() ? 1 : Decimals.parse(l.cell(2));
            } catch (NumberFormatException e) {
                problems.add(Problem.at(
                        "number.format", source, l.number(), "share", "'" + l.cell(2) + "' is not a number"));
                continue;
            }
            order.add(l.cell(1));
            holdings.add(new Consolidation.Holding(
                    l.cell(0), l.cell(1), share, l.cell(3).toLowerCase(Locale.ROOT), l.number()));
        }
        return new Read(holdings, order, problems);
    }
}
