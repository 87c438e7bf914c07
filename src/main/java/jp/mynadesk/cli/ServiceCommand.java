package jp.mynadesk.cli;

import java.io.IOException;
import java.net.BindException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import jp.mynadesk.oqs.server.FaultPlan;
import jp.mynadesk.oqs.server.InsuredRegistry;
import jp.mynadesk.oqs.server.OqsServer;
import jp.mynadesk.station.Station;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code mynadesk service start}: the mock オンライン資格確認 service. */
@Command(name = "service", description = "オンライン資格確認の模擬サービス",
        subcommands = {ServiceCommand.Start.class, ServiceRegistryCommand.class})
final class ServiceCommand {

    @Command(name = "start", description = "模擬サービスを起動します（Ctrl+C で停止）")
    static final class Start implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--port", defaultValue = "8080", description = "TCP ポート。0 なら空いているポートを選びます（既定: ${DEFAULT-VALUE}。desk --web の 8765 とは別）")
        int port;

        @Option(names = "--host", defaultValue = "127.0.0.1", description = "待ち受けるアドレス（既定: ${DEFAULT-VALUE}）")
        String host;

        @Option(names = "--folder", description = "req/res/face フォルダを置くフォルダ（なければ作ります）")
        Path folder;

        @Option(names = "--registry", description = "架空の被保険者: JSON、または service registry generate の行形式のファイル（既定: 組み込み）")
        Path registry;

        @Option(names = "--faults", description = "障害計画の JSON（PUT /admin/faults でも設定できます）")
        Path faults;

        @Option(names = "--as-of", paramLabel = "DATETIME", converter = AsOf.Converter.class,
                description = "サービスの時計をこの日時から進めます（2026-04-15 はその日の9時）。障害の from/until や一括照会の処理時間を試せます。既定: 今")
        AsOf asOf;

        /** The real clock; the service's own runs from --as-of on it. */
        Clock wall = Clock.systemUTC();

        @Override
        public Integer call() throws InterruptedException {
            if (port < 0 || port > 65535) {
                throw CliException.badInput("--port " + port + ": ポート番号は 0〜65535 で指定してください（0 は空いている番号）。");
            }
            Clock clock = asOf == null ? wall : Station.standingAt(wall, asOf.instant());
            OqsServer.Config config = OqsServer.Config.defaults().host(host).port(port).folder(folder).clock(clock);
            String adminToken = loopback(host) ? null : newAdminToken();
            config.adminToken(adminToken);
            if (registry != null) {
                config.registry(load("--registry", registry, () -> InsuredRegistry.load(registry)));
            }
            if (faults != null) {
                config.faults(load("--faults", faults, () -> FaultPlan.load(faults)));
            }
            OqsServer server;
            try {
                server = OqsServer.start(config);
            } catch (BindException e) {
                throw CliException.unavailable("ポート " + port + " を使用できません / cannot listen on " + host + ":" + port
                        + ": " + e.getMessage());
            } catch (IOException e) {
                throw CliException.unavailable("模擬サービスを起動できません / cannot start the service: " + e.getMessage());
            }
            var out = spec.commandLine().getOut();
            out.println("模擬オンライン資格確認サービス / mock OQS service: " + server.uri());
            out.println("port " + server.port());
            if (asOf != null) {
                out.println("時計 / clock: " + asOf.instant().atZone(AsOf.JST).toOffsetDateTime() + " から進みます / runs from there");
            }
            server.folder().ifPresent(f -> out.println("folders: req=" + f.req() + " res=" + f.res() + " face=" + f.face()));
            if (adminToken != null) {
                out.println("/admin は他の端末からはトークンが必要です / admin from other hosts needs header "
                        + OqsServer.ADMIN_TOKEN_HEADER + ": " + adminToken);
            }
            out.println("停止するには Ctrl+C / interrupt to stop");
            out.flush();
            CountDownLatch forever = new CountDownLatch(1);
            Thread hook = new Thread(server::close, "oqs-shutdown");
            Runtime.getRuntime().addShutdownHook(hook);
            try {
                forever.await();
            } catch (InterruptedException e) {
                // interrupted: stop cleanly
            } finally {
                server.close();
                try {
                    Runtime.getRuntime().removeShutdownHook(hook);
                } catch (IllegalStateException ignored) {
                    // JVM already shutting down
                }
            }
            out.println("停止しました / stopped");
            out.flush();
            return ExitCode.OK.status;
        }

        /** True when {@code host} is only reachable from this machine (fault changes need no token then). */
        private static boolean loopback(String host) {
            try {
                return java.net.InetAddress.getByName(host).isLoopbackAddress();
            } catch (java.net.UnknownHostException e) {
                return false;
            }
        }

        private static String newAdminToken() {
            byte[] b = new byte[18];
            new java.security.SecureRandom().nextBytes(b);
            return java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(b);
        }

        private interface Loader<T> {
            T load() throws IOException;
        }

        private static <T> T load(String option, Path file, Loader<T> loader) {
            if (!Files.isRegularFile(file)) {
                throw CliException.badInput(option + ": ファイル " + file + " がありません。ファイルのパスを指定してください。");
            }
            try {
                return loader.load();
            } catch (IOException e) {
                // the exception's text is English, or the path again
                throw CliException.badInput(option + ": ファイル " + file + " を読めません。読み取りの権限を確かめてください。");
            } catch (IllegalArgumentException e) {
                throw CliException.badInput(option + ": " + e.getMessage());
            }
        }
    }
}
