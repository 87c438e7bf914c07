package jp.mynadesk.oqs;

/**
 * A single-use challenge for card authentication (PIN mode): the desk SHA-256s {@code nonce}, the card signs the
 * digest, and the desk returns certificate and signature with {@code challengeId} before {@code expiresAt}.
 *
 * @param expiresAt yyyyMMddHHmmss (JST)
 */
public record Challenge(String challengeId, byte[] nonce, String expiresAt) {
    public Challenge {
        nonce = nonce.clone();
    }

    @Override
    public byte[] nonce() {
        return nonce.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Challenge c && c.challengeId.equals(challengeId) && java.util.Arrays.equals(c.nonce, nonce)
                && c.expiresAt.equals(expiresAt);
    }

    @Override
    public int hashCode() {
        return challengeId.hashCode();
    }

    @Override
    public String toString() {
        return "Challenge[" + challengeId + ", expires " + expiresAt + "]";
    }
}
