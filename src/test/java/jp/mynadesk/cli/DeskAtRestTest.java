package jp.mynadesk.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import jp.mynadesk.testsupport.SecretScan;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Nothing secret at rest: after real checks with right and wrong PINs, the record's bytes hold no PIN and no My Number. */
class DeskAtRestTest {

    @Test
    void noPinAndNoMyNumberInTheDatabaseWalOrBackup(@TempDir Path dir) throws Exception {
        Path data = dir.resolve("data");
        Path profile = Files.writeString(dir.resolve("privacy.json"), """
                {"name": "privacy", "description": "distinctive PIN",
                 "holder": {"name": "秘密 守", "kana": "ヒミツ マモル", "birthDate": "1980-02-17", "sex": "1",
                            "address": "東京都千代田区"},
                 "issued": "2024-06-01", "authPin": "7395"}
                """);
        String[] common = {"--data", data.toString(), "--as-of", "2026-12-01T09:30", "--consent", "all", "--json"};
        for (String pin : List.of("7396", "7395")) {
            CliRun run = withStdin(pin + "\n", concat(new String[] {"check", "--virtual", profile.toString(), "--pin-stdin"}, common));
            assertEquals(0, run.exitCode(), run.err());
        }
        assertEquals(0, withStdin("", concat(new String[] {"check", "--virtual", "default"}, common)).exitCode());
        assertEquals(0, CliRun.of("db", "backup", dir.resolve("backup.db").toString(), "--data", data.toString()).exitCode());
        List<Path> files;
        // the record's files; the operations log under log/ names this JUnit folder (a long digit run) and is
        // searched for the same secrets by OperationsLogCliTest
        try (Stream<Path> s = Files.list(data)) {
            files = new java.util.ArrayList<>(s.filter(Files::isRegularFile).toList());
        }
        files.add(dir.resolve("backup.db"));
        assertEquals(List.of(), SecretScan.scan(files, List.of("7395", "7396")));
    }

    static CliRun withStdin(String stdin, String... args) {
        InputStream saved = System.in;
        System.setIn(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)));
        try {
            return CliRun.of(args);
        } finally {
            System.setIn(saved);
        }
    }

    static String[] concat(String[] a, String[] b) {
        return Stream.concat(Stream.of(a), Stream.of(b)).toArray(String[]::new);
    }
}
