package jp.mynadesk.desk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.stream.Stream;
import jp.mynadesk.card.CardFailure;
import jp.mynadesk.oqs.OqsResult;
import jp.mynadesk.pki.CertificateVerdict;
import jp.mynadesk.reader.ReaderEvent;
import org.junit.jupiter.api.Test;

/**
 * Unknown variants do not fall through silently. Java 17 has no switch over a sealed type, so each dispatch over one
 * is an {@code instanceof} chain that names every kind and ends in {@code throw new IllegalStateException("… not
 * handled")}. This test keeps those chains whole:
 * <ol>
 *   <li>every sealed hierarchy in {@code jp.mynadesk} (found by scanning the compiled classes) is listed below with
 *       the kinds it permits today and where they are dispatched;</li>
 *   <li>a kind added to a hierarchy fails here until it is added to the list, which names the places to handle it;</li>
 *   <li>where the desk dispatches (card failures, certificate verdicts, service results, reader events, prompts),
 *       a sample of every permitted kind is run through the dispatcher and must not reach the "not handled" end.</li>
 * </ol>
 */
class SealedHierarchiesTest {
    static final Path CLASSES = Path.of("target/classes");

    /** A sealed hierarchy: the kinds it permits today, and where code chooses by kind. */
    record Listed(Set<String> kinds, String dispatchedIn) {
        Listed(String dispatchedIn, String... kinds) {
            this(new TreeSet<>(Arrays.asList(kinds)), dispatchedIn);
        }
    }

    static final Map<String, Listed> LISTED = Map.ofEntries(
            Map.entry("jp.mynadesk.card.CardFailure", new Listed("desk.CardReasons.of, replay.ReplayText.failure",
                    "WrongPin", "PinBlocked", "PinNotSet", "NotJpkiCard", "CardRemoved", "ReaderProblem",
                    "UnexpectedStatus", "MalformedResponse")),
            Map.entry("jp.mynadesk.card.CardOutcome", new Listed("isSuccess()/failure() only: no dispatch by kind",
                    "Success", "Failed")),
            Map.entry("jp.mynadesk.card.TraceEntry", new Listed("virtualcard.ReplayCard (commands, answers, events; comments skipped)",
                    "Command", "Response", "Event", "Comment")),
            Map.entry("jp.mynadesk.ceiling.Amount", new Listed("ceiling.CeilingCalculator (OnePercent or the flat amount)",
                    "Flat", "OnePercent")),
            Map.entry("jp.mynadesk.ceiling.CeilingService$Choice", new Listed("cli.CeilingCommand (each kind its own message), "
                    + "screen.web.WebDesk (Chosen or the page's refusal)", "Chosen", "UnknownClass", "UnknownRatio",
                    "NeedsBirthDate", "NothingGiven")),
            Map.entry("jp.mynadesk.desk.CardSoFar", new Listed("desk.ReceptionCheck (presentedCard, opened, certified; "
                    + "close() on each kind)", "None", "Connected", "Opened", "Certified")),
            Map.entry("jp.mynadesk.desk.DeskEvent", new Listed("desk.ReceptionCheck: each state names the events it takes; "
                    + "any other is refused there (the screen stays), by design", "DeclarationGiven", "DocumentsPresented",
                    "CardPresented", "PinEntered", "VisualConfirmed", "ConsentAnswered", "Decline", "RecordAgain", "Cancel")),
            Map.entry("jp.mynadesk.desk.Prompt", new Listed("desk.ReceptionCheck.handle, screen.TerminalDesk.drive, "
                    + "screen.web.DeskView.phase, desk.CheckScript (a policy: declines what it cannot answer)",
                    "AwaitingPin", "AwaitingVisual", "AwaitingDocuments", "AwaitingStart", "AwaitingConsent",
                    "AwaitingDeclaration", "AwaitingRecord", "Done")),
            Map.entry("jp.mynadesk.desk.ServiceAnswers$Answer", new Listed("desk.ReceptionCheck (cardAnswer, documents)",
                    "Confirmed", "Refused")),
            Map.entry("jp.mynadesk.format.EnteredDate", new Listed("isAbsent()/date(); Valid and Invalid named where shown",
                    "Absent", "Valid", "Invalid")),
            Map.entry("jp.mynadesk.oqs.OqsResult", new Listed("desk.ServiceAnswers.of, desk.StaffText.serviceFailure",
                    "Offline", "Ok", "Rejected", "Unavailable", "Malformed")),
            Map.entry("jp.mynadesk.oqs.server.PeopleSource", new Listed("an interface with two implementations: no dispatch",
                    "PeopleInMemory", "PeopleFile")),
            Map.entry("jp.mynadesk.pki.CertificateVerdict", new Listed("desk.CardReasons (refusal, certificate, warning)",
                    "Valid", "ExpiringSoon", "ValidInGrace", "Expired", "NotYetValid", "WrongIssuer", "Revoked",
                    "RevocationUnknown", "BadKeyUsage", "ForgedSignature", "Malformed")),
            Map.entry("jp.mynadesk.pki.RevocationStatus", new Listed("pki.CertificateValidator (Revoked, Unknown; Good goes on)",
                    "Good", "Revoked", "Unknown")),
            Map.entry("jp.mynadesk.reader.ReaderEvent", new Listed("desk.StaffText.readerEvent, reader.ReaderMonitor, screen.web.StatusWatch",
                    "ReaderAdded", "ReaderRemoved", "CardInserted", "CardRemoved", "Unavailable")),
            Map.entry("jp.mynadesk.rules.FieldCheck", new Listed("rules.DocumentEntry, desk.DocumentForm, desk.DeclarationForm",
                    "Accepted", "Incomplete", "Rejected")),
            Map.entry("jp.mynadesk.rules.InsurerNumberCheck", new Listed("rules.InsurerNumber, rules.FormatProblems",
                    "WellFormed", "Malformed")),
            Map.entry("jp.mynadesk.scenario.ScenarioStep", new Listed("scenario.ScenarioRunner (ends in not handled)",
                    "Check", "Expect", "CardSwap", "CardRemove", "CardInsert", "ServiceFaults", "Advance", "Recheck")),
            Map.entry("jp.mynadesk.screen.web.DeskSession$Answer", new Listed("screen.web.WebDesk", "Moved", "Refused")),
            Map.entry("jp.mynadesk.virtualcard.CardFault", new Listed("virtualcard.reader.CardSlot.raise (ends in not handled)",
                    "LeftReader", "ReaderGone", "PcscError")),
            Map.entry("jp.mynadesk.virtualcard.ElementaryFile", new Listed("virtualcard.MyNumberCard (each command asks for its kind)",
                    "Binary", "Key", "PinFile")),
            Map.entry("jp.mynadesk.virtualcard.vpcd.VpcdEvent", new Listed("virtualcard.vpcd.CardServer (what it announces)",
                    "Connected", "ConnectFailed", "Disconnected", "PoweredOn", "PoweredOff", "Reset", "Apdu")));

    static List<Class<?>> sealedHierarchies() throws IOException {
        List<Class<?>> out = new ArrayList<>();
        try (Stream<Path> files = Files.walk(CLASSES.resolve("jp/mynadesk"))) {
            for (Path p : files.filter(f -> f.toString().endsWith(".class")).sorted().toList()) {
                String name = CLASSES.relativize(p).toString().replace('/', '.').replaceAll("\\.class$", "");
                try {
                    Class<?> c = Class.forName(name, false, SealedHierarchiesTest.class.getClassLoader());
                    if (c.isSealed()) {
                        out.add(c);
                    }
                } catch (ClassNotFoundException | LinkageError e) {
                    throw new AssertionError("cannot load " + name, e);
                }
            }
        }
        return out;
    }

    @Test
    void everySealedHierarchyIsListedWithEveryKindItPermits() throws IOException {
        List<Class<?>> found = sealedHierarchies();
        assertTrue(found.size() >= LISTED.size(), "the scan found the sealed hierarchies: " + found);
        Map<String, Set<String>> actual = new TreeMap<>();
        for (Class<?> c : found) {
            Set<String> kinds = new TreeSet<>();
            for (Class<?> k : c.getPermittedSubclasses()) {
                kinds.add(k.getSimpleName());
            }
            actual.put(c.getName(), kinds);
        }
        Map<String, Set<String>> listed = new TreeMap<>();
        LISTED.forEach((k, v) -> listed.put(k, v.kinds()));
        assertEquals(listed, actual, "a sealed hierarchy or a kind was added: handle it where LISTED says, then list it");
    }

    @Test
    void everyCardFailureHasItsReason() {
        eachKind(CardFailure.class, f -> assertTrue(CardReasons.of(f) != null, f.toString()));
    }

    @Test
    void everyCertificateVerdictIsRefusedOrRecorded() {
        eachKind(CertificateVerdict.class, v -> {
            if (v instanceof CertificateVerdict.Revoked || v instanceof CertificateVerdict.RevocationUnknown) {
                CardReasons.refusal(v); // revocation is not part of the local verdict the proof records
            } else if (v.usable()) {
                CardReasons.certificate(v);
                CardReasons.warning(v);
            } else {
                CardReasons.refusal(v);
                CardReasons.certificate(v);
            }
        });
    }

    @Test
    @SuppressWarnings({"unchecked", "rawtypes"})
    void everyServiceResultIsAnAnswer() {
        eachKind(OqsResult.class, r -> {
            if (!(r instanceof OqsResult.Ok)) { // Ok carries the response, read by ServiceAnswers.of(response)
                ServiceAnswers.Answer a = ServiceAnswers.of((OqsResult) r);
                assertTrue(a instanceof ServiceAnswers.Answer.Refused, r.toString());
            }
            StaffText.serviceFailure(r, "http://service.example/");
        });
    }

    @Test
    void everyReaderEventIsAnnounced() {
        eachKind(ReaderEvent.class, e -> assertTrue(!StaffText.readerEvent(e).isBlank(), e.toString()));
    }

    @Test
    void everyPromptHasAPhaseOnTheWebPage() throws Exception {
        Class<?> view = Class.forName("jp.mynadesk.screen.web.DeskView");
        Method phase = view.getDeclaredMethod("phase", Prompt.class);
        phase.setAccessible(true);
        eachKind(Prompt.class, p -> {
            try {
                assertTrue(!((String) phase.invoke(null, p)).isBlank());
            } catch (ReflectiveOperationException e) {
                throw new AssertionError(p + ": " + e.getCause(), e);
            }
        });
    }

    /**
     * Runs {@code use} on a sample of every permitted kind (records with plain values: 0, "", the first constant,
     * empty collections); the dispatcher must not reach its "not handled" end.
     */
    static <T> void eachKind(Class<T> sealed, Consumer<T> use) {
        Set<String> reached = new LinkedHashSet<>();
        for (Class<?> kind : sealed.getPermittedSubclasses()) {
            T sample = sealed.cast(sample(kind));
            try {
                use.accept(sample);
            } catch (IllegalStateException e) {
                if (String.valueOf(e.getMessage()).contains("not handled")) {
                    throw new AssertionError(sealed.getSimpleName() + "." + kind.getSimpleName() + " is not handled", e);
                }
                throw e;
            }
            reached.add(kind.getSimpleName());
        }
        assertEquals(sealed.getPermittedSubclasses().length, reached.size());
    }

    static Object sample(Class<?> kind) {
        if (!kind.isRecord()) {
            throw new AssertionError(kind + " is not a record: give it a sample here");
        }
        RecordComponent[] parts = kind.getRecordComponents();
        Class<?>[] types = Arrays.stream(parts).map(RecordComponent::getType).toArray(Class<?>[]::new);
        Object[] values = Arrays.stream(types).map(SealedHierarchiesTest::plain).toArray();
        try {
            Constructor<?> c = kind.getDeclaredConstructor(types);
            c.setAccessible(true);
            return c.newInstance(values);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError("cannot make a " + kind, e);
        }
    }

    static Object plain(Class<?> t) {
        if (t == int.class) {
            return 0;
        }
        if (t == long.class) {
            return 0L;
        }
        if (t == boolean.class) {
            return false;
        }
        if (t == String.class) {
            return "";
        }
        if (t.isEnum()) {
            return t.getEnumConstants()[0];
        }
        if (t == List.class) {
            return List.of();
        }
        if (t == Map.class) {
            return Map.of();
        }
        if (t == java.time.LocalDate.class) {
            return java.time.LocalDate.of(2026, 12, 1);
        }
        if (t == java.time.Instant.class) {
            return java.time.Instant.EPOCH;
        }
        if (t == java.time.Duration.class) {
            return java.time.Duration.ZERO;
        }
        if (t == byte[].class) {
            return new byte[0];
        }
        return null;
    }
}
