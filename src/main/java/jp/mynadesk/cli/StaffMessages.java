package jp.mynadesk.cli;

import jp.mynadesk.card.CardFailure;
import jp.mynadesk.card.StatusWord;

/** What a card failure means for reception staff, and the next step, in Japanese. */
final class StaffMessages {
    private StaffMessages() {}

    static String of(CardFailure failure) {
        if (failure instanceof CardFailure.WrongPin w) {
            return "暗証番号が違います（残り" + w.triesLeft() + "回）。"
                    + (w.triesLeft() == 1 ? "次に間違えるとロックされます。患者さんに確認のうえ、顔認証か目視確認への切り替えも検討してください。"
                                          : "患者さんにもう一度入力していただいてください。");
        }
        if (failure instanceof CardFailure.PinBlocked) {
            return "暗証番号がロックされています。目視確認モードで受付し、患者さんには市区町村の窓口でロック解除ができることをお伝えください。";
        }
        if (failure instanceof CardFailure.PinNotSet) {
            return "このカードには暗証番号が設定されていません（顔認証マイナンバーカード）。目視確認モードで受付してください。";
        }
        if (failure instanceof CardFailure.NotJpkiCard n) {
            return "マイナンバーカードとして読み取れませんでした（" + n.detail() + "）。カードの種類と向きを確かめて置き直してください。";
        }
        if (failure instanceof CardFailure.CardRemoved) {
            return "確認の途中でカードが取り外されました。カードをもう一度置いてください。";
        }
        if (failure instanceof CardFailure.ReaderProblem r) {
            return r.kind().message() + r.kind().nextStep();
        }
        if (failure instanceof CardFailure.UnexpectedStatus u) {
            return "カードが想定外の応答をしました（" + u.step() + ": " + StatusWord.hex(u.sw())
                    + "）。カードを置き直してください。続く場合は資格確認書などで受付してください。";
        }
        var m = (CardFailure.MalformedResponse) failure;
        return "カードの応答を読み取れませんでした（" + m.step() + ": " + m.detail()
                + "）。カードを置き直してください。続く場合は資格確認書などで受付してください。";
    }
}
