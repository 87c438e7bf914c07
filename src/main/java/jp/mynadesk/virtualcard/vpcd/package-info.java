/**
 * {@code VpcdBridge}: the same card model behind pcscd's vpcd driver (2-byte length frames, TCP_QUICKACK re-armed
 * before every read, one write per reply, reconnect with backoff); removal closes the socket and keeps the card out ≥
 * 1 s so pcscd cannot miss it ({@code firmware-notes/pcscd-vpcd.md}). {@code CardServer} drives it from standard
 * input ({@code remove}, {@code insert}, {@code profile X}, {@code status}, {@code quit}).
 */
package jp.mynadesk.virtualcard.vpcd;
