package jp.mynadesk.oqs;

import java.time.Instant;
import jp.mynadesk.pki.RevocationSource;
import jp.mynadesk.pki.RevocationStatus;

/**
 * The desk without an online qualification service (settings {@code service: none}, docs/CLINIC.md): every call
 * is {@link OqsResult.Offline} at once, so the desk goes to the documents without waiting for a time-out, and
 * revocation is {@link RevocationStatus.Unknown}.
 */
public final class NoService implements QualificationService {
    /** Why every answer is offline; shown in the status line, never a failure of anything. */
    public static final String REASON = "no service configured";

    private final Instant since;

    public NoService(Instant since) {
        this.since = since;
    }

    private <T> OqsResult<T> none() {
        return new OqsResult.Offline<>(since, Instant.MAX, REASON);
    }

    @Override
    public OqsResult<Challenge> challenge() {
        return none();
    }

    @Override
    public OqsResult<QualificationResponse> checkCard(CardCheckRequest request) {
        return none();
    }

    @Override
    public OqsResult<QualificationResponse> query(QualificationRequest request) {
        return none();
    }

    @Override
    public OqsResult<BatchReception> submitBatch(BatchRequest request) {
        return none();
    }

    @Override
    public OqsResult<BatchResult> fetchBatch(BatchDownloadRequest request) {
        return none();
    }

    @Override
    public OqsResult<ConsentReceipt> registerConsent(ConsentRequest request) {
        return none();
    }

    @Override
    public RevocationSource revocationSource() {
        return (certificate, issuer) -> new RevocationStatus.Unknown(REASON);
    }

    @Override
    public boolean offline() {
        return true;
    }
}
