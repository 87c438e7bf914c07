package jp.mynadesk.cli;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.ResourceBundle;
import jp.mynadesk.text.SafeText;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.ScopeType;

/**
 * The {@code mynadesk} command. Exit status is a contract (README.md, "Exit status"), one {@link ExitCode}.
 */
@Command(name = "mynadesk",
        mixinStandardHelpOptions = true,
        scope = ScopeType.INHERIT, // -h/--help (and -V) on every subcommand, present and future
        versionProvider = Main.Version.class,
        description = "マイナ保険証の受付資格確認端末とそのシミュレーター")
public final class Main {
    /**
     * Every subcommand, in the order the root help lists them. Only the one named on the command line is built
     * (Picocli reflects a command's whole tree when it is added, which a one-shot command should not pay for);
     * the root's help and usage errors build them all. A method, not a constant: the class literals would load every
     * command class when Main starts, which a one-shot command does not need.
     */
    static List<Class<?>> commands() {
        return List.of(
                HelpCommand.class,
                DemoCommand.class,
                SetupCommand.class,
                SettingsCommand.class,
                DeskCommand.class,
                CheckCommand.class,
                RecheckCommand.class,
                VisitsCommand.class,
                DbCommand.class,
                CardCommand.class,
                ReaderCommand.class,
                BenchCommands.command(),
                DocsCommand.class,
                InsurerNumberCommand.class,
                CeilingCommand.class,
                ServiceCommand.class,
                TraceCommand.class,
                ScenarioCommand.class,
                DoctorCommand.class);
    }

    public static void main(String[] args) {
        if (commandsFor(args).equals(List.of(CheckCommand.class))) {
            jp.mynadesk.station.Warmup.start(); // on the second core while Picocli reads the command line
        }
        System.exit(run(args, new PrintWriter(System.out, true, StandardCharsets.UTF_8),
                new PrintWriter(System.err, true, StandardCharsets.UTF_8)));
    }

    /**
     * Runs a command line with the given streams (tests call this in-process). Everything printed goes through
     * {@link SafeText#writer}: a control or bidi character from a name, a trace or a file name is shown as its code.
     */
    public static int run(String[] args, PrintWriter rawOut, PrintWriter rawErr) {
        PrintWriter out = SafeText.writer(rawOut);
        PrintWriter err = SafeText.writer(rawErr);
        RunLog.begin(args);
        int code = ExitCode.UNEXPECTED.status;
        try {
            code = runWithPicocli(args, out, err);
            return code;
        } finally {
            RunLog.end(code);
        }
    }

    /** Runs a command line through Picocli: every command, help and usage error. */
    static int runWithPicocli(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine cli = commandLine(args);
        cli.setOut(out);
        cli.setErr(err);
        ErrorReport report = new ErrorReport(List.of(args), out, err);
        cli.setParameterExceptionHandler((e, a) -> report.fail(ExitCode.BAD_INPUT, UsageErrors.message(e)));
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> failure(e, report, err));
        return cli.execute(args);
    }

    /** A command failed: its own message for a {@link CliException}, never a stack trace unless MYNADESK_DEBUG is set. */
    static int failure(Exception e, ErrorReport report, PrintWriter err) {
        if (e instanceof CliException known) {
            RunLog.refused(known.exitCode().status, known.getMessage());
            return report.fail(known.exitCode(), known.getMessage());
        }
        if (e instanceof CommandLine.ParameterException p) {
            return report.fail(ExitCode.BAD_INPUT, UsageErrors.message(p));
        }
        if (System.getenv("MYNADESK_DEBUG") != null) {
            e.printStackTrace(err);
        }
        String log = RunLog.unexpected(e, System.getenv());
        return report.fail(ExitCode.UNEXPECTED, "予期しないエラーが起きました。もう一度試し、続くときはシステム担当者に連絡してください。"
                + (log.isEmpty() ? "（環境変数 MYNADESK_DEBUG=1 を付けて実行すると詳しい内容が表示されます）" : log));
    }

    /** The subcommand the first argument names; none for a bare version request; otherwise all of them. */
    static List<Class<?>> commandsFor(String[] args) {
        if (args.length == 1 && (args[0].equals("-V") || args[0].equals("--version"))) {
            return List.of();
        }
        if (args.length > 0) {
            for (Class<?> command : commands()) {
                if (nameOf(command).equals(args[0]) && command != HelpCommand.class) {
                    return List.of(command);
                }
            }
        }
        return commands();
    }

    private static String nameOf(Class<?> command) {
        return command.getAnnotation(Command.class).name();
    }

    /** The whole command tree (tests walk it). */
    static CommandLine commandLine() {
        return commandLine(new String[0]);
    }

    /**
     * The commands {@code args} need, with what every command shares: Japanese help headings and option texts
     * (HelpText.properties) and the date converter for every {@link LocalDate} option. Both apply to the tree as
     * it is when they are set, so the subcommands are added first.
     */
    static CommandLine commandLine(String[] args) {
        CommandLine cli = new CommandLine(new Main());
        for (Class<?> command : commandsFor(args)) {
            cli.addSubcommand(command);
        }
        cli.setResourceBundle(ResourceBundle.getBundle("jp.mynadesk.cli.HelpText"));
        cli.registerConverter(LocalDate.class, new JapaneseDateConverter());
        return cli;
    }

    /** Version from the jar manifest (set by Maven), or "dev" when run from classes. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {version()};
        }
    }

    /** "mynadesk 0.1.0". */
    static String version() {
        String v = Main.class.getPackage().getImplementationVersion();
        return "mynadesk " + (v == null ? "dev" : v);
    }
}
