package dev.peakline.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/** Runs work in one transaction: all of it commits, or none of it does. */
public final class Tx {
    private Tx() {}

    /** Work on a connection, returning a value. */
    public interface Work<T> {
        T run(Connection c) throws SQLException;
    }

    public static <T> T run(Database db, Work<T> work) {
        try (Connection c = db.connection()) {
            c.setAutoCommit(false);
            try {
                T t = work.run(c);
                c.commit();
                return t;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new StoreException(e);
        }
    }

    /** A statement with its arguments bound; a String[] or Long[] becomes a text[] or bigint[] (for {@code = any (?)}). */
    public static PreparedStatement prepare(Connection c, String sql, Object... args) throws SQLException {
        PreparedStatement ps = c.prepareStatement(sql);
        for (int i = 0; i < args.length; i++) {
            if (args[i] instanceof String[] a) {
                ps.setArray(i + 1, c.createArrayOf("text", a));
            } else if (args[i] instanceof Long[] a) {
                ps.setArray(i + 1, c.createArrayOf("bigint", a));
            } else {
                ps.setObject(i + 1, args[i]);
            }
        }
        return ps;
    }

    /** Runs an {@code insert … returning id} with its arguments bound (as {@link #prepare}) and gives the id. */
    public static long insert(Connection c, String sql, Object... args) throws SQLException {
        try (PreparedStatement ps = prepare(c, sql + " returning id", args);
                java.sql.ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** Maps the current row of a result set to a value. */
    public interface Row<T> {
        T map(java.sql.ResultSet rs) throws SQLException;
    }

    /** Every row of a query (arguments bound as {@link #prepare}), mapped in order. */
    public static <T> java.util.List<T> list(Connection c, String sql, Row<T> row, Object... args) throws SQLException {
        try (PreparedStatement ps = prepare(c, sql, args);
                java.sql.ResultSet rs = ps.executeQuery()) {
            java.util.List<T> out = new java.util.ArrayList<>();
            while (rs.next()) {
                out.add(row.map(rs));
            }
            return out;
        }
    }

    /** The first row of a query, if any. */
    public static <T> java.util.Optional<T> one(Connection c, String sql, Row<T> row, Object... args)
            throws SQLException {
        try (PreparedStatement ps = prepare(c, sql, args);
                java.sql.ResultSet rs = ps.executeQuery()) {
            return rs.next() ? java.util.Optional.of(row.map(rs)) : java.util.Optional.empty();
        }
    }

    /** The number of rows of a table (its name is checked: lower-case letters and underscores only). */
    public static int count(Connection c, String table) throws SQLException {
        if (!table.matches("[a-z_]+")) {
            throw new IllegalArgumentException(table);
        }
        try (PreparedStatement ps = c.prepareStatement("select count(*) from " + table);
                java.sql.ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getInt(1);
        }
    }
}
