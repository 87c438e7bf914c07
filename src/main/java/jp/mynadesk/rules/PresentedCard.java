package jp.mynadesk.rules;

import java.time.LocalDate;

/**
 * The マイナ保険証 as far as the fallback rules care: whether it was shown and when its user-authentication
 * certificate ends ({@code null}: unknown, taken as valid).
 */
public record PresentedCard(boolean presented, LocalDate certificateNotAfter) {
    public static final PresentedCard NONE = new PresentedCard(false, null);

    public static PresentedCard withCertificateUntil(LocalDate notAfter) {
        return new PresentedCard(true, notAfter);
    }
}
