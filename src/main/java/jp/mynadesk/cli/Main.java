package jp.mynadesk.cli;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code mynadesk} command. Exit status is a contract (product.md): 0 ran to a decision, 2 bad usage
 * or input, 3 environment unavailable, 1 unexpected failure.
 */
@Command(name = "mynadesk",
        mixinStandardHelpOptions = true,
        versionProvider = Main.Version.class,
        description = "マイナ保険証の受付資格確認端末とそのシミュレーター / reception qualification-check terminal and simulator")
public final class Main {
    /**
     * Every subcommand, in the order the root help lists them. Only the one named on the command line is built
     * (Picocli reflects a command's whole tree when it is added, which a one-shot command should not pay for);
     * the root's help and usage errors build them all.
     */
    static final List<Class<?>> COMMANDS = List.of(
            DemoCommand.class,
            DeskCommand.class,
            CheckCommand.class,
            RecheckCommand.class,
            VisitsCommand.class,
            DbCommand.class,
            CardCommand.class,
            ReaderCommand.class,
            BenchCommand.class,
            DocsCommand.class,
            InsurerNumberCommand.class,
            CeilingCommand.class,
            ServiceCommand.class,
            TraceCommand.class,
            ScenarioCommand.class);

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
        for (Class<?> command : commandsFor(args)) {
            cli.addSubcommand(command);
        }
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

    /** The subcommand the first argument names; none for a bare version request; otherwise all of them. */
    static List<Class<?>> commandsFor(String[] args) {
        if (args.length == 1 && (args[0].equals("-V") || args[0].equals("--version"))) {
            return List.of();
        }
        if (args.length > 0) {
            for (Class<?> command : COMMANDS) {
                if (nameOf(command).equals(args[0])) {
                    return List.of(command);
                }
            }
        }
        return COMMANDS;
    }

    private static String nameOf(Class<?> command) {
        return command.getAnnotation(Command.class).name();
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
