package jp.mynadesk.oqs;

import jp.mynadesk.pki.RevocationSource;

/**
 * The online qualification service as the desk uses it: the seam between the reception workflow and the wire
 * (as {@code card.CardTransport} is for the card). {@link OqsClient} is the real one over HTTP; tests, scenarios
 * and replays may put anything behind it. Every call returns a value, never throws for a service problem.
 */
public interface QualificationService {

    /** A single-use challenge for the card to sign (PIN mode). */
    OqsResult<Challenge> challenge();

    /** 資格確認 by the card (PIN or visual mode). */
    OqsResult<QualificationResponse> checkCard(CardCheckRequest request);

    /** 資格確認 by numbers (照会区分 2). */
    OqsResult<QualificationResponse> query(QualificationRequest request);

    /** 一括照会: upload. */
    OqsResult<BatchReception> submitBatch(BatchRequest request);

    /** 一括照会: download (still processing → ask again later). */
    OqsResult<BatchResult> fetchBatch(BatchDownloadRequest request);

    /** The patient's information-sharing answers. */
    OqsResult<ConsentReceipt> registerConsent(ConsentRequest request);

    /** Revocation of card certificates, as the service publishes it. */
    RevocationSource revocationSource();

    /** The client has decided the service is down (breaker open) and will not try before its next probe. */
    boolean offline();
}
