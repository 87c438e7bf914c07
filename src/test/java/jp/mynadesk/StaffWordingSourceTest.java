package jp.mynadesk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * No screen builds its own staff sentences: the terminal and web desks ({@code screen}, {@code screen.web}), the
 * commands that print a check, the visits and a re-check, the desk's workflow ({@code desk}) and the field rules it
 * uses ({@code rules.DocumentEntry}, {@code rules.FormatProblems}, {@code format.Dates}) take
 * every Japanese word from the catalogue ({@code desk.StaffText}). What may stay where it is, and why:
 * <ul>
 *   <li>Picocli's {@code @Command}/{@code @Option}/{@code @Parameters} texts: {@code --help} is read before any
 *       code runs, and Picocli needs them as constants in the annotation;</li>
 *   <li>{@code CliException.badInput(...)}: a bad option names the option and what it allows, next to the parsing
 *       that knows both (the project's rule for exit 2);</li>
 *   <li>{@code OperationsLog} lines: the operations log is for whoever runs the machine, not a screen;</li>
 *   <li>{@code desk.ConsentAnswer}: the words people type (はい, いいえ) are read there, not written.</li>
 * </ul>
 * Outside this scan, by choice: the machine's diagnostics of {@code doctor} and {@code store} (a path, an SQL state,
 * a clock offset, an audit sequence number woven into one sentence that only that check writes; nothing in them is
 * shared or re-worded per screen, and the desk shows them whole), and the developer tools' messages (scenario files,
 * card profiles, traces, the mock service's data).
 * The scan removes comments and those three, then fails on any string literal left that holds Japanese.
 */
class StaffWordingSourceTest {
    static final Path MAIN = Path.of("src/main/java/jp/mynadesk");

    /** The screens, and the command-line renderers of a check's result. */
    static List<Path> screens() throws IOException {
        List<Path> out = new ArrayList<>();
        try (Stream<Path> files = Files.walk(MAIN.resolve("screen"))) {
            files.filter(f -> f.toString().endsWith(".java")).sorted().forEach(out::add);
        }
        for (String cli : List.of("CheckCommand", "VisitsCommand", "RecheckCommand")) {
            out.add(MAIN.resolve("cli/" + cli + ".java"));
        }
        try (Stream<Path> files = Files.list(MAIN.resolve("desk"))) {
            files.filter(f -> f.toString().endsWith(".java"))
                    .filter(f -> !Set.of("StaffText.java", "ConsentAnswer.java").contains(f.getFileName().toString()))
                    .sorted().forEach(out::add);
        }
        for (String rule : List.of("rules/DocumentEntry", "rules/FormatProblems", "format/Dates")) {
            out.add(MAIN.resolve(rule + ".java"));
        }
        return out;
    }

    @Test
    void noScreenWritesItsOwnStaffSentences() throws IOException {
        List<Path> files = screens();
        assertTrue(files.size() > 60, "the scan found the screens: " + files.size());
        List<String> found = new ArrayList<>();
        for (Path f : files) {
            String code = withoutAllowed(Files.readString(f, StandardCharsets.UTF_8));
            for (String literal : literals(code)) {
                if (japanese(literal)) {
                    found.add(MAIN.relativize(f) + ": \"" + literal + "\"");
                }
            }
        }
        assertEquals(List.of(), found, "staff wording belongs in desk/StaffText");
    }

    @Test
    void theScanSeesALiteralItShouldRefuse() {
        String code = "class X { void f() { say(\"受付を終了します。\"); } }";
        assertEquals(List.of("受付を終了します。"), literals(withoutAllowed(code)));
        String allowed = "@Option(names = \"--x\", description = \"説明（help）\") int x;\n"
                + "void g() { throw CliException.badInput(\"--x: 数字で指定してください（\" + y + \"）。\"); }\n"
                + "// 日本語のコメント\n void h() { OperationsLog.warning(\"web\", \"記録を使えません\"); say(\"次へ（\" + n + \"）\"); }";
        assertEquals(List.of("次へ（", "）"), literals(withoutAllowed(allowed)));
    }

    static boolean japanese(String s) {
        // U+3000, the ideographic space, alone is not wording (it is matched as white space in what people type)
        return s.codePoints().anyMatch(c -> (c > 0x3000 && c <= 0x30ff) || (c >= 0x4e00 && c <= 0x9fff)
                || (c >= 0xff00 && c <= 0xffef) || c == 0x2605 || c == 0x25a0);
    }

    /** The source without comments, Picocli annotations' arguments, badInput(...) and OperationsLog.*(...) calls. */
    static String withoutAllowed(String src) {
        String s = stripComments(src);
        for (String opener : List.of("@Command(", "@Option(", "@Parameters(", "@ArgGroup(", "CliException.badInput(",
                "OperationsLog.warning(", "OperationsLog.info(", "OperationsLog.unexpected(", "OperationsLog.error(")) {
            int at;
            while ((at = s.indexOf(opener)) >= 0) {
                int end = closing(s, at + opener.length() - 1);
                s = s.substring(0, at) + s.substring(end + 1);
            }
        }
        return s;
    }

    /** Index of the ')' that closes the '(' at {@code open}, skipping string and char literals. */
    static int closing(String s, int open) {
        int depth = 0;
        for (int i = open; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"' || c == '\'') {
                i = endOfLiteral(s, i);
            } else if (c == '(') {
                depth++;
            } else if (c == ')' && --depth == 0) {
                return i;
            }
        }
        throw new IllegalArgumentException("unbalanced parentheses after " + open);
    }

    static int endOfLiteral(String s, int start) {
        char quote = s.charAt(start);
        if (quote == '"' && s.startsWith("\"\"\"", start)) {
            int end = s.indexOf("\"\"\"", start + 3);
            return end + 2;
        }
        for (int i = start + 1; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == quote) {
                return i;
            }
        }
        return s.length() - 1;
    }

    static String stripComments(String s) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"' || c == '\'') {
                int end = endOfLiteral(s, i);
                out.append(s, i, end + 1);
                i = end;
            } else if (s.startsWith("//", i)) {
                int nl = s.indexOf('\n', i);
                i = nl < 0 ? s.length() : nl - 1;
            } else if (s.startsWith("/*", i)) {
                int end = s.indexOf("*/", i + 2);
                i = end < 0 ? s.length() : end + 1;
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** The contents of the string literals (text blocks included) in code without comments. */
    static List<String> literals(String s) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"') {
                int end = endOfLiteral(s, i);
                boolean block = s.startsWith("\"\"\"", i);
                out.add(block ? s.substring(i + 3, end - 2) : s.substring(i + 1, end));
                i = end;
            } else if (c == '\'') {
                i = endOfLiteral(s, i);
            }
        }
        return out;
    }
}
