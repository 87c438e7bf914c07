package jp.mynadesk.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import jp.mynadesk.cli.CdsTraining;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/**
 * The one-shot commands' fast path ({@link OneShot}) answers exactly as Picocli does, takes the plain lines and
 * leaves everything else to Picocli.
 */
class OneShotTest {
    @TempDir
    static Path dir;
    static String docs;

    @BeforeAll
    static void sample() throws IOException {
        docs = CdsTraining.writeDocsInput(dir).toString();
    }

    /** Lines the fast path must take: valid ones, and ones the command itself refuses (exit 2 with its message). */
    static Stream<List<String>> plain() {
        return Stream.of(
                List.of("--version"),
                List.of("-V"),
                List.of("insurer-number", "check", "01130012"),
                List.of("insurer-number", "check", "01130012", "--json"),
                List.of("insurer-number", "check", "--json", "０１１３００１２"),
                List.of("insurer-number", "check", "01130013", "--json"),
                List.of("insurer-number", "check", "12ab"),
                List.of("ceiling", "--json", "--class", "A03", "--total", "1000000", "--date", "2026-09-01"),
                List.of("ceiling", "--class=A03", "--total=1000000", "--as-of=令和8年9月1日"),
                List.of("ceiling", "--class", "A03", "--as-of", "2026-09-01", "--many", "--json"),
                List.of("ceiling", "--class", "B04", "--scope", "outpatient", "--as-of", "2026-09-01", "--json"),
                List.of("ceiling", "--ratio", "030", "--birth-date", "1950-04-01", "--as-of", "2026-09-01", "--json"),
                List.of("ceiling", "--class", "A01", "--specified-disease", "--dialysis", "--as-of", "2026-09-01"),
                List.of("ceiling", "--class", "A03", "--total", "0", "--as-of", "2026-09-01"),
                List.of("ceiling", "--class", "Z99", "--as-of", "2026-09-01", "--json"),
                List.of("ceiling", "--class", "A03", "--total", "999999999999999999", "--as-of", "2026-09-01"),
                List.of("ceiling", "--class", "A03", "--as-of", "1990-01-01"),
                List.of("ceiling", "--ratio", "030", "--as-of", "2026-09-01"),
                List.of("ceiling", "--class", "A03", "--scope", "nowhere", "--as-of", "2026-09-01"),
                List.of("docs", "check", "DOCS", "--json"),
                List.of("docs", "check", "DOCS", "--as-of", "2026-04-01"),
                List.of("docs", "check", "--as-of=令和8年4月1日", "DOCS", "--json"),
                List.of("docs", "check", "/nonexistent/docs.json", "--json"));
    }

    /** Lines the fast path must leave to Picocli: help, usage errors, forms it does not read. */
    static Stream<List<String>> declined() {
        return Stream.of(
                List.of(),
                List.of("--help"),
                List.of("--version", "--help"),
                List.of("insurer-number", "check"),
                List.of("insurer-number", "check", "1", "2"),
                List.of("insurer-number", "check", "01130012", "--help"),
                List.of("insurer-number", "check", "01130012", "--json", "--json"),
                List.of("insurer-number", "check", "01130012", "--json=true"),
                List.of("insurer-number", "check", "-5"),
                List.of("insurer-number", "check", "@args.txt"),
                List.of("ceiling", "--class"),
                List.of("ceiling", "--class", "A03", "--class", "A04", "--as-of", "2026-09-01"),
                List.of("ceiling", "--class", "A03", "--as-of", "2026-09-01", "--date", "2026-09-02"),
                List.of("ceiling", "--class", "A03", "--total", "abc", "--as-of", "2026-09-01"),
                List.of("ceiling", "--class", "A03", "--total", "007", "--as-of", "2026-09-01"),
                List.of("ceiling", "--class", "A03", "--total", "-5", "--as-of", "2026-09-01"),
                List.of("ceiling", "--class", "A03", "--total", "9999999999999999999", "--as-of", "2026-09-01"),
                List.of("ceiling", "--class", "A03", "--as-of", "2026-02-30"),
                List.of("ceiling", "--class", "A03", "--as-of", "2026-09-01", "extra"),
                List.of("ceiling", "--klass", "A03"),
                List.of("ceiling", "--", "--class", "A03"),
                List.of("docs", "check"),
                List.of("docs", "check", "DOCS", "--as-of", "きのう"),
                List.of("docs", "render", "--kind", "shikaku-kakuninsho"));
    }

    /** Check lines the fast path must take (not run here: a check records a visit; their binding is compared). */
    static Stream<List<String>> checks() {
        return Stream.of(
                List.of("check", "--json", "--virtual", "default", "--service", "http://127.0.0.1:1/", "--data", "/tmp/d"),
                List.of("check", "--virtual=one-try-left", "--as-of", "2026-12-01", "--terminal", "DESK-02", "--institution",
                        "1311111111", "--wait", "10", "--mode", "visual", "--staff", "S1", "--consent", "all", "--limit-consent"),
                List.of("check", "--reader", "ACS ACR1252", "--document", "doc.json", "--trace", "t.txt", "--db",
                        "jdbc:postgresql://h/db", "--db-password-file", "pw", "--pin-stdin", "--json"),
                List.of("check", "--as-of", "2026-12-01T09:30", "--virtual", "default", "--reader-profile", "acs-acr39u"),
                List.of("check", "--document", "doc.json", "--consent", "drug,diagnosis", "--as-of=令和8年12月1日"),
                List.of("check", "--reader", "Virtual PCD 00 00", "--config", "desk.yaml", "--trust-anchor", "authca03.cer",
                        "--service", "none"));
    }

    /** Check lines the fast path leaves to Picocli. */
    static Stream<List<String>> checksDeclined() {
        return Stream.of(
                List.of("check", "--virtual", "a", "--reader", "b"),
                List.of("check", "--virtual", "default", "--wait", "0.5"),
                List.of("check", "--virtual", "default", "--as-of", "2026-13-01"),
                List.of("check", "--document", "-", "--json"),
                List.of("check", "--virtual", "default", "--help"),
                List.of("check", "--virtual", "default", "extra"),
                List.of("check", "--reader", "r", "--trust-anchor", "a.pem", "--trust-anchor", "b.pem"));
    }

    @ParameterizedTest
    @MethodSource("checks")
    void bindsEveryOptionAsPicocliDoes(List<String> line) throws Exception {
        String[] args = args(line);
        CommandLine.ParseResult parsed = Main.commandLine(args).parseArgs(args);
        while (parsed.hasSubcommand()) {
            parsed = parsed.subcommand();
        }
        Object fast = OneShot.command(args);
        assertEquals(values(parsed.commandSpec()), values(CommandLine.Model.CommandSpec.forAnnotatedObject(fast)), String.join(" ", line));
    }

    @ParameterizedTest
    @MethodSource("checksDeclined")
    void leavesTheOtherChecksToPicocli(List<String> line) {
        assertThrows(Exception.class, () -> OneShot.command(args(line)), String.join(" ", line));
    }

    /** Every option's value as Picocli's model reads it from the command object, by option name. */
    private static java.util.Map<String, String> values(CommandLine.Model.CommandSpec spec) {
        java.util.Map<String, String> values = new java.util.TreeMap<>();
        for (OptionSpec option : spec.options()) {
            if (!option.usageHelp() && !option.versionHelp()) {
                Object value;
                try {
                    value = option.getValue();
                } catch (CommandLine.PicocliException e) {
                    value = null; // an option of an argument group that was not given
                }
                values.put(option.longestName(), String.valueOf(value));
            }
        }
        spec.positionalParameters().forEach(p -> values.put("operand " + p.index(), String.valueOf((Object) p.getValue())));
        return values;
    }

    static Stream<List<String>> all() {
        return Stream.concat(plain(), declined());
    }

    @ParameterizedTest
    @MethodSource("all")
    void answersExactlyAsPicocliDoes(List<String> line) {
        String[] args = args(line);
        CliRun fast = run(args, false);
        CliRun picocli = run(args, true);
        assertEquals(picocli, fast, String.join(" ", args));
    }

    @ParameterizedTest
    @MethodSource("plain")
    void takesThePlainLines(List<String> line) {
        assertTrue(OneShot.run(args(line), sink(), sink()).isPresent(), String.join(" ", line));
    }

    @ParameterizedTest
    @MethodSource("declined")
    void leavesTheRestToPicocli(List<String> line) {
        assertFalse(OneShot.run(args(line), sink(), sink()).isPresent(), String.join(" ", line));
    }

    @Test
    void eachGrammarNamesExactlyItsCommandsOptions() {
        CommandLine root = Main.commandLine();
        for (OneShot.Grammar grammar : OneShot.GRAMMARS) {
            CommandLine command = root;
            for (String word : grammar.words()) {
                command = command.getSubcommands().get(word);
            }
            Set<String> valued = new TreeSet<>();
            Set<String> flags = new TreeSet<>();
            for (OptionSpec option : command.getCommandSpec().options()) {
                if (option.usageHelp() || option.versionHelp()) {
                    continue;
                }
                (option.arity().max() == 0 ? flags : valued).addAll(List.of(option.names()));
            }
            assertEquals(valued, new TreeSet<>(grammar.valued().keySet()), grammar.words() + " options with a value");
            assertEquals(flags, new TreeSet<>(grammar.flags()), grammar.words() + " flags");
            assertEquals(grammar.operands(), command.getCommandSpec().positionalParameters().size(), grammar.words() + " operands");
        }
    }

    @Test
    void aDocsFileOfEveryKindOfProblemIsAnsweredAlike() throws IOException {
        for (String text : List.of("", "{", "{\"a\":1,\"a\":2}", "[1]", "{\"documents\": [{\"kind\": \"x\"}]} trailing",
                "{\"asOf\": \"2026-04-01\", \"onlineAvailable\": false, \"card\": null, \"documents\": []}")) {
            Path file = Files.writeString(dir.resolve("problem.json"), text);
            String[] args = {"docs", "check", file.toString(), "--json"};
            assertEquals(run(args, true), run(args, false), text);
        }
    }

    private static String[] args(List<String> line) {
        List<String> args = new ArrayList<>();
        for (String arg : line) {
            args.add(arg.replace("DOCS", docs));
        }
        return args.toArray(String[]::new);
    }

    private static CliRun run(String[] args, boolean picocliOnly) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        PrintWriter o = new PrintWriter(out, true);
        PrintWriter e = new PrintWriter(err, true);
        int code = picocliOnly ? Main.runWithPicocli(args, o, e) : Main.run(args, o, e);
        return new CliRun(code, out.toString(), err.toString());
    }

    private static PrintWriter sink() {
        return new PrintWriter(java.io.Writer.nullWriter());
    }
}
