package jp.mynadesk.oqs;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;
import jp.mynadesk.oqs.server.FaultPlan;
import jp.mynadesk.oqs.server.InsuredRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every kind of bad simulator input (fault plan, registry in both formats) is explained in Japanese, naming the field
 * or line, without a Java name, a stack trace, or anything read from the file: no quoted token, no run of nine digits.
 */
class InputMessagesTest {
    private static final Pattern JAPANESE = Pattern.compile("[\\p{IsHiragana}\\p{IsKatakana}\\p{IsHan}]");
    /** A Java name, a stack frame, or Jackson's English. */
    private static final Pattern LEAK = Pattern.compile(
            "\\tat |Exception|java\\.|jp\\.mynadesk|com\\.fasterxml|\\$|`|Cannot |Unrecognized|not valid|must ");
    private static final Pattern NINE_DIGITS = Pattern.compile("\\d{9}");
    /** What {@code --faults /etc/passwd} reads. */
    private static final String PASSWD = "root:x:0:0:root:/root:/bin/bash\ndaemon:x:1:1:daemon:/usr/sbin:/usr/sbin/nologin\n";

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "not JSON           | 'root:x:0:0:root:/root:/bin/bash'                                   | 1 行 1 列",
            "cut short          | '{\"rules\": [{\"kind\": \"reset\"}'                                | 1 行",
            "two documents      | '{} {}'                                                             | 1 行 4 列",
            "empty              | ''                                                                  | 空です",
            "a list, not a plan | '[1]'                                                               | {\"rules\"",
            "rules not a list   | '{\"rules\": 3}'                                                    | rules:",
            "rule not an object | '{\"rules\": [3]}'                                                  | rules[0]:",
            "rate not a number  | '{\"rules\": [{\"kind\": \"reset\", \"rate\": \"high\"}]}'          | rules[0].rate:",
            "unknown field      | '{\"rules\": [{\"kind\": \"reset\", \"ratio\": 1}]}'                | rules[0]: 項目 ratio",
            "digits as a field  | '{\"rules\": [{\"kind\": \"reset\", \"123456789012\": 1}]}'         | rules[0]: 名前の分からない項目",
            "no kind            | '{\"rules\": [{\"times\": 1}]}'                                     | rules[0].kind:",
            "unknown kind       | '{\"rules\": [{\"kind\": \"reset\"}, {\"kind\": \"flood\"}]}'       | rules[1].kind: 障害の種類 flood",
            "kind with digits   | '{\"rules\": [{\"kind\": \"x123456789012\"}]}'                      | rules[0].kind: 不明な値",
            "kind a number      | '{\"rules\": [{\"kind\": 123456789012}]}'                           | rules[0].kind: 不明な値",
            "kind too long      | '{\"rules\": [{\"kind\": \"a-very-long-made-up-fault-kind\"}]}'     | rules[0].kind: 不明な値",
            "rate above 1       | '{\"rules\": [{\"kind\": \"reset\", \"rate\": 1.5}]}'               | rules[0].rate: 1.5 は範囲外",
            "rate 12 digits     | '{\"rules\": [{\"kind\": \"reset\", \"rate\": 123456789012.5}]}'    | rules[0].rate: この値は範囲外",
            "negative times     | '{\"rules\": [{\"kind\": \"reset\", \"times\": -2}]}'               | rules[0].times: -2 は",
            "times 12 digits    | '{\"rules\": [{\"kind\": \"reset\", \"times\": 123456789012}]}'     | rules[0].times: 数値が大きすぎます",
            "status 12 digits   | '{\"rules\": [{\"kind\": \"status\", \"status\": 123456789012}]}'   | rules[0].status: 数値が大きすぎます",
            "status no code     | '{\"rules\": [{\"kind\": \"status\"}]}'                             | rules[0].status:",
            "status 200         | '{\"rules\": [{\"kind\": \"status\", \"status\": 200}]}'            | rules[0].status: 200 は範囲外",
            "hang -12 digits    | '{\"rules\": [{\"kind\": \"hang\", \"hangMs\": -123456789012}]}'    | rules[0].hangMs: この値は",
            "unknown endpoint   | '{\"rules\": [{\"kind\": \"reset\", \"endpoints\": [\"card\", \"nowhere\"]}]}' | rules[0].endpoints[1]: エンドポイント nowhere",
            "endpoint digits    | '{\"rules\": [{\"kind\": \"reset\", \"endpoints\": [\"123456789012\"]}]}' | rules[0].endpoints[0]: 不明な値",
            "null endpoint      | '{\"rules\": [{\"kind\": \"reset\", \"endpoints\": [null]}]}'       | rules[0].endpoints[0]:",
            "endpoints a string | '{\"rules\": [{\"kind\": \"reset\", \"endpoints\": \"card\"}]}'     | rules[0].endpoints:",
            "bad from           | '{\"rules\": [{\"kind\": \"outage\", \"from\": \"123456789012\"}]}' | rules[0].from: 日時として読めません",
            "null plan          | 'null'                                                              | null",
            "null rule          | '{\"rules\": [{\"kind\": \"reset\"}, null]}'                        | rules[1]: null",
    })
    void badFaultPlansAreExplainedInJapanese(String what, String json, String expected) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> FaultPlan.parse(json.getBytes(StandardCharsets.UTF_8)), what);
        assertCalm(e.getMessage(), expected);
    }

    @Test
    void theWhatIsAllowedPartListsTheVocabulary() {
        String kind = message("{\"rules\": [{\"kind\": \"flood\"}]}");
        for (String k : new String[] {"latency", "hang", "status", "outage", "reset", "empty", "malformed", "segment9"}) {
            assertTrue(kind.contains(k), kind);
        }
        assertTrue(message("{\"rules\": [{\"kind\": \"reset\", \"rate\": 2}]}").contains("0 以上 1 以下"));
        assertTrue(message("{\"rules\": [{\"kind\": \"status\", \"status\": 200}]}").contains("400 以上 599 以下"));
        assertTrue(message("{\"rules\": [{\"kind\": \"reset\", \"endpoints\": [\"x\"]}]}").contains("batch-result"));
        assertTrue(message("{\"rules\": [{\"kind\": \"reset\", \"bogus\": 1}]}").contains("retryAfterSeconds"));
    }

    @Test
    void aFaultFileNamesItself(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("faults.json"), PASSWD);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> FaultPlan.load(file));
        assertTrue(e.getMessage().startsWith("障害ファイル " + file + " を読み込めません: 1 行 1 列"), e.getMessage());
        assertCalm(e.getMessage().replace(file.toString(), "FILE"), "1 行 1 列");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "not JSON              | 'root:x:0:0:root:/root:/bin/bash'                                    | 1 行 1 列",
            "people not a list     | '{\"people\": 3}'                                                    | people: 型が違います",
            "a list, not an object | '[1, 2]'                                                             | {\"people\"",
            "null                  | 'null'                                                               | null",
            "null person           | '{\"people\": [null]}'                                               | people[0]: null",
            "unknown field         | '{\"people\": [{\"id\": \"x\", \"nmae\": \"a\"}]}'                   | people[0]: 項目 nmae",
            "personal data as key  | '{\"people\": [{\"id\": \"x\", \"山田太郎123456789012\": 1}]}'       | people[0]: 名前の分からない項目",
            "missing name          | '{\"people\": [{\"id\": \"x\", \"kana\": \"ア\", \"birthdate\": \"2000-01-01\", \"sex\": \"1\"}]}' | people[0]: 必須の項目 name",
            "bad birthdate         | '{\"people\": [{\"id\": \"x\", \"birthdate\": \"123456789012\"}]}'   | people[0].birthdate: 日付として読めません",
            "selfPay 12 digits     | '{\"people\": [{\"id\": \"x\", \"qualifications\": [{\"specificDiseases\": [{\"selfPay\": 123456789012}]}]}]}' | people[0].qualifications[0].specificDiseases[0].selfPay: 数値が大きすぎます",
            "insurer 12 digits     | '{\"people\": [{\"id\": \"x\", \"name\": \"a\", \"kana\": \"ア\", \"birthdate\": \"2000-01-01\", \"sex\": \"1\", \"qualifications\": [{\"insurerNumber\": \"123456789012\", \"insurerName\": \"n\", \"number\": \"1\"}]}]}' | people[0].qualifications[0].insurerNumber:",
            "bad ratio             | '{\"people\": [{\"id\": \"x\", \"name\": \"a\", \"kana\": \"ア\", \"birthdate\": \"2000-01-01\", \"sex\": \"1\", \"qualifications\": [{\"insurerNumber\": \"01130012\", \"insurerName\": \"n\", \"number\": \"1\", \"ratio\": \"123456789012\"}]}]}' | people[0].qualifications[0].ratio:",
            "duplicate id          | '{\"people\": [{\"id\": \"123456789012\", \"name\": \"a\", \"kana\": \"ア\", \"birthdate\": \"2000-01-01\", \"sex\": \"1\"}, {\"id\": \"123456789012\", \"name\": \"a\", \"kana\": \"ア\", \"birthdate\": \"2000-01-01\", \"sex\": \"1\"}]}' | people[1].id:",
            "unregistered a string | '{\"people\": [{\"id\": \"x\", \"qualifications\": [{\"unregistered\": \"yes\"}]}]}' | people[0].qualifications[0].unregistered: 型が違います",
            "bad serial            | '{\"revokedCertificates\": [{\"serial\": \"123456789012zz\"}]}'      | revokedCertificates[0].serial:",
            "null certificate      | '{\"revokedCertificates\": [null]}'                                  | revokedCertificates[0]: null",
    })
    void badRegistryFilesAreExplainedInJapanese(String what, String json, String expected, @TempDir Path dir)
            throws Exception {
        Path file = Files.writeString(dir.resolve("registry.json"), json);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> InsuredRegistry.load(file), what);
        assertTrue(e.getMessage().startsWith("登録者ファイル " + file + " を読み込めません: "), e.getMessage());
        assertCalm(e.getMessage().replace(file.toString(), "FILE"), expected);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "bad insurer key       | 'n:123456789012|1|1\\t{}'                          | 3 行目: 1 番目のキー（n:）",
            "unknown key           | 'c:CARD\\tx:123456789012\\t{}'                     | 3 行目: 2 番目のキー",
            "no person JSON        | 'c:CARD123456789012'                               | 3 行目: キーの後に人の JSON",
            "card on two lines     | 'c:GN001000000000000000001\\t{}\\nc:GN001000000000000000001\\t{}' | 4 行目: 1 番目のキー（c:）",
    })
    void badLinesAreExplainedInJapaneseByLineAndKey(String what, String lines, String expected, @TempDir Path dir)
            throws Exception {
        Path file = Files.writeString(dir.resolve("people.lines"),
                "mynadesk-registry-lines 1\n{\"institutions\":[]}\n" + lines.replace("\\t", "\t").replace("\\n", "\n") + "\n");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> InsuredRegistry.load(file), what);
        assertCalm(e.getMessage().replace(file.toString(), "FILE"), expected);
        assertFalse(e.getMessage().contains("CARD") || e.getMessage().contains("GN0"), e.getMessage());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "header not JSON       | 'root:x:0:0:root:/root:/bin/bash' | 2 行 1 列",
            "header wrong type     | '{\"institutions\": 123456789012}' | institutions: 型が違います（2 行目）",
            "header with people    | '{\"people\": []}'                | 2 行目: people",
            "no header             | ''                                | 2 行目: ヘッダー",
            "extra on line 1       | ''                                | 1 行目",
    })
    void aBadLinesHeaderIsExplainedByItsLine(String what, String header, String expected, @TempDir Path dir)
            throws Exception {
        String first = what.equals("extra on line 1") ? "mynadesk-registry-lines 1 root\n{}\n" : "mynadesk-registry-lines 1\n";
        Path file = Files.writeString(dir.resolve("people.lines"), first + (header.isEmpty() ? "" : header + "\n"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> InsuredRegistry.load(file), what);
        assertCalm(e.getMessage().replace(file.toString(), "FILE"), expected);
    }

    private static String message(String json) {
        return assertThrows(IllegalArgumentException.class, () -> FaultPlan.parse(json.getBytes(StandardCharsets.UTF_8)))
                .getMessage();
    }

    /** Japanese, names {@code expected}, and repeats nothing from the file. */
    static void assertCalm(String message, String expected) {
        assertTrue(message.contains(expected), "expected «" + expected + "» in: " + message);
        assertTrue(JAPANESE.matcher(message).find(), message);
        assertFalse(LEAK.matcher(message).find(), message);
        assertFalse(NINE_DIGITS.matcher(message).find(), message);
        assertFalse(message.contains("root") || message.contains("'"), message);
        assertFalse(message.contains("山田") || message.contains("high") || message.contains("yes"), message);
        assertTrue(message.length() < 400, message.length() + " characters: " + message);
    }
}
