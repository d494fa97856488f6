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
     * only, and migrates it. The data survives a restart.
     */
    public static Database embedded(Path dataDir) {
        try {
            Path pg = dataDir.resolve("postgres");
            Files.createDirectories(pg);
            EmbeddedPostgres server = EmbeddedPostgres.builder()
                    .setDataDirectory(pg)
                    .setCleanDataDirectory(false)
                    .setServerConfig("listen_addresses", "127.0.0.1")
                    .start();
            String url = server.getJdbcUrl("postgres", "postgres");
            return new Database(server, url, "postgres", "postgres");
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "cannot start the embedded PostgreSQL in " + dataDir + ": " + e.getMessage(), e);
        }
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
