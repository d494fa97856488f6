package dev.peakline.app.server.ledger;

import dev.peakline.app.server.security.PeaklineUser;
import dev.peakline.app.server.security.Scopes;
import dev.peakline.app.server.web.Requests;
import dev.peakline.domain.Enterprise;
import dev.peakline.problems.Refusal;
import dev.peakline.store.Database;
import dev.peakline.store.ledger.AccountResults;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** An enterprise's carbon account (碳账户): its months and years, and the "why" of any approved month. */
@RestController
@RequestMapping("/api/v1/enterprises/{code}")
@Tag(name = "accounts", description = "碳账户 of one enterprise, with the why of every figure")
public class AccountApi {
    private final Scopes scopes;
    private final Ledger ledger;
    private final Database db;
    private final AccountResults accountResults;

    public AccountApi(Scopes scopes, Ledger ledger, Database db, AccountResults accountResults) {
        this.scopes = scopes;
        this.ledger = ledger;
        this.db = db;
        this.accountResults = accountResults;
    }

    /** One month's or year's figures in the account. */
    public record Figures(
            String period,
            double total,
            double scope1,
            double scope2,
            double combustion,
            double process,
            double electricity,
            double heat,
            double energy,
            double energyFeedstock,
            double energyExclFeedstock,
            Double valueAdded,
            Double carbonIntensity,
            Double energyIntensity,
            Double energyIntensityExclFeedstock,
            Long filingId,
            String factorSets) {
        /** The figures of one stored month. */
        public static Figures of(AccountResults.Row r) {
            return of(r.period().toString(), List.of(r), true);
        }

        public static Figures of(String period, List<AccountResults.Row> rows, boolean single) {
            double c = 0, p = 0, el = 0, h = 0, en = 0, fe = 0, va = 0;
            boolean anyVa = false;
            for (AccountResults.Row r : rows) {
                c += r.combustion();
                p += r.process();
                el += r.electricity();
                h += r.heat();
                en += r.energy();
                fe += r.feedstockEnergy();
                if (!Double.isNaN(r.valueAdded())) {
                    va += r.valueAdded();
                    anyVa = true;
                }
            }
            double total = c + p + el + h;
            AccountResults.Row only = single ? rows.get(0) : null;
            return new Figures(
                    period,
                    total,
                    c + p,
                    el + h,
                    c,
                    p,
                    el,
                    h,
                    en,
                    fe,
                    en - fe,
                    anyVa ? va : null,
                    anyVa && va > 0 ? total / va : null,
                    anyVa && va > 0 ? en / va : null,
                    anyVa && va > 0 ? (en - fe) / va : null,
                    only == null ? null : only.filingId(),
                    only == null ? null : only.factorSets());
        }
    }

    public record Account(String creditCode, int year, Figures annual, List<Figures> months, List<Figures> history) {}

    @GetMapping("/account")
    @Operation(summary = "碳账户: the months of a year, the year, and every year's totals (tCO2e, tce, 10⁴ yuan)")
    public Account account(
            @AuthenticationPrincipal PeaklineUser me, @PathVariable String code, @RequestParam int year) {
        Enterprise e = scopes.readEnterprise(me, code);
        Requests.checkSpan(year, null);
        List<AccountResults.Row> rows = accountResults.ofEnterprise(e.code());
        TreeMap<Integer, List<AccountResults.Row>> byYear = new TreeMap<>();
        for (AccountResults.Row r : rows) {
            byYear.computeIfAbsent(r.period().getYear(), k -> new ArrayList<>()).add(r);
        }
        List<AccountResults.Row> ofYear = byYear.getOrDefault(year, List.of());
        List<Figures> months = ofYear.stream()
                .map(r -> Figures.of(r.period().toString(), List.of(r), true))
                .toList();
        List<Figures> history = new ArrayList<>();
        byYear.forEach((y, rs) -> history.add(Figures.of(String.valueOf(y), rs, false)));
        return new Account(code, year, Figures.of(String.valueOf(year), ofYear, false), months, history);
    }

    @GetMapping("/account/{period}/explain")
    @Operation(summary = "Why a month's figures are what they are: every line, factor (with source) and formula")
    public Map<String, Object> explain(
            @AuthenticationPrincipal PeaklineUser me,
            @PathVariable String code,
            @PathVariable String period,
            @org.springframework.web.bind.annotation.RequestHeader(value = "Accept-Language", required = false)
                    String language) {
        Enterprise e = scopes.readEnterprise(me, code);
        YearMonth p = Requests.period(period);
        var x = ledger.explain(e, p).orElseThrow(() -> Refusal.notFound("an approved account of " + period));
        boolean chinese = language == null
                || !language.strip().toLowerCase(java.util.Locale.ROOT).startsWith("en");
        return Map.of(
                "creditCode",
                code,
                "period",
                period,
                "factorSets",
                x.factorSets(),
                "lines",
                x.lines(chinese),
                "sheet",
                sheet(x, chinese));
    }

    /**
     * A factor as the calculation sheet names it: what, value and unit, the document as the library records it and its
     * title in the caller's language ({@code source}), its set and version.
     */
    public record SheetFactor(
            String key, double value, String unit, String publication, String source, String set, boolean flagged) {}

    /** One line of the calculation sheet: where it came from, what, how much, the factor and the result. */
    public record SheetLine(
            String where,
            String slot,
            String subject,
            String quantity,
            double co2,
            double tce,
            String formula,
            List<SheetFactor> factors) {}

    /** The calculation sheet: the lines, the totals by scope, the energy and the total's uncertainty. */
    public record Sheet(
            List<SheetLine> lines,
            double scope1,
            double scope2,
            double total,
            double energy,
            Double uncertaintyPercent,
            Double uncertaintyAbsolute,
            String options) {}

    static Sheet sheet(dev.peakline.accounting.AccountingResult.Explanation x, boolean chinese) {
        List<SheetLine> lines = new ArrayList<>();
        for (var t : x.terms()) {
            String slot = t.slot().name().toLowerCase(java.util.Locale.ROOT);
            lines.add(new SheetLine(
                    t.where(),
                    // electricity or heat supplied to others is its own category, not 外购
                    t.use() == dev.peakline.domain.Use.EXPORTED ? slot + "_exported" : slot,
                    t.subject(),
                    t.quantity(),
                    t.co2(),
                    t.tce(),
                    t.co2Formula(),
                    t.factors().stream()
                            .map(f -> new SheetFactor(
                                    f.factor().key().toString(),
                                    f.value(),
                                    f.factor().unit(),
                                    f.factor().publication(),
                                    dev.peakline.reference.Publications.title(
                                            f.factor().publication(), chinese),
                                    f.setId() + " " + f.setVersion(),
                                    f.isFallback()
                                            || String.valueOf(f.factor().confidence())
                                                    .contains("UNCONFIRMED")))
                            .distinct()
                            .toList()));
        }
        var m = x.month();
        var u = x.uncertainty();
        return new Sheet(
                lines,
                m.scope1(),
                m.scope2(),
                m.total(),
                m.energy(),
                u.percent(),
                u.absolute(),
                x.options().summary(chinese));
    }
}
