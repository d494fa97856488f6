package dev.peakline.io.table;

import dev.peakline.problems.Problem;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Maps a header row (English or Chinese names, any order) to column positions for a file format. */
public final class Columns {
    /** A column: canonical English name, Chinese names, whether it must be present. */
    public record Spec(String name, List<String> chinese, boolean required) {}

    private final Map<String, Integer> position = new HashMap<>();

    private Columns() {}

    /** Reads the header; adds a problem for every required column that is missing. */
    public static Columns of(Table.Line header, List<Spec> specs, String source, List<Problem> problems) {
        Columns c = new Columns();
        for (int i = 0; i < header.cells().size(); i++) {
            String h = header.cell(i).toLowerCase(Locale.ROOT);
            for (Spec s : specs) {
                if (s.name().equals(h) || s.chinese().contains(header.cell(i))) {
                    c.position.putIfAbsent(s.name(), i);
                }
            }
        }
        for (Spec s : specs) {
            if (s.required() && !c.position.containsKey(s.name())) {
                problems.add(Problem.at(
                        "header.missing",
                        source,
                        header.number(),
                        s.name(),
                        "the header has no column '" + s.name() + "' (" + String.join(" / ", s.chinese()) + "); found: "
                                + String.join(",", header.cells())));
            }
        }
        return c;
    }

    /** The column's position, -1 when the header has no such column. */
    public int index(String name) {
        Integer p = position.get(name);
        return p == null ? -1 : p;
    }

    public boolean has(String name) {
        return position.containsKey(name);
    }

    public String get(Table.Line line, String name) {
        Integer p = position.get(name);
        return p == null ? "" : line.cell(p);
    }
}
