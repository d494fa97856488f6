package dev.peakline.app.server.inclusion;

import dev.peakline.inclusion.Inclusion;
import dev.peakline.problems.ErrorCode;
import dev.peakline.problems.Problem;
import dev.peakline.problems.Refusal;
import dev.peakline.reference.ReferenceLibrary;
import dev.peakline.reference.ResolvedFactor;
import dev.peakline.store.inclusion.InclusionRepository;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Service;

/**
 * Issues 碳普惠 claims of a programme: each at the province's average grid factor in force on its day (the reference
 * library), by the {@link Inclusion} engine, every source record once in Peakline. The API and the demo call it.
 */
@Service
public class InclusionIssuer {
    private final InclusionRepository repository;
    private final ReferenceLibrary library;
    private final Clock clock;

    public InclusionIssuer(InclusionRepository repository, ReferenceLibrary library, Clock clock) {
        this.repository = repository;
        this.library = library;
        this.clock = clock;
    }

    /** The programme's methodology with the province's average grid factor in force on the day. */
    public Inclusion.Methodology methodology(InclusionRepository.Programme p, LocalDate day) {
        String province = p.region().substring(0, 2) + "0000";
        ResolvedFactor f = library.provinceGrid(province, day)
                .orElseThrow(() -> Refusal.of(
                        ErrorCode.INCLUSION_INVALID, "the library has no grid factor of " + province + " for " + day));
        return Inclusion.photovoltaic(
                f.value(),
                f.factor().publication() + "（" + province + " 电网平均排放因子，"
                        + f.factor().unit() + "）");
    }

    /**
     * Issues the claims when none has a problem, and gives them as stored; otherwise adds the problems (with
     * {@code source} and the claim's row) and stores nothing.
     */
    public List<InclusionRepository.Claim> issue(
            String actor,
            InclusionRepository.Programme p,
            String source,
            List<Inclusion.Claim> claims,
            List<Problem> problems) {
        Set<String> before = repository.issued(
                claims.stream().map(Inclusion.Claim::sourceRecord).toList());
        List<InclusionRepository.Claim> out = new ArrayList<>();
        int had = problems.size();
        for (Inclusion.Claim c : claims) {
            Inclusion.Methodology m = methodology(p, c.date());
            Inclusion.Issued r = Inclusion.issue(m, List.of(c), p.pointsPerKg(), before);
            if (!r.problems().isEmpty()) {
                r.problems().forEach(x -> problems.add(Problem.at(x.code(), source, x.row(), x.column(), x.message())));
                continue;
            }
            Inclusion.Issue i = r.issues().get(0);
            out.add(new InclusionRepository.Claim(
                    0,
                    p.id(),
                    c.participant(),
                    c.sourceRecord(),
                    c.date(),
                    c.activity(),
                    c.evidence(),
                    m.baselineFactor(),
                    m.factorSource(),
                    i.reductionKg(),
                    i.points(),
                    clock.instant(),
                    actor));
        }
        if (problems.size() > had) {
            return List.of();
        }
        try {
            repository.issue(actor, out);
        } catch (RuntimeException ex) {
            // issued by another upload between the check and the write (the unique source record): nothing stored
            throw Refusal.of(ErrorCode.INCLUSION_INVALID, "a record was issued meanwhile; nothing was stored");
        }
        return out;
    }
    /** The participant's ledger: issuances on the day they were issued, uses, expiries, as of today. */
    public Inclusion.Ledger ledger(InclusionRepository.Programme p, String enterprise) {
        return ledger(p, enterprise, repository.claims(p.id(), enterprise), repository.uses(p.id(), enterprise));
    }

    public Inclusion.Ledger ledger(
            InclusionRepository.Programme p,
            String enterprise,
            List<InclusionRepository.Claim> claims,
            List<InclusionRepository.Use> uses) {
        List<Inclusion.Entry> events = new ArrayList<>();
        claims.forEach(c -> events.add(new Inclusion.Entry(
                enterprise,
                c.issuedAt().atZone(dev.peakline.domain.ChinaTime.ZONE).toLocalDate(),
                "ISSUE",
                c.points())));
        uses.forEach(u -> events.add(new Inclusion.Entry(enterprise, u.date(), "USE", u.points())));
        return Inclusion.ledger(
                enterprise, events, p.validMonths(), LocalDate.now(clock.withZone(dev.peakline.domain.ChinaTime.ZONE)));
    }

    /** A use recorded (its id) or refused (empty), and the balance after it (or held, when refused). */
    public record Used(java.util.Optional<Long> id, long balance) {}

    /**
     * Records a use if the participant's ledger covers it on its day, checked in the same transaction as it is written
     * (the participant locked), so that two uses at once cannot spend the same points.
     */
    public Used use(String actor, InclusionRepository.Programme p, InclusionRepository.Use u) {
        long[] balance = {0};
        java.util.Optional<Long> id = repository.use(actor, u, (claims, uses) -> {
            List<InclusionRepository.Use> with = new ArrayList<>(uses);
            with.add(u);
            try {
                balance[0] = ledger(p, u.enterprise(), claims, with).balance();
                return true;
            } catch (IllegalArgumentException ex) {
                balance[0] = ledger(p, u.enterprise(), claims, uses).balance();
                return false;
            }
        });
        return new Used(id, balance[0]);
    }
}
