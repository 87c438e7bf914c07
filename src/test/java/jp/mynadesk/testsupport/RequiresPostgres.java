package jp.mynadesk.testsupport;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Marks a test that needs a real PostgreSQL server, named by the JDBC URL in {@code $MYNADESK_TEST_PG} (or the
 * system property {@code mynadesk.test.pg}); {@code .ci/postgres-up.sh} starts a throwaway one and prints it.
 * Tagged {@code postgres} and {@code slow} (left out by {@code mvn test -Pfast}); holds {@link ForkLock.Postgres},
 * since some of these tests restart or freeze the one server. Without the URL the test is SKIPPED with the reason on standard error, unless
 * {@code CI=true}: then it FAILS, so CI never passes by skipping the shared-record tests.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
@Tag("postgres")
@Tag("slow")
@ExtendWith({PostgresCheck.class, ForkLock.Postgres.class})
public @interface RequiresPostgres {
}
