package dev.peakline.store.monitoring;

import dev.peakline.domain.ChinaTime;
import dev.peakline.domain.DateWindow;
import dev.peakline.store.AuditLog;
import dev.peakline.store.BinaryCopy;
import dev.peakline.store.Database;
import dev.peakline.store.StoreException;
import dev.peakline.store.Tx;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * The write path of meter readings. One batch (an HTTP request, or the MQTT messages gathered in a few milliseconds) is
 * one transaction: the readings are copied into a session-local staging table and inserted into the partitioned
 * {@code reading} table with {@code on conflict do nothing}, so a reading sent twice is stored once; a second reading
 * for the same meter and instant with another value is rejected as a conflict; the days the readings touch are queued
 * for roll-up; the rejected items are recorded. The caller acknowledges only after the commit, so what was
 * acknowledged is on disk.
 */
public final class Readings {

    /** Stored item sizes are cut to this many characters. */
    static final int PAYLOAD_LIMIT = 2000;

    /** An item that could not be taken: where it was in its message, which point, a stable reason code and why. */
    public record Rejection(Integer item, String meterCode, String reason, String detail, String payload) {}

    /** What one batch stored. */
    public record Outcome(long batchId, int accepted, int duplicates, List<Rejection> conflicts) {}

    /** A stated daily or monthly figure, placed in its period. */
    public record Statistic(
            long meterId,
            String granularity,
            LocalDate periodStart,
            double value,
            Instant stampedAt,
            long offsetSeconds,
            boolean onTime) {}

    /** Readings resolved to meters, in primitive columns. */
    public static final class Batch {
        long[] meter = new long[256];
        long[] ts = new long[256];
        double[] value = new double[256];
        int[] item = new int[256];
        String[] code = new String[256];
        int size;

        public void add(long meterId, String meterCode, long epochMillis, double v, int itemIndex) {
            if (size == meter.length) {
                int n = size * 2;
                meter = java.util.Arrays.copyOf(meter, n);
                ts = java.util.Arrays.copyOf(ts, n);
                value = java.util.Arrays.copyOf(value, n);
                item = java.util.Arrays.copyOf(item, n);
                code = java.util.Arrays.copyOf(code, n);
            }
            meter[size] = meterId;
            code[size] = meterCode;
            ts[size] = epochMillis;
            value[size] = v;
            item[size] = itemIndex;
            size++;
        }

        public int size() {
            return size;
        }

        public long meter(int i) {
            return meter[i];
        }

        public long ts(int i) {
            return ts[i];
        }

        public double value(int i) {
            return value[i];
        }

        public int item(int i) {
            return item[i];
        }

        /** Adds all of another batch (for grouping several MQTT messages into one transaction). */
        public void addAll(Batch other, int itemOffset) {
            for (int i = 0; i < other.size; i++) {
                add(other.meter[i], other.code[i], other.ts[i], other.value[i], other.item[i] + itemOffset);
            }
        }
    }

    private final Database db;

    public Readings(Database db) {
        this.db = db;
    }

    /**
     * Stores one batch with its rejected items and stated figures, all or nothing. Returns what was accepted, what
     * was already there, and the conflicts found (also recorded as rejected).
     */
    public Outcome write(
            String enterprise,
            String channel,
            String origin,
            Instant receivedAt,
            Batch batch,
            List<Statistic> statistics,
            List<Rejection> rejected) {
        for (int attempt = 1; ; attempt++) {
            // readings of a month moved to the archive (./peakline archive --readings --drop) are refused by item
            List<Rejection> archived = new ArrayList<>();
            Batch kept = withoutArchived(batch, archived);
            List<Rejection> all = new ArrayList<>(rejected);
            all.addAll(archived);
            ensurePartitions(db, months(kept));
            try {
                Outcome o = writeOnce(enterprise, channel, origin, receivedAt, kept, statistics, all);
                if (archived.isEmpty()) {
                    return o;
                }
                List<Rejection> conflicts = new ArrayList<>(o.conflicts());
                conflicts.addAll(archived);
                return new Outcome(o.batchId(), o.accepted(), o.duplicates(), conflicts);
            } catch (StoreException e) {
                // rows are taken in key order, so a deadlock needs an unusual interleaving; the transaction is retried;
                // a month dropped between the check and the insert (its partition is gone) is checked again
                boolean deadlock = e.sqlState().equals("40P01");
                boolean dropped = e.sqlState().equals("23514");
                if (!(deadlock || dropped) || attempt == 3) {
                    throw e;
                }
                if (dropped) {
                    db.created().clear();
                }
            }
        }
    }

    /** The batch without the readings of archived months, which are added to {@code rejected}. */
    private Batch withoutArchived(Batch batch, List<Rejection> rejected) {
        Collection<YearMonth> months = months(batch);
        if (months.isEmpty()) {
            return batch;
        }
        java.util.Set<YearMonth> archived = new java.util.HashSet<>();
        try (Connection c = db.connection();
                PreparedStatement ps = c.prepareStatement("select month from reading_archive where month = any (?)")) {
            ps.setArray(
                    1,
                    c.createArrayOf(
                            "text", months.stream().map(YearMonth::toString).toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    archived.add(YearMonth.parse(rs.getString(1)));
                }
            }
        } catch (SQLException e) {
            throw new StoreException(e);
        }
        if (archived.isEmpty()) {
            return batch;
        }
        Batch kept = new Batch();
        for (int i = 0; i < batch.size; i++) {
            YearMonth m = month(Instant.ofEpochMilli(batch.ts[i]));
            if (archived.contains(m)) {
                rejected.add(new Rejection(
                        batch.item[i],
                        batch.code[i],
                        "reading.archived",
                        "the readings of " + m + " were moved to the Parquet archive; the month takes no new readings",
                        batch.code[i] + "," + Instant.ofEpochMilli(batch.ts[i]) + "," + batch.value[i]));
            } else {
                kept.add(batch.meter[i], batch.code[i], batch.ts[i], batch.value[i], batch.item[i]);
            }
        }
        return kept;
    }

    private Outcome writeOnce(
            String enterprise,
            String channel,
            String origin,
            Instant receivedAt,
            Batch batch,
            List<Statistic> statistics,
            List<Rejection> rejected) {
        return Tx.run(db, c -> {
            long batchId;
            try (PreparedStatement ps = Tx.prepare(
                            c,
                            "insert into ingest_batch (enterprise, channel, received_at, accepted, duplicates, rejected)"
                                    + " values (?, ?, ?, 0, 0, 0) returning id",
                            enterprise,
                            channel,
                            Timestamp.from(receivedAt));
                    ResultSet rs = ps.executeQuery()) {
                rs.next();
                batchId = rs.getLong(1);
            }
            int inserted = 0;
            List<Rejection> conflicts = new ArrayList<>();
            if (batch.size > 0) {
                stage(c, batch);
                try (PreparedStatement ps =
                        c.prepareStatement("insert into reading (meter_id, ts, value, batch_id) select meter_id,"
                                + " timestamptz 'epoch' + ts_ms * interval '1 millisecond', value, ? from reading_stage"
                                + " order by meter_id, ts_ms on conflict (meter_id, ts) do nothing")) {
                    ps.setLong(1, batchId);
                    inserted = ps.executeUpdate();
                }
                if (inserted < batch.size) {
                    conflicts = conflicts(c, batch);
                }
                try (Statement st = c.createStatement()) {
                    st.executeUpdate("insert into rollup_pending (meter_id, day) select distinct meter_id,"
                            + " ((timestamptz 'epoch' + ts_ms * interval '1 millisecond') at time zone '"
                            + ChinaTime.ZONE.getId()
                            + "')::date from reading_stage order by 1, 2 on conflict do nothing");
                }
            }
            for (Statistic s : statistics) {
                try (PreparedStatement ps = Tx.prepare(
                        c,
                        "insert into meter_statistic (meter_id, granularity, period_start, value, stamped_at, offset_s,"
                                + " on_time, received_at) values (?, ?, ?, ?, ?, ?, ?, ?) on conflict (meter_id,"
                                + " granularity, period_start) do update set value = excluded.value, stamped_at ="
                                + " excluded.stamped_at, offset_s = excluded.offset_s, on_time = excluded.on_time,"
                                + " received_at = excluded.received_at",
                        s.meterId(),
                        s.granularity(),
                        s.periodStart(),
                        s.value(),
                        Timestamp.from(s.stampedAt()),
                        s.offsetSeconds(),
                        s.onTime(),
                        Timestamp.from(receivedAt))) {
                    ps.executeUpdate();
                }
            }
            List<Rejection> all = new ArrayList<>(rejected);
            all.addAll(conflicts);
            insertRejections(c, receivedAt, channel, enterprise, origin, all);
            int duplicates = batch.size - inserted - conflicts.size();
            try (PreparedStatement ps = Tx.prepare(
                    c,
                    "update ingest_batch set accepted = ?, duplicates = ?, rejected = ? where id = ?",
                    inserted,
                    duplicates,
                    all.size(),
                    batchId)) {
                ps.executeUpdate();
            }
            return new Outcome(batchId, inserted, duplicates, conflicts);
        });
    }

    /** Records a message rejected as a whole (unreadable, unauthorised) or items rejected before any batch formed. */
    public void reject(
            Instant receivedAt, String channel, String enterprise, String origin, List<Rejection> rejections) {
        Tx.run(db, c -> {
            insertRejections(c, receivedAt, channel, enterprise, origin, rejections);
            return null;
        });
    }

    /**
     * Counts a message refused before its sender was known (no valid token): one more for the day, channel and reason.
     * Nothing of the message is stored, so an anonymous sender cannot fill the database.
     */
    public void countRefusal(java.time.LocalDate day, String channel, String reason) {
        Tx.run(db, c -> {
            try (PreparedStatement ps = Tx.prepare(
                    c,
                    "insert into refusal_count (day, channel, reason, count) values (?, ?, ?, 1)"
                            + " on conflict (day, channel, reason) do update set count = refusal_count.count + 1",
                    java.sql.Date.valueOf(day),
                    channel,
                    reason)) {
                ps.executeUpdate();
            }
            return null;
        });
    }

    private static void stage(Connection c, Batch b) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute("create temp table if not exists reading_stage (meter_id bigint, ts_ms bigint,"
                    + " value double precision, item int) on commit delete rows");
        }
        // COPY in PostgreSQL's binary format: no figure is printed here or parsed there
        BinaryCopy copy = new BinaryCopy(b.size * 42);
        for (int i = 0; i < b.size; i++) {
            copy.row(4).bigint(b.meter[i]).bigint(b.ts[i]).float8(b.value[i]).int4(b.item[i]);
        }
        copy.into(c, "reading_stage");
    }

    /** Staged readings whose meter and instant are already stored with another value. */
    private static List<Rejection> conflicts(Connection c, Batch b) throws SQLException {
        List<Rejection> out = new ArrayList<>();
        try (Statement st = c.createStatement();
                ResultSet rs =
                        st.executeQuery("select s.item, s.meter_id, s.ts_ms, s.value, r.value from reading_stage s"
                                + " join reading r on r.meter_id = s.meter_id"
                                + " and r.ts = timestamptz 'epoch' + s.ts_ms * interval '1 millisecond'"
                                + " where r.value <> s.value order by s.item")) {
            while (rs.next()) {
                int item = rs.getInt(1);
                long meter = rs.getLong(2);
                String code = null;
                for (int i = 0; i < b.size; i++) {
                    if (b.item[i] == item && b.meter[i] == meter) {
                        code = b.code[i];
                        break;
                    }
                }
                Instant at = Instant.ofEpochMilli(rs.getLong(3));
                out.add(new Rejection(
                        item,
                        code,
                        "reading.conflict",
                        "meter " + code + " already has " + rs.getDouble(5) + " at " + at + "; " + rs.getDouble(4)
                                + " is not taken",
                        "{\"meter\":" + AuditLog.json(String.valueOf(code)) + ",\"ts\":\"" + at + "\",\"value\":"
                                + rs.getDouble(4) + "}"));
            }
        }
        return out;
    }

    private static void insertRejections(
            Connection c,
            Instant receivedAt,
            String channel,
            String enterprise,
            String origin,
            List<Rejection> rejections)
            throws SQLException {
        if (rejections.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement(
                "insert into rejected_message (received_at, channel, enterprise, origin, item, meter_code, reason,"
                        + " detail, payload) values (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (Rejection r : rejections) {
                ps.setTimestamp(1, Timestamp.from(receivedAt));
                ps.setString(2, channel);
                ps.setString(3, enterprise);
                ps.setString(4, cut(origin == null ? "" : origin));
                if (r.item() == null) {
                    ps.setNull(5, java.sql.Types.INTEGER);
                } else {
                    ps.setInt(5, r.item());
                }
                ps.setString(6, r.meterCode() == null ? null : cut(r.meterCode()));
                ps.setString(7, r.reason());
                ps.setString(8, cut(r.detail()));
                ps.setString(9, cut(r.payload() == null ? "" : r.payload()));
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    private static String cut(String s) {
        String clean = s.replace('\u0000', ' ');
        return clean.length() <= PAYLOAD_LIMIT ? clean : clean.substring(0, PAYLOAD_LIMIT) + "…";
    }

    /** Every month from the batch's earliest to its latest reading. */
    private static Collection<YearMonth> months(Batch b) {
        if (b.size == 0) {
            return List.of();
        }
        long lo = Long.MAX_VALUE;
        long hi = Long.MIN_VALUE;
        for (int i = 0; i < b.size; i++) {
            lo = Math.min(lo, b.ts[i]);
            hi = Math.max(hi, b.ts[i]);
        }
        List<YearMonth> months = new ArrayList<>();
        for (YearMonth m = month(Instant.ofEpochMilli(lo));
                !m.isAfter(month(Instant.ofEpochMilli(hi)));
                m = m.plusMonths(1)) {
            months.add(m);
        }
        return months;
    }

    /** Makes sure the monthly partitions for the given months exist (each created once, outside any transaction). */
    public static void ensurePartitions(Database db, Collection<YearMonth> months) {
        for (YearMonth m : months) {
            if (!DateWindow.contains(m)) {
                // the door refuses such readings; this is the last guard against a partition for 1970 or 9999
                throw new IllegalArgumentException("no readings are kept for " + m + ", " + DateWindow.outside());
            }
            String name = "reading_" + m.getYear() + "_" + String.format("%02d", m.getMonthValue());
            if (db.created().contains(name)) {
                continue;
            }
            synchronized (db.created()) {
                if (db.created().contains(name)) {
                    continue;
                }
                String from = m.atDay(1) + " 00:00:00+08";
                String to = m.plusMonths(1).atDay(1) + " 00:00:00+08";
                try (Connection c = db.connection();
                        Statement st = c.createStatement()) {
                    st.execute("create table if not exists " + name + " partition of reading for values from ('" + from
                            + "') to ('" + to + "')");
                } catch (SQLException e) {
                    // another process created it between our check and our statement
                    if (!"42P07".equals(e.getSQLState())) {
                        throw new StoreException(e);
                    }
                }
                db.created().add(name);
            }
        }
    }

    /** The month of an instant in the monitoring zone. */
    public static YearMonth month(Instant t) {
        return YearMonth.from(t.atZone(ChinaTime.ZONE));
    }
}
