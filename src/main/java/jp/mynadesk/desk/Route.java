package jp.mynadesk.desk;

import jp.mynadesk.format.Coded;

/** How the patient's insurance was established at the desk (docs/DESK.md, routes). */
public enum Route implements Coded {
    /** マイナ保険証 with the 4-digit PIN, confirmed online. */
    CARD_PIN("card-pin"),
    /** マイナ保険証 without PIN: staff compared the face with the card photo (目視). */
    CARD_VISUAL("card-visual"),
    /** 資格確認書 / 資格情報のお知らせ numbers queried online (照会区分 2). */
    NUMBERS_ONLINE("numbers-online"),
    /** The service is down: the document rules decide offline. */
    DOCUMENT_OFFLINE("document-offline"),
    /** 被保険者資格申立書: the patient declares the insurance. */
    DECLARATION("declaration");

    private final String code;

    Route(String code) {
        this.code = code;
    }

    @Override
    public String code() {
        return code;
    }

    public static Route fromCode(String code) {
        return Coded.of(values(), code, "route");
    }
}
