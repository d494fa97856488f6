package dev.peakline.store.setup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.peakline.accounting.AccountingEngine;
import dev.peakline.accounting.AccountingOptions;
import dev.peakline.accounting.EnterpriseMonth;
import dev.peakline.demo.DemoProvince;
import dev.peakline.reference.ReferenceLibrary;
import dev.peakline.store.Database;
import dev.peakline.store.Tx;
import dev.peakline.store.filing.FilingContents;
import dev.peakline.store.filing.FilingRepository;
import dev.peakline.store.ledger.AccountResults;
import dev.peakline.store.registry.EnterpriseRepository;
import dev.peakline.store.registry.RegistryRepository;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The demo province loads through COPY and round-trips: stored lines account to the stored results. */
class DemoLoaderIT {
    @TempDir
    static Path dataDir;

    static Database db;
    static DemoLoader.Loaded loaded;
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-05T02:00:00Z"), ZoneOffset.UTC);
    static final ReferenceLibrary LIBRARY = ReferenceLibrary.shipped();

    @BeforeAll
    static void start() {
        db = Database.embedded(dataDir);
        RegistryRepository.load(db, LIBRARY.registry());
        loaded = DemoLoader.load(
                db, new DemoProvince(7, 0.05, 2023, 2024), LIBRARY, AccountingOptions.defaults(), CLOCK);
    }

    @AfterAll
    static void stop() {
        db.close();
    }

    @Test
    void aRecomputationsResultsLandTogetherWhenItCommitsAndNotAtAllOtherwise() {
        AccountResults results = new AccountResults(db, CLOCK);
        List<String> regions = List.of("520181", "520326", "520303");
        List<AccountResults.Row> before = results.inRegions(regions, "2023");
        assertThat(before).hasSizeGreaterThan(10);
        // electricity emissions doubled (exactly: ×2 of a double), under another factor set's name
        List<AccountResults.Row> doubled = before.stream()
                .map(r -> new AccountResults.Row(
                        r.filingId(),
                        r.enterprise(),
                        r.region(),
                        r.industry(),
                        r.period(),
                        r.combustion(),
                        r.process(),
                        r.electricity() * 2,
                        r.heat(),
                        r.energy(),
                        r.feedstockEnergy(),
                        r.valueAdded(),
                        "test-set 1"))
                .toList();
        int n = doubled.size();
        // staged in two chunks and abandoned: nothing changed
        try (AccountResults.Recomputed out = results.recomputed("test")) {
            out.add(doubled.subList(0, 5));
            out.add(doubled.subList(5, n));
        }
        assertThat(results.inRegions(regions, "2023")).containsExactlyInAnyOrderElementsOf(before);
        // staged and committed: another connection sees nothing until the commit, then every result at once
        try (AccountResults.Recomputed out = results.recomputed("test")) {
            out.add(doubled.subList(0, 5));
            out.add(doubled.subList(5, n));
            assertThat(results.inRegions(regions, "2023")).containsExactlyInAnyOrderElementsOf(before);
            assertThat(out.commit()).isEqualTo(n);
        }
        assertThat(results.inRegions(regions, "2023")).containsExactlyInAnyOrderElementsOf(doubled);
        String audit = Tx.run(db, c -> {
            try (var st = c.createStatement();
                    var rs = st.executeQuery(
                            "select after from audit_log where action = 'results.recompute' order by id desc"
                                    + " limit 1")) {
                rs.next();
                return rs.getString(1);
            }
        });
        assertThat(audit).contains("\"results\": " + n);
        // what is the same to the bit is not written again; a figure or the sets' name alone differing is
        AccountResults.Row r0 = before.get(0);
        assertThat(AccountResults.sameFigures(r0, r0)).isTrue();
        assertThat(AccountResults.sameFigures(r0, doubled.get(0))).isFalse();
        assertThat(AccountResults.sameFigures(null, r0)).isFalse();
        // put back as it was
        try (AccountResults.Recomputed out = results.recomputed("test")) {
            out.add(before);
            out.commit();
        }
        assertThat(results.inRegions(regions, "2023")).containsExactlyInAnyOrderElementsOf(before);
    }

    @Test
    void everyGeneratedMonthIsAnApprovedFilingWithItsResult() {
        int filings = Tx.run(db, c -> Tx.count(c, "filing"));
        int results = Tx.run(db, c -> Tx.count(c, "account_result"));
        assertThat(loaded.enterprises()).isPositive();
        assertThat(filings).isEqualTo(loaded.filings());
        assertThat(results).isEqualTo(loaded.filings());
        // two years of twelve months per enterprise, minus the few months the generator leaves out on purpose
        assertThat(loaded.filings())
                .isBetween(loaded.enterprises() * 24 - loaded.enterprises(), loaded.enterprises() * 24);
        assertThat(loaded.factorSets()).contains("peakline-reference");
    }

    @Test
    void storedLinesAccountToTheStoredResults() {
        // read one enterprise's stored filings back, account them again, and compare with what was stored
        var first = new AccountResults(db, CLOCK)
                .inRegions(List.of("520181", "520326", "520303"), "2024")
                .get(0);
        FilingRepository filings = new FilingRepository(db, CLOCK);
        var f = filings.find(first.filingId()).orElseThrow();
        var e = new EnterpriseRepository(db, CLOCK).find(f.enterprise()).orElseThrow();
        var input = FilingContents.input(
                "again",
                List.of(new FilingContents.Entry(
                        e.code(), e.region(), e.industry(), f.period(), filings.content(f.id()))));
        AccountingEngine.Run run = new AccountingEngine(LIBRARY, AccountingOptions.defaults()).account(input);
        assertThat(run.problems()).isEmpty();
        EnterpriseMonth m = run.result().months().get(0);
        assertThat(m.total()).isCloseTo(first.total(), within(1e-9 * Math.max(1, first.total())));
        assertThat(m.energy()).isCloseTo(first.energy(), within(1e-9 * Math.max(1, first.energy())));
        assertThat(first.total()).isPositive();
    }

    @Test
    void theCubeSumsWhatTheRowsHold() {
        var rows = new AccountResults(db, CLOCK)
                .inRegions(
                        LIBRARY.registry().regions().keySet().stream()
                                .map(r -> r.value())
                                .toList(),
                        "2024");
        var cube = new AccountResults(db, CLOCK)
                .cube(
                        LIBRARY.registry().regions().keySet().stream()
                                .map(r -> r.value())
                                .toList(),
                        2024);
        double fromRows = rows.stream().mapToDouble(AccountResults.Row::total).sum();
        double fromCube = cube.stream().mapToDouble(AccountResults.Cell::total).sum();
        assertThat(fromCube).isCloseTo(fromRows, within(1e-6 * fromRows));
        assertThat(cube.stream().mapToInt(AccountResults.Cell::filed).sum()).isEqualTo(rows.size());
    }

    @Test
    void loadsOnlyIntoAnEmptyDatabase() {
        assertThatThrownBy(() -> DemoLoader.load(
                        db, new DemoProvince(7, 0.05, 2023, 2024), LIBRARY, AccountingOptions.defaults(), CLOCK))
                .hasMessageContaining("already holds enterprises");
    }
}
