package jp.mynadesk.oqs;

import java.util.Optional;

/**
 * The information-sharing consents with a 24-hour validity (docs/RULES.md §5), by their XML element prefix
 * ({@code <prefix>ConsFlg}, {@code <prefix>ConsTime}, {@code <prefix>AvailableTime}).
 */
public enum ConsentCategory {
    /** 特定健診情報. */
    SPECIFIC_HEALTH_CHECKUPS("SpecificHealthCheckupsInfo", "特定健診情報"),
    /** 薬剤情報. */
    PHARMACISTS("PharmacistsInfo", "薬剤情報"),
    /** 診療情報. */
    DIAGNOSIS("DiagnosisInfo", "診療情報"),
    /** 手術情報. */
    OPERATION("OperationInfo", "手術情報");

    /** OQSCD016 values. */
    public static final String NOT_CONSENTED = "0";
    public static final String CONSENTED = "1";
    public static final String EXPIRED = "2";
    public static final String HARD_TO_OBTAIN = "3";

    private final String prefix;
    private final String label;

    ConsentCategory(String prefix, String label) {
        this.prefix = prefix;
        this.label = label;
    }

    public String prefix() {
        return prefix;
    }

    public String label() {
        return label;
    }

    public static Optional<ConsentCategory> fromPrefix(String prefix) {
        for (ConsentCategory c : values()) {
            if (c.prefix.equals(prefix)) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }
}
