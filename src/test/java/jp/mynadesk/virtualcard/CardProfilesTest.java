package jp.mynadesk.virtualcard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import jp.mynadesk.card.Jpki;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CardProfilesTest {
    private static final String MINIMAL = """
            {"name":"mine","holder":{"name":"試験 花子","kana":"シケン ハナコ","birthDate":"1980-02-17","sex":"2",
             "address":"東京都清瀬市試験町１－２"},"issued":"2025-10-27"}""";

    @TempDir
    Path dir;

    @Test
    void builtInsAreListedInAStableOrderWithDefaultFirst() {
        List<String> names = CardProfiles.list().stream().map(CardProfile::name).toList();
        assertEquals("default", names.get(0));
        assertTrue(names.containsAll(List.of("default", "one-try-left", "blocked", "expired", "face-only", "revoked",
                "mismatched-key", "android", "iphone", "senior-75", "child")), names.toString());
        assertEquals(names, CardProfiles.list().stream().map(CardProfile::name).toList());
        assertEquals(names.size(), new HashSet<>(names).size());
    }

    @Test
    void defaultProfile() {
        CardProfile p = CardProfiles.builtIn("default").orElseThrow();
        assertEquals("協会 太郎", p.holder().name());
        assertEquals("キョウカイ タロウ", p.holder().kana());
        assertEquals(LocalDate.of(1989, 5, 10), p.holder().birthDate());
        assertEquals("1", p.holder().sex());
        assertEquals(LocalDate.of(2024, 6, 1), p.issued());
        assertEquals(LocalDate.of(2029, 5, 10), p.certificateExpiry());
        assertEquals("1234", p.authPin());
        assertEquals(3, p.authTriesLeft());
        assertEquals(5, p.signTriesLeft());
        assertEquals(CardProfile.Token.CARD, p.token());
        assertFalse(p.faceOnly() || p.revoked() || p.mismatchedKey());
        assertTrue(p.hasSignCertificate());
    }

    @Test
    void defaultCardCertificateRunsTo2029() {
        CardSession s = CardSession.of("default");
        LocalDate notAfter = s.certs.authCertificate().getNotAfter().toInstant().atZone(ZoneId.of("Asia/Tokyo")).toLocalDate();
        assertEquals(LocalDate.of(2029, 5, 10), notAfter);
        assertEquals("CN=" + s.card.profile().subjectId() + ",C=JP", s.certs.authCertificate().getSubjectX500Principal().getName());
    }

    @Test
    void stateProfiles() {
        assertEquals(1, CardProfiles.builtIn("one-try-left").orElseThrow().authTriesLeft());
        assertEquals(0, CardProfiles.builtIn("blocked").orElseThrow().authTriesLeft());
        CardProfile expired = CardProfiles.builtIn("expired").orElseThrow();
        assertEquals(2015, expired.issued().getYear());
        assertEquals(2020, expired.certificateExpiry().getYear());
        CardProfile face = CardProfiles.builtIn("face-only").orElseThrow();
        assertTrue(face.faceOnly());
        assertFalse(face.hasSignCertificate());
        assertTrue(CardProfiles.builtIn("revoked").orElseThrow().revoked());
        assertTrue(CardProfiles.builtIn("mismatched-key").orElseThrow().mismatchedKey());
        assertEquals(Jpki.TOKEN_ANDROID, CardProfiles.builtIn("android").orElseThrow().token().label());
        assertEquals(Jpki.TOKEN_IPHONE, CardProfiles.builtIn("iphone").orElseThrow().token().label());
    }

    @Test
    void otherHolders() {
        CardProfile senior = CardProfiles.builtIn("senior-75").orElseThrow();
        assertEquals(75, Period.between(senior.holder().birthDate(), LocalDate.of(2026, 11, 22)).getYears());
        CardProfile child = CardProfiles.builtIn("child").orElseThrow();
        assertTrue(Period.between(child.holder().birthDate(), child.issued()).getYears() < 15);
        assertFalse(child.hasSignCertificate());
        Set<String> holders = new HashSet<>();
        CardProfiles.list().forEach(p -> holders.add(p.holder().name() + p.holder().birthDate()));
        assertTrue(holders.size() >= 5, holders.toString());
    }

    @Test
    void subjectIdsAreDerived23CharactersAndDistinct() {
        Set<String> ids = new HashSet<>();
        for (CardProfile p : CardProfiles.list()) {
            assertTrue(p.subjectId().matches("[0-9A-Z]{23}"), p.subjectId());
            ids.add(p.subjectId());
        }
        assertEquals(CardProfiles.list().size(), ids.size());
    }

    @Test
    void loadsAFileWithDefaults() throws Exception {
        Path file = dir.resolve("mine.json");
        Files.writeString(file, MINIMAL);
        CardProfile p = CardProfiles.load(file);
        assertEquals("mine", p.name());
        assertEquals(LocalDate.of(2030, 2, 17), p.certificateExpiry()); // 5th birthday after issue (docs/CARD.md §5.2)
        assertEquals("1234", p.authPin());
        assertEquals(3, p.authTriesLeft());
        assertEquals("ABC123", p.signPassword());
        assertEquals(CardProfile.Token.CARD, p.token());
        assertEquals("", p.description());
        assertEquals(p.subjectId(), CardProfiles.load(file).subjectId());
        assertEquals(p, CardProfiles.resolve(file.toString()));
    }

    @Test
    void explicitFields() throws Exception {
        CardProfile p = CardProfiles.parse(MINIMAL.replace("\"issued\"", """
                "token":"iphone","authPin":"0007","authTriesLeft":2,"signPassword":"PASS2026","signTriesLeft":4,
                "subjectId":"997794E9AGCIEG13221003A","certificateExpiry":"2026-01-01","revoked":true,"issued\""""), "test");
        assertEquals(CardProfile.Token.IPHONE, p.token());
        assertEquals("0007", p.authPin());
        assertEquals(2, p.authTriesLeft());
        assertEquals("PASS2026", p.signPassword());
        assertEquals(4, p.signTriesLeft());
        assertEquals("997794E9AGCIEG13221003A", p.subjectId());
        assertEquals(LocalDate.of(2026, 1, 1), p.certificateExpiry());
        assertTrue(p.revoked());
    }

    @Test
    void resolveBuiltInAndUnknown() throws Exception {
        assertEquals("blocked", CardProfiles.resolve("blocked").name());
        ProfileException e = assertThrows(ProfileException.class, () -> CardProfiles.resolve("no-such-card"));
        assertTrue(e.getMessage().contains("no-such-card") && e.getMessage().contains("default, one-try-left"),
                e.getMessage());
        assertThrows(ProfileException.class, () -> CardProfiles.resolve(""));
    }

    @Test
    void unreadableFile() {
        ProfileException e = assertThrows(ProfileException.class, () -> CardProfiles.load(dir.resolve("missing.json")));
        assertTrue(e.getMessage().contains("missing.json"), e.getMessage());
    }

    /** Each bad input names its field and what is allowed (ProfileMessagesTest: that nothing else is said). */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "bad JSON                | {\"name\": \"x\",                                  | JSON が途中で終わっています",
        "not an object           | [1, 2]                                              | JSON の形が違います",
        "unknown token           | \"token\":\"tablet\",                               | token: トークンの種類に使えない値です。card, android, iphone のいずれか",
        "PIN too long            | \"authPin\":\"12345\",                              | authPin: 使えない値です（5 文字）。数字 4 桁の文字列",
        "PIN not digits          | \"authPin\":\"12a4\",                               | authPin: 使えない値です（4 文字）。数字 4 桁の文字列",
        "PIN as number           | \"authPin\":1234,                                   | authPin: 型が違います。数字 4 桁の文字列",
        "impossible date         | \"certificateExpiry\":\"2030-02-30\",              | certificateExpiry: 日付として読めません。実在する日付を YYYY-MM-DD",
        "expiry before issue     | \"certificateExpiry\":\"2020-01-01\",              | certificateExpiry: 有効期限が issued（発行日）と同じか、それより前です",
        "auth tries too many     | \"authTriesLeft\":4,                                | authTriesLeft: 4 は範囲外です。0 以上 3 以下の整数",
        "auth tries negative     | \"authTriesLeft\":-1,                               | authTriesLeft: -1 は範囲外です。0 以上 3 以下の整数",
        "auth tries fractional   | \"authTriesLeft\":1.5,                              | authTriesLeft: 型が違います。0 以上 3 以下の整数",
        "auth tries as text      | \"authTriesLeft\":\"three\",                        | authTriesLeft: 型が違います",
        "sign tries too many     | \"signTriesLeft\":6,                                | signTriesLeft: 6 は範囲外です。0 以上 5 以下の整数",
        "lower-case password     | \"signPassword\":\"abc123\",                        | signPassword: 使えない値です（6 文字、小文字は使えません）。英大文字 A-Z と数字 0-9 の 6〜16 文字",
        "short password          | \"signPassword\":\"AB12\",                          | signPassword: 使えない値です（4 文字）",
        "bad subject id          | \"subjectId\":\"short\",                            | subjectId: 使えない値です。数字 0-9 と英大文字 A-Z の 23 文字",
        "misspelt field          | \"authTriesleft\":1,                                | 項目 authTriesleft は使えません。使える項目は name, description",
        "boolean as text         | \"faceOnly\":\"yes\",                               | faceOnly: 型が違います。true か false を",
    })
    void badInputsAreExplained(String label, String insert, String expected) {
        String json = insert.startsWith("{") || insert.startsWith("[") ? insert : MINIMAL.replace("\"issued\"", insert + "\"issued\"");
        ProfileException e = assertThrows(ProfileException.class, () -> CardProfiles.parse(json, "ファイル t.json"));
        assertTrue(e.getMessage().startsWith("ファイル t.json: "), e.getMessage());
        assertTrue(e.getMessage().contains(expected), label + ": " + e.getMessage());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "birth date not a date   | 1980-02-17 | 1980-13-01 | holder.birthDate: 日付として読めません。実在する日付を YYYY-MM-DD の文字列",
        "issued before birth     | 1980-02-17 | 2026-01-01 | issued: 発行日が holder.birthDate（生年月日）より前です",
        "sex code                | \"sex\":\"2\" | \"sex\":\"3\" | holder.sex: 使えない値です。\"1\"（男性）、\"2\"（女性）、\"9\"（適用不能）",
        "missing name            | \"name\":\"試験 花子\", | '' | holder.name: 必須の項目がありません",
        "bad profile name        | \"name\":\"mine\" | \"name\":\"My Card\" | name: プロファイル名に使えない値です。英小文字 a-z・数字・- の 1〜63 文字",
        "missing issued          | \"issued\":\"2025-10-27\" | \"revoked\":false | issued: 必須の項目がありません",
        "missing holder          | \"holder\": | \"holder-x\": | 名前の分からない項目 は使えません。使える項目は name, description, holder",
    })
    void badHolderAndDatesAreExplained(String label, String from, String to, String expected) {
        String json = MINIMAL.replace(from, to);
        ProfileException e = assertThrows(ProfileException.class, () -> CardProfiles.parse(json, "t"));
        assertTrue(e.getMessage().contains(expected), label + ": " + e.getMessage());
    }

    @Test
    void missingHolderIsExplained() {
        ProfileException e = assertThrows(ProfileException.class,
                () -> CardProfiles.parse("{\"name\":\"x\",\"issued\":\"2025-01-01\"}", "t"));
        assertTrue(e.getMessage().contains("holder: 必須の項目がありません"), e.getMessage());
    }

    @Test
    void messagesDoNotEchoPins() {
        ProfileException e = assertThrows(ProfileException.class,
                () -> CardProfiles.parse(MINIMAL.replace("\"issued\"", "\"authPin\":\"98765\",\"issued\""), "t"));
        assertFalse(e.getMessage().contains("98765"), e.getMessage());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "far-future issue        | \"issued\":\"2025-10-27\" | \"issued\":\"+999999999-12-31\"",
        "far-future expiry       | \"issued\":\"2025-10-27\" | \"issued\":\"2025-10-27\",\"certificateExpiry\":\"+999999999-12-31\"",
        "far-past birth          | 1980-02-17 | -999999999-01-01",
        "year 9999 issue         | \"issued\":\"2025-10-27\" | \"issued\":\"9999-12-31\"",
    })
    void extremeDatesAreAProfileErrorNotACrash(String label, String from, String to) {
        ProfileException e = assertThrows(ProfileException.class, () -> CardProfiles.parse(MINIMAL.replace(from, to), "t"));
        assertTrue(e.getMessage().contains("範囲外の日付です。1900-01-01 から 2099-12-31 までの日付"), label + ": " + e.getMessage());
    }

    @Test
    void brokenJsonInASecretFieldIsNotEchoed() {
        for (String broken : new String[] {"\"authPin\":tru7391,", "\"signPassword\":SECRET77,", "\"authPin\":\"7391"}) {
            ProfileException e = assertThrows(ProfileException.class,
                    () -> CardProfiles.parse(MINIMAL.replace("\"issued\"", broken + "\"issued\""), "t"));
            assertFalse(e.getMessage().contains("7391") || e.getMessage().contains("SECRET77"), e.getMessage());
        }
    }

    /**
     * The mapper-free binding ({@link CardProfiles#bindPlain}) gives what the mapper gives, or declines: on every
     * built-in entry, on variants with each optional field, null or absent, and on every bad input above.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "minimal                 | \"issued\"                                  | true",
        "every field             | \"token\":\"iphone\",\"authPin\":\"0007\",\"authTriesLeft\":2,\"signPassword\":\"PASS2026\",\"signTriesLeft\":4,\"subjectId\":\"997794E9AGCIEG13221003A\",\"certificateExpiry\":\"2026-01-01\",\"revoked\":true,\"faceOnly\":false,\"mismatchedKey\":true,\"description\":\"d\",\"issued\" | true",
        "nulls                   | \"token\":null,\"authPin\":null,\"authTriesLeft\":null,\"revoked\":null,\"description\":null,\"issued\" | true",
        "negative whole number   | \"authTriesLeft\":-1,\"issued\"              | true",
        "zero written -0         | \"authTriesLeft\":-0,\"issued\"              | true",
        "PIN as number           | \"authPin\":1234,\"issued\"                  | false",
        "tries fractional        | \"authTriesLeft\":1.5,\"issued\"             | false",
        "tries 1.0               | \"authTriesLeft\":1.0,\"issued\"             | false",
        "tries as text           | \"authTriesLeft\":\"3\",\"issued\"          | false",
        "tries beyond int        | \"authTriesLeft\":4294967297,\"issued\"      | false",
        "boolean as text         | \"faceOnly\":\"yes\",\"issued\"             | false",
        "boolean as number       | \"revoked\":1,\"issued\"                     | false",
        "text as boolean         | \"token\":true,\"issued\"                    | false",
        "text as object          | \"description\":{},\"issued\"                | false",
        "text as array           | \"subjectId\":[\"x\"],\"issued\"             | false",
        "misspelt field          | \"authTriesleft\":1,\"issued\"               | false",
        "duplicate field         | \"issued\":\"2025-10-26\",\"issued\"         | false",
    })
    void theMapperFreeBindingIsTheMappersOrDeclines(String label, String insert, boolean plain) throws Exception {
        String json = MINIMAL.replace("\"issued\"", insert);
        CardProfiles.JsonProfile bound;
        try {
            bound = CardProfiles.bindPlain(jp.mynadesk.format.JsonText.read(json));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            bound = null; // the tree reader refuses duplicate fields: parse leaves the text to the mapper
        }
        assertEquals(plain, bound != null, label);
        if (bound != null) {
            assertEquals(CardProfiles.bindWithMapper(json, "t"), bound, label);
        }
        assertSameOutcome(json);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "holder null             | {\"name\":\"x\",\"holder\":null,\"issued\":\"2025-01-01\"}",
        "holder text             | {\"name\":\"x\",\"holder\":\"h\",\"issued\":\"2025-01-01\"}",
        "holder array            | {\"name\":\"x\",\"holder\":[],\"issued\":\"2025-01-01\"}",
        "holder unknown field    | {\"name\":\"x\",\"holder\":{\"nick\":\"n\"},\"issued\":\"2025-01-01\"}",
        "holder number           | {\"name\":\"x\",\"holder\":{\"sex\":1},\"issued\":\"2025-01-01\"}",
        "holder partial          | {\"name\":\"x\",\"holder\":{\"name\":\"a b\",\"sex\":null},\"issued\":\"2025-01-01\"}",
        "empty object            | {}",
        "null                    | null",
        "array                   | [1, 2]",
        "number                  | 7",
        "trailing content        | {} {}",
        "empty text              | ''",
        "broken                  | {\"name\": \"x\",",
    })
    void otherShapesHaveTheMappersOutcome(String label, String json) throws Exception {
        assertSameOutcome(json);
    }

    @Test
    void everyBuiltInBindsWithoutTheMapperAsWithIt() throws Exception {
        String resource;
        try (var in = CardProfiles.class.getResourceAsStream(CardProfiles.RESOURCE)) {
            resource = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
        var entries = jp.mynadesk.format.JsonText.read(resource);
        assertEquals(CardProfiles.list().size(), entries.size());
        for (int i = 0; i < entries.size(); i++) {
            String json = jp.mynadesk.format.JsonText.compact(entries.get(i));
            CardProfiles.JsonProfile bound = CardProfiles.bindPlain(entries.get(i));
            assertEquals(CardProfiles.bindWithMapper(json, "t"), bound, json);
            assertEquals(CardProfiles.parseWithMapper(json, "組み込みプロファイル #" + i), CardProfiles.list().get(i));
        }
    }

    /** {@link CardProfiles#parse} ends as the mapper-only parse does: the same profile, or the same message. */
    private static void assertSameOutcome(String json) {
        String expected;
        try {
            expected = "profile " + CardProfiles.parseWithMapper(json, "t");
        } catch (ProfileException e) {
            expected = "error " + e.getMessage();
        }
        String actual;
        try {
            actual = "profile " + CardProfiles.parse(json, "t");
        } catch (ProfileException e) {
            actual = "error " + e.getMessage();
        }
        assertEquals(expected, actual, json);
    }
}
