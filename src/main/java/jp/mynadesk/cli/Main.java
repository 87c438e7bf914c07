package jp.mynadesk.cli;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.ResourceBundle;
import java.util.function.Function;
import jp.mynadesk.text.SafeText;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
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
     * the root's help and usage errors list the others by {@link #listed placeholders} (start-up time, issue 23).
     * A method, not a constant: the class literals would load every command class when Main starts, which a one-shot
     * command does not need.
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
        if (oneShot(args) == CheckCommand.class) {
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
        return run(args, rawOut, rawErr, Main::commandLine);
    }

    /**
     * {@link #run(String[], PrintWriter, PrintWriter)} on the command tree {@code tree} builds for the arguments (tests
     * pass {@code a -> commandLine()}, the full tree, to compare what the root prints with its placeholders).
     */
    static int run(String[] args, PrintWriter rawOut, PrintWriter rawErr, Function<String[], CommandLine> tree) {
        PrintWriter out = SafeText.writer(rawOut);
        PrintWriter err = SafeText.writer(rawErr);
        RunLog.begin(args);
        int code = ExitCode.UNEXPECTED.status;
        try {
            code = runWithPicocli(tree.apply(args), args, out, err);
            return code;
        } finally {
            RunLog.end(code);
        }
    }

    /** Runs a command line through Picocli: every command, help and usage error. */
    static int runWithPicocli(CommandLine cli, String[] args, PrintWriter out, PrintWriter err) {
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

    /**
     * The subcommands built for real (Picocli reflects each one's whole tree): the one the first argument names; none
     * for a bare version request; at the root ({@code --help}, no argument, a usage error, {@code help X Y}) those named
     * anywhere on the command line, so {@code help docs check} walks the real {@code docs}, or all of them when an
     * {@code @file} may name one. Picocli still parses every argument: this only picks what to build.
     */
    static List<Class<?>> commandsFor(String[] args) {
        if (args.length == 1 && (args[0].equals("-V") || args[0].equals("--version"))) {
            return List.of();
        }
        Class<?> oneShot = oneShot(args);
        if (oneShot != null) {
            return List.of(oneShot);
        }
        List<String> words = List.of(args);
        if (words.stream().anyMatch(a -> a.startsWith("@"))) {
            return commands();
        }
        List<Class<?>> all = commands();
        List<Class<?>> named = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            if (words.contains(NAMES.get(i))) {
                named.add(all.get(i));
            }
        }
        return named;
    }

    /**
     * The subcommands the root lists by a placeholder ({@link #listed}): at the root, every one not built for real. No
     * argument names a placeholder (see {@link #commandsFor}), so Picocli never parses into one or runs one; it only
     * lists it, and offers its name among the suggestions for an unknown command.
     */
    static List<Class<?>> placeholdersFor(String[] args) {
        if (args.length == 1 && (args[0].equals("-V") || args[0].equals("--version")) || oneShot(args) != null) {
            return List.of();
        }
        List<Class<?>> built = commandsFor(args);
        return commands().stream().filter(c -> !built.contains(c)).toList();
    }

    /** The command the first argument names, {@code help} aside (it needs the tree it shows); else null. */
    private static Class<?> oneShot(String[] args) {
        int at = args.length == 0 ? -1 : NAMES.indexOf(args[0]);
        return at < 0 || at == NAMES.indexOf("help") ? null : commands().get(at);
    }

    /**
     * The name each of {@link #commands()} gives itself in its {@code @Command}, in the same order (MainTest holds
     * the two equal; no command has an alias). Commands are found by name here rather than by reading their
     * annotations: parsing those listed before it cost a one-shot {@code check} 30-40 ms on JDK 25 (issue 23).
     */
    static final List<String> NAMES = List.of("help", "demo", "setup", "settings", "desk", "check", "recheck", "visits",
            "db", "card", "reader", "bench", "docs", "insurer-number", "ceiling", "service", "trace", "scenario", "doctor");

    /**
     * A subcommand as the root's help lists it, from its {@code @Command} alone: name, aliases, header, description,
     * hidden and resource bundle, what Picocli's command list reads (the header's or else the description's first
     * line). Its options and subcommands are not reflected, which is most of the root help's start-up time (issue 23).
     * The help texts of HelpText.properties reach it as they reach a real one ({@link #commandLine(String[])} sets the
     * bundle after adding it), so a {@code usage.description} key there would show the same. RootHelpPlaceholderTest
     * compares the root's help and usage errors with the ones the full tree prints.
     */
    static CommandSpec listed(Class<?> command) {
        Command annotation = command.getAnnotation(Command.class);
        CommandSpec spec = CommandSpec.create().name(annotation.name()).aliases(annotation.aliases());
        spec.usageMessage().header(annotation.header()).description(annotation.description())
                .hidden(annotation.hidden());
        if (!annotation.resourceBundle().isEmpty()) {
            spec.resourceBundleBaseName(annotation.resourceBundle());
        }
        return spec;
    }

    /** The whole command tree, every subcommand built for real (tests walk it and compare the root help with it). */
    static CommandLine commandLine() {
        return commandLine(commands(), List.of());
    }

    /**
     * The commands {@code args} need, with what every command shares: Japanese help headings and option texts
     * (HelpText.properties) and the date converter for every {@link LocalDate} option. Both apply to the tree as
     * it is when they are set, so the subcommands are added first.
     */
    static CommandLine commandLine(String[] args) {
        return commandLine(commandsFor(args), placeholdersFor(args));
    }

    private static CommandLine commandLine(List<Class<?>> built, List<Class<?>> placeholders) {
        CommandLine cli = new CommandLine(new Main());
        if (built.isEmpty() && !placeholders.isEmpty()) {
            // Only placeholders: the root's scope is LOCAL. Under INHERIT Picocli gives each subcommand as it is added
            // the root's attributes and -h/-V (reflecting its help mixin again, about 1 ms a subcommand on a cold
            // JVM), which only a command that parses needs; a placeholder never parses. Picocli allows the change only
            // before the first subcommand, so with a real one (help X) the placeholders take the inheritance too.
            cli.getCommandSpec().scopeType(ScopeType.LOCAL);
        }
        for (Class<?> command : commands()) {
            if (built.contains(command)) {
                cli.addSubcommand(command);
            } else if (placeholders.contains(command)) {
                cli.addSubcommand(listed(command));
            }
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
