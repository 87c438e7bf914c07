package jp.mynadesk.desk;

import javax.smartcardio.Card;
import javax.smartcardio.CardException;
import jp.mynadesk.card.CardTransport;
import jp.mynadesk.card.GetResponseTransport;
import jp.mynadesk.card.JpkiCard;
import jp.mynadesk.card.SmartcardioTransport;
import jp.mynadesk.card.TracingTransport;
import jp.mynadesk.format.Dates;
import jp.mynadesk.reader.ReaderException;

/**
 * The card on the reader for the length of one check: the connection and the host driver. What was read from it is
 * the check's to keep ({@link CardSoFar}).
 */
final class CardSession implements AutoCloseable {
    /** How long a check waits for the card to be on the reader. */
    private static final long CONNECT_TIMEOUT_MS = 2_000;

    private final Card card;
    final JpkiCard jpki;

    private CardSession(Card card, JpkiCard jpki) {
        this.card = card;
        this.jpki = jpki;
    }

    static CardSession connect(DeskContext ctx) throws ReaderException {
        if (ctx.readers() == null) {
            throw new ReaderException(jp.mynadesk.reader.PcscProblem.NO_READERS, "this desk has no reader", null);
        }
        javax.smartcardio.CardTerminal terminal = ctx.readers().choose(ctx.readerName());
        Card card = ctx.readers().connect(terminal, CONNECT_TIMEOUT_MS);
        CardTransport transport = new GetResponseTransport(new SmartcardioTransport(card.getBasicChannel()));
        if (ctx.trace() != null) {
            // The header says where the conversation happened, so a replay can be set up the same way.
            ctx.trace().header(ctx.trace().header().withReader(terminal.getName(), card.getATR().getBytes(), card.getProtocol())
                    .withStarted(java.time.OffsetDateTime.now(ctx.clock().withZone(Dates.JST))));
            transport = new TracingTransport(transport, ctx.trace());
        }
        return new CardSession(card, new JpkiCard(transport));
    }

    @Override
    public void close() {
        try {
            card.disconnect(false);
        } catch (CardException | IllegalStateException e) {
            // The card is already gone; there is nothing left to release.
        }
    }
}
