package jp.mynadesk.screen.web;

import java.util.List;
import java.util.stream.Collectors;
import jp.mynadesk.desk.SharingCategory;

/**
 * Sentences only the web pages say (the answers of their calls, what the patient page shows between checks). The
 * wording shared with the terminal lives in {@link jp.mynadesk.desk.StaffText}.
 */
final class WebText {
    private WebText() {}

    /** The patient pressed 決定 with questions left open. */
    static String consentUnanswered(List<SharingCategory> open) {
        return "まだ答えていない質問があります（" + open.stream().map(SharingCategory::label).collect(Collectors.joining("、"))
                + "）。それぞれ「同意する」か「同意しない」を選んでください。";
    }

    // --- the patient page between checks, and when another page took the desk over --------------------------

    static String patientPlaceCard() {
        return "カードをカードリーダーに置いてください";
    }

    /** The last patient's card is still on the reader. */
    static String patientTakeCard() {
        return "カードをお取りください";
    }

    /** A card is on the reader and staff have not started yet: it must not be asked for again. */
    static String patientWaitWithCard() {
        return "カードはそのまま置いてお待ちください。受付の職員が確認を始めます";
    }

    /** Shown with 「受付が完了しました」 while the card is still on the reader. */
    static String patientDoneTakeCard() {
        return "カードをお取りください。";
    }

    /** This patient page was replaced by one opened later (another tab, a reloaded tablet). */
    static String screenReplaced() {
        return "この画面は使われていません。受付は別の画面で続いています。";
    }

    static String unknownDocumentKind() {
        return "書類の種類を選んでください（資格確認書 / 資格情報のお知らせ）。";
    }

    /** Enter in the scan field with nothing read. */
    static String scanEmpty() {
        return "QRコードが読み取れていません。読み取り欄を選んでから、書類のQRコードをリーダーにかざしてください。";
    }

    // --- the staff page's result --------------------------------------------------------------------------

    static String consentBeingAnswered() {
        return "患者さんが患者さん用の画面で回答しています。";
    }

    /** A card visit confirmed without consent answers (cancelled at the questions, or sharing not allowed). */
    static String consentNotAnswered() {
        return "情報提供の同意は回答されていません（同意なしとして扱い、登録していません）。";
    }

    static String consentRegistered(java.time.OffsetDateTime until) {
        return until == null ? "オンライン資格確認に登録しました。"
                : "オンライン資格確認に登録しました（" + until.getMonthValue() + "月" + until.getDayOfMonth() + "日 "
                        + String.format("%02d:%02d", until.getHour(), until.getMinute()) + " まで有効）。";
    }

    static String consentNotRegistered() {
        return "回答は記録しましたが、オンライン資格確認には登録できませんでした。";
    }

    /** Documents the rules refused while the service was up: nothing was queried. */
    static String routeDocumentsNotQueried() {
        return "資格確認書など（書類の確認で受付不可のため、オンライン照会はしていません）";
    }
}
