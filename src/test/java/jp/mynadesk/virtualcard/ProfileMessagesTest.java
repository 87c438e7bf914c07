package jp.mynadesk.virtualcard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;
import jp.mynadesk.format.JsonProblem;
import jp.mynadesk.virtualcard.reader.ReaderProfiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every kind of bad card or reader profile is explained in Japanese, naming the profile or file and the field, without
 * a Java or Jackson name, a stack trace, or anything read from the file: no quoted token, no run of nine digits.
 */
class ProfileMessagesTest {
    private static final Pattern JAPANESE = Pattern.compile("[\\p{IsHiragana}\\p{IsKatakana}\\p{IsHan}]");
    /** A Java name, a stack frame, or Jackson's (or the old messages') English. */
    private static final Pattern LEAK = Pattern.compile("\\tat |Exception|java\\.|jp\\.mynadesk|com\\.fasterxml|\\$|`"
            + "|Cannot |Unrecognized|Unexpected|not valid|must |got |expected|unknown|field '|JsonProfile|JsonHolder"
            + "|LocalDate|Integer|Boolean|String");
    private static final Pattern NINE_DIGITS = Pattern.compile("\\d{9}");
    /** What {@code --virtual /etc/passwd} reads. */
    private static final String PASSWD = "root:x:0:0:root:/root:/bin/bash\ndaemon:x:1:1:daemon:/usr/sbin:/usr/sbin/nologin\n";
    private static final String MINIMAL = """
            {"name":"mine","holder":{"name":"試験 花子","kana":"シケン ハナコ","birthDate":"1980-02-17","sex":"2",
             "address":"東京都清瀬市試験町１－２"},"issued":"2025-10-27"}""";

    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "not JSON               | 'root:x:0:0:root:/root:/bin/bash'                      | 1 行 1 列: JSON として読めません",
        "cut short              | '{\"name\": \"x\",'                                    | JSON が途中で終わっています",
        "two documents          | '{} {}'                                                | 1 行 4 列: JSON の後に余分な内容",
        "empty                  | ''                                                     | 中身が空です",
        "null                   | 'null'                                                 | 中身が null です",
        "a list                 | '[1, 2]'                                               | JSON の形が違います。カードプロファイルの項目",
        "a number               | '123456789012'                                         | JSON の形が違います",
        "holder a string        | '{\"name\":\"x\",\"holder\":\"h\",\"issued\":\"2025-01-01\"}' | holder: 型が違います。名義人のオブジェクト",
        "holder sex a number    | '{\"name\":\"x\",\"holder\":{\"sex\":1},\"issued\":\"2025-01-01\"}' | holder.sex: 型が違います。\"1\"、\"2\"、\"9\"",
        "holder unknown field   | '{\"name\":\"x\",\"holder\":{\"nick\":\"n\"},\"issued\":\"2025-01-01\"}' | holder: 項目 nick は使えません。使える項目は name, kana, birthDate, sex, address です",
        "digits as a field      | '{\"123456789012\": 1}'                                | 名前の分からない項目 は使えません",
    })
    void badDocumentsAreExplained(String what, String json, String expected) {
        ProfileException e = assertThrows(ProfileException.class, () -> CardProfiles.parse(json, "ファイル t.json"), what);
        assertTrue(e.getMessage().startsWith("ファイル t.json: "), e.getMessage());
        assertCalm(e.getMessage(), expected);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "PIN a 12-digit number   | \"authPin\":123456789012,                    | authPin: 型が違います。数字 4 桁の文字列",
        "PIN 12 digits           | \"authPin\":\"123456789012\",                | authPin: 使えない値です（12 文字）。数字 4 桁",
        "tries 12 digits         | \"authTriesLeft\":123456789012,              | authTriesLeft: 数値が大きすぎます。0 以上 3 以下の整数",
        "tries a string          | \"authTriesLeft\":\"three\",                 | authTriesLeft: 型が違います。0 以上 3 以下の整数",
        "tries fractional        | \"authTriesLeft\":1.5,                       | authTriesLeft: 型が違います。0 以上 3 以下",
        "tries too many          | \"authTriesLeft\":4,                         | authTriesLeft: 4 は範囲外です。0 以上 3 以下の整数",
        "tries negative          | \"authTriesLeft\":-1,                        | authTriesLeft: -1 は範囲外です",
        "tries -10 digits        | \"authTriesLeft\":-2147483648,               | authTriesLeft: この値は範囲外です",
        "sign tries too many     | \"signTriesLeft\":6,                         | signTriesLeft: 6 は範囲外です。0 以上 5 以下",
        "boolean as text         | \"faceOnly\":\"yes\",                        | faceOnly: 型が違います。true か false を",
        "unknown field           | \"authTriesleft\":1,                         | 項目 authTriesleft は使えません。使える項目は name, description, holder, issued",
        "unknown token kind      | \"token\":\"tablet\",                        | token: トークンの種類に使えない値です。card, android, iphone",
        "token 12 digits         | \"token\":\"123456789012\",                  | token: トークンの種類に使えない値です",
        "impossible date         | \"certificateExpiry\":\"2030-02-30\",        | certificateExpiry: 日付として読めません。実在する日付",
        "12 digits as a date     | \"certificateExpiry\":\"123456789012\",      | certificateExpiry: 日付として読めません",
        "date out of range       | \"certificateExpiry\":\"+123456789-01-01\",  | certificateExpiry: 範囲外の日付です。1900-01-01 から 2099-12-31",
        "expiry before issue     | \"certificateExpiry\":\"2020-01-01\",        | certificateExpiry: 有効期限が issued",
        "subject id 12 digits    | \"subjectId\":\"123456789012\",              | subjectId: 使えない値です。数字 0-9 と英大文字 A-Z の 23 文字",
        "lower-case password     | \"signPassword\":\"abc123\",                 | signPassword: 使えない値です（6 文字、小文字は使えません）",
        "short password          | \"signPassword\":\"AB12\",                   | signPassword: 使えない値です（4 文字）",
    })
    void badFieldsAreExplained(String what, String insert, String expected) {
        String json = MINIMAL.replace("\"issued\"", insert + "\"issued\"");
        ProfileException e = assertThrows(ProfileException.class, () -> CardProfiles.parse(json, "ファイル t.json"), what);
        assertTrue(e.getMessage().startsWith("ファイル t.json: "), e.getMessage());
        assertCalm(e.getMessage(), expected);
        assertFalse(e.getMessage().contains("abc123") || e.getMessage().contains("tablet")
                || e.getMessage().contains("three") || e.getMessage().contains("2030-02-30"), e.getMessage());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "impossible birth date   | 1980-02-17             | 1980-02-30             | holder.birthDate: 日付として読めません",
        "birth date 12 digits    | \"1980-02-17\"         | 123456789012           | holder.birthDate: 型が違います。日付の文字列",
        "birth date far future   | 1980-02-17             | +999999999-12-31       | holder.birthDate: 範囲外の日付です",
        "issued before birth     | 1980-02-17             | 2026-01-01             | issued: 発行日が holder.birthDate",
        "sex code                | \"sex\":\"2\"          | \"sex\":\"3\"          | holder.sex: 使えない値です。\"1\"（男性）",
        "sex 12 digits           | \"sex\":\"2\"          | \"sex\":\"123456789012\" | holder.sex: 使えない値です",
        "missing holder name     | \"name\":\"試験 花子\", | ''                     | holder.name: 必須の項目がありません",
        "blank kana              | シケン ハナコ          | ' '                    | holder.kana: 空です",
        "profile name 12 digits  | \"name\":\"mine\"      | \"name\":\"My 123456789012\" | name: プロファイル名に使えない値です。英小文字",
        "missing issued          | \"issued\":\"2025-10-27\" | \"revoked\":false    | issued: 必須の項目がありません",
    })
    void badHoldersAndDatesAreExplainedWithoutTheHoldersData(String what, String from, String to, String expected) {
        ProfileException e = assertThrows(ProfileException.class,
                () -> CardProfiles.parse(MINIMAL.replace(from, to), "ファイル t.json"), what);
        assertCalm(e.getMessage(), expected);
        for (String data : new String[] {"1980", "試験", "シケン", "清瀬", "mine", "My "}) {
            assertFalse(e.getMessage().contains(data), what + ": " + e.getMessage());
        }
    }

    @Test
    void anUnknownBuiltInNameIsShownAsTypedWithTheBuiltInNames() {
        ProfileException e = assertThrows(ProfileException.class, () -> CardProfiles.resolve("taro"));
        assertCalm(e.getMessage(), "taro は組み込みのプロファイル名ではなく、その名前のファイルもありません");
        for (CardProfile p : CardProfiles.list()) {
            assertTrue(e.getMessage().contains(p.name()), e.getMessage());
        }
        ProfileException blank = assertThrows(ProfileException.class, () -> CardProfiles.resolve(" "));
        assertCalm(blank.getMessage(), "プロファイルの指定が空です。組み込みのプロファイル名（default, ");
    }

    @Test
    void aTypedNameThatLooksLikeAnIdIsNotShown() {
        ProfileException e = assertThrows(ProfileException.class, () -> CardProfiles.resolve("123456789012"));
        assertCalm(e.getMessage(), "指定されたもの は組み込みのプロファイル名ではなく");
    }

    @Test
    void aFileIsNamedAndItsContentIsNot() throws Exception {
        Path passwd = Files.writeString(dir.resolve("passwd"), PASSWD);
        ProfileException e = assertThrows(ProfileException.class, () -> CardProfiles.resolve(passwd.toString()));
        assertTrue(e.getMessage().startsWith(JsonProblem.file(passwd) + ": 1 行 1 列: JSON として読めません"), e.getMessage());
        assertCalm(e.getMessage(), "passwd: 1 行 1 列");
        assertFalse(e.getMessage().contains("root"), e.getMessage());

        Path tries = Files.writeString(dir.resolve("tries.json"), MINIMAL.replace("\"issued\"", "\"authTriesLeft\":9,\"issued\""));
        ProfileException range = assertThrows(ProfileException.class, () -> CardProfiles.load(tries));
        assertTrue(range.getMessage().startsWith(JsonProblem.file(tries) + ": authTriesLeft: 9 は範囲外です"), range.getMessage());
        assertCalm(range.getMessage(), "tries.json: authTriesLeft: 9 は範囲外です。0 以上 3 以下の整数");
    }

    @Test
    void aFifoOrAHugeFileIsRefusedWithoutReadingIt() throws Exception {
        Path fifo = dir.resolve("card.fifo");
        assertEquals(0, new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor());
        ProfileException special = assertTimeoutPreemptively(java.time.Duration.ofSeconds(5),
                () -> assertThrows(ProfileException.class, () -> CardProfiles.load(fifo)));
        assertCalm(special.getMessage(), "は通常のファイルではありません");
        Path huge = dir.resolve("huge.json");
        try (var f = new java.io.RandomAccessFile(huge.toFile(), "rw")) {
            f.setLength(3L * 1024 * 1024 * 1024); // 3 GiB, sparse: never read
        }
        ProfileException big = assertThrows(ProfileException.class, () -> CardProfiles.resolve(huge.toString()));
        assertCalm(big.getMessage(), "は大きすぎます");
    }

    @Test
    void unreadableFilesAreExplained() throws Exception {
        ProfileException missing = assertThrows(ProfileException.class, () -> CardProfiles.load(dir.resolve("missing.json")));
        assertCalm(missing.getMessage(), "missing.json がありません");
        ProfileException directory = assertThrows(ProfileException.class, () -> CardProfiles.load(dir));
        assertCalm(directory.getMessage(), JsonProblem.file(dir) + " を読めません");
        Path binary = Files.write(dir.resolve("card.bin"), new byte[] {(byte) 0xFF, (byte) 0xFE, '1', '2', '3'});
        ProfileException notText = assertThrows(ProfileException.class, () -> CardProfiles.resolve(binary.toString()));
        assertCalm(notText.getMessage(), "card.bin は UTF-8 のテキストとして読めません");
        Path numbered = Files.writeString(dir.resolve("123456789012.json"), "{}");
        ProfileException cut = assertThrows(ProfileException.class, () -> CardProfiles.load(numbered));
        assertCalm(cut.getMessage(), "/….json: name: 必須の項目がありません");
    }

    /** A path is shown as typed but for runs of digits (JUnit's temporary directories have them too). */
    @Test
    void typedTextIsShownWithoutLongDigitRuns() {
        assertTrue(JsonProblem.file(Path.of("/tmp/junit123456789012/x.json")).equals("ファイル /tmp/junit…/x.json"));
        assertTrue(JsonProblem.file(Path.of("cards/mine.json")).equals("ファイル cards/mine.json"));
        assertTrue(JsonProblem.typed("１２３４５６７８９０１２") == null);
        assertTrue(JsonProblem.typed("a\nb") == null);
        assertTrue("taro".equals(JsonProblem.typed("taro")));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "not JSON            | 'root:x:0:0:root:/root:/bin/bash' | 1 行 1 列: JSON として読めません",
        "null                | 'null'                            | 中身が null です。リーダープロファイルの項目",
        "missing fields      | '{\"name\": \"x\"}'               | description: 必須の項目がありません。説明の文字列を",
        "unknown field       | '{\"name\": \"x\", \"readerName\": \"X\", \"latencyMillis\": 0, \"t0\": false, \"extendedApdus\": true, \"maxResponse\": 0, \"dropAfterSeconds\": 0, \"atr\": null, \"description\": \"d\", \"note\": \"n\", \"speed\": 1}' | 項目 speed は使えません。使える項目は name, description, note, readerName, atr, t0",
        "negative latency    | '{\"name\": \"x\", \"readerName\": \"X\", \"latencyMillis\": -5, \"t0\": false, \"extendedApdus\": true, \"maxResponse\": 0, \"dropAfterSeconds\": 0, \"atr\": null, \"description\": \"d\", \"note\": \"n\"}' | latencyMillis: -5 は使えません。0 以上の整数（ミリ秒）",
        "12-digit drop       | '{\"name\": \"x\", \"readerName\": \"X\", \"latencyMillis\": 0, \"t0\": false, \"extendedApdus\": true, \"maxResponse\": 0, \"dropAfterSeconds\": 123456789012, \"atr\": null, \"description\": \"d\", \"note\": \"n\"}' | dropAfterSeconds: 数値が大きすぎます。0 以上の整数（秒",
        "bad ATR             | '{\"name\": \"x\", \"readerName\": \"X\", \"latencyMillis\": 0, \"t0\": false, \"extendedApdus\": true, \"maxResponse\": 0, \"dropAfterSeconds\": 0, \"atr\": \"123456789012x\", \"description\": \"d\", \"note\": \"n\"}' | atr: 使えない値です。2〜33 バイト",
        "null reader name    | '{\"name\": \"x\", \"readerName\": null, \"latencyMillis\": 0, \"t0\": false, \"extendedApdus\": true, \"maxResponse\": 0, \"dropAfterSeconds\": 0, \"atr\": null, \"description\": \"d\", \"note\": \"n\"}' | readerName: 必須の項目です（null は使えません）。PC/SC のリーダー名",
        "null t0             | '{\"name\": \"x\", \"readerName\": \"X\", \"latencyMillis\": 0, \"t0\": null, \"extendedApdus\": true, \"maxResponse\": 0, \"dropAfterSeconds\": 0, \"atr\": null, \"description\": \"d\", \"note\": \"n\"}' | t0: null は使えません。true か false を",
        "t0 as text          | '{\"name\": \"x\", \"readerName\": \"X\", \"latencyMillis\": 0, \"t0\": \"yes\", \"extendedApdus\": true, \"maxResponse\": 0, \"dropAfterSeconds\": 0, \"atr\": null, \"description\": \"d\", \"note\": \"n\"}' | t0: 型が違います。true か false を",
    })
    void badReaderProfilesAreExplained(String what, String json, String expected) throws Exception {
        Path file = Files.writeString(dir.resolve("reader.json"), json, StandardCharsets.UTF_8);
        ProfileException e = assertThrows(ProfileException.class, () -> ReaderProfiles.resolve(file.toString()), what);
        assertTrue(e.getMessage().startsWith(JsonProblem.file(file) + ": "), e.getMessage());
        assertCalm(e.getMessage(), expected);
    }

    @Test
    void anUnknownReaderProfileNameListsTheBuiltIns() {
        ProfileException e = assertThrows(ProfileException.class, () -> ReaderProfiles.resolve("acr38"));
        assertCalm(e.getMessage(), "acr38 は組み込みのリーダープロファイル名ではなく");
        assertTrue(e.getMessage().contains(ReaderProfiles.names()), e.getMessage());
    }

    private static void assertCalm(String message, String expected) {
        assertTrue(message.contains(expected), "expected «" + expected + "» in: " + message);
        assertTrue(JAPANESE.matcher(message).find(), message);
        assertFalse(LEAK.matcher(message).find(), message);
        assertFalse(NINE_DIGITS.matcher(message).find(), message);
        assertFalse(message.contains("\n"), message);
    }
}
