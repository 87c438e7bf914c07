package jp.mynadesk.pki;

import java.time.LocalDate;
import java.util.Objects;

/**
 * The facts a test card's certificates are issued from. All holder data is synthetic.
 *
 * @param keyLabel         derives the card's keys deterministically (one label = one key pair)
 * @param subjectId        the opaque 利用者証明用 subject CN (real cards: 23 characters, no personal data)
 * @param issued           day the certificates were issued (notBefore, 00:00 JST)
 * @param authExpiry       last valid day of the auth certificate (notAfter, 23:59:59 JST)
 * @param signExpiry       last valid day of the signature certificate
 * @param name             氏名 for the signature certificate's subjectAltName
 * @param birthDate        生年月日
 * @param sex              性別 code: "1" male, "2" female, "9" not applicable
 * @param address          住所
 * @param mismatchedKey    the card holds a key that does not match its certificate (a forged card)
 */
public record HolderSpec(
        String keyLabel,
        String subjectId,
        LocalDate issued,
        LocalDate authExpiry,
        LocalDate signExpiry,
        String name,
        LocalDate birthDate,
        String sex,
        String address,
        boolean mismatchedKey) {

    public HolderSpec {
        Objects.requireNonNull(keyLabel, "keyLabel");
        Objects.requireNonNull(subjectId, "subjectId");
        Objects.requireNonNull(issued, "issued");
        Objects.requireNonNull(authExpiry, "authExpiry");
        Objects.requireNonNull(signExpiry, "signExpiry");
        if (authExpiry.isBefore(issued)) {
            throw new IllegalArgumentException("certificate expiry " + authExpiry + " is before issue " + issued);
        }
    }

    /** The 利用者証明用電子証明書 is valid until the holder's 5th birthday after issue (docs/CARD.md §5.2). */
    public static LocalDate fifthBirthdayAfter(LocalDate issued, LocalDate birthDate) {
        LocalDate birthdayThisYear = birthDate.withYear(issued.getYear());
        LocalDate next = birthdayThisYear.isAfter(issued) ? birthdayThisYear : birthDate.withYear(issued.getYear() + 1);
        return next.plusYears(4);
    }
}
