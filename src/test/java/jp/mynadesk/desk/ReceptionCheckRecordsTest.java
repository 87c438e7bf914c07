package jp.mynadesk.desk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import jp.mynadesk.documents.PresentedDocument;
import jp.mynadesk.oqs.server.FaultPlan;
import jp.mynadesk.store.DataDirectory;
import jp.mynadesk.store.Stores;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The record says what happened (issue 19, "wrong records"): each check on a real SQLite file, the visit read back
 * from it.
 */
class ReceptionCheckRecordsTest {
    static final String AS_OF = ReceptionCheckTest.AS_OF;

    @TempDir
    Path dir;

    DeskFixture desk() throws Exception {
        return warm(new DeskFixture(AS_OF, Stores.open(new DataDirectory(dir, true), Clock.systemUTC(), Duration.ofSeconds(2))));
    }

    /**
     * The mock's first CRL is the slowest answer of a cold JVM: fetched once by a patient client, so a loaded machine
     * does not turn the first card check into an outage (the fixture's breaker opens on one failure).
     */
    static DeskFixture warm(DeskFixture f) {
        try (jp.mynadesk.oqs.OqsClient c = jp.mynadesk.oqs.OqsClient.builder(f.server.uri()).requestTimeout(Duration.ofSeconds(30))
                .callTimeout(Duration.ofSeconds(30)).build()) {
            c.crl();
        }
        return f;
    }

    static Visit readBack(DeskFixture f, Visit v) {
        return f.store.visit(v.visitId()).orElseThrow();
    }

    static Visit done(Prompt p) {
        return assertInstanceOf(Prompt.Done.class, p).visit();
    }

    @Test
    void cancellingTheConsentQuestionsKeepsTheConfirmation() throws Exception {
        try (DeskFixture f = desk().card("default")) {
            ReceptionCheck check = f.check();
            check.handle(new DeskEvent.CardPresented(CheckMode.PIN, null));
            assertInstanceOf(Prompt.AwaitingConsent.class, check.handle(ReceptionCheckTest.pin("1234")));
            Visit v = readBack(f, done(check.handle(new DeskEvent.Cancel())));
            assertEquals(Outcome.CONFIRMED, v.outcome());
            assertNull(v.reason(), "not 受付を完了できませんでした");
            assertNull(v.consent(), "no consent was given");
            assertEquals("01130012", v.qualification().insurerNumber());
        }
    }

    @Test
    void aDeclaredVisitsDecisionSaysDeclaredNotRejected() throws Exception {
        try (DeskFixture f = desk()) {
            Patient p = new Patient("申立 花子", "female", LocalDate.of(1985, 1, 2), "東京都千代田区1-1", "03-0000-0000");
            Visit unknown = readBack(f, done(f.check().handle(new DeskEvent.DeclarationGiven(p, null, null))));
            assertEquals(Outcome.DECLARED, unknown.outcome());
            assertEquals("accept-with-declaration", unknown.decision().path("decision").asText());
            assertEquals("unknown-insurer", unknown.decision().path("claim").asText());
            assertFalse(unknown.decision().path("message").asText().contains("10割"), unknown.decision().toString());
            assertEquals("申立 花子", unknown.patient().name());

            SearchNumbers n = new SearchNumbers("01130012", "12345678", "1", "00", p.birthDate());
            Visit declared = readBack(f, done(f.check().handle(new DeskEvent.DeclarationGiven(p, "協会けんぽ", n))));
            assertEquals("declared", declared.decision().path("claim").asText());
            assertEquals("01130012", declared.decision().at("/insurance/insurerNumber").asText());
            assertTrue(declared.decision().path("message").asText().contains("01130012"));
        }
    }

    @Test
    void theLastTryWarningGoesWhenThePinIsNotWhatDecided() throws Exception {
        try (DeskFixture f = desk().card("one-try-left")) {
            // 目視 after the last-try warning
            ReceptionCheck check = f.check();
            Prompt.AwaitingPin atPin = assertInstanceOf(Prompt.AwaitingPin.class, check.handle(new DeskEvent.CardPresented(CheckMode.PIN, null)));
            assertEquals(List.of(ReasonCode.PIN_LAST_TRY), atPin.warnings(), "warned at the PIN prompt");
            Prompt.AwaitingConsent consent = assertInstanceOf(Prompt.AwaitingConsent.class, check.handle(new DeskEvent.VisualConfirmed("s-1")));
            assertEquals(List.of(), consent.warnings(), "not repeated at the consent questions after 目視");
            Visit visual = readBack(f, done(check.handle(new DeskEvent.ConsentAnswered(ReceptionCheckTest.all(true)))));
            assertEquals(Route.CARD_VISUAL, visual.route());
            assertFalse(visual.warnings().contains(ReasonCode.PIN_LAST_TRY), visual.warnings().toString());

        }
    }

    @Test
    void theLastTryWarningGoesWithDocumentsAndADeclaration() throws Exception {
        try (DeskFixture f = desk().card("one-try-left")) {
            // documents at the last try, the service gone meanwhile: the document decides
            ReceptionCheck docs = f.check();
            assertInstanceOf(Prompt.AwaitingPin.class, docs.handle(new DeskEvent.CardPresented(CheckMode.PIN, null)));
            f.server.faults().set(FaultPlan.of(FaultPlan.Rule.status(503, 600L)));
            PresentedDocument k = ReceptionCheckTest.kakuninsho();
            Visit provisional = readBack(f, done(docs.handle(DocumentForm.presented(k, "東京都", false))));
            assertEquals(Outcome.PROVISIONAL, provisional.outcome());
            assertEquals(List.of(), provisional.warnings());
        }
        try (DeskFixture f = warm(new DeskFixture(AS_OF, Stores.open(new DataDirectory(dir.resolve("b"), true), Clock.systemUTC(),
                Duration.ofSeconds(2)))).card("one-try-left")) {
            // a 申立書 at the last try: an expired 資格確認書 with the card, the service down
            ReceptionCheck check = f.check();
            assertInstanceOf(Prompt.AwaitingPin.class, check.handle(new DeskEvent.CardPresented(CheckMode.PIN, null)));
            f.server.faults().set(FaultPlan.of(FaultPlan.Rule.status(503, 600L)));
            PresentedDocument expired = ReceptionCheckTest.kakuninsho().toBuilder().validUntil("2026-11-30").build();
            assertInstanceOf(Prompt.AwaitingDeclaration.class, check.handle(DocumentForm.presented(expired, null, false)));
            Patient p = new Patient("協会 さくら", "female", LocalDate.of(2016, 4, 2), "東京都", "03-0000-0000");
            Visit declared = readBack(f, done(check.handle(new DeskEvent.DeclarationGiven(p, null, null))));
            assertEquals(Outcome.DECLARED, declared.outcome());
            assertEquals(List.of(), declared.warnings());
            assertEquals("declared", declared.decision().path("claim").asText(), "the document's numbers pass the check digit");
        }
    }

    @Test
    void aBlockedPinIsNotALastTry() throws Exception {
        try (DeskFixture f = desk().card("one-try-left")) {
            ReceptionCheck check = f.check();
            check.handle(new DeskEvent.CardPresented(CheckMode.PIN, null));
            Prompt blocked = check.handle(ReceptionCheckTest.pin("0000"));
            assertEquals(ReasonCode.PIN_BLOCKED, blocked.reason().code());
            Visit v = readBack(f, done(check.handle(new DeskEvent.Decline())));
            assertEquals(ReasonCode.PIN_BLOCKED, v.reason().code());
            assertEquals(List.of(), v.warnings());
        }
    }

    @Test
    void aLastTryThatStopsAtThePinKeepsItsWarning() throws Exception {
        try (DeskFixture f = desk().card("one-try-left")) {
            ReceptionCheck check = f.check();
            check.handle(new DeskEvent.CardPresented(CheckMode.PIN, null));
            Visit v = readBack(f, done(check.handle(new DeskEvent.Decline())));
            assertEquals(Outcome.STOPPED, v.outcome());
            assertEquals(List.of(ReasonCode.PIN_LAST_TRY), v.warnings(), "still one try left on the card");
        }
    }

    @Test
    void noCardOnTheReaderIsSaidSoAndStaysSoOnRecord() throws Exception {
        try (DeskFixture f = desk()) {
            ReceptionCheck check = f.check();
            Prompt atDocuments = assertInstanceOf(Prompt.AwaitingDocuments.class, check.handle(new DeskEvent.CardPresented(CheckMode.PIN, null)));
            assertEquals("カードが置かれていません。", StaffText.message(atDocuments.reason()));
            Visit v = readBack(f, done(check.handle(new DeskEvent.Decline())));
            assertEquals(ReasonCode.CARD_REMOVED, v.reason().code(), "the contract's code");
            assertEquals("カードが置かれていません。", StaffText.message(v.reason()));
        }
    }

    @Test
    void aRejectedDocumentVisitKeepsWhoItWas() throws Exception {
        try (DeskFixture f = desk()) {
            f.server.faults().set(FaultPlan.of(FaultPlan.Rule.status(503, 600L)));
            PresentedDocument expired = ReceptionCheckTest.kakuninsho().toBuilder().validUntil("2026-11-30").build();
            Visit v = readBack(f, done(f.check().handle(DocumentForm.presented(expired, null, false))));
            assertEquals(Outcome.REJECTED, v.outcome());
            assertEquals("協会 さくら", v.patient().name(), "the row names the patient");
        }
    }
}
