package jp.mynadesk.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import jp.mynadesk.desk.StoreException;
import jp.mynadesk.desk.VisitStore;

/**
 * What differs between the databases the record can live in (SQLite in a data directory, PostgreSQL shared by
 * several desks). Everything else in this package, the migrations included, is portable SQL run by
 * {@link JdbcVisitStore}.
 */
interface Dialect {

    /** The engine's name, for messages. */
    String engine();

    /** A new connection in auto-commit mode, set up for the record (timeouts, durability). */
    Connection connect() throws SQLException;

    /**
     * Starts a transaction that holds the record's write lock from its first statement: ids, the audit chain's
     * head and the re-check states are read and written by one desk at a time.
     */
    List<String> beginWrite();

    /** Starts a transaction that sees one consistent snapshot (verify reads several tables). */
    String beginRead();

    /** The schema the record's tables are in (null where the engine has none). */
    String schema(Connection connection) throws SQLException;

    /** The database's own consistency check: empty when intact, else its complaints. */
    List<String> integrityProblems(Connection connection) throws SQLException;

    /** A quicker form of the same check, made before a desk's first write (every one-shot check makes one). */
    List<String> quickIntegrityProblems(Connection connection) throws SQLException;

    /** Before connecting: the record is not there at all, or is an empty file (connecting would make a new one). */
    boolean recordMissing();

    /** Copies the whole database to {@code target} while others may be writing. */
    void backup(Connection connection, Path target) throws SQLException;

    /**
     * Claims the re-check for this desk (one run at a time across all desks); empty when another desk holds it.
     * The claim is released by closing it, or when the connection ends.
     */
    Optional<VisitStore.RecheckClaim> claimRecheck(Connection connection) throws SQLException;

    /** The connection is gone (server restarted, network): it must be replaced before the next use. */
    boolean connectionLost(SQLException e);

    /** What a driver failure means for the user: locked or unusable (exit 3) or damaged (exit 4). */
    StoreException translate(SQLException e);
}
