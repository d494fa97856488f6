package dev.peakline.reference;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The documents the shipped factors come from, by the page's language: each publication of the factor tables with its
 * Chinese title (the document's own name in 《》 with its notice number) and its English one ({@code
 * publications.csv}). An electricity factor's publication carries its publication date and data year ("… (published
 * 2024-12-23); data year 2022"), which are put into the language too. A publication the table does not hold (a user's
 * own factor set) is shown as written.
 */
public final class Publications {
    private static final Map<String, String[]> EXACT = new HashMap<>();
    private static final Map<String, String[]> PREFIX = new LinkedHashMap<>();
    private static final Map<String, String[]> TERM = new HashMap<>();

    static {
        for (Csv.Row r : Csv.resource(Publications.class, "publications.csv")) {
            String[] titles = {r.get(2), r.get(3)};
            switch (r.get(0)) {
                case "exact" -> EXACT.put(r.get(1), titles);
                case "prefix" -> PREFIX.put(r.cells()[1], titles);
                case "term" -> TERM.put(r.get(1), titles);
                default -> throw new IllegalStateException("publications.csv line " + r.line() + ": kind " + r.get(0));
            }
        }
    }

    private Publications() {}

    /** Whether the table holds a title for the publication (its date and data year aside). */
    public static boolean known(String publication) {
        return lookup(split(publication)[0], true) != null;
    }

    /** The publication's title in Chinese ({@code chinese}) or English; the text as written when not in the table. */
    public static String title(String publication, boolean chinese) {
        if (publication == null || publication.isEmpty()) {
            return "";
        }
        String[] p = split(publication);
        String base = lookup(p[0], chinese);
        if (base == null) {
            base = p[0];
        }
        if (p[1].isEmpty() && p[2].isEmpty()) {
            return base;
        }
        if (chinese) {
            String note = (p[1].isEmpty() ? "" : "发布于 " + p[1])
                    + (p[1].isEmpty() || p[2].isEmpty() ? "" : "；")
                    + (p[2].isEmpty() ? "" : "数据年份 " + p[2]);
            return base + "（" + note + "）";
        }
        return base
                + (p[1].isEmpty() ? "" : " (published " + p[1] + ")")
                + (p[2].isEmpty() ? "" : "; data year " + p[2]);
    }

    private static String lookup(String base, boolean chinese) {
        int i = chinese ? 0 : 1;
        String[] exact = EXACT.get(base);
        if (exact != null) {
            return exact[i];
        }
        for (Map.Entry<String, String[]> e : PREFIX.entrySet()) {
            String[] term = base.startsWith(e.getKey())
                    ? TERM.get(base.substring(e.getKey().length()))
                    : null;
            if (term != null) {
                return e.getValue()[i] + term[i];
            }
        }
        return null;
    }

    /** base, published, data year: the parts the factor set loader writes for an electricity factor. */
    private static String[] split(String publication) {
        String base = publication;
        String year = "";
        String published = "";
        int y = base.lastIndexOf("; data year ");
        if (y >= 0) {
            year = base.substring(y + "; data year ".length());
            base = base.substring(0, y);
        }
        int p = base.lastIndexOf(" (published ");
        if (p >= 0 && base.endsWith(")")) {
            published = base.substring(p + " (published ".length(), base.length() - 1);
            base = base.substring(0, p);
        }
        return new String[] {base, published, year};
    }
}
