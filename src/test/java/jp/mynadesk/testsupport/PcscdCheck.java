package jp.mynadesk.testsupport;

import java.security.NoSuchAlgorithmException;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import javax.smartcardio.CardException;
import javax.smartcardio.CardTerminal;
import javax.smartcardio.TerminalFactory;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The check behind {@link RequiresPcscd}: is pcscd reachable through SunPCSC and does it list the vpcd
 * reader? Looked up once per test JVM (with a short retry), then fails or skips each annotated test.
 */
public final class PcscdCheck implements ExecutionCondition, BeforeAllCallback, BeforeEachCallback {

    /** The vpcd reader whose card connects to TCP 35963. */
    public static final String READER = "Virtual PCD 00 00";
    /** System property that turns "skip" into "fail"; Maven sets it from {@code -Dpcsc.required}. */
    public static final String REQUIRED_PROPERTY = "mynadesk.pcsc.required";

    private static final int ATTEMPTS = 10;
    private static final long RETRY_MILLIS = 200;

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(PcscdCheck.class);

    /** Not required: a missing reader disables the class or method, so the report counts the tests as skipped. */
    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        String problem = problem(context);
        if (problem.isEmpty()) {
            return ConditionEvaluationResult.enabled("pcscd lists '" + READER + "'");
        }
        if (required()) {
            return ConditionEvaluationResult.enabled("required: the callbacks fail the test");
        }
        System.err.println("SKIPPED PC/SC test " + context.getDisplayName() + ": " + problem
                + " — start it with .ci/pcscd-up.sh (before running Maven)");
        return ConditionEvaluationResult.disabled("pcscd with reader '" + READER + "' not available: " + problem
                + " — start it with .ci/pcscd-up.sh");
    }

    /** Required: a missing reader fails, before any @BeforeAll/@BeforeEach of the test touches PC/SC. */
    @Override
    public void beforeAll(ExtensionContext context) {
        failIfMissing(context);
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        failIfMissing(context);
    }

    /**
     * The vpcd reader through a fresh {@code PC/SC} factory (never {@code getDefault()}, which silently
     * returns an empty "None" factory when pcscd is down). Call only from tests guarded by {@link RequiresPcscd}.
     */
    public static CardTerminal terminal() {
        try {
            CardTerminal terminal = TerminalFactory.getInstance("PC/SC", null).terminals().getTerminal(READER);
            if (terminal == null) {
                throw new IllegalStateException("pcscd does not list the reader '" + READER + "'");
            }
            return terminal;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("PC/SC is not available: " + causes(e), e);
        }
    }

    private static void failIfMissing(ExtensionContext context) {
        String problem = problem(context);
        if (!problem.isEmpty()) {
            throw new AssertionError("PC/SC test " + context.getDisplayName() + " cannot run and "
                    + REQUIRED_PROPERTY + "=true: " + problem
                    + ". Start pcscd with the vpcd reader BEFORE Maven: .ci/pcscd-up.sh");
        }
    }

    private static boolean required() {
        return Boolean.parseBoolean(System.getProperty(REQUIRED_PROPERTY, "false"));
    }

    /** Probed once per test JVM: "" when the reader is listed, else why not. */
    private static String problem(ExtensionContext context) {
        return context.getRoot().getStore(NAMESPACE)
                .getOrComputeIfAbsent("problem", key -> probe().orElse(""), String.class);
    }

    /** Empty when the reader is listed; otherwise why not. */
    private static Optional<String> probe() {
        String problem = "not probed";
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            try {
                List<CardTerminal> terminals = TerminalFactory.getInstance("PC/SC", null).terminals().list();
                if (terminals.stream().anyMatch(t -> READER.equals(t.getName()))) {
                    return Optional.empty();
                }
                problem = "pcscd runs but does not list the reader '" + READER + "' (readers: "
                        + terminals.stream().map(CardTerminal::getName).collect(Collectors.joining(", ", "[", "]"))
                        + "; is vsmartcard-vpcd installed?)";
            } catch (NoSuchAlgorithmException e) {
                problem = "pcscd not running (" + causes(e) + ")";
            } catch (CardException | RuntimeException e) {
                problem = "PC/SC failed (" + causes(e) + ")";
            }
            try {
                Thread.sleep(RETRY_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return Optional.of(problem);
    }

    private static String causes(Throwable failure) {
        StringBuilder text = new StringBuilder();
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (text.length() > 0) {
                text.append(" <- ");
            }
            text.append(t.getClass().getSimpleName()).append(": ").append(t.getMessage());
        }
        return text.toString();
    }
}
