package jp.mynadesk.oqs.server;

import java.security.cert.X509CRL;
import java.time.Clock;
import java.time.Duration;
import java.util.function.Consumer;
import jp.mynadesk.oqs.BatchDownloadRequest;
import jp.mynadesk.oqs.BatchReception;
import jp.mynadesk.oqs.BatchRequest;
import jp.mynadesk.oqs.BatchResult;
import jp.mynadesk.oqs.CardCheckRequest;
import jp.mynadesk.oqs.Challenge;
import jp.mynadesk.oqs.ConsentReceipt;
import jp.mynadesk.oqs.ConsentRequest;
import jp.mynadesk.oqs.MessageHeader;
import jp.mynadesk.oqs.QualificationRequest;
import jp.mynadesk.oqs.QualificationResponse;
import jp.mynadesk.oqs.ReferenceClassification;
import jp.mynadesk.pki.CertificateValidator;
import jp.mynadesk.pki.TestCa;
import jp.mynadesk.pki.TrustAnchors;

/**
 * The mock オンライン資格確認 service's behaviour, independent of transport: the HTTP server and the req/res/face folder
 * interface both call it. Time comes from the injected clock only. Each endpoint is a class of its own
 * ({@link ChallengeEndpoint}, {@link CardCheckEndpoint}, {@link LookupEndpoint}, {@link BatchEndpoint},
 * {@link ConsentEndpoint}, {@link CrlEndpoint}); this class wires them and is the one entry the transports use.
 */
public final class OqsService {
    private final ServiceRules rules;
    private final ChallengeEndpoint challenges;
    private final CardCheckEndpoint cards;
    private final LookupEndpoint lookup;
    private final BatchEndpoint batches;
    private final ConsentEndpoint consents;
    private final CrlEndpoint crl;

    public OqsService(Clock clock, InsuredRegistry registry, TestCa ca, Duration challengeTtl, Duration batchProcessingTime) {
        this.rules = new ServiceRules(clock);
        this.crl = new CrlEndpoint(clock, registry, ca);
        CertificateValidator validator = new CertificateValidator(TrustAnchors.of(ca), crl::revocation, clock);
        this.challenges = new ChallengeEndpoint(clock, challengeTtl);
        this.consents = new ConsentEndpoint(rules, registry, validator);
        this.cards = new CardCheckEndpoint(rules, registry, validator, challenges, consents);
        this.lookup = new LookupEndpoint(rules, registry);
        this.batches = new BatchEndpoint(rules, lookup, batchProcessingTime);
    }

    public Clock clock() {
        return rules.clock();
    }

    /** Card check results are also delivered here (the folder interface writes them into {@code face}). */
    void onCardCheck(Consumer<QualificationResponse> sink) {
        cards.onCardCheck(sink);
    }

    public Challenge newChallenge() {
        return challenges.newChallenge();
    }

    public MessageHeader okHeader() {
        return rules.okHeader();
    }

    public QualificationResponse checkCard(CardCheckRequest r) {
        return cards.checkCard(r);
    }

    public MessageHeader errorHeader(String date, String institution, String fileId, ReferenceClassification ref,
                                     String code, String message) {
        return rules.errorHeader(date, institution, fileId, ref, code, message);
    }

    public QualificationResponse query(QualificationRequest r) {
        return lookup.query(r);
    }

    public BatchReception submitBatch(BatchRequest r) {
        return batches.submitBatch(r);
    }

    public BatchResult fetchBatch(BatchDownloadRequest r) {
        return batches.fetchBatch(r);
    }

    /** Batches held now (for tests of the retention). */
    int retainedBatches() {
        return batches.retainedBatches();
    }

    public ConsentReceipt registerConsent(ConsentRequest r) {
        return consents.registerConsent(r);
    }

    /** The current CRL of the 利用者証明用 CA, valid for a day from now. */
    public X509CRL crl() {
        return crl.crl();
    }
}
