package dev.peakline.bench;

import dev.peakline.reference.ReferenceLibrary;
import dev.peakline.reference.Region;
import dev.peakline.reference.Registry;
import dev.peakline.store.Database;
import dev.peakline.store.ledger.AccountResults;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The province dashboard under concurrent clients. {@code http BASE USER PASSWORD REGION YEAR CLIENTS SECONDS} signs in
 * and has CLIENTS threads request {@code /api/v1/regions/REGION/dashboard?year=YEAR} back to back;
 * {@code sql DATA_DIR REGION YEAR CLIENTS SECONDS} runs the dashboard's two main queries (the region × industry ×
 * month cube and the top emitters) straight on the same PostgreSQL as the peer. Prints one line of key=value figures:
 * requests, throughput, p50 and p99 latency; the first 20% of the time is warm-up and not counted.
 */
public final class DashboardLoad {
    private DashboardLoad() {}

    public static void main(String[] args) throws Exception {
        if (args[0].equals("http")) {
            http(args[1], args[2], args[3], args[4], args[5], Integer.parseInt(args[6]), Integer.parseInt(args[7]));
        } else if (args[0].equals("fresh")) {
            fresh(args[1], args[2], args[3], args[4], args[5]);
        } else if (args[0].equals("fresh-sql")) {
            freshSql(Path.of(args[1]), args[2]);
        } else {
            sql(
                    Path.of(args[1]),
                    args[2],
                    Integer.parseInt(args[3]),
                    Integer.parseInt(args[4]),
                    Integer.parseInt(args[5]));
        }
    }

    static void http(String base, String user, String password, String region, String year, int clients, int seconds)
            throws Exception {
        CookieManager cookies = new CookieManager();
        HttpClient client = signIn(base, user, password, cookies);
        URI uri = URI.create(base + "/api/v1/regions/" + region + "/dashboard?year=" + year);
        run("http", clients, seconds, () -> {
            HttpResponse<String> r =
                    client.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200) {
                throw new IllegalStateException(r.statusCode() + " " + r.body());
            }
            return r.body().length();
        });
    }

    /** The spans a view is timed for when nothing has asked for them yet: every month of 2020–2024. */
    static List<int[]> spans() {
        List<int[]> out = new ArrayList<>();
        for (int y = 2020; y <= 2024; y++) {
            for (int m = 1; m <= 12; m++) {
                out.add(new int[] {y, m});
            }
        }
        return out;
    }

    /**
     * The view of {@code region} computed from the database, one client: after a warm-up on every span of
     * {@code warmRegion} (the same code and queries, other keys), each month of 2020–2024 is asked once, so the cache
     * holds none of them. Prints each time's median and 90th percentile.
     */
    static void fresh(String base, String user, String password, String region, String warmRegion) throws Exception {
        CookieManager cookies = new CookieManager();
        HttpClient client = signIn(base, user, password, cookies);
        for (int[] s : spans()) {
            view(client, base, warmRegion, s);
        }
        long[] t = new long[spans().size()];
        int i = 0;
        for (int[] s : spans()) {
            long t0 = System.nanoTime();
            view(client, base, region, s);
            t[i++] = System.nanoTime() - t0;
        }
        report("peakline_fresh", t);
    }

    private static void view(HttpClient client, String base, String region, int[] span) throws Exception {
        HttpResponse<String> r = client.send(
                HttpRequest.newBuilder(URI.create(base + "/api/v1/regions/" + region + "/dashboard?year=" + span[0]
                                + "&month=" + span[1]))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IllegalStateException(r.statusCode() + " " + r.body());
        }
    }

    /** The peer: per span, the view's two main queries (the year's cube, the month's largest emitters) in PostgreSQL. */
    static void freshSql(Path dataDir, String region) throws Exception {
        List<String> subtree = subtree(region);
        try (Database db = Database.embedded(dataDir)) {
            AccountResults results = new AccountResults(db, java.time.Clock.systemUTC());
            for (int[] s : spans()) {
                results.cube(subtree, s[0]);
                results.enterprises(subtree, java.time.YearMonth.of(s[0], s[1]).toString(), "", 10);
            }
            long[] t = new long[spans().size()];
            int i = 0;
            for (int[] s : spans()) {
                long t0 = System.nanoTime();
                results.cube(subtree, s[0]);
                results.enterprises(subtree, java.time.YearMonth.of(s[0], s[1]).toString(), "", 10);
                t[i++] = System.nanoTime() - t0;
            }
            report("postgresql_fresh", t);
        }
    }

    private static void report(String name, long[] t) {
        long[] sorted = t.clone();
        Arrays.sort(sorted);
        System.out.printf(
                Locale.ROOT,
                "engine=%s views=%d p50_ms=%.1f p90_ms=%.1f%n",
                name,
                sorted.length,
                sorted[sorted.length / 2] / 1e6,
                sorted[(int) (sorted.length * 0.9)] / 1e6);
    }

    private static List<String> subtree(String region) {
        Registry registry = ReferenceLibrary.shipped().registry();
        List<String> subtree = new ArrayList<>();
        for (Region r : registry.regions().values()) {
            if (registry.lineage(r.code()).stream()
                    .anyMatch(x -> x.code().value().equals(region))) {
                subtree.add(r.code().value());
            }
        }
        return subtree;
    }

    /**
     * A client signed in to the server as {@code user}, its cookies in {@code cookies}, the XSRF cookie refreshed after
     * the login rotated it (for the benchmarks that also post).
     */
    static HttpClient signIn(String base, String user, String password, CookieManager cookies) throws Exception {
        HttpClient client = HttpClient.newBuilder().cookieHandler(cookies).build();
        client.send(
                HttpRequest.newBuilder(URI.create(base + "/actuator/health")).build(),
                HttpResponse.BodyHandlers.discarding());
        HttpResponse<String> login = client.send(
                HttpRequest.newBuilder(URI.create(base + "/login"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .header("X-XSRF-TOKEN", csrf(cookies))
                        .POST(HttpRequest.BodyPublishers.ofString("username=" + user + "&password=" + password))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (login.statusCode() != 200) {
            throw new IllegalStateException("login failed: " + login.body());
        }
        client.send(
                HttpRequest.newBuilder(URI.create(base + "/api/v1/me")).build(),
                HttpResponse.BodyHandlers.discarding());
        return client;
    }

    static String csrf(CookieManager cookies) {
        return cookies.getCookieStore().getCookies().stream()
                .filter(c -> c.getName().equals("XSRF-TOKEN"))
                .map(HttpCookie::getValue)
                .findFirst()
                .orElse("");
    }

    static void sql(Path dataDir, String region, int year, int clients, int seconds) throws Exception {
        List<String> subtree = subtree(region);
        try (Database db = Database.embedded(dataDir)) {
            AccountResults results = new AccountResults(db, java.time.Clock.systemUTC());
            run(
                    "postgresql",
                    clients,
                    seconds,
                    () -> results.cube(subtree, year).size()
                            + results.enterprises(subtree, String.valueOf(year), "", 10)
                                    .size());
        }
    }

    private static void run(String name, int clients, int seconds, Callable<Integer> request) throws Exception {
        long start = System.nanoTime();
        long warm = start + seconds * 200_000_000L;
        long end = start + seconds * 1_000_000_000L;
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        List<Future<long[]>> futures = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            futures.add(pool.submit(() -> {
                long[] lat = new long[1 << 16];
                int n = 0;
                while (true) {
                    long t0 = System.nanoTime();
                    if (t0 >= end) {
                        break;
                    }
                    request.call();
                    long t1 = System.nanoTime();
                    if (t0 >= warm) {
                        if (n == lat.length) {
                            lat = Arrays.copyOf(lat, n * 2);
                        }
                        lat[n++] = t1 - t0;
                    }
                }
                return Arrays.copyOf(lat, n);
            }));
        }
        List<Long> all = new ArrayList<>();
        for (Future<long[]> f : futures) {
            for (long l : f.get()) {
                all.add(l);
            }
        }
        pool.shutdown();
        long[] sorted = all.stream().mapToLong(Long::longValue).sorted().toArray();
        double window = (end - warm) / 1e9;
        System.out.printf(
                Locale.ROOT,
                "engine=%s clients=%d requests=%d throughput_per_s=%.1f p50_ms=%.1f p99_ms=%.1f%n",
                name,
                clients,
                sorted.length,
                sorted.length / window,
                sorted[sorted.length / 2] / 1e6,
                sorted[(int) (sorted.length * 0.99)] / 1e6);
    }
}
