package dev.peakline.bench;

import dev.peakline.store.Database;
import dev.peakline.store.Tx;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Date;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Locale;

/**
 * The region's data-centre view as the user waits on it, against a peer doing the same aggregation in one statement.
 *
 * <p>{@code http BASE USER PASSWORD REGION N} asks the server for {@code /api/v1/regions/REGION/data-centres} N times
 * (after 3 unmeasured) and prints the median and p90. {@code sql DATA_DIR REGION N} runs, on the same PostgreSQL, the
 * statement that sums every data centre's position energies by month with the count of whole days over the same window
 * (this year, or the trailing twelve months if earlier) (what the view's PUE needs, without the rules, grades, targets and carbon), N times.
 */
public final class DataCentreLoad {
    private DataCentreLoad() {}

    public static void main(String[] args) throws Exception {
        if (args[0].equals("http")) {
            CookieManager cookies = new CookieManager();
            HttpClient client = DashboardLoad.signIn(args[1], args[2], args[3], cookies);
            URI uri = URI.create(args[1] + "/api/v1/regions/" + args[4] + "/data-centres");
            int n = Integer.parseInt(args[5]);
            report("peakline", n, () -> {
                HttpResponse<String> r =
                        client.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() != 200) {
                    throw new IllegalStateException(r.statusCode() + " " + r.body());
                }
                return r.body().length();
            });
        } else {
            String region = args[2];
            int n = Integer.parseInt(args[3]);
            LocalDate today = LocalDate.now(dev.peakline.domain.ChinaTime.ZONE);
            try (Database db = Database.embedded(Path.of(args[1]))) {
                report(
                        "postgresql",
                        n,
                        () -> Tx.run(db, c -> {
                            try (var ps = c.prepareStatement(
                                    "select d.id, date_trunc('month', md.day), dm.position, sum(md.consumption), count(*) filter"
                                            + " (where md.covered_s >= 86400 and md.gap_s = 0) from data_centre d join"
                                            + " enterprise e on e.credit_code = d.enterprise join data_centre_meter dm on"
                                            + " dm.data_centre = d.id join meter m on m.enterprise = d.enterprise and m.code ="
                                            + " dm.meter_code join meter_day md on md.meter_id = m.id and md.day between ? and ?"
                                            + " where e.region like ? group by 1, 2, 3")) {
                                // the view's window: this year, or the 1万 tce rule's trailing twelve months if earlier
                                LocalDate trailing = java.time.YearMonth.from(today)
                                        .minusMonths(12)
                                        .atDay(1);
                                LocalDate jan = LocalDate.of(today.minusDays(1).getYear(), 1, 1);
                                ps.setDate(1, Date.valueOf(trailing.isBefore(jan) ? trailing : jan));
                                ps.setDate(2, Date.valueOf(today.minusDays(1)));
                                ps.setString(3, region.replaceAll("0+$", "") + "%");
                                int rows = 0;
                                try (var rs = ps.executeQuery()) {
                                    while (rs.next()) {
                                        rows++;
                                    }
                                }
                                return rows;
                            }
                        }));
            }
        }
    }

    private static void report(String name, int n, java.util.concurrent.Callable<Integer> call) throws Exception {
        for (int i = 0; i < 3; i++) {
            call.call();
        }
        long[] t = new long[n];
        int size = 0;
        for (int i = 0; i < n; i++) {
            long t0 = System.nanoTime();
            size = call.call();
            t[i] = System.nanoTime() - t0;
        }
        Arrays.sort(t);
        System.out.printf(
                Locale.ROOT,
                "engine=%s requests=%d median_ms=%.2f p90_ms=%.2f size=%d%n",
                name,
                n,
                t[n / 2] / 1e6,
                t[(int) (n * 0.9)] / 1e6,
                size);
    }
}
