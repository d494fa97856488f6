package dev.peakline.app.cli;

import dev.peakline.app.server.PeaklineServer;
import dev.peakline.app.server.setup.Startup;
import java.util.concurrent.Callable;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code peakline serve}: the platform server (REST API and web UI) on the embedded PostgreSQL or a given one. */
@Command(
        name = "serve",
        mixinStandardHelpOptions = true,
        description = "Start the Peakline server (web UI and REST API under /api/v1) on the embedded PostgreSQL.")
public final class ServeCommand implements Callable<Integer> {
    @Option(names = "--port", description = "HTTP port (default 8080).")
    int port = 8080;

    @Option(
            names = "--host",
            description = "Address to listen on (default 127.0.0.1, this machine only; 0.0.0.0 for every interface).")
    String host = "127.0.0.1";

    @Option(names = "--data-dir", description = "Where the embedded database keeps its data (default ./data).")
    String dataDir = "./data";

    @Option(names = "--demo", description = "Load the demo province and demo users on first start.")
    boolean demo;

    @Option(names = "--demo-scale", description = "Enterprises per demo profile × this (default 1: about 600).")
    double demoScale = 1;

    @Option(names = "--demo-from-year", description = "First demo year (default 2020).")
    int fromYear = 2020;

    @Option(names = "--demo-to-year", description = "Last demo year (default 2024).")
    int toYear = 2024;

    @Option(names = "--db-url", description = "JDBC URL of a PostgreSQL 14+ to use instead of the embedded one.")
    String dbUrl;

    @Option(names = "--db-user", description = "Database user (with --db-url).")
    String dbUser;

    @Option(
            names = "--db-password",
            description = "Database password (with --db-url); or set PEAKLINE_DB_PASSWORD.",
            defaultValue = "${env:PEAKLINE_DB_PASSWORD}")
    String dbPassword;

    @Option(
            names = "--mqtt-url",
            description =
                    "MQTT broker to take meter readings from, e.g. tcp://127.0.0.1:1883 (default: none, HTTP only).")
    String mqttUrl;

    @Option(
            names = "--mqtt-topic",
            description = "Topic scheme with an {enterprise} level (default peakline/v1/{enterprise}/readings).")
    String mqttTopic;

    @Option(
            names = "--maps-dir",
            description = "Directory of approved map shapes ({region code}.json GeoJSON, 审图号) replacing the shipped"
                    + " illustrative ones region by region (default: the shipped shapes).")
    String mapsDir;

    @Mixin
    MethodOptions method = new MethodOptions();

    /** What the options ask the server for. */
    PeaklineServer.Settings settings() {
        return new PeaklineServer.Settings(
                host,
                port,
                dataDir,
                demo,
                demoScale,
                fromYear,
                toYear,
                dbUrl,
                dbUser,
                dbPassword,
                mqttUrl,
                mqttTopic,
                mapsDir,
                method.options());
    }

    @Override
    public Integer call() {
        if (method.factors != null) {
            System.err.println("--factors is for the command line; the server takes factor sets on its 因子 page"
                    + " (POST /api/v1/factor-sets), where each is activated for a region and audited");
            return 2;
        }
        if (port < 1 || port > 65535) {
            System.err.println("--port must be 1–65535");
            return 2;
        }
        if (demoScale <= 0 || demoScale > 50 || fromYear > toYear || fromYear < 2000 || toYear > 2100) {
            System.err.println("--demo-scale must be in (0, 50] and the demo years ordered within 2000–2100");
            return 2;
        }
        long t0 = System.nanoTime();
        if (dbUrl == null || dbUrl.isBlank()) {
            // the embedded PostgreSQL starts while Spring builds the application context
            dev.peakline.store.Database.prestart(java.nio.file.Path.of(dataDir));
        }
        ConfigurableApplicationContext ctx = PeaklineServer.start(settings());
        String shown = host.equals("0.0.0.0") || host.equals("::") ? "localhost" : host;
        System.out.printf(
                "Peakline is ready at http://%s:%d/ (started in %.1f s)%n",
                shown.contains(":") ? "[" + shown + "]" : shown, port, (System.nanoTime() - t0) / 1e9);
        Startup startup = ctx.getBean(Startup.class);
        startup.takeFirstPassword()
                .ifPresent(pw -> System.out.println("First start: the user 'admin' has the password '" + pw
                        + "' (shown once, never logged; change it after signing in)"));
        startup.demoGatewayToken()
                .ifPresent(t -> System.out.println("Demo gateway token (random for this data directory): " + t
                        + "  — stream with ./peakline gateway --token " + t));
        startup.demoDataCentreToken()
                .ifPresent(t -> System.out.println("Demo data centre GA-01's gateway token: " + t
                        + "  — stream its PUE live with ./peakline gateway --token " + t));
        if (demo) {
            System.out.println("Demo users (password '" + Startup.DEMO_PASSWORD + "', demo only): "
                    + String.join(
                            ", ",
                            Startup.DEMO_USERS.stream()
                                    .map(Startup.DemoUser::username)
                                    .toList()));
        }
        System.out.println(
                "API: http://localhost:" + port + "/swagger-ui.html · health: /actuator/health · Ctrl-C stops");
        Runtime.getRuntime().addShutdownHook(new Thread(ctx::close));
        return Integer.MIN_VALUE;
    }
}
