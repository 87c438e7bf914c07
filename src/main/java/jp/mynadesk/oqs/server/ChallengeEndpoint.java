package jp.mynadesk.oqs.server;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import jp.mynadesk.oqs.Challenge;
import jp.mynadesk.oqs.OqsTime;

/** {@code /challenge}: one-time nonces the card signs for a PIN check. */
final class ChallengeEndpoint {
    private static final int MAX_PENDING_CHALLENGES = 100_000;

    private final Clock clock;
    private final Duration challengeTtl;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, Pending> challenges = new ConcurrentHashMap<>();

    record Pending(byte[] nonce, Instant expiresAt) {}

    ChallengeEndpoint(Clock clock, Duration challengeTtl) {
        this.clock = clock;
        this.challengeTtl = challengeTtl;
    }

    Challenge newChallenge() {
        Instant now = clock.instant();
        if (challenges.size() > MAX_PENDING_CHALLENGES) {
            challenges.values().removeIf(c -> now.isAfter(c.expiresAt()));
        }
        byte[] nonce = new byte[32];
        byte[] id = new byte[16];
        random.nextBytes(nonce);
        random.nextBytes(id);
        String challengeId = HexFormat.of().formatHex(id);
        Instant expiresAt = now.plus(challengeTtl);
        challenges.put(challengeId, new Pending(nonce, expiresAt));
        return new Challenge(challengeId, nonce, OqsTime.timestamp(expiresAt));
    }

    /** Removes and returns the pending challenge (each is used at most once), or null. */
    Pending take(String challengeId) {
        return challengeId == null ? null : challenges.remove(challengeId);
    }
}
