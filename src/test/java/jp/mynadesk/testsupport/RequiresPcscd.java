package jp.mynadesk.testsupport;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Marks a test (class or method) that talks to a real pcscd with the vsmartcard vpcd reader
 * {@value PcscdCheck#READER}. Tags it {@code pcsc} and {@code slow} (left out by {@code mvn test -Pfast}), holds
 * {@link ForkLock.Pcscd} so that one test fork at a time uses the reader, and checks the reader before it runs:
 * <ul>
 *   <li>with {@code -Dmynadesk.pcsc.required=true} (CI, through Maven's {@code -Dpcsc.required=true}) a
 *       missing pcscd or reader FAILS the test;</li>
 *   <li>otherwise the test is SKIPPED, with a line on standard error saying how to start pcscd
 *       ({@code .ci/pcscd-up.sh}).</li>
 * </ul>
 * Start pcscd before the test JVM and never restart it from a test: SunPCSC keeps one JVM-wide context that
 * never recovers once pcscd went away.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
@Tag("pcsc")
@Tag("slow")
@ExtendWith({PcscdCheck.class, ForkLock.Pcscd.class})
public @interface RequiresPcscd {
}
