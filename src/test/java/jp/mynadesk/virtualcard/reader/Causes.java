package jp.mynadesk.virtualcard.reader;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Finds the PC/SC code in a cause chain the way error classifiers do: by scanning messages for SCARD_\w+. */
final class Causes {
    private static final Pattern SCARD = Pattern.compile("SCARD_\\w+");

    private Causes() {}

    static Optional<String> scardName(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c.getMessage() != null) {
                Matcher m = SCARD.matcher(c.getMessage());
                if (m.find()) {
                    return Optional.of(m.group());
                }
            }
        }
        return Optional.empty();
    }

    /** The message of the direct cause, which must be a {@link PcscStatus}. */
    static String pcscCause(Throwable t) {
        if (!(t.getCause() instanceof PcscStatus status)) {
            throw new AssertionError("cause is not a PcscStatus: " + t.getCause(), t);
        }
        return status.getMessage();
    }
}
