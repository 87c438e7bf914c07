package jp.mynadesk.testsupport;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;
import jp.mynadesk.store.SharedDatabase;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The check behind {@link RequiresPostgres}, and fresh records for the tests: each {@link #freshSchema()} is a new
 * schema in the test database, so tests never see each other's visits.
 */
public final class PostgresCheck implements ExecutionCondition, BeforeAllCallback, BeforeEachCallback {
    public static final String ENV = "MYNADESK_TEST_PG";
    public static final String PROPERTY = "mynadesk.test.pg";
    private static final AtomicInteger SCHEMAS = new AtomicInteger();

    /** The test server's JDBC URL, or null. */
    public static String url() {
        String url = System.getProperty(PROPERTY);
        if (url == null || url.isBlank()) {
            url = System.getenv(ENV);
        }
        return url == null || url.isBlank() ? null : url.strip();
    }

    private static boolean required() {
        return "true".equals(System.getenv("CI"));
    }

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        String problem = problem();
        if (problem.isEmpty()) {
            return ConditionEvaluationResult.enabled("PostgreSQL at " + url());
        }
        if (required()) {
            return ConditionEvaluationResult.enabled("CI=true: the callbacks fail the test");
        }
        System.err.println("SKIPPED PostgreSQL test " + context.getDisplayName() + ": " + problem
                + " — start one with: export " + ENV + "=$(.ci/postgres-up.sh)");
        return ConditionEvaluationResult.disabled("PostgreSQL not available: " + problem);
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        failIfMissing(context);
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        failIfMissing(context);
    }

    private static void failIfMissing(ExtensionContext context) {
        String problem = problem();
        if (!problem.isEmpty()) {
            throw new AssertionError("PostgreSQL test " + context.getDisplayName() + " cannot run and CI=true: "
                    + problem + ". .ci/run must start it: export " + ENV + "=$(.ci/postgres-up.sh)");
        }
    }

    /** "" when the server answers, else why not. */
    private static String problem() {
        String url = url();
        if (url == null) {
            return ENV + " is not set";
        }
        try (Connection c = DriverManager.getConnection(url)) {
            return c.isValid(5) ? "" : "the server at " + url + " does not answer";
        } catch (SQLException e) {
            return "cannot connect to " + url + ": " + e.getMessage();
        }
    }

    /**
     * The audit key every test desk on the test server uses (one per JVM run, in a folder of its own; a child JVM is
     * handed the same file).
     */
    public static synchronized java.nio.file.Path auditKeyFile() {
        if (keyFile == null) {
            try {
                keyFile = java.nio.file.Files.createTempDirectory("mynadesk-test-key").resolve("audit.key");
            } catch (java.io.IOException e) {
                throw new IllegalStateException("cannot make a folder for the test audit key", e);
            }
        }
        return keyFile;
    }

    private static java.nio.file.Path keyFile;

    /** A new, empty schema on the test server, as the record a test's desks share (with the tests' audit key). */
    public static SharedDatabase freshSchema() {
        String schema = "t" + ProcessHandle.current().pid() + "_" + SCHEMAS.incrementAndGet() + "_"
                + Long.toString(System.nanoTime() & 0xffffff, 36);
        try (Connection c = DriverManager.getConnection(url()); Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA " + schema);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create schema " + schema + " at " + url(), e);
        }
        return new SharedDatabase(url() + (url().contains("?") ? "&" : "?") + "currentSchema=" + schema, null, auditKeyFile());
    }
}
