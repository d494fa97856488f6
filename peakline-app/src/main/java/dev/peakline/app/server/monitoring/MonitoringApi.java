package dev.peakline.app.server.monitoring;

import dev.peakline.app.server.security.Accounts;
import dev.peakline.app.server.security.GatewayTokens;
import dev.peakline.app.server.security.PeaklineUser;
import dev.peakline.app.server.security.Scopes;
import dev.peakline.app.server.web.Requests;
import dev.peakline.domain.ChinaTime;
import dev.peakline.domain.DateWindow;
import dev.peakline.domain.Enterprise;
import dev.peakline.monitoring.Meter;
import dev.peakline.monitoring.MeterKind;
import dev.peakline.problems.ErrorCode;
import dev.peakline.problems.Problem;
import dev.peakline.problems.Refusal;
import dev.peakline.reference.EnergyCarrier;
import dev.peakline.reference.ReferenceLibrary;
import dev.peakline.store.StoreException;
import dev.peakline.store.monitoring.MeterRepository;
import dev.peakline.store.monitoring.Monitoring;
import dev.peakline.store.registry.EnterpriseRepository;
import dev.peakline.units.Unit;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Online monitoring (能耗在线监测) of the API: the meter registry and gateway tokens of an enterprise (the enterprise
 * itself or an administrator changes them; whoever may read the enterprise sees them), its monitoring page, day
 * roll-ups, quality report, rejected items and reconciliation with its filings, and a region's quality status.
 */
@RestController
@Tag(name = "monitoring", description = "meters, readings, data quality, reconciliation")
public class MonitoringApi {
    /** Multipliers above this are taken for a typing error (the largest CT × PT ratios are about 10⁵). */
    static final double MAX_MULTIPLIER = 1e6;

    private final Scopes scopes;
    private final MeterRepository meters;
    private final MeterDirectory directory;
    private final Monitoring monitoring;
    private final MonitoringViews views;
    private final Reconciler reconciler;
    private final Ingest ingest;
    private final RollupWorker worker;
    private final ReferenceLibrary library;
    private final dev.peakline.store.Database db;
    private final EnterpriseRepository enterpriseRepository;
    private final Clock clock;

    public MonitoringApi(
            Scopes scopes,
            MeterRepository meters,
            MeterDirectory directory,
            Monitoring monitoring,
            MonitoringViews views,
            Reconciler reconciler,
            Ingest ingest,
            RollupWorker worker,
            ReferenceLibrary library,
            dev.peakline.store.Database db,
            EnterpriseRepository enterpriseRepository,
            Clock clock) {
        this.scopes = scopes;
        this.meters = meters;
        this.directory = directory;
        this.monitoring = monitoring;
        this.views = views;
        this.reconciler = reconciler;
        this.ingest = ingest;
        this.worker = worker;
        this.library = library;
        this.db = db;
        this.enterpriseRepository = enterpriseRepository;
        this.clock = clock;
    }

    /** A meter as registered: the point's code and the device's properties. */
    public record MeterForm(
            String code,
            String name,
            String carrier,
            String unit,
            String kind,
            Double multiplier,
            Integer intervalSeconds,
            Double registerMax,
            String installedAt,
            Long facilityId) {}

    /** A replacement: when, the old register's final reading, the new device and its initial reading. */
    public record Replacement(String at, Double finalReading, Double initialReading, MeterForm meter) {}

    @GetMapping("/api/v1/enterprises/{code}/meters")
    @Operation(summary = "The meter registry: every device at every point, in service or removed")
    public List<Meter> list(@AuthenticationPrincipal PeaklineUser me, @PathVariable String code) {
        Enterprise e = scopes.readEnterprise(me, code);
        return meters.ofEnterprise(e.code());
    }

    @PostMapping("/api/v1/enterprises/{code}/meters")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Registers a meter at a new point")
    public Meter register(
            @AuthenticationPrincipal PeaklineUser me, @PathVariable String code, @RequestBody MeterForm form) {
        Enterprise e = scopes.fileFor(me, code);
        Meter m = check(e, form, null);
        try {
            return meters.register(me.actor(), m);
        } catch (StoreException ex) {
            if (ex.isConflict()) {
                throw Refusal.of(
                        ErrorCode.METER_EXISTS,
                        "point " + form.code() + " already has a meter in service; replace it instead");
            }
            throw ex;
        } finally {
            directory.invalidate(code);
        }
    }

    @PostMapping("/api/v1/enterprises/{code}/meters/{point}/replace")
    @Operation(summary = "Replaces the device in service at a point (换表), with the final and initial register readings")
    public Meter replace(
            @AuthenticationPrincipal PeaklineUser me,
            @PathVariable String code,
            @PathVariable String point,
            @RequestBody Replacement r) {
        Enterprise e = scopes.fileFor(me, code);
        if (r.meter() == null) {
            throw Refusal.field(ErrorCode.METER_REPLACE, "replacement", "the new meter is missing");
        }
        Instant at = instant(r.at(), "at");
        MeterForm f = r.meter();
        Meter next = check(
                e,
                new MeterForm(
                        point,
                        f.name(),
                        f.carrier(),
                        f.unit(),
                        f.kind(),
                        f.multiplier(),
                        f.intervalSeconds(),
                        f.registerMax(),
                        r.at(),
                        f.facilityId()),
                at);
        for (Double v : new Double[] {r.finalReading(), r.initialReading()}) {
            if (v != null && (!Double.isFinite(v) || v < 0)) {
                throw Refusal.field(
                        ErrorCode.METER_READING, "reading", "register readings must be finite and not negative");
            }
        }
        try {
            return meters.replace(
                    me.actor(),
                    e.code(),
                    point,
                    at,
                    r.finalReading() == null ? Double.NaN : r.finalReading(),
                    next,
                    r.initialReading() == null ? Double.NaN : r.initialReading());
        } catch (IllegalStateException ex) {
            throw Refusal.notFound("a meter in service at point " + point);
        } catch (IllegalArgumentException ex) {
            throw Refusal.field(ErrorCode.METER_REPLACE, "replacement", ex.getMessage());
        } finally {
            directory.invalidate(code);
        }
    }

    private Meter check(Enterprise e, MeterForm f, Instant at) {
        List<Problem> p = new ArrayList<>();
        String src = "meter";
        if (f.code() == null || !f.code().matches("[A-Za-z0-9_.:-]{1,64}")) {
            p.add(Problem.at("meter.code", src, 0, "code", "a point code is 1–64 letters, digits or _ . : -"));
        }
        if (f.name() == null || f.name().isBlank() || f.name().length() > 100) {
            p.add(Problem.at("meter.name", src, 0, "name", "a meter needs a name of 1–100 characters"));
        }
        Optional<EnergyCarrier> carrier = f.carrier() == null ? Optional.empty() : library.carrier(f.carrier());
        if (carrier.isEmpty()) {
            p.add(Problem.at("meter.carrier", src, 0, "carrier", "unknown energy carrier " + f.carrier()));
        }
        Optional<Unit> unit = Unit.parse(f.unit());
        if (unit.isEmpty()) {
            p.add(Problem.at("meter.unit", src, 0, "unit", "unknown unit " + f.unit()));
        } else if (carrier.isPresent()
                && unit.get().dimension() != carrier.get().dimension()) {
            p.add(Problem.at(
                    "meter.unit",
                    src,
                    0,
                    "unit",
                    carrier.get().nameCn() + " is measured in "
                            + carrier.get().dimension().nameCn() + " units ("
                            + carrier.get().activityUnit().symbol() + "), not "
                            + f.unit()));
        }
        MeterKind kind = null;
        try {
            kind = MeterKind.valueOf(f.kind() == null ? "" : f.kind().toUpperCase());
        } catch (IllegalArgumentException ex) {
            p.add(Problem.at("meter.kind", src, 0, "kind", "kind is REGISTER (cumulative) or INTERVAL"));
        }
        double multiplier = f.multiplier() == null ? 1 : f.multiplier();
        if (!(multiplier > 0) || multiplier > MAX_MULTIPLIER) {
            p.add(Problem.at("meter.multiplier", src, 0, "multiplier", "multiplier must be above 0 and at most 10⁶"));
        }
        int interval = f.intervalSeconds() == null ? 900 : f.intervalSeconds();
        if (interval < 60 || interval > 86_400) {
            p.add(Problem.at("meter.interval", src, 0, "intervalSeconds", "the sampling interval is 60 to 86,400 s"));
        }
        double max = f.registerMax() == null ? 0 : f.registerMax();
        if (!(max >= 0) || Double.isInfinite(max)) {
            p.add(Problem.at(
                    "meter.register_max", src, 0, "registerMax", "the register maximum is 0 (unknown) or positive"));
        }
        Instant installed = null;
        try {
            installed = at != null ? at : instant(f.installedAt(), "installedAt");
            if (installed.isAfter(clock.instant().plusSeconds(86_400))) {
                p.add(Problem.at("meter.installed", src, 0, "installedAt", "installation is in the future"));
            }
        } catch (Refusal ex) {
            p.add(Problem.at("meter.installed", src, 0, "installedAt", ex.getMessage()));
        }
        if (f.facilityId() != null
                && enterpriseRepository.facilities(e.code()).stream().noneMatch(x -> x.id() == f.facilityId())) {
            p.add(Problem.at(
                    "meter.facility",
                    src,
                    0,
                    "facilityId",
                    "facility " + f.facilityId() + " is not one of " + e.code() + "'s"));
        }
        if (!p.isEmpty()) {
            throw Refusal.of(ErrorCode.METER_INVALID, "the meter is not valid", p);
        }
        return new Meter(
                0,
                e.code(),
                f.facilityId(),
                f.code(),
                f.name().strip(),
                carrier.get().code(),
                unit.get().symbol(),
                kind,
                multiplier,
                interval,
                max,
                installed,
                null,
                null);
    }

    private static Instant instant(String s, String field) {
        if (s == null) {
            throw Refusal.field(ErrorCode.METER_FIELD, field, field + " is missing");
        }
        Instant t;
        try {
            t = OffsetDateTime.parse(s).toInstant();
        } catch (DateTimeParseException ex) {
            throw Refusal.field(
                    ErrorCode.METER_FIELD,
                    field,
                    field + " must be ISO 8601 with an offset, e.g. 2026-03-01T00:00:00+08:00");
        }
        if (!DateWindow.contains(t)) {
            throw Refusal.field(ErrorCode.METER_FIELD, field, field + " " + s + " is " + DateWindow.outside());
        }
        return t;
    }

    @GetMapping("/api/v1/enterprises/{code}/gateway-tokens")
    @Operation(summary = "The enterprise's gateway tokens (names only)")
    public List<Monitoring.GatewayToken> tokens(@AuthenticationPrincipal PeaklineUser me, @PathVariable String code) {
        Enterprise e = scopes.fileFor(me, code);
        return monitoring.gatewayTokens(e.code());
    }

    @PostMapping("/api/v1/enterprises/{code}/gateway-tokens")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Creates a gateway token for the enterprise's 接入端; the token is shown once")
    public Map<String, String> createToken(
            @AuthenticationPrincipal PeaklineUser me,
            @PathVariable String code,
            @RequestBody Map<String, String> body) {
        Enterprise e = scopes.fileFor(me, code);
        String name = body.getOrDefault("name", "").strip();
        if (name.isEmpty() || name.length() > 100) {
            throw Refusal.field(ErrorCode.TOKEN_NAME, "name", "a token needs a name of at most 100 characters");
        }
        String token = GatewayTokens.newToken();
        monitoring.addGatewayToken(me.actor(), me.user().id(), e.code(), name, Accounts.hash(token));
        return Map.of("name", name, "token", token);
    }

    @DeleteMapping("/api/v1/enterprises/{code}/gateway-tokens/{name}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Revokes the enterprise's gateway tokens of a name")
    public void revokeToken(
            @AuthenticationPrincipal PeaklineUser me, @PathVariable String code, @PathVariable String name) {
        Enterprise e = scopes.fileFor(me, code);
        if (monitoring.revokeGatewayToken(me.actor(), e.code(), name) == 0) {
            throw Refusal.notFound("gateway token " + name);
        }
        ingest.forgetTokens();
    }

    @GetMapping("/api/v1/enterprises/{code}/monitoring")
    @Operation(summary = "Latest readings, today's and this month's consumption, meter health")
    public Map<String, Object> enterprise(@AuthenticationPrincipal PeaklineUser me, @PathVariable String code) {
        scopes.readEnterprise(me, code);
        return views.enterprise(code);
    }

    @GetMapping("/api/v1/enterprises/{code}/monitoring/days")
    @Operation(summary = "Day roll-ups of the enterprise's meters (from..to, at most 366 days)")
    public List<Map<String, Object>> days(
            @AuthenticationPrincipal PeaklineUser me,
            @PathVariable String code,
            @RequestParam String from,
            @RequestParam String to,
            @RequestParam(required = false) String meter) {
        Enterprise e = scopes.readEnterprise(me, code);
        LocalDate a = date(from);
        LocalDate b = date(to);
        if (b.isBefore(a) || b.toEpochDay() - a.toEpochDay() > 366) {
            throw Refusal.field(ErrorCode.MONITORING_RANGE, "range", "from..to must be at most 366 days, from first");
        }
        List<Meter> all = meters.ofEnterprise(e.code()).stream()
                .filter(m -> meter == null || m.code().equals(meter))
                .toList();
        Map<Long, Meter> byId = new LinkedHashMap<>();
        all.forEach(m -> byId.put(m.id(), m));
        List<Map<String, Object>> out = new ArrayList<>();
        for (Monitoring.MeterDay d : monitoring.days(byId.keySet(), a, b)) {
            Meter m = byId.get(d.meterId());
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("meter", m.code());
            r.put("device", m.id());
            r.put("day", d.figure().day().toString());
            r.put("consumption", d.figure().consumption());
            r.put("unit", m.unit());
            r.put("readings", d.figure().readings());
            r.put("expected", d.figure().expected());
            r.put("completeness", d.figure().completeness());
            r.put("gapSeconds", d.figure().gapSeconds());
            r.put("coveredSeconds", d.figure().coveredSeconds());
            r.put("measured", d.figure().measured());
            r.put("rollovers", d.figure().rollovers());
            r.put("resets", d.figure().resets());
            out.add(r);
        }
        return out;
    }

    @GetMapping("/api/v1/enterprises/{code}/monitoring/quality")
    @Operation(summary = "Data-quality report of an enterprise-month, per meter")
    public Map<String, Object> quality(
            @AuthenticationPrincipal PeaklineUser me,
            @PathVariable String code,
            @RequestParam(required = false) String month) {
        scopes.readEnterprise(me, code);
        return views.enterpriseQuality(code, month(month));
    }

    @GetMapping("/api/v1/enterprises/{code}/monitoring/rejected")
    @Operation(summary = "The latest rejected items of the enterprise's gateways, with reasons")
    public List<Monitoring.Rejected> rejected(
            @AuthenticationPrincipal PeaklineUser me,
            @PathVariable String code,
            @RequestParam(defaultValue = "100") int limit) {
        scopes.readEnterprise(me, code);
        return monitoring.rejected(code, Math.max(1, Math.min(limit, 1000)));
    }

    @GetMapping("/api/v1/monitoring/refusals")
    @Operation(
            summary = "How many messages of unknown senders were refused, by day, channel and reason; administrators",
            description = "Messages without a valid gateway token are counted, never stored.")
    public List<Monitoring.RefusalCount> refusals(
            @AuthenticationPrincipal PeaklineUser me, @RequestParam(defaultValue = "30") int days) {
        scopes.admin(me);
        LocalDate today = LocalDate.now(clock.withZone(ChinaTime.ZONE));
        return monitoring.refusalCounts(today.minusDays(Math.max(0, Math.min(days, 3660))));
    }

    @PostMapping("/api/v1/enterprises/{code}/monitoring/reconcile")
    @Operation(
            summary = "Metered monthly consumption into a draft filing, or against the filed figures",
            description = "Only the enterprise (or an administrator) drafts from the meters; a verifier compares.")
    public List<Monitoring.Reconciled> reconcile(
            @AuthenticationPrincipal PeaklineUser me, @PathVariable String code, @RequestParam String period) {
        Enterprise e = scopes.readEnterprise(me, code);
        if (me.role() == dev.peakline.store.users.UserRepository.Role.GOVERNMENT) {
            throw Refusal.forbidden(
                    "government users read reconciliations; the enterprise, its verifier or an administrator runs them");
        }
        worker.drain();
        boolean mayDraft = me.role() != dev.peakline.store.users.UserRepository.Role.VERIFIER;
        return reconciler.reconcile(me.actor(), e.code(), month(period), mayDraft);
    }

    @GetMapping("/api/v1/enterprises/{code}/monitoring/reconciliation")
    @Operation(summary = "The stored reconciliation of an enterprise-month")
    public List<Monitoring.Reconciled> reconciliation(
            @AuthenticationPrincipal PeaklineUser me, @PathVariable String code, @RequestParam String period) {
        scopes.readEnterprise(me, code);
        return monitoring.reconciliation(code, month(period).toString());
    }

    @GetMapping("/api/v1/regions/{code}/monitoring/quality")
    @Operation(summary = "Data-quality status of every metered enterprise in the region's subtree")
    public Map<String, Object> region(
            @AuthenticationPrincipal PeaklineUser me,
            @PathVariable String code,
            @RequestParam(required = false) String month) {
        scopes.readRegion(me, code);
        return views.regionQuality(code, scopes.enterprisesIn(code), month(month));
    }

    private YearMonth month(String s) {
        if (s == null || s.isBlank()) {
            return YearMonth.now(clock.withZone(ChinaTime.ZONE));
        }
        return Requests.period(s);
    }

    private static LocalDate date(String s) {
        try {
            LocalDate d = LocalDate.parse(s);
            if (!DateWindow.contains(d)) {
                throw Refusal.field(ErrorCode.DATE_FORMAT, "date", "date " + s + " is " + DateWindow.outside());
            }
            return d;
        } catch (DateTimeParseException e) {
            throw Refusal.field(ErrorCode.DATE_FORMAT, "date", "'" + s + "' is not a date YYYY-MM-DD");
        }
    }
}
