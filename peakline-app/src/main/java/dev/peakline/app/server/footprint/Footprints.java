package dev.peakline.app.server.footprint;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.peakline.domain.CreditCode;
import dev.peakline.footprint.AccountFootprint;
import dev.peakline.problems.ErrorCode;
import dev.peakline.problems.Problem;
import dev.peakline.problems.Refusal;
import dev.peakline.store.footprint.FootprintRepository;
import dev.peakline.store.ledger.AccountResults;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;

/**
 * Computes and saves a product's footprint from the enterprise's approved accounts of a year ({@link
 * AccountFootprint}): the year's production from its approved filings, its scope 1 and scope 2, the allocation the
 * user chose and the purchased inputs with their declared footprints, each checked by field. The API and the demo call
 * it.
 */
@Service
public class Footprints {
    private final FootprintRepository repository;
    private final AccountResults accounts;
    private final ObjectMapper json;
    private final Clock clock;
    private final dev.peakline.app.server.markets.MarketScope2 marketScope2;
    private final dev.peakline.app.server.security.Scopes scopes;

    public Footprints(
            FootprintRepository repository,
            AccountResults accounts,
            ObjectMapper json,
            Clock clock,
            dev.peakline.app.server.markets.MarketScope2 marketScope2,
            dev.peakline.app.server.security.Scopes scopes) {
        this.marketScope2 = marketScope2;
        this.scopes = scopes;
        this.repository = repository;
        this.accounts = accounts;
        this.json = json;
        this.clock = clock;
    }

    /** A purchased input as entered. */
    public record InputForm(
            String flow, Double amountPerUnit, String unit, Double kgPerUnit, String source, Boolean supplier) {}

    /** A footprint as asked for. */
    public record Form(
            String product,
            Integer year,
            String allocation,
            Map<String, Double> prices,
            Double share,
            String basis,
            List<InputForm> inputs) {}

    /**
     * The year's products (output and unit) and the enterprise's scope 1 and scope 2 (t CO2) of the year: scope 2
     * market-based (ISO 14067 takes the supplier-specific electricity where contractual instruments back it: the green
     * certificates retired for the year), beside the location-based figure.
     */
    public record Year(
            Map<String, double[]> output,
            Map<String, String> units,
            double scope1,
            double scope2,
            int months,
            double scope2Location) {}

    public Year year(String enterprise, int year) {
        Map<String, String> units = new LinkedHashMap<>();
        Map<String, double[]> output = repository.production(enterprise, year, units);
        AccountResults.EnterpriseYear y = accounts.yearsOf(CreditCode.of(enterprise))
                .getOrDefault(year, AccountResults.EnterpriseYear.none(year));
        double reduction = marketScope2.reductionT(scopes.enterprise(enterprise), year);
        return new Year(output, units, y.scope1(), y.scope2() - reduction, y.months(), y.scope2());
    }

    /** Computes the footprint and saves it; refused with every problem by field, nothing saved. */
    public FootprintRepository.Footprint save(String actor, String enterprise, Form f) {
        List<Problem> p = new ArrayList<>();
        if (f == null || f.year() == null) {
            throw Refusal.field(ErrorCode.FOOTPRINT_INVALID, "year", "say which year's accounts to use");
        }
        dev.peakline.app.server.web.Requests.checkSpan(f.year(), null);
        Year y = year(enterprise, f.year());
        if (y.months() == 0) {
            p.add(Problem.at("footprint.accounts", "footprint", 0, "year", "no approved accounts in " + f.year()));
        }
        String product = f.product() == null ? "" : f.product().strip();
        if (!y.output().containsKey(product)) {
            p.add(Problem.at(
                    "footprint.product",
                    "footprint",
                    0,
                    "product",
                    "'" + product + "' is not a product filed in " + f.year() + " (filed: "
                            + String.join("、", y.output().keySet()) + ")"));
        }
        String allocation = f.allocation() == null ? "" : f.allocation();
        Map<String, Double> amounts = new LinkedHashMap<>();
        y.output().forEach((k, v) -> amounts.put(k, v[0]));
        double share = 0;
        if (p.isEmpty()) {
            if (allocation.equals("mass")
                    && y.units().values().stream().anyMatch(u -> !u.equals("t") && !u.equals("吨"))) {
                p.add(Problem.at(
                        "footprint.allocation",
                        "footprint",
                        0,
                        "allocation",
                        "mass allocation needs every product in tonnes; choose economic or physical"));
            } else {
                try {
                    share = AccountFootprint.share(
                            allocation, product, amounts, f.prices() == null ? Map.of() : f.prices(), f.share());
                    if (!(share > 0 && share <= 1)) {
                        p.add(Problem.at(
                                "footprint.allocation", "footprint", 0, "allocation", "the share is " + share));
                    }
                } catch (IllegalArgumentException e) {
                    p.add(Problem.at("footprint.allocation", "footprint", 0, "allocation", e.getMessage()));
                }
            }
        }
        String basis = f.basis() == null ? "" : f.basis().strip();
        if (allocation.equals("physical") && basis.isEmpty()) {
            p.add(Problem.at(
                    "footprint.allocation", "footprint", 0, "basis", "say the physical relation the share rests on"));
        }
        List<AccountFootprint.Input> inputs = new ArrayList<>();
        List<InputForm> given = f.inputs() == null ? List.of() : f.inputs();
        for (int i = 0; i < given.size(); i++) {
            InputForm in = given.get(i);
            String field = "inputs[" + i + "]";
            if (in.flow() == null || in.flow().isBlank() || in.flow().length() > 100) {
                p.add(Problem.at("footprint.input", "footprint", i + 1, field + ".flow", "name the input"));
                continue;
            }
            if (in.amountPerUnit() == null || !(in.amountPerUnit() >= 0 && in.amountPerUnit() < 1e6)) {
                p.add(Problem.at(
                        "footprint.input", "footprint", i + 1, field + ".amountPerUnit", "amount per unit 0 to 10⁶"));
            }
            if (in.kgPerUnit() == null || !(Math.abs(in.kgPerUnit()) < 1e7)) {
                p.add(Problem.at(
                        "footprint.input", "footprint", i + 1, field + ".kgPerUnit", "the input's footprint per unit"));
            }
            if (in.source() == null || in.source().isBlank()) {
                p.add(Problem.at(
                        "footprint.input",
                        "footprint",
                        i + 1,
                        field + ".source",
                        "every input's footprint names its source (the supplier's declaration or a database)"));
            }
            if (p.isEmpty()) {
                inputs.add(new AccountFootprint.Input(
                        in.flow().strip(),
                        in.amountPerUnit(),
                        in.unit() == null ? "" : in.unit().strip(),
                        in.kgPerUnit(),
                        in.source().strip(),
                        Boolean.TRUE.equals(in.supplier())));
            }
        }
        if (!p.isEmpty()) {
            throw Refusal.of(ErrorCode.FOOTPRINT_INVALID, p.size() + " problem(s); nothing was stored", p);
        }
        AccountFootprint.Result r;
        try {
            r = AccountFootprint.solve(
                    product, amounts.get(product), share, y.scope1() * 1000, y.scope2() * 1000, inputs);
        } catch (IllegalArgumentException e) {
            throw Refusal.field(ErrorCode.FOOTPRINT_INVALID, "inputs", e.getMessage());
        }
        try {
            FootprintRepository.Footprint out = new FootprintRepository.Footprint(
                    0,
                    enterprise,
                    product,
                    f.year(),
                    amounts.get(product),
                    y.units().get(product),
                    allocation,
                    basis,
                    share,
                    json.writeValueAsString(inputs),
                    r.kgPerUnit(),
                    json.writeValueAsString(r.contributions()),
                    r.primaryShare(),
                    clock.instant(),
                    actor);
            long id = repository.save(actor, out);
            return repository.find(id).orElseThrow();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
