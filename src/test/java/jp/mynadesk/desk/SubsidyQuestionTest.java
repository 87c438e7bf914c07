package jp.mynadesk.desk;

import static jp.mynadesk.desk.ReceptionCheckTest.all;
import static jp.mynadesk.desk.ReceptionCheckTest.pin;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** 「医療費助成の受給者証を利用しますか」 (PMH, docs/DESK.md): asked when offered, never guessed, numbers kept on yes. */
class SubsidyQuestionTest {
    private static final String AS_OF = "2026-12-07T10:00:00";

    @Test
    void aMissingAnswerIsAskedAgainThenTheNumbersAreKeptOnYes() throws Exception {
        try (DeskFixture f = new DeskFixture(AS_OF).card("subsidy")) {
            ReceptionCheck check = f.check();
            check.handle(new DeskEvent.CardPresented(CheckMode.PIN, null));
            Prompt.AwaitingConsent asked = assertInstanceOf(Prompt.AwaitingConsent.class, check.handle(pin("1234")));
            assertTrue(asked.asksSubsidy());
            assertEquals(List.of(new Subsidy("ひとり親家庭等医療費助成", "81136012", "1234566"),
                    new Subsidy("重度心身障害者医療費助成", "80136013", "2345676")), asked.subsidies());
            Prompt again = check.handle(new DeskEvent.ConsentAnswered(all(false), null));
            Prompt.AwaitingConsent askedAgain = assertInstanceOf(Prompt.AwaitingConsent.class, again);
            assertEquals(ReasonCode.SUBSIDY_NOT_ANSWERED, askedAgain.reason().code());
            assertTrue(f.store.visits(null).isEmpty(), "nothing is recorded on a guess");
            Visit v = ((Prompt.Done) check.handle(new DeskEvent.ConsentAnswered(all(false), true))).visit();
            assertTrue(v.subsidy().used());
            assertEquals(asked.subsidies(), v.subsidy().certificates());
            assertEquals(v, f.store.visits(null).get(0), "the numbers are recorded with the visit");
        }
    }

    @Test
    void noKeepsTheAnswerButNotTheNumbers() throws Exception {
        try (DeskFixture f = new DeskFixture(AS_OF).card("subsidy")) {
            ReceptionCheck check = f.check();
            check.handle(new DeskEvent.CardPresented(CheckMode.PIN, null));
            check.handle(pin("1234"));
            Visit v = ((Prompt.Done) check.handle(new DeskEvent.ConsentAnswered(all(true), false))).visit();
            assertFalse(v.subsidy().used());
            assertTrue(v.subsidy().certificates().isEmpty());
        }
    }

    @Test
    void notAskedWhenTheServiceOffersNone() throws Exception {
        try (DeskFixture f = new DeskFixture(AS_OF).card("default")) {
            ReceptionCheck check = f.check();
            check.handle(new DeskEvent.CardPresented(CheckMode.PIN, null));
            Prompt.AwaitingConsent asked = assertInstanceOf(Prompt.AwaitingConsent.class, check.handle(pin("1234")));
            assertFalse(asked.asksSubsidy());
            Visit v = ((Prompt.Done) check.handle(new DeskEvent.ConsentAnswered(all(true)))).visit();
            assertNull(v.subsidy());
        }
    }
}
