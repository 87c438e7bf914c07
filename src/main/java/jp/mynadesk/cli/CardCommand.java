package jp.mynadesk.cli;

import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import jp.mynadesk.virtualcard.CardProfile;
import jp.mynadesk.virtualcard.CardProfiles;
import jp.mynadesk.virtualcard.EmulatedCard;
import jp.mynadesk.virtualcard.MyNumberCard;
import jp.mynadesk.virtualcard.ProfileException;
import jp.mynadesk.virtualcard.reader.ReaderProfile;
import jp.mynadesk.virtualcard.reader.ReaderProfiles;
import jp.mynadesk.virtualcard.vpcd.CardServer;
import jp.mynadesk.virtualcard.vpcd.VpcdAddress;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code mynadesk card ...}: the virtual My Number card. */
@Command(name = "card", description = "仮想マイナンバーカード",
        subcommands = {CardCommand.Profiles.class, CardCommand.ReaderProfilesList.class, CardCommand.Serve.class,
            CardCommand.Ca.class})
final class CardCommand {

    @Command(name = "profiles", description = "組み込みのカードプロファイルを一覧表示します")
    static final class Profiles implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--json", description = "JSON で出力します")
        boolean json;

        @Override
        public Integer call() {
            var out = spec.commandLine().getOut();
            if (json) {
                var list = jp.mynadesk.format.JsonText.array();
                CardProfiles.list().forEach(p -> list.addObject().put("name", p.name()).put("description", p.description()));
                out.println(list.toString());
            } else {
                for (CardProfile p : CardProfiles.list()) {
                    out.printf("%-16s %s%n", p.name(), p.description());
                }
            }
            out.flush();
            return ExitCode.OK.status;
        }
    }

    @Command(name = "reader-profiles", mixinStandardHelpOptions = true,
            description = "組み込みのカードリーダープロファイル（--reader-profile に指定できる名前）を一覧表示します")
    static final class ReaderProfilesList implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            var out = spec.commandLine().getOut();
            for (ReaderProfile p : ReaderProfiles.list()) {
                out.printf("%-16s %s (firmware-notes/%s)%n", p.name(), p.description(), p.note());
            }
            return ExitCode.OK.status;
        }
    }

    /** {@code mynadesk card serve}: the virtual card in pcscd's vpcd reader, driven from standard input. */
    @Command(name = "serve", description = {
        "仮想カードを pcscd の vpcd リーダーに差し込みます（開発用）。",
        "標準入力のコマンド: remove（抜く）, insert（差す）, profile NAME（カードを替える）, status, quit。",
        "標準入力が終わると止まります（--forever のときは終了させるまで動き続けます）。"})
    static final class Serve implements Callable<Integer> {
        @Option(names = "--profile", defaultValue = "default", description = "カードプロファイルの名前か JSON ファイル（既定: ${DEFAULT-VALUE}）")
        String profile;

        @Option(names = "--vpcd", defaultValue = "127.0.0.1:35963", description = "vpcd の待ち受け先 HOST:PORT（既定: ${DEFAULT-VALUE}）")
        String vpcd;

        @Option(names = "--reader-profile", defaultValue = ReaderProfiles.DEFAULT,
                description = "リーダーの機種ごとの癖: card reader-profiles の名前か JSON ファイル（既定: ${DEFAULT-VALUE}）")
        String readerProfile;

        @Option(names = "--forever", description = "標準入力を読まず、終了させるまで動き続けます")
        boolean forever;

        @Override
        public Integer call() {
            VpcdAddress address;
            try {
                address = VpcdAddress.parse(vpcd);
            } catch (IllegalArgumentException e) {
                throw CliException.badInput("--vpcd " + vpcd + ": vpcd の待ち受け先を HOST:PORT の形で指定してください（例: 127.0.0.1:35963、ポートは 1〜65535）。");
            }
            ReaderProfile reader = readerProfile(readerProfile);
            Reader commands = forever ? new BlockingReader() : new InputStreamReader(System.in, StandardCharsets.UTF_8);
            try {
                return new CardServer(name -> reader.overVpcd(card(name)), profile, address).run(commands, new PrintStream(System.out, true, StandardCharsets.UTF_8));
            } catch (IllegalArgumentException e) {
                throw CliException.badInput("--profile: " + e.getMessage()); // only the first card's profile throws
            }
        }

        private static ReaderProfile readerProfile(String nameOrFile) {
            try {
                return ReaderProfiles.resolve(nameOrFile);
            } catch (ProfileException e) {
                // the message names what was given and, for an unknown name, the built-in names
                throw CliException.badInput("--reader-profile: カードリーダープロファイルを読み込めません。" + e.getMessage());
            }
        }

        private static EmulatedCard card(String nameOrFile) {
            try {
                return MyNumberCard.of(CardProfiles.resolve(nameOrFile));
            } catch (ProfileException e) {
                throw new IllegalArgumentException("カードプロファイルを読み込めません。" + e.getMessage(), e);
            }
        }
    }

    /** {@code mynadesk card ca ...}: the simulator's certificate authority. */
    @Command(name = "ca", mixinStandardHelpOptions = true, description = "仮想カードを発行する模擬 CA（JPKI-SIM）",
            subcommands = CardCommand.CaExport.class)
    static final class Ca implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            spec.commandLine().usage(spec.commandLine().getErr());
            return ExitCode.BAD_INPUT.status;
        }
    }

    /**
     * {@code mynadesk card ca export --out FILE}: the simulator CA's 利用者証明用 root as PEM, for tests that configure
     * it as a trust anchor (docs/CARD.md §8.2). It is public (nothing to do with J-LIS); its key is not written.
     */
    @Command(name = "export", mixinStandardHelpOptions = true, description = {
        "模擬 CA（JPKI-SIM、J-LIS ではありません）の利用者証明用ルート証明書を PEM で書き出します。",
        "試験で信頼する CA（trust anchor）に設定するためのものです。秘密鍵は書き出しません。"})
    static final class CaExport implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--out", required = true, paramLabel = "FILE", description = "書き出す PEM ファイル（上書きします）")
        java.nio.file.Path out;

        @Override
        public Integer call() {
            String pem = pem(jp.mynadesk.pki.TestCa.standard().authRoot().certificate());
            OutputFiles.writeString("--out", out, pem);
            spec.commandLine().getErr().println("模擬 CA の利用者証明用ルート証明書を " + out + " に書き出しました。");
            return ExitCode.OK.status;
        }

        static String pem(java.security.cert.X509Certificate certificate) {
            try {
                String body = java.util.Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(certificate.getEncoded());
                return "-----BEGIN CERTIFICATE-----\n" + body + "\n-----END CERTIFICATE-----\n";
            } catch (java.security.cert.CertificateEncodingException e) {
                throw new IllegalStateException("the simulator CA cannot be encoded", e);
            }
        }
    }

    /** Standard input that never ends: {@code --forever} serves until the process is killed. */
    private static final class BlockingReader extends Reader {
        private final CountDownLatch never = new CountDownLatch(1);

        @Override
        public int read(char[] buffer, int offset, int length) throws java.io.IOException {
            try {
                never.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return -1;
        }

        @Override
        public void close() {
            never.countDown();
        }
    }
}
