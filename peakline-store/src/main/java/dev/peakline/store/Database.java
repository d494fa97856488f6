package dev.peakline.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/**
 * Peakline's PostgreSQL: either an embedded server started from the jar with its data under a directory (the default
 * run; nothing to install), or any PostgreSQL 14+ by URL (production). Either way the schema is brought up to date by
 * the Flyway migrations in {@code db/migration} when the database is opened.
 */
public final class Database implements AutoCloseable {
    private final EmbeddedPostgres embedded;
    private final HikariDataSource pool;
    private final String url;
    /** Objects created on demand and known to exist (e.g. the monthly partitions of {@code reading}), by name. */
    private final java.util.Set<String> created = java.util.concurrent.ConcurrentHashMap.newKeySet();

    /**
     * The names of database objects that features create on demand (partitions) and already know to exist, so that
     * each is created once per process; the set is shared and thread-safe.
     */
    public java.util.Set<String> created() {
        return created;
    }

    private Database(EmbeddedPostgres embedded, String url, String user, String password) {
        this.embedded = embedded;
        this.url = url;
        HikariConfig c = new HikariConfig();
        c.setJdbcUrl(url);
        c.setUsername(user);
        c.setPassword(password);
        c.setMaximumPoolSize(8);
        c.setPoolName("peakline");
        this.pool = new HikariDataSource(c);
        Flyway.configure()
                .dataSource(pool)
                .locations("classpath:db/migration")
                .load()
                .migrate();
    }

    /**
     * Starts (or restarts) the embedded PostgreSQL whose data lives in {@code dataDir/postgres}, listening on loopback
     * only, durable (fsync, full-page writes and synchronous commit on: the library's defaults are off, which trade a
     * crash's data for speed) and with password authentication (SCRAM-SHA-256) for every connection, so that another
     * local user cannot connect to it. The password is random, made at the first start and kept in
     * {@code dataDir/postgres.password} readable by its owner only. The data survives a restart.
     */
    /** Embedded servers being started ahead of time, by their data directory. */
    private static final java.util.Map<Path, java.util.concurrent.CompletableFuture<Database>> STARTING =
            new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * Starts the embedded server of a data directory on a thread of its own, so that it is up by the time
     * {@link #embedded(Path)} asks for it (the server command calls this before the application context starts: the two
     * overlap). A failure is reported by {@code embedded}, as if it had started the server itself.
     */
    public static void prestart(Path dataDir) {
        Path key = dataDir.toAbsolutePath().normalize();
        STARTING.computeIfAbsent(key, k -> {
            java.util.concurrent.CompletableFuture<Database> f = new java.util.concurrent.CompletableFuture<>();
            Thread t = new Thread(
                    () -> {
                        try {
                            f.complete(start(k));
                        } catch (RuntimeException e) {
                            f.completeExceptionally(e);
                        }
                    },
                    "peakline-postgres-start");
            t.setDaemon(true);
            t.start();
            return f;
        });
    }

    public static Database embedded(Path dataDir) {
        java.util.concurrent.CompletableFuture<Database> early =
                STARTING.remove(dataDir.toAbsolutePath().normalize());
        if (early != null) {
            try {
                return early.join();
            } catch (java.util.concurrent.CompletionException e) {
                if (e.getCause() instanceof RuntimeException r) {
                    throw r;
                }
                throw e;
            }
        }
        return start(dataDir);
    }

    private static Database start(Path dataDir) {
        try {
            Path pg = dataDir.resolve("postgres");
            Files.createDirectories(pg);
            stopOrphan(pg);
            String password = password(dataDir.resolve("postgres.password"));
            EmbeddedPostgres server = EmbeddedPostgres.builder()
                    .setDataDirectory(pg)
                    .setCleanDataDirectory(false)
                    .setServerConfig("listen_addresses", "127.0.0.1")
                    .setServerConfig("fsync", "on")
                    .setServerConfig("full_page_writes", "on")
                    .setServerConfig("synchronous_commit", "on")
                    .setServerConfig("password_encryption", "scram-sha-256")
                    // the library checks the server with this password once authentication is on
                    .setConnectConfig("password", password)
                    .start();
            requirePassword(server, pg, password);
            String url = server.getJdbcUrl("postgres", "postgres");
            return new Database(server, url, "postgres", password);
        } catch (IOException | SQLException e) {
            throw new UncheckedIOException(
                    "cannot start the embedded PostgreSQL in " + dataDir + ": " + e.getMessage(),
                    e instanceof IOException io ? io : new IOException(e));
        }
    }

    /** The embedded server's password: read from its file, or made (256 random bits) and written owner-only. */
    private static String password(Path file) throws IOException {
        if (Files.exists(file)) {
            return Files.readString(file).strip();
        }
        byte[] b = new byte[32];
        new java.security.SecureRandom().nextBytes(b);
        String p = java.util.HexFormat.of().formatHex(b);
        Files.writeString(file, p + "\n");
        try {
            Files.setPosixFilePermissions(file, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system: its own access rules apply
        }
        return p;
    }

    /**
     * The first start after initdb (which trusts every local connection) sets the superuser's password and replaces
     * pg_hba.conf with password authentication for every connection; later starts find both in place.
     */
    private static void requirePassword(EmbeddedPostgres server, Path pg, String password)
            throws IOException, SQLException {
        String hba = "# written by Peakline: every connection authenticates with a password\n"
                + "local all all scram-sha-256\n"
                + "host all all 127.0.0.1/32 scram-sha-256\n"
                + "host all all ::1/128 scram-sha-256\n";
        Path file = pg.resolve("pg_hba.conf");
        if (Files.exists(file) && Files.readString(file).equals(hba)) {
            return;
        }
        try (Connection c = server.getPostgresDatabase().getConnection();
                Statement st = c.createStatement()) {
            st.execute("alter role postgres password '" + password + "'");
            Files.writeString(file, hba);
            st.execute("select pg_reload_conf()");
        }
    }

    /**
     * A server left running by a Peakline that was killed (SIGKILL, power cut of the JVM only) still holds the data
     * directory; it is asked to shut down (SIGTERM, a smart shutdown: its clients are gone) before a new one starts.
     */
    private static void stopOrphan(Path pg) throws IOException {
        Path pidFile = pg.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return;
        }
        long pid;
        try {
            pid = Long.parseLong(Files.readAllLines(pidFile).get(0).strip());
        } catch (RuntimeException e) {
            return;
        }
        var process = ProcessHandle.of(pid)
                .filter(ProcessHandle::isAlive)
                .filter(p -> p.info().command().orElse("").contains("postgres"));
        if (process.isEmpty()) {
            return;
        }
        process.get().destroy();
        try {
            process.get().onExit().get(60, java.util.concurrent.TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            process.get().destroyForcibly();
        }
    }

    /**
     * The embedded database of a data directory for a command run beside the server: when a server already runs on the
     * directory, a connection to it (the port from its {@code postmaster.pid}, the directory's password); else the
     * embedded server started as {@link #embedded(Path)} does.
     */
    public static Database shared(Path dataDir) {
        Path pidFile = dataDir.resolve("postgres").resolve("postmaster.pid");
        try {
            if (Files.exists(pidFile)) {
                java.util.List<String> lines = Files.readAllLines(pidFile);
                long pid = Long.parseLong(lines.get(0).strip());
                if (lines.size() > 3
                        && ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
                    int port = Integer.parseInt(lines.get(3).strip());
                    String password = password(dataDir.resolve("postgres.password"));
                    return connect("jdbc:postgresql://127.0.0.1:" + port + "/postgres", "postgres", password);
                }
            }
        } catch (IOException | RuntimeException e) {
            // not a running server's file: start our own below
        }
        return embedded(dataDir);
    }

    /** Connects to an external PostgreSQL 14+ and migrates it. */
    public static Database connect(String url, String user, String password) {
        return new Database(null, url, user, password);
    }

    public DataSource dataSource() {
        return pool;
    }

    public String url() {
        return url;
    }

    public Connection connection() throws SQLException {
        return pool.getConnection();
    }

    @Override
    public void close() {
        pool.close();
        if (embedded != null) {
            try {
                embedded.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
