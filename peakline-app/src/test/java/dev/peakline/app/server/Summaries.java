package dev.peakline.app.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.peakline.store.Database;
import dev.peakline.store.Tx;

/**
 * The dashboard's summaries (account_cube, account_year, kept by triggers) against the same sums grouped afresh from
 * the current results: the same cells and enterprise-years, the same counts, the same sums (to 1e-12 relative: PostgreSQL
 * may add the same numbers in another order).
 */
final class Summaries {
    private Summaries() {}

    static void assertEqualToTheResults(Database db) {
        long cells = count(db, "select count(*) from account_cube");
        long mismatched = count(
                db,
                "with fresh as (select region, industry, period, sum(combustion_tco2) c, sum(process_tco2) p,"
                        + " sum(electricity_tco2) e, sum(heat_tco2) h, sum(energy_tce) t,"
                        + " coalesce(sum(value_added), 0) v, count(*) n from account_result where current"
                        + " group by region, industry, period)"
                        + " select count(*) from fresh f full join account_cube k using (region, industry, period)"
                        + " where k.period is null or f.period is null or k.results <> f.n"
                        + " or abs(k.combustion - f.c) > 1e-12 * greatest(1, abs(f.c))"
                        + " or abs(k.process - f.p) > 1e-12 * greatest(1, abs(f.p))"
                        + " or abs(k.electricity - f.e) > 1e-12 * greatest(1, abs(f.e))"
                        + " or abs(k.heat - f.h) > 1e-12 * greatest(1, abs(f.h))"
                        + " or abs(k.energy - f.t) > 1e-12 * greatest(1, abs(f.t))"
                        + " or abs(k.value_added - f.v) > 1e-12 * greatest(1, abs(f.v))");
        long years = count(
                db,
                "with fresh as (select enterprise, left(period, 4) y, region, industry, sum(total_tco2) t,"
                        + " sum(energy_tce) g, count(*) n from account_result where current"
                        + " group by enterprise, left(period, 4), region, industry)"
                        + " select count(*) from fresh f full join account_year k on k.enterprise = f.enterprise and"
                        + " k.year = f.y and k.region = f.region and k.industry = f.industry"
                        + " where k.year is null or f.y is null or k.months <> f.n"
                        + " or abs(k.total - f.t) > 1e-12 * greatest(1, abs(f.t))"
                        + " or abs(k.energy - f.g) > 1e-12 * greatest(1, abs(f.g))");
        assertThat(cells).isPositive();
        assertThat(mismatched)
                .as("cube cells that differ from the results' sums")
                .isZero();
        assertThat(years)
                .as("enterprise-years that differ from the results' sums")
                .isZero();
        assertThat(count(db, "select count(*) from account_dirty"))
                .as("keys left to refresh")
                .isZero();
    }

    private static long count(Database db, String sql) {
        return Tx.run(db, c -> {
            try (var ps = c.prepareStatement(sql);
                    var rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }
}
