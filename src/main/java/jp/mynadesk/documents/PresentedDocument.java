package jp.mynadesk.documents;

import java.util.Objects;
import jp.mynadesk.format.EnteredDate;

/**
 * One paper (or screen) document shown at the desk, fields exactly as read. Nothing is validated here: the
 * rules judge each field and say why a document cannot be used. There is deliberately no field for the
 * お知らせ's last four My Number digits: they are never stored.
 *
 * <p>{@code insurerNumber}, {@code symbol}, {@code number}, {@code branch} are strings as printed
 * (leading zeros matter; 記号 may contain {@code -}).
 */
public record PresentedDocument(
        DocumentKind kind,
        String insurerNumber,
        String insurerName,
        String symbol,
        String number,
        String branch,
        String name,
        EnteredDate birthDate,
        Sex sex,
        EnteredDate acquiredOn,
        EnteredDate issuedOn,
        EnteredDate validFrom,
        EnteredDate validUntil,
        EnteredDate lostOn) {

    public PresentedDocument {
        Objects.requireNonNull(kind, "kind");
        birthDate = orAbsent(birthDate);
        acquiredOn = orAbsent(acquiredOn);
        issuedOn = orAbsent(issuedOn);
        validFrom = orAbsent(validFrom);
        validUntil = orAbsent(validUntil);
        lostOn = orAbsent(lostOn);
    }

    private static EnteredDate orAbsent(EnteredDate d) {
        return d == null ? EnteredDate.ABSENT : d;
    }

    /** Same 保険者番号+記号+番号+枝番: documents of one qualification (for {@code superseded}). */
    public boolean sameQualificationAs(PresentedDocument other) {
        return Objects.equals(insurerNumber, other.insurerNumber)
                && Objects.equals(nullToEmpty(symbol), nullToEmpty(other.symbol))
                && Objects.equals(number, other.number)
                && Objects.equals(nullToEmpty(branch), nullToEmpty(other.branch));
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }

    /** A builder, because fourteen positional fields invite mistakes in callers and tests. */
    public static Builder builder(DocumentKind kind) {
        return new Builder(kind);
    }

    public Builder toBuilder() {
        Builder b = new Builder(kind);
        b.insurerNumber = insurerNumber;
        b.insurerName = insurerName;
        b.symbol = symbol;
        b.number = number;
        b.branch = branch;
        b.name = name;
        b.birthDate = birthDate;
        b.sex = sex;
        b.acquiredOn = acquiredOn;
        b.issuedOn = issuedOn;
        b.validFrom = validFrom;
        b.validUntil = validUntil;
        b.lostOn = lostOn;
        return b;
    }

    public static final class Builder {
        private DocumentKind kind;
        private String insurerNumber;
        private String insurerName;
        private String symbol;
        private String number;
        private String branch;
        private String name;
        private EnteredDate birthDate = EnteredDate.ABSENT;
        private Sex sex;
        private EnteredDate acquiredOn = EnteredDate.ABSENT;
        private EnteredDate issuedOn = EnteredDate.ABSENT;
        private EnteredDate validFrom = EnteredDate.ABSENT;
        private EnteredDate validUntil = EnteredDate.ABSENT;
        private EnteredDate lostOn = EnteredDate.ABSENT;

        private Builder(DocumentKind kind) {
            this.kind = kind;
        }

        public Builder kind(DocumentKind v) { kind = v; return this; }
        public Builder insurerNumber(String v) { insurerNumber = v; return this; }
        public Builder insurerName(String v) { insurerName = v; return this; }
        public Builder symbol(String v) { symbol = v; return this; }
        public Builder number(String v) { number = v; return this; }
        public Builder branch(String v) { branch = v; return this; }
        public Builder name(String v) { name = v; return this; }
        public Builder birthDate(String iso) { birthDate = EnteredDate.parse(iso); return this; }
        public Builder birthDate(EnteredDate v) { birthDate = v; return this; }
        public Builder sex(Sex v) { sex = v; return this; }
        public Builder acquiredOn(String iso) { acquiredOn = EnteredDate.parse(iso); return this; }
        public Builder acquiredOn(EnteredDate v) { acquiredOn = v; return this; }
        public Builder issuedOn(String iso) { issuedOn = EnteredDate.parse(iso); return this; }
        public Builder issuedOn(EnteredDate v) { issuedOn = v; return this; }
        public Builder validFrom(String iso) { validFrom = EnteredDate.parse(iso); return this; }
        public Builder validFrom(EnteredDate v) { validFrom = v; return this; }
        public Builder validUntil(String iso) { validUntil = EnteredDate.parse(iso); return this; }
        public Builder validUntil(EnteredDate v) { validUntil = v; return this; }
        public Builder lostOn(String iso) { lostOn = EnteredDate.parse(iso); return this; }
        public Builder lostOn(EnteredDate v) { lostOn = v; return this; }

        public PresentedDocument build() {
            return new PresentedDocument(kind, insurerNumber, insurerName, symbol, number, branch, name,
                    birthDate, sex, acquiredOn, issuedOn, validFrom, validUntil, lostOn);
        }
    }
}
