package dev.peakline.store.registry;

import dev.peakline.reference.Industry;
import dev.peakline.reference.Region;
import dev.peakline.reference.Registry;
import dev.peakline.store.Database;
import dev.peakline.store.Tx;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.List;

/** Regions (GB/T 2260) and industries (GB/T 4754-2017) from the shipped registry into the database. */
public final class RegistryRepository {
    private RegistryRepository() {}

    /**
     * Inserts every region and industry that is missing, parents first; returns how many rows were added. A database
     * that already holds as many as the registry (every start after the first) is left alone without sending them.
     */
    public static int load(Database db, Registry registry) {
        return Tx.run(db, c -> {
            if (Tx.count(c, "region") >= registry.regions().size()
                    && Tx.count(c, "industry") >= registry.industries().size()) {
                return 0;
            }
            int added = 0;
            try (PreparedStatement ps = c.prepareStatement(
                    "insert into region (code, name, level, parent) values (?, ?, ?, ?) on conflict do nothing")) {
                List<Region> regions = new ArrayList<>(registry.regions().values());
                regions.sort(
                        (a, b) -> Integer.compare(a.level().ordinal(), b.level().ordinal()));
                for (Region r : regions) {
                    ps.setString(1, r.code().value());
                    ps.setString(2, r.name());
                    ps.setString(3, r.level().name());
                    ps.setString(4, r.parent() == null ? null : r.parent().value());
                    ps.addBatch();
                }
                for (int n : ps.executeBatch()) {
                    added += Math.max(n, 0);
                }
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "insert into industry (code, name, level, parent) values (?, ?, ?, ?) on conflict do nothing")) {
                List<Industry> industries =
                        new ArrayList<>(registry.industries().values());
                industries.sort((a, b) -> Integer.compare(depth(registry, a), depth(registry, b)));
                for (Industry i : industries) {
                    ps.setString(1, i.code().value());
                    ps.setString(2, i.name());
                    ps.setString(3, i.level());
                    ps.setString(4, i.parent() == null ? null : i.parent().value());
                    ps.addBatch();
                }
                for (int n : ps.executeBatch()) {
                    added += Math.max(n, 0);
                }
            }
            return added;
        });
    }

    private static int depth(Registry registry, Industry i) {
        return registry.lineage(i.code()).size();
    }
}
