package dev.peakline.app.server.pollution;

import dev.peakline.app.server.security.PeaklineUser;
import dev.peakline.app.server.security.Scopes;
import dev.peakline.domain.Enterprise;
import dev.peakline.io.pollution.PollutantReader;
import dev.peakline.io.table.Table;
import dev.peakline.pollution.EnvironmentalTax;
import dev.peakline.pollution.Synergy;
import dev.peakline.problems.ErrorCode;
import dev.peakline.problems.Problem;
import dev.peakline.problems.Refusal;
import dev.peakline.reference.Region;
import dev.peakline.store.ledger.AccountResults;
import dev.peakline.store.measures.MeasureRepository;
import dev.peakline.store.pollution.OutletRepository;
import dev.peakline.store.pollution.PollutantRepository;
import dev.peakline.store.users.UserRepository.Role;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.math.BigDecimal;
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
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * 污染物排放 beside CO2 (issue 18): an enterprise files its air and water pollutants per month and outlet (the same
 * reader and checks as {@code ./peakline pollutants}), sees their pollution equivalents and environmental protection
 * tax at the rates it states (the province's, within the law's range), and a region sees its children's pollution and
 * carbon together (co-control quadrant and cross-elasticity year on year).
 */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "pollutants", description = "污染物排放、污染当量与环境保护税；减污降碳协同")
public class PollutantApi {
    private final Scopes scopes;
    private final PollutantRepository pollutants;
    private final AccountResults accounts;
    private final MeasureRepository measures;
    private final dev.peakline.store.registry.EnterpriseRepository enterprises;
    private final OutletRepository outlets;

    public PollutantApi(
            Scopes scopes,
            PollutantRepository pollutants,
            AccountResults accounts,
            MeasureRepository measures,
            dev.peakline.store.registry.EnterpriseRepository enterprises,
            OutletRepository outlets) {
        this.scopes = scopes;
        this.outlets = outlets;
        this.pollutants = pollutants;
        this.accounts = accounts;
        this.measures = measures;
        this.enterprises = enterprises;
    }

    @PostMapping(path = "/enterprises/{code}/pollutants", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(
            summary = "Files pollutant emissions (CSV: enterprise,period,outlet,pollutant,quantity,unit[,method,"
                    + "outlet_id,level,limit]); an outlet_id must be a registered outlet of the enterprise; the months"
                    + " in the file are replaced whole, audited; any bad row refuses the file")
    public ResponseEntity<Map<String, Object>> file(
            @AuthenticationPrincipal PeaklineUser me,
            @PathVariable String code,
            @RequestPart("file") MultipartFile file)
            throws IOException {
        Enterprise e = scopes.fileFor(me, code);
        Table t = dev.peakline.app.server.web.Uploads.table(file, "pollutants.csv", List.of("pollutants", "污染物"));
        String name = t.source();
        PollutantReader.Read read = PollutantReader.read(t);
        List<Problem> problems = new ArrayList<>(read.problems());
        for (PollutantReader.Filed f : read.emissions()) {
            if (!f.emission().enterprise().equals(e.code().value())) {
                problems.add(Problem.at(
                        "enterprise.other",
                        name,
                        0,
                        "enterprise",
                        "a row is for " + f.emission().enterprise() + ", not " + code));
                break;
            }
        }
        return store(me, code, name, read.emissions(), problems, Map.of());
    }

    /**
     * Stores filed emissions replacing their months whole, or refuses them all: the reader's problems, a row for
     * another enterprise, or a month already submitted or approved (locked until the verifier returns it).
     */
    private ResponseEntity<Map<String, Object>> store(
            PeaklineUser me,
            String code,
            String source,
            List<PollutantReader.Filed> filed,
            List<Problem> problems,
            Map<String, List<PollutantRepository.Line>> kept) {
        java.util.TreeSet<String> periods = new java.util.TreeSet<>();
        filed.forEach(f -> periods.add(f.emission().period()));
        registered(code, source, filed, problems);
        if (problems.isEmpty()) {
            for (PollutantRepository.Month m : pollutants.locked(code, periods)) {
                problems.add(locked(source, m));
            }
        }
        if (!problems.isEmpty()) {
            throw Refusal.of(
                    ErrorCode.POLLUTANTS_INVALID, problems.size() + " problem(s); nothing was stored", problems);
        }
        List<PollutantRepository.Line> lines = new ArrayList<>();
        kept.values().forEach(lines::addAll);
        for (PollutantReader.Filed f : filed) {
            var b = f.basis();
            lines.add(new PollutantRepository.Line(
                    code,
                    f.emission().period(),
                    f.emission().outlet(),
                    f.emission().pollutant().code(),
                    f.emission().kg(),
                    f.method(),
                    b == null
                            ? PollutantRepository.Basis.NONE
                            : new PollutantRepository.Basis(
                                    b.activity(), b.coefficient(), b.removal(), b.operatingRate()),
                    f.emission().outletId(),
                    Double.isNaN(f.emission().level()) ? null : f.emission().level()));
        }
        int months;
        try {
            months = pollutants.replace(me.actor(), code, lines);
        } catch (IllegalStateException ex) {
            // submitted by another session between the check and the write: nothing was stored
            throw Refusal.of(ErrorCode.POLLUTANTS_INVALID, ex.getMessage(), List.of());
        }
        return ResponseEntity.status(HttpStatus.CREATED).body(Map.of("months", months, "lines", filed.size()));
    }

    /**
     * A numbered outlet must be one the enterprise registered, of the row's medium and in service; each row that is
     * not is named with its row.
     */
    private void registered(String code, String source, List<PollutantReader.Filed> filed, List<Problem> problems) {
        if (filed.stream().allMatch(f -> f.emission().outletId().isEmpty())) {
            return;
        }
        Map<String, OutletRepository.Outlet> known = new LinkedHashMap<>();
        outlets.of(code).forEach(o -> known.put(o.outletId(), o));
        for (PollutantReader.Filed f : filed) {
            String id = f.emission().outletId();
            OutletRepository.Outlet o = known.get(id);
            if (id.isEmpty()) {
                continue;
            }
            if (o == null) {
                problems.add(Problem.at(
                        "pollutants.unregistered",
                        source,
                        f.row(),
                        "outlet_id",
                        "outlet '" + id + "' is not registered for " + code + "; register it under 排放口 first"
                                + (known.isEmpty() ? "" : " (registered: " + String.join(", ", known.keySet()) + ")")));
            } else if (!o.medium().equals(f.emission().outlet())) {
                problems.add(Problem.at(
                        "pollutants.outlet_id",
                        source,
                        f.row(),
                        "outlet_id",
                        "outlet '" + id + "' is a" + (o.medium().equals("air") ? "n air" : " water") + " outlet, not '"
                                + f.emission().outlet() + "'"));
            } else if (o.status().equals("CLOSED")) {
                problems.add(Problem.at(
                        "pollutants.closed",
                        source,
                        f.row(),
                        "outlet_id",
                        "outlet '" + id + "' is closed; reopen it under 排放口 to file for it"));
            }
        }
    }

    private static Problem locked(String source, PollutantRepository.Month m) {
        return Problem.at(
                "pollutants.locked",
                source,
                0,
                "period",
                m.period() + " is " + (m.status().equals("APPROVED") ? "approved and locked" : "with the verifier")
                        + "; it cannot be replaced");
    }

    /** One pollutant of one month, entered in the form: the same checks as a file's row. */
    public record FormLine(
            String period,
            String outlet,
            String pollutant,
            String quantity,
            String unit,
            String method,
            String activity,
            String coefficient,
            String removalEfficiency,
            String operatingRate,
            String outletId,
            String level,
            String limit) {}

    @PostMapping(path = "/enterprises/{code}/pollutants/line", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            summary = "Files one pollutant of one month from the form (same checks as the file): it replaces that"
                    + " pollutant of the month's outlet and keeps the month's other lines; audited")
    public ResponseEntity<Map<String, Object>> line(
            @AuthenticationPrincipal PeaklineUser me,
            @PathVariable String code,
            @org.springframework.web.bind.annotation.RequestBody FormLine f) {
        scopes.fileFor(me, code);
        List<String> cells = java.util.Arrays.asList(
                code,
                f.period(),
                f.outlet(),
                f.pollutant(),
                f.quantity(),
                f.unit(),
                f.method(),
                f.activity(),
                f.coefficient(),
                f.removalEfficiency(),
                f.operatingRate(),
                f.outletId(),
                f.level(),
                f.limit());
        List<String> row = cells.stream().map(x -> x == null ? "" : x.strip()).toList();
        Table t = new Table(
                "form",
                List.of(
                        new Table.Line(
                                1,
                                List.of(
                                        "enterprise",
                                        "period",
                                        "outlet",
                                        "pollutant",
                                        "quantity",
                                        "unit",
                                        "method",
                                        "activity",
                                        "coefficient",
                                        "removal_efficiency",
                                        "operating_rate",
                                        "outlet_id",
                                        "level",
                                        "limit")),
                        new Table.Line(2, row)));
        PollutantReader.Read read = PollutantReader.read(t);
        List<Problem> problems = new ArrayList<>(read.problems());
        Map<String, List<PollutantRepository.Line>> kept = new LinkedHashMap<>();
        if (problems.isEmpty()) {
            EnvironmentalTax.Emission e = read.emissions().get(0).emission();
            int year = Integer.parseInt(e.period().substring(0, 4));
            kept.put(
                    e.period(),
                    pollutants.of(code, year).stream()
                            .filter(l -> l.period().equals(e.period())
                                    && !(l.outlet().equals(e.outlet())
                                            && l.outletId().equals(e.outletId())
                                            && l.pollutant()
                                                    .equals(e.pollutant().code())))
                            .toList());
        }
        return store(me, code, "form", read.emissions(), problems, kept);
    }

    /** A verifier's comment on a decision (required to return a month). */
    public record Decision(String comment) {}

    @PostMapping("/enterprises/{code}/pollutants/{period}/submit")
    @Operation(summary = "Submits a drafted or returned month of pollutants to the enterprise's verifier")
    public PollutantRepository.Month submit(
            @AuthenticationPrincipal PeaklineUser me, @PathVariable String code, @PathVariable String period) {
        scopes.fileFor(me, code);
        return step(me, code, period, List.of("DRAFT", "RETURNED"), "SUBMITTED", null);
    }

    @PostMapping("/enterprises/{code}/pollutants/{period}/approve")
    @Operation(summary = "The verifier approves a submitted month: it counts in the regions' views and is locked")
    public PollutantRepository.Month approve(
            @AuthenticationPrincipal PeaklineUser me,
            @PathVariable String code,
            @PathVariable String period,
            @org.springframework.web.bind.annotation.RequestBody(required = false) Decision d) {
        scopes.verify(me, code);
        return step(me, code, period, List.of("SUBMITTED"), "APPROVED", d == null ? null : blank(d.comment()));
    }

    @PostMapping("/enterprises/{code}/pollutants/{period}/return")
    @Operation(summary = "The verifier returns a submitted month with a comment saying what to correct")
    public PollutantRepository.Month giveBack(
            @AuthenticationPrincipal PeaklineUser me,
            @PathVariable String code,
            @PathVariable String period,
            @org.springframework.web.bind.annotation.RequestBody(required = false) Decision d) {
        scopes.verify(me, code);
        String comment = d == null ? null : blank(d.comment());
        if (comment == null) {
            throw Refusal.field(ErrorCode.COMMENT_REQUIRED, "comment", "say what to correct when returning a month");
        }
        if (comment.length() > 2000) {
            throw Refusal.field(ErrorCode.COMMENT_REQUIRED, "comment", "the comment is longer than 2000 characters");
        }
        return step(me, code, period, List.of("SUBMITTED"), "RETURNED", comment);
    }

    private PollutantRepository.Month step(
            PeaklineUser me, String code, String period, List<String> from, String to, String comment) {
        String p = dev.peakline.app.server.web.Requests.period(period).toString();
        return pollutants
                .move(me.actor(), code, p, from, to, comment)
                .orElseThrow(() -> Refusal.of(
                        ErrorCode.STATE,
                        p + " of " + code + " is not " + String.join(" or ", from) + " (filed months only)"));
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    /** A month awaiting the verifier, with the enterprise's name and region. */
    public record Waiting(
            String enterprise,
            String enterpriseName,
            String regionName,
            String period,
            java.time.Instant submittedAt) {}

    @GetMapping("/pollutants/queue")
    @Operation(summary = "Submitted pollutant months awaiting the caller's decision (a verifier's enterprises)")
    public List<Waiting> queue(@AuthenticationPrincipal PeaklineUser me) {
        if (me.role() != Role.ADMIN && me.role() != Role.VERIFIER) {
            throw Refusal.forbidden("only verifiers and administrators have a queue");
        }
        List<Waiting> out = new ArrayList<>();
        for (PollutantRepository.Month m : pollutants.waiting(me.role() == Role.ADMIN ? null : me.verifies())) {
            Enterprise e = scopes.enterprise(m.enterprise());
            out.add(new Waiting(
                    m.enterprise(), e.name(), scopes.region(e.region().value()).name(), m.period(), m.submittedAt()));
        }
        return out;
    }

    @GetMapping("/pollutants/template.xlsx")
    @Operation(summary = "The pollutant filing workbook with the caller's enterprise filled in, and the pollutant list")
    public ResponseEntity<byte[]> workbook(
            @AuthenticationPrincipal PeaklineUser me, @RequestParam(required = false) String period) {
        String code = me.user().enterprise() == null ? "" : me.user().enterprise();
        String p = period == null
                ? ""
                : dev.peakline.app.server.web.Requests.period(period).toString();
        return dev.peakline.app.server.web.Exports.workbook(
                dev.peakline.io.pollution.PollutantTemplate.write(code, p), "pollutants-template");
    }

    @GetMapping("/pollutants")
    @Operation(summary = "The taxable pollutants of the 环境保护税法 table with their equivalent values (kg)")
    public List<EnvironmentalTax.Pollutant> table() {
        return EnvironmentalTax.shipped().pollutants();
    }

    @GetMapping("/pollutants/template.csv")
    @Operation(summary = "The pollutant filing template (CSV, UTF-8)")
    public ResponseEntity<byte[]> template() {
        // outlet_id: the outlet's number as registered (DA001, DW001), empty with one outlet per medium; level and
        // limit for pH值 and 色度
        String text = String.join(",", PollutantReader.COLUMNS) + ",method,outlet_id,level,limit\n"
                + "91520181MA6DKQ3L5C,2024-01,air,二氧化硫,120.5,kg,实测,,,\n";
        return dev.peakline.app.server.web.Exports.csv(text, "pollutants-template");
    }

    @GetMapping("/enterprises/{code}/pollutants")
    @Operation(
            summary =
                    "An enterprise's pollutants of a year with their pollution equivalents and environmental protection"
                            + " tax at the rates given (yuan per equivalent; the province's, within the law's range)")
    public Map<String, Object> of(
            @AuthenticationPrincipal PeaklineUser me,
            @PathVariable String code,
            @RequestParam int year,
            @RequestParam(defaultValue = "1.2") double airRate,
            @RequestParam(defaultValue = "1.4") double waterRate) {
        scopes.readEnterprise(me, code);
        dev.peakline.app.server.web.Requests.checkSpan(year, null);
        rates(airRate, waterRate);
        List<EnvironmentalTax.Emission> emissions = new ArrayList<>();
        Map<EnvironmentalTax.Emission, String> method = new LinkedHashMap<>();
        List<PollutantRepository.Line> stored = pollutants.of(code, year);
        for (PollutantRepository.Line l : stored) {
            EnvironmentalTax.Pollutant p = EnvironmentalTax.shipped()
                    .find(l.outlet(), l.pollutant())
                    .orElseThrow(() -> new IllegalStateException("stored pollutant unknown: " + l.pollutant()));
            EnvironmentalTax.Emission e = new EnvironmentalTax.Emission(
                    code, l.period(), l.outlet(), l.outletId(), p, l.kg(), l.level() == null ? Double.NaN : l.level());
            emissions.add(e);
            method.put(e, l.method());
        }
        Map<EnvironmentalTax.Emission, PollutantRepository.Basis> basis = new LinkedHashMap<>();
        for (int i = 0; i < stored.size(); i++) {
            basis.put(emissions.get(i), stored.get(i).basis());
        }
        Map<String, String> status = new LinkedHashMap<>();
        List<PollutantRepository.Month> months = pollutants.months(code, year);
        months.forEach(m -> status.put(m.period(), m.status()));
        List<Map<String, Object>> rows = new ArrayList<>();
        BigDecimal tax = BigDecimal.ZERO;
        BigDecimal air = BigDecimal.ZERO;
        BigDecimal water = BigDecimal.ZERO;
        Map<String, Map<String, Object>> perOutlet = new java.util.TreeMap<>();
        Map<String, String> names = new LinkedHashMap<>();
        outlets.of(code).forEach(o -> names.put(o.outletId(), o.name()));
        for (EnvironmentalTax.Line l : EnvironmentalTax.tax(emissions, airRate, waterRate)) {
            EnvironmentalTax.Emission e = l.emission();
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("period", e.period());
            m.put("outlet", e.outlet());
            m.put("outletId", e.outletId());
            m.put("pollutant", e.pollutant().code());
            m.put("name", e.pollutant().nameCn());
            m.put("basis", e.pollutant().basis());
            m.put("kg", e.kg());
            if (!Double.isNaN(e.level())) {
                m.put("level", e.level());
            }
            m.put("method", method.get(e));
            m.put("status", status.getOrDefault(e.period(), "DRAFT"));
            PollutantRepository.Basis b = basis.get(e);
            if (b != null && b.activity() != null) {
                m.put("activity", b.activity());
                m.put("coefficient", b.coefficient());
                m.put("removal", b.removal());
                m.put("operatingRate", b.operatingRate());
            }
            double value = e.pollutant().code().equals("pH")
                    ? EnvironmentalTax.phValue(e.level())
                    : e.pollutant().kgPerEquivalent();
            m.put("kgPerEquivalent", Double.isNaN(value) ? null : value);
            m.put("equivalents", l.equivalents());
            m.put("taxed", l.taxed());
            m.put("taxYuan", l.taxYuan());
            rows.add(m);
            Map<String, Object> o = perOutlet.computeIfAbsent(e.outlet() + "|" + e.outletId(), k -> {
                Map<String, Object> x = new LinkedHashMap<>();
                x.put("outlet", e.outlet());
                x.put("outletId", e.outletId());
                x.put("name", names.getOrDefault(e.outletId(), ""));
                x.put("equivalents", BigDecimal.ZERO);
                x.put("taxYuan", BigDecimal.ZERO);
                return x;
            });
            o.put("equivalents", ((BigDecimal) o.get("equivalents")).add(l.equivalents()));
            o.put("taxYuan", ((BigDecimal) o.get("taxYuan")).add(l.taxYuan()));
            tax = tax.add(l.taxYuan());
            if (e.outlet().equals("air")) {
                air = air.add(l.equivalents());
            } else {
                water = water.add(l.equivalents());
            }
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("year", year);
        out.put("airRate", airRate);
        out.put("waterRate", waterRate);
        out.put("lines", rows);
        out.put("outlets", new ArrayList<>(perOutlet.values()));
        out.put("months", months);
        out.put("taxYuan", tax);
        out.put("airEquivalents", air);
        out.put("waterEquivalents", water);
        return out;
    }

    @GetMapping("/regions/{code}/synergy")
    @Operation(
            summary = "Pollution and carbon together, per child region, year on year: scope 1 CO2 of the filed"
                    + " enterprises and their air pollution equivalents, the co-control quadrant and cross-elasticity")
    public Map<String, Object> synergy(
            @AuthenticationPrincipal PeaklineUser me,
            @PathVariable String code,
            @RequestParam int year,
            @RequestParam(defaultValue = "0.5") double alpha,
            @RequestParam(defaultValue = "region") String by) {
        Region r = scopes.readRegion(me, code);
        if (!by.equals("region") && !by.equals("park")) {
            throw Refusal.field(ErrorCode.INVALID, "by", "by is region or park, not '" + by + "'");
        }
        dev.peakline.app.server.web.Requests.checkSpan(year, null);
        if (!(alpha >= 0 && alpha <= 1)) {
            throw Refusal.field(
                    ErrorCode.SYNERGY_WEIGHT, "alpha", "the weight α of pollution reduction is 0 to 1, not " + alpha);
        }
        List<Region> children = scopes.registry().children(r.code());
        List<Map<String, Object>> rows = new ArrayList<>();
        if (by.equals("park")) {
            // the parks of the subtree: their enterprises' scope 1 and air equivalents summed, year on year
            List<String> sub = scopes.subtree(r.code().value());
            Map<String, String> park = enterprises.parks(sub);
            Map<String, double[]> sums = new java.util.TreeMap<>();
            for (int i = 0; i < 2; i++) {
                int k = i;
                for (AccountResults.Row a : accounts.inRegions(sub, String.valueOf(year - 1 + i))) {
                    String p = park.get(a.enterprise().value());
                    if (p != null) {
                        sums.computeIfAbsent(p, x -> new double[4])[k] += a.scope1();
                    }
                }
                pollutants.yearByEnterprise(sub, year - 1 + i).forEach((ent, kg) -> {
                    String p = park.get(ent);
                    if (p != null) {
                        sums.computeIfAbsent(p, x -> new double[4])[2 + k] += Synergy.airEquivalents(air(kg));
                    }
                });
            }
            sums.forEach((p, v) -> rows.add(effect(p, p, v[0], v[1], v[2], v[3])));
        } else if (children.isEmpty()) {
            // a county: its enterprises with pollutants or accounts, each against its own year before
            List<String> here = List.of(r.code().value());
            Map<String, double[]> co2 = new LinkedHashMap<>();
            for (int i = 0; i < 2; i++) {
                int k = i;
                for (AccountResults.Row a : accounts.inRegions(here, String.valueOf(year - 1 + i))) {
                    co2.computeIfAbsent(a.enterprise().value(), x -> new double[2])[k] += a.scope1();
                }
            }
            Map<String, double[]> ap = new LinkedHashMap<>();
            for (int i = 0; i < 2; i++) {
                int k = i;
                pollutants
                        .yearByEnterprise(here, year - 1 + i)
                        .forEach((ent, kg) ->
                                ap.computeIfAbsent(ent, x -> new double[2])[k] = Synergy.airEquivalents(air(kg)));
            }
            for (String ent : new java.util.TreeSet<>(ap.keySet())) {
                double[] c = co2.getOrDefault(ent, new double[2]);
                double[] a = ap.get(ent);
                rows.add(effect(ent, scopes.enterprise(ent).name(), c[0], c[1], a[0], a[1]));
            }
        } else {
            for (Region c : children) {
                List<String> sub = scopes.subtree(c.code().value());
                rows.add(effect(
                        c.code().value(),
                        c.name(),
                        direct(sub, year - 1),
                        direct(sub, year),
                        airEquivalents(sub, year - 1),
                        airEquivalents(sub, year)));
            }
        }
        rank(rows, alpha);
        List<Map<String, Object>> both = new ArrayList<>();
        for (MeasureRepository.Measure x : measures.measures()) {
            if (x.co2SavingPct() != null
                    && x.pollutantSavingPct() != null
                    && x.co2SavingPct() > 0
                    && x.pollutantSavingPct() > 0) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("id", x.id());
                m.put("name", x.name());
                m.put("product", x.product());
                m.put("co2SavingPct", x.co2SavingPct());
                m.put("pollutantSavingPct", x.pollutantSavingPct());
                // relative changes of a measure: Els = (−c %)/(−p %) = c / p
                m.put("elasticity", x.co2SavingPct() / x.pollutantSavingPct());
                m.put("cost10kYuan", x.cost10kYuan());
                m.put("source", x.source());
                both.add(m);
            }
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("region", r.code().value());
        out.put("year", year);
        out.put("alpha", alpha);
        out.put("level", by.equals("park") ? "park" : children.isEmpty() ? "enterprise" : "region");
        out.put("children", rows);
        out.put("measures", both);
        return out;
    }

    /**
     * The coupling-coordination degree D of each child with both years (Synergy#coordination): U₁ and U₂ are the
     * children's relative reductions of air pollution equivalents and of CO2, normalised min–max across the children
     * compared; T = αU₁ + (1 − α)U₂. Children are ranked by D, highest first; fewer than two children with both years,
     * or all equal, give no D. The class of D follows the ten-band scheme of the coupling-coordination literature.
     */
    static void rank(List<Map<String, Object>> rows, double alpha) {
        List<Map<String, Object>> with =
                rows.stream().filter(m -> m.containsKey("quadrant")).toList();
        double[] ap = with.stream()
                .mapToDouble(m -> (double) m.get("airCut") / (double) m.get("airEquivalentsBefore"))
                .toArray();
        double[] co2 = with.stream()
                .mapToDouble(m -> (double) m.get("co2Cut") / (double) m.get("co2Before"))
                .toArray();
        Synergy.rank(ap, co2, alpha).ifPresent(r -> {
            for (int i = 0; i < with.size(); i++) {
                with.get(i).put("u1", r.u1()[i]);
                with.get(i).put("u2", r.u2()[i]);
                with.get(i).put("coordination", r.coordination()[i]);
                with.get(i).put("band", r.band()[i]);
                with.get(i).put("rank", r.rank()[i]);
            }
        });
    }

    @GetMapping("/enterprises/{code}/synergy")
    @Operation(
            summary = "An enterprise's scope 1 CO2 and air pollution equivalents (approved months) against the year"
                    + " before: the co-control quadrant and cross-elasticity")
    public Map<String, Object> enterpriseSynergy(
            @AuthenticationPrincipal PeaklineUser me, @PathVariable String code, @RequestParam int year) {
        Enterprise e = scopes.readEnterprise(me, code);
        dev.peakline.app.server.web.Requests.checkSpan(year, null);
        Map<Integer, AccountResults.EnterpriseYear> years = accounts.yearsOf(e.code());
        double[] co2 = new double[2];
        double[] ap = new double[2];
        for (int k = 0; k < 2; k++) {
            int y = year - 1 + k;
            co2[k] = years.containsKey(y) ? years.get(y).scope1() : 0;
            Map<String, Double> kg = pollutants.yearOf(code, y);
            ap[k] = kg.isEmpty() ? 0 : Synergy.airEquivalents(air(kg));
        }
        Map<String, Object> out = effect(code, e.name(), co2[0], co2[1], ap[0], ap[1]);
        out.put("year", year);
        // each numbered air outlet's equivalents in both years; their sum is airEquivalents(Before)
        Map<String, double[]> byOutlet = new java.util.TreeMap<>();
        for (int k = 0; k < 2; k++) {
            int kk = k;
            pollutants
                    .airByOutlet(code, year - 1 + k)
                    .forEach((id, kg) ->
                            byOutlet.computeIfAbsent(id, x -> new double[2])[kk] = Synergy.airEquivalents(kg));
        }
        List<Map<String, Object>> outlets = new ArrayList<>();
        byOutlet.forEach((id, v) -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("outletId", id);
            m.put("airEquivalentsBefore", v[0]);
            m.put("airEquivalents", v[1]);
            outlets.add(m);
        });
        out.put("outlets", outlets);
        return out;
    }

    /** A row of the synergy view: both years' CO2 and air equivalents, and with both, the co-control effect. */
    private static Map<String, Object> effect(
            String code, String name, double co2Before, double co2, double apBefore, double ap) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("region", code);
        m.put("name", name);
        m.put("co2Before", co2Before);
        m.put("co2", co2);
        m.put("airEquivalentsBefore", apBefore);
        m.put("airEquivalents", ap);
        if (co2Before > 0 && apBefore > 0 && ap > 0) {
            Synergy.Effect e = Synergy.effect(co2Before, co2, apBefore, ap);
            m.put("co2Cut", e.co2Cut());
            m.put("airCut", e.apCut());
            m.put("quadrant", e.quadrant());
            m.put("elasticity", Double.isNaN(e.elasticity()) ? null : e.elasticity());
        }
        return m;
    }

    /** The air pollutants of an enterprise's kg by outlet|pollutant, by pollutant. */
    private static Map<String, Double> air(Map<String, Double> kg) {
        Map<String, Double> out = new LinkedHashMap<>();
        kg.forEach((key, v) -> {
            if (key.startsWith("air|")) {
                out.merge(key.substring(4), v, Double::sum);
            }
        });
        return out;
    }

    /** Scope 1 CO2 of the subtree's filed enterprises in a year, from the summaries (V18). */
    private double direct(List<String> regions, int year) {
        double s = 0;
        for (AccountResults.Cell cell : accounts.cube(regions, year)) {
            s += cell.combustion() + cell.process();
        }
        return s;
    }

    /** Air pollution equivalents of the regions' filed pollutants in a year ({@link Synergy#airEquivalents}). */
    private double airEquivalents(List<String> regions, int year) {
        Map<String, Double> kg = new LinkedHashMap<>();
        for (Map<String, Double> e : pollutants.yearByEnterprise(regions, year).values()) {
            air(e).forEach((p, v) -> kg.merge(p, v, Double::sum));
        }
        return Synergy.airEquivalents(kg);
    }

    private static void rates(double air, double water) {
        if (!(air >= EnvironmentalTax.AIR_MIN && air <= EnvironmentalTax.AIR_MAX)) {
            throw Refusal.field(
                    ErrorCode.POLLUTANTS_INVALID,
                    "airRate",
                    "the air rate is 1.2 to 12 yuan per equivalent, not " + air);
        }
        if (!(water >= EnvironmentalTax.WATER_MIN && water <= EnvironmentalTax.WATER_MAX)) {
            throw Refusal.field(
                    ErrorCode.POLLUTANTS_INVALID,
                    "waterRate",
                    "the water rate is 1.4 to 14 yuan per equivalent, not " + water);
        }
    }
}
