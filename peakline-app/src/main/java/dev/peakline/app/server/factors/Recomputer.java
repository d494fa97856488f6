package dev.peakline.app.server.factors;

import dev.peakline.accounting.AccountingEngine;
import dev.peakline.accounting.EnterpriseMonth;
import dev.peakline.app.server.ledger.AccountsChanged;
import dev.peakline.app.server.ledger.Ledger;
import dev.peakline.app.server.security.Scopes;
import dev.peakline.domain.IndustryCode;
import dev.peakline.domain.RegionCode;
import dev.peakline.store.Database;
import dev.peakline.store.factors.FactorSetRepository;
import dev.peakline.store.factors.RecomputeJobs;
import dev.peakline.store.factors.RecomputeJobs.Job;
import dev.peakline.store.filing.FilingContents;
import dev.peakline.store.filing.FilingRepository;
import dev.peakline.store.filing.FilingRepository.Content;
import dev.peakline.store.ledger.AccountResults;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Recomputes the current results of a region's subtree after its factor set changed: each month with the set its region
 * now has active, in chunks through the batch engine, each chunk in one transaction. The job and its progress are kept
 * in the database after every chunk; a job that a crash or kill cut off is found at the next start, reported
 * INTERRUPTED (with how far it got) and resumed as a new job over the whole region, so that no region stays on two
 * factor sets. Recomputing is idempotent: each result is recomputed from its filing with the set active for it.
 */
@Component
public class Recomputer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Recomputer.class);
    /** Results per chunk (one transaction each); property {@code peakline.recompute.chunk} for tests. */
    static final int CHUNK = Integer.getInteger("peakline.recompute.chunk", 5_000);

    private final Scopes scopes;
    private final Ledger ledger;
    private final FactorSetRepository sets;
    private final FilingRepository filings;
    private final Clock clock;
    private final ExecutorService pool = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "peakline-recompute");
        t.setDaemon(true);
        return t;
    });
    private final RecomputeJobs jobs;
    /** Jobs this server started (a job started before the application is ready is running, not interrupted). */
    private final java.util.Set<Long> startedHere = java.util.concurrent.ConcurrentHashMap.newKeySet();

    private final ApplicationEventPublisher events;
    private final Database db;
    private final AccountResults accountResults;

    public Recomputer(
            Scopes scopes,
            Ledger ledger,
            FactorSetRepository sets,
            FilingRepository filings,
            Clock clock,
            ApplicationEventPublisher events,
            Database db,
            AccountResults accountResults,
            RecomputeJobs jobs) {
        this.jobs = jobs;
        this.events = events;
        this.db = db;
        this.accountResults = accountResults;
        this.scopes = scopes;
        this.ledger = ledger;
        this.sets = sets;
        this.filings = filings;
        this.clock = clock;
    }

    public Job start(String actor, String region) {
        Job job = jobs.start(actor, region);
        startedHere.add(job.id());
        pool.submit(() -> run(job.id(), actor, region));
        return job;
    }

    public java.util.Optional<Job> job(long id) {
        return jobs.find(id);
    }

    public List<Job> latest(int limit) {
        return jobs.latest(limit);
    }

    /**
     * Jobs a previous server left RUNNING were cut off: each is reported INTERRUPTED with how far it got and resumed as
     * a new job over its whole region. Runs once the application is ready, before anyone can start a job.
     */
    @EventListener(ApplicationReadyEvent.class)
    public void resumeInterrupted() {
        for (Job j : jobs.interrupted()) {
            if (startedHere.contains(j.id())) {
                continue;
            }
            Job resumed = start("system (resuming job " + j.id() + " of " + j.startedBy() + ")", j.region());
            jobs.finish(
                    j.id(),
                    "INTERRUPTED",
                    "the server stopped after " + j.done() + " of " + j.total() + " results; resumed as job "
                            + resumed.id());
            LOG.warn(
                    "recomputation {} of {} was interrupted at {}/{}; resumed as job {}",
                    j.id(),
                    j.region(),
                    j.done(),
                    j.total(),
                    resumed.id());
        }
    }

    private void run(long id, String actor, String region) {
        long t0 = System.nanoTime();
        int total = 0;
        try {
            List<AccountResults.Row> rows = accountResults.currentIn(scopes.subtree(region));
            total = rows.size();
            jobs.progress(id, total, 0);
            var activations = sets.activations();
            Tally tally = new Tally(region, scopes);
            long reading = 0;
            long accounting = 0;
            long[] writing = {0};
            int[] written = {0};
            int[] unchanged = {0};
            int all = total;
            // a chunk's results are written (in the database's own process) while the next chunk is read and accounted
            java.util.concurrent.ExecutorService writer = Executors.newSingleThreadExecutor(r -> {
                Thread t = new Thread(r, "peakline-recompute-writer");
                t.setDaemon(true);
                return t;
            });
            java.util.concurrent.Future<?> pending = null;
            try (AccountResults.Recomputed out = accountResults.recomputed(actor)) {
                for (int from = 0; from < rows.size(); from += CHUNK) {
                    List<AccountResults.Row> chunk = rows.subList(from, Math.min(rows.size(), from + CHUNK));
                    long t1 = System.nanoTime();
                    Map<Long, Content> contents = filings.contents(
                            chunk.stream().map(AccountResults.Row::filingId).toList());
                    long t2 = System.nanoTime();
                    reading += t2 - t1;
                    Map<Ledger.SetRef, List<AccountResults.Row>> bySet = new LinkedHashMap<>();
                    for (AccountResults.Row r : chunk) {
                        bySet.computeIfAbsent(
                                        ledger.activeSet(activations, r.region(), r.period()), k -> new ArrayList<>())
                                .add(r);
                    }
                    Map<Long, AccountResults.Row> before = new HashMap<>();
                    chunk.forEach(r -> before.put(r.filingId(), r));
                    List<AccountResults.Row> updated = new ArrayList<>();
                    for (var g : bySet.entrySet()) {
                        List<FilingContents.Entry> entries = new ArrayList<>();
                        Map<String, Long> filingOf = new HashMap<>();
                        for (AccountResults.Row r : g.getValue()) {
                            entries.add(new FilingContents.Entry(
                                    r.enterprise(),
                                    RegionCode.of(r.region()),
                                    IndustryCode.of(r.industry()),
                                    r.period(),
                                    contents.get(r.filingId())));
                            filingOf.put(r.enterprise().value() + r.period(), r.filingId());
                        }
                        AccountingEngine.Run run = new AccountingEngine(ledger.library(g.getKey()), ledger.options())
                                .account(FilingContents.input("recompute " + region, entries));
                        if (!run.ok()) {
                            throw new IllegalStateException(
                                    run.problems().get(0).toString());
                        }
                        for (EnterpriseMonth m : run.result().months()) {
                            updated.add(Ledger.row(
                                    filingOf.get(m.enterprise().value() + m.period()),
                                    m,
                                    run.result().factorSets()));
                        }
                    }
                    updated.forEach(r -> tally.add(before.get(r.filingId()), r));
                    // a result that comes out the same to the bit, factor sets included, is left as stored: a new grid
                    // factor for one year rewrites that year's results, not the province's
                    List<AccountResults.Row> changed = updated.stream()
                            .filter(r -> !AccountResults.sameFigures(before.get(r.filingId()), r))
                            .toList();
                    unchanged[0] += updated.size() - changed.size();
                    accounting += System.nanoTime() - t2;
                    await(pending);
                    int size = chunk.size();
                    pending = writer.submit(() -> {
                        long t3 = System.nanoTime();
                        out.add(changed);
                        writing[0] += System.nanoTime() - t3;
                        written[0] += size;
                        jobs.progress(id, all, written[0]);
                    });
                }
                await(pending);
                // every changed result is swapped in at once: the job's results land together or not at all
                long t4 = System.nanoTime();
                if (out.commit() > 0) {
                    events.publishEvent(new AccountsChanged("recomputation"));
                }
                writing[0] += System.nanoTime() - t4;
            } finally {
                writer.shutdownNow();
            }
            jobs.done(id, tally.outcome(), tally.changes());
            LOG.info(
                    "{} recomputed {} results of {} in {} ms ({} the same to the bit and left as stored; reading {} ms,"
                            + " accounting {} ms, writing {} ms, mostly beside them)",
                    actor,
                    total,
                    region,
                    ms(t0),
                    unchanged[0],
                    reading / 1_000_000,
                    accounting / 1_000_000,
                    writing[0] / 1_000_000);
        } catch (RuntimeException e) {
            LOG.error("recomputation {} of {} failed", id, region, e);
            jobs.finish(id, "FAILED", e.getMessage());
        }
    }

    /**
     * What a recomputation did, per child of its region (or the region itself): results, how many changed (scope 1, 2
     * or energy by more than 10⁻⁹ relative), scope 1 and 2 before and after; whether any month's sets changed.
     */
    static final class Tally {
        private final String root;
        private final Scopes scopes;
        private final Map<String, String> childOf = new HashMap<>();
        private final Map<String, double[]> byRegion = new java.util.TreeMap<>();
        private boolean setsChanged;
        private int changed;

        Tally(String root, Scopes scopes) {
            this.root = root;
            this.scopes = scopes;
        }

        private String child(String region) {
            return childOf.computeIfAbsent(region, r -> {
                List<dev.peakline.reference.Region> line = scopes.registry().lineage(RegionCode.of(r));
                // the lineage runs from the region up; the child of the root is the one just below it
                for (int i = 0; i < line.size(); i++) {
                    if (line.get(i).code().value().equals(root)) {
                        return i == 0 ? root : line.get(i - 1).code().value();
                    }
                }
                return root;
            });
        }

        void add(AccountResults.Row old, AccountResults.Row now) {
            double[] a = byRegion.computeIfAbsent(child(now.region()), k -> new double[6]);
            boolean differs = old == null
                    || differ(old.scope1(), now.scope1())
                    || differ(old.scope2(), now.scope2())
                    || differ(old.energy(), now.energy());
            a[0]++;
            a[1] += differs ? 1 : 0;
            a[2] += old == null ? 0 : old.scope1();
            a[3] += now.scope1();
            a[4] += old == null ? 0 : old.scope2();
            a[5] += now.scope2();
            changed += differs ? 1 : 0;
            setsChanged |= old == null || !java.util.Objects.equals(old.factorSets(), now.factorSets());
        }

        private static boolean differ(double a, double b) {
            return Math.abs(a - b) > 1e-9 * Math.max(1, Math.max(Math.abs(a), Math.abs(b)));
        }

        String outcome() {
            if (byRegion.isEmpty()) {
                return "NO_RESULTS";
            }
            if (changed > 0) {
                return "CHANGED";
            }
            return setsChanged ? "SAME_VALUES" : "SAME_SETS";
        }

        List<RecomputeJobs.Change> changes() {
            List<RecomputeJobs.Change> out = new ArrayList<>();
            byRegion.forEach(
                    (r, a) -> out.add(new RecomputeJobs.Change(r, (int) a[0], (int) a[1], a[2], a[3], a[4], a[5])));
            return out;
        }
    }

    /** Waits for a chunk's write; its failure is the job's. */
    private static void await(java.util.concurrent.Future<?> write) {
        if (write == null) {
            return;
        }
        try {
            write.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while writing results", e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        }
    }

    private static long ms(long t0) {
        return (System.nanoTime() - t0) / 1_000_000;
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}
