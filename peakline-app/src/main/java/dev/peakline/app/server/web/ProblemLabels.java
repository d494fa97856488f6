package dev.peakline.app.server.web;

import dev.peakline.problems.ErrorCode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The message catalogue of row- and field-level problems: for each problem code a short sentence in Chinese and in
 * English ({@code problems.csv}), so that the API's Problem Details carry a {@code label} in the caller's language
 * beside the case's own sentence, and the web UI shows it. Codes of the {@link ErrorCode} catalogue take its titles.
 */
public final class ProblemLabels {
    private static final Map<String, String[]> LABELS = load();

    private ProblemLabels() {}

    private static Map<String, String[]> load() {
        Map<String, String[]> m = new HashMap<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(
                ProblemLabels.class.getResourceAsStream("/dev/peakline/app/problems.csv"), StandardCharsets.UTF_8))) {
            r.readLine();
            for (String line; (line = r.readLine()) != null; ) {
                if (line.isBlank()) {
                    continue;
                }
                String[] c = line.split(",", 3);
                if (c.length != 3 || m.put(c[0], new String[] {c[1], c[2]}) != null) {
                    throw new IllegalStateException("problems.csv: bad or repeated line " + line);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return m;
    }

    /** The label of a problem code in a language ({@code zh} unless the language starts with "en"), if catalogued. */
    public static Optional<String> label(String code, String language) {
        boolean en = language != null && language.startsWith("en");
        String[] l = LABELS.get(code);
        if (l != null) {
            return Optional.of(en ? l[1] : l[0]);
        }
        return ErrorCode.of(code).map(c -> en ? c.en() : c.zh());
    }

    /** Every code the catalogue holds. */
    static java.util.Set<String> codes() {
        return LABELS.keySet();
    }
}
