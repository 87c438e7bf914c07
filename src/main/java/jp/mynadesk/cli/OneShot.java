package jp.mynadesk.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import jp.mynadesk.rules.DocumentEntry;

/**
 * The one-shot commands ({@code --version}, {@code insurer-number check}, {@code ceiling}, {@code docs check},
 * {@code check}) run without Picocli. Building Picocli's model costs about 170 ms of a cold JVM (its built-in
 * converters and the annotation proxies), more than the light commands themselves, and a script that checks one
 * insurer number per row pays it every time (docs/ARCHITECTURE.md, "Start-up").
 *
 * <p>A command line is taken here only when it is plainly well-formed: the command's own options, each at most once,
 * values in their canonical form. Everything else (help, a typo, a missing value, a value Picocli would refuse) is
 * declined and goes the ordinary way, so usage errors and help have one source. The commands themselves are the same
 * objects either way; {@code OneShotTest} runs every line both ways and compares the output (for {@code check}, which
 * records a visit, every option's bound value), and checks that each {@link Grammar} names exactly the options of its
 * Picocli command.
 */
final class OneShot {
    private OneShot() {}

    /** What one command accepts: the words that name it, its options with a value (alias → name), flags, operands. */
    record Grammar(List<String> words, Map<String, String> valued, Set<String> flags, int operands) {
        static Grammar of(List<String> words, List<List<String>> valued, Set<String> flags, int operands) {
            Map<String, String> names = new HashMap<>();
            for (List<String> aliases : valued) {
                for (String alias : aliases) {
                    names.put(alias, aliases.get(0));
                }
            }
            return new Grammar(words, names, flags, operands);
        }
    }

    /** A line the grammar accepted: option values by their first name, the flags given, the operands in order. */
    record Line(Map<String, String> values, Set<String> flags, List<String> operands) {
        String value(String name) {
            return values.get(name);
        }

        boolean flag(String name) {
            return flags.contains(name);
        }
    }

    static final Grammar INSURER_NUMBER_CHECK = Grammar.of(List.of("insurer-number", "check"), List.of(), Set.of("--json"), 1);
    static final Grammar CEILING = Grammar.of(List.of("ceiling"),
            List.of(List.of("--class"), List.of("--total"), List.of("--as-of", "--date"), List.of("--scope"),
                    List.of("--birth-date"), List.of("--ratio")),
            Set.of("--many", "--specified-disease", "--dialysis", "--json"), 0);
    static final Grammar DOCS_CHECK = Grammar.of(List.of("docs", "check"), List.of(List.of("--as-of")), Set.of("--json"), 1);
    static final Grammar CHECK = Grammar.of(List.of("check"),
            List.of(List.of("--virtual"), List.of("--reader"), List.of("--reader-profile"), List.of("--service"),
                    List.of("--as-of"), List.of("--terminal"), List.of("--institution"), List.of("--data"), List.of("--db"),
                    List.of("--db-password-file"), List.of("--wait"), List.of("--mode"), List.of("--staff"),
                    List.of("--document"), List.of("--consent"), List.of("--trace"), List.of("--config"),
                    List.of("--trust-anchor")),
            Set.of("--pin-stdin", "--limit-consent", "--json"), 0);
    static final List<Grammar> GRAMMARS = List.of(INSURER_NUMBER_CHECK, CEILING, DOCS_CHECK, CHECK);

    /**
     * Today's date in Japan for these commands: UTC+9, which Japan has kept without summer time since 1951. An offset
     * needs no time-zone database, whose loading is about 13 ms of a cold start.
     */
    static final ZoneOffset JAPAN = ZoneOffset.ofHours(9);

    /** A one-shot command, bound to its options, writing its answer to {@code out} and its notices to {@code err}. */
    interface Command {
        int run(PrintWriter out, PrintWriter err) throws IOException;
    }

    /** The line is this command's but not plainly well-formed: Picocli takes it and says what is wrong. */
    private static final class Declined extends Exception {
        Declined() {
            super(null, null, false, false);
        }
    }

    /** Runs {@code args} when it is a plainly well-formed one-shot command; empty when Picocli should take it. */
    static OptionalInt run(String[] args, PrintWriter out, PrintWriter err) {
        if (args.length == 1 && (args[0].equals("--version") || args[0].equals("-V"))) {
            out.println(Main.version());
            out.flush();
            return OptionalInt.of(Main.OK);
        }
        Command command;
        try {
            command = command(args);
        } catch (Declined e) {
            return OptionalInt.empty();
        }
        if (command == null) {
            return OptionalInt.empty();
        }
        try {
            return OptionalInt.of(command.run(out, err));
        } catch (Exception e) {
            return OptionalInt.of(Main.failure(e, new ErrorReport(List.of(args), out, err), err));
        }
    }

    /** The command {@code args} names, bound; null when it is none of these. */
    static Command command(String[] args) throws Declined {
        Line line = parse(INSURER_NUMBER_CHECK, args);
        if (line != null) {
            var command = new InsurerNumberCommand.Check();
            command.number = line.operands().get(0);
            command.json = line.flag("--json");
            return command;
        }
        line = parse(CEILING, args);
        if (line != null) {
            return ceiling(line);
        }
        line = parse(CHECK, args);
        if (line != null) {
            return check(line);
        }
        line = parse(DOCS_CHECK, args);
        if (line != null) {
            var command = new DocsCommand.Check();
            command.file = line.operands().get(0);
            command.asOf = date(line.value("--as-of"));
            command.json = line.flag("--json");
            return command;
        }
        return null;
    }

    private static CeilingCommand ceiling(Line line) throws Declined {
        CeilingCommand command = new CeilingCommand();
        String total = line.value("--total");
        if (total != null) {
            if (!isPlainNumber(total)) {
                throw new Declined();
            }
            command.total = Long.valueOf(total);
        }
        command.classCode = line.value("--class");
        command.date = date(line.value("--as-of"));
        command.birthDate = date(line.value("--birth-date"));
        command.ratio = line.value("--ratio");
        if (line.value("--scope") != null) {
            command.scope = line.value("--scope");
        }
        command.many = line.flag("--many");
        command.specifiedDisease = line.flag("--specified-disease");
        command.dialysis = line.flag("--dialysis");
        command.json = line.flag("--json");
        return command;
    }

    /**
     * A yen amount as Picocli and {@link Long#decode} read it alike: no sign, no leading zero, at most 18 digits (so it
     * fits a long). Checked by hand: a first regular expression costs a cold JVM several milliseconds.
     */
    static boolean isPlainNumber(String s) {
        if (s.isEmpty() || s.length() > 18 || (s.charAt(0) == '0' && s.length() > 1)) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) < '0' || s.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    private static CheckCommand check(Line line) throws Declined {
        CheckCommand command = new CheckCommand();
        DeskOptions desk = command.desk;
        String virtual = line.value("--virtual");
        String reader = line.value("--reader");
        if (virtual != null && reader != null) {
            throw new Declined(); // mutually exclusive: Picocli says so
        }
        if (virtual != null || reader != null) {
            desk.reader = new DeskOptions.Reader();
            desk.reader.virtual = virtual;
            desk.reader.pcsc = reader;
        }
        desk.readerProfile = line.value("--reader-profile");
        desk.service = line.value("--service");
        if (line.value("--as-of") != null) {
            desk.asOf = AsOf.orNull(line.value("--as-of"));
            if (desk.asOf == null) {
                throw new Declined();
            }
        }
        desk.terminal = line.value("--terminal");
        desk.institution = line.value("--institution");
        desk.data.data = line.value("--data");
        desk.data.db = line.value("--db");
        desk.data.dbPasswordFile = line.value("--db-password-file");
        desk.data.config = line.value("--config");
        // one --trust-anchor here; several are Picocli's (the grammar takes each option once)
        desk.trustAnchors = line.value("--trust-anchor") == null ? null
                : new ArrayList<>(List.of(line.value("--trust-anchor")));
        String wait = line.value("--wait");
        if (wait != null) {
            if (!isPlainNumber(wait)) {
                throw new Declined();
            }
            desk.data.waitSeconds = Long.parseLong(wait);
        }
        if (line.value("--mode") != null) {
            command.mode = line.value("--mode");
        }
        command.staff = line.value("--staff");
        command.document = line.value("--document");
        command.consent = line.value("--consent");
        command.trace.file = line.value("--trace");
        command.pinStdin = line.flag("--pin-stdin");
        command.limitConsent = line.flag("--limit-consent");
        command.json = line.flag("--json");
        return command;
    }

    /**
     * The date an option gives, null when it is absent. Read as {@link JapaneseDateConverter} reads it, without
     * loading it: it is a Picocli converter, and this path loads no Picocli class.
     */
    private static LocalDate date(String value) throws Declined {
        if (value == null) {
            return null;
        }
        LocalDate day = DocumentEntry.day(value);
        if (day == null) {
            throw new Declined();
        }
        return day;
    }

    /** The line when {@code args} is the grammar's command (null when it is another), thrown back when not plain. */
    static Line parse(Grammar grammar, String[] args) throws Declined {
        List<String> words = grammar.words();
        if (args.length < words.size() || !Arrays.asList(args).subList(0, words.size()).equals(words)) {
            return null;
        }
        Map<String, String> values = new HashMap<>();
        Set<String> flags = new HashSet<>();
        List<String> operands = new ArrayList<>();
        for (int i = words.size(); i < args.length; i++) {
            String arg = args[i];
            if (arg.startsWith("@")) {
                throw new Declined(); // a Picocli argument file
            }
            if (!arg.startsWith("-") || arg.equals("-")) {
                operands.add(arg);
                continue;
            }
            int eq = arg.indexOf('=');
            String name = eq < 0 ? arg : arg.substring(0, eq);
            String option = grammar.valued().get(name);
            if (option != null) {
                String value = eq >= 0 ? arg.substring(eq + 1) : i + 1 < args.length ? args[++i] : null;
                if (value == null || value.startsWith("-") || value.startsWith("@") || values.putIfAbsent(option, value) != null) {
                    throw new Declined();
                }
            } else if (eq >= 0 || !grammar.flags().contains(name) || !flags.add(name)) {
                throw new Declined();
            }
        }
        if (operands.size() != grammar.operands()) {
            throw new Declined();
        }
        return new Line(values, flags, operands);
    }
}
