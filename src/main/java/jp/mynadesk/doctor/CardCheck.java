package jp.mynadesk.doctor;

import java.util.HexFormat;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import javax.smartcardio.Card;
import javax.smartcardio.CardException;
import javax.smartcardio.CardTerminal;
import jp.mynadesk.card.CardTransportException;
import jp.mynadesk.card.GetResponseTransport;
import jp.mynadesk.card.Jpki;
import jp.mynadesk.card.ResponseApdu;
import jp.mynadesk.card.SmartcardioTransport;
import jp.mynadesk.card.StatusWord;
import jp.mynadesk.reader.PcscProblem;
import jp.mynadesk.reader.ReaderException;
import jp.mynadesk.reader.ReaderInfo;

/**
 * The card on the reader, when there is one: its ATR, and whether the JPKI AP (公的個人認証) can be selected. Only a
 * SELECT is sent: no PIN, no VERIFY, nothing read from the card, so doctor can never cost a PIN try or see a
 * patient's data. No card on the reader is not a fault (正常, with a note).
 */
public final class CardCheck extends PcscListingCheck {
    public static final String NAME = "card";

    CardCheck(PcscProbe probe) {
        super(NAME, probe);
    }

    /** SELECT by DF name, no answer data (P2 = 0C), as the host driver sends it. */
    static byte[] selectJpki() {
        byte[] aid = Jpki.AID_JPKI;
        byte[] c = new byte[5 + aid.length];
        c[1] = (byte) 0xA4;
        c[2] = 0x04;
        c[3] = 0x0C;
        c[4] = (byte) aid.length;
        System.arraycopy(aid, 0, c, 5, aid.length);
        return c;
    }

    @Override
    Finding judge(PcscProbe.Listing l) {
        ReaderInfo reader = l.ok() ? probe.choose(l.infos()).reader() : null;
        if (reader == null) {
            return Finding.problem(NAME, "使うカードリーダーが決まらないため、カードを確かめられません。", "先にカードリーダーの異常を直してください。");
        }
        if (!reader.cardPresent()) {
            return Finding.ok(NAME, "カードは置かれていません（カードリーダー「" + reader.name() + "」）。",
                    "マイナンバーカードを置いてもう一度診断すると、カードの読み取りも確かめます。");
        }
        try {
            return Bounded.call("card", probe.limit(), () -> select(l, reader));
        } catch (TimeoutException e) {
            return Finding.problem(NAME, "カードが " + Bounded.seconds(probe.limit()) + "以内に応答しません（カードリーダー「"
                    + reader.name() + "」）。", "カードを置き直してもう一度診断してください。続くときはカードリーダーを抜き差ししてください。");
        } catch (ExecutionException e) {
            PcscProblem p = e.getCause() instanceof ReaderException r ? r.problem()
                    : e.getCause() instanceof CardTransportException t ? t.problem() : PcscProblem.classify(e.getCause());
            return Finding.problem(NAME, "カードを読み取れません: " + jp.mynadesk.desk.StaffText.message(p), jp.mynadesk.desk.StaffText.next(p));
        }
    }

    private Finding select(PcscProbe.Listing l, ReaderInfo reader) throws ReaderException, CardException {
        CardTerminal terminal = l.readers().choose(reader.name());
        Card card;
        try {
            card = terminal.connect("*");
        } catch (CardException | IllegalStateException e) {
            throw new ReaderException(PcscProblem.classify(e), e.getMessage(), e);
        }
        try {
            String atr = HexFormat.of().withUpperCase().formatHex(card.getATR().getBytes());
            ResponseApdu r = new GetResponseTransport(new SmartcardioTransport(card.getBasicChannel())).transmit(selectJpki());
            if (r.isOk()) {
                return Finding.ok(NAME, "カードがあり、公的個人認証 AP を選択できました（カードリーダー「" + reader.name() + "」、ATR "
                        + atr + "）。");
            }
            return Finding.warning(NAME, "カードは読めましたが、公的個人認証 AP を選択できません（SW " + StatusWord.hex(r.sw())
                    + "、ATR " + atr + "）。マイナンバーカードではないか、向きが違う可能性があります。",
                    "マイナンバーカードを置き直してもう一度診断してください。");
        } finally {
            try {
                card.disconnect(false);
            } catch (CardException | IllegalStateException e) {
                // the card left already: nothing to release
            }
        }
    }
}
