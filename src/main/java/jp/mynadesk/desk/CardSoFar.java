package jp.mynadesk.desk;

import java.security.cert.X509Certificate;
import java.time.LocalDate;
import java.time.ZoneId;
import jp.mynadesk.card.AuthCertificate;
import jp.mynadesk.card.TokenKind;

/**
 * How far a {@link ReceptionCheck} got with the card on the reader. Each kind holds what that step established and
 * nothing more, so a certificate cannot be asked for before it was read: the kind says whether it was.
 */
sealed interface CardSoFar {

    /** Lets go of the card when the check ends (it stays connected until then, as 目視 may still use it). */
    void close();

    /** No card was connected: a check on documents or a declaration, or the reader gave none. */
    record None() implements CardSoFar {
        @Override
        public void close() {
            // nothing held
        }
    }

    /** A card is on the reader, but it did not open as a JPKI card: it is not shown (no お知らせ beside it). */
    record Connected(CardSession session) implements CardSoFar {
        @Override
        public void close() {
            session.close();
        }
    }

    /**
     * The JPKI AP opened: a My Number card (or smartphone token) was shown. Its certificate is not read yet; a
     * smartphone's is readable only after the PIN, so a check can wait at the PIN here.
     */
    record Opened(CardSession session, TokenKind token) implements CardSoFar {
        @Override
        public void close() {
            session.close();
        }
    }

    /**
     * The certificate was read and validated: how the card proved itself so far ({@code proof}) and whether the
     * patient may be asked about information sharing (not in the 猶予期間 after expiry).
     */
    record Certified(Opened card, AuthCertificate certificate, CardProof proof, boolean sharingAllowed) implements CardSoFar {
        @Override
        public void close() {
            card.close();
        }

        Certified withProof(CardProof changed) {
            return new Certified(card, certificate, changed, sharingAllowed);
        }

        X509Certificate x509() {
            return certificate.certificate();
        }

        LocalDate notAfter(ZoneId zone) {
            return x509().getNotAfter().toInstant().atZone(zone).toLocalDate();
        }
    }
}
