package jp.mynadesk.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.concurrent.CountDownLatch;
import jp.mynadesk.screen.web.WebDesk;
import jp.mynadesk.station.Station;

/** {@code desk --web}: serves the two pages until the process is stopped (Ctrl-C), then closes everything. */
final class WebScreen {
    private WebScreen() {}

    static String busy(String bind, int port) {
        return "--bind " + bind + " --port " + port
                + ": 待ち受けを始められません（ポートが使用中か、このコンピューターのアドレスではありません）。別の --port を指定してください。";
    }

    /** Whether this address and port can be listened on now (a busy port is said in Japanese, not by the server's log). */
    static boolean free(String bind, int port) {
        try (java.net.ServerSocket probe = new java.net.ServerSocket()) {
            probe.setReuseAddress(true);
            probe.bind(new java.net.InetSocketAddress(InetAddress.getByName(bind), port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    static void serve(Station station, String bind, int port, PrintWriter out) throws InterruptedException {
        try {
            InetAddress.getByName(bind);
        } catch (UnknownHostException e) {
            throw CliException.badInput("--bind " + bind + ": アドレスが分かりません。127.0.0.1 のような IP アドレスを指定してください。");
        }
        CountDownLatch stopped = new CountDownLatch(1);
        if (port != 0 && !free(bind, port)) {
            // said before the web server tries, so its own English log line ("Failed to start Javalin") never shows
            throw CliException.unavailable(busy(bind, port));
        }
        WebDesk web;
        try {
            web = WebDesk.start(station, new WebDesk.Options(bind, port));
        } catch (IOException e) {
            throw CliException.unavailable(busy(bind, port));
        }
        Thread closer = new Thread(() -> {
            web.close();
            stopped.countDown();
        }, "mynadesk-web-close");
        Runtime.getRuntime().addShutdownHook(closer);
        String host = bind.contains(":") ? "[" + bind + "]" : bind;
        // The staff page answers on this machine only; on a wildcard address it is opened as 127.0.0.1.
        String staffHost = web.pairingCode() == null ? host : "127.0.0.1";
        out.println("職員用の画面: http://" + staffHost + ":" + web.port() + "/");
        out.println("患者さん用の画面: http://" + host + ":" + web.port() + "/patient");
        jp.mynadesk.oplog.OperationsLog.info("web", "ブラウザーの受付画面を開きました: " + host + ":" + web.port()
                + (web.pairingCode() == null ? "（この PC からだけ）" : "（接続コードつきで他の PC からも）"));
        if (web.pairingCode() != null) {
            out.println("127.0.0.1 以外でも待ち受けています。患者さん用の画面では、職員用の画面に出る接続コードを入力します。");
        }
        out.println("終了するには Ctrl-C を押します。記録はすべて保存されています。");
        out.flush();
        stopped.await();
    }
}
