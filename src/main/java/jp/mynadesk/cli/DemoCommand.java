package jp.mynadesk.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.Callable;
import jp.mynadesk.card.ApduTrace;
import jp.mynadesk.desk.CheckMode;
import jp.mynadesk.desk.CheckScript;
import jp.mynadesk.desk.IntegrityReport;
import jp.mynadesk.desk.Patient;
import jp.mynadesk.desk.ReceptionCheck;
import jp.mynadesk.desk.RecheckFinding;
import jp.mynadesk.desk.RecheckRun;
import jp.mynadesk.desk.RecheckRunner;
import jp.mynadesk.desk.StaffText;
import jp.mynadesk.desk.StoreException;
import jp.mynadesk.desk.Visit;
import jp.mynadesk.documents.DocumentInputException;
import jp.mynadesk.documents.DocumentKind;
import jp.mynadesk.documents.DocumentRenderer;
import jp.mynadesk.documents.DocumentScanner;
import jp.mynadesk.documents.PresentedDocument;
import jp.mynadesk.documents.Sex;
import jp.mynadesk.oqs.OqsResult;
import jp.mynadesk.oqs.server.FaultPlan;
import jp.mynadesk.oqs.server.OqsServer;
import jp.mynadesk.screen.VisitText;
import jp.mynadesk.station.Station;
import jp.mynadesk.store.DataDirectory;
import jp.mynadesk.virtualcard.CardProfile;
import jp.mynadesk.virtualcard.CardProfiles;
import jp.mynadesk.virtualcard.ProfileException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code mynadesk demo}: the main job on the embedded default, narrated for staff — a script of events over the
 * same workflow and record as every other desk: a PIN check with consent; an outage during which two patients
 * are accepted on a QR-scanned 資格確認書; the recovery; the re-check; the visits recorded and {@code db verify}.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "仮想カードリーダー・仮想カード・模擬オンライン資格確認で受付の1日を実演します")
final class DemoCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--profile", defaultValue = "default", paramLabel = "NAME|FILE",
            description = "1人目のカードのプロファイル名か JSON ファイル（既定: ${DEFAULT-VALUE}）")
    String profileName;

    @Option(names = "--pin", paramLabel = "PIN", description = "非推奨: 1人目が入力する暗証番号（既定: プロファイルの暗証番号）。"
            + "コマンドラインは他の利用者から見えるため、仮想カードの試験にだけ使ってください")
    String pin;

    @Option(names = "--as-of", paramLabel = "DATETIME", converter = AsOf.Converter.class,
            description = "この日時として動きます（2026-12-01 は その日の9時）。既定: 今")
    AsOf asOf;

    @Option(names = "--data", paramLabel = "DIR", description = "記録のフォルダ（既定: 毎回新しい一時フォルダ）")
    Path data;

    @Mixin
    TraceOption trace = new TraceOption();

    private final Clock wall;

    DemoCommand() {
        this(Clock.systemUTC());
    }

    DemoCommand(Clock wall) {
        this.wall = wall;
    }

    /**
     * The card as staff read it, in Japanese from the profile's facts (its description is English, for developers):
     * whose card, the PIN tries left, the certificate's expiry, and anything unusual.
     */
    static String cardInWords(CardProfile p) {
        StringBuilder sb = new StringBuilder(p.holder() == null || p.holder().name() == null ? "" : p.holder().name() + " さんの");
        sb.append(p.token() != null && p.token().isPhone() ? "スマートフォンの電子証明書" : "マイナンバーカード");
        java.util.List<String> facts = new java.util.ArrayList<>();
        if (p.faceOnly()) {
            facts.add("顔認証マイナンバーカード（暗証番号なし）");
        } else {
            facts.add(p.authTriesLeft() == 0 ? "暗証番号はロック中" : "暗証番号の残り" + p.authTriesLeft() + "回");
        }
        if (p.certificateExpiry() != null) {
            facts.add("電子証明書の有効期限 " + p.certificateExpiry());
        }
        if (p.revoked()) {
            facts.add("電子証明書は失効");
        }
        return sb + "。" + String.join("、", facts);
    }

    @Override
    public Integer call() throws IOException, InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        CardProfile profile = profile();
        if (pin != null) {
            err.println("注意: --pin は非推奨です（コマンドラインは同じ機械の他の利用者から見えます）。仮想カードの試験にだけ使ってください。");
        }
        ApduTrace apdus = trace.start(profile.name());
        Clock clock = asOf == null ? wall : Station.standingAt(wall, asOf.instant());
        Path folder = data != null ? data : Files.createTempDirectory("mynadesk-demo");
        out.println("=== mynadesk デモ: マイナ保険証の受付（仮想カードリーダー・仮想カード・模擬オンライン資格確認） ===");
        out.println("カード: " + profile.name() + "（" + cardInWords(profile) + "）／ 受付日: " + LocalDate.now(clock.withZone(AsOf.JST)));
        out.println("記録: " + folder.toAbsolutePath());
        // The in-process service answers the recheck's batch at once: its default 2 s of "processing" showed nothing
        // in the demo's output and only made every run (and every test of it) wait.
        Station.Setup setup = new Station.Setup(profile, null, false, null,
                OqsServer.Config.defaults().batchProcessingTime(Duration.ZERO), new DataDirectory(folder, true), null,
                clock, null, null, apdus, out::println);
        try (Station station = DeskOptions.open(setup)) {
            out.println();
            out.println("■ 1人目: マイナ保険証（暗証番号）");
            char[] typed = (pin != null ? pin : profile.authPin()).toCharArray();
            Visit first = new CheckScript(CheckMode.PIN, null, typed, CheckCommand.consent("all"), List.of(), false, null, null)
                    .run(new ReceptionCheck(station.context(step -> out.println("  … " + StaffText.step(step)))));
            VisitText.print(out, first);

            out.println();
            out.println("■ 2人目・3人目: オンライン資格確認の障害中に、QRコードを読み取った資格確認書で受付");
            station.inProcessService().faults().set(FaultPlan.of(FaultPlan.Rule.status(503, 600L)));
            for (Arrival a : ARRIVALS) {
                PresentedDocument scanned = scan(a.document());
                out.println(a.document().name() + " さん: 資格確認書のQRコードを読み取りました（保険者番号 " + scanned.insurerNumber()
                        + "、記号 " + scanned.symbol() + "、番号 " + scanned.number() + "）。");
                Visit v = new CheckScript(null, null, null, null, List.of(scanned), false, a.patient(), null)
                        .run(new ReceptionCheck(station.context()));
                VisitText.print(out, v);
            }

            out.println();
            out.println("■ 復旧と再照会");
            station.inProcessService().faults().set(FaultPlan.none());
            waitForRecovery(station);
            RecheckRun run = RecheckRunner.of(station.context()).run(n -> { });
            for (RecheckFinding f : run.findings()) {
                out.println(StaffText.findingLine(f, station.store().visit(f.visitId()).orElse(null)));
            }

            out.println();
            out.println("■ 今日の受付");
            for (Visit v : station.store().visits(null)) {
                out.println(VisitText.row(v));
            }
            IntegrityReport report = station.store().verify();
            out.println(report.ok() ? "記録の検査（db verify）: 異常なし（受付 " + report.visits() + " 件、監査記録 " + report.auditEntries() + " 件）"
                    : "記録の検査（db verify）: 異常あり — " + report.firstBroken());
        } catch (StoreException e) {
            throw DataOptions.failure(e);
        } finally {
            if (trace.write(apdus)) {
                out.println("APDUトレースを書き出しました（暗証番号は伏せ字）: " + trace.file);
            }
        }
        return ExitCode.OK.status;
    }

    /** The client gives the service a few seconds before it probes again (circuit breaker); wait for that, bounded. */
    private static void waitForRecovery(Station station) throws InterruptedException {
        Instant until = Instant.now().plus(Duration.ofSeconds(15));
        while (!(station.client().health() instanceof OqsResult.Ok) && Instant.now().isBefore(until)) {
            Thread.sleep(200);
        }
    }

    /** Prints the document with its QR code and reads it back, as the desk's scanner would. */
    private static PresentedDocument scan(PresentedDocument printed) {
        try {
            return DocumentScanner.scan(DocumentRenderer.render(printed), "資格確認書");
        } catch (DocumentInputException e) {
            throw new IllegalStateException("the demo's own QR code must scan", e);
        }
    }

    private record Arrival(PresentedDocument document, Patient patient) {}

    private static final List<Arrival> ARRIVALS = List.of(
            new Arrival(kakuninsho("01130012", "全国健康保険協会東京支部", "12345678", "1", "01", "協会 さくら", "2016-04-02",
                    Sex.FEMALE), new Patient("協会 さくら", "female", LocalDate.of(2016, 4, 2), "東京都千代田区霞が関一丁目２番３号", null)),
            new Arrival(kakuninsho("06139992", "関東電機健康保険組合", "802", "7777", "00", "転職 結衣", "1998-02-28", Sex.FEMALE),
                    new Patient("転職 結衣", "female", LocalDate.of(1998, 2, 28), "東京都品川区大崎一丁目１１番１号", "03-0000-0000")));

    private static PresentedDocument kakuninsho(String insurer, String insurerName, String symbol, String number,
                                                String branch, String name, String birth, Sex sex) {
        return PresentedDocument.builder(DocumentKind.SHIKAKU_KAKUNINSHO).insurerNumber(insurer).insurerName(insurerName)
                .symbol(symbol).number(number).branch(branch).name(name).birthDate(birth).sex(sex)
                .issuedOn("2024-12-02").validUntil("2029-11-30").build();
    }

    private CardProfile profile() {
        try {
            return CardProfiles.resolve(profileName);
        } catch (ProfileException e) {
            throw CliException.badInput("--profile: カードプロファイルを読み込めません。" + e.getMessage());
        }
    }
}
