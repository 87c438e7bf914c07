package jp.mynadesk.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jp.mynadesk.documents.DocumentKind;
import jp.mynadesk.documents.PresentedDocument;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every reason code, and every boundary date the day before, of and after (docs/RULES.md §1, §4). */
class DocumentReasonsTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = ';', nullValues = "-", value = {
            // case; kind; asOf; issuedOn; validFrom; validUntil; lostOn; reasons
            "kakuninsho fine;                     shikaku-kakuninsho; 2026-11-22; 2024-12-02; -; 2029-11-30; -; ",
            // not-yet-valid (issuedOn)
            "issued the day after asOf;           shikaku-kakuninsho; 2024-12-01; 2024-12-02; -; 2029-11-30; -; not-yet-valid",
            "issued on asOf;                      shikaku-kakuninsho; 2024-12-02; 2024-12-02; -; 2029-11-30; -; ",
            "issued the day before asOf;          shikaku-kakuninsho; 2024-12-03; 2024-12-02; -; 2029-11-30; -; ",
            // not-yet-valid (validFrom)
            "valid from the day after asOf;       shikaku-kakuninsho; 2025-03-31; 2025-03-01; 2025-04-01; 2029-11-30; -; not-yet-valid",
            "valid from asOf;                     shikaku-kakuninsho; 2025-04-01; 2025-03-01; 2025-04-01; 2029-11-30; -; ",
            "valid from the day before asOf;      shikaku-kakuninsho; 2025-04-02; 2025-03-01; 2025-04-01; 2029-11-30; -; ",
            // lost
            "lost the day before asOf;            shikaku-kakuninsho; 2026-06-16; 2024-12-02; -; 2029-11-30; 2026-06-15; lost",
            "lost on asOf;                        shikaku-kakuninsho; 2026-06-15; 2024-12-02; -; 2029-11-30; 2026-06-15; lost",
            "lost the day after asOf;             shikaku-kakuninsho; 2026-06-14; 2024-12-02; -; 2029-11-30; 2026-06-15; ",
            // expired
            "valid until the day before asOf;     shikaku-kakuninsho; 2027-12-01; 2024-12-02; -; 2027-11-30; -; expired",
            "valid until asOf;                    shikaku-kakuninsho; 2027-11-30; 2024-12-02; -; 2027-11-30; -; ",
            "valid until the day after asOf;      shikaku-kakuninsho; 2027-11-29; 2024-12-02; -; 2027-11-30; -; ",
            // old-card-abolished around OLD_CARD_LAST_DAY 2025-12-01
            "old card the day before last day;    hokensho; 2025-11-30; -; -; -; -; ",
            "old card on its last day;            hokensho; 2025-12-01; -; -; -; -; ",
            "old card the day after last day;     hokensho; 2025-12-02; -; -; -; -; old-card-abolished",
            "old card with earlier printed expiry; hokensho; 2025-10-01; -; -; 2025-09-30; -; expired",
            "old card after retirement;           hokensho; 2025-10-01; -; -; -; 2025-09-16; lost",
            "old card expired and abolished;      hokensho; 2026-01-05; -; -; 2025-12-31; -; expired|old-card-abolished",
            // several at once, in the contract's order
            "lost and expired;                    shikaku-kakuninsho; 2026-01-01; 2024-12-02; -; 2025-12-31; 2025-12-20; lost|expired",
    })
    void reasons(String name, String kind, String asOf, String issuedOn, String validFrom, String validUntil, String lostOn, String reasons) {
        PresentedDocument d = Docs.of(DocumentKind.ofCode(kind).orElseThrow())
                .issuedOn(issuedOn).validFrom(validFrom).validUntil(validUntil).lostOn(lostOn).build();
        FallbackDecision decision = Docs.decide(asOf, false, PresentedCard.NONE, d);
        DocumentJudgement j = decision.documents().get(0);
        assertEquals(Docs.split(reasons), Docs.codes(j.reasons()), name);
        assertEquals(Docs.split(reasons).isEmpty(), j.usable(), name);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = ';', nullValues = "-", value = {
            // case; insurerNumber; number; name; birthDate; branch; issuedOn; validUntil; reasons
            "all fine;                         01130012; 1;   協会 太郎; 1989-05-10; 00; 2024-12-02; 2029-11-30; ",
            "check digit wrong (misread);      01130013; 1;   協会 太郎; 1989-05-10; 00; 2024-12-02; 2029-11-30; bad-check-digit",
            "insurer number 7 digits;          0113001;  1;   協会 太郎; 1989-05-10; 00; 2024-12-02; 2029-11-30; bad-format",
            "insurer number missing;           -;        1;   協会 太郎; 1989-05-10; 00; 2024-12-02; 2029-11-30; bad-format",
            "insurer number with letters;      0113001O; 1;   協会 太郎; 1989-05-10; 00; 2024-12-02; 2029-11-30; bad-format",
            "6-digit kokuho ok;                138057;   1;   国保 花子; 1989-05-10; 00; 2024-12-02; 2029-11-30; ",
            "6-digit kokuho wrong digit;       138058;   1;   国保 花子; 1989-05-10; 00; 2024-12-02; 2029-11-30; bad-check-digit",
            "number missing;                   01130012; -;   協会 太郎; 1989-05-10; 00; 2024-12-02; 2029-11-30; bad-format",
            "number not digits;                01130012; 1a;  協会 太郎; 1989-05-10; 00; 2024-12-02; 2029-11-30; bad-format",
            "name missing;                     01130012; 1;   -;         1989-05-10; 00; 2024-12-02; 2029-11-30; bad-format",
            "birth date missing;               01130012; 1;   協会 太郎; -;          00; 2024-12-02; 2029-11-30; bad-format",
            "impossible birth date;            01130012; 1;   協会 太郎; 1989-02-29; 00; 2024-12-02; 2029-11-30; bad-format",
            "branch one digit;                 01130012; 1;   協会 太郎; 1989-05-10; 0;  2024-12-02; 2029-11-30; bad-format",
            "branch absent is fine;            01130012; 1;   協会 太郎; 1989-05-10; -;  2024-12-02; 2029-11-30; ",
            "kakuninsho without issuedOn;      01130012; 1;   協会 太郎; 1989-05-10; 00; -;          2029-11-30; bad-format",
            "kakuninsho without validUntil;    01130012; 1;   協会 太郎; 1989-05-10; 00; 2024-12-02; -;          bad-format",
            "impossible validUntil;            01130012; 1;   協会 太郎; 1989-05-10; 00; 2024-12-02; 2029-11-31; bad-format",
            "bad format and bad digit;         01130013; x;   協会 太郎; 1989-05-10; 00; 2024-12-02; 2029-11-30; bad-format|bad-check-digit",
    })
    void formatAndCheckDigit(String name, String insurer, String number, String person, String birth, String branch,
            String issuedOn, String validUntil, String reasons) {
        PresentedDocument d = Docs.kakuninsho().insurerNumber(insurer).number(number).name(person).birthDate(birth)
                .branch(branch).issuedOn(issuedOn).validUntil(validUntil).build();
        DocumentJudgement j = Docs.decide("2026-11-22", false, PresentedCard.NONE, d).documents().get(0);
        assertEquals(Docs.split(reasons), Docs.codes(j.reasons()), name);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = ';', nullValues = "-", value = {
            // case; kind; card (none|ok|expired); reasons
            "notice alone;                 shikaku-joho-oshirase; none;    needs-card",
            "notice with card;             shikaku-joho-oshirase; ok;      ",
            "notice with an expired card;  shikaku-joho-oshirase; expired; needs-card",
            "portal alone;                 mynaportal-screen;     none;    needs-card",
            "portal with card;             mynaportal-screen;     ok;      ",
            "portal with an expired card;  mynaportal-screen;     expired; needs-card",
            "kakuninsho needs no card;     shikaku-kakuninsho;    none;    ",
    })
    void needsCard(String name, String kind, String card, String reasons) {
        PresentedCard c = switch (card) {
            case "ok" -> Docs.card();
            case "expired" -> PresentedCard.withCertificateUntil(java.time.LocalDate.of(2025, 1, 10));
            default -> PresentedCard.NONE;
        };
        PresentedDocument d = Docs.of(DocumentKind.ofCode(kind).orElseThrow()).build();
        DocumentJudgement j = Docs.decide("2026-11-22", false, c, d).documents().get(0);
        assertEquals(Docs.split(reasons), Docs.codes(j.reasons()), name);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = ';', nullValues = "-", value = {
            // case; second doc's issuedOn; second's branch; first's reasons; second's reasons
            "newer one of the same numbers;    2025-08-01; 00; superseded; ",
            "same day: neither is newer;       2024-12-02; 00; ; ",
            "other branch (another person);    2025-08-01; 01; ; ",
            "older one shown second;           2024-06-01; 00; ; superseded",
    })
    void superseded(String name, String secondIssued, String secondBranch, String firstReasons, String secondReasons) {
        PresentedDocument first = Docs.kakuninsho().issuedOn("2024-12-02").build();
        PresentedDocument second = Docs.kakuninsho().issuedOn(secondIssued).branch(secondBranch).build();
        FallbackDecision d = Docs.decide("2026-11-22", false, PresentedCard.NONE, first, second);
        assertEquals(Docs.split(firstReasons), Docs.codes(d.documents().get(0).reasons()), name);
        assertEquals(Docs.split(secondReasons), Docs.codes(d.documents().get(1).reasons()), name);
    }

    @ParameterizedTest(name = "certificate until 2026-02-10, asOf {0}: usable={1}")
    @CsvSource({
            "2026-02-10, true,  ",
            "2026-02-11, true,  ",
            "2026-05-30, true,  ",
            "2026-05-31, true,  ",
            "2026-06-01, false, card-certificate-expired",
    })
    void cardCertificateGrace(String asOf, boolean usable, String reasons) {
        FallbackDecision d = Docs.decide(asOf, false, PresentedCard.withCertificateUntil(java.time.LocalDate.of(2026, 2, 10)));
        assertEquals(usable, d.card().usable());
        assertEquals(Docs.split(reasons), Docs.codes(d.card().reasons()));
    }
}
