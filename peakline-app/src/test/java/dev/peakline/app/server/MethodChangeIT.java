package dev.peakline.app.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.peakline.accounting.AccountingOptions;
import dev.peakline.app.server.factors.Recomputer;
import dev.peakline.store.Database;
import dev.peakline.store.Tx;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The server accounts with the method it is started with, and a restart with another method brings every current
 * result onto it: here the demo accounted with the national average electricity factor, then the server started again
 * with the regional-grid one (Guizhou is in 南方: 2023 0.4042 instead of the national 0.5306).
 */
class MethodChangeIT {
    @TempDir
    Path data;

    PeaklineServer.Settings settings(int port, AccountingOptions method) {
        return new PeaklineServer.Settings(
                "127.0.0.1", port, data.toString(), true, 0.02, 2023, 2023, null, null, null, null, null, null, method);
    }

    /** The server of this test in the test profile, so that a run shifted by peakline.clock.offset may start it. */
    @org.junit.jupiter.api.BeforeAll
    static void testProfile() {
        System.setProperty("spring.profiles.active", "test");
    }

    @org.junit.jupiter.api.AfterAll
    static void noProfile() {
        System.clearProperty("spring.profiles.active");
    }

    static int freePort() throws Exception {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    @Test
    void restartingWithAnotherElectricityBasisRecomputesEveryResultAndAuditsTheChange() throws Exception {
        AccountingOptions national = AccountingOptions.defaults();
        double electricityBefore;
        int results;
        try (ConfigurableApplicationContext ctx = PeaklineServer.start(settings(freePort(), national))) {
            Database db = ctx.getBean(Database.class);
            results = Tx.run(db, c -> Tx.count(c, "account_result"));
            assertThat(results).isGreaterThan(10);
            electricityBefore = electricity(db);
            assertThat(method(db)).contains("electricity NATIONAL");
        }
        AccountingOptions regional = national.withElectricityBasis(AccountingOptions.ElectricityBasis.REGIONAL);
        try (ConfigurableApplicationContext ctx = PeaklineServer.start(settings(freePort(), regional))) {
            Database db = ctx.getBean(Database.class);
            Recomputer recomputer = ctx.getBean(Recomputer.class);
            long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
            while (recomputer.latest(10).stream().anyMatch(j -> j.finishedAt() == null)
                    && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            assertThat(recomputer.latest(10))
                    .isNotEmpty()
                    .allSatisfy(j -> assertThat(j.status()).isEqualTo("DONE"))
                    .allSatisfy(j -> assertThat(j.startedBy()).contains("accounting method changed"));
            assertThat(method(db)).contains("electricity REGIONAL");
            assertThat(recomputer.latest(10).stream().mapToInt(j -> j.done()).sum())
                    .isEqualTo(results);
            // every demo enterprise is in Guizhou: the regional (南方) 2023 factor over the national one
            assertThat(electricity(db))
                    .isCloseTo(
                            electricityBefore * 0.4042 / 0.5306, org.assertj.core.data.Percentage.withPercentage(1e-6));
            List<String> audit = Tx.run(
                    db,
                    c -> Tx.list(
                            c,
                            "select after::text from audit_log where action = 'method.change'",
                            rs -> rs.getString(1)));
            assertThat(audit).singleElement().asString().contains("electricity REGIONAL");
        }
    }

    static double electricity(Database db) {
        return Tx.run(
                db,
                c -> Tx.one(c, "select sum(electricity_tco2) from account_result", rs -> rs.getDouble(1))
                        .orElseThrow());
    }

    static String method(Database db) {
        return Tx.run(
                db,
                c -> Tx.one(c, "select summary from accounting_method", rs -> rs.getString(1))
                        .orElseThrow());
    }
}
