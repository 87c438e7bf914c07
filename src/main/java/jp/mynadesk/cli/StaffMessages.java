package jp.mynadesk.cli;

import jp.mynadesk.card.CardFailure;
import jp.mynadesk.card.StatusWord;
import jp.mynadesk.pki.CertificateVerdict;

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

    /** Why the card's certificate makes it unusable as a マイナ保険証 today, and what to do instead. */
    static String refused(CertificateVerdict verdict) {
        String why;
        if (verdict instanceof CertificateVerdict.Expired e) {
            why = "電子証明書の有効期限（" + e.expiry() + "）が切れ、猶予期間（" + e.usableUntil() + "まで）も過ぎています";
        } else if (verdict instanceof CertificateVerdict.NotYetValid n) {
            why = "電子証明書がまだ有効になっていません（" + n.validFrom() + "から）";
        } else if (verdict instanceof CertificateVerdict.Revoked) {
            why = "電子証明書が失効しています";
        } else if (verdict instanceof CertificateVerdict.WrongIssuer) {
            why = "電子証明書の発行元を確認できません";
        } else if (verdict instanceof CertificateVerdict.RevocationUnknown) {
            why = "電子証明書の失効状況を確認できません";
        } else {
            why = "電子証明書を検証できません（" + verdict.code() + "）";
        }
        return why + "。このカードはマイナ保険証として使えません。資格確認書（または資格情報のお知らせ）をお持ちか確認してください。"
                + "お持ちでなければ被保険者資格申立書で受付します。電子証明書の更新は市区町村の窓口で行えます。";
    }
}
