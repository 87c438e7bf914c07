package jp.mynadesk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Who may import whom (docs/ARCHITECTURE.md, "Who may import whom"), enforced on the sources as an allow-list: every room (a
 * package below {@code jp.mynadesk}, with {@code oqs.server} a room of its own) names the rooms it may use, a room
 * without a rule fails, and so does any {@code jp.mynadesk} package a file names (import or fully qualified use)
 * outside its room's list. Outside libraries that belong to one room (Picocli to {@code cli}, JDBC to {@code store},
 * HTTP servers to the screens and the mock) are refused elsewhere. And no cycles between packages.
 */
class ArchitectureTest {
    static final Path MAIN = Path.of("src/main/java");
    /** The benchmarks' own source set (not in the product jar): the room {@code bench}, whatever its packages. */
    static final Path BENCH = Path.of("src/bench/java");
    static final Pattern REFERENCE = Pattern.compile("\\b(jp\\.mynadesk(?:\\.[a-z][a-z0-9]*)+)\\.[A-Z]");
    static final Pattern IMPORT = Pattern.compile("^import (?:static )?([\\w.]+);", Pattern.MULTILINE);

    /** The rooms each room may import; anything else in jp.mynadesk is forbidden to it. */
    static final Map<String, Set<String>> ALLOWED = Map.ofEntries(
            // the leaves: every room may use them, they use none
            Map.entry("text", Set.of()),
            Map.entry("format", Set.of()),
            Map.entry("oplog", Set.of()),
            Map.entry("time", Set.of()),
            // the facts: documents, rules, ceilings, certificates, the card and its readers
            Map.entry("documents", Set.of("format", "text")),
            Map.entry("rules", Set.of("documents", "format", "text")),
            Map.entry("ceiling", Set.of("format", "text")),
            Map.entry("pki", Set.of("rules", "format", "oplog", "text")),
            Map.entry("reader", Set.of("oplog", "text", "time")),
            Map.entry("card", Set.of("reader", "oplog", "text", "time")),
            Map.entry("settings", Set.of("pki", "format", "oplog", "text")),
            // the service: the client and the mock server
            Map.entry("oqs", Set.of("pki", "format", "oplog", "text", "time")),
            Map.entry("oqs.server", Set.of("oqs", "pki", "format", "oplog", "text", "time")),
            // the simulator's card
            Map.entry("virtualcard", Set.of("card", "pki", "format", "oplog", "text", "time")),
            // the workflow, and what is built on it
            Map.entry("desk", Set.of("card", "ceiling", "documents", "oqs", "pki", "reader", "rules", "format", "oplog",
                    "text", "time")),
            Map.entry("store", Set.of("desk", "format", "oplog", "text")),
            Map.entry("replay", Set.of("card", "desk", "virtualcard", "format", "text")),
            Map.entry("station", Set.of("card", "desk", "oqs", "oqs.server", "pki", "reader", "settings", "store",
                    "virtualcard", "format", "oplog", "text", "time")),
            Map.entry("doctor", Set.of("card", "desk", "pki", "reader", "settings", "store", "format", "oplog", "text",
                    "time")),
            Map.entry("screen", Set.of("ceiling", "desk", "documents", "oqs", "reader", "rules", "station", "format",
                    "oplog", "text", "time")),
            Map.entry("scenario", Set.of("card", "desk", "documents", "oqs", "oqs.server", "pki", "reader", "rules",
                    "station", "store", "virtualcard", "format", "oplog", "text", "time")),
            // the command line: everything of the product, never the benchmarks
            Map.entry("cli", Set.of("card", "ceiling", "desk", "doctor", "documents", "oqs", "oqs.server", "pki", "reader",
                    "replay", "rules", "scenario", "screen", "settings", "station", "store", "virtualcard", "format",
                    "oplog", "text", "time")),
            // the benchmarks (src/bench/java) may drive the product; nothing in it may use them
            Map.entry("bench", Set.of("card", "cli", "desk", "oqs", "oqs.server", "pki", "reader", "screen", "station",
                    "store", "virtualcard", "documents", "rules", "ceiling", "settings", "format", "oplog", "text", "time")));

    /** Outside libraries that belong to some rooms only: prefix → the rooms that may use it. */
    static final Map<String, Set<String>> LIBRARIES = Map.of(
            "picocli", Set.of("cli", "bench"),
            "java.sql", Set.of("store", "cli", "doctor", "bench"),
            "io.javalin", Set.of("screen", "bench"),
            "com.sun.net.httpserver", Set.of("oqs.server", "screen", "bench"),
            "java.net.http", Set.of("oqs", "doctor", "cli", "bench"));

    record SourceFile(Path path, String room, String pkg, Set<String> references) {}

    static List<SourceFile> sources() throws IOException {
        List<SourceFile> out = new ArrayList<>();
        for (Path root : List.of(MAIN, BENCH)) {
            try (Stream<Path> files = Files.walk(root)) {
                for (Path p : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                    String text = Files.readString(p, StandardCharsets.UTF_8);
                    String pkg = root.relativize(p.getParent()).toString().replace('/', '.');
                    out.add(new SourceFile(p, root == BENCH ? "bench" : room(pkg), pkg, references(text)));
                }
            }
        }
        return out;
    }

    static Set<String> references(String text) {
        Set<String> refs = new TreeSet<>();
        Matcher imports = IMPORT.matcher(text);
        while (imports.find()) {
            refs.add(imports.group(1));
        }
        Matcher qualified = REFERENCE.matcher(text.replaceAll("(?m)^import .*$", ""));
        while (qualified.find()) {
            refs.add(qualified.group(1) + ".X");
        }
        return refs;
    }

    /** The room of a package: the segment after jp.mynadesk ({@code oqs.server} is a room of its own). */
    static String room(String pkg) {
        String rest = pkg.substring("jp.mynadesk.".length());
        if (rest.equals("oqs.server") || rest.startsWith("oqs.server.")) {
            return "oqs.server";
        }
        int dot = rest.indexOf('.');
        return dot < 0 ? rest : rest.substring(0, dot);
    }

    /** The room a reference ({@code jp.mynadesk.desk.Visit}, {@code jp.mynadesk.oqs.server.X}) points into. */
    static String target(String reference) {
        String pkg = reference.substring(0, reference.lastIndexOf('.'));
        while (pkg.contains(".") && Character.isUpperCase(pkg.charAt(pkg.lastIndexOf('.') + 1))) {
            pkg = pkg.substring(0, pkg.lastIndexOf('.')); // a nested class or a static member
        }
        return room(pkg);
    }

    /** What {@code f} uses that its room may not. */
    static List<String> violations(SourceFile f) {
        List<String> broken = new ArrayList<>();
        Set<String> allowed = ALLOWED.get(f.room());
        if (allowed == null) {
            return List.of(f.path() + ": the room " + f.room() + " has no rule in ArchitectureTest.ALLOWED");
        }
        for (String ref : f.references()) {
            if (ref.startsWith("jp.mynadesk.")) {
                String to = target(ref);
                if (!to.equals(f.room()) && !allowed.contains(to)) {
                    broken.add(f.path() + " (" + f.room() + ") uses " + ref);
                }
            } else {
                for (Map.Entry<String, Set<String>> lib : LIBRARIES.entrySet()) {
                    if (ref.startsWith(lib.getKey() + ".") && !lib.getValue().contains(f.room())) {
                        broken.add(f.path() + " (" + f.room() + ") uses " + ref);
                    }
                }
            }
        }
        return broken;
    }

    @Test
    void everyRoomUsesOnlyWhatItsRuleAllows() throws IOException {
        List<SourceFile> sources = sources();
        assertTrue(sources.size() > 100, "the scan found the sources");
        List<String> broken = new ArrayList<>();
        for (SourceFile f : sources) {
            broken.addAll(violations(f));
        }
        assertEquals(List.of(), broken);
    }

    @Test
    void everyRuleIsForARoomThatExistsAndNamesOnlyRooms() throws IOException {
        Set<String> rooms = new TreeSet<>();
        for (SourceFile f : sources()) {
            rooms.add(f.room());
        }
        assertEquals(rooms, new TreeSet<>(ALLOWED.keySet()), "one rule for each room, station and replay included");
        for (Map.Entry<String, Set<String>> rule : ALLOWED.entrySet()) {
            assertTrue(rooms.containsAll(rule.getValue()), rule.getKey() + " names a room that does not exist: " + rule.getValue());
        }
        for (String room : rooms) {
            if (!room.equals("bench")) {
                assertFalse(ALLOWED.get(room).contains("bench"), room + ": the product never uses the benchmarks");
            }
        }
    }

    /** The rule can fail: in every room, a file importing a room outside its list is caught. */
    @Test
    void aForbiddenImportFailsInEveryRoom() {
        for (String room : ALLOWED.keySet()) {
            String forbidden = ALLOWED.keySet().stream()
                    .filter(other -> !other.equals(room) && !ALLOWED.get(room).contains(other))
                    .findFirst().orElseThrow(() -> new AssertionError(room + " may import every room: no rule can fail"));
            String pkg = "jp.mynadesk." + room;
            SourceFile file = new SourceFile(Path.of(room + "/Example.java"), room, pkg,
                    references("package " + pkg + ";\nimport jp.mynadesk." + forbidden + ".Thing;\n"));
            assertEquals(1, violations(file).size(), room + " importing " + forbidden);
            SourceFile qualified = new SourceFile(Path.of(room + "/Example.java"), room, pkg,
                    references("package " + pkg + ";\nclass Example { jp.mynadesk." + forbidden + ".Thing t; }\n"));
            assertEquals(1, violations(qualified).size(), room + " naming " + forbidden + " in full");
        }
    }

    @Test
    void aLibraryOfAnotherRoomFails() {
        SourceFile desk = new SourceFile(Path.of("desk/Example.java"), "desk", "jp.mynadesk.desk",
                references("import picocli.CommandLine;\nimport java.sql.Connection;\n"));
        assertEquals(2, violations(desk).size());
    }

    @Test
    void packagesHaveNoCycles() throws IOException {
        Map<String, Set<String>> graph = new TreeMap<>();
        for (SourceFile f : sources()) {
            if (!f.path().startsWith(MAIN)) {
                continue; // the benchmarks share package names with the product (cli.BenchCommand)
            }
            Set<String> edges = graph.computeIfAbsent(f.pkg(), k -> new TreeSet<>());
            for (String ref : f.references()) {
                if (ref.startsWith("jp.mynadesk.")) {
                    String target = ref.substring(0, ref.lastIndexOf('.'));
                    if (!target.equals(f.pkg()) && Character.isLowerCase(target.charAt(target.lastIndexOf('.') + 1))) {
                        edges.add(target);
                    }
                }
            }
        }
        List<String> cycles = new ArrayList<>();
        for (String start : graph.keySet()) {
            findCycle(start, start, graph, new ArrayList<>(List.of(start)), new TreeSet<>(), cycles);
        }
        assertEquals(List.of(), cycles);
    }

    private static void findCycle(String start, String at, Map<String, Set<String>> graph, List<String> path,
                                  Set<String> seen, List<String> cycles) {
        for (String next : graph.getOrDefault(at, Set.of())) {
            if (next.equals(start)) {
                if (start.equals(path.stream().min(String::compareTo).orElseThrow())) {
                    cycles.add(String.join(" → ", path) + " → " + start);
                }
            } else if (seen.add(next)) {
                path.add(next);
                findCycle(start, next, graph, path, seen, cycles);
                path.remove(path.size() - 1);
            }
        }
    }
}
