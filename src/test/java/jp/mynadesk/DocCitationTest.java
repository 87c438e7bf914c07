package jp.mynadesk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Code cites the repository's own docs ({@code docs/CARD.md §3.3}), never files outside the repository. Every
 * cited Markdown file must exist (relative to the repository root, {@code docs/} or {@code firmware-notes/}) and
 * every cited {@code §N} must be a heading of that file ({@code ## 3.}, {@code ## 3 }, {@code ### 3.1}).
 */
class DocCitationTest {

    private static final Path ROOT = Path.of("").toAbsolutePath();
    private static final List<String> SCANNED = List.of("src/main", "src/test", ".ci", "scripts");
    private static final List<String> DOC_DIRS = List.of("", "docs/", "firmware-notes/");
    /** The two ways a citation can point outside the repository; split so this file does not cite them itself. */
    private static final List<String> OUTSIDE = List.of(".." + "/shared", "shared" + "/reference");

    private static final Pattern MD_FILE = Pattern.compile("(?<![\\w/.:-])((?:[\\w.-]+/)*[\\w-]+\\.md)\\b");
    private static final Pattern SECTION = Pattern.compile("§(\\d+(?:\\.\\d+)*)");
    private static final Pattern HEADING = Pattern.compile("^#{1,6}\\s+(\\d+(?:\\.\\d+)*)\\.?(?:\\s|$)");

    @Test
    void everyCitationInTheRepositoryResolves() throws IOException {
        List<String> problems = new ArrayList<>();
        Map<String, Optional<List<String>>> read = new HashMap<>(); // each doc read once, not once per citation
        Function<String, Optional<List<String>>> docs = p -> read.computeIfAbsent(p, DocCitationTest::readDoc);
        for (Path file : scannedFiles()) {
            byte[] bytes = Files.readAllBytes(file);
            if (isBinary(bytes)) {
                continue;
            }
            String name = ROOT.relativize(file).toString();
            List<String> lines = new String(bytes, StandardCharsets.UTF_8).lines().toList();
            problems.addAll(check(name, lines, docs));
        }
        assertEquals(List.of(), problems, "broken doc citations");
    }

    @Test
    void aMissingFileIsReported() {
        List<String> problems = check("X.java", List.of("// see docs/NOPE.md §1"), p -> Optional.empty());
        assertEquals(1, problems.size(), problems.toString());
        assertTrue(problems.get(0).contains("docs/NOPE.md"), problems.toString());
    }

    @Test
    void aMissingSectionIsReportedAndPresentOnesPass() {
        Function<String, Optional<List<String>>> docs = p -> p.equals("docs/CARD.md")
                ? Optional.of(List.of("# Card", "## 3. Commands", "### 3.1 SELECT", "## 7 Pitfalls"))
                : Optional.empty();
        assertEquals(List.of(), check("X.java", List.of("/** docs/CARD.md §3, §3.1 and §7. */"), docs));
        List<String> problems = check("X.java", List.of("/** CARD.md §3.2 */"), docs);
        assertEquals(1, problems.size(), problems.toString());
        assertTrue(problems.get(0).contains("§3.2"), problems.toString());
    }

    @Test
    void aCitationOutsideTheRepositoryIsReported() {
        for (String outside : OUTSIDE) {
            List<String> problems = check("x.sh", List.of("# facts: " + outside + "/pcsc.txt"), p -> Optional.empty());
            assertEquals(1, problems.size(), outside + ": " + problems);
        }
    }

    @Test
    void aSectionBelongsToTheNearestCitationBeforeIt() {
        Function<String, Optional<List<String>>> docs = p -> switch (p) {
            case "docs/A.md" -> Optional.of(List.of("## About"));
            case "docs/B.md" -> Optional.of(List.of("## 4. Rules"));
            default -> Optional.empty();
        };
        assertEquals(List.of(), check("X.java", List.of("// docs/A.md and docs/B.md §4"), docs));
        assertEquals(1, check("X.java", List.of("// docs/A.md §4 and docs/B.md"), docs).size());
    }

    /** Problems on the lines of one file; {@code docs} reads a repository path, empty when it does not exist. */
    static List<String> check(String name, List<String> lines, Function<String, Optional<List<String>>> docs) {
        List<String> problems = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            String where = name + ":" + (i + 1);
            for (String outside : OUTSIDE) {
                if (line.contains(outside)) {
                    problems.add(where + ": cites " + outside + " (outside the repository)");
                }
            }
            List<int[]> spans = new ArrayList<>();
            List<String> paths = new ArrayList<>();
            Matcher f = MD_FILE.matcher(line);
            while (f.find()) {
                spans.add(new int[] {f.start(), f.end()});
                paths.add(f.group(1));
            }
            for (int c = 0; c < paths.size(); c++) {
                String cited = paths.get(c);
                Optional<String> resolved = DOC_DIRS.stream().map(dir -> dir + cited)
                        .filter(p -> docs.apply(p).isPresent()).findFirst();
                if (resolved.isEmpty()) {
                    problems.add(where + ": " + cited + " does not exist in the repository");
                    continue;
                }
                List<String> doc = docs.apply(resolved.get()).orElseThrow();
                int end = c + 1 < spans.size() ? spans.get(c + 1)[0] : line.length();
                Matcher s = SECTION.matcher(line.substring(spans.get(c)[1], end));
                while (s.find()) {
                    if (!hasHeading(doc, s.group(1))) {
                        problems.add(where + ": " + resolved.get() + " has no section §" + s.group(1));
                    }
                }
            }
        }
        return problems;
    }

    private static boolean hasHeading(List<String> doc, String number) {
        return doc.stream().map(HEADING::matcher).anyMatch(h -> h.find() && h.group(1).equals(number));
    }

    private static Optional<List<String>> readDoc(String path) {
        Path p = ROOT.resolve(path);
        if (!Files.isRegularFile(p)) {
            return Optional.empty();
        }
        try {
            return Optional.of(Files.readAllLines(p, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<Path> scannedFiles() throws IOException {
        List<Path> files = new ArrayList<>();
        for (String dir : SCANNED) {
            Path base = ROOT.resolve(dir);
            if (!Files.isDirectory(base)) {
                continue;
            }
            try (Stream<Path> walk = Files.walk(base)) {
                walk.filter(Files::isRegularFile)
                        .filter(p -> !p.getFileName().toString().equals("DocCitationTest.java"))
                        .filter(p -> !p.toString().contains("node_modules")) // other projects' files, installed by npm ci
                        .forEach(files::add);
            }
        }
        return files;
    }

    /** Scripts have no extension, so text is told from binary by content: a NUL byte means binary. */
    private static boolean isBinary(byte[] bytes) {
        for (byte b : bytes) {
            if (b == 0) {
                return true;
            }
        }
        return false;
    }
}
