package jp.mynadesk.cli;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code mynadesk} command. Exit status is a contract (product.md): 0 ran to a decision, 2 bad usage
 * or input, 3 environment unavailable, 1 unexpected failure.
 */
@Command(name = "mynadesk",
        mixinStandardHelpOptions = true,
        versionProvider = Main.Version.class,
        description = "マイナ保険証の受付資格確認端末とそのシミュレーター / reception qualification-check terminal and simulator",
        subcommands = {CheckCommand.class, CardCommand.class, ReaderCommand.class, BenchCommand.class, DocsCommand.class, InsurerNumberCommand.class, CeilingCommand.class, ServiceCommand.class,
                DbCommand.class, ScenarioCommand.class})
public final class Main {
    public static final int OK = 0;
    public static final int UNEXPECTED = 1;
    public static final int BAD_INPUT = 2;
    public static final int UNAVAILABLE = 3;

    public static void main(String[] args) {
        System.exit(run(args, new PrintWriter(System.out, true, StandardCharsets.UTF_8),
                new PrintWriter(System.err, true, StandardCharsets.UTF_8)));
    }

    /** Runs a command line with the given streams (tests call this in-process). */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine cli = new CommandLine(new Main());
        cli.setOut(out);
        cli.setErr(err);
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            if (e instanceof CliException known) {
                err.println(known.getMessage());
                return known.exitCode();
            }
            err.println("予期しないエラーが起きました / unexpected failure: " + e);
            e.printStackTrace(err);
            return UNEXPECTED;
        });
        return cli.execute(args);
    }

    /** Version from the jar manifest (set by Maven), or "dev" when run from classes. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = Main.class.getPackage().getImplementationVersion();
            return new String[] {"mynadesk " + (v == null ? "dev" : v)};
        }
    }
}
