package dev.peakline.app.server.factors;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.peakline.accounting.AccountingOptions;
import dev.peakline.store.AuditLog;
import dev.peakline.store.Database;
import dev.peakline.store.Tx;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Keeps every current result on the method the server accounts with. The method ({@link AccountingOptions#summary()})
 * is stored; a server started with another one (say {@code --electricity REGIONAL} after the national default) records
 * the change in the audit log and recomputes every current result, province by province, as a recomputation job. Runs
 * before the demo loads, so a fresh database simply takes the method it starts with.
 */
@Component
@Order(0)
public class MethodGuard implements ApplicationRunner {
    private static final Logger LOG = LoggerFactory.getLogger(MethodGuard.class);
    static final String ACTOR = "system (accounting method changed)";

    private final Database db;
    private final AccountingOptions options;
    private final Recomputer recomputer;
    private final Clock clock;

    public MethodGuard(Database db, AccountingOptions options, Recomputer recomputer, Clock clock) {
        this.db = db;
        this.options = options;
        this.recomputer = recomputer;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        String now = options.summary();
        List<String> provinces = Tx.run(db, c -> {
            Optional<String> stored =
                    Tx.one(c, "select summary from accounting_method where id = 1", rs -> rs.getString(1));
            boolean anyResult =
                    Tx.one(c, "select 1 from account_result limit 1", rs -> 1).isPresent();
            // results from before the method was stored were computed with the defaults
            String before =
                    stored.orElse(anyResult ? AccountingOptions.defaults().summary() : now);
            Timestamp at = Timestamp.from(clock.instant());
            if (stored.isEmpty() || !before.equals(now)) {
                try (var ps = Tx.prepare(
                        c,
                        "insert into accounting_method (id, summary, changed_at) values (1, ?, ?)"
                                + " on conflict (id) do update set summary = excluded.summary,"
                                + " changed_at = excluded.changed_at",
                        now,
                        at)) {
                    ps.executeUpdate();
                }
            }
            if (before.equals(now)) {
                return List.of();
            }
            AuditLog.record(
                    c, clock.instant(), "system", "method.change", "accounting_method", "1", json(before), json(now));
            return Tx.list(
                    c,
                    "select distinct substr(e.region, 1, 2) || '0000' from account_result r"
                            + " join enterprise e on e.credit_code = r.enterprise order by 1",
                    rs -> rs.getString(1));
        });
        for (String province : provinces) {
            LOG.info("accounting method changed ({}); recomputing the results of {}", now, province);
            recomputer.start(ACTOR, province);
        }
    }

    private static String json(String summary) {
        try {
            return new ObjectMapper().writeValueAsString(Map.of("summary", summary));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
