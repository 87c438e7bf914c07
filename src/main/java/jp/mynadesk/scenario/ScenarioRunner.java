package jp.mynadesk.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import jp.mynadesk.oplog.OperationsLog;
import jp.mynadesk.card.ApduTrace;
import jp.mynadesk.card.TraceHeader;
import jp.mynadesk.desk.CheckMode;
import jp.mynadesk.desk.CheckScript;
import jp.mynadesk.desk.CheckStep;
import jp.mynadesk.desk.ReceptionCheck;
import jp.mynadesk.desk.RecheckJson;
import jp.mynadesk.desk.RecheckRunner;
import jp.mynadesk.desk.StoreException;
import jp.mynadesk.desk.Visit;
import jp.mynadesk.desk.VisitJson;
import jp.mynadesk.oqs.server.OqsServer;
import jp.mynadesk.reader.ReaderException;
import jp.mynadesk.pki.TrustAnchors;
import jp.mynadesk.station.Station;
import jp.mynadesk.store.DataDirectory;
import jp.mynadesk.time.Timeline;
import jp.mynadesk.time.VirtualTimeline;
import jp.mynadesk.virtualcard.CardProfile;
import jp.mynadesk.virtualcard.CardProfiles;
import jp.mynadesk.virtualcard.EmulatedCard;
import jp.mynadesk.virtualcard.MyNumberCard;
import jp.mynadesk.virtualcard.ProfileException;
import jp.mynadesk.virtualcard.reader.ReaderProfile;
import jp.mynadesk.virtualcard.reader.ReaderProfiles;

/**
 * Runs one scenario file against a desk of its own: a fresh data directory, a fresh in-process mock service, and
 * a {@link ScenarioClock} that only the scenario moves (the service, the record, the desk and the client's circuit
 * breaker all read it). The card sits in the in-JVM virtual reader, or with {@code pcsc} behind pcscd through the
 * vpcd bridge. Steps are driven through the same {@link CheckScript} and {@link RecheckRunner} as {@code check}
 * and {@code recheck}; expectations are matched against the same JSON those commands print.
 */
public final class ScenarioRunner {
    /** The vpcd bridge's reader as pcscd names it. */
    public static final String PCSC_READER = "Virtual PCD 00 00";
    /** 一括照会 polls advance the scenario clock by this much each (the batch is ready at once in scenarios). */
    private static final Duration POLL = Duration.ofSeconds(1);

    private final boolean pcsc;
    private final LocalDate today;
    private final boolean traces;
    private final boolean realTime;

    public ScenarioRunner(boolean pcsc, LocalDate today) {
        this(pcsc, today, false);
    }

    public ScenarioRunner(boolean pcsc, LocalDate today, boolean traces) {
        this(pcsc, today, traces, false);
    }

    /**
     * @param pcsc     run the card through pcscd and the vpcd bridge instead of the in-JVM reader
     * @param today    the day a scenario without {@code asOf} runs on
     * @param traces   record each scenario's APDUs and hand a failed one's back in its result
     * @param realTime wait in real time (back-offs, time-outs, reader latency, service faults) instead of each
     *                 scenario's own virtual time (docs/SCENARIOS.md, "Virtual time"); the results are the same
     */
    public ScenarioRunner(boolean pcsc, LocalDate today, boolean traces, boolean realTime) {
        this.pcsc = pcsc;
        this.today = today;
        this.traces = traces;
        this.realTime = realTime;
    }

    /** Whether this runner waits in real time rather than in each scenario's virtual time. */
    public boolean realTime() {
        return realTime;
    }

    /** Never throws: a file that cannot be read or run is a failed result saying why. */
    public ScenarioResult run(Path file) {
        return run(file, null);
    }

    /** What a scenario's desk recorded: every visit as the record keeps it, in order, and its APDU trace or null. */
    record Recorded(List<ObjectNode> visits, String trace) {}

    /** As {@link #run(Path)}; {@code recorded} (may be null) gets what the desk recorded before it closes. */
    ScenarioResult run(Path file, java.util.function.Consumer<Recorded> recorded) {
        long started = System.nanoTime();
        Scenario scenario;
        try {
            scenario = ScenarioFile.load(file, today);
        } catch (ScenarioException e) {
            return new ScenarioResult(file, file.getFileName().toString(), false,
                    file + ":" + e.line() + ": " + (e.key() == null ? "" : e.key() + ": ") + e.getMessage(), 0, since(started),
                    null);
        }
        Timeline timeline = realTime ? Timeline.REAL : new VirtualTimeline();
        ApduTrace apdus = null;
        if (traces) {
            apdus = new ApduTrace(timeline::nanoTime);
            apdus.header(TraceHeader.thisProgram().withCardProfile(scenario.card() == null ? null : scenario.card().name()));
        }
        Path temp = null;
        Desk desk = null;
        try {
            temp = scratch();
            desk = new Desk(scenario, temp, apdus, timeline);
            List<ScenarioStep> steps = scenario.steps();
            for (int i = 0; i < steps.size(); i++) {
                ScenarioStep step = steps.get(i);
                String failure;
                try {
                    failure = desk.run(step);
                } catch (ScenarioException e) {
                    failure = e.getMessage();
                } catch (StoreException e) {
                    failure = "記録を使えません: " + e.getMessage(); // QA's words, not a Java class name
                } catch (RuntimeException | InterruptedException e) {
                    failure = unexpected(file, e);
                }
                if (failure != null) {
                    return new ScenarioResult(file, scenario.name(), false, file + ":" + step.line() + ": steps[" + i + "]."
                            + step.kind() + ": " + failure, i + 1, since(started), text(apdus));
                }
            }
            return new ScenarioResult(file, scenario.name(), true, null, steps.size(), since(started), null);
        } catch (ScenarioException e) {
            return new ScenarioResult(file, scenario.name(), false, file + ": " + e.getMessage(), 0, since(started), text(apdus));
        } catch (IOException | ReaderException | RuntimeException e) {
            return new ScenarioResult(file, scenario.name(), false, file + ": 机を用意できません: " + e, 0, since(started),
                    text(apdus));
        } finally {
            if (desk != null && recorded != null) {
                recorded.accept(new Recorded(desk.visits(), text(apdus)));
            }
            if (desk != null) {
                desk.close();
            }
            if (temp != null) {
                delete(temp);
            }
        }
    }

    /**
     * The {@code reader:} key: a reader (firmware) profile of firmware-notes/ for the virtual reader ({@code generic}
     * or absent: the plain reader). Through pcscd the reader is vpcd's own.
     */
    static ReaderProfile readerProfile(String name) {
        if (name == null || name.equals("generic")) {
            return null;
        }
        try {
            return ReaderProfiles.resolve(name);
        } catch (ProfileException e) {
            // the message already lists the built-in names; generic is the scenario file's own word
            throw new ScenarioException(0, "reader", "リーダーのプロファイルを使えません: " + e.getMessage()
                    + "（プロファイルなしのリーダーは generic）");
        }
    }

    /** One desk for one scenario and what the scenario has seen so far. */
    private final class Desk implements AutoCloseable {
        private final ScenarioClock clock;
        private final Station station;
        private final CardSlot slot;
        private EmulatedCard card;
        private CardProfile profile;
        private boolean cardOn;
        private ObjectNode lastCheck;
        private ObjectNode lastRecheck;
        /** What a plain {@code expect} compares with: the last check, or the last re-check when that came later. */
        private ObjectNode last;

        Desk(Scenario s, Path temp, ApduTrace apdus, Timeline timeline) throws IOException, ReaderException {
            clock = new ScenarioClock(s.asOf());
            OqsServer.Config service = OqsServer.Config.defaults().batchProcessingTime(Duration.ZERO).faults(s.faults());
            if (s.registry() != null) {
                service.registry(s.registry());
            }
            CardSlot opened = pcsc ? CardSlot.pcsc(PCSC_READER) : null;
            try {
                // The station plugs an in-JVM reader only with a card in it; the scenario's own card replaces it at once.
                CardProfile placeholder = s.card() != null ? s.card() : CardProfiles.builtIn("default").orElseThrow();
                // Through pcscd the desk cannot know the card is the simulator's: it trusts only its anchors, which for
                // a scenario are the simulator's own root (docs/CLINIC.md).
                station = Station.open(new Station.Setup(pcsc ? null : placeholder, pcsc ? PCSC_READER : null, pcsc, null,
                        service, new DataDirectory(temp.resolve("data"), false), null, clock, null, null, apdus, null,
                        pcsc ? null : readerProfile(s.reader()), null).withAnchors(TrustAnchors.testCa()), timeline);
            } catch (IOException | ReaderException | RuntimeException e) {
                if (opened != null) {
                    opened.close();
                }
                throw e;
            }
            slot = pcsc ? opened : CardSlot.of(station.virtualReader());
            slot.remove();
            if (s.card() != null) {
                put(s.card());
            }
        }

        /** Runs a step; the reason it failed, or null. */
        String run(ScenarioStep step) throws InterruptedException {
            if (step instanceof ScenarioStep.Check c) {
                check(c);
            } else if (step instanceof ScenarioStep.Expect e) {
                return expect(e.expected());
            } else if (step instanceof ScenarioStep.CardSwap c) {
                put(c.profile());
            } else if (step instanceof ScenarioStep.CardRemove) {
                slot.remove();
                cardOn = false;
            } else if (step instanceof ScenarioStep.CardInsert) {
                if (card == null) {
                    return "戻すカードがありません（先に card: {profile: 名前} でカードを置いてください）";
                }
                slot.insert(card);
                cardOn = true;
            } else if (step instanceof ScenarioStep.ServiceFaults f) {
                station.inProcessService().faults().set(f.plan());
            } else if (step instanceof ScenarioStep.Advance a) {
                clock.advance(a.by());
            } else if (step instanceof ScenarioStep.Recheck) {
                RecheckRunner runner = new RecheckRunner(station.context(), clock::advance, POLL, 600);
                lastRecheck = RecheckJson.contract(runner.run(n -> { }));
                last = lastRecheck;
            } else {
                throw new IllegalStateException("scenario step not handled: " + step);
            }
            return null;
        }

        private void put(CardProfile p) {
            profile = p;
            card = MyNumberCard.of(p);
            slot.insert(card);
            cardOn = true;
        }

        private void check(ScenarioStep.Check c) {
            CheckMode mode = c.mode() != null ? c.mode() : cardOn ? CheckMode.PIN : null;
            String pinText = c.pin() != null ? c.pin() : mode == CheckMode.PIN && profile != null ? profile.authPin() : null;
            char[] pin = pinText == null ? null : pinText.toCharArray();
            CheckStep.StepListener pull = at -> {
                if (at == c.removeCardAt() && cardOn) {
                    slot.remove();
                    cardOn = false;
                }
            };
            Visit visit = new CheckScript(mode, c.staff(), pin, c.consent(), c.documents(), c.limitConsent(), null,
                    c.declaration(), c.subsidy()).run(new ReceptionCheck(station.context(pull)));
            lastCheck = VisitJson.contract(visit);
            last = lastCheck;
        }

        private String expect(ObjectNode expected) {
            List<String> problems = new ArrayList<>();
            ObjectNode rest = expected.deepCopy();
            JsonNode visits = rest.remove("visits");
            if (visits != null) {
                int actual = station.store().visits(null).size();
                if (!visits.isNumber() || visits.asInt() != actual) {
                    problems.add("visits: 期待 " + visits + "、実際 " + actual);
                }
            }
            JsonNode recheck = rest.get("recheck");
            if (recheck != null && recheck.isObject()) {
                rest.remove("recheck");
                if (lastRecheck == null) {
                    problems.add("recheck: まだ recheck をしていません");
                } else {
                    Expectation.mismatches(recheck, lastRecheck).forEach(m -> problems.add("recheck." + m));
                }
            }
            if (!rest.isEmpty()) {
                if (last == null) {
                    problems.add("比べる結果がありません（expect の前に check か recheck を書いてください）");
                } else {
                    problems.addAll(Expectation.mismatches(rest, last));
                }
            }
            return problems.isEmpty() ? null : String.join("; ", problems);
        }

        List<ObjectNode> visits() {
            List<ObjectNode> out = new ArrayList<>();
            try {
                for (Visit v : station.store().visits(null)) {
                    out.add(VisitJson.full(v));
                }
            } catch (RuntimeException e) { // a StoreException too
                out.add(com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode().put("unreadable", e.toString()));
            }
            return out;
        }

        @Override
        public void close() {
            station.close();
            slot.close();
        }
    }

    private static String text(ApduTrace apdus) {
        return apdus == null ? null : apdus.text();
    }

    private static Duration since(long nanos) {
        return Duration.ofNanos(System.nanoTime() - nanos);
    }

    /**
     * A scenario's failure that is no scenario's fault (a bug): its stack trace goes to the operations log, and the
     * result says so in a sentence, with no Java class name.
     */
    static String unexpected(Path file, Throwable e) {
        if (e instanceof InterruptedException) {
            return "中断されました。";
        }
        OperationsLog.unexpected("scenario", "シナリオ " + file.getFileName() + " で予期しないエラー", e);
        return "予期しないエラーが起きました。" + OperationsLog.whereToLook();
    }

    /** Where a scenario's throw-away data folder goes: memory (/dev/shm) where there is one, else the temp folder. */
    private static final Path MEMORY = Path.of("/dev/shm");

    /**
     * A fresh data folder for one scenario. The record syncs every write to disk (docs/DESK.md, "The record"); a
     * scenario's record is deleted when it ends, so it is kept in memory where the system has a memory file system:
     * on a busy disk those syncs were most of a scenario's time.
     */
    static Path scratch() throws IOException {
        if (Files.isDirectory(MEMORY) && Files.isWritable(MEMORY)) {
            try {
                return Files.createTempDirectory(MEMORY, "mynadesk-scenario-");
            } catch (IOException e) {
                // full or refused: the temp folder will do
            }
        }
        return Files.createTempDirectory("mynadesk-scenario-");
    }

    private static void delete(Path dir) {
        try (Stream<Path> all = Files.walk(dir)) {
            all.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // A temp folder left behind is harmless; the result is what matters.
        }
    }

    /** Scenario files under {@code paths}: folders walked for *.yaml / *.yml in sorted order, files as given. */
    public static List<Path> files(List<Path> paths) throws IOException {
        List<Path> out = new ArrayList<>();
        for (Path p : paths) {
            if (Files.isDirectory(p)) {
                try (Stream<Path> walk = Files.walk(p)) {
                    walk.filter(Files::isRegularFile)
                            .filter(f -> f.getFileName().toString().endsWith(".yaml") || f.getFileName().toString().endsWith(".yml"))
                            .sorted().forEach(out::add);
                }
            } else {
                out.add(p);
            }
        }
        return out;
    }
}
