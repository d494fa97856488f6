package dev.peakline.store;

import java.sql.SQLException;

/**
 * A database failure, with PostgreSQL's SQLSTATE and, for a violated constraint, its name, so callers tell a conflict
 * from an outage by the schema's own names rather than by message text.
 */
public final class StoreException extends RuntimeException {
    private final String sqlState;
    private final String constraint;

    public StoreException(SQLException cause) {
        super(cause.getMessage(), cause);
        this.sqlState = cause.getSQLState() == null ? "" : cause.getSQLState();
        this.constraint = constraintOf(cause);
    }

    private static String constraintOf(SQLException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof org.postgresql.util.PSQLException p
                    && p.getServerErrorMessage() != null
                    && p.getServerErrorMessage().getConstraint() != null) {
                return p.getServerErrorMessage().getConstraint();
            }
        }
        return "";
    }

    public String sqlState() {
        return sqlState;
    }

    /** The name of the violated constraint (e.g. {@code filing_one_open}), empty when none was named. */
    public String constraint() {
        return constraint;
    }

    /** A unique or exclusion constraint was violated (23505, 23P01). */
    public boolean isConflict() {
        return sqlState.equals("23505") || sqlState.equals("23P01");
    }
}
