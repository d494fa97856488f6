package dev.peakline.app.server.monitoring;

import dev.peakline.monitoring.Meter;
import dev.peakline.problems.ErrorCode;
import dev.peakline.problems.Problem;
import dev.peakline.problems.Refusal;
import dev.peakline.store.monitoring.Monitoring;
import dev.peakline.store.monitoring.Readings.Rejection;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Where enterprises' 接入端 gateways send readings over HTTP, authenticated by a gateway token ({@code Authorization:
 * Bearer plg_…}) that covers one enterprise's meters. A 200 means the batch is committed; its body says how many
 * readings were new, how many were already stored, and which items were rejected and why.
 */
@RestController
@RequestMapping("/ingest/v1")
@Tag(name = "ingest", description = "meter readings from enterprise gateways (接入端)")
public class IngestApi {
    /** Bodies larger than this are refused (413): send larger sets as several batches. */
    static final int LIMIT = 32 * 1024 * 1024;

    private final Ingest ingest;
    private final MeterDirectory directory;
    private final Monitoring monitoring;
    private final dev.peakline.store.datacentre.DataCentres centres;

    public IngestApi(
            Ingest ingest,
            MeterDirectory directory,
            Monitoring monitoring,
            dev.peakline.store.datacentre.DataCentres centres) {
        this.ingest = ingest;
        this.directory = directory;
        this.monitoring = monitoring;
        this.centres = centres;
    }

    @PostMapping("/readings")
    @Operation(summary = "A batch of readings and stated figures (JSON, or CSV with Content-Type text/csv)")
    public Map<String, Object> readings(
            @RequestHeader(value = HttpHeaders.AUTHORIZATION, required = false) String authorization,
            HttpServletRequest request)
            throws IOException {
        String origin = "http " + request.getRemoteAddr();
        byte[] body = read(request);
        String enterprise = authenticate(authorization, origin, body);
        Ingest.Prepared prepared;
        try {
            prepared = ingest.prepare(enterprise, request.getContentType(), body);
        } catch (Ingest.Refused r) {
            ingest.refuse("HTTP", enterprise, origin, r, body);
            throw Refusal.of(
                    ErrorCode.INGEST_REJECTED,
                    r.getMessage(),
                    List.of(Problem.at(r.reason(), "message", 0, "", r.getMessage())));
        }
        Ingest.Result result = ingest.store(enterprise, "HTTP", origin, List.of(prepared));
        return outcome(result);
    }

    @GetMapping("/meters")
    @Operation(summary = "The gateway's enterprise's measuring points and the device in service at each")
    public Map<String, Object> meters(
            @RequestHeader(value = HttpHeaders.AUTHORIZATION, required = false) String authorization,
            HttpServletRequest request) {
        String enterprise = authenticate(authorization, "http " + request.getRemoteAddr(), new byte[0]);
        List<Long> ids = new ArrayList<>();
        List<Meter> current = new ArrayList<>();
        directory.points(enterprise).forEach((code, devices) -> {
            Meter m = devices.get(devices.size() - 1);
            if (m.removedAt() == null) {
                current.add(m);
                ids.add(m.id());
            }
        });
        var latest = monitoring.latest(ids);
        // where a point measures a data centre, its position and the centre's design IT capacity (for a simulator)
        Map<String, Map<String, Object>> placed = new java.util.HashMap<>();
        for (var l : centres.of(enterprise)) {
            centres.meters(l.centre().id())
                    .forEach((code, position) -> placed.put(
                            code,
                            Map.of(
                                    "dataCentre", l.centre().code(),
                                    "position", position.code(),
                                    "itCapacityKw", l.centre().itCapacityKw())));
        }
        List<Map<String, Object>> out = new ArrayList<>();
        for (Meter m : current) {
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("meter", m.code());
            p.put("carrier", m.carrier());
            p.put("unit", m.unit());
            p.put("kind", m.kind().name());
            p.put("intervalSeconds", m.intervalSeconds());
            p.put("multiplier", m.multiplier());
            p.put("registerMax", m.registerMax());
            p.put("installedAt", m.installedAt().toString());
            var l = latest.get(m.id());
            if (l != null) {
                p.put("latestTs", l.ts().toString());
                p.put("latestValue", l.value());
            }
            if (placed.containsKey(m.code())) {
                p.putAll(placed.get(m.code()));
            }
            out.add(p);
        }
        return Map.of("enterprise", enterprise, "meters", out);
    }

    private String authenticate(String authorization, String origin, byte[] body) {
        String token = authorization != null && authorization.startsWith("Bearer ")
                ? authorization.substring(7).strip()
                : null;
        return ingest.enterpriseOf(token).orElseGet(() -> {
            ingest.refuse(
                    "HTTP",
                    null,
                    origin,
                    new Ingest.Refused("auth.token", "missing, unknown or revoked gateway token", true),
                    body);
            throw Refusal.of(ErrorCode.AUTH_TOKEN, "send Authorization: Bearer plg_… with a valid gateway token");
        });
    }

    static Map<String, Object> outcome(Ingest.Result result) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("batch", result.batchId());
        m.put("enterprise", result.enterprise());
        m.put("accepted", result.accepted());
        m.put("duplicates", result.duplicates());
        List<Map<String, Object>> rejected = new ArrayList<>();
        for (Rejection r : result.rejected()) {
            Map<String, Object> x = new LinkedHashMap<>();
            x.put("item", r.item());
            x.put("meter", r.meterCode());
            x.put("reason", r.reason());
            x.put("detail", r.detail());
            rejected.add(x);
        }
        m.put("rejected", rejected);
        return m;
    }

    private static byte[] read(HttpServletRequest request) throws IOException {
        if (request.getContentLengthLong() > LIMIT) {
            throw Refusal.of(ErrorCode.INGEST_TOO_LARGE, "a batch may have at most " + LIMIT + " bytes");
        }
        try (InputStream in = request.getInputStream()) {
            byte[] b = in.readNBytes(LIMIT + 1);
            if (b.length > LIMIT) {
                throw Refusal.of(ErrorCode.INGEST_TOO_LARGE, "a batch may have at most " + LIMIT + " bytes");
            }
            return b;
        }
    }
}
