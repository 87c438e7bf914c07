/**
 * The mock online qualification service. {@code OqsServer} (the JDK HTTP server) hands each request to
 * {@code OqsService}, which only wires one class per endpoint: {@code ChallengeEndpoint}, {@code CardCheckEndpoint},
 * {@code LookupEndpoint}, {@code BatchEndpoint}, {@code ConsentEndpoint} and {@code CrlEndpoint} (signed once per CA
 * and hour by {@code pki.CrlCache}). Answers are built by {@code QualificationAnswers} from the {@code InsuredRegistry};
 * {@code CertificatePeriods} keeps only the certificates that hold on the query day, {@code MedicalTickets} adds the
 * month's 医療券, {@code RequestEcho} repeats the request's header in every answer (errors included) and
 * {@code oqs.CharacterCode} writes UTF-8 or Shift_JIS as the request asks. {@code FolderInterface} serves the req/res
 * and face folders; {@code FaultPlan}/{@code FaultInjector} script failures. Contract and sources: docs/OQS-MOCK.md.
 *
 * <p> * <b>Registries at an insurer's scale</b> use the lines format (docs/OQS-MOCK.md): one streaming pass builds a
 * {@code KeyIndex} (64-bit key hash → line offset, two {@code long} arrays) and a person's JSON is parsed when a
 * query reads   it. Validation of a person's JSON happens then too: a bad line fails that query, not the start.
 */
package jp.mynadesk.oqs.server;
