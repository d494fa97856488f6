package dev.peakline.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.peakline.app.cli.PeaklineCli;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The documented example, end to end through the CLI, and its refusals. */
class CliTest {
    static final Path EXAMPLES = Path.of("..", "examples");

    @TempDir
    Path dir;

    final ByteArrayOutputStream out = new ByteArrayOutputStream();
    final ByteArrayOutputStream err = new ByteArrayOutputStream();
    PrintStream oldOut;
    PrintStream oldErr;

    @BeforeEach
    void capture() {
        oldOut = System.out;
        oldErr = System.err;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restore() {
        System.setOut(oldOut);
        System.setErr(oldErr);
    }

    @Test
    void accountsTheDocumentedExample() throws Exception {
        Path result = dir.resolve("result.csv");
        int code = PeaklineCli.run(
                "account",
                "--activity",
                EXAMPLES.resolve("activity.csv").toString(),
                "--process",
                EXAMPLES.resolve("process.csv").toString(),
                "--production",
                EXAMPLES.resolve("production.csv").toString(),
                "--output-value",
                EXAMPLES.resolve("output.csv").toString(),
                "--out",
                result.toString(),
                "--rollup",
                dir.resolve("rollup.csv").toString());
        assertThat(code).as(err.toString(StandardCharsets.UTF_8)).isZero();
        List<String> lines = Files.readAllLines(result);
        assertThat(lines.get(0))
                .startsWith("enterprise,period,region,industry,scope1_tco2,scope2_tco2,total_tco2,energy_tce");
        // March: coal 1,747.088266 + gas 2,162.188809 = 3,909.277075 combustion; CaCO3 88 + PFC 189.21 + anode 1,100.44
        // = 1,377.65 process
        // scope 2: electricity 10,000 MWh × 0.5306 (2023 factor, fallback for 2024) = 5,306 + heat 550 = 5,856
        assertThat(lines.get(1))
                .startsWith("91520181MA6DKQ3L5C,2024-03,520181,3216,5286.927075,5856.000000,11142.927075,3328.200000,");
        assertThat(Files.readString(dir.resolve("rollup.csv"))).contains("region,520000,贵州省,province,2024,1,");
    }

    @Test
    void explainsAFigure() {
        int code = PeaklineCli.run(
                "explain",
                "--activity",
                EXAMPLES.resolve("activity.csv").toString(),
                "--enterprise",
                "91520181MA6DKQ3L5C",
                "--period",
                "2024-03");
        assertThat(code).isZero();
        String text = out.toString(StandardCharsets.UTF_8);
        assertThat(text).contains("1747.088266", "combustion.ncv:bituminous:A = 19.57", "FALLBACK", "total_tco2");
    }

    @Test
    void badInputWritesNothingAndExitsNonZero() throws Exception {
        Path bad = dir.resolve("bad.csv");
        Files.writeString(
                bad,
                "enterprise,region,industry,period,carrier,quantity,unit,use\n"
                        + "91520181MA6DKQ3L5C,520181,3216,2024-03,电力,10,t,purchased\n"
                        + "91520181MA6DKQ3L5C,520181,3216,2024-03,碳粉,10,t,combustion\n");
        Path result = dir.resolve("result.csv");
        assertThat(PeaklineCli.run("account", "--activity", bad.toString(), "--out", result.toString()))
                .isEqualTo(2);
        assertThat(result).doesNotExist();
        String e = err.toString(StandardCharsets.UTF_8);
        assertThat(e).contains("bad.csv:2: column 'unit'", "bad.csv:3: column 'carrier'", "nothing was written");
    }

    @Test
    void listsAndSearchesFactors() {
        assertThat(PeaklineCli.run("factors", "贵州", "--kind", "electricity")).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8))
                .contains("electricity:520000:average", "0.5683", "3 factor(s)");
    }

    @Test
    void demoWritesAProvinceThatAccountsCleanly() throws Exception {
        assertThat(PeaklineCli.run("demo", "--out", dir.toString(), "--scale", "0.1"))
                .isZero();
        Path result = dir.resolve("r.csv");
        int code = PeaklineCli.run(
                "account",
                "--activity",
                dir.resolve("activity.csv").toString(),
                "--process",
                dir.resolve("process.csv").toString(),
                "--production",
                dir.resolve("production.csv").toString(),
                "--output-value",
                dir.resolve("output.csv").toString(),
                "--out",
                result.toString());
        assertThat(code).as(err.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(Files.readAllLines(result).size()).isGreaterThan(100);
    }
}
