package dev.peakline.app.server.inclusion;

import dev.peakline.app.server.security.PeaklineUser;
import dev.peakline.app.server.security.Scopes;
import dev.peakline.inclusion.Inclusion;
import dev.peakline.io.inclusion.InclusionClaimReader;
import dev.peakline.io.table.Table;
import dev.peakline.problems.ErrorCode;
import dev.peakline.problems.Problem;
import dev.peakline.problems.Refusal;
import dev.peakline.store.inclusion.InclusionRepository;
import dev.peakline.store.users.UserRepository.Role;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * 碳普惠 (issue 19): a region's operator runs a programme (its methodology, published rate and validity), enrols
 * participants and issues points for reductions from verified records (the {@link Inclusion} engine, the province's
 * grid factor from the reference library); a participant reads its ledger (issuance, use, expiry, oldest points spent
 * first) and uses its points. Every issuance and use is audited; a source record is issued once in Peakline.
 */
@RestController
@RequestMapping("/api/v1/inclusion")
@Tag(name = "inclusion", description = "碳普惠: programmes, participants, issuance, ledger")
public class InclusionApi {
    public static final ZoneId ZONE = dev.peakline.domain.ChinaTime.ZONE;

    private final Scopes scopes;
    private final InclusionRepository repository;
    private final InclusionIssuer issuer;
    private final Clock clock;

    public InclusionApi(Scopes scopes, InclusionRepository repository, InclusionIssuer issuer, Clock clock) {
        this.scopes = scopes;
        this.repository = repository;
        this.issuer = issuer;
        this.clock = clock;
    }

    /** A programme as entered by its operator. */
    public record ProgrammeForm(String region, String name, Double pointsPerKg, Integer validMonths, String rules) {}

    @GetMapping("/programmes")
    @Operation(summary = "The programmes the caller sees: a government user's region's, an enterprise's own")
    public List<InclusionRepository.Programme> programmes(@AuthenticationPrincipal PeaklineUser me) {
        List<InclusionRepository.Programme> all = repository.programmes();
        if (me.role() == Role.ENTERPRISE) {
            List<Long> mine = repository.programmesOf(me.user().enterprise());
            return all.stream().filter(p -> mine.contains(p.id())).toList();
        }
        if (me.role() == Role.GOVERNMENT) {
            return all.stream()
                    .filter(p -> scopes.within(p.region(), me.user().region())
                            || scopes.within(me.user().region(), p.region()))
                    .toList();
        }
        return me.role() == Role.ADMIN ? all : List.of();
    }

    @PostMapping("/programmes")
    @Operation(summary = "Creates a distributed-PV programme (government of the region, admin); audited")
    public ResponseEntity<Map<String, Object>> create(
            @AuthenticationPrincipal PeaklineUser me, @RequestBody ProgrammeForm f) {
        List<Problem> p = new ArrayList<>();
        if (f == null || f.region() == null) {
            throw Refusal.field(ErrorCode.INCLUSION_INVALID, "region", "the programme's region is needed");
        }
        scopes.govern(me, f.region());
        if (f.name() == null || f.name().isBlank() || f.name().length() > 200) {
            p.add(Problem.at("inclusion.programme", "programme", 0, "name", "a name of 1–200 characters"));
        }
        if (f.pointsPerKg() == null || !(f.pointsPerKg() > 0 && f.pointsPerKg() <= 1000)) {
            p.add(Problem.at(
                    "inclusion.rate", "programme", 0, "pointsPerKg", "the published rate is above 0, at most 1000"));
        }
        if (f.validMonths() == null || f.validMonths() < 1 || f.validMonths() > 120) {
            p.add(Problem.at("inclusion.programme", "programme", 0, "validMonths", "validity is 1–120 months"));
        }
        if (f.rules() == null || f.rules().isBlank() || f.rules().length() > 2000) {
            p.add(Problem.at(
                    "inclusion.programme",
                    "programme",
                    0,
                    "rules",
                    "the published rules (rate, use, expiry) of 1–2000 characters"));
        }
        if (!p.isEmpty()) {
            throw Refusal.of(ErrorCode.INCLUSION_INVALID, p.size() + " problem(s); nothing was stored", p);
        }
        long id = repository.create(
                me.actor(),
                new InclusionRepository.Programme(
                        0,
                        f.region(),
                        f.name().strip(),
                        "pv_distributed",
                        f.pointsPerKg(),
                        f.validMonths(),
                        f.rules().strip(),
                        clock.instant()));
        return ResponseEntity.status(HttpStatus.CREATED).body(Map.of("id", id));
    }

    /** The programme, checking the caller may see it; {@code operate} further requires its region's government. */
    InclusionRepository.Programme programme(PeaklineUser me, long id, boolean operate) {
        InclusionRepository.Programme p =
                repository.programme(id).orElseThrow(() -> Refusal.notFound("programme " + id));
        if (operate) {
            scopes.govern(me, p.region());
        } else if (programmes(me).stream().noneMatch(x -> x.id() == id)) {
            throw Refusal.forbidden("programme " + id + " is outside your scope");
        }
        return p;
    }

    @GetMapping("/programmes/{id}")
    @Operation(summary = "A programme with its methodology, and its participants with issued, used, expired points")
    public Map<String, Object> view(@AuthenticationPrincipal PeaklineUser me, @PathVariable long id) {
        InclusionRepository.Programme p = programme(me, id, false);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("programme", p);
        out.put("methodology", issuer.methodology(p, LocalDate.now(clock.withZone(ZONE))));
        List<Map<String, Object>> rows = new ArrayList<>();
        for (InclusionRepository.Participant x : repository.participants(id)) {
            if (me.role() == Role.ENTERPRISE && !x.enterprise().equals(me.user().enterprise())) {
                continue;
            }
            Inclusion.Ledger l = issuer.ledger(p, x.enterprise());
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("enterprise", x.enterprise());
            m.put("name", x.name());
            m.put("joinedAt", x.joinedAt());
            m.put("issued", sum(l, "ISSUE"));
            m.put("used", -sum(l, "USE"));
            m.put("expired", -sum(l, "EXPIRE"));
            m.put("balance", l.balance());
            rows.add(m);
        }
        out.put("participants", rows);
        return out;
    }

    private static long sum(Inclusion.Ledger l, String kind) {
        return l.entries().stream()
                .filter(e -> e.kind().equals(kind))
                .mapToLong(Inclusion.Entry::points)
                .sum();
    }

    /** An enterprise to enrol. */
    public record JoinForm(String enterprise) {}

    @PostMapping("/programmes/{id}/participants")
    @Operation(summary = "Enrols an enterprise of the programme's region (its operator); audited")
    public Map<String, Object> join(
            @AuthenticationPrincipal PeaklineUser me, @PathVariable long id, @RequestBody JoinForm f) {
        InclusionRepository.Programme p = programme(me, id, true);
        String code = f == null || f.enterprise() == null ? "" : f.enterprise().strip();
        var e = scopes.enterprise(code);
        if (!scopes.within(e.region().value(), p.region())) {
            throw Refusal.field(
                    ErrorCode.INCLUSION_INVALID,
                    "enterprise",
                    code + " is not in the programme's region " + p.region());
        }
        return Map.of("enterprise", code, "joined", repository.join(me.actor(), id, code));
    }

    @GetMapping("/claims/template.csv")
    @Operation(summary = "The claims template (CSV, UTF-8)")
    public ResponseEntity<byte[]> template() {
        String text = String.join(",", InclusionClaimReader.COLUMNS) + "\n"
                + "91520181MA6DKQ3L5C,结算单-2024-03-001,2024-03-31,12.5,电网结算单 2024-03,否\n";
        return dev.peakline.app.server.web.Exports.csv(text, "inclusion-claims-template");
    }

    @PostMapping(path = "/programmes/{id}/claims", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(
            summary = "Issues points for claims (CSV: participant,source_record,date,activity_mwh,evidence"
                    + "[,claimed_elsewhere]) by the programme's operator: any bad row, a record issued before or"
                    + " claimed elsewhere, or a non-participant refuses the file; audited per issuance")
    public ResponseEntity<Map<String, Object>> claims(
            @AuthenticationPrincipal PeaklineUser me, @PathVariable long id, @RequestPart("file") MultipartFile file)
            throws IOException {
        InclusionRepository.Programme p = programme(me, id, true);
        if (file.isEmpty()) {
            throw Refusal.field(ErrorCode.UPLOAD_EMPTY, "file", "the uploaded file is empty");
        }
        String name = file.getOriginalFilename() == null ? "claims.csv" : file.getOriginalFilename();
        InclusionClaimReader.Read read = InclusionClaimReader.read(Table.csv(name, Table.utf8(name, file.getBytes())));
        List<Problem> problems = new ArrayList<>(read.problems());
        List<String> members = repository.participants(id).stream()
                .map(InclusionRepository.Participant::enterprise)
                .toList();
        for (Inclusion.Claim c : read.claims()) {
            if (!members.contains(c.participant())) {
                problems.add(Problem.at(
                        "inclusion.member",
                        name,
                        c.row(),
                        "participant",
                        c.participant() + " is not a participant of the programme"));
            }
        }
        List<InclusionRepository.Claim> issued = new ArrayList<>();
        if (problems.isEmpty()) {
            issued = issuer.issue(me.actor(), p, name, read.claims(), problems);
        }
        if (!problems.isEmpty()) {
            throw Refusal.of(
                    ErrorCode.INCLUSION_INVALID, problems.size() + " problem(s); nothing was stored", problems);
        }
        long points =
                issued.stream().mapToLong(InclusionRepository.Claim::points).sum();
        BigDecimal kg =
                issued.stream().map(InclusionRepository.Claim::reductionKg).reduce(BigDecimal.ZERO, BigDecimal::add);
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(Map.of("claims", issued.size(), "points", points, "reductionKg", kg));
    }

    @GetMapping("/programmes/{id}/participants/{enterprise}")
    @Operation(summary = "A participant's claims, uses and ledger (the operator, the participant itself)")
    public Map<String, Object> participant(
            @AuthenticationPrincipal PeaklineUser me, @PathVariable long id, @PathVariable String enterprise) {
        InclusionRepository.Programme p = programme(me, id, false);
        scopes.readEnterprise(me, enterprise);
        member(id, enterprise);
        List<InclusionRepository.Claim> claims = repository.claims(id, enterprise);
        List<InclusionRepository.Use> uses = repository.uses(id, enterprise);
        Inclusion.Ledger l = issuer.ledger(p, enterprise, claims, uses);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("enterprise", enterprise);
        out.put("name", scopes.enterprise(enterprise).name());
        out.put("balance", l.balance());
        out.put("entries", l.entries());
        out.put("claims", claims);
        out.put("uses", uses);
        return out;
    }

    private void member(long id, String enterprise) {
        if (repository.participants(id).stream().noneMatch(x -> x.enterprise().equals(enterprise))) {
            throw Refusal.field(
                    ErrorCode.INCLUSION_INVALID, "enterprise", enterprise + " is not a participant of programme " + id);
        }
    }

    /** A use of points: how many, on which day (today by default), for what. */
    public record UseForm(Long points, String date, String purpose) {}

    @PostMapping("/programmes/{id}/participants/{enterprise}/uses")
    @Operation(summary = "Uses points (the participant itself, admin): refused beyond the balance on the day; audited")
    public ResponseEntity<Map<String, Object>> use(
            @AuthenticationPrincipal PeaklineUser me,
            @PathVariable long id,
            @PathVariable String enterprise,
            @RequestBody UseForm f) {
        InclusionRepository.Programme p = programme(me, id, false);
        scopes.fileFor(me, enterprise);
        member(id, enterprise);
        List<Problem> problems = new ArrayList<>();
        if (f == null || f.points() == null || f.points() < 1 || f.points() > 1_000_000_000L) {
            problems.add(Problem.at("inclusion.balance", "use", 0, "points", "a whole number of points, at least 1"));
        }
        LocalDate today = LocalDate.now(clock.withZone(ZONE));
        LocalDate day = today;
        if (f != null && f.date() != null && !f.date().isBlank()) {
            try {
                day = LocalDate.parse(f.date());
                if (day.isAfter(today) || !dev.peakline.domain.DateWindow.contains(day)) {
                    problems.add(Problem.at("inclusion.date", "use", 0, "date", "a use is dated today or before"));
                }
            } catch (DateTimeParseException e) {
                problems.add(Problem.at("date.format", "use", 0, "date", "dates are YYYY-MM-DD"));
            }
        }
        if (f == null
                || f.purpose() == null
                || f.purpose().isBlank()
                || f.purpose().length() > 200) {
            problems.add(Problem.at("inclusion.programme", "use", 0, "purpose", "say what the points are used for"));
        }
        if (!problems.isEmpty()) {
            throw Refusal.of(
                    ErrorCode.INCLUSION_INVALID, problems.size() + " problem(s); nothing was stored", problems);
        }
        InclusionRepository.Use u = new InclusionRepository.Use(
                0, id, enterprise, day, f.points(), f.purpose().strip(), me.actor());
        InclusionIssuer.Used stored = issuer.use(me.actor(), p, u);
        if (stored.id().isEmpty()) {
            throw Refusal.of(
                    ErrorCode.INCLUSION_INVALID,
                    "the use is beyond the balance",
                    List.of(Problem.at(
                            "inclusion.balance",
                            "use",
                            0,
                            "points",
                            f.points() + " points are more than the " + stored.balance() + " held")));
        }
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(Map.of("id", stored.id().get(), "balance", stored.balance()));
    }

    @GetMapping("/programmes/{id}/ledger.csv")
    @Operation(summary = "The programme's ledger as CSV: every participant's issuances, uses and expiries (operator)")
    public ResponseEntity<byte[]> export(@AuthenticationPrincipal PeaklineUser me, @PathVariable long id) {
        InclusionRepository.Programme p = programme(me, id, true);
        StringBuilder csv = new StringBuilder("participant,name,date,kind,points,balance_after\n");
        for (InclusionRepository.Participant x : repository.participants(id)) {
            long running = 0;
            for (Inclusion.Entry e : issuer.ledger(p, x.enterprise()).entries()) {
                running += e.points();
                csv.append(x.enterprise())
                        .append(',')
                        .append(x.name().replace(",", "，"))
                        .append(',')
                        .append(e.date())
                        .append(',')
                        .append(e.kind())
                        .append(',')
                        .append(e.points())
                        .append(',')
                        .append(running)
                        .append('\n');
            }
        }
        return dev.peakline.app.server.web.Exports.csv(csv, "inclusion-ledger-" + id);
    }
}
