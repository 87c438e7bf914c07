package jp.mynadesk.cli;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;
import jp.mynadesk.card.ApduTrace;
import jp.mynadesk.desk.StoreException;
import jp.mynadesk.screen.TerminalDesk;
import jp.mynadesk.station.Station;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code mynadesk desk}: the interactive reception screen for staff, all day long. */
@Command(name = "desk", mixinStandardHelpOptions = true,
        description = "受付の画面（端末）を開きます。カードの読み取り、暗証番号、同意、書類、再照会を1日通して行います")
final class DeskCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    DeskOptions desk = new DeskOptions();

    @Mixin
    TraceOption trace = new TraceOption();

    @Option(names = "--web", description = "端末の画面の代わりに、ブラウザーで使う職員用（/）と患者さん用（/patient）の画面を出します")
    boolean web;

    @Option(names = "--port", paramLabel = "P", defaultValue = "8765", description = "--web の待ち受けポート（既定: ${DEFAULT-VALUE}、0 は空いている番号）")
    int port;

    @Option(names = "--bind", paramLabel = "ADDRESS", defaultValue = "127.0.0.1",
            description = "--web の待ち受けアドレス（既定: ${DEFAULT-VALUE}）。ほかのアドレスでは患者さん用の画面に接続コードが要ります")
    String bind;

    private final Clock wall;
    private final InputStream stdin;
    private final Map<String, String> env;

    DeskCommand() {
        this(Clock.systemUTC(), System.in, System.getenv());
    }

    DeskCommand(Clock wall, InputStream stdin, Map<String, String> env) {
        this.wall = wall;
        this.stdin = stdin;
        this.env = env;
    }

    @Override
    public Integer call() throws Exception {
        var out = spec.commandLine().getOut();
        if (!web && (spec.commandLine().getParseResult().hasMatchedOption("--port")
                || spec.commandLine().getParseResult().hasMatchedOption("--bind"))) {
            throw CliException.badInput("--port と --bind は --web と一緒に指定してください。");
        }
        if (port < 0 || port > 65535) {
            throw CliException.badInput("--port " + port + ": ポート番号は 0〜65535 で指定してください。");
        }
        ApduTrace apdus = trace.start(desk.virtualProfileName());
        try (Station station = desk.open(wall, env, apdus, out::println, true)) {
            // Ctrl-C ends the JVM: every decided visit is already committed; a check still open (the patient at the
            // PIN prompt) is recorded as stopped first, then the desk closes cleanly (and writes the day's trace,
            // which a developer replaying a field failure needs most then).
            AtomicBoolean ended = new AtomicBoolean();
            TerminalDesk terminal = web ? null : new TerminalDesk(station,
                    new BufferedReader(new InputStreamReader(stdin, StandardCharsets.UTF_8)), out,
                    stdin == System.in ? System.console() : null);
            Thread closer = new Thread(() -> {
                try {
                    if (terminal != null) {
                        terminal.interrupt(java.time.Duration.ofSeconds(15));
                    }
                    end(station, apdus, ended);
                } catch (CliException e) {
                    System.err.println(e.getMessage()); // the trace could not be written: say so, no stack trace
                }
            }, "mynadesk-desk-close");
            Runtime.getRuntime().addShutdownHook(closer);
            try {
                if (web) {
                    WebScreen.serve(station, bind, port, out);
                    return ExitCode.OK.status;
                }
                terminal.run();
            } finally {
                try {
                    Runtime.getRuntime().removeShutdownHook(closer);
                } catch (IllegalStateException shuttingDown) {
                    // The hook is already running.
                }
                end(station, apdus, ended);
            }
        } catch (StoreException e) {
            throw DataOptions.failure(e);
        }
        return ExitCode.OK.status;
    }

    /** Once, at the normal end or on Ctrl-C: the station closed, then the trace written. */
    private void end(Station station, ApduTrace apdus, AtomicBoolean ended) {
        if (ended.compareAndSet(false, true)) {
            station.close();
            trace.write(apdus);
        }
    }
}
