package jp.mynadesk.scenario;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import jp.mynadesk.desk.CheckMode;
import jp.mynadesk.desk.CheckStep;
import jp.mynadesk.desk.DeskEvent;
import jp.mynadesk.desk.SharingCategory;
import jp.mynadesk.documents.PresentedDocument;
import jp.mynadesk.oqs.server.FaultPlan;
import jp.mynadesk.virtualcard.CardProfile;

/** One step of a scenario; {@code line} is where it is written, for messages. */
public sealed interface ScenarioStep {
    int line();

    /** A short name for progress and failure messages ({@code check}, {@code expect}, ...). */
    String kind();

    /**
     * One check, as {@code mynadesk check} runs it.
     *
     * @param mode         null: PIN when a card is on the reader, else documents / declaration only
     * @param pin          null: the PIN of the card profile in the reader
     * @param consent      null: the sharing questions are not answered
     * @param removeCardAt null, or the step before which the patient pulls the card
     * @param declaration  a 被保険者資格申立書 the patient fills in, or null
     */
    record Check(int line, CheckMode mode, String pin, String staff, Map<SharingCategory, Boolean> consent,
                 List<PresentedDocument> documents, boolean limitConsent, CheckStep removeCardAt,
                 DeskEvent.DeclarationGiven declaration, Boolean subsidy) implements ScenarioStep {
        public String kind() {
            return "check";
        }
    }

    /** A partial document matched against the last JSON (see {@link Expectation}). */
    record Expect(int line, ObjectNode expected) implements ScenarioStep {
        public String kind() {
            return "expect";
        }
    }

    /** A new card goes on the reader (after the old one is taken off). */
    record CardSwap(int line, CardProfile profile) implements ScenarioStep {
        public String kind() {
            return "card";
        }
    }

    /** The card is taken off the reader. */
    record CardRemove(int line) implements ScenarioStep {
        public String kind() {
            return "card";
        }
    }

    /** The card last taken off goes back on. */
    record CardInsert(int line) implements ScenarioStep {
        public String kind() {
            return "card";
        }
    }

    /** The service's faults change; {@link FaultPlan#none()} is {@code service: up}. */
    record ServiceFaults(int line, FaultPlan plan) implements ScenarioStep {
        public String kind() {
            return "service";
        }
    }

    /** The scenario clock moves on. */
    record Advance(int line, Duration by) implements ScenarioStep {
        public String kind() {
            return "advance";
        }
    }

    /** 再照会 of every pending visit. */
    record Recheck(int line) implements ScenarioStep {
        public String kind() {
            return "recheck";
        }
    }
}
