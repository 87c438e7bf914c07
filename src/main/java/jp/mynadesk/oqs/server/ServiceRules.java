package jp.mynadesk.oqs.server;

import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import jp.mynadesk.oqs.CharacterCode;
import jp.mynadesk.oqs.MessageHeader;
import jp.mynadesk.oqs.OqsErrorCodes;
import jp.mynadesk.oqs.OqsTime;
import jp.mynadesk.oqs.ReferenceClassification;
import jp.mynadesk.oqs.SegmentOfResult;
import jp.mynadesk.pki.CertificateVerdict;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x500.style.IETFUtils;

/** What every endpoint of the mock service checks and how it heads its answers. */
final class ServiceRules {
    private final Clock clock;

    ServiceRules(Clock clock) {
        this.clock = clock;
    }

    Clock clock() {
        return clock;
    }

    MessageHeader okHeader() {
        return new MessageHeader(OqsTime.timestamp(clock.instant()), null, null, null, null, SegmentOfResult.NORMAL,
                null, null, MessageHeader.UTF_8);
    }

    MessageHeader errorHeader(String date, String institution, String fileId, ReferenceClassification ref,
                              String code, String message) {
        return errorHeader(date, institution, fileId, ref, code, message, null);
    }

    /** An error header that repeats the request's header, in the code the request asked for. */
    MessageHeader errorHeader(String date, String institution, String fileId, ReferenceClassification ref,
                              String code, String message, String askedCode) {
        return new MessageHeader(OqsTime.timestamp(clock.instant()), date, institution, fileId, ref,
                SegmentOfResult.ABNORMAL, code, message, CharacterCode.answerFor(askedCode));
    }

    static String[] refusal(CertificateVerdict v) {
        if (v instanceof CertificateVerdict.Revoked) {
            return new String[] {OqsErrorCodes.CERT_REVOKED, "電子証明書は失効しています"};
        } else if (v instanceof CertificateVerdict.Expired e && e.expiry().equals(e.usableUntil())) {
            return new String[] {OqsErrorCodes.CERT_EXPIRED, "スマートフォン用電子証明書の有効期限（" + e.expiry()
                    + "）が切れています（スマートフォンには猶予期間がありません）"};
        } else if (v instanceof CertificateVerdict.Expired e) {
            return new String[] {OqsErrorCodes.CERT_EXPIRED, "電子証明書の有効期限（" + e.expiry() + "）が切れ、猶予期間（"
                    + e.usableUntil() + "まで）も過ぎています"};
        } else if (v instanceof CertificateVerdict.NotYetValid n) {
            return new String[] {OqsErrorCodes.CERT_NOT_YET_VALID, "電子証明書の有効期間が始まっていません（" + n.validFrom() + "から）"};
        } else if (v instanceof CertificateVerdict.WrongIssuer) {
            return new String[] {OqsErrorCodes.CERT_WRONG_ISSUER, "電子証明書の発行者が信頼できません"};
        } else if (v instanceof CertificateVerdict.BadKeyUsage) {
            return new String[] {OqsErrorCodes.CERT_KEY_USAGE, "電子証明書の鍵用途が利用者証明に適しません"};
        }
        return new String[] {OqsErrorCodes.CERT_MALFORMED, "電子証明書を検証できません: " + v.code()};
    }

    static Optional<String> checkInstitution(String code) {
        if (code == null || !code.matches("\\d{10}")) {
            return Optional.of("医療機関コードは10桁の数字です");
        }
        return Optional.empty();
    }

    static LocalDate confirmationDate(String text, Instant now) {
        if (text == null || text.isBlank()) {
            return now.atZone(OqsTime.JST).toLocalDate();
        }
        return OqsTime.parseDate(text).orElse(null);
    }

    static String cardKey(String institution, X509Certificate cert) {
        return institution + "/" + cert.getIssuerX500Principal().getName() + "/" + cert.getSerialNumber().toString(16);
    }

    static Optional<String> subjectCn(X509Certificate cert) {
        try {
            X500Name name = X500Name.getInstance(cert.getSubjectX500Principal().getEncoded());
            RDN[] cns = name.getRDNs(BCStyle.CN);
            return cns.length == 0 ? Optional.empty()
                    : Optional.of(IETFUtils.valueToString(cns[0].getFirst().getValue()));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }
}
