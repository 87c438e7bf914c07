package jp.mynadesk;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
 * The package rules of docs/ARCHITECTURE.md, enforced on the sources: every {@code jp.mynadesk} package a file
 * names (import or fully qualified use) and the outside libraries a room must not touch. And no cycles.
 */
class ArchitectureTest {
    static final Path MAIN = Path.of("src/main/java");
    static final Pattern REFERENCE = Pattern.compile("\\b(jp\\.mynadesk(?:\\.[a-z][a-z0-9]*)+)\\.[A-Z]");
    static final Pattern IMPORT = Pattern.compile("^import (?:static )?([\\w.]+);", Pattern.MULTILINE);

    /** What each room must not know (prefixes of packages). */
    static final Map<String, List<String>> FORBIDDEN = Map.ofEntries(
            Map.entry("desk", List.of("jp.mynadesk.cli", "jp.mynadesk.screen", "jp.mynadesk.station", "jp.mynadesk.store",
                    "jp.mynadesk.scenario", "jp.mynadesk.oqs.server", "jp.mynadesk.virtualcard", "jp.mynadesk.bench",
                    "picocli", "java.sql", "com.sun.net.httpserver", "java.net.http", "io.javalin")),
            Map.entry("store", List.of("jp.mynadesk.cli", "jp.mynadesk.screen", "jp.mynadesk.station", "jp.mynadesk.scenario",
                    "jp.mynadesk.oqs", "jp.mynadesk.card", "jp.mynadesk.virtualcard", "jp.mynadesk.reader", "picocli")),
            Map.entry("station", List.of("jp.mynadesk.cli", "jp.mynadesk.screen", "jp.mynadesk.scenario", "picocli")),
            Map.entry("screen", List.of("jp.mynadesk.cli", "jp.mynadesk.store", "picocli", "java.sql")),
            Map.entry("scenario", List.of("jp.mynadesk.cli", "jp.mynadesk.screen", "picocli")),
            Map.entry("oqs", List.of("jp.mynadesk.desk", "jp.mynadesk.cli", "jp.mynadesk.store", "jp.mynadesk.station",
                    "jp.mynadesk.card", "jp.mynadesk.bench", "picocli")),
            Map.entry("card", List.of("jp.mynadesk.desk", "jp.mynadesk.oqs", "jp.mynadesk.store", "jp.mynadesk.cli",
                    "jp.mynadesk.rules", "jp.mynadesk.documents", "jp.mynadesk.virtualcard", "picocli", "java.sql")),
            Map.entry("reader", List.of("jp.mynadesk.card", "jp.mynadesk.desk", "jp.mynadesk.cli", "picocli")),
            Map.entry("virtualcard", List.of("jp.mynadesk.desk", "jp.mynadesk.cli", "jp.mynadesk.store", "jp.mynadesk.oqs",
                    "picocli")),
            Map.entry("pki", List.of("jp.mynadesk.card", "jp.mynadesk.desk", "jp.mynadesk.cli", "picocli")),
            Map.entry("rules", List.of("jp.mynadesk.desk", "jp.mynadesk.cli", "jp.mynadesk.oqs", "jp.mynadesk.store",
                    "jp.mynadesk.card", "picocli", "java.sql")),
            Map.entry("documents", List.of("jp.mynadesk.desk", "jp.mynadesk.cli", "jp.mynadesk.oqs", "jp.mynadesk.store",
                    "jp.mynadesk.card", "picocli", "java.sql")),
            Map.entry("ceiling", List.of("jp.mynadesk.desk", "jp.mynadesk.cli", "jp.mynadesk.oqs", "jp.mynadesk.store", "picocli")),
            Map.entry("bench", List.of("jp.mynadesk.cli", "picocli")),
            // the operations log is a leaf every room may write to
            Map.entry("oplog", List.of("jp.mynadesk.desk", "jp.mynadesk.cli", "jp.mynadesk.screen", "jp.mynadesk.station",
                    "jp.mynadesk.store", "jp.mynadesk.scenario", "jp.mynadesk.oqs", "jp.mynadesk.card", "jp.mynadesk.reader",
                    "jp.mynadesk.virtualcard", "jp.mynadesk.pki", "jp.mynadesk.rules", "jp.mynadesk.documents",
                    "jp.mynadesk.ceiling", "jp.mynadesk.bench", "jp.mynadesk.replay", "jp.mynadesk.doctor", "jp.mynadesk.settings", "jp.mynadesk.text", "picocli", "java.sql")),
            Map.entry("doctor", List.of("jp.mynadesk.cli", "jp.mynadesk.screen", "jp.mynadesk.scenario",
                    "jp.mynadesk.station", "jp.mynadesk.oqs.server", "jp.mynadesk.virtualcard", "picocli")),
            Map.entry("settings", List.of("jp.mynadesk.cli", "jp.mynadesk.screen", "jp.mynadesk.station", "jp.mynadesk.desk",
                    "jp.mynadesk.store", "jp.mynadesk.scenario", "jp.mynadesk.oqs", "jp.mynadesk.card", "jp.mynadesk.reader",
                    "jp.mynadesk.virtualcard", "jp.mynadesk.bench", "jp.mynadesk.doctor", "picocli", "java.sql")),

            // below everything: where waiting happens (real or a scenario's virtual time); knows no other room
            Map.entry("time", List.of("jp.mynadesk.desk", "jp.mynadesk.cli", "jp.mynadesk.screen", "jp.mynadesk.station",
                    "jp.mynadesk.store", "jp.mynadesk.scenario", "jp.mynadesk.oqs", "jp.mynadesk.card", "jp.mynadesk.reader",
                    "jp.mynadesk.virtualcard", "jp.mynadesk.rules", "jp.mynadesk.documents", "jp.mynadesk.ceiling",
                    "jp.mynadesk.pki", "jp.mynadesk.replay", "jp.mynadesk.bench", "jp.mynadesk.doctor", "jp.mynadesk.settings",
                    "jp.mynadesk.oplog", "jp.mynadesk.text", "jp.mynadesk.format", "picocli", "java.sql")),

            // below everything: the formats every room shares (JSON text, stable codes, the one date rule)
            Map.entry("format", List.of("jp.mynadesk.desk", "jp.mynadesk.cli", "jp.mynadesk.screen", "jp.mynadesk.station",
                    "jp.mynadesk.store", "jp.mynadesk.scenario", "jp.mynadesk.oqs", "jp.mynadesk.card", "jp.mynadesk.reader",
                    "jp.mynadesk.virtualcard", "jp.mynadesk.rules", "jp.mynadesk.documents", "jp.mynadesk.ceiling",
                    "jp.mynadesk.pki", "jp.mynadesk.replay", "jp.mynadesk.bench", "jp.mynadesk.doctor", "jp.mynadesk.settings",
                    "jp.mynadesk.oplog", "jp.mynadesk.text", "picocli", "java.sql")),

            // below everything: any room may show outside text through it
            Map.entry("text", List.of("jp.mynadesk.desk", "jp.mynadesk.cli", "jp.mynadesk.screen", "jp.mynadesk.station",
                    "jp.mynadesk.store", "jp.mynadesk.scenario", "jp.mynadesk.oqs", "jp.mynadesk.card", "jp.mynadesk.reader",
                    "jp.mynadesk.virtualcard", "jp.mynadesk.rules", "jp.mynadesk.documents", "jp.mynadesk.ceiling",
                    "jp.mynadesk.pki", "jp.mynadesk.replay", "jp.mynadesk.bench", "jp.mynadesk.doctor", "jp.mynadesk.settings", "jp.mynadesk.oplog", "picocli", "java.sql")));

    record SourceFile(Path path, String pkg, Set<String> references) {}

    static List<SourceFile> sources() throws IOException {
        List<SourceFile> out = new ArrayList<>();
        try (Stream<Path> files = Files.walk(MAIN)) {
            for (Path p : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String text = Files.readString(p, StandardCharsets.UTF_8);
                String pkg = MAIN.relativize(p.getParent()).toString().replace('/', '.');
                Set<String> refs = new TreeSet<>();
                Matcher imports = IMPORT.matcher(text);
                while (imports.find()) {
                    refs.add(imports.group(1));
                }
                Matcher qualified = REFERENCE.matcher(text.replaceAll("(?m)^import .*$", ""));
                while (qualified.find()) {
                    refs.add(qualified.group(1) + ".X");
                }
                out.add(new SourceFile(p, pkg, refs));
            }
        }
        return out;
    }

    /** The room of a package: the segment after jp.mynadesk. */
    static String room(String pkg) {
        String rest = pkg.substring("jp.mynadesk.".length());
        int dot = rest.indexOf('.');
        return dot < 0 ? rest : rest.substring(0, dot);
    }

    @Test
    void everyRoomKnowsOnlyWhatIsBelowIt() throws IOException {
        List<String> broken = new ArrayList<>();
        List<SourceFile> sources = sources();
        assertTrue(sources.size() > 100, "the scan found the sources");
        for (SourceFile f : sources) {
            List<String> forbidden = FORBIDDEN.getOrDefault(room(f.pkg()), List.of());
            for (String ref : f.references()) {
                for (String prefix : forbidden) {
                    if (ref.startsWith(prefix + ".") && !(f.pkg() + ".").startsWith(prefix + ".")) {
                        broken.add(MAIN.relativize(f.path()) + " uses " + ref);
                    }
                }
            }
        }
        assertEquals(List.of(), broken);
    }

    @Test
    void packagesHaveNoCycles() throws IOException {
        Map<String, Set<String>> graph = new TreeMap<>();
        for (SourceFile f : sources()) {
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
