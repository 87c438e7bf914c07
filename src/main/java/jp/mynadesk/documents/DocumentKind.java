package jp.mynadesk.documents;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;
import jp.mynadesk.format.Coded;
import jp.mynadesk.format.Labelled;

/** The documents a patient can show at the desk (docs/RULES.md §4). The code is part of the JSON contract. */
public enum DocumentKind implements Labelled {
    SHIKAKU_KAKUNINSHO("shikaku-kakuninsho", "資格確認書", 'K'),
    SHIKAKU_JOHO_OSHIRASE("shikaku-joho-oshirase", "資格情報のお知らせ", 'O'),
    MYNAPORTAL_SCREEN("mynaportal-screen", "マイナポータルの資格情報画面", 'P'),
    HOKENSHO("hokensho", "健康保険証", 'H');

    private final Words words;
    private final char qrCode;

    DocumentKind(String code, String label, char qrCode) {
        this.words = new Words(code, label);
        this.qrCode = qrCode;
    }

    /** The code in the JSON contract and the Japanese name as staff say it. */
    @Override
    public Words words() {
        return words;
    }

    /** One letter for the compact QR payload (docs/QR-PAYLOAD.md). */
    public char qrCode() {
        return qrCode;
    }

    public static Optional<DocumentKind> ofCode(String code) {
        return Coded.find(values(), code);
    }

    public static Optional<DocumentKind> ofQrCode(char c) {
        return Arrays.stream(values()).filter(k -> k.qrCode == c).findFirst();
    }

    public static String knownCodes() {
        return Arrays.stream(values()).map(DocumentKind::code).collect(Collectors.joining(", "));
    }
}
