package jp.mynadesk.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.Callable;
import javax.smartcardio.Card;
import javax.smartcardio.CardException;
import jp.mynadesk.card.ApduTrace;
import jp.mynadesk.card.AuthCertificate;
import jp.mynadesk.card.CardOutcome;
import jp.mynadesk.card.GetResponseTransport;
import jp.mynadesk.card.JpkiCard;
import jp.mynadesk.card.SmartcardioTransport;
import jp.mynadesk.card.TokenKind;
import jp.mynadesk.card.TracingTransport;
import jp.mynadesk.oqs.CardCheckRequest;
import jp.mynadesk.oqs.CircuitBreaker;
import jp.mynadesk.oqs.OqsClient;
import jp.mynadesk.oqs.OqsResult;
import jp.mynadesk.oqs.QualificationResponse;
import jp.mynadesk.oqs.server.FaultPlan;
import jp.mynadesk.oqs.server.OqsServer;
import jp.mynadesk.pki.CertificateValidator;
import jp.mynadesk.pki.CertificateVerdict;
import jp.mynadesk.pki.RevocationSource;
import jp.mynadesk.pki.TrustAnchors;
import jp.mynadesk.reader.CardReaders;
import jp.mynadesk.reader.ReaderException;
import jp.mynadesk.virtualcard.CardProfile;
import jp.mynadesk.virtualcard.CardProfiles;
import jp.mynadesk.virtualcard.MyNumberCard;
import jp.mynadesk.virtualcard.ProfileException;
import jp.mynadesk.virtualcard.reader.VirtualTerminals;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code mynadesk demo}: the main job on the embedded default, narrated for staff. Everything runs in this JVM:
 * the mock online service on an ephemeral loopback port, the virtual reader and card. It walks a PIN check with
 * the online qualification, an outage with a 資格確認書 fallback, the recovery and the re-check.
 */
@Command(name = "demo", description = "仮想カードリーダー・仮想カード・模擬オンライン資格確認で受付の流れを実演します")
final class DemoCommand implements Callable<Integer> {
    static final String READER_NAME = "mynadesk Virtual Reader 0";
    static final ZoneId JST = ZoneId.of("Asia/Tokyo");
    /** The demo clinic and its desk terminal, as registered in the built-in registry. */
    static final String INSTITUTION = "1311111111";
    static final String TERMINAL = "DESK-01";

    @Spec
    CommandSpec spec;

    @Option(names = "--profile", defaultValue = "default", description = "card profile name or JSON file (default: ${DEFAULT-VALUE})")
    String profileName;

    @Option(names = "--pin", description = "the PIN the patient types (default: the profile's own PIN)")
    String pin;

    @Option(names = "--as-of", description = "the date the check happens on, YYYY-MM-DD (default: today in JST)")
    LocalDate asOf;

    @Option(names = "--trace", description = "write the APDU trace (PIN data masked) to this file")
    Path traceFile;

    @Option(names = "--card-only", description = "only the card part (no online service, outage or re-check)")
    boolean cardOnly;

    private final Clock wallClock;

    DemoCommand() {
        this(Clock.system(JST));
    }

    DemoCommand(Clock wallClock) {
        this.wallClock = wallClock;
    }

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        CardProfile profile = profile();
        // A clock that ticks like the wall clock but stands on the chosen day, so timeouts and the circuit
        // breaker behave as in real life while every date rule sees --as-of.
        Clock clock = asOf == null ? wallClock
                : Clock.offset(wallClock, Duration.between(wallClock.instant(), asOf.atTime(9, 0).atZone(JST).toInstant()));
        LocalDate today = LocalDate.now(clock.withZone(JST));
        out.println("=== mynadesk デモ: マイナ保険証の受付（仮想カードリーダー・仮想カード・模擬オンライン資格確認） ===");
        out.println("カードプロファイル: " + profile.name() + "（" + profile.description() + "）／ 受付日: " + today);

        ApduTrace trace = new ApduTrace();
        try (OqsServer service = cardOnly ? null : OqsServer.start(OqsServer.Config.defaults().port(0).clock(clock));
             OqsClient client = cardOnly ? null : OqsClient.builder(service.uri()).clock(clock)
                     .requestTimeout(Duration.ofMillis(800)).maxRetries(1)
                     .breaker(new CircuitBreaker.Config(2, Duration.ofMillis(300))).build()) {
            if (client != null) {
                out.println("模擬オンライン資格確認サービスを起動しました: " + service.uri());
            }
            out.println();
            out.println("■ 1人目: マイナ保険証（暗証番号）");
            boolean identified = cardCheck(out, profile, clock, trace, client);
            if (client != null) {
                out.println();
                out.println("■ 2人目・3人目: オンライン資格確認の障害中に資格確認書で受付");
                List<DemoVisits.Provisional> provisional = DemoVisits.outage(out, service, client, today);
                out.println();
                out.println("■ 復旧後の再照会");
                DemoVisits.recovery(out, service, client, clock, today, provisional);
            }
            out.println();
            out.println(identified ? "デモを終えました。" : "デモを終えました（1人目はカードで本人確認できなかったため、上の案内に沿って受付します）。");
        } finally {
            writeTrace(out, trace);
        }
        return Main.OK;
    }

    /** The card part of a PIN check, then the online qualification when a client is given. */
    private boolean cardCheck(PrintWriter out, CardProfile profile, Clock clock, ApduTrace trace, OqsClient client)
            throws GeneralSecurityException, CardException {
        VirtualTerminals terminals = new VirtualTerminals();
        terminals.plug(READER_NAME).insert(MyNumberCard.of(profile));
        CardReaders readers = new CardReaders(terminals.factory());
        long started = System.nanoTime();
        try {
            var terminal = readers.choose(null);
            out.println("[1] カードリーダー「" + terminal.getName() + "」が見つかりました。");
            Card card = readers.connect(terminal, 1000);
            out.println("[2] カードを検出しました（ATR " + HexFormat.of().withUpperCase().formatHex(card.getATR().getBytes())
                    + "、" + card.getProtocol() + "）。");
            var transport = new TracingTransport(new GetResponseTransport(new SmartcardioTransport(card.getBasicChannel())), trace);
            boolean done = walk(out, new JpkiCard(transport), profile, clock, client);
            card.disconnect(false);
            out.printf("    （カードとのやりとり: APDU %d往復、%.1f ms）%n",
                    trace.lines().stream().filter(l -> l.startsWith(">")).count(), (System.nanoTime() - started) / 1e6);
            return done;
        } catch (ReaderException e) {
            out.println("カードリーダーを使えません: " + e.problem().message() + e.problem().nextStep());
            return false;
        }
    }

    /** The card steps in the order a reception terminal takes them; stops at the first failure with its next step. */
    private boolean walk(PrintWriter out, JpkiCard card, CardProfile profile, Clock clock, OqsClient client)
            throws GeneralSecurityException {
        LocalDate today = LocalDate.now(clock.withZone(JST));
        CardOutcome<TokenKind> token = card.open();
        if (!token.isSuccess()) {
            return stop(out, token);
        }
        out.println("[3] マイナンバーカードの公的個人認証アプリを確認しました（" + token.orElseThrow().label() + "）。");

        CardOutcome<AuthCertificate> read = card.readAuthCertificate();
        if (!read.isSuccess()) {
            return stop(out, read);
        }
        AuthCertificate authCertificate = read.orElseThrow();
        var cert = authCertificate.certificate();
        LocalDate from = cert.getNotBefore().toInstant().atZone(JST).toLocalDate();
        LocalDate to = cert.getNotAfter().toInstant().atZone(JST).toLocalDate();
        out.println("[4] 利用者証明用電子証明書を読み取りました（" + authCertificate.der().length + "バイト）。");
        out.println("      発行先: " + cert.getSubjectX500Principal().getName());
        out.println("      発行者: " + cert.getIssuerX500Principal().getName());
        out.println("      有効期間: " + from + " 〜 " + to + "（" + validity(today, to) + "）");
        // Validate before the patient types the PIN: no PIN is spent on a card that cannot be used.
        CertificateVerdict verdict = new CertificateValidator(TrustAnchors.testCa(),
                client == null ? RevocationSource.skip() : client.revocationSource(), clock).validate(cert);
        if (!verdict.usable()) {
            out.println("      証明書の検証: 使用できません（" + verdict.code() + "）");
            out.println("  → " + StaffMessages.refused(verdict));
            return false;
        }
        out.println("      証明書の検証: 発行元・有効期限" + (client == null ? "" : "・失効（サービスのCRL）") + "を確認しました。"
                + verdict.warning().map(w -> "注意: " + w).orElse(""));

        CardOutcome<Integer> tries = card.pinTriesLeft();
        if (!tries.isSuccess()) {
            return stop(out, tries);
        }
        int left = tries.orElseThrow();
        out.println("[5] 暗証番号の残り回数: " + left + "回" + (left == 1 ? "（次に間違えるとロックされます。慎重に入力していただいてください）" : ""));

        char[] typed = (pin != null ? pin : profile.authPin()).toCharArray();
        CardOutcome<Void> verified;
        try {
            out.println("      患者さんが暗証番号を入力しました: " + "*".repeat(typed.length));
            verified = card.verifyPin(typed);
        } catch (IllegalArgumentException e) {
            out.println("      暗証番号は数字4桁です。もう一度入力していただいてください（カードには送っていません）。");
            return false;
        } finally {
            Arrays.fill(typed, '\0');
        }
        if (!verified.isSuccess()) {
            return stop(out, verified);
        }
        out.println("[6] 暗証番号を照合しました。");
        if (client == null) {
            return signLocally(out, card, cert);
        }
        return DemoVisits.onlineCardCheck(out, card, authCertificate, client, today);
    }

    /** Card-only mode: sign a fixed challenge and check it with the certificate's key. */
    private static boolean signLocally(PrintWriter out, JpkiCard card, java.security.cert.X509Certificate cert)
            throws GeneralSecurityException {
        byte[] challenge = "mynadesk demo challenge".getBytes(StandardCharsets.US_ASCII);
        CardOutcome<byte[]> signed = card.signSha256(MessageDigest.getInstance("SHA-256").digest(challenge));
        if (!signed.isSuccess()) {
            return stop(out, signed);
        }
        boolean ok = DemoVisits.verifies(cert, challenge, signed.orElseThrow());
        out.println("[7] チャレンジにカードの鍵で署名しました（" + signed.orElseThrow().length + "バイト）。");
        out.println(ok ? "      署名を証明書の公開鍵で検証しました: 一致（このカードは証明書の本人の鍵を持っています）。"
                       : "      署名が証明書の公開鍵と一致しません。偽造または故障のおそれがあるカードです。資格確認書などで受付してください。");
        return ok;
    }

    private static String validity(LocalDate today, LocalDate to) {
        if (today.isAfter(to)) {
            return "期限切れ " + ChronoUnit.DAYS.between(to, today) + "日経過";
        }
        return "有効、あと" + ChronoUnit.DAYS.between(today, to) + "日";
    }

    static boolean stop(PrintWriter out, CardOutcome<?> outcome) {
        out.println("  → " + StaffMessages.of(outcome.failure()));
        return false;
    }

    private CardProfile profile() {
        try {
            return CardProfiles.resolve(profileName);
        } catch (ProfileException e) {
            throw CliException.badInput("カードプロファイルを読み込めません: " + e.getMessage());
        }
    }

    private void writeTrace(PrintWriter out, ApduTrace trace) throws IOException {
        if (traceFile != null) {
            Files.writeString(traceFile, trace.text(), StandardCharsets.UTF_8);
            out.println("APDUトレースを書き出しました（暗証番号は伏せ字）: " + traceFile);
        }
    }
}
