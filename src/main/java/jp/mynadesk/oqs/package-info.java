/**
 * The online qualification service: the OQS XML message model and codec ({@code XmlNode}: StAX with DTDs and external
 * entities refused, size and depth limits; strict decoding), {@code OqsClient} (timeouts on every call, bounded
 * retries with backoff for idempotent calls only, {@code CircuitBreaker} → a clear offline state, a sealed {@code
 * OqsResult}). {@code oqs.server}: the mock service ({@code OqsServer} on the JDK HTTP server, {@code OqsService}
 * wiring one class per endpoint ({@code ChallengeEndpoint}, {@code CardCheckEndpoint}, {@code LookupEndpoint}, {@code
 * BatchEndpoint}, {@code ConsentEndpoint}, {@code CrlEndpoint}; records from {@code QualificationAnswers}), the
 * {@code FolderInterface} for req/res/face files written atomically, {@code InsuredRegistry}, {@code FaultPlan} /
 * {@code FaultInjector}). Details: docs/OQS-MOCK.md.
 */
package jp.mynadesk.oqs;
