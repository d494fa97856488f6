package dev.peakline.app.server.markets;

import dev.peakline.domain.Enterprise;
import dev.peakline.markets.MarketBasedScope2;
import dev.peakline.problems.ErrorCode;
import dev.peakline.problems.Refusal;
import dev.peakline.reference.ReferenceLibrary;
import dev.peakline.reference.ResolvedFactor;
import dev.peakline.store.ledger.AccountResults;
import dev.peakline.store.markets.MarketRepository;
import java.time.LocalDate;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * An enterprise's market-based scope 2 of a year — its accounted purchased electricity less what the green
 * certificates it retired for the year cover, at the province's grid factor (core's {@link MarketBasedScope2}), heat
 * unchanged — read in one place by the 履约 page, the group report and the product footprint.
 */
@Component
public class MarketScope2 {
    private final MarketRepository repository;
    private final AccountResults results;
    private final ReferenceLibrary library;

    public MarketScope2(MarketRepository repository, AccountResults results, ReferenceLibrary library) {
        this.repository = repository;
        this.results = results;
        this.library = library;
    }

    /** The year's figures, the factor they used, the retirements counted and how many months are accounted. */
    public record Year(
            MarketBasedScope2.Result electricity,
            double heatT,
            int months,
            ResolvedFactor factor,
            List<MarketRepository.Stored> retired) {
        public double locationT() {
            return electricity.locationT() + heatT;
        }

        public double marketT() {
            return electricity.marketT() + heatT;
        }

        /** What the certificates take off the location-based scope 2. */
        public double reductionT() {
            return electricity.locationT() - electricity.marketT();
        }
    }

    public Year of(Enterprise e, int year) {
        double electricity = 0;
        double heat = 0;
        int months = 0;
        for (AccountResults.Row r : results.ofEnterprise(e.code())) {
            if (r.period().getYear() == year) {
                electricity += r.electricity();
                heat += r.heat();
                months++;
            }
        }
        String province = e.region().value().substring(0, 2) + "0000";
        ResolvedFactor f = library.provinceGrid(province, LocalDate.of(year, 7, 1))
                .orElseThrow(
                        () -> Refusal.of(ErrorCode.MARKET_INVALID, "the library has no grid factor of " + province));
        List<MarketRepository.Stored> retired =
                repository.certificatesRetiredFor(e.code().value(), year);
        double certificates =
                retired.stream().mapToDouble(s -> s.movement().quantity()).sum();
        return new Year(MarketBasedScope2.of(year, electricity, f.value(), certificates), heat, months, f, retired);
    }

    /** What the enterprise's certificates take off its scope 2 of the year (0 without any retired). */
    public double reductionT(Enterprise e, int year) {
        if (repository.certificatesRetiredFor(e.code().value(), year).isEmpty()) {
            return 0;
        }
        return of(e, year).reductionT();
    }
}
