package jp.mynadesk.oqs;

import java.security.GeneralSecurityException;
import java.security.Signature;
import java.security.cert.CertificateEncodingException;
import jp.mynadesk.pki.CardIssuer;
import jp.mynadesk.pki.HolderCertificates;
import jp.mynadesk.pki.HolderSpec;
import jp.mynadesk.pki.TestCa;
import jp.mynadesk.virtualcard.CardProfiles;
import jp.mynadesk.virtualcard.ProfileException;

/** The certificates and auth key a virtual card holds, and its signature over a challenge. */
final class Cards {
    static final String INSTITUTION = "1311111111";
    static final String VISUAL_TERMINAL = "DESK-01";

    private Cards() {}

    static HolderCertificates profile(String name) {
        try {
            return new CardIssuer(TestCa.standard()).issue(CardProfiles.resolve(name).toHolderSpec());
        } catch (ProfileException e) {
            throw new IllegalStateException(e);
        }
    }

    static HolderCertificates issue(TestCa ca, HolderSpec spec) {
        return new CardIssuer(ca).issue(spec);
    }

    static byte[] der(HolderCertificates c) {
        try {
            return c.authCertificate().getEncoded();
        } catch (CertificateEncodingException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * What the desk does with the card: SHA-256 the nonce, the card signs the digest (PKCS#1 v1.5 with the SHA-256
     * DigestInfo), which is exactly SHA256withRSA over the nonce.
     */
    static byte[] sign(HolderCertificates c, byte[] nonce) {
        try {
            Signature s = Signature.getInstance("SHA256withRSA");
            s.initSign(c.authCardKey().getPrivate());
            s.update(nonce);
            return s.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A full PIN-mode check: challenge, sign, send. */
    static OqsResult<QualificationResponse> pinCheck(OqsClient client, HolderCertificates card, String date) {
        OqsResult<Challenge> challenge = client.challenge();
        if (!(challenge instanceof OqsResult.Ok<Challenge> ok)) {
            throw new AssertionError("no challenge: " + challenge.describe());
        }
        Challenge c = ok.value();
        return client.checkCard(CardCheckRequest.pin(date, INSTITUTION, "FILE-" + c.challengeId().substring(0, 6), der(card),
                c.challengeId(), sign(card, c.nonce()), "DESK-02"));
    }

    static QualificationRequest numbers(String date, String insurer, String symbol, String number, String branch,
                                        String birth, boolean limitConsent) {
        return new QualificationRequest(date, INSTITUTION, "ARB-" + number,
                new QualificationSearchInfo(insurer, symbol, number, branch, birth, limitConsent ? "1" : "0", "pt-" + number));
    }
}
