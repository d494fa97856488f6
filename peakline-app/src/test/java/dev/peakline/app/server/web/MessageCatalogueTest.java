package dev.peakline.app.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * One message catalogue: every problem code the code base raises has a Chinese and an English label (the API's
 * Problem Details carry it), and every key the web pages translate exists in both languages of the UI's dictionary.
 */
class MessageCatalogueTest {
    static final Path ROOT = Path.of("..");
    static final Pattern RAISED = Pattern.compile("(?:Problem\\.at|problem|fail)\\(\\s*\"([a-z_]+(?:\\.[a-z_]+)+)\"");

    @Test
    void everyProblemCodeRaisedHasAChineseAndAnEnglishLabel() throws IOException {
        List<String> missing = new ArrayList<>();
        try (Stream<Path> files = Files.walk(ROOT)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")
                            && p.toString().contains("/src/main/java/")
                            && !p.toString().contains("/target/"))
                    .toList()) {
                Matcher m = RAISED.matcher(Files.readString(f, StandardCharsets.UTF_8));
                while (m.find()) {
                    String code = m.group(1);
                    if (ProblemLabels.label(code, "zh").isEmpty()
                            || ProblemLabels.label(code, "en").isEmpty()) {
                        missing.add(code + " (" + f.getFileName() + ")");
                    }
                }
            }
        }
        assertThat(missing).as("codes without a label in problems.csv").isEmpty();
        assertThat(ProblemLabels.label("carrier.unknown", "zh")).hasValue("未知的能源品种");
        assertThat(ProblemLabels.label("carrier.unknown", "en-GB")).hasValue("unknown energy carrier");
        // codes of the ErrorCode catalogue take its titles
        assertThat(ProblemLabels.label("steam", "zh")).get().asString().contains("蒸汽");
    }

    static final Path STATIC = Path.of("src", "main", "resources", "static", "js");

    @Test
    void everyKeyThePagesTranslateExistsInChineseAndInEnglish() throws IOException {
        String common = Files.readString(STATIC.resolve("common.js"), StandardCharsets.UTF_8);
        int zh = common.indexOf("  zh: {");
        int en = common.indexOf("  en: {");
        int end = common.indexOf("\n};", en);
        assertThat(zh).isPositive();
        assertThat(en).isGreaterThan(zh);
        Set<String> zhKeys = keys(common.substring(zh, en));
        Set<String> enKeys = keys(common.substring(en, end));
        // the two languages hold the same keys
        Set<String> onlyZh = new HashSet<>(zhKeys);
        onlyZh.removeAll(enKeys);
        Set<String> onlyEn = new HashSet<>(enKeys);
        onlyEn.removeAll(zhKeys);
        assertThat(onlyZh).as("keys without English").isEmpty();
        assertThat(onlyEn).as("keys without Chinese").isEmpty();
        // every literal key a page asks for (t("key") or data-i18n="key") is in the dictionary
        List<String> missing = new ArrayList<>();
        Pattern call = Pattern.compile("\\bt\\(\"([A-Za-z_][\\w.]*)\"\\)");
        Pattern attr = Pattern.compile("data-i18n=\"([\\w.]+)\"");
        try (Stream<Path> files = Files.walk(STATIC.getParent())) {
            for (Path f : files.filter(
                            p -> p.toString().endsWith(".js") || p.toString().endsWith(".html"))
                    .toList()) {
                String text = Files.readString(f, StandardCharsets.UTF_8);
                for (Pattern p : List.of(call, attr)) {
                    Matcher m = p.matcher(text);
                    while (m.find()) {
                        if (!zhKeys.contains(m.group(1))) {
                            missing.add(m.group(1) + " (" + f.getFileName() + ")");
                        }
                    }
                }
            }
        }
        assertThat(missing).as("keys the pages use that the dictionary lacks").isEmpty();
    }

    private static Set<String> keys(String block) {
        Set<String> out = new HashSet<>();
        Matcher m = Pattern.compile("(?:^|[\\s,{])(?:\"([^\"]+)\"|([A-Za-z_]\\w*)):\\s*\"")
                .matcher(block);
        while (m.find()) {
            out.add(m.group(1) != null ? m.group(1) : m.group(2));
        }
        return out;
    }
}
