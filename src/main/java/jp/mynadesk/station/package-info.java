/**
 * One desk assembled from its sources: the in-JVM reader with a card profile, or a PC/SC reader (checked to exist
 * before anything runs), or none; the service (a URL, the mock started in-process, or none: {@code oqs.NoService});
 * the record in a data directory; the trust anchors; the clock (standing at {@code --as-of}, ticking). Every driver
 * opens a {@code Station} and runs {@code ReceptionCheck} over its {@code context()}. It decides the mode
 * (docs/CLINIC.md): {@code simulated()} (a virtual card or the in-process mock, recorded on every visit) and {@code
 * anchors()} (the simulator's CA only with a virtual card); at a PC/SC reader without configured anchors it does not
 * open ({@code NoTrustAnchors}).
 */
package jp.mynadesk.station;
