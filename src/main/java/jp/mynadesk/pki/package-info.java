/**
 * <b>CRL cache.</b> {@code CrlCache}: the mock service's CRL signed once per CA, revocation list and hour (thisUpdate
 * 5 min before the hour, nextUpdate a day after it) instead of on every request; {@code CrlEndpoint} uses {@code
 * CrlCache.shared()}.
 *
 * <p>{@code TrustAnchors} (roots and configured intermediates: a card certificate chains through CA intermediates
 * valid at the check to a configured root; {@code none()}, {@code plus()}, several certificates per PEM file), {@code
 * CertificateValidator} (trust anchors, validity with the grace of {@code rules.CertificateGrace}, key usage,
 * revocation through the service's CRL, signature over a challenge) with a sealed {@code CertificateVerdict}; {@code
 * TestCa} (JPKI-like roots named {@code O=JPKI-SIM}, clearly not J-LIS), {@code CardIssuer} (auth certificate {@code
 * C=JP, CN=<opaque id>}, RSA-2048, sha256WithRSA, valid to the 5th birthday after issue; signature certificate with
 * the 基本4情報 in subjectAltName), {@code DeterministicKeys} (keys derived from a label and memoised, so tests stay fast
 * and reproducible; the built-in labels' pairs are bundled as {@code SimulatorKeys}, docs/CARD.md §8.1).
 */
package jp.mynadesk.pki;
