package jp.mynadesk.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The root's help, its bare run and its usage errors list the subcommands by placeholders (Main.listed, built from
 * the {@code @Command} annotation alone); what they print must be what the full tree prints, byte for byte, on both
 * streams, with the same exit code. {@code help X} still shows X's real usage.
 */
class RootHelpPlaceholderTest {
    static List<List<String>> rootCommandLines() {
        return List.of(
                List.of("--help"),
                List.of("-h"),
                List.of(),
                List.of("chek"), // an unknown command: "did you mean" check, recheck, help
                List.of("no-such-command"),
                List.of("dcos", "check"),
                List.of("chek", "--json"),
                List.of("--no-such-option"),
                List.of("-h", "check", "--json"),
                List.of("help"),
                List.of("help", "chek"),
                List.of("help", "docs", "chek"),
                List.of("help", "--no-such-option"));
    }

    @ParameterizedTest(name = "mynadesk {0}")
    @MethodSource("rootCommandLines")
    void theRootPrintsWhatTheFullTreePrints(List<String> args) {
        CliRun light = CliRun.of(args.toArray(String[]::new));
        CliRun full = fullTree(args.toArray(String[]::new));
        assertEquals(full, light);
        assertTrue(!light.out().isEmpty() || !light.err().isEmpty(), "something printed");
    }

    static List<List<String>> helpForACommand() {
        return List.of(List.of("check"), List.of("docs", "check"), List.of("db"), List.of("db", "verify"),
                List.of("service", "registry", "generate"), List.of("help"));
    }

    @ParameterizedTest(name = "mynadesk help {0}")
    @MethodSource("helpForACommand")
    void helpXShowsTheRealUsageOfX(List<String> command) {
        String[] help = Stream.concat(Stream.of("help"), command.stream()).toArray(String[]::new);
        String[] dashHelp = Stream.concat(command.stream(), Stream.of("--help")).toArray(String[]::new);
        CliRun viaHelp = CliRun.of(help);
        CliRun direct = CliRun.of(dashHelp);
        assertEquals(ExitCode.OK.status, viaHelp.exitCode(), viaHelp.err());
        assertTrue(viaHelp.out().startsWith("使い方: mynadesk " + String.join(" ", command)), viaHelp.out());
        assertEquals(direct.out(), viaHelp.out());
        assertEquals(fullTree(help), viaHelp);
    }

    /** The same command line run on the tree with every subcommand built for real. */
    private static CliRun fullTree(String[] args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true), a -> Main.commandLine());
        return new CliRun(code, out.toString(), err.toString());
    }
}
