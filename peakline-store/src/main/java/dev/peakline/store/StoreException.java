package dev.peakline.store;

import java.sql.SQLException;

/** A database failure, with PostgreSQL's SQLSTATE so callers can tell a conflict from an outage. */
public final class StoreException extends RuntimeException {
    private final String sqlState;

    public StoreException(SQLException cause) {
        super(cause.getMessage(), cause);
        this.sqlState = cause.getSQLState() == null ? "" : cause.getSQLState();
    }

    public String sqlState() {
        return sqlState;
    }

    /** A unique or exclusion constraint was violated (23505). */
    public boolean isConflict() {
        return sqlState.equals("23505");
    }
}
