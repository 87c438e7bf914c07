package jp.mynadesk.screen;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import jp.mynadesk.desk.CheckMode;
import jp.mynadesk.desk.DeskEvent;
import jp.mynadesk.desk.IntegrityReport;
import jp.mynadesk.desk.Patient;
import jp.mynadesk.desk.Prompt;
import jp.mynadesk.desk.ReceptionCheck;
import jp.mynadesk.desk.RecheckFinding;
import jp.mynadesk.desk.RecheckRun;
import jp.mynadesk.desk.RecheckRunner;
import jp.mynadesk.desk.SearchNumbers;
import jp.mynadesk.desk.SharingCategory;
import jp.mynadesk.desk.StaffText;
import jp.mynadesk.desk.StoreException;
import jp.mynadesk.desk.Visit;
import jp.mynadesk.documents.DocumentInputException;
import jp.mynadesk.documents.DocumentKind;
import jp.mynadesk.documents.DocumentScanner;
import jp.mynadesk.documents.PresentedDocument;
import jp.mynadesk.documents.Sex;
import jp.mynadesk.reader.ReaderEvent;
import jp.mynadesk.reader.ReaderMonitor;
import jp.mynadesk.rules.DocumentEntry;
import jp.mynadesk.rules.FieldCheck;
import jp.mynadesk.station.Station;

/**
 * The interactive reception screen in a terminal, for a whole day: reader events live, a key per action, the
 * PIN read without echo, consent per category, documents typed (field by field, checked as typed) or scanned,
 * the 申立書, re-check and today's visits. It only drives {@link ReceptionCheck} and renders what it answers;
 * every visit is committed before the screen says 記録しました, so Ctrl-C never loses one.
 */
public final class TerminalDesk {
    private final Station station;
    private final BufferedReader in;
    private final PrintWriter out;
    private final Console console;

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
                String key = in.readLine();
                if (key == null || key.strip().equals("q")) {
                    out.println("受付を終了します。記録はすべて保存されています。");
                    return;
                }
                switch (key.strip()) {
                    case "" -> check(CheckMode.PIN, null);
                    case "v" -> {
                        String staff = staff("目視確認をした職員のID");
                        if (staff != null && !staff.isBlank()) {
                            check(CheckMode.VISUAL, staff);
                        }
                    }
                    case "d" -> documents(new ReceptionCheck(station.context()));
                    case "m" -> declaration(new ReceptionCheck(station.context()));
                    case "r" -> recheck();
                    case "l" -> today();
                    case "x" -> verify();
                    default -> out.println("そのキーは使えません。");
                }
            }
        }
    }

    private void header() {
        out.println("=== mynadesk 受付（端末 " + station.setup().terminal() + "） ===");
        if (station.simulated()) {
            out.println("★ " + MODE_LABEL + " ★ 仮想カードか模擬サービスで動いています。実際の患者さんの資格確認にはなりません。");
        }
        out.println("カードリーダー: " + (station.hasReader() ? "接続" : "なし（書類で受付）")
                + "　オンライン資格確認: " + serviceStatus(station));
    }

    /** What every screen shows in simulation (docs/CLINIC.md). */
    public static final String MODE_LABEL = "練習モード（模擬サービス）";

    /** The service as the status line says it; no service configured is not a failure (docs/CLINIC.md). */
    public static String serviceStatus(Station station) {
        if (!station.hasService()) {
            return "未接続（設定なし）";
        }
        return station.client().offline() ? "オフライン" : "接続";
    }

    /**
     * A staff id for 目視, asked until it is one the settings allow (visualStaff; any when none is listed); null at
     * the end of input, blank when staff leave it empty.
     */
    private String staff(String question) throws IOException {
        while (true) {
            String staff = ask(question);
            if (staff == null || staff.isBlank() || station.mayConfirmVisually(staff)) {
                return staff;
            }
            out.println("【この職員IDは目視確認ができる職員として設定されていません（設定 visualStaff）。】"
                    + "設定されている職員のIDを入力してください。");
        }
    }

    private void menu() {
        out.println();
        out.println("[Enter] カードで受付（暗証番号）  [v] 目視確認で受付  [d] 書類を入力・読み取り  [m] 被保険者資格申立書");
        out.println("[r] 再照会  [l] 今日の受付  [x] 記録の検査  [q] 終了");
        out.print("> ");
        out.flush();
    }

    private void readerEvent(ReaderEvent e) {
        String text = StaffText.readerEvent(e);
        synchronized (out) {
            out.println();
            out.println("〔お知らせ〕" + text);
            out.flush();
        }
    }

    // --- one check -------------------------------------------------------------------------------

    private void check(CheckMode mode, String staff) throws IOException {
        ReceptionCheck check = new ReceptionCheck(station.context(step -> {
            out.println("  … " + StaffText.step(step));
            out.flush();
        }));
        drive(check, check.handle(new DeskEvent.CardPresented(mode, staff)));
    }

    /** Answers each prompt from the keyboard until the check is recorded. */
    private void drive(ReceptionCheck check, Prompt p) throws IOException {
        boolean decisionShown = false;
        while (!(p instanceof Prompt.Done)) {
            if (p.reason() != null) {
                out.println("【" + StaffText.message(p.reason()) + "】" + p.reason().code().next());
            }
            DeskEvent next;
            if (p instanceof Prompt.AwaitingPin pin) {
                StaffText.lines(pin.warnings()).forEach(out::println);
                next = pinOrChoice(pin.triesLeft());
            } else if (p instanceof Prompt.AwaitingVisual) {
                String staff = staff("目視確認をした職員のID（空欄: 書類で受付）");
                next = staff == null ? new DeskEvent.Decline()
                        : staff.isBlank() ? documentsEvent() : new DeskEvent.VisualConfirmed(staff);
            } else if (p instanceof Prompt.AwaitingConsent consent) {
                StaffText.lines(consent.warnings()).forEach(out::println);
                next = consent();
            } else if (p instanceof Prompt.AwaitingDocuments) {
                String key = ask("[d] 書類を入力・読み取り  [m] 申立書  [Enter] ここで終える");
                next = "d".equals(key) ? documentsEvent() : "m".equals(key) ? declarationEvent() : new DeskEvent.Decline();
            } else if (p instanceof Prompt.AwaitingDeclaration) {
                out.println("使える書類がありません。被保険者資格申立書を記入していただきます。");
                next = declarationEvent();
            } else if (p instanceof Prompt.AwaitingRecord waiting) {
                if (!decisionShown) {
                    // staff can go on with the patient: the check is decided, only the record is missing
                    VisitText.decision(out, waiting.visit());
                    decisionShown = true;
                }
                out.println(waiting.problem());
                if (ask("[Enter] もう一度記録する") == null) {
                    // the keyboard is gone: end as the store failure it is, the check's outcome on screen above
                    throw new StoreException(waiting.kind(), waiting.problem(), null);
                }
                next = new DeskEvent.RecordAgain();
            } else {
                next = new DeskEvent.Cancel();
            }
            if (next == null) {
                next = new DeskEvent.Cancel();
            }
            p = check.handle(next);
        }
        VisitText.print(out, ((Prompt.Done) p).visit());
    }

    private DeskEvent pinOrChoice(int triesLeft) throws IOException {
        out.println(StaffText.pinPrompt(triesLeft) + "（患者さんが入力します。[v] 目視確認に切り替え、空欄で中止）");
        char[] typed = readSecret();
        if (typed == null || typed.length == 0) {
            return new DeskEvent.Decline();
        }
        if (typed.length == 1 && typed[0] == 'v') {
            Arrays.fill(typed, '\0');
            String staff = staff("目視確認をした職員のID");
            return staff == null || staff.isBlank() ? new DeskEvent.Decline() : new DeskEvent.VisualConfirmed(staff);
        }
        return new DeskEvent.PinEntered(typed);
    }

    /** The PIN without echo on a real terminal; never kept as a String. */
    private char[] readSecret() throws IOException {
        if (console != null) {
            return console.readPassword("暗証番号: ");
        }
        out.print("暗証番号: ");
        out.flush();
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

    private DeskEvent consent() throws IOException {
        out.println("患者さんに情報提供の同意を伺います（y: 同意する / n: 同意しない）");
        Map<SharingCategory, Boolean> answers = new EnumMap<>(SharingCategory.class);
        for (SharingCategory c : SharingCategory.values()) {
            String a = ask(StaffText.consentQuestion(c) + " [y/n]");
            if (a == null) {
                return new DeskEvent.Decline();
            }
            answers.put(c, a.strip().equalsIgnoreCase("y"));
        }
        return new DeskEvent.ConsentAnswered(answers);
    }

    // --- documents and declaration --------------------------------------------------------------

    private void documents(ReceptionCheck check) throws IOException {
        DeskEvent e = documentsEvent();
        drive(check, check.handle(e == null ? new DeskEvent.Cancel() : e));
    }

    private void declaration(ReceptionCheck check) throws IOException {
        DeskEvent e = declarationEvent();
        drive(check, check.handle(e == null ? new DeskEvent.Cancel() : e));
    }

    private DeskEvent documentsEvent() throws IOException {
        String how = ask("[t] 手で入力  [s] QRコードの画像ファイルを読み取る");
        PresentedDocument doc = "s".equals(how) ? scanned() : typed();
        if (doc == null) {
            return null;
        }
        String address = ask("住所（再照会のために控えます。空欄可）");
        boolean limit = "y".equals(ask("限度額情報の提供に口頭で同意を得ましたか [y/n]"));
        Patient patient = new Patient(doc.name(), doc.sex() == null ? null : doc.sex().name().toLowerCase(java.util.Locale.ROOT),
                doc.birthDate() == null ? null : doc.birthDate().date().orElse(null), blankToNull(address), null);
        return new DeskEvent.DocumentsPresented(List.of(doc), limit, patient);
    }

    private PresentedDocument scanned() throws IOException {
        while (true) {
            String file = ask("画像ファイル（PNG/JPEG）のパス");
            if (file == null || file.isBlank()) {
                return null;
            }
            try {
                return DocumentScanner.scan(Path.of(file));
            } catch (DocumentInputException e) {
                out.println(e.getMessage());
            }
        }
    }

    private PresentedDocument typed() throws IOException {
        String kind = ask("書類 [1] 資格確認書  [2] 資格情報のお知らせ");
        if (kind == null) {
            return null;
        }
        PresentedDocument.Builder b = PresentedDocument.builder("2".equals(kind.strip())
                ? DocumentKind.SHIKAKU_JOHO_OSHIRASE : DocumentKind.SHIKAKU_KAKUNINSHO);
        String insurer = field("保険者番号", DocumentEntry::insurerNumber);
        if (insurer == null) {
            return null;
        }
        b.insurerNumber(insurer).symbol(field("記号（なければ空欄）", DocumentEntry::symbol))
                .number(field("番号", DocumentEntry::number)).branch(field("枝番（なければ空欄）", DocumentEntry::branch))
                .name(field("氏名", DocumentEntry::name));
        String birth = field("生年月日（2016-04-02 または 平成28年4月2日）", t -> DocumentEntry.date(t, true));
        b.birthDate(birth);
        String sex = field("性別（男/女）", DocumentEntry::sex);
        Sex.parse(sex == null ? "" : sex).ifPresent(b::sex);
        b.issuedOn(field("交付年月日（空欄可）", t -> DocumentEntry.date(t, false)));
        b.validUntil(field("有効期限（空欄可）", t -> DocumentEntry.date(t, false)));
        return b.build();
    }

    /** Asks until the field checks out; the check says what is wrong as soon as it is typed. */
    private String field(String label, Function<String, FieldCheck> check) throws IOException {
        while (true) {
            String typed = ask(label);
            if (typed == null) {
                return null;
            }
            FieldCheck verdict = check.apply(typed);
            if (verdict instanceof FieldCheck.Accepted a) {
                return a.value();
            }
            out.println(verdict instanceof FieldCheck.Rejected r ? r.message() : ((FieldCheck.Incomplete) verdict).hint());
        }
    }

    private DeskEvent declarationEvent() throws IOException {
        String name = ask("氏名");
        if (name == null) {
            return null;
        }
        String sex = ask("性別（男/女）");
        String birth = field("生年月日", t -> DocumentEntry.date(t, true));
        String address = ask("住所");
        String contact = ask("連絡先（電話番号など）");
        String stated = ask("加入している保険（分かる範囲で）");
        String insurer = ask("保険者番号（分からなければ空欄: 不詳請求）");
        SearchNumbers numbers = null;
        if (insurer != null && !insurer.isBlank()) {
            numbers = new SearchNumbers(insurer.strip(), blankToNull(ask("記号")), blankToNull(ask("番号")),
                    blankToNull(ask("枝番")), birth == null ? null : LocalDate.parse(birth));
        }
        return new DeskEvent.DeclarationGiven(new Patient(name.strip(), Sex.parse(sex == null ? "" : sex)
                .map(s -> s.name().toLowerCase(java.util.Locale.ROOT)).orElse(null),
                birth == null ? null : LocalDate.parse(birth), blankToNull(address), blankToNull(contact)),
                blankToNull(stated), numbers);
    }

    // --- the day ----------------------------------------------------------------------------------

    private void recheck() throws IOException {
        try {
            RecheckRun run = RecheckRunner.of(station.context()).run(n -> out.print("\r再照会中: " + n + " 件"));
            out.println();
            out.println("再照会: " + run.findings().size() + " 件");
            for (RecheckFinding f : run.findings()) {
                out.println("  " + f.visitId() + ": " + StaffText.finding(f.kind()));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void today() {
        List<Visit> visits = station.store().visits(LocalDate.now(station.setup().clock().withZone(java.time.ZoneId.of("Asia/Tokyo"))));
        for (Visit v : visits) {
            out.println(v.visitId() + "  " + v.asOf().toLocalTime() + "  " + StaffText.outcome(v.outcome())
                    + (v.qualification() == null || v.qualification().name() == null ? "" : "  " + v.qualification().name())
                    + "  " + StaffText.recheckState(v.recheckState()));
        }
        out.println("今日の受付: " + visits.size() + " 件");
    }

    private void verify() {
        IntegrityReport r = station.store().verify();
        out.println(StaffText.integrity(r));
    }

    private String ask(String label) throws IOException {
        out.print(label + ": ");
        out.flush();
        String line = in.readLine();
        return line == null ? null : line.strip();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
