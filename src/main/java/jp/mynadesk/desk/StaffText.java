package jp.mynadesk.desk;

import java.util.List;

/**
 * The one catalogue of staff wording that every renderer (terminal, {@code check}, web, scenarios) uses. Reason
 * sentences live in {@link ReasonCode}; this class holds the rest and composes what varies (tries left).
 */
public final class StaffText {
    private StaffText() {}

    /** The reason's sentence, with the tries left where the card said them. */
    public static String message(Reason r) {
        return r.triesLeft() == null || r.code() != ReasonCode.WRONG_PIN ? r.code().message()
                : withTries(r.code().message(), r.triesLeft());
    }

    private static String withTries(String sentence, int triesLeft) {
        String stem = sentence.endsWith("。") ? sentence.substring(0, sentence.length() - 1) : sentence;
        return stem + "（残り" + triesLeft + "回）。";
    }

    public static String outcome(Outcome o) {
        return switch (o) {
            case CONFIRMED -> "資格を確認しました";
            case PROVISIONAL -> "書類で仮に受付しました（復旧後に再照会）";
            case DECLARED -> "被保険者資格申立書で受付しました（復旧後に再照会）";
            case REJECTED -> "保険診療として受付できません（10割負担）";
            case STOPPED -> "受付を完了できませんでした";
        };
    }

    public static String route(Route r) {
        return switch (r) {
            case CARD_PIN -> "マイナ保険証（暗証番号）";
            case CARD_VISUAL -> "マイナ保険証（目視確認）";
            case NUMBERS_ONLINE -> "資格確認書などの記号・番号でオンライン照会";
            case DOCUMENT_OFFLINE -> "書類（オンライン資格確認の障害中）";
            case DECLARATION -> "被保険者資格申立書";
        };
    }

    public static String recheckState(RecheckState s) {
        return switch (s) {
            case NONE -> "";
            case PENDING -> "再照会待ち";
            case CONFIRMED -> "再照会で確認済み";
            case DISCREPANCY -> "再照会で相違あり";
        };
    }

    public static String finding(RecheckFinding.Kind k) {
        return switch (k) {
            case CONFIRMED -> "相違なし。そのまま請求できます。";
            case QUALIFICATION_LOST -> "資格を喪失していました。患者さんに加入中の保険を確認してください。";
            case QUALIFICATION_LOST_HAS_OTHER -> "資格を喪失していましたが、新しい資格があります。請求先を新しい保険者に直してください。";
            case QUALIFICATION_NOT_FOUND -> "該当する資格がありません。番号を確かめ、患者さんに加入中の保険を確認してください。";
            case MULTIPLE_MATCHES -> "複数の資格が該当しました。枝番を確かめて照会し直してください。";
            case NUMBERS_DIFFER -> "記号・番号が受付時と違います。請求の番号を直してください。";
            case RATIO_DIFFERS -> "負担割合が受付時と違います。差額の精算をご案内ください。";
            case UNANSWERED -> "照会できませんでした。次の再照会でもう一度確かめます。";
        };
    }

    /** What the screen says while a card step runs. */
    public static String step(CheckStep s) {
        return switch (s) {
            case SELECT -> "カードを読み取っています（公的個人認証アプリ）";
            case CERTIFICATE -> "利用者証明用電子証明書を読み取り、検証しています";
            case RETRIES -> "暗証番号の残り回数を確かめています";
            case VERIFY -> "暗証番号を照合しています";
            case SIGN -> "資格確認サービスのチャレンジにカードで署名しています";
            case SERVICE -> "オンライン資格確認に問い合わせています";
        };
    }

    /** A reader or card event, as the screen announces it while staff do something else. */
    public static String readerEvent(jp.mynadesk.reader.ReaderEvent e) {
        if (e instanceof jp.mynadesk.reader.ReaderEvent.CardInserted c) {
            return "カードが置かれました（" + c.reader() + "）。Enter で受付を始めます。";
        }
        if (e instanceof jp.mynadesk.reader.ReaderEvent.CardRemoved c) {
            return "カードが取り外されました（" + c.reader() + "）。";
        }
        if (e instanceof jp.mynadesk.reader.ReaderEvent.ReaderRemoved r) {
            return "カードリーダーが外されました（" + r.reader() + "）。接続し直してください。";
        }
        if (e instanceof jp.mynadesk.reader.ReaderEvent.ReaderAdded r) {
            return "カードリーダーがつながりました（" + r.reader() + "）。";
        }
        return ReasonCode.READER_UNAVAILABLE.message() + ReasonCode.READER_UNAVAILABLE.next();
    }

    public static String ratio(Integer percent) {
        return percent == null ? "不明" : percent / 10 + "割";
    }

    public static String category(SharingCategory c) {
        return c.label();
    }

    /** The PIN prompt for the patient. */
    public static String pinPrompt(int triesLeft) {
        return "暗証番号（数字4桁）を入力してください（残り" + triesLeft + "回）";
    }

    public static String recorded(String visitId) {
        return "記録しました（受付番号 " + visitId + "）。";
    }

    public static String consentQuestion(SharingCategory c) {
        return "過去の" + c.label() + "を当院・当薬局に提供することに同意しますか";
    }

    public static List<String> lines(List<ReasonCode> warnings) {
        return warnings.stream().map(w -> "注意: " + w.message() + w.next()).toList();
    }
}
