package jp.mynadesk.testsupport;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import jp.mynadesk.store.Stores;

/** Another process holding a desk's SQLite record: its write lock, taken and given back when the test says. */
public final class RecordHold implements AutoCloseable {
    private final Connection connection;
    private final Statement statement;

    /** @param dataDirectory the desk's data directory (the record is its {@link Stores#SQLITE_FILE}) */
    public RecordHold(Path dataDirectory) throws SQLException {
        connection = DriverManager.getConnection("jdbc:sqlite:" + dataDirectory.resolve(Stores.SQLITE_FILE));
        statement = connection.createStatement();
    }

    public void take() throws SQLException {
        statement.execute("BEGIN IMMEDIATE");
    }

    public void release() throws SQLException {
        statement.execute("ROLLBACK");
    }

    @Override
    public void close() throws SQLException {
        statement.close();
        connection.close();
    }
}
