package jp.mynadesk.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.Signature;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Random;
import java.util.concurrent.Callable;
import javax.smartcardio.Card;
import jp.mynadesk.card.ApduTrace;
import jp.mynadesk.card.AuthCertificate;
import jp.mynadesk.card.CardOutcome;
import jp.mynadesk.card.GetResponseTransport;
import jp.mynadesk.card.JpkiCard;
import jp.mynadesk.card.SmartcardioTransport;
import jp.mynadesk.card.TokenKind;
import jp.mynadesk.card.TracingTransport;
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
 * {@code mynadesk demo}: the card part of a reception check on the built-in virtual reader and card,
 * narrated for staff. Everything runs in this JVM; nothing needs pcscd or a network.
 */
@Command(name = "demo", description = "仮想カードリーダーと仮想マイナンバーカードで受付の流れを実演します")
final class DemoCommand implements Callable<Integer> {
    static final String READER_NAME = "mynadesk Virtual Reader 0";
    static final ZoneId JST = ZoneId.of("Asia/Tokyo");

    @Spec
    CommandSpec spec;

    @Option(names = "--profile", defaultValue = "default", description = "card profile name or JSON file (default: ${DEFAULT-VALUE})")
    String profileName;

    @Option(names = "--pin", description = "the PIN the patient types (default: the profile's own PIN)")
    String pin;

    @Option(names = "--seed", defaultValue = "20241202", description = "seed for the challenge (default: ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--as-of", description = "the date the check happens on, YYYY-MM-DD (default: today in JST)")
    LocalDate asOf;

    @Option(names = "--trace", description = "write the APDU trace (PIN data masked) to this file")
    Path traceFile;

    private final Clock clock;

    DemoCommand() {
        this(Clock.system(JST));
    }

    DemoCommand(Clock clock) {
        this.clock = clock;
    }

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        CardProfile profile = profile();
        LocalDate today = asOf != null ? asOf : LocalDate.now(clock);
        out.println("=== mynadesk デモ: マイナ保険証の読み取り（仮想カードリーダー・仮想カード） ===");
        out.println("カードプロファイル: " + profile.name() + "（" + profile.description() + "）／ 受付日: " + today);

        VirtualTerminals terminals = new VirtualTerminals();
        terminals.plug(READER_NAME).insert(MyNumberCard.of(profile));
        CardReaders readers = new CardReaders(terminals.factory());
        ApduTrace trace = new ApduTrace();
        long started = System.nanoTime();
        try {
            var terminal = readers.choose(null);
            out.println("[1] カードリーダー「" + terminal.getName() + "」が見つかりました。");
            Card card = readers.connect(terminal, 1000);
            out.println("[2] カードを検出しました（ATR " + HexFormat.of().withUpperCase().formatHex(card.getATR().getBytes())
                    + "、" + card.getProtocol() + "）。");
            var transport = new TracingTransport(new GetResponseTransport(new SmartcardioTransport(card.getBasicChannel())), trace);
            boolean completed = walk(out, new JpkiCard(transport), profile, today);
            card.disconnect(false);
            long micros = (System.nanoTime() - started) / 1000;
            out.printf("%s（APDU %d往復、%.1f ms）%n", completed ? "完了: カードによる本人確認ができました。" : "終了: 上の案内に沿って受付を続けてください。",
                    trace.lines().stream().filter(l -> l.startsWith(">")).count(), micros / 1000.0);
        } catch (ReaderException e) {
            out.println("カードリーダーを使えません: " + e.problem().message() + e.problem().nextStep());
        } finally {
            writeTrace(out, trace);
        }
        return Main.OK;
    }

    /** The card steps in the order a reception terminal takes them; stops at the first failure with its next step. */
    private boolean walk(PrintWriter out, JpkiCard card, CardProfile profile, LocalDate today) throws GeneralSecurityException {
        CardOutcome<TokenKind> token = card.open();
        if (!token.isSuccess()) {
            return stop(out, token);
        }
        out.println("[3] マイナンバーカードの公的個人認証アプリを確認しました（" + token.orElseThrow().label() + "）。");

        CardOutcome<AuthCertificate> read = card.readAuthCertificate();
        if (!read.isSuccess()) {
            return stop(out, read);
        }
        var cert = read.orElseThrow().certificate();
        LocalDate from = cert.getNotBefore().toInstant().atZone(JST).toLocalDate();
        LocalDate to = cert.getNotAfter().toInstant().atZone(JST).toLocalDate();
        out.println("[4] 利用者証明用電子証明書を読み取りました（" + read.orElseThrow().der().length + "バイト）。");
        out.println("      発行先: " + cert.getSubjectX500Principal().getName());
        out.println("      発行者: " + cert.getIssuerX500Principal().getName());
        out.println("      有効期間: " + from + " 〜 " + to + "（" + validity(today, to) + "）");

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

        byte[] challenge = new byte[32];
        new Random(seed).nextBytes(challenge);
        CardOutcome<byte[]> signed = card.signSha256(MessageDigest.getInstance("SHA-256").digest(challenge));
        if (!signed.isSuccess()) {
            return stop(out, signed);
        }
        Signature verifier = Signature.getInstance("SHA256withRSA");
        verifier.initVerify(cert.getPublicKey());
        verifier.update(challenge);
        boolean ok = verifier.verify(signed.orElseThrow());
        out.println("[7] チャレンジ（32バイト）にカードの鍵で署名しました（" + signed.orElseThrow().length + "バイト）。");
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

    private static boolean stop(PrintWriter out, CardOutcome<?> outcome) {
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
