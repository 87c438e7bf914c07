package jp.mynadesk.virtualcard.reader;

import java.util.Objects;
import java.util.function.UnaryOperator;
import jp.mynadesk.virtualcard.EmulatedCard;

/**
 * How one virtual reader behaves, fixed when it is plugged.
 *
 * @param t0 the reader talks T=0 to the card: the card side delivers data through 61xx / 6Cxx procedure bytes
 *     (see {@link jp.mynadesk.virtualcard.T0Transport}), {@code Card.getProtocol()} is {@code "T=0"}, and the host rejects extended-length
 *     APDUs, all as a T=0 card behind SunPCSC would
 * @param hostGetResponse the host-side channel answers 61xx with GET RESPONSE and 6Cxx with a resend by itself, as
 *     SunPCSC does by default; {@code false} mimics {@code -Dsun.security.smartcardio.t0GetResponse=false} (or
 *     {@code t1GetResponse=false} under T=1) without touching a real system property, so host-side GET RESPONSE
 *     decorators can be tested against raw procedure bytes
 * @param presenter what the reader makes of each inserted card (a {@link ReaderProfile}'s quirks); identity by default
 */
public record TerminalOptions(boolean t0, boolean hostGetResponse, UnaryOperator<EmulatedCard> presenter) {

    /** T=1 with SunPCSC's default automatic 61xx / 6Cxx handling. */
    public static final TerminalOptions DEFAULT = new TerminalOptions(false, true);

    public TerminalOptions {
        Objects.requireNonNull(presenter, "presenter");
    }

    public TerminalOptions(boolean t0, boolean hostGetResponse) {
        this(t0, hostGetResponse, UnaryOperator.identity());
    }

    public TerminalOptions withT0(boolean t0Mode) {
        return new TerminalOptions(t0Mode, hostGetResponse, presenter);
    }

    public TerminalOptions withHostGetResponse(boolean on) {
        return new TerminalOptions(t0, on, presenter);
    }

    public TerminalOptions withPresenter(UnaryOperator<EmulatedCard> cardPresenter) {
        return new TerminalOptions(t0, hostGetResponse, cardPresenter);
    }
}
