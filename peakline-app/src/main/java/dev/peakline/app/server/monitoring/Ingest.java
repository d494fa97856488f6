package dev.peakline.app.server.monitoring;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import dev.peakline.app.server.security.Accounts;
import dev.peakline.app.server.security.GatewayTokens;
import dev.peakline.domain.ChinaTime;
import dev.peakline.domain.DateWindow;
import dev.peakline.monitoring.Meter;
import dev.peakline.monitoring.Tolerance;
import dev.peakline.store.monitoring.Monitoring;
import dev.peakline.store.monitoring.Readings;
import dev.peakline.store.monitoring.Readings.Rejection;
import dev.peakline.units.Unit;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * The one door for meter data, over HTTP and MQTT alike. A message names its enterprise by its gateway token; each
 * item is checked (known point of that enterprise, device in service at the time, time not in the future, a finite,
 * non-negative, not absurd value in the meter's own unit) and what fails goes to the rejected-messages table with its
 * reason while the rest is stored. Nothing here throws on bad input: a message that cannot be read at all is itself
 * rejected.
 *
 * <p>JSON: {@code {"readings":[{"meter":"E-01","ts":"2026-03-01T00:15:00+08:00","value":1234.5,"unit":"kWh"}],
 * "statistics":[{"meter":"E-01","period":"day","ts":"2026-03-02T00:00:20+08:00","value":2140.5}]}}; {@code ts} is ISO
 * 8601 with an offset or epoch milliseconds, {@code unit} is optional. MQTT messages carry {@code "token"} as well.
 * CSV: a header {@code meter,ts,value} (and optionally {@code unit}), one reading per row.
 */
@Component
public class Ingest {
    /** Readings further in the future than this (clock skew of a gateway) are refused. */
    static final long FUTURE_MS = 5 * 60_000L;
    /** Larger values are taken for corrupt data: no register or interval of a plant reaches 10¹² units. */
    static final double ABSURD = 1e12;

    private final MeterDirectory directory;
    private final Monitoring monitoring;
    private final Readings readings;
    /** The deepest nesting a meter message may have. */
    static final int MAX_DEPTH = 16;

    private final ObjectMapper json;
    private final Clock clock;
    private final Map<String, String> tokens = new ConcurrentHashMap<>();

    public Ingest(MeterDirectory directory, Monitoring monitoring, Readings readings, ObjectMapper json, Clock clock) {
        this.directory = directory;
        this.monitoring = monitoring;
        this.readings = readings;
        // meter messages are flat: a few levels deep, short strings and numbers (a 5,000-level message is refused
        // by the parser, not walked)
        this.json = json.copy();
        this.json
                .getFactory()
                .setStreamReadConstraints(com.fasterxml.jackson.core.StreamReadConstraints.builder()
                        .maxNestingDepth(MAX_DEPTH)
                        .maxNumberLength(100)
                        .maxStringLength(100_000)
                        .build());
        this.clock = clock;
    }

    /** One message's items, checked and resolved to devices, not yet stored. */
    public static final class Prepared {
        final Readings.Batch batch = new Readings.Batch();
        final List<Readings.Statistic> statistics = new ArrayList<>();
        final List<Rejection> rejections = new ArrayList<>();
        int items;
        /** The gateway token a streamed message carried (an MQTT message is checked by it), or null. */
        String token;

        /** Each reading taken (item, meter id, epoch ms, value), the statistics and the rejections, as text. */
        public List<String> lines() {
            List<String> out = new ArrayList<>();
            for (int i = 0; i < batch.size(); i++) {
                out.add(batch.item(i) + " " + batch.meter(i) + " " + batch.ts(i) + " "
                        + Double.doubleToRawLongBits(batch.value(i)));
            }
            statistics.forEach(x -> out.add(x.toString()));
            rejections.forEach(x -> out.add(x.toString()));
            out.add("items " + items);
            return out;
        }
    }

    /** What was stored for one message (or group of messages). */
    public record Result(String enterprise, long batchId, int accepted, int duplicates, List<Rejection> rejected) {}

    /**
     * A message refused as a whole: unreadable or unauthorised. {@code unauthorised} says that the message's own
     * enterprise is not known (no valid token, or not yet checked); {@code owner} is the enterprise its token was
     * verified for, if any, under which the refusal is recorded.
     */
    public static final class Refused extends RuntimeException {
        private final String reason;
        private final boolean unauthorised;
        private final String owner;

        Refused(String reason, String detail, boolean unauthorised) {
            this(reason, detail, unauthorised, null);
        }

        Refused(String reason, String detail, boolean unauthorised, String owner) {
            super(detail);
            this.reason = reason;
            this.unauthorised = unauthorised;
            this.owner = owner;
        }

        /** The enterprise the message's token was verified for, or null. */
        public String owner() {
            return owner;
        }

        public String reason() {
            return reason;
        }

        public boolean unauthorised() {
            return unauthorised;
        }
    }

    /** The enterprise of a gateway token, if it is valid. */
    public Optional<String> enterpriseOf(String token) {
        if (token == null || !token.startsWith(GatewayTokens.PREFIX)) {
            return Optional.empty();
        }
        String hash = Accounts.hash(token);
        String cached = tokens.get(hash);
        if (cached != null) {
            // the lookup is cached, its use is not: the administrator's token list shows it to the minute
            java.time.Instant now = clock.instant();
            java.time.Instant noted = used.get(hash);
            if (noted == null || noted.isBefore(now.minusSeconds(60))) {
                used.put(hash, now);
                monitoring.noteGatewayUse(hash);
            }
            return Optional.of(cached);
        }
        Optional<String> e = monitoring.gatewayEnterprise(hash);
        e.ifPresent(v -> {
            tokens.put(hash, v);
            used.put(hash, clock.instant());
        });
        return e;
    }

    /** When each cached token's use was last written. */
    private final Map<String, java.time.Instant> used = new ConcurrentHashMap<>();

    /** A merge moved gateway tokens to another enterprise: the cached lookups name the old one. */
    @org.springframework.context.event.EventListener(dev.peakline.app.server.registry.EnterprisesMerged.class)
    public void merged() {
        forgetTokens();
    }

    /** Forgets cached token lookups (after a revocation). */
    void forgetTokens() {
        tokens.clear();
        used.clear();
    }

    /** Reads an HTTP body (JSON or CSV by content type) for an enterprise already authenticated. */
    public Prepared prepare(String enterprise, String contentType, byte[] body) {
        if (contentType != null
                && contentType.toLowerCase(java.util.Locale.ROOT).startsWith("text/csv")) {
            String text;
            try {
                text = dev.peakline.io.table.Table.utf8("the CSV", body);
            } catch (dev.peakline.problems.Refusal e) {
                throw new Refused("message.encoding", e.getMessage(), false);
            }
            return csv(enterprise, text);
        }
        Prepared streamed = streamed(enterprise, body);
        return streamed != null ? streamed : fromTree(enterprise, body);
    }

    /** A JSON body read as a tree: the general path, for any shape and every rejection. */
    public Prepared fromTree(String enterprise, byte[] body) {
        return json(enterprise, tree(body));
    }

    /**
     * The usual message read as it streams, without a tree: {@code {"readings":[{"meter":…,"ts":<epoch ms>,"value":…
     * [,"unit":…]}, …]}} (a {@code token} field is passed over), every reading checked by {@link #check} as the tree's
     * are. A message of any other shape, or with any reading to reject, gives null and is read again as a tree, so what
     * is stored, rejected and reported, and how, does not change.
     */
    public Prepared streamed(String enterprise, byte[] body) {
        var nodes = json.getNodeFactory();
        try (com.fasterxml.jackson.core.JsonParser in = json.getFactory().createParser(body)) {
            if (in.nextToken() != JsonToken.START_OBJECT) {
                return null;
            }
            Prepared p = new Prepared();
            long now = clock.millis();
            int item = 0;
            boolean readings = false;
            while (in.nextToken() == JsonToken.FIELD_NAME) {
                String field = in.currentName();
                com.fasterxml.jackson.core.JsonToken t = in.nextToken();
                if (field.equals("token") && t == JsonToken.VALUE_STRING && p.token == null) {
                    p.token = in.getText();
                    continue;
                }
                if (!field.equals("readings") || t != JsonToken.START_ARRAY || readings) {
                    return null;
                }
                readings = true;
                while ((t = in.nextToken()) == JsonToken.START_OBJECT) {
                    String code = null;
                    String unit = null;
                    JsonNode ts = null;
                    JsonNode value = null;
                    while (in.nextToken() == JsonToken.FIELD_NAME) {
                        String k = in.currentName();
                        com.fasterxml.jackson.core.JsonToken v = in.nextToken();
                        if (k.equals("meter") && v == JsonToken.VALUE_STRING && code == null) {
                            code = in.getText();
                        } else if (k.equals("ts") && v == JsonToken.VALUE_NUMBER_INT && ts == null) {
                            ts = nodes.numberNode(in.getLongValue());
                        } else if (k.equals("value")
                                && value == null
                                && (v == JsonToken.VALUE_NUMBER_FLOAT
                                        || v == JsonToken.VALUE_NUMBER_INT
                                                && in.getNumberType()
                                                        != com.fasterxml.jackson.core.JsonParser.NumberType
                                                                .BIG_INTEGER)) {
                            // check reads a number as a double, whichever node the tree would have made
                            value = nodes.numberNode(in.getDoubleValue());
                        } else if (k.equals("unit") && v == JsonToken.VALUE_STRING && unit == null) {
                            unit = in.getText();
                        } else {
                            return null;
                        }
                    }
                    if (code == null || ts == null || value == null) {
                        return null;
                    }
                    int before = p.rejections.size();
                    reading(p, enterprise, item++, code, ts, value, unit, null, now);
                    if (p.rejections.size() > before) {
                        return null;
                    }
                }
                if (t != JsonToken.END_ARRAY) {
                    return null;
                }
            }
            if (!readings || in.currentToken() != JsonToken.END_OBJECT || in.nextToken() != null) {
                return null;
            }
            p.items = item;
            return p;
        } catch (java.io.IOException | RuntimeException e) {
            return null;
        }
    }

    /** Reads an MQTT message: the token inside must belong to the enterprise named in the topic. */
    public Prepared prepareMqtt(String topicEnterprise, byte[] payload) {
        // the usual message streams (its readings checked against the topic's enterprise, kept only once its token is
        // found to be that enterprise's); any other is read as a tree
        Prepared streamed = streamed(topicEnterprise, payload);
        if (streamed != null) {
            verifyToken(topicEnterprise, streamed.token);
            return streamed;
        }
        JsonNode root;
        try {
            root = tree(payload);
        } catch (Refused r) {
            // unreadable, so its token is unknown: it is counted, not filed under the enterprise the topic names
            throw new Refused(r.reason(), r.getMessage(), true);
        }
        verifyToken(topicEnterprise, root.path("token").asText(null));
        return json(topicEnterprise, root);
    }

    /** Refuses an MQTT message whose token is missing, unknown, revoked, or another enterprise's than the topic's. */
    private void verifyToken(String topicEnterprise, String token) {
        Optional<String> owner = enterpriseOf(token);
        if (owner.isEmpty()) {
            throw new Refused("auth.token", "missing, unknown or revoked gateway token", true);
        }
        if (!owner.get().equals(topicEnterprise)) {
            throw new Refused(
                    "auth.scope",
                    "the token belongs to " + owner.get() + ", not to " + topicEnterprise + " named in the topic",
                    true,
                    owner.get());
        }
    }

    /** Stores prepared messages of one enterprise in one transaction. */
    public Result store(String enterprise, String channel, String origin, List<Prepared> messages) {
        Prepared all;
        if (messages.size() == 1) {
            all = messages.get(0);
        } else {
            all = new Prepared();
            int offset = 0;
            for (Prepared p : messages) {
                all.batch.addAll(p.batch, offset);
                all.statistics.addAll(p.statistics);
                for (Rejection r : p.rejections) {
                    all.rejections.add(new Rejection(
                            r.item() == null ? null : r.item() + offset,
                            r.meterCode(),
                            r.reason(),
                            r.detail(),
                            r.payload()));
                }
                offset += p.items;
            }
        }
        Readings.Outcome o =
                readings.write(enterprise, channel, origin, clock.instant(), all.batch, all.statistics, all.rejections);
        List<Rejection> rejected = new ArrayList<>(all.rejections);
        rejected.addAll(o.conflicts());
        return new Result(enterprise, o.batchId(), o.accepted(), o.duplicates(), rejected);
    }

    /**
     * Records a message refused as a whole, without its secrets, under the enterprise its token was verified for; a
     * message of an unknown sender ({@code enterprise} null) is only counted (day, channel, reason).
     */
    public void refuse(String channel, String enterprise, String origin, Refused r, byte[] payload) {
        if (enterprise == null) {
            readings.countRefusal(java.time.LocalDate.now(clock.withZone(ChinaTime.ZONE)), channel, r.reason());
            return;
        }
        String text = redacted(new String(payload, 0, Math.min(payload.length, 2000), StandardCharsets.UTF_8));
        readings.reject(
                clock.instant(),
                channel,
                enterprise,
                origin,
                List.of(new Rejection(null, null, r.reason(), r.getMessage(), text)));
    }

    private static final java.util.regex.Pattern SECRET = java.util.regex.Pattern.compile(
            "(\"(?:token|password|secret)\"\\s*:\\s*\")[^\"]*(\")|(pl[gk]_)[0-9A-Za-z]+",
            java.util.regex.Pattern.CASE_INSENSITIVE);

    /**
     * What is kept of a refused message to diagnose it: everything but secrets. A {@code token}, {@code password} or
     * {@code secret} field's value and anything shaped like a Peakline token ({@code plg_…}, {@code plk_…}) become
     * {@code [redacted]}.
     */
    static String redacted(String text) {
        return SECRET.matcher(text)
                .replaceAll(m -> java.util.regex.Matcher.quoteReplacement(
                        m.group(1) != null ? m.group(1) + "[redacted]" + m.group(2) : m.group(3) + "[redacted]"));
    }

    private JsonNode tree(byte[] body) {
        try {
            JsonNode root = json.readTree(body);
            if (root == null || !root.isObject()) {
                throw new Refused("message.malformed", "the message must be a JSON object with \"readings\"", false);
            }
            return root;
        } catch (JsonProcessingException e) {
            var at = e.getLocation();
            throw new Refused(
                    "message.malformed",
                    "not JSON: " + e.getOriginalMessage()
                            + (at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr()),
                    false);
        } catch (java.io.IOException e) {
            throw new Refused("message.malformed", "unreadable: " + e.getMessage(), false);
        }
    }

    private Prepared json(String enterprise, JsonNode root) {
        Prepared p = new Prepared();
        long now = clock.millis();
        JsonNode list = root.path("readings");
        JsonNode stats = root.path("statistics");
        if (!list.isArray() && !stats.isArray()) {
            throw new Refused("message.malformed", "the message has no \"readings\" or \"statistics\" array", false);
        }
        int i = 0;
        for (JsonNode n : list) {
            reading(
                    p,
                    enterprise,
                    i++,
                    n.path("meter").asText(null),
                    n.get("ts"),
                    n.get("value"),
                    text(n, "unit"),
                    n,
                    now);
        }
        for (JsonNode n : stats) {
            statistic(p, enterprise, i++, n, now);
        }
        p.items = i;
        return p;
    }

    private Prepared csv(String enterprise, String text) {
        Prepared p = new Prepared();
        long now = clock.millis();
        int i = 0;
        List<String> header = null;
        for (CsvRecord r : CsvReader.builder()
                .allowExtraFields(true)
                .allowMissingFields(true)
                .ofCsvRecord(text)) {
            if (r.getFieldCount() == 1 && r.getField(0).isBlank()) {
                continue;
            }
            if (header == null) {
                header =
                        r.getFields().stream().map(s -> s.strip().toLowerCase()).toList();
                if (!header.containsAll(List.of("meter", "ts", "value"))) {
                    throw new Refused("message.malformed", "the CSV header must name meter, ts and value", false);
                }
                continue;
            }
            String raw = String.join(",", r.getFields());
            if (r.getFieldCount() != header.size()) {
                reject(
                        p,
                        i++,
                        field(r, header, "meter"),
                        "row.shape",
                        "line " + r.getStartingLineNumber() + " has " + r.getFieldCount() + " fields, the header "
                                + header.size(),
                        json.getNodeFactory().textNode(raw));
                continue;
            }
            String meter = field(r, header, "meter");
            String ts = field(r, header, "ts");
            String value = field(r, header, "value");
            String unit = field(r, header, "unit");
            // epoch milliseconds are a number, as in JSON; anything else is read as ISO 8601
            JsonNode tsNode = ts == null
                    ? null
                    : ts.length() <= 15 && ts.chars().allMatch(Character::isDigit)
                            ? json.getNodeFactory().numberNode(Long.parseLong(ts))
                            : json.getNodeFactory().textNode(ts);
            JsonNode valueNode;
            try {
                valueNode = value == null
                        ? null
                        : json.getNodeFactory().numberNode(dev.peakline.units.Decimals.parse(value));
            } catch (NumberFormatException e) {
                valueNode = json.getNodeFactory().textNode(value);
            }
            reading(
                    p,
                    enterprise,
                    i++,
                    meter,
                    tsNode,
                    valueNode,
                    unit,
                    json.getNodeFactory().textNode(raw),
                    now);
        }
        if (header == null) {
            throw new Refused("message.malformed", "the CSV is empty", false);
        }
        p.items = i;
        return p;
    }

    private static String field(CsvRecord r, List<String> header, String name) {
        int k = header.indexOf(name);
        if (k < 0 || k >= r.getFieldCount()) {
            return null;
        }
        String v = r.getField(k).strip();
        return v.isEmpty() ? null : v;
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }

    private void reading(
            Prepared p,
            String enterprise,
            int item,
            String code,
            JsonNode ts,
            JsonNode value,
            String unit,
            JsonNode raw,
            long now) {
        Checked c = check(p, enterprise, item, code, ts, value, unit, raw, now);
        if (c != null) {
            p.batch.add(c.meter.id(), code, c.ts, c.value, item);
        }
    }

    private void statistic(Prepared p, String enterprise, int item, JsonNode n, long now) {
        String code = n.path("meter").asText(null);
        String period = text(n, "period");
        Tolerance.Granularity g;
        if ("day".equalsIgnoreCase(period)) {
            g = Tolerance.Granularity.DAY;
        } else if ("month".equalsIgnoreCase(period)) {
            g = Tolerance.Granularity.MONTH;
        } else {
            p.rejections.add(new Rejection(
                    item,
                    code,
                    "statistic.period",
                    "period must be \"day\" or \"month\", was " + period,
                    n.toString()));
            return;
        }
        Checked c = check(p, enterprise, item, code, n.get("ts"), n.get("value"), text(n, "unit"), n, now);
        if (c == null) {
            return;
        }
        Tolerance.Placement at = Tolerance.place(g, Instant.ofEpochMilli(c.ts), ChinaTime.ZONE);
        p.statistics.add(new Readings.Statistic(
                c.meter.id(),
                g.name(),
                at.periodStart(),
                c.value,
                Instant.ofEpochMilli(c.ts),
                at.offset().toSeconds(),
                at.onTime()));
    }

    private record Checked(Meter meter, long ts, double value) {}

    private Checked check(
            Prepared p,
            String enterprise,
            int item,
            String code,
            JsonNode ts,
            JsonNode value,
            String unit,
            JsonNode raw,
            long now) {
        if (code == null || code.isBlank()) {
            return reject(p, item, null, "meter.missing", "no meter code", raw);
        }
        if (!directory.points(enterprise).containsKey(code)) {
            return reject(p, item, code, "meter.unknown", "no meter " + code + " is registered for " + enterprise, raw);
        }
        long t;
        if (ts == null || ts.isNull()) {
            return reject(p, item, code, "reading.timestamp", "no timestamp", raw);
        } else if (ts.isIntegralNumber()) {
            t = ts.asLong();
        } else {
            try {
                t = OffsetDateTime.parse(ts.asText()).toInstant().toEpochMilli();
            } catch (DateTimeParseException e) {
                return reject(
                        p,
                        item,
                        code,
                        "reading.timestamp",
                        "timestamp " + ts.asText()
                                + " is not ISO 8601 with an offset (2026-03-01T00:15:00+08:00) or epoch milliseconds",
                        raw);
            }
        }
        if (!DateWindow.contains(t)) {
            return reject(
                    p,
                    item,
                    code,
                    "reading.timestamp",
                    "timestamp " + Instant.ofEpochMilli(t) + " is " + DateWindow.outside(),
                    raw);
        }
        if (t > now + FUTURE_MS) {
            return reject(
                    p, item, code, "reading.future", "timestamp " + Instant.ofEpochMilli(t) + " is in the future", raw);
        }
        Optional<Meter> m = directory.at(enterprise, code, t);
        if (m.isEmpty()) {
            return reject(
                    p,
                    item,
                    code,
                    "meter.not_in_service",
                    "no device was in service at point " + code + " at " + Instant.ofEpochMilli(t),
                    raw);
        }
        if (value == null || !value.isNumber()) {
            return reject(p, item, code, "reading.value", "value must be a number", raw);
        }
        double v = value.asDouble();
        if (!Double.isFinite(v)) {
            return reject(p, item, code, "reading.value", "value must be finite", raw);
        }
        if (v < 0) {
            return reject(p, item, code, "reading.negative", "value " + v + " is negative", raw);
        }
        if (v > ABSURD) {
            return reject(p, item, code, "reading.absurd", "value " + v + " is beyond any meter's range (10¹²)", raw);
        }
        if (unit != null) {
            Optional<Unit> u = Unit.parse(unit);
            Optional<Unit> meterUnit = Unit.parse(m.get().unit());
            if (u.isEmpty() || !u.equals(meterUnit)) {
                return reject(
                        p,
                        item,
                        code,
                        "reading.unit",
                        "meter " + code + " counts " + m.get().unit() + "; a value in " + unit + " is not taken",
                        raw);
            }
        }
        return new Checked(m.get(), t, v);
    }

    private static Checked reject(Prepared p, int item, String code, String reason, String detail, JsonNode raw) {
        p.rejections.add(new Rejection(item, code, reason, detail, raw == null ? "" : raw.toString()));
        return null;
    }
}
