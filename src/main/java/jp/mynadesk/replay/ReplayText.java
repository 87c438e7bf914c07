package jp.mynadesk.replay;

import jp.mynadesk.card.CardFailure;
import jp.mynadesk.card.StatusWord;

/**
 * How a replayed step ended, in the Japanese a developer reads in {@code trace replay}'s output. The machine form
 * ({@code ReaderProblem[kind=OTHER]}) stays in {@link ReplayReport.Step#outcome()} for {@code --json} and tests.
 */
public final class ReplayText {
    private ReplayText() {}

    static final String SUCCESS = "成功";

    /** The step's Japanese name: アプリ選択, 証明書読取, 暗証番号の残り回数, 照合, 署名 (as the command's help lists them). */
    public static String step(String name) {
        return switch (name) {
            case "connect" -> "接続";
            case "open" -> "アプリ選択";
            case "read certificate" -> "証明書読取";
            case "PIN tries" -> "暗証番号の残り回数";
            case "verify PIN" -> "照合";
            case "sign" -> "署名";
            default -> name;
        };
    }

    /** What a failure means, in one Japanese sentence without Java names. */
    static String failure(CardFailure f) {
        if (f instanceof CardFailure.WrongPin w) {
            return "暗証番号が違います（残り" + w.triesLeft() + "回）。";
        }
        if (f instanceof CardFailure.PinBlocked) {
            return "暗証番号がロックされています。";
        }
        if (f instanceof CardFailure.PinNotSet) {
            return "暗証番号が設定されていないカードです（顔認証マイナンバーカード）。";
        }
        if (f instanceof CardFailure.NotJpkiCard) {
            return "マイナンバーカード（公的個人認証の利用者証明用AP）として読み取れませんでした。";
        }
        if (f instanceof CardFailure.CardRemoved) {
            return "カードが取り外されました。";
        }
        if (f instanceof CardFailure.ReaderProblem r) {
            return jp.mynadesk.desk.StaffText.message(r.kind());
        }
        if (f instanceof CardFailure.UnexpectedStatus u) {
            return "カードが想定外の状態語 " + StatusWord.hex(u.sw()) + " を返しました（" + u.step() + "）。";
        }
        if (f instanceof CardFailure.MalformedResponse m) {
            return "カードの応答を読み取れませんでした（" + m.step() + "）。";
        }
        throw new IllegalStateException("card failure not handled: " + f);
    }
}
