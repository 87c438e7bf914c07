package jp.mynadesk.card;

import java.util.Optional;

/** Which JPKI token answered: the physical card or a smartphone's スマホ用電子証明書 (EF 0006 label). */
public enum TokenKind {
    CARD(Jpki.TOKEN_CARD),
    ANDROID(Jpki.TOKEN_ANDROID),
    IPHONE(Jpki.TOKEN_IPHONE);

    private final String label;

    TokenKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Phone tokens want the auth PIN before the certificate can be read (docs/CARD.md §2.1). */
    public boolean certificateNeedsPin() {
        return this != CARD;
    }

    /**
     * Whether the 3-month grace after the certificate's expiry applies: to the card only, never to a smartphone's
     * スマホ用電子証明書 (docs/RULES.md §3.1).
     */
    public boolean graceAfterExpiry() {
        return this == CARD;
    }

    public static Optional<TokenKind> fromLabel(String label) {
        for (TokenKind kind : values()) {
            if (kind.label.equals(label)) {
                return Optional.of(kind);
            }
        }
        return Optional.empty();
    }
}
