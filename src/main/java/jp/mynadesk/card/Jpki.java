package jp.mynadesk.card;

/**
 * Constants of the 公的個人認証 (JPKI) application on the My Number card, in one place (as OpenSC's jpki.h).
 * Sources: docs/CARD.md §2.1, §3.
 */
public final class Jpki {
    private Jpki() {}

    /** 公的個人認証AP. */
    public static final byte[] AID_JPKI = hex("D392F000260100000001");
    /** 券面事項入力補助AP: holds the My Number and the four basic facts; a clinic terminal never selects it. */
    public static final byte[] AID_TEXT = hex("D3921000310001010408");
    /** 券面事項確認AP (card face). */
    public static final byte[] AID_SURFACE = hex("D3921000310001010402");

    /** 署名用電子証明書 (needs the signature password to read). */
    public static final int EF_SIGN_CERT = 0x0001;
    /** 署名用CA証明書. */
    public static final int EF_SIGN_CA_CERT = 0x0002;
    /** Token information, 160 bytes, label first. */
    public static final int EF_TOKEN = 0x0006;
    /** Which certificates are present (3 bytes). */
    public static final int EF_CERT_PRESENCE = 0x0008;
    /** 利用者証明用電子証明書, free to read. */
    public static final int EF_AUTH_CERT = 0x000A;
    /** 利用者証明用CA証明書. */
    public static final int EF_AUTH_CA_CERT = 0x000B;
    /** User-authentication private key. */
    public static final int EF_AUTH_KEY = 0x0017;
    /** 利用者証明用電子証明書暗証番号 (4 digits, 3 tries). */
    public static final int EF_AUTH_PIN = 0x0018;
    /** Signature private key. */
    public static final int EF_SIGN_KEY = 0x001A;
    /** 署名用電子証明書暗証番号 (6–16 of A–Z 0–9, 5 tries). */
    public static final int EF_SIGN_PIN = 0x001B;

    /** Text AP: 個人番号 (the My Number). Never selected by mynadesk. */
    public static final int EF_TEXT_MY_NUMBER = 0x0001;
    /** Text AP: 基本4情報. */
    public static final int EF_TEXT_BASIC_INFO = 0x0002;
    /** Text AP: 券面事項入力補助用暗証番号. */
    public static final int EF_TEXT_PIN = 0x0011;

    public static final int AUTH_PIN_MAX_TRIES = 3;
    public static final int SIGN_PIN_MAX_TRIES = 5;
    public static final int TEXT_PIN_MAX_TRIES = 3;

    /** Token labels (first 32 bytes of EF 0006, space padded). */
    public static final String TOKEN_CARD = "JPKIAPICCTOKEN2";
    public static final String TOKEN_JUKI = "JPKIAPICCTOKEN";
    public static final String TOKEN_ANDROID = "JPKIAPGPSETOKEN";
    public static final String TOKEN_IPHONE = "JPKIAPIOSTOKEN";

    /** Contact ATR that OpenSC's JPKI driver recognises. */
    public static final byte[] ATR = hex("3BE000FF8131FE4514");

    public static final int INS_SELECT = 0xA4;
    public static final int INS_READ_BINARY = 0xB0;
    public static final int INS_VERIFY = 0x20;
    public static final int INS_CHANGE_REFERENCE_DATA = 0x24;
    public static final int INS_RESET_RETRY_COUNTER = 0x2C;
    public static final int INS_COMPUTE_SIGNATURE = 0x2A;
    public static final int INS_GET_RESPONSE = 0xC0;
    public static final int INS_GET_CHALLENGE = 0x84;

    /** DigestInfo prefix for SHA-256 (the host prepends it to the hash before COMPUTE DIGITAL SIGNATURE). */
    public static final byte[] DIGEST_INFO_SHA256 = hex("3031300D060960864801650304020105000420");

    private static byte[] hex(String s) {
        byte[] out = new byte[s.length() / 2];
        for (int i = 0; i < out.length; i++) {
            out[i] = (byte) Integer.parseInt(s.substring(2 * i, 2 * i + 2), 16);
        }
        return out;
    }
}
