package jp.mynadesk.oqs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import jp.mynadesk.oqs.server.InsuredRegistry;
import jp.mynadesk.virtualcard.CardProfile;
import jp.mynadesk.virtualcard.CardProfiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InsuredRegistryTest {
    private final InsuredRegistry registry = InsuredRegistry.builtIn();

    @Test
    void everyBuiltInCardProfileIsLinkedToAPerson() {
        for (CardProfile p : CardProfiles.list()) {
            assertTrue(registry.byCard(p.subjectId()).isPresent(), p.name() + " (" + p.subjectId() + ") has no person");
            assertEquals(p.holder().birthDate(), registry.byCard(p.subjectId()).orElseThrow().birthdate(), p.name());
        }
    }

    @Test
    void defaultCardIsTheSeedMember() throws Exception {
        var person = registry.byCard(CardProfiles.resolve("default").subjectId()).orElseThrow();
        assertEquals("協会 太郎", person.name());
        var q = person.qualifications().get(0);
        assertEquals("01130012", q.insurerNumber());
        assertEquals("12345678", q.symbol());
        assertEquals("1", q.number());
        assertEquals("00", q.branch());
    }

    @Test
    void revokedProfileSerialIsListed() {
        var serial = Cards.profile("revoked").authCertificate().getSerialNumber();
        assertTrue(registry.revoked(serial).isPresent());
    }

    @Test
    void badRegistryFilesSayWhatIsWrong(@TempDir Path dir) throws Exception {
        Path unknownField = dir.resolve("a.json");
        Files.writeString(unknownField, "{\"people\":[{\"id\":\"x\",\"nmae\":\"typo\"}]}");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> InsuredRegistry.load(unknownField));
        assertTrue(e.getMessage().contains("nmae"), e.getMessage());
        Path badInsurer = dir.resolve("b.json");
        Files.writeString(badInsurer, "{\"people\":[{\"id\":\"x\",\"name\":\"a\",\"kana\":\"ア\",\"birthdate\":\"2000-01-01\","
                + "\"sex\":\"1\",\"qualifications\":[{\"insurerNumber\":\"123\",\"insurerName\":\"n\",\"number\":\"1\"}]}]}");
        e = assertThrows(IllegalArgumentException.class, () -> InsuredRegistry.load(badInsurer));
        assertTrue(e.getMessage().contains("insurerNumber"), e.getMessage());
        Path notJson = dir.resolve("c.json");
        Files.writeString(notJson, "{");
        assertThrows(IllegalArgumentException.class, () -> InsuredRegistry.load(notJson));
    }

    @Test
    void customRegistryFileLoads(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("r.json");
        Files.writeString(file, "{\"institutions\":[],\"people\":[{\"id\":\"x\",\"name\":\"試験 一\",\"kana\":\"シケン ハジメ\","
                + "\"birthdate\":\"2000-01-01\",\"sex\":\"1\",\"qualifications\":[{\"insurerNumber\":\"138057\","
                + "\"insurerName\":\"テスト市\",\"number\":\"1\"}]}]}");
        InsuredRegistry r = InsuredRegistry.load(file);
        assertEquals(1, r.size());
    }
}
