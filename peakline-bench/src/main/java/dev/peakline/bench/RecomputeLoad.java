package dev.peakline.bench;

import dev.peakline.store.Database;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The province recompute, and its peer. {@code http BASE USER PASSWORD REGION} asks the running server to recompute the
 * region's current results with the active factor sets and waits for the job: its seconds from start to finish as the
 * server records them (every filing's content read, accounted, its result written and the summaries kept). {@code sql
 * DATA_DIR REGION} does the same join and aggregation as one SQL statement in the same PostgreSQL (the server
 * stopped): each approved filing's activity lines joined to a table of Peakline's own tCO2 and tce per filed unit
 * (carrier, unit, use), summed per filing, and written into the region's results by one UPDATE; rolled back, so that
 * runs can repeat. Each prints {@code path=… results=… seconds=…}.
 */
public final class RecomputeLoad {
    private RecomputeLoad() {}

    public static void main(String[] args) throws Exception {
        switch (args[0]) {
            case "http" -> http(args[1], args[2], args[3], args[4], args.length > 5 ? args[5] : null);
            case "sql" -> sql(Path.of(args[1]), args[2]);
            default -> throw new IllegalArgumentException("http BASE USER PASSWORD REGION | sql DATA_DIR REGION");
        }
    }

    /**
     * One recompute of the region as the admin starts it. With {@code grid} (a factor in tCO₂/MWh), a national grid
     * factor of that value for 2015–2030 is loaded and activated for the region first, so every result with purchased
     * electricity changes and is written; without it, nothing new is active and every result comes out the same.
     */
    static void http(String base, String user, String password, String region, String grid) throws Exception {
        CookieManager cookies = new CookieManager();
        HttpClient client = DashboardLoad.signIn(base, user, password, cookies);
        if (grid != null) {
            String file = "kind,item,qualifier,value,unit,valid_from,valid_to,publication,source_id,confidence,notes\n"
                    + "electricity,CN,average," + grid + ",tCO2/MWh,2015-01-01,2030-12-31,基准测试电网因子 (benchmark),"
                    + "BENCH,MEDIUM,\n";
            String boundary = "peakline-bench-boundary";
            String part =
                    "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"grid.csv\"\r\n"
                            + "Content-Type: text/csv\r\n\r\n" + file + "\r\n--" + boundary + "--\r\n";
            HttpResponse<String> set = client.send(
                    HttpRequest.newBuilder(URI.create(base + "/api/v1/factor-sets?id=bench-grid&publication=bench"))
                            .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                            .header("X-XSRF-TOKEN", DashboardLoad.csrf(cookies))
                            .POST(HttpRequest.BodyPublishers.ofString(part))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            if (set.statusCode() != 201) {
                throw new IllegalStateException("factor set refused: " + set.statusCode() + " " + set.body());
            }
            HttpResponse<String> act = client.send(
                    HttpRequest.newBuilder(URI.create(base + "/api/v1/factor-sets/activations"))
                            .header("Content-Type", "application/json")
                            .header("X-XSRF-TOKEN", DashboardLoad.csrf(cookies))
                            .POST(HttpRequest.BodyPublishers.ofString("{\"region\":\"" + region
                                    + "\",\"activeFrom\":\"2015-01-01\",\"setId\":\"bench-grid\",\"setVersion\":\""
                                    + field(set.body(), "version") + "\"}"))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            if (act.statusCode() != 201) {
                throw new IllegalStateException("activation refused: " + act.statusCode() + " " + act.body());
            }
        }
        long t0 = System.nanoTime();
        HttpResponse<String> job = client.send(
                HttpRequest.newBuilder(URI.create(base + "/api/v1/factor-sets/recompute"))
                        .header("Content-Type", "application/json")
                        .header("X-XSRF-TOKEN", DashboardLoad.csrf(cookies))
                        .POST(HttpRequest.BodyPublishers.ofString("{\"region\":\"" + region + "\"}"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (job.statusCode() / 100 != 2) {
            throw new IllegalStateException("recompute refused: " + job.statusCode() + " " + job.body());
        }
        String id = field(job.body(), "id");
        String body;
        do {
            Thread.sleep(100);
            body = client.send(
                            HttpRequest.newBuilder(URI.create(base + "/api/v1/factor-sets/recompute/" + id))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString())
                    .body();
        } while (field(body, "status").equals("RUNNING"));
        double wall = (System.nanoTime() - t0) / 1e9;
        if (!field(body, "status").equals("DONE")) {
            throw new IllegalStateException("recompute did not finish: " + body);
        }
        double server =
                Duration.between(Instant.parse(field(body, "startedAt")), Instant.parse(field(body, "finishedAt")))
                                .toMillis()
                        / 1e3;
        System.out.printf(
                "path=%s results=%s seconds=%.2f wall_seconds=%.2f outcome=%s%n",
                grid == null ? "peakline_same" : "peakline_changed",
                field(body, "total"),
                server,
                wall,
                field(body, "outcome"));
    }

    /** A top-level field of a flat JSON answer (the job's), as text. */
    static String field(String json, String name) {
        int i = json.indexOf("\"" + name + "\":");
        if (i < 0) {
            return "";
        }
        int v = i + name.length() + 3;
        if (json.charAt(v) == '"') {
            return json.substring(v + 1, json.indexOf('"', v + 1));
        }
        int end = v;
        while (end < json.length() && ",}]".indexOf(json.charAt(end)) < 0) {
            end++;
        }
        return json.substring(v, end);
    }

    static void sql(Path dataDir, String region) throws Exception {
        try (Database db = Database.embedded(dataDir);
                Connection c = db.connection()) {
            c.setAutoCommit(false);
            List<String> keys = new ArrayList<>();
            try (Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("select distinct carrier, unit, use from filing_activity")) {
                while (rs.next()) {
                    keys.add(rs.getString(1) + "," + rs.getString(2) + "," + rs.getString(3));
                }
            }
            try (Statement s = c.createStatement()) {
                s.execute("create temp table peer_factor (carrier text, unit text, use text, co2 float8, tce float8)"
                        + " on commit drop");
            }
            try (PreparedStatement ps = c.prepareStatement("insert into peer_factor values (?, ?, ?, ?, ?)")) {
                for (String row : AccountPeer.factorRows(keys, region.substring(0, 2) + "0100", "3011", "2024-01")) {
                    String[] f = row.split(",");
                    for (int i = 0; i < 3; i++) {
                        ps.setString(i + 1, f[i]);
                    }
                    ps.setDouble(4, Double.parseDouble(f[3]));
                    ps.setDouble(5, Double.parseDouble(f[4]));
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            long t0 = System.nanoTime();
            int n;
            try (PreparedStatement ps = c.prepareStatement("update account_result r set total_tco2 = s.co2,"
                    + " energy_tce = s.tce, computed_at = now() from (select a.filing_id, sum(a.amount::float8 * k.co2)"
                    + " co2, sum(a.amount::float8 * k.tce) tce from filing_activity a join peer_factor k using (carrier,"
                    + " unit, use) join account_result x on x.filing_id = a.filing_id join enterprise e on e.credit_code"
                    + " = x.enterprise join region g on g.code = e.region where e.region = ? or g.parent = ? or"
                    + " g.parent in (select code from region where parent = ?) group by a.filing_id) s"
                    + " where r.filing_id = s.filing_id")) {
                ps.setString(1, region);
                ps.setString(2, region);
                ps.setString(3, region);
                n = ps.executeUpdate();
            }
            double seconds = (System.nanoTime() - t0) / 1e9;
            c.rollback();
            System.out.printf("path=sql results=%d seconds=%.2f%n", n, seconds);
        }
    }
}
