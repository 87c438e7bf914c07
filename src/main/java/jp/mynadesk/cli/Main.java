package jp.mynadesk.cli;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.ResourceBundle;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.ScopeType;

/**
 * The {@code mynadesk} command. Exit status is a contract (product.md): 0 ran to a decision, 2 bad usage
 * or input, 3 environment unavailable, 1 unexpected failure.
 */
@Command(name = "mynadesk",
        mixinStandardHelpOptions = true,
        scope = ScopeType.INHERIT, // -h/--help (and -V) on every subcommand, present and future
        versionProvider = Main.Version.class,
        description = "マイナ保険証の受付資格確認端末とそのシミュレーター",
        subcommands = {HelpCommand.class, DemoCommand.class, CardCommand.class, ReaderCommand.class, BenchCommand.class, DocsCommand.class, InsurerNumberCommand.class, CeilingCommand.class, ServiceCommand.class})
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
        CommandLine cli = commandLine();
        cli.setOut(out);
        cli.setErr(err);
        ErrorReport report = new ErrorReport(List.of(args), out, err);
        cli.setParameterExceptionHandler((e, a) -> report.fail(BAD_INPUT, UsageErrors.message(e)));
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            if (e instanceof CliException known) {
                return report.fail(known.exitCode(), known.getMessage());
            }
            if (e instanceof CommandLine.ParameterException p) {
                return report.fail(BAD_INPUT, UsageErrors.message(p));
            }
            if (System.getenv("MYNADESK_DEBUG") != null) {
                e.printStackTrace(err);
            }
            return report.fail(UNEXPECTED, "予期しないエラーが起きました。もう一度試し、続くときは環境変数 MYNADESK_DEBUG=1 を付けて"
                    + "実行した出力を開発者に送ってください。");
        });
        return cli.execute(args);
    }

    /**
     * The whole command tree with what every command shares: Japanese help headings and option texts
     * (HelpText.properties), the date converter for every {@link LocalDate} option. Tests walk this tree.
     */
    static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new Main());
        cli.setResourceBundle(ResourceBundle.getBundle("jp.mynadesk.cli.HelpText"));
        cli.registerConverter(LocalDate.class, new JapaneseDateConverter());
        return cli;
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
