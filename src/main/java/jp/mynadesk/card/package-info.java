/**
 * The transport seam {@code CardTransport} ({@code transmit(byte[]) → ResponseApdu}) and its decorators: {@code
 * SmartcardioTransport} (javax.smartcardio, classifies PC/SC failures), {@code GetResponseTransport} (61xx / 6Cxx),
 * {@code TracingTransport} + {@code ApduTrace} (replayable trace with header, timestamps from an injected {@code
 * Ticker} and event lines, VERIFY/CHANGE data masked by INS, responses masked after the personal-data AP is selected;
 * {@code ApduTrace.parse} → {@code Trace}; format in docs/TRACE.md). {@code JpkiCard} is the host driver: open
 * (select AP, token), read the auth certificate sized from its DER header, PIN retries, verify, sign a SHA-256
 * DigestInfo. Results are {@code CardOutcome} = {@code Success} or {@code Failed(CardFailure)}, a sealed set: wrong
 * PIN with tries left, blocked, PIN not set, not a JPKI card, card removed, reader problem (kind), unexpected status
 * word, malformed response. Card constants live in {@code Jpki} and {@code StatusWord}.
 *
 * <p><b>Real cards and readers.</b> {@code JpkiCard} steps READ BINARY down 256 → 0xFF → 0xE0 → 0x80 (and extended →
 * short) and keeps the size that worked; {@code GetResponseTransport} appends Le to case 1/3 on {@code 6Cxx}, retries
 * GET RESPONSE in CLA 00 and in smaller parts. Card profiles {@code atr} / {@code t0} ({@code card-2016}, {@code
 * t0-card}; {@code virtualcard.T0Transport} serves a card's T=0 answers and a reader's) and {@code issuer} (a CA of
 * one's own from files, {@code pki.CaFiles}); reader profile {@code nfc-253}. {@code card ca export --out} writes the
 * simulator's 利用者証明用 root. Sources: {@code firmware-notes/real-cards-and-readers.md}, docs/CARD.md §7, §8.2, §8.3.
 *
 * <p><b>Status words are data.</b> The card model answers every byte sequence with a status word; the host   driver
 * turns status words and PC/SC errors into {@code CardFailure} values, never exceptions.
 *
 * <p><b>Privacy by construction.</b> {@code JpkiCard} has no method that selects the 券面事項入力補助AP. PIN bytes exist
 * only inside {@code verifyPin} and are wiped; traces mask PIN-carrying commands by INS, whatever the caller did.
 *
 * <p><b>Certificates are read in ≤ 256-byte short APDUs by default</b> (what every reader accepts); extended   reads
 * are an option of {@code JpkiCard}.
 *
 * <p><b>PC/SC tests are real.</b> Tests tagged {@code pcsc} ({@code &#64;RequiresPcscd}) run against pcscd + vpcd: the
 * host driver   through SunPCSC with the card pulled at every step, and OpenSC's own tools ({@code
 * firmware-notes/opensc-jpki.md}).   {@code scripts/test} starts pcscd before Maven (SunPCSC never recovers from a
 * pcscd that was down); with   {@code CI=true} a missing pcscd fails the run, elsewhere those tests are skipped with
 * a reason on stderr.
 *
 * <p><b>A card that vanishes mid-APDU is "card removed"</b>, whichever way the stack reports it:   {@code
 * SCARD_W_REMOVED_CARD}, {@code SCARD_E_NOT_TRANSACTED}, or SunPCSC's {@code IllegalArgumentException} for a
 * zero-byte response.
 */
package jp.mynadesk.card;
