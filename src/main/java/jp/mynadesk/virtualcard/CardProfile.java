package jp.mynadesk.virtualcard;

import com.fasterxml.jackson.annotation.JsonValue;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.Period;
import java.util.Arrays;
import java.util.Optional;
import java.util.regex.Pattern;
import jp.mynadesk.card.Jpki;
import jp.mynadesk.format.Dates;
import jp.mynadesk.format.JsonProblem;
import java.nio.file.Path;
import jp.mynadesk.pki.CaFiles;
import jp.mynadesk.pki.HolderSpec;
import jp.mynadesk.pki.TestCa;

/**
 * What a virtual My Number card is personalised with: the holder, certificate dates, PINs and their counters, and
 * the deliberate defects a test wants (blocked, expired, revoked, forged key …). Read from JSON by
 * {@link CardProfiles}; all holder data is synthetic.
 *
 * <p>The constructor fills the optional fields (see below) and rejects values a real card could not have with an
 * {@link IllegalArgumentException} whose message (Japanese, for the desk's staff and testers) starts with the field
 * ({@code authTriesLeft: …}) and says what is allowed, without repeating the value: a profile holds PINs and a
 * holder's data. {@link CardProfiles} turns that into a {@link ProfileException}. Read profiles through {@link CardProfiles} rather than a bare ObjectMapper:
 * it applies the defaults of absent numeric fields (a bare mapper would give 0 tries, i.e. a blocked PIN).
 *
 * @param certificateExpiry last valid day of the certificates; null → the holder's 5th birthday after issue (§5.2)
 * @param authPin           利用者証明用 PIN, exactly 4 digits; null → "1234". Also used as the 券面事項入力補助 PIN.
 * @param authTriesLeft     0–3; 0 = blocked
 * @param signPassword      署名用 password, 6–16 of A–Z 0–9; null → "ABC123"
 * @param signTriesLeft     0–5; 0 = blocked
 * @param token             which JPKI token the card presents; null → {@link Token#CARD}
 * @param faceOnly          顔認証マイナンバーカード: no PIN set and no signature certificate (docs/CARD.md §2.5, §6)
 * @param revoked           the online service treats the certificate as revoked (carried as data, not on the chip)
 * @param mismatchedKey     the chip's auth key does not match its certificate (a forged card)
 * @param subjectId         auth certificate subject CN, 23 of 0–9 A–Z; null → derived from {@code name}
 * @param issuer            the CA that issues the card's certificates (files, docs/CARD.md §8.2); null → the
 *                          simulator's standard test CA
 * @param atr               the contact ATR the card answers with (upper-case hex, docs/CARD.md §1.2); null → the
 *                          one OpenSC's JPKI table holds ({@link Jpki#ATR})
 * @param t0                the card talks like a T=0 card (docs/CARD.md §8.3): data-bearing answers come as
 *                          {@code 61xx} and GET RESPONSE, a case-2 command with the wrong Le gets {@code 6Cxx}
 */
public record CardProfile(
        String name,
        String description,
        Holder holder,
        LocalDate issued,
        LocalDate certificateExpiry,
        String authPin,
        int authTriesLeft,
        String signPassword,
        int signTriesLeft,
        Token token,
        boolean faceOnly,
        boolean revoked,
        boolean mismatchedKey,
        String subjectId,
        Issuer issuer,
        String atr,
        boolean t0) {

    /**
     * A CA of one's own for the card's certificates (both the 利用者証明用 and the 署名用 certificate, and EF 000B /
     * 0002): its certificate (PEM or DER) and RSA private key (PEM), already resolved against the profile file.
     */
    public record Issuer(Path certificate, Path key) {
        public Issuer {
            java.util.Objects.requireNonNull(certificate, "certificate");
            java.util.Objects.requireNonNull(key, "key");
        }

        /** Reads the CA (checked when the profile was read; a file changed since then fails here). */
        public TestCa load() {
            try {
                return new TestCa(CaFiles.load(certificate, key), CaFiles.load(certificate, key));
            } catch (CaFiles.CaFileException e) {
                throw new IllegalStateException("issuer." + e.field() + ": " + e.getMessage(), e);
            }
        }
    }

    /** Without an issuer of its own: the card is issued by the standard test CA. */
    public CardProfile(String name, String description, Holder holder, LocalDate issued, LocalDate certificateExpiry,
                       String authPin, int authTriesLeft, String signPassword, int signTriesLeft, Token token,
                       boolean faceOnly, boolean revoked, boolean mismatchedKey, String subjectId) {
        this(name, description, holder, issued, certificateExpiry, authPin, authTriesLeft, signPassword, signTriesLeft,
                token, faceOnly, revoked, mismatchedKey, subjectId, null, null, false);
    }

    /**
     * The dates a profile may carry. Certificates of a simulated card must be encodable and their validity
     * computable (the 5th birthday after issue is added to {@code issued}); no real card was issued before 2016.
     */
    public static final LocalDate EARLIEST_DATE = Dates.EARLIEST; // the one range of every date (docs/RULES.md §8)
    public static final LocalDate LATEST_DATE = Dates.LATEST;

    public static final String DEFAULT_AUTH_PIN = "1234";
    public static final String DEFAULT_SIGN_PASSWORD = "ABC123";
    /** 署名用電子証明書 is not issued to holders under 15 (docs/CARD.md §2.5). */
    public static final int SIGN_CERTIFICATE_MIN_AGE = 15;

    private static final Pattern PROFILE_NAME = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");
    private static final Pattern SUBJECT_ID = Pattern.compile("[0-9A-Z]{23}");
    private static final Pattern ATR = Pattern.compile("3[BF]([0-9A-F]{2}){1,32}");
    private static final String BASE36 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";

    /**
     * 基本4情報 of the (synthetic) holder.
     *
     * @param name      氏名, family and given name separated by a space (the card stores U+3000)
     * @param kana      フリガナ (not on the chip; for the desk's screens and the insured-person registry)
     * @param sex       "1" male, "2" female, "9" not applicable (docs/CARD.md §4.3)
     */
    public record Holder(String name, String kana, LocalDate birthDate, String sex, String address) {
        public Holder {
            requireText("holder.name", name);
            requireText("holder.kana", kana);
            requireText("holder.address", address);
            if (birthDate == null) {
                throw new IllegalArgumentException("holder.birthDate: 必須の項目がありません。生年月日を日付の文字列"
                        + "（YYYY-MM-DD、例 1980-02-17）で指定してください。");
            }
            if (!"1".equals(sex) && !"2".equals(sex) && !"9".equals(sex)) {
                throw new IllegalArgumentException("holder.sex: " + (sex == null ? "必須の項目がありません" : "使えない値です")
                        + "。\"1\"（男性）、\"2\"（女性）、\"9\"（適用不能）のいずれかの文字列を指定してください。");
            }
        }
    }

    /** The JPKI token kind, i.e. the label in EF 0006 (docs/CARD.md §2.1). */
    public enum Token {
        /** Physical card. */
        CARD("card", Jpki.TOKEN_CARD),
        /** スマホ用電子証明書 on Android. */
        ANDROID("android", Jpki.TOKEN_ANDROID),
        /** スマホ用電子証明書 on iPhone. */
        IPHONE("iphone", Jpki.TOKEN_IPHONE);

        private final String jsonName;
        private final String label;

        Token(String jsonName, String label) {
            this.jsonName = jsonName;
            this.label = label;
        }

        @JsonValue
        public String jsonName() {
            return jsonName;
        }

        public String label() {
            return label;
        }

        /** Phone tokens protect the auth certificate with the auth PIN ([myna-cli]). */
        public boolean isPhone() {
            return this != CARD;
        }

        public static Optional<Token> fromJsonName(String value) {
            return Arrays.stream(values()).filter(t -> t.jsonName.equals(value)).findFirst();
        }
    }

    public CardProfile {
        if (name == null || !PROFILE_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("name: " + (name == null ? "必須の項目がありません" : "プロファイル名に使えない値です")
                    + "。英小文字 a-z・数字・- の 1〜63 文字（先頭は英小文字か数字）を指定してください。");
        }
        description = description == null ? "" : description;
        if (holder == null) {
            throw new IllegalArgumentException("holder: 必須の項目がありません。name, kana, birthDate, sex, address を持つ"
                    + "名義人のオブジェクトを指定してください。");
        }
        if (issued == null) {
            throw new IllegalArgumentException("issued: 必須の項目がありません。証明書の発行日を日付の文字列"
                    + "（YYYY-MM-DD、例 2025-10-27）で指定してください。");
        }
        if (issued.isBefore(holder.birthDate())) {
            // neither date is repeated: a birth date is the holder's
            throw new IllegalArgumentException("issued: 発行日が holder.birthDate（生年月日）より前です。"
                    + "生年月日以降の日付を指定してください。");
        }
        if (certificateExpiry == null) {
            certificateExpiry = HolderSpec.fifthBirthdayAfter(issued, holder.birthDate());
        } else if (!certificateExpiry.isAfter(issued)) {
            throw new IllegalArgumentException("certificateExpiry: 有効期限が issued（発行日）と同じか、それより前です。"
                    + "発行日より後の日付を指定してください（省略すると発行後 5 回目の誕生日）。");
        }
        authPin = authPin == null ? DEFAULT_AUTH_PIN : authPin;
        if (!Pin.Format.FOUR_DIGITS.accepts(authPin)) {
            // the length is told, never the PIN
            throw new IllegalArgumentException("authPin: 使えない値です（" + authPin.length() + " 文字）。"
                    + "数字 4 桁の文字列（例 \"1234\"）を指定してください。");
        }
        requireRange("authTriesLeft", authTriesLeft, Jpki.AUTH_PIN_MAX_TRIES);
        signPassword = signPassword == null ? DEFAULT_SIGN_PASSWORD : signPassword;
        if (!Pin.Format.SIGNATURE_PASSWORD.accepts(signPassword)) {
            throw new IllegalArgumentException("signPassword: 使えない値です（" + signPassword.length() + " 文字"
                    + (signPassword.matches("[A-Za-z0-9]*") && !signPassword.matches("[A-Z0-9]*") ? "、小文字は使えません" : "")
                    + "）。英大文字 A-Z と数字 0-9 の 6〜16 文字の文字列を指定してください。");
        }
        requireRange("signTriesLeft", signTriesLeft, Jpki.SIGN_PIN_MAX_TRIES);
        token = token == null ? Token.CARD : token;
        subjectId = subjectId == null ? deriveSubjectId(name) : subjectId;
        if (atr != null && !ATR.matcher(atr).matches()) {
            throw new IllegalArgumentException("atr: 使えない値です。2〜33 バイトの ATR を 16 進数の大文字で書いた文字列"
                    + "（空白なし、例 3BDA13FF8131FB468012392F31C173C601C03B）を指定してください（省略すると "
                    + java.util.HexFormat.of().withUpperCase().formatHex(Jpki.ATR) + "）。");
        }
        if (!SUBJECT_ID.matcher(subjectId).matches()) {
            throw new IllegalArgumentException("subjectId: 使えない値です。数字 0-9 と英大文字 A-Z の 23 文字"
                    + "（利用者証明用電子証明書の CN と同じ形）を指定してください（省略すると name から作ります）。");
        }
    }

    /** False for 顔認証 cards and for holders under 15 at issue: EF 0001/001A/001B are then absent, EF 0008 byte 0 = 00. */
    public boolean hasSignCertificate() {
        return !faceOnly && Period.between(holder.birthDate(), issued).getYears() >= SIGN_CERTIFICATE_MIN_AGE;
    }

    /** The ATR the card answers with: the profile's, else {@link Jpki#ATR}. */
    public byte[] atrBytes() {
        return atr == null ? Jpki.ATR.clone() : java.util.HexFormat.of().parseHex(atr);
    }

    /** The CA that issues this card's certificates: the profile's {@code issuer}, else the standard test CA. */
    public TestCa issuingCa() {
        return issuer == null ? TestCa.standard() : issuer.load();
    }

    /** The certificate request for {@link jp.mynadesk.pki.CardIssuer}; one key pair per profile name. */
    public HolderSpec toHolderSpec() {
        return new HolderSpec("profile:" + name, subjectId, issued, certificateExpiry, certificateExpiry,
                holder.name(), holder.birthDate(), holder.sex(), holder.address(), mismatchedKey);
    }

    @Override
    public String toString() {
        return "CardProfile[" + name + "]"; // keeps PINs out of logs
    }

    private static String deriveSubjectId(String seed) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(("subject-id:" + seed).getBytes(StandardCharsets.UTF_8));
            StringBuilder id = new StringBuilder(23);
            for (int i = 0; i < 23; i++) {
                id.append(BASE36.charAt((digest[i] & 0xFF) % BASE36.length()));
            }
            return id.toString();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void requireText(String field, String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(field + ": " + (value == null ? "必須の項目がありません" : "空です")
                    + "。空でない文字列を指定してください。");
        }
    }

    private static void requireRange(String field, int value, int max) {
        if (value < 0 || value > max) {
            throw new IllegalArgumentException(field + ": " + JsonProblem.subject(value) + "範囲外です。0 以上 " + max
                    + " 以下の整数（残りの試行回数、0 = ロック）を指定してください。");
        }
    }
}
