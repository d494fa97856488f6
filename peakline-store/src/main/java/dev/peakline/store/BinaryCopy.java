package dev.peakline.store;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import org.postgresql.PGConnection;

/**
 * Rows for {@code COPY … FROM STDIN (FORMAT binary)}: PostgreSQL's binary copy format (a signature, flags, then per row
 * the field count and each field as its length and its bytes in network order, a −1 count at the end). Nothing is
 * printed here or parsed in the server, and a double arrives as its own bits.
 */
public final class BinaryCopy {
    private static final byte[] SIGNATURE = {'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xff, '\r', '\n', 0};

    private ByteBuffer buf;
    private int rows;

    public BinaryCopy(int expectedBytes) {
        buf = ByteBuffer.allocate(Math.max(64, expectedBytes + 21));
        buf.put(SIGNATURE).putInt(0).putInt(0);
    }

    public int rows() {
        return rows;
    }

    public BinaryCopy row(int fields) {
        room(2);
        buf.putShort((short) fields);
        rows++;
        return this;
    }

    public BinaryCopy bigint(long v) {
        room(12);
        buf.putInt(8).putLong(v);
        return this;
    }

    public BinaryCopy int4(int v) {
        room(8);
        buf.putInt(4).putInt(v);
        return this;
    }

    public BinaryCopy float8(double v) {
        room(12);
        buf.putInt(8).putDouble(v);
        return this;
    }

    /** A text field in UTF-8; null is SQL null. */
    public BinaryCopy text(String v) {
        if (v == null) {
            room(4);
            buf.putInt(-1);
            return this;
        }
        byte[] b = v.getBytes(StandardCharsets.UTF_8);
        room(4 + b.length);
        buf.putInt(b.length).put(b);
        return this;
    }

    private void room(int more) {
        if (buf.remaining() < more + 2) {
            ByteBuffer bigger = ByteBuffer.allocate(Math.max(buf.capacity() * 2, buf.position() + more + 64));
            buf.flip();
            bigger.put(buf);
            buf = bigger;
        }
    }

    /** Copies the rows into {@code table} (its columns in the order the rows give them) on the connection. */
    public long into(Connection c, String table) throws SQLException {
        room(2);
        buf.putShort((short) -1);
        try {
            return c.unwrap(PGConnection.class)
                    .getCopyAPI()
                    .copyIn(
                            "copy " + table + " from stdin (format binary)",
                            new ByteArrayInputStream(buf.array(), 0, buf.position()));
        } catch (IOException e) {
            throw new SQLException("copy into " + table + " failed", e);
        }
    }
}
