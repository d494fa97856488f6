package dev.peakline.app.cli;

import dev.peakline.problems.Problem;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** What the file commands share: problems told and nothing written, or the output written whole. */
final class CliFiles {
    private CliFiles() {}

    /** Prints each problem and that nothing was written; the exit code 2. */
    static int refuse(List<Problem> problems) {
        problems.forEach(System.err::println);
        System.err.println(problems.size() + " problem(s); nothing was written");
        return 2;
    }

    /** Writes the text (UTF-8); false, having said why, when it cannot. */
    static boolean write(Path out, CharSequence text) {
        try {
            Files.writeString(out, text, StandardCharsets.UTF_8);
            return true;
        } catch (IOException e) {
            System.err.println("cannot write " + out + ": " + e.getMessage());
            return false;
        }
    }
}
