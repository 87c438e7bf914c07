package jp.mynadesk.desk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import jp.mynadesk.documents.DocumentKind;
import jp.mynadesk.documents.PresentedDocument;
import jp.mynadesk.documents.Sex;
import jp.mynadesk.oqs.server.FaultPlan;
import jp.mynadesk.store.DataDirectory;
import jp.mynadesk.store.Stores;
import jp.mynadesk.testsupport.RecordHold;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReceptionCheckTest {
    static final String AS_OF = "2026-12-01T09:30:00";

    static Map<SharingCategory, Boolean> all(boolean yes) {
        Map<SharingCategory, Boolean> m = new EnumMap<>(SharingCategory.class);
        for (SharingCategory c : SharingCategory.values()) {
            m.put(c, yes);
        }
        return m;
    }

    static DeskEvent pin(String digits) {
        return new DeskEvent.PinEntered(digits.toCharArray());
    }

    static PresentedDocument kakuninsho() {
        return PresentedDocument.builder(DocumentKind.SHIKAKU_KAKUNINSHO).insurerNumber("01130012").insurerName("全国健康保険協会東京支部")
                .symbol("12345678").number("1").branch("01").name("協会 さくら").birthDate("2016-04-02").sex(Sex.FEMALE)
                .issuedOn("2024-12-02").validUntil("2029-11-30").build();
    }

    @Test
    void pinCheckConfirmsRegistersConsentAndRecords() throws Exception {
        try (DeskFixture f = new DeskFixture(AS_OF).card("default")) {
            ReceptionCheck check = f.check();
            Prompt p = check.handle(new DeskEvent.CardPresented(CheckMode.PIN, null));
            Prompt.AwaitingPin atPin = assertInstanceOf(Prompt.AwaitingPin.class, p);
            assertEquals(3, atPin.triesLeft());
            assertInstanceOf(Prompt.AwaitingConsent.class, check.handle(pin("1234")));
            Visit v = ((Prompt.Done) check.handle(new DeskEvent.ConsentAnswered(all(true)))).visit();
            assertEquals(Outcome.CONFIRMED, v.outcome());
            assertEquals(Route.CARD_PIN, v.route());
            assertNull(v.reason());
            assertEquals("01130012", v.qualification().insurerNumber());
            assertEquals(30, v.qualification().ratio());
            assertEquals("A03", v.qualification().limitClass());
            assertTrue(v.consent().registered());
            assertEquals(v.asOf().plusHours(24).toInstant(), v.consent().availableUntil().toInstant());
            assertEquals(RecheckState.NONE, v.recheckState());
            assertEquals(List.of(v), f.store.visits(null));
        }
    }

    /**
     * The record locked by another process (a real SQLite file, held by a second connection) when the check ends:
     * the decided visit waits at the desk, nothing cancels it, and it is recorded once when the record is back.
     */
    @Test
    void aVisitTheRecordDidNotTakeWaitsAndIsRecordedOnceWhenStaffTryAgain(@TempDir Path dir) throws Exception {
        VisitStore store = Stores.open(new DataDirectory(dir, true), Clock.systemUTC(), Duration.ofMillis(200));
        try (DeskFixture f = new DeskFixture(AS_OF, store).card("default"); RecordHold other = new RecordHold(dir)) {
            ReceptionCheck check = f.check();
            check.handle(new DeskEvent.CardPresented(CheckMode.PIN, null));
            assertInstanceOf(Prompt.AwaitingConsent.class, check.handle(pin("1234")));
            other.take(); // past the busy timeout

            Prompt.AwaitingRecord waiting = assertInstanceOf(Prompt.AwaitingRecord.class,
                    check.handle(new DeskEvent.ConsentAnswered(all(true))));
            assertEquals(ReasonCode.RECORD_UNAVAILABLE, waiting.reason().code());
            assertEquals(StoreException.Kind.UNAVAILABLE, waiting.kind());
            assertFalse(waiting.problem().isBlank());
            assertEquals(Outcome.CONFIRMED, waiting.visit().outcome(), "the check itself was decided");
            assertTrue(waiting.visit().consent().registered());

            assertEquals(waiting, check.handle(new DeskEvent.Cancel()), "cancelling would lose the decided visit");
            assertEquals(waiting, check.handle(pin("1234")));
            assertEquals(waiting, check.handle(new DeskEvent.RecordAgain()), "still locked: still waiting");

            other.release();
            f.clock.advance(Duration.ofMinutes(3));
            Visit recorded = assertInstanceOf(Prompt.Done.class, check.handle(new DeskEvent.RecordAgain())).visit();
            assertEquals(waiting.visit().withId(recorded.visitId()), recorded, "the visit as decided, not re-made later");
            assertEquals(List.of(recorded), store.visits(null));
            assertTrue(store.verify().ok());
        }
    }

    @Test
    void wrongPinStaysAtThePinWithTriesLeftAndDeclineStopsWithIt() throws Exception {
        try (DeskFixture f = new DeskFixture(AS_OF).card("default")) {
            ReceptionCheck check = f.check();
            check.handle(new DeskEvent.CardPresented(CheckMode.PIN, null));
            Prompt.AwaitingPin again = assertInstanceOf(Prompt.AwaitingPin.class, check.handle(pin("0000")));
            assertEquals(2, again.triesLeft());
            assertEquals(new Reason(ReasonCode.WRONG_PIN, 2), again.reason());
            Visit v = ((Prompt.Done) check.handle(new DeskEvent.Decline())).visit();
            assertEquals(Outcome.STOPPED, v.outcome());
            assertEquals(new Reason(ReasonCode.WRONG_PIN, 2), v.reason());
            assertNull(v.qualification());
        }
    }

    @Test
    void aMalformedPinIsNeverSentToTheCard() throws Exception {
        try (DeskFixture f = new DeskFixture(AS_OF).card("default")) {
            ReceptionCheck check = f.check();
            check.handle(new DeskEvent.CardPresented(CheckMode.PIN, null));
            long before = f.reader.transmitCount();
            char[] typed = "12a4".toCharArray();
            Prompt.AwaitingPin p = assertInstanceOf(Prompt.AwaitingPin.class, check.handle(new DeskEvent.PinEntered(typed)));
            assertEquals(ReasonCode.PIN_FORMAT, p.reason().code());
            assertEquals(3, p.triesLeft());
            assertEquals(before, f.reader.transmitCount());
            assertTrue(new String(typed).chars().allMatch(c -> c == 0), "the typed PIN is wiped");
            assertInstanceOf(Prompt.AwaitingConsent.class, check.handle(pin("1234")));
        }
    }

    @Test
    void lastTryIsWarnedBeforeThePin() throws Exception {
        try (DeskFixture f = new DeskFixture(AS_OF).card("one-try-left")) {
            Prompt.AwaitingPin p = assertInstanceOf(Prompt.AwaitingPin.class,
                    f.check().handle(new DeskEvent.CardPresented(CheckMode.PIN, null)));
            assertEquals(1, p.triesLeft());
            assertTrue(p.warnings().contains(ReasonCode.PIN_LAST_TRY));
        }
    }

    @Test
    void blockedPinOffersVisualModeAndStaffAreRecorded() throws Exception {
        try (DeskFixture f = new DeskFixture(AS_OF).card("blocked")) {
            ReceptionCheck check = f.check();
            Prompt.AwaitingVisual p = assertInstanceOf(Prompt.AwaitingVisual.class,
                    check.handle(new DeskEvent.CardPresented(CheckMode.PIN, null)));
            assertEquals(ReasonCode.PIN_BLOCKED, p.reason().code());
            assertInstanceOf(Prompt.AwaitingConsent.class, check.handle(new DeskEvent.VisualConfirmed("staff-7")));
            Visit v = ((Prompt.Done) check.handle(new DeskEvent.Decline())).visit();
            assertEquals(Outcome.CONFIRMED, v.outcome());
            assertEquals(Route.CARD_VISUAL, v.route());
            assertEquals("staff-7", v.confirmedBy());
            assertNull(v.consent());
        }
    }

    @Test
    void faceOnlyCardGoesToVisualMode() throws Exception {
        try (DeskFixture f = new DeskFixture(AS_OF).card("face-only")) {
            // The card answers the retry query as a plain card does (docs/CARD.md §2.6); the PIN it refuses tells.
            ReceptionCheck check = f.check();
            assertInstanceOf(Prompt.AwaitingPin.class, check.handle(new DeskEvent.CardPresented(CheckMode.PIN, null)));
            Prompt.AwaitingVisual p = assertInstanceOf(Prompt.AwaitingVisual.class,
                    check.handle(new DeskEvent.PinEntered("1234".toCharArray())));
            assertEquals(ReasonCode.PIN_NOT_SET, p.reason().code());
        }
    }

    @Test
    void visualModeWithStaffGivenUpFrontNeedsNoPin() throws Exception {
        try (DeskFixture f = new DeskFixture(AS_OF).card("default")) {
            ReceptionCheck check = f.check();
            assertInstanceOf(Prompt.AwaitingConsent.class, check.handle(new DeskEvent.CardPresented(CheckMode.VISUAL, "staff-1")));
            Visit v = ((Prompt.Done) check.handle(new DeskEvent.ConsentAnswered(all(false)))).visit();
            assertEquals(Route.CARD_VISUAL, v.route());
            assertEquals(Outcome.CONFIRMED, v.outcome());
            assertFalse(v.consent().categories().containsValue(true));
        }
    }

    @Test
    void certificateProblemsEndAtDocumentsWithTheirCode() throws Exception {
        for (var c : Map.of("expired", ReasonCode.CERTIFICATE_EXPIRED, "revoked", ReasonCode.CERTIFICATE_REVOKED).entrySet()) {
            try (DeskFixture f = new DeskFixture(AS_OF).card(c.getKey())) {
                ReceptionCheck check = f.check();
                Prompt.AwaitingDocuments p = assertInstanceOf(Prompt.AwaitingDocuments.class,
                        check.handle(new DeskEvent.CardPresented(CheckMode.PIN, null)));
                assertEquals(c.getValue(), p.reason().code(), c.getKey());
                assertEquals(c.getValue(), ((Prompt.Done) check.handle(new DeskEvent.Decline())).visit().reason().code());
            }
        }
    }

    @Test
    void aForgedCardIsRefusedByTheService() throws Exception {
        try (DeskFixture f = new DeskFixture(AS_OF).card("mismatched-key")) {
            ReceptionCheck check = f.check();
            check.handle(new DeskEvent.CardPresented(CheckMode.PIN, null));
            Prompt.AwaitingDocuments p = assertInstanceOf(Prompt.AwaitingDocuments.class, check.handle(pin("1234")));
            assertEquals(ReasonCode.CERTIFICATE_UNTRUSTED, p.reason().code());
        }
    }

    @Test
    void smartphoneTokensVerifyThePinBeforeReadingTheCertificate() throws Exception {
        for (String phone : List.of("android", "iphone")) {
            try (DeskFixture f = new DeskFixture(AS_OF).card(phone)) {
                ReceptionCheck check = f.check();
                assertInstanceOf(Prompt.AwaitingPin.class, check.handle(new DeskEvent.CardPresented(CheckMode.PIN, null)), phone);
                assertInstanceOf(Prompt.AwaitingConsent.class, check.handle(pin("1234")), phone);
                assertEquals(Outcome.CONFIRMED, ((Prompt.Done) check.handle(new DeskEvent.Decline())).visit().outcome());
            }
        }
    }

    @Test
    void certificateInGraceConfirmsWithoutAskingForConsent() throws Exception {
        // default card's certificate ends on 2029-05-10; three months of grace follow.
        try (DeskFixture f = new DeskFixture("2029-06-01T09:30:00").card("default")) {
            ReceptionCheck check = f.check();
            Prompt.AwaitingPin p = assertInstanceOf(Prompt.AwaitingPin.class, check.handle(new DeskEvent.CardPresented(CheckMode.PIN, null)));
            assertTrue(p.warnings().contains(ReasonCode.CERTIFICATE_IN_GRACE));
            Visit v = ((Prompt.Done) check.handle(pin("1234"))).visit();
            assertEquals(Outcome.CONFIRMED, v.outcome());
            assertEquals(List.of(ReasonCode.CERTIFICATE_IN_GRACE), v.warnings());
            assertNull(v.consent());
        }
    }

    @Test
    void cardPulledAtEachStepEndsAsCardRemoved() throws Exception {
        for (CheckStep at : List.of(CheckStep.CERTIFICATE, CheckStep.RETRIES, CheckStep.VERIFY, CheckStep.SIGN)) {
            try (DeskFixture f = new DeskFixture(AS_OF).card("default")) {
                f.listener = step -> {
                    if (step == at) {
                        f.reader.remove();
                    }
                };
                ReceptionCheck check = f.check();
                Prompt p = check.handle(new DeskEvent.CardPresented(CheckMode.PIN, null));
                if (p instanceof Prompt.AwaitingPin) {
                    p = check.handle(pin("1234"));
                }
                Prompt.AwaitingDocuments docs = assertInstanceOf(Prompt.AwaitingDocuments.class, p, at.code());
                assertEquals(ReasonCode.CARD_REMOVED, docs.reason().code(), at.code());
            }
        }
    }

    @Test
    void noCardOnTheReader() throws Exception {
        try (DeskFixture f = new DeskFixture(AS_OF)) {
            Prompt.AwaitingDocuments p = assertInstanceOf(Prompt.AwaitingDocuments.class,
                    f.check().handle(new DeskEvent.CardPresented(CheckMode.PIN, null)));
            assertEquals(ReasonCode.CARD_REMOVED, p.reason().code());
        }
    }

    @Test
    void outageFallsBackToTheDocumentAndTheRecheckConfirmsIt() throws Exception {
        try (DeskFixture f = new DeskFixture(AS_OF).card("default")) {
            f.server.faults().set(FaultPlan.of(FaultPlan.Rule.status(503, 600L)));
            ReceptionCheck check = f.check();
            // the card still proves itself (OfflineCardProofTest): PIN, the desk's own challenge, then the documents
            assertInstanceOf(Prompt.AwaitingPin.class, check.handle(new DeskEvent.CardPresented(CheckMode.PIN, null)));
            Prompt.AwaitingDocuments p = assertInstanceOf(Prompt.AwaitingDocuments.class, check.handle(pin("1234")));
            assertEquals(ReasonCode.SERVICE_OFFLINE, p.reason().code());
            assertFalse(p.serviceAvailable());
            Patient given = new Patient("協会 さくら", "female", java.time.LocalDate.of(2016, 4, 2), "東京都千代田区霞が関1-2-3", null);
            Visit v = ((Prompt.Done) check.handle(new DeskEvent.DocumentsPresented(List.of(kakuninsho()), false, given))).visit();
            assertEquals(Outcome.PROVISIONAL, v.outcome());
            assertEquals(Route.DOCUMENT_OFFLINE, v.route());
            assertEquals(RecheckState.PENDING, v.recheckState());
            assertEquals(given, v.patient());
            assertEquals("accept", v.decision().path("decision").asText());

            f.server.faults().set(FaultPlan.none());
            f.clock.advance(Duration.ofMinutes(10)); // past the breaker's wait
            RecheckRun run = new RecheckRunner(f.context(), d -> { }, Duration.ZERO, 3).run(n -> { });
            assertEquals(1, run.findings().size());
            assertEquals(RecheckFinding.Kind.CONFIRMED, run.findings().get(0).kind());
            assertEquals(RecheckState.CONFIRMED, f.store.visit(v.visitId()).orElseThrow().recheckState());
        }
    }

    @Test
    void numbersQueryOnlineConfirms() throws Exception {
        try (DeskFixture f = new DeskFixture(AS_OF)) {
            Visit v = ((Prompt.Done) f.check().handle(new DeskEvent.DocumentsPresented(List.of(kakuninsho()), true, null))).visit();
            assertEquals(Route.NUMBERS_ONLINE, v.route());
            assertEquals(Outcome.CONFIRMED, v.outcome());
            assertEquals(30, v.qualification().ratio());
        }
    }

    @Test
    void declarationWithoutNumbersIsAnUnknownInsurerAndStaysPending() throws Exception {
        try (DeskFixture f = new DeskFixture(AS_OF)) {
            Patient p = new Patient("申立 花子", "female", java.time.LocalDate.of(1980, 1, 2), "東京都", "03-0000-0000");
            Visit v = ((Prompt.Done) f.check().handle(new DeskEvent.DeclarationGiven(p, "国保（番号不明）", null))).visit();
            assertEquals(Outcome.DECLARED, v.outcome());
            assertEquals(Route.DECLARATION, v.route());
            assertEquals(p, v.patient());
            assertEquals(RecheckState.PENDING, v.recheckState());
            assertNull(v.numbers());
        }
    }

    @Test
    void cancelStopsTheCheck() throws Exception {
        try (DeskFixture f = new DeskFixture(AS_OF).card("default")) {
            ReceptionCheck check = f.check();
            check.handle(new DeskEvent.CardPresented(CheckMode.PIN, null));
            Visit v = ((Prompt.Done) check.handle(new DeskEvent.Cancel())).visit();
            assertEquals(Outcome.STOPPED, v.outcome());
            assertEquals(ReasonCode.CANCELLED, v.reason().code());
            assertNotNull(v.visitId());
        }
    }

    @Test
    void pinEventsNeverShowTheDigits() {
        char[] digits = "1234".toCharArray();
        assertFalse(new DeskEvent.PinEntered(digits).toString().contains("1234"));
        assertTrue(Arrays.equals("1234".toCharArray(), digits));
    }
}
