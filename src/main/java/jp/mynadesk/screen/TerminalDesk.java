package jp.mynadesk.screen;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import jp.mynadesk.desk.CheckMode;
import jp.mynadesk.desk.ConsentAnswer;
import jp.mynadesk.desk.DeclarationForm;
import jp.mynadesk.desk.DeskEvent;
import jp.mynadesk.desk.DocumentForm;
import jp.mynadesk.desk.FieldProblem;
import jp.mynadesk.desk.IntegrityReport;
import jp.mynadesk.desk.PinInput;
import jp.mynadesk.desk.Prompt;
import jp.mynadesk.desk.ReasonCode;
import jp.mynadesk.desk.ReceptionCheck;
import jp.mynadesk.desk.RecheckFinding;
import jp.mynadesk.desk.RecheckRun;
import jp.mynadesk.desk.RecheckRunner;
import jp.mynadesk.desk.SharingCategory;
import jp.mynadesk.desk.StaffText;
import jp.mynadesk.desk.StoreException;
import jp.mynadesk.desk.Visit;
import jp.mynadesk.documents.DocumentInputException;
import jp.mynadesk.documents.DocumentKind;
import jp.mynadesk.documents.DocumentScanner;
import jp.mynadesk.documents.PresentedDocument;
import jp.mynadesk.documents.QrPayload;
import jp.mynadesk.oplog.OperationsLog;
import jp.mynadesk.reader.ReaderEvent;
import jp.mynadesk.reader.ReaderMonitor;
import jp.mynadesk.rules.DocumentEntry;
import jp.mynadesk.station.Station;
import jp.mynadesk.text.SafeText;

/**
 * The interactive reception screen in a terminal, for a whole day: reader events live, a key per action, the
 * PIN read without echo, consent per category, documents typed (field by field, checked as typed) or scanned,
 * the 申立書, re-check and today's visits. It only drives {@link ReceptionCheck} and renders what it answers;
 * every visit is committed before the screen says 記録しました, so Ctrl-C never loses one.
 *
 * <p>Every prompt is strict (docs/DESK.md, "The terminal desk"): a key it does not offer is asked again, never
 * taken as the last choice; yes/no answers go through {@link ConsentAnswer}; four digits typed anywhere but at the
 * PIN prompt are refused, not used; the forms ({@link DocumentForm}, {@link DeclarationForm}) list what is missing
 * instead of letting a slip become a decision.
 */
public final class TerminalDesk {
    /** Typed at any field of a form: leave the form (nothing is sent to the check). */
    static final String LEAVE = "c";

    private final Station station;
    private final BufferedReader in;
    private final PrintWriter out;
    private final Console console;
    /** Held while the check is moved on, so Ctrl-C ({@link #interrupt}) never acts in the middle of a card step. */
    private final ReentrantLock working = new ReentrantLock();
    /** The check in progress, or null between checks. */
    private volatile ReceptionCheck open;
    /** The prompt last printed, repeated after a reader notice so staff see where they are. */
    private volatile String shown = "";
    private volatile boolean atMenu;

    /** @param console where the PIN is read without echo; null reads it as a line (tests, pipes) */
    public TerminalDesk(Station station, BufferedReader in, PrintWriter out, Console console) {
        this.station = station;
        this.in = in;
        this.out = out;
        this.console = console;
    }

    /** Runs until {@code q} or the end of input. */
    public void run() throws IOException, InterruptedException {
        try (ReaderMonitor monitor = station.hasReader() ? station.readerMonitor() : null) {
            if (monitor != null) {
                monitor.start(Duration.ofMillis(250), this::readerEvent);
            }
            header();
            while (true) {
                menu();
                String line = readLine();
                atMenu = false;
                if (line == null || key(line).equals("q")) {
                    say(StaffText.deskClosing());
                    return;
                }
                if (QrPayload.isOurs(line.strip())) {
                    // a keyboard-wedge QR reader typed a document at the menu: a documents check with it
                    DeskEvent e = documentsEvent(line.strip());
                    if (e != null) {
                        drive(new ReceptionCheck(station.context()), e);
                    }
                    continue;
                }
                switch (key(line)) {
                    case "" -> check(CheckMode.PIN, null);
                    case "v" -> {
                        String staff = staffId(StaffText.visualStaffPrompt());
                        if (staff != null) {
                            check(CheckMode.VISUAL, staff);
                        }
                    }
                    case "d" -> {
                        DeskEvent e = documentsEvent(null);
                        if (e != null) {
                            drive(new ReceptionCheck(station.context()), e);
                        }
                    }
                    case "m" -> {
                        DeskEvent e = declarationEvent();
                        if (e != null) {
                            drive(new ReceptionCheck(station.context()), e);
                        }
                    }
                    case "r" -> recheck();
                    case "l" -> todaysVisits();
                    case "x" -> verify();
                    default -> refuse(line);
                }
            }
        }
    }

    /**
     * Ctrl-C: the check in progress, if any, ends as a stopped visit ({@code cancelled}) before the desk closes, so
     * a check interrupted at the PIN prompt is on record like every other (docs/DESK.md, "The terminal desk"). Waits
     * up to {@code wait} for a card or service step under way to finish; a visit already decided and waiting for
     * the record is left as it is (cancelling would lose it).
     *
     * @return the visit recorded, or null when no check was open
     */
    public Visit interrupt(Duration wait) {
        try {
            if (!working.tryLock(wait.toMillis(), TimeUnit.MILLISECONDS)) {
                return null;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
        // the lock stays held: the JVM is ending, and the keyboard's thread must not move this check on again
        ReceptionCheck check = open;
        open = null;
        if (check == null || check.prompt() instanceof Prompt.Done || check.prompt() instanceof Prompt.AwaitingRecord) {
            return null;
        }
        try {
            Prompt p = check.handle(new DeskEvent.Cancel());
            if (p instanceof Prompt.Done done) {
                synchronized (out) {
                    out.println();
                    out.println(StaffText.interrupted(done.visit().visitId()));
                    out.flush();
                }
                return done.visit();
            }
        } catch (RuntimeException e) {
            // the record is closing or gone: nothing more can be kept on the way out, but the log keeps why
            OperationsLog.unexpected("desk", "中断した受付を記録できませんでした", e);
        }
        return null;
    }

    // --- the screen ----------------------------------------------------------------------------------

    private void header() {
        say(StaffText.deskHeader(station.setup().terminal()));
        if (station.simulated()) {
            say(StaffText.practiceBanner());
        }
        if (station.hasService()) {
            station.client().health(); // what the status line says is what the service answered, not a guess
        }
    }

    /** What every screen shows in simulation (docs/CLINIC.md). */
    public static final String MODE_LABEL = StaffText.practiceMode();

    private void menu() {
        out.println();
        out.println(statusLine());
        for (String line : MENU) {
            out.println(line);
        }
        atMenu = true;
        prompt("> ");
    }

    /** The menu, each line short enough for an 80-column terminal (CJK characters are two columns). */
    static final List<String> MENU = StaffText.deskMenu();

    /** The reader and the service as they are now: the breaker and the last answer, the mock labelled 模擬. */
    String statusLine() {
        String reader = StaffText.readerStatus(station.hasReader());
        if (!station.hasService()) {
            return StaffText.statusLine(reader, StaffText.noServiceStatus());
        }
        return StaffText.statusLine(reader, StaffText.serviceStatus(station.client().state(), station.client().lastCallAnswered(),
                station.client().lastFailure(), station.client().base().toString(), station.inProcessService() != null));
    }

    void readerEvent(ReaderEvent e) {
        String text = StaffText.readerEvent(e, atMenu);
        synchronized (out) {
            out.println();
            out.println(StaffText.notice(text));
            out.print(shown); // the prompt again: staff see what is being asked
            out.flush();
        }
    }

    // --- one check -------------------------------------------------------------------------------

    private void check(CheckMode mode, String staff) throws IOException {
        ReceptionCheck check = new ReceptionCheck(station.context(step -> say("  … " + StaffText.step(step))));
        drive(check, new DeskEvent.CardPresented(mode, staff));
    }

    private Prompt handle(ReceptionCheck check, DeskEvent e) {
        working.lock();
        try {
            return check.handle(e);
        } finally {
            working.unlock();
        }
    }

    /** Starts the check with {@code first} and answers each prompt from the keyboard until it is recorded. */
    private void drive(ReceptionCheck check, DeskEvent first) throws IOException {
        open = check;
        Prompt p = handle(check, first);
        boolean decisionShown = false;
        while (!(p instanceof Prompt.Done)) {
            if (p.reason() != null) {
                say(StaffText.reasonLine(p.reason()) + serviceDetail(p));
            }
            DeskEvent next;
            if (p instanceof Prompt.AwaitingPin pin) {
                StaffText.lines(pin.warnings()).forEach(this::say);
                next = pinOrChoice(pin.triesLeft());
            } else if (p instanceof Prompt.AwaitingVisual) {
                next = visualOrChoice();
            } else if (p instanceof Prompt.AwaitingConsent consent) {
                StaffText.lines(consent.warnings()).forEach(this::say);
                next = consent(consent);
            } else if (p instanceof Prompt.AwaitingDocuments) {
                next = documentsOrEnd();
            } else if (p instanceof Prompt.AwaitingDeclaration) {
                say(StaffText.declarationNeeded());
                next = declarationOrEnd();
            } else if (p instanceof Prompt.AwaitingRecord waiting) {
                if (!decisionShown) {
                    // staff can go on with the patient: the check is decided, only the record is missing
                    VisitText.decision(out, waiting.visit());
                    decisionShown = true;
                }
                say(waiting.problem());
                if (readLine(StaffText.recordAgainKey()) == null) {
                    // the keyboard is gone: end as the store failure it is, the check's outcome on screen above
                    open = null;
                    throw new StoreException(waiting.kind(), waiting.problem(), null);
                }
                next = new DeskEvent.RecordAgain();
            } else if (p instanceof Prompt.AwaitingStart) {
                next = new DeskEvent.Cancel(); // the first event did not start it: nothing to go on with
            } else {
                throw new IllegalStateException("prompt not handled: " + p);
            }
            p = handle(check, next);
        }
        open = null;
        VisitText.print(out, ((Prompt.Done) p).visit());
    }

    /** Where the desk tried to reach the service, when it could not (an outage and a wrong --service look alike). */
    private String serviceDetail(Prompt p) {
        if (p.reason().code() != ReasonCode.SERVICE_OFFLINE || !station.hasService()) {
            return "";
        }
        return StaffText.sentence(StaffText.serviceFailure(station.client().lastFailure(), station.client().base().toString()));
    }

    private DeskEvent pinOrChoice(int triesLeft) throws IOException {
        say(StaffText.pinPromptAtDesk(triesLeft));
        say(StaffText.pinStaffKeys());
        while (true) {
            char[] typed = readSecret();
            if (typed == null) {
                return new DeskEvent.Decline();
            }
            PinInput.halfWidth(typed);
            String choice = typed.length == 1 ? key(String.valueOf(typed[0])) : null;
            if (typed.length == 0) {
                say(StaffText.pinStillAsked());
                continue;
            }
            if (choice != null && choice.matches("[vdc]")) {
                Arrays.fill(typed, '\0');
                switch (choice) {
                    case "v" -> {
                        String staff = staffId(StaffText.visualStaffPrompt());
                        if (staff != null) {
                            return new DeskEvent.VisualConfirmed(staff);
                        }
                    }
                    case "d" -> {
                        DeskEvent e = documentsEvent(null);
                        if (e != null) {
                            return e;
                        }
                    }
                    default -> {
                        return new DeskEvent.Decline();
                    }
                }
                say(StaffText.pinPromptAtDesk(triesLeft));
                continue;
            }
            return new DeskEvent.PinEntered(typed);
        }
    }

    /** The PIN without echo on a real terminal; never kept as a String. */
    private char[] readSecret() throws IOException {
        if (console != null) {
            shown = StaffText.pinField();
            return console.readPassword(StaffText.pinField());
        }
        prompt(StaffText.pinField());
        List<Character> chars = new ArrayList<>();
        int c;
        while ((c = in.read()) != -1 && c != '\n') {
            if (c != '\r') {
                chars.add((char) c);
            }
        }
        char[] pin = new char[chars.size()];
        for (int i = 0; i < pin.length; i++) {
            pin[i] = chars.get(i);
        }
        chars.clear();
        return c == -1 && pin.length == 0 ? null : pin;
    }

    private DeskEvent visualOrChoice() throws IOException {
        while (true) {
            String line = readLine(StaffText.visualStaffPromptAtVisual());
            if (line == null || key(line).equals("c")) {
                return new DeskEvent.Decline();
            }
            if (key(line).equals("d")) {
                DeskEvent e = documentsEvent(null);
                if (e != null) {
                    return e;
                }
                continue;
            }
            if (line.isBlank()) {
                say(StaffText.required(StaffText.staffIdLabel()));
            } else if (PinInput.looksLikePin(line)) {
                say(StaffText.pinNotHere());
            } else {
                return new DeskEvent.VisualConfirmed(line.strip());
            }
        }
    }

    /** Who compared the face: asked until given; null when staff went back ({@code c}) or the keyboard is gone. */
    private String staffId(String label) throws IOException {
        while (true) {
            String line = readLine(label);
            if (line == null || key(line).equals(LEAVE)) {
                return null;
            }
            if (line.isBlank()) {
                say(StaffText.required(StaffText.staffIdLabel()));
            } else if (PinInput.looksLikePin(line)) {
                say(StaffText.pinNotHere());
            } else if (!station.mayConfirmVisually(line.strip())) {
                say(StaffText.notVisualStaff());
            } else {
                return line.strip();
            }
        }
    }

    private DeskEvent consent(Prompt.AwaitingConsent prompt) throws IOException {
        if (prompt.reason() != null) {
            say(StaffText.consentWarning(prompt.reason().code()));
        }
        say(StaffText.consentIntro());
        Map<SharingCategory, Boolean> answers = new EnumMap<>(SharingCategory.class);
        for (SharingCategory c : SharingCategory.values()) {
            Boolean yes = yesNo(StaffText.consentQuestion(c, station.setup().institution()) + " [y/n]");
            if (yes == null) {
                return new DeskEvent.Decline();
            }
            answers.put(c, yes);
        }
        Boolean subsidy = null;
        if (prompt.asksSubsidy()) {
            say(StaffText.subsidyOffered(prompt.subsidies()));
            subsidy = yesNo(StaffText.subsidyQuestion() + " [y/n]"); // asked until answered, never guessed
            if (subsidy == null) {
                return new DeskEvent.Decline();
            }
        }
        return new DeskEvent.ConsentAnswered(answers, subsidy);
    }

    /** A yes/no question, asked until answered; null when the keyboard is gone. */
    private Boolean yesNo(String label) throws IOException {
        while (true) {
            String line = readLine(label);
            if (line == null) {
                return null;
            }
            Optional<Boolean> a = ConsentAnswer.parse(line);
            if (a.isPresent()) {
                return a.get();
            }
            say(PinInput.looksLikePin(line) ? StaffText.pinNotHere() : ConsentAnswer.askAgain());
        }
    }

    private DeskEvent documentsOrEnd() throws IOException {
        while (true) {
            String line = readLine(StaffText.documentsKeys());
            if (line == null) {
                return new DeskEvent.Decline();
            }
            DeskEvent e = null;
            if (QrPayload.isOurs(line.strip())) {
                e = documentsEvent(line.strip());
            } else {
                switch (key(line)) {
                    case "d" -> e = documentsEvent(null);
                    case "m" -> e = declarationEvent();
                    case "c" -> {
                        return new DeskEvent.Decline();
                    }
                    default -> refuse(line);
                }
            }
            if (e != null) {
                return e;
            }
        }
    }

    private DeskEvent declarationOrEnd() throws IOException {
        while (true) {
            String line = readLine(StaffText.declarationKeys());
            if (line == null) {
                return new DeskEvent.Cancel();
            }
            switch (key(line)) {
                case "m" -> {
                    DeskEvent e = declarationEvent();
                    if (e != null) {
                        return e;
                    }
                }
                case "c" -> {
                    return new DeskEvent.Decline();
                }
                default -> refuse(line);
            }
        }
    }

    // --- documents and declaration --------------------------------------------------------------

    /**
     * A document typed or scanned, checked field by field ({@link DocumentForm}) and shown before it is used; then
     * the address and the oral 限度額 consent. Null when staff went back: nothing is sent to the check.
     *
     * @param wedged a QR payload a keyboard-wedge reader already typed at the prompt, or null
     */
    private DeskEvent documentsEvent(String wedged) throws IOException {
        PresentedDocument doc = null;
        String pending = wedged;
        while (doc == null) {
            String line = pending != null ? pending
                    : readLine(StaffText.documentEntryKeys());
            pending = null;
            if (line == null) {
                return null;
            }
            if (QrPayload.isOurs(line.strip())) {
                doc = scannedAndShown(decode(line.strip()));
                continue;
            }
            switch (key(line)) {
                case "t" -> doc = typed();
                case "s" -> doc = scannedAndShown(scanned());
                case "c" -> {
                    return null;
                }
                default -> refuse(line);
            }
        }
        String address = readLine(StaffText.addressPrompt());
        if (address == null) {
            return null;
        }
        Boolean limit = yesNo(StaffText.limitConsentPrompt());
        if (limit == null) {
            return null;
        }
        return DocumentForm.presented(doc, address, limit);
    }

    /** A scanned document on screen, its problems listed; used only when staff say it is right. */
    private PresentedDocument scannedAndShown(PresentedDocument doc) throws IOException {
        if (doc == null) {
            return null;
        }
        say(StaffText.scannedHeading());
        VisitText.document(out, doc);
        DocumentForm.Result checked = DocumentForm.check(doc);
        if (!checked.ok()) {
            problems(checked.problems(), DocumentForm::label);
            say(StaffText.scannedNotUsable());
            return null;
        }
        Boolean use = yesNo(StaffText.useScannedPrompt());
        return Boolean.TRUE.equals(use) ? doc : null;
    }

    private PresentedDocument decode(String payload) {
        try {
            return QrPayload.decode(payload);
        } catch (DocumentInputException e) {
            say(e.getMessage());
            return null;
        }
    }

    private PresentedDocument scanned() throws IOException {
        while (true) {
            String line = readLine(StaffText.scanPrompt());
            if (line == null || line.isBlank()) {
                return null;
            }
            if (QrPayload.isOurs(line.strip())) {
                return decode(line.strip());
            }
            try {
                return DocumentScanner.scan(Path.of(line.strip()));
            } catch (DocumentInputException | java.nio.file.InvalidPathException e) {
                say(e instanceof DocumentInputException ? e.getMessage() : StaffText.notAPath(line.strip()));
            }
        }
    }

    /** The document typed field by field, each checked as it is typed; null when staff leave ({@code c}). */
    private PresentedDocument typed() throws IOException {
        DocumentKind kind = null;
        while (kind == null) {
            String line = readLine(StaffText.documentKindKeys());
            if (line == null || key(line).equals(LEAVE)) {
                return null;
            }
            switch (key(line)) {
                case "1" -> kind = DocumentKind.SHIKAKU_KAKUNINSHO;
                case "2" -> kind = DocumentKind.SHIKAKU_JOHO_OSHIRASE;
                default -> refuse(line);
            }
        }
        say(StaffText.formCancelHint());
        DocumentKind k = kind;
        Map<String, String> typed = new LinkedHashMap<>();
        List<String> ask = List.of("insurerNumber", "symbol", "number", "branch", "name", "birthDate", "sex", "issuedOn", "validUntil");
        for (String f : ask) {
            String v = formField(documentLabel(k, f), text -> DocumentForm.field(k, f, text), DocumentForm::label);
            if (v == null) {
                return null;
            }
            typed.put(f, v);
        }
        while (true) {
            DocumentForm.Result r = DocumentForm.check(k, typed);
            if (r.ok()) {
                return r.document();
            }
            problems(r.problems(), DocumentForm::label);
            for (FieldProblem p : r.problems()) {
                String v = formField(documentLabel(k, p.field()), text -> DocumentForm.field(k, p.field(), text), DocumentForm::label);
                if (v == null) {
                    return null;
                }
                typed.put(p.field(), v);
            }
        }
    }

    private static String documentLabel(DocumentKind kind, String field) {
        return StaffText.documentFieldPrompt(DocumentForm.label(field), field, DocumentForm.required(kind, field));
    }

    /**
     * One field, asked until it checks out; the check's sentence right after a wrong answer. Returns what was typed
     * (the form normalises it), null when staff leave the form.
     */
    private String formField(String label, java.util.function.Function<String, Optional<FieldProblem>> check,
                             java.util.function.Function<String, String> labels) throws IOException {
        while (true) {
            String line = readLine(label);
            if (line == null || key(line).equals(LEAVE)) {
                return null;
            }
            Optional<FieldProblem> p = check.apply(line);
            if (p.isEmpty()) {
                return line;
            }
            say("  → " + p.get().message());
        }
    }

    private void problems(List<FieldProblem> problems, java.util.function.Function<String, String> labels) {
        say(StaffText.enterAgain());
        for (FieldProblem p : problems) {
            String label;
            try {
                label = labels.apply(p.field());
            } catch (IllegalArgumentException e) {
                label = p.field();
            }
            say("  " + label + ": " + p.message());
        }
    }

    /** The 被保険者資格申立書, field by field ({@link DeclarationForm}); null when staff leave the form. */
    private DeskEvent declarationEvent() throws IOException {
        say(StaffText.declarationIntro());
        Map<String, String> typed = new LinkedHashMap<>();
        for (String f : List.of("name", "sex", "birthDate", "address", "contact", "statedInsurance", "insurerNumber")) {
            String v = formField(declarationLabel(f), text -> DeclarationForm.field(f, text), DeclarationForm::label);
            if (v == null) {
                return null;
            }
            typed.put(f, v);
        }
        if (!typed.get("insurerNumber").isBlank()) {
            for (String f : List.of("symbol", "number", "branch")) {
                String v = formField(declarationLabel(f), text -> DeclarationForm.field(f, text), DeclarationForm::label);
                if (v == null) {
                    return null;
                }
                typed.put(f, v);
            }
        }
        while (true) {
            DeclarationForm.Result r = DeclarationForm.check(typed);
            if (r.ok()) {
                return r.declaration();
            }
            problems(r.problems(), DeclarationForm::label);
            for (FieldProblem p : r.problems()) {
                String v = formField(declarationLabel(p.field()), text -> DeclarationForm.field(p.field(), text), DeclarationForm::label);
                if (v == null) {
                    return null;
                }
                typed.put(p.field(), v);
            }
        }
    }

    private static String declarationLabel(String field) {
        return StaffText.declarationFieldPrompt(DeclarationForm.label(field), field, DeclarationForm.required(field));
    }

    // --- the day ----------------------------------------------------------------------------------

    private void recheck() {
        try {
            RecheckRun run = RecheckRunner.of(station.context()).run(n -> {
                SafeText.carriageReturn(out);
                out.print(StaffText.recheckProgress(n));
                out.flush();
            });
            out.println();
            say(StaffText.recheckCount(run.findings().size()));
            for (RecheckFinding f : run.findings()) {
                say("  " + StaffText.findingLine(f, station.store().visit(f.visitId()).orElse(null)));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void todaysVisits() {
        List<Visit> visits = station.store().visits(today());
        for (Visit v : visits) {
            say(VisitText.row(v));
        }
        say(StaffText.todaysCount(visits.size()));
    }

    private LocalDate today() {
        return LocalDate.now(station.setup().clock().withZone(ZoneId.of("Asia/Tokyo")));
    }

    private void verify() {
        IntegrityReport r = station.store().verify();
        say(StaffText.integrity(r));
    }

    // --- input and output ---------------------------------------------------------------------------

    /** A key as typed: full-width letters and digits (IME on) and case do not matter. */
    static String key(String line) {
        return DocumentEntry.normalise(line).toLowerCase(Locale.ROOT);
    }

    /** A key the prompt does not offer: said so, never taken as a choice; a PIN typed ahead is named as such. */
    private void refuse(String line) {
        say(PinInput.looksLikePin(line) ? StaffText.pinNotHere() : StaffText.unknownKey());
    }

    private String readLine(String label) throws IOException {
        prompt(label + ": ");
        return readLine();
    }

    private String readLine() throws IOException {
        return in.readLine();
    }

    private void prompt(String text) {
        synchronized (out) {
            shown = text;
            out.print(text);
            out.flush();
        }
    }

    private void say(String line) {
        synchronized (out) {
            out.println(line);
            out.flush();
        }
    }
}
