package jp.mynadesk.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;
import jp.mynadesk.replay.Recording;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A bad --virtual, --profile or --reader-profile is refused with exit 2 and one Japanese message naming the option. */
class ProfileOptionMessagesTest {
    private static final Pattern LEAK = Pattern.compile("\\tat |Exception|java\\.|jp\\.mynadesk|com\\.fasterxml"
            + "|unknown|Unrecognized|not a valid|must |root:|\\d{9}");
    private static final String READER = "{\"name\": \"x\", \"readerName\": \"X\", \"latencyMillis\": -5, \"t0\": false, "
            + "\"extendedApdus\": true, \"maxResponse\": 0, \"dropAfterSeconds\": 0, \"atr\": null, \"description\": \"d\", "
            + "\"note\": \"n\"}";

    @TempDir
    Path dir;

    @Test
    void anUnknownCardProfileNameListsTheBuiltIns() {
        CliRun run = CliRun.of("check", "--virtual", "taro", "--json");
        assertRefused(run, "--virtual: カードプロファイルを読み込めません。taro は組み込みのプロファイル名ではなく");
        assertTrue(run.err().contains("default, one-try-left"), run.err());
    }

    @Test
    void aFileThatIsNotAProfileIsNamedNotRepeated() throws Exception {
        Path passwd = Files.writeString(dir.resolve("passwd"), "root:x:0:0:root:/root:/bin/bash\n");
        assertRefused(CliRun.of("desk", "--virtual", passwd.toString()),
                "--virtual: カードプロファイルを読み込めません。ファイル ");
        assertRefused(CliRun.of("desk", "--virtual", passwd.toString()), "passwd: 1 行 1 列: JSON として読めません");
    }

    @Test
    void serveNamesTheBadFieldOfItsProfile() throws Exception {
        Path card = Files.writeString(dir.resolve("card.json"), """
                {"name":"mine","holder":{"name":"試験 花子","kana":"シケン ハナコ","birthDate":"1980-02-17","sex":"2",
                 "address":"東京都清瀬市試験町１－２"},"issued":"2025-10-27","authTriesLeft":4}""");
        CliRun run = CliRun.of("card", "serve", "--profile", card.toString());
        assertRefused(run, "--profile: カードプロファイルを読み込めません。ファイル ");
        assertRefused(run, "card.json: authTriesLeft: 4 は範囲外です。0 以上 3 以下の整数");
        assertFalse(run.err().contains("1980") || run.err().contains("試験"), run.err());
    }

    @Test
    void aBadReaderProfileIsExplainedByEveryCommand() throws Exception {
        Path reader = Files.writeString(dir.resolve("reader.json"), READER);
        String why = "reader.json: latencyMillis: -5 は使えません。0 以上の整数（ミリ秒）";
        assertRefused(CliRun.of("check", "--virtual", "default", "--reader-profile", reader.toString(), "--json"),
                "--reader-profile: カードリーダープロファイルを読み込めません。ファイル ");
        assertRefused(CliRun.of("check", "--virtual", "default", "--reader-profile", reader.toString(), "--json"), why);
        assertRefused(CliRun.of("card", "serve", "--reader-profile", reader.toString()), why);
        Path trace = Files.writeString(dir.resolve("good.trace"), Recording.record("default", "9999", 0).text());
        CliRun replay = CliRun.of("trace", "replay", trace.toString(), "--reader-profile", "acr38");
        assertRefused(replay, "--reader-profile: カードリーダープロファイルを読み込めません。acr38 は組み込みのリーダープロファイル名ではなく");
        assertTrue(replay.err().contains("acr39u"), replay.err());
        assertRefused(CliRun.of("trace", "replay", trace.toString(), "--reader-profile", reader.toString()), why);
    }

    @Test
    void aKeyWrittenTwiceInAProfileIsRefusedNamingIt() throws Exception {
        // the second value would silently win: the card would not have the PIN tries the tester wrote first
        Path card = Files.writeString(dir.resolve("twice.json"), """
                {"name":"mine","holder":{"name":"試験 花子","kana":"シケン ハナコ","birthDate":"1980-02-17","sex":"2",
                 "address":"東京都清瀬市試験町１－２"},"issued":"2025-10-27","authTriesLeft":1,"authTriesLeft":3}""");
        CliRun run = CliRun.of("card", "serve", "--profile", card.toString());
        assertRefused(run, "--profile: カードプロファイルを読み込めません。ファイル ");
        assertRefused(run, "twice.json: 2 行 ");
        assertRefused(run, "項目 authTriesLeft が2回書かれています");
        assertRefused(CliRun.of("check", "--virtual", card.toString(), "--json"), "項目 authTriesLeft が2回書かれています");

        Path reader = Files.writeString(dir.resolve("reader-twice.json"),
                READER.replace("\"latencyMillis\": -5", "\"latencyMillis\": 0, \"latencyMillis\": 900"));
        assertRefused(CliRun.of("check", "--virtual", "default", "--reader-profile", reader.toString(), "--json"),
                "reader-twice.json: 1 行 ");
        assertRefused(CliRun.of("card", "serve", "--reader-profile", reader.toString()), "項目 latencyMillis が2回書かれています");
    }

    private static void assertRefused(CliRun run, String expected) {
        assertEquals(ExitCode.BAD_INPUT.status, run.exitCode(), run.out() + run.err());
        assertTrue(run.err().contains(expected), "expected «" + expected + "» in: " + run.err());
        assertFalse(LEAK.matcher(run.err()).find(), run.err());
    }
}
