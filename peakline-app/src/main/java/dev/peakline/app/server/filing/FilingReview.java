package dev.peakline.app.server.filing;

import dev.peakline.accounting.AccountingEngine;
import dev.peakline.accounting.EnterpriseMonth;
import dev.peakline.app.server.ledger.AccountApi;
import dev.peakline.app.server.ledger.Ledger;
import dev.peakline.app.server.security.PeaklineUser;
import dev.peakline.app.server.security.Scopes;
import dev.peakline.domain.Enterprise;
import dev.peakline.filing.FilingStatus;
import dev.peakline.problems.Problem;
import dev.peakline.store.filing.FilingRepository;
import dev.peakline.store.filing.FilingRepository.ActivityLine;
import dev.peakline.store.filing.FilingRepository.Content;
import dev.peakline.store.filing.FilingRepository.Filing;
import dev.peakline.store.ledger.AccountResults;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;

/**
 * What a verifier needs to decide on a version (and an enterprise to check before submitting): the figures it gives,
 * the same month last year and the month before as approved, the difference to the previous version line by line, and
 * checks that flag a figure far from the enterprise's own history or its industry's.
 */
@Service
public class FilingReview {
    /** A month's carbon intensity this far from the enterprise's own median of the last 12 approved months is flagged. */
    static final double OWN_HISTORY_BAND = 0.5;
    /** A month's carbon intensity below half or above twice its industry's (same class, province, month) is flagged. */
    static final double INDUSTRY_FACTOR = 2.0;

    private final Scopes scopes;
    private final Ledger ledger;
    private final FilingRepository filings;
    private final AccountResults results;

    public FilingReview(Scopes scopes, Ledger ledger, FilingRepository filings, AccountResults results) {
        this.scopes = scopes;
        this.ledger = ledger;
        this.filings = filings;
        this.results = results;
    }

    /** One line of the difference to the previous version: added, removed or changed (with both amounts). */
    public record LineChange(
            String kind, String carrier, String use, String unit, BigDecimal before, BigDecimal after) {}

    /** A check on the figures: its code, whether it flags, and the sentence (Chinese). */
    public record Check(String code, boolean flagged, String message) {}

    public record Review(
            AccountApi.Figures result,
            List<Problem> problems,
            List<String> calculation,
            AccountApi.Figures lastMonth,
            AccountApi.Figures lastYear,
            Integer previousVersion,
            boolean sinceReturn,
            List<LineChange> changes,
            List<Check> checks) {}

    public Review review(PeaklineUser me, Filing f) {
        Enterprise e = scopes.readEnterprise(me, f.enterprise().value());
        Content content = filings.content(f.id());
        AccountingEngine.Run run =
                ledger.run(e, f.period(), content, ledger.libraryFor(e.region().value(), f.period()));
        AccountApi.Figures result = null;
        List<String> calculation = List.of();
        if (run.ok() && !run.result().months().isEmpty()) {
            EnterpriseMonth m = run.result().months().get(0);
            // the same figures as the account shows, from the version as it would be stored
            result = AccountApi.Figures.of(
                    f.period().toString(),
                    List.of(Ledger.row(f.id(), m, run.result().factorSets())),
                    false);
            calculation = run.result()
                    .explain(e.code(), f.period())
                    .map(x -> x.lines())
                    .orElse(List.of());
        }
        AccountApi.Figures lastMonth = results.current(e.code(), f.period().minusMonths(1))
                .map(AccountApi.Figures::of)
                .orElse(null);
        AccountApi.Figures lastYear = results.current(e.code(), f.period().minusYears(1))
                .map(AccountApi.Figures::of)
                .orElse(null);
        Optional<Filing> previous = filings.versions(e.code(), f.period()).stream()
                .filter(v -> v.version() < f.version() && v.status() != FilingStatus.DISCARDED)
                .max(java.util.Comparator.comparingInt(Filing::version));
        // a returned version changed since: the difference to the lines as the verifier returned them; otherwise to
        // the previous version of the month
        Optional<Content> asReturned = asReturned(f);
        List<LineChange> changes = asReturned
                .map(r -> diff(r, content))
                .orElseGet(() -> previous.map(p -> diff(filings.content(p.id()), content))
                        .orElse(List.of()));
        List<Check> checks = result == null ? List.of() : checks(e, f.period(), result);
        return new Review(
                result,
                run.problems(),
                calculation,
                lastMonth,
                lastYear,
                previous.map(Filing::version).orElse(null),
                asReturned.isPresent(),
                changes,
                checks);
    }

    /** The lines as they stood when the verifier last returned the version, if they were changed since. */
    private Optional<Content> asReturned(Filing f) {
        List<dev.peakline.store.AuditLog.Entry> h = filings.history(f.id());
        int returned = -1;
        for (int i = 0; i < h.size(); i++) {
            if (h.get(i).action().equals("filing.return")) {
                returned = i;
            }
        }
        for (int i = returned + 1; returned >= 0 && i < h.size(); i++) {
            if (h.get(i).action().equals("filing.content") && h.get(i).before() != null) {
                return Optional.of(fromSummary(h.get(i).before()));
            }
        }
        return Optional.empty();
    }

    /** The lines an audit entry kept ({@code Content.summary()}): activity and value added. */
    static Content fromSummary(String json) {
        try {
            var node = new com.fasterxml.jackson.databind.ObjectMapper().readTree(json);
            List<ActivityLine> act = new ArrayList<>();
            for (var a : node.path("activity")) {
                act.add(new ActivityLine(
                        a.path("carrier").asText(),
                        a.path("use").asText(),
                        new BigDecimal(a.path("amount").asText()),
                        a.path("unit").asText(),
                        null,
                        null));
            }
            List<FilingRepository.OutputLine> out = new ArrayList<>();
            for (var v : node.path("valueAdded")) {
                out.add(new FilingRepository.OutputLine(new BigDecimal(v.asText()), "万元"));
            }
            return new Content(act, List.of(), List.of(), out);
        } catch (com.fasterxml.jackson.core.JsonProcessingException | NumberFormatException e) {
            // an entry written before the audit kept the lines: no baseline
            return new Content(List.of(), List.of(), List.of(), List.of());
        }
    }

    /** The activity lines that differ, keyed by carrier, use and unit (amounts summed per key). */
    static List<LineChange> diff(Content before, Content after) {
        Map<String, BigDecimal> a = sums(before.activity());
        Map<String, BigDecimal> b = sums(after.activity());
        List<LineChange> out = new ArrayList<>();
        for (var x : a.entrySet()) {
            String[] k = x.getKey().split("\t");
            BigDecimal now = b.get(x.getKey());
            if (now == null) {
                out.add(new LineChange("removed", k[0], k[1], k[2], x.getValue(), null));
            } else if (now.compareTo(x.getValue()) != 0) {
                out.add(new LineChange("changed", k[0], k[1], k[2], x.getValue(), now));
            }
        }
        for (var x : b.entrySet()) {
            if (!a.containsKey(x.getKey())) {
                String[] k = x.getKey().split("\t");
                out.add(new LineChange("added", k[0], k[1], k[2], null, x.getValue()));
            }
        }
        BigDecimal vaBefore = valueAdded(before);
        BigDecimal vaAfter = valueAdded(after);
        if (vaBefore == null ? vaAfter != null : vaAfter == null || vaBefore.compareTo(vaAfter) != 0) {
            out.add(new LineChange("changed", "增加值", "", "万元", vaBefore, vaAfter));
        }
        return out;
    }

    private static BigDecimal valueAdded(Content c) {
        return c.output().stream()
                .map(FilingRepository.OutputLine::valueAdded)
                .reduce(BigDecimal::add)
                .orElse(null);
    }

    private static Map<String, BigDecimal> sums(List<ActivityLine> lines) {
        Map<String, BigDecimal> m = new LinkedHashMap<>();
        for (ActivityLine l : lines) {
            m.merge(l.carrier() + "\t" + l.use() + "\t" + l.unit(), l.amount(), BigDecimal::add);
        }
        return m;
    }

    private List<Check> checks(Enterprise e, YearMonth period, AccountApi.Figures now) {
        List<Check> out = new ArrayList<>();
        // own history: the approved months of the 12 before this one
        List<Double> own = new ArrayList<>();
        for (int i = 1; i <= 12; i++) {
            results.current(e.code(), period.minusMonths(i))
                    .filter(r -> r.valueAdded() > 0)
                    .ifPresent(r -> own.add(r.total() / r.valueAdded()));
        }
        if (now.carbonIntensity() == null) {
            out.add(new Check("intensity.none", true, "本月未填报增加值，无法计算碳排放强度"));
        } else if (own.size() >= 3) {
            own.sort(Double::compare);
            double median = own.get(own.size() / 2);
            double off = median > 0 ? now.carbonIntensity() / median - 1 : 0;
            boolean flagged = Math.abs(off) > OWN_HISTORY_BAND;
            out.add(new Check(
                    "intensity.history",
                    flagged,
                    String.format(
                            java.util.Locale.ROOT,
                            "碳排放强度 %.4f tCO2e/万元，较本企业近 %d 个已通过月份的中位数 %.4f %s %.1f%%%s",
                            now.carbonIntensity(),
                            own.size(),
                            median,
                            off >= 0 ? "高" : "低",
                            Math.abs(off) * 100,
                            flagged ? "（超出 ±50%，请核实）" : "")));
        }
        // the industry: same class in the province, same month, approved
        String province = e.region().value().substring(0, 2) + "0000";
        double total = 0;
        double va = 0;
        int peers = 0;
        for (AccountResults.Row r : results.inRegions(scopes.subtree(province), period.toString())) {
            if (r.industry().equals(e.industry().value()) && !r.enterprise().equals(e.code()) && r.valueAdded() > 0) {
                total += r.total();
                va += r.valueAdded();
                peers++;
            }
        }
        if (now.carbonIntensity() != null && peers >= 3 && va > 0) {
            double industry = total / va;
            double ratio = now.carbonIntensity() / industry;
            boolean flagged = ratio > INDUSTRY_FACTOR || ratio < 1 / INDUSTRY_FACTOR;
            out.add(new Check(
                    "intensity.industry",
                    flagged,
                    String.format(
                            java.util.Locale.ROOT,
                            "同行业（%s，本省 %d 家）本月平均碳排放强度 %.4f tCO2e/万元，本企业为其 %.2f 倍%s",
                            e.industry().value(),
                            peers,
                            industry,
                            ratio,
                            flagged ? "（超出 0.5–2 倍，请核实）" : "")));
        }
        return out;
    }
}
