package jp.mynadesk.virtualcard.reader;

import java.time.Duration;
import java.util.HexFormat;
import java.util.Objects;
import java.util.function.LongConsumer;
import jp.mynadesk.card.Ticker;
import jp.mynadesk.time.Timeline;
import jp.mynadesk.virtualcard.EmulatedCard;
import jp.mynadesk.virtualcard.Pauses;

/**
 * How one reader family treats the My Number card, as far as a host can tell (each profile's facts and sources are
 * in {@code firmware-notes/<note>}). Built-ins: {@link ReaderProfiles}.
 *
 * @param name             profile name for {@code --reader-profile}
 * @param description      one line for listings
 * @param note             the firmware note this profile follows ({@code firmware-notes/...md})
 * @param readerName       the PC/SC reader name the family shows (in-JVM reader only; vpcd names its own reader)
 * @param atr              the ATR the host sees through this reader (upper-case hex), {@code null} for the card's own
 * @param t0               the reader runs T=0: answers come as {@code 61xx} / {@code 6Cxx} and GET RESPONSE
 * @param extendedApdus    the reader carries extended-length APDUs; when false it answers one with {@code 6700}
 * @param maxResponse      largest response data the reader can carry (bytes), 0 for no limit; a larger answer fails
 *                         the exchange with {@code SCARD_E_INSUFFICIENT_BUFFER}
 * @param latencyMillis    added to every exchange
 * @param dropAfterSeconds the card leaves the reader this long after power-on, 0 for never
 */
public record ReaderProfile(String name, String description, String note, String readerName, String atr, boolean t0,
                            boolean extendedApdus, int maxResponse, int latencyMillis, int dropAfterSeconds) {

    /**
     * Refuses a missing name or reader name ({@link NullPointerException} whose message is the field) and values no
     * reader has ({@link IllegalArgumentException} in Japanese, starting with the field, not repeating the value).
     */
    public ReaderProfile {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(readerName, "readerName");
        if (atr != null && !atr.matches("([0-9A-F]{2}){2,33}")) {
            throw new IllegalArgumentException("atr: 使えない値です。2〜33 バイトの ATR を 16 進数の大文字で書いた"
                    + "文字列（空白なし）か、null（カード自身の ATR）を指定してください。");
        }
        notNegative("maxResponse", maxResponse, "バイト、0 = 制限なし");
        notNegative("latencyMillis", latencyMillis, "ミリ秒");
        notNegative("dropAfterSeconds", dropAfterSeconds, "秒、0 = 抜けない");
    }

    private static void notNegative(String field, int value, String unit) {
        if (value < 0) {
            throw new IllegalArgumentException(field + ": " + jp.mynadesk.format.JsonProblem.subject(value)
                    + "使えません。0 以上の整数（" + unit + "）を指定してください。");
        }
    }

    public byte[] atrBytes() {
        return atr == null ? null : HexFormat.of().parseHex(atr);
    }

    public Duration latency() {
        return Duration.ofMillis(latencyMillis);
    }

    /**
     * Plugs a reader of this family into the in-JVM provider, under the family's reader name: every card inserted
     * there is presented through the profile. The T=0 layer is the reader's own ({@link TerminalOptions#t0()}).
     *
     * @param ticker for the drop-after timer
     * @param pause  waits the latency (milliseconds); tests pass one that only counts
     */
    public VirtualTerminal plug(VirtualTerminals terminals, Ticker ticker, LongConsumer pause) {
        return terminals.plug(readerName, TerminalOptions.DEFAULT.withT0(t0)
                .withPresenter(card -> new ReaderQuirkCard(this, card, ticker, pause, false)));
    }

    /** As {@link #plug(VirtualTerminals, Ticker, LongConsumer)} on the readers' timeline (real time by default). */
    public VirtualTerminal plug(VirtualTerminals terminals) {
        Timeline t = terminals.timeline();
        return t == Timeline.REAL ? plug(terminals, Ticker.SYSTEM, Pauses.REAL) : plug(terminals, t::nanoTime, t::pause);
    }

    /**
     * The card as this reader would present it behind vpcd ({@code card serve}): vpcd passes APDUs through, so the
     * T=0 procedure bytes are produced here. The reader name stays vpcd's.
     */
    public EmulatedCard overVpcd(EmulatedCard card) {
        return overVpcd(card, Ticker.SYSTEM, Pauses.REAL);
    }

    /** As {@link #overVpcd(EmulatedCard)} on the given timer and latency wait (tests: a clock they move). */
    public EmulatedCard overVpcd(EmulatedCard card, Ticker ticker, LongConsumer pause) {
        return new ReaderQuirkCard(this, card, ticker, pause, t0);
    }
}
