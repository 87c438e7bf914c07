package jp.mynadesk.rules;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import jp.mynadesk.documents.DocumentKind;
import jp.mynadesk.documents.PresentedDocument;

/** Test documents with sensible defaults, changed field by field. */
final class Docs {
    private Docs() {}

    static PresentedDocument.Builder of(DocumentKind kind) {
        PresentedDocument.Builder b = PresentedDocument.builder(kind)
                .insurerNumber("01130012").symbol("12345678").number("1").branch("00")
                .name("協会 太郎").birthDate("1989-05-10");
        if (kind == DocumentKind.SHIKAKU_KAKUNINSHO) {
            b.issuedOn("2024-12-02").validUntil("2029-11-30");
        }
        return b;
    }

    static PresentedDocument.Builder kakuninsho() {
        return of(DocumentKind.SHIKAKU_KAKUNINSHO);
    }

    static PresentedDocument.Builder oshirase() {
        return of(DocumentKind.SHIKAKU_JOHO_OSHIRASE);
    }

    static PresentedDocument.Builder portal() {
        return of(DocumentKind.MYNAPORTAL_SCREEN);
    }

    static PresentedDocument.Builder hokensho() {
        return of(DocumentKind.HOKENSHO);
    }

    static FallbackDecision decide(String asOf, boolean online, PresentedCard card, PresentedDocument... docs) {
        return FallbackRules.decide(new FallbackInput(LocalDate.parse(asOf), online, card, List.of(docs)));
    }

    static PresentedCard card() {
        return PresentedCard.withCertificateUntil(LocalDate.of(2029, 5, 10));
    }

    static List<String> codes(List<Reason> reasons) {
        return reasons.stream().map(Reason::code).collect(Collectors.toList());
    }

    /** "a|b" → [a, b]; blank → []. */
    static List<String> split(String s) {
        return s == null || s.isBlank() ? List.of() : Arrays.asList(s.split("\\|"));
    }

    static String nullIfDash(String s) {
        return s == null || s.equals("-") ? null : s;
    }
}
