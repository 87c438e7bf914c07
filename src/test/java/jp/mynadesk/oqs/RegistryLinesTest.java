package jp.mynadesk.oqs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import jp.mynadesk.oqs.server.InsuredRegistry;
import jp.mynadesk.oqs.server.RegistryGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The lines format: a generated registry is indexed and answers the same queries as its people say. */
class RegistryLinesTest {
    private static final long SEED = 7;

    @Test
    void everyGeneratedPersonIsFoundByNumbersAndCard(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("people.lines");
        RegistryGenerator.write(file, 3_000, SEED);
        InsuredRegistry registry = InsuredRegistry.load(file);
        assertEquals(3_000, registry.size());
        for (int i = 0; i < 3_000; i += 37) {
            InsuredRegistry.Person expected = RegistryGenerator.person(SEED, i);
            InsuredRegistry.Qualification q = expected.qualifications().get(0);
            List<InsuredRegistry.Match> found = registry.byNumbers(new QualificationSearchInfo(q.insurerNumber(),
                    q.symbol(), q.number(), "", "", "", ""), expected.birthdate());
            assertEquals(1, found.size(), "person " + i);
            assertEquals(expected, found.get(0).person());
            assertEquals(q, found.get(0).qualification());
            for (String card : expected.cards()) {
                assertEquals(expected, registry.byCard(card).orElseThrow());
            }
        }
        assertTrue(registry.visualAllowed(RegistryGenerator.INSTITUTION, "DESK-01"));
    }

    @Test
    void wrongBirthdateOrUnknownNumbersFindNobody(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("people.lines");
        RegistryGenerator.write(file, 200, SEED);
        InsuredRegistry registry = InsuredRegistry.load(file);
        InsuredRegistry.Person p = RegistryGenerator.person(SEED, 10);
        InsuredRegistry.Qualification q = p.qualifications().get(0);
        assertEquals(List.of(), registry.byNumbers(new QualificationSearchInfo(q.insurerNumber(), q.symbol(), q.number(),
                "", "", "", ""), p.birthdate().plusDays(1)));
        assertEquals(List.of(), registry.byNumbers(new QualificationSearchInfo(q.insurerNumber(), q.symbol(), "9999999",
                "", "", "", ""), p.birthdate()));
        assertTrue(registry.byCard("NOSUCHCARD").isEmpty());
    }

    @Test
    void aGeneratedRegistryDependsOnlyOnItsSeed(@TempDir Path dir) throws Exception {
        RegistryGenerator.write(dir.resolve("a"), 50, SEED);
        RegistryGenerator.write(dir.resolve("b"), 50, SEED);
        RegistryGenerator.write(dir.resolve("c"), 50, SEED + 1);
        assertEquals(-1L, Files.mismatch(dir.resolve("a"), dir.resolve("b")));
        assertTrue(Files.mismatch(dir.resolve("a"), dir.resolve("c")) >= 0);
    }

    @Test
    void badLinesAreRefusedByLineNumberNamingTheFile(@TempDir Path dir) throws Exception {
        String header = "mynadesk-registry-lines 1\n{\"institutions\":[]}\n";
        String person = "{\"id\":\"x\",\"name\":\"a\",\"kana\":\"ア\",\"birthdate\":\"2000-01-01\",\"sex\":\"1\"}";
        Path badKey = dir.resolve("bad-key.lines");
        Files.writeString(badKey, header + "n:123|1|1\t" + person + "\n");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> InsuredRegistry.load(badKey));
        assertTrue(e.getMessage().contains("3 行目") && e.getMessage().contains(badKey.toString()), e.getMessage());
        Path twice = dir.resolve("twice.lines");
        Files.writeString(twice, header + "c:CARD1\t" + person + "\nc:CARD1\t" + person.replace("\"x\"", "\"y\"") + "\n");
        e = assertThrows(IllegalArgumentException.class, () -> InsuredRegistry.load(twice));
        // the card's CN is not repeated: a message names the line and the key, never what the file holds
        assertTrue(e.getMessage().contains("4 行目: 1 番目のキー（c:）") && !e.getMessage().contains("CARD1"), e.getMessage());
        Path noJson = dir.resolve("no-json.lines");
        Files.writeString(noJson, header + "c:CARD1\n");
        assertThrows(IllegalArgumentException.class, () -> InsuredRegistry.load(noJson));
        Path noHeader = dir.resolve("no-header.lines");
        Files.writeString(noHeader, "mynadesk-registry-lines 1\n");
        assertThrows(IllegalArgumentException.class, () -> InsuredRegistry.load(noHeader));
    }

    @Test
    void aNullOrTruncatedJsonRegistryIsRefusedNamingTheFile(@TempDir Path dir) throws Exception {
        for (String content : List.of("null", "", "{\"people\":[null]}", "[1,2]")) {
            Path file = dir.resolve("r.json");
            Files.writeString(file, content);
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> InsuredRegistry.load(file),
                    content);
            assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
        }
    }

    @Test
    void keysOnFileAreNormalisedAsQueriesAre(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("padded.lines");
        Files.writeString(file, "mynadesk-registry-lines 1\n{}\nn:00138057| 38 |5\t{\"id\":\"k\",\"name\":\"国保 一\","
                + "\"kana\":\"コクホ ハジメ\",\"birthdate\":\"1950-02-03\",\"sex\":\"1\",\"qualifications\":[{\"insurerNumber\":"
                + "\"138057\",\"insurerName\":\"試験市\",\"symbol\":\"38\",\"number\":\"5\"}]}\n");
        InsuredRegistry registry = InsuredRegistry.load(file);
        for (String insurer : List.of("138057", "00138057", "  138057")) {
            assertEquals(1, registry.byNumbers(new QualificationSearchInfo(insurer, "38", "5", "", "", "", ""),
                    java.time.LocalDate.of(1950, 2, 3)).size(), insurer);
        }
    }
}
