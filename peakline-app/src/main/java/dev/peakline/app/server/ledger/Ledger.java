package dev.peakline.app.server.ledger;

import dev.peakline.accounting.AccountingEngine;
import dev.peakline.accounting.AccountingOptions;
import dev.peakline.accounting.AccountingResult;
import dev.peakline.accounting.EnterpriseMonth;
import dev.peakline.app.server.security.Scopes;
import dev.peakline.domain.Enterprise;
import dev.peakline.domain.RegionCode;
import dev.peakline.problems.ErrorCode;
import dev.peakline.problems.Problem;
import dev.peakline.problems.Refusal;
import dev.peakline.reference.FactorSetLoader;
import dev.peakline.reference.ReferenceLibrary;
import dev.peakline.store.Database;
import dev.peakline.store.factors.FactorSetRepository;
import dev.peakline.store.factors.FactorSetRepository.Activation;
import dev.peakline.store.filing.FilingContents;
import dev.peakline.store.filing.FilingRepository;
import dev.peakline.store.filing.FilingRepository.Content;
import dev.peakline.store.filing.FilingRepository.Filing;
import dev.peakline.store.ledger.AccountResults;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * Accounts enterprise-months on the platform with the engine of the foundation, each with the factor set its region
 * has active for the period (the nearest region up the lineage that chose one; the shipped library otherwise).
 */
@Component
public class Ledger {
    private final ReferenceLibrary shipped;
    private final AccountingOptions options;
    private final FactorSetRepository sets;
    private final FilingRepository filings;
    private final Scopes scopes;
    private final Database db;
    private final AccountResults accountResults;
    private final Map<SetRef, ReferenceLibrary> libraries = new ConcurrentHashMap<>();

    /** A factor set by id and version. */
    public record SetRef(String id, String version) {
        static final SetRef SHIPPED = new SetRef(FactorSetLoader.SHIPPED_ID, FactorSetLoader.SHIPPED_VERSION);
    }

    public Ledger(
            ReferenceLibrary shipped,
            AccountingOptions options,
            FactorSetRepository sets,
            FilingRepository filings,
            Scopes scopes,
            Database db,
            AccountResults accountResults) {
        this.db = db;
        this.accountResults = accountResults;
        this.shipped = shipped;
        this.options = options;
        this.sets = sets;
        this.filings = filings;
        this.scopes = scopes;
    }

    public AccountingOptions options() {
        return options;
    }

    /** The id and version of the set a region accounts a period with. */
    public SetRef activeSet(List<Activation> activations, String region, YearMonth period) {
        List<String> lineage = scopes.registry().lineage(RegionCode.of(region)).stream()
                .map(r -> r.code().value())
                .toList();
        return FactorSetRepository.governing(activations, lineage, period.atDay(1))
                .map(a -> new SetRef(a.setId(), a.setVersion()))
                .orElse(SetRef.SHIPPED);
    }

    /** The library of a set: the shipped one, or a loaded set over it. */
    public ReferenceLibrary library(SetRef set) {
        if (set.id().equals(FactorSetLoader.SHIPPED_ID)) {
            return shipped;
        }
        return libraries.computeIfAbsent(set, k -> {
            String text = sets.content(k.id(), k.version())
                    .orElseThrow(() -> Refusal.notFound("factor set " + k.id() + " version " + k.version()));
            FactorSetLoader.Result r = FactorSetLoader.readUserSet(k.id(), k.id(), text, shipped);
            if (!r.ok()) {
                throw new IllegalStateException("stored factor set " + k + " no longer reads: "
                        + r.problems().get(0));
            }
            return shipped.withOverride(r.set());
        });
    }

    /** The library for the first layer named in a result's {@code factor_sets} ("id version > …"). */
    public ReferenceLibrary libraryOf(String factorSets) {
        String first = factorSets.split(" > ")[0].strip();
        int sp = first.lastIndexOf(' ');
        return library(new SetRef(first.substring(0, sp), first.substring(sp + 1)));
    }

    public ReferenceLibrary libraryFor(String region, YearMonth period) {
        return library(activeSet(sets.activations(), region, period));
    }

    /** Accounts one enterprise-month's content; the problems when it cannot be accounted. */
    public AccountingEngine.Run run(Enterprise e, YearMonth period, Content content, ReferenceLibrary library) {
        var entry = new FilingContents.Entry(e.code(), e.region(), e.industry(), period, content);
        return new AccountingEngine(library, options, 1)
                .account(FilingContents.input(e.code() + " " + period, List.of(entry)));
    }

    /** What stops a filing from being accounted with its region's set (empty when nothing does). */
    public List<Problem> check(Enterprise e, YearMonth period, Content content) {
        return run(e, period, content, libraryFor(e.region().value(), period)).problems();
    }

    /** The result row of an approved version (called inside the approval's transaction). */
    public AccountResults.Row account(Enterprise e, Filing f, Content content) {
        AccountingEngine.Run run =
                run(e, f.period(), content, libraryFor(e.region().value(), f.period()));
        if (!run.ok()) {
            throw Refusal.of(
                    ErrorCode.FILING_UNACCOUNTABLE,
                    "the filing cannot be accounted; nothing was approved",
                    run.problems());
        }
        return row(f.id(), run.result().months().get(0), run.result().factorSets());
    }

    public static AccountResults.Row row(long filingId, EnterpriseMonth m, String factorSets) {
        return new AccountResults.Row(
                filingId,
                m.enterprise(),
                m.region().value(),
                m.industry().value(),
                m.period(),
                m.combustion(),
                m.process(),
                m.electricity(),
                m.heat(),
                m.energy(),
                m.feedstockEnergy(),
                m.valueAdded(),
                factorSets);
    }

    /** Why a month's figures are what they are: the stored filing accounted again with the set it was accounted with. */
    public Optional<AccountingResult.Explanation> explain(Enterprise e, YearMonth period) {
        return accountResults.current(e.code(), period).flatMap(r -> explain(e, r, filings.content(r.filingId())));
    }

    /** A stored result's explanation from its filing's content (read by the caller) and the set it was computed with. */
    public Optional<AccountingResult.Explanation> explain(Enterprise e, AccountResults.Row r, Content content) {
        AccountingEngine.Run run = run(e, r.period(), content, libraryOf(r.factorSets()));
        return run.ok() ? run.result().explain(e.code(), r.period()) : Optional.empty();
    }
}
