package jp.mynadesk.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * Explicit BEGIN/COMMIT on an auto-commit connection. sqlite-jdbc's own auto-commit=false mode begins the next
 * transaction right after each commit, which would keep the write lock between visits and block the other desks.
 */
final class Transactions {
    @FunctionalInterface
    interface Work<T> {
        T run() throws SQLException;
    }

    /**
     * The COMMIT itself failed. Unlike a failure before it, this one may have come after the server committed: when
     * the connection was lost with the COMMIT in flight, only reading the record again tells whether the change is
     * there. Keeps the original's message, SQLState and vendor code, so it is translated as the original would be.
     */
    static final class CommitUnanswered extends SQLException {
        CommitUnanswered(SQLException e) {
            super(e.getMessage(), e.getSQLState(), e.getErrorCode(), e);
        }
    }

    private Transactions() {}

    static <T> T write(Connection c, Dialect dialect, Work<T> work) throws SQLException {
        return in(c, dialect.beginWrite(), work);
    }

    static <T> T read(Connection c, Dialect dialect, Work<T> work) throws SQLException {
        return in(c, List.of(dialect.beginRead()), work);
    }

    private static <T> T in(Connection c, List<String> begin, Work<T> work) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute(begin.get(0));
            boolean done = false;
            try {
                for (String lock : begin.subList(1, begin.size())) {
                    s.execute(lock);
                }
                T result = work.run();
                try {
                    s.execute("COMMIT");
                } catch (SQLException e) {
                    throw new CommitUnanswered(e);
                }
                done = true;
                return result;
            } finally {
                if (!done) {
                    rollbackQuietly(s);
                }
            }
        }
    }

    private static void rollbackQuietly(Statement s) {
        try {
            s.execute("ROLLBACK");
        } catch (SQLException alreadyEnded) {
            // the failure that brought us here is the one to report; SQLite may have rolled back already
        }
    }
}
