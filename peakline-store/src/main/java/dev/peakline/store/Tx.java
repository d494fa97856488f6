package dev.peakline.store;

import java.sql.Connection;
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
}
