package jp.mynadesk.pki;

import java.time.Instant;

/** A revocation source's answer about one certificate. */
public sealed interface RevocationStatus {
    /** Not revoked according to a current, verified list. */
    record Good() implements RevocationStatus {}

    record Revoked(Instant revokedAt, String reason) implements RevocationStatus {}

    /** No trustworthy answer (source unreachable, list stale or badly signed). */
    record Unknown(String reason) implements RevocationStatus {}
}
