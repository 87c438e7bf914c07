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
import jp.mynadesk.pki.HolderSpec;

/**
 * What a virtual My Number card is personalised with: the holder, certificate dates, PINs and their counters, and
 * the deliberate defects a test wants (blocked, expired, revoked, forged key …). Read from JSON by
 * {@link CardProfiles}; all holder data is synthetic.
 *
 * <p>The constructor fills the optional fields (see below) and rejects values a real card could not have with an
 * {@link IllegalArgumentException} whose message names the field and what is allowed; {@link CardProfiles} turns
 * that into a {@link ProfileException}. Read profiles through {@link CardProfiles} rather than a bare ObjectMapper:
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
        String subjectId) {

    /**
     * The dates a profile may carry. Certificates of a simulated card must be encodable and their validity
     * computable (the 5th birthday after issue is added to {@code issued}); no real card was issued before 2016.
     */
    public static final LocalDate EARLIEST_DATE = LocalDate.of(1900, 1, 1);
    public static final LocalDate LATEST_DATE = LocalDate.of(2099, 12, 31);

    public static final String DEFAULT_AUTH_PIN = "1234";
    public static final String DEFAULT_SIGN_PASSWORD = "ABC123";
    /** 署名用電子証明書 is not issued to holders under 15 (docs/CARD.md §2.5). */
    public static final int SIGN_CERTIFICATE_MIN_AGE = 15;

    private static final Pattern PROFILE_NAME = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");
    private static final Pattern SUBJECT_ID = Pattern.compile("[0-9A-Z]{23}");
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
                throw new IllegalArgumentException("holder.birthDate is required (a date YYYY-MM-DD)");
            }
            if (!"1".equals(sex) && !"2".equals(sex) && !"9".equals(sex)) {
                throw new IllegalArgumentException("holder.sex must be \"1\" (male), \"2\" (female) or \"9\" "
                        + "(not applicable), got " + quoted(sex));
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
            throw new IllegalArgumentException("name must be 1-63 characters of a-z, 0-9 and '-' starting with a "
                    + "letter or digit, got " + quoted(name));
        }
        description = description == null ? "" : description;
        if (holder == null) {
            throw new IllegalArgumentException("holder is required (an object with name, kana, birthDate, sex, address)");
        }
        if (issued == null) {
            throw new IllegalArgumentException("issued is required (the certificates' issue date, YYYY-MM-DD)");
        }
        if (issued.isBefore(holder.birthDate())) {
            throw new IllegalArgumentException("issued " + issued + " is before holder.birthDate "
                    + holder.birthDate() + "; a card cannot be issued before its holder is born");
        }
        if (certificateExpiry == null) {
            certificateExpiry = HolderSpec.fifthBirthdayAfter(issued, holder.birthDate());
        } else if (!certificateExpiry.isAfter(issued)) {
            throw new IllegalArgumentException("certificateExpiry " + certificateExpiry
                    + " must be after issued " + issued);
        }
        authPin = authPin == null ? DEFAULT_AUTH_PIN : authPin;
        if (!Pin.Format.FOUR_DIGITS.accepts(authPin)) {
            throw new IllegalArgumentException("authPin must be exactly 4 digits 0-9 (it is sent as ASCII), got "
                    + authPin.length() + " character(s)");
        }
        requireRange("authTriesLeft", authTriesLeft, Jpki.AUTH_PIN_MAX_TRIES, "0 = blocked");
        signPassword = signPassword == null ? DEFAULT_SIGN_PASSWORD : signPassword;
        if (!Pin.Format.SIGNATURE_PASSWORD.accepts(signPassword)) {
            throw new IllegalArgumentException("signPassword must be 6-16 characters of upper-case A-Z and 0-9, got "
                    + signPassword.length() + " character(s)"
                    + (signPassword.matches("[A-Za-z0-9]*") ? " (lower case is not allowed)" : ""));
        }
        requireRange("signTriesLeft", signTriesLeft, Jpki.SIGN_PIN_MAX_TRIES, "0 = blocked");
        token = token == null ? Token.CARD : token;
        subjectId = subjectId == null ? deriveSubjectId(name) : subjectId;
        if (!SUBJECT_ID.matcher(subjectId).matches()) {
            throw new IllegalArgumentException("subjectId must be exactly 23 characters of 0-9 and A-Z (like a "
                    + "real auth certificate CN), got " + quoted(subjectId));
        }
    }

    /** False for 顔認証 cards and for holders under 15 at issue: EF 0001/001A/001B are then absent, EF 0008 byte 0 = 00. */
    public boolean hasSignCertificate() {
        return !faceOnly && Period.between(holder.birthDate(), issued).getYears() >= SIGN_CERTIFICATE_MIN_AGE;
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
            throw new IllegalArgumentException(field + " is required and must not be blank");
        }
    }

    private static void requireRange(String field, int value, int max, String note) {
        if (value < 0 || value > max) {
            throw new IllegalArgumentException(field + " must be between 0 and " + max + " (" + note + "), got " + value);
        }
    }

    private static String quoted(String s) {
        return s == null ? "nothing" : "\"" + s + "\"";
    }
}
