package jp.mynadesk.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import jp.mynadesk.desk.StoreException;

/**
 * What differs between the databases the record can live in. Everything else in this package is portable SQL;
 * a PostgreSQL record adds a second implementation of this interface and reuses the migrations.
 */
interface Dialect {

    /** Starts a transaction that holds the write lock from its first statement (ids are assigned inside it). */
    String beginWrite();

    /** Starts a transaction that sees one consistent snapshot (verify reads several tables). */
    String beginRead();

    /** The database's own consistency check: empty when intact, else its complaints. */
    List<String> integrityProblems(Connection connection) throws SQLException;

    /** Copies the whole database to {@code target} while others may be writing. */
    void backup(Connection connection, Path target) throws SQLException;

    /** What a driver failure means for the user: locked or unusable (exit 3) or damaged (exit 4). */
    StoreException translate(SQLException e);
}
