package jp.mynadesk.oqs.hostile;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import jp.mynadesk.oqs.OqsXml;
import jp.mynadesk.oqs.QualificationRequest;
import jp.mynadesk.oqs.QualificationSearchInfo;
import jp.mynadesk.oqs.server.FolderInterface;
import jp.mynadesk.oqs.server.OqsServer;
import jp.mynadesk.oqs.server.OqsService;
import jp.mynadesk.oqs.server.InsuredRegistry;
import jp.mynadesk.pki.TestCa;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hostile files in the folder interface's folders. Before the fix, a FIFO blocked the poller in open() for ever, a
 * directory named *.xml aborted every pass, a 2 GiB file ended the poller with OutOfMemoryError, and a link planted
 * at the predictable temp name made the service overwrite a file outside the folder.
 */
@Timeout(value = 20, unit = TimeUnit.SECONDS)
class HostileFolderTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-04-15T01:00:00Z"), ZoneOffset.UTC);
    private static final byte[] REQUEST = OqsXml.write(new QualificationRequest("20260415", "1311111111", "F-1",
            new QualificationSearchInfo("01130012", "12345678", "1", "00", "19890510", "0", "pt-1")));

    @TempDir
    Path root;
    @TempDir
    Path outside;
    private final List<String> log = new CopyOnWriteArrayList<>();
    private FolderInterface folder;

    @BeforeEach
    void create() throws IOException {
        OqsService service = new OqsService(CLOCK, InsuredRegistry.builtIn(), TestCa.standard(), Duration.ofSeconds(60),
                Duration.ofSeconds(2));
        folder = new FolderInterface(root, service, log::add);
    }

    private static List<String> names(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    private void validRequest(String suffix) throws IOException {
        Files.write(folder.req().resolve("OQSsiquc01req_" + suffix + ".xml"), REQUEST);
    }

    @Test
    void aFifoIsMovedAsideNeverOpened() throws Exception {
        Path fifo = folder.req().resolve("OQSsiquc01req_a.xml");
        assertEquals(0, new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor());
        validRequest("b");
        assertEquals(2, folder.processPending());
        assertTrue(names(folder.res()).containsAll(List.of("OQSsiquc01req_a.err", "OQSsiquc01req_a.xml", "OQSsiquc01res_b.xml")));
        assertTrue(Files.readString(folder.res().resolve("OQSsiquc01req_a.err")).contains("not a regular file"));
        assertEquals(List.of(), names(folder.req()));
        assertTrue(folder.health().ok());
    }

    @Test
    void aFolderNamedXmlDoesNotStopLaterRequests() throws Exception {
        Files.createDirectory(folder.req().resolve("OQSsiquc01req_a.xml"));
        validRequest("b");
        assertEquals(2, folder.processPending());
        assertTrue(Files.isDirectory(folder.res().resolve("OQSsiquc01req_a.xml")));
        assertTrue(Files.exists(folder.res().resolve("OQSsiquc01req_a.err")));
        assertTrue(Files.exists(folder.res().resolve("OQSsiquc01res_b.xml")));
        assertEquals(0, folder.processPending(), "the folder does not come back every pass");
    }

    @Test
    void aSparseFileOverTwoGibibytesIsRefusedUnread() throws Exception {
        Path big = folder.req().resolve("OQSsiquc01req_big.xml");
        try (RandomAccessFile f = new RandomAccessFile(big.toFile(), "rw")) {
            f.setLength(2L * 1024 * 1024 * 1024 + 10);
        }
        validRequest("b");
        assertEquals(2, folder.processPending());
        assertTrue(Files.readString(folder.res().resolve("OQSsiquc01req_big.err")).contains("too large"));
        assertTrue(Files.exists(folder.res().resolve("OQSsiquc01res_b.xml")));
    }

    @Test
    void aLinkInReqIsNotFollowed() throws Exception {
        Path secret = Files.writeString(outside.resolve("secret.xml"), "<XmlMsg>private</XmlMsg>");
        Files.createSymbolicLink(folder.req().resolve("OQSsiquc01req_link.xml"), secret);
        assertEquals(1, folder.processPending());
        assertTrue(Files.isSymbolicLink(folder.res().resolve("OQSsiquc01req_link.xml")), "the link itself is moved");
        assertTrue(Files.readString(folder.res().resolve("OQSsiquc01req_link.err")).contains("not a regular file"));
        assertEquals("<XmlMsg>private</XmlMsg>", Files.readString(secret));
    }

    @Test
    void linksPlantedAtTempAndAnswerNamesDoNotRedirectTheWrite() throws Exception {
        byte[] precious = "do not overwrite".getBytes(StandardCharsets.UTF_8);
        Path victim = Files.write(outside.resolve("victim"), precious);
        Path victim2 = Files.write(outside.resolve("victim2"), precious);
        // the old temp name was predictable; the answer name always is
        Files.createSymbolicLink(folder.res().resolve(".OQSsiquc01res_x.xml.tmp"), victim);
        Files.createSymbolicLink(folder.res().resolve("OQSsiquc01res_x.xml"), victim2);
        validRequest("x");
        assertEquals(1, folder.processPending());
        assertArrayEquals(precious, Files.readAllBytes(victim));
        assertArrayEquals(precious, Files.readAllBytes(victim2));
        Path answer = folder.res().resolve("OQSsiquc01res_x.xml");
        assertFalse(Files.isSymbolicLink(answer));
        assertTrue(Files.readString(answer).contains("F-1"));
    }

    @Test
    void deletedFoldersAreCreatedAgainAndSaidOnce() throws Exception {
        deleteTree(folder.res());
        deleteTree(folder.face());
        validRequest("a");
        assertEquals(1, folder.processPending());
        assertTrue(Files.exists(folder.res().resolve("OQSsiquc01res_a.xml")));
        assertTrue(Files.isDirectory(folder.face()));
        deleteTree(folder.res());
        folder.processPending();
        assertTrue(Files.isDirectory(folder.res()));
        assertEquals(1, log.size(), log.toString());
    }

    @Test
    void aNameTheCharsetCannotDecodeIsAnsweredWithAnErr() throws Exception {
        Path src = Files.write(outside.resolve("r.xml"), REQUEST);
        // bytes 0xff 0xfe are not valid UTF-8 (nor ASCII): the JVM cannot represent this name as a String
        Process p = new ProcessBuilder("sh", "-c", "cp \"$0\" \"$1\"/\"$(printf 'OQSsiquc01req_\\377\\376.xml')\"",
                src.toString(), folder.req().toString()).start();
        assertEquals(0, p.waitFor());
        assertEquals(1, folder.processPending());
        assertEquals(List.of(), names(folder.req()));
        List<String> res = names(folder.res());
        assertTrue(res.contains("OQSsiquc01req___.err"), res.toString());
        assertEquals(2, res.size(), "the request itself, under its own bytes, next to the .err: " + res);
    }

    @Test
    void thePollerSurvivesHostileFilesAndReportsOnHealth() throws Exception {
        try (OqsServer server = OqsServer.start(OqsServer.Config.defaults().port(0).clock(CLOCK).folder(root)
                .folderPoll(Duration.ofMillis(20)))) {
            FolderInterface f = server.folder().orElseThrow();
            assertEquals(0, new ProcessBuilder("mkfifo", f.req().resolve("OQSsiquc01req_1.xml").toString()).start().waitFor());
            Files.createDirectory(f.req().resolve("OQSsiquc01req_2.xml"));
            Files.write(f.req().resolve("OQSsiquc01req_3.xml"), REQUEST);
            while (!Files.exists(f.res().resolve("OQSsiquc01res_3.xml"))) {
                Thread.sleep(20);
            }
            String health = HttpClient.newHttpClient().send(HttpRequest.newBuilder(server.uri().resolve("health")).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            assertTrue(health.startsWith("OK\nfolder: ok"), health);
            replaceWithLink(f.req(), outside); // req replaced by a link: refused, and health says so
            while (f.health().ok()) {
                Thread.sleep(20);
            }
            health = HttpClient.newHttpClient().send(HttpRequest.newBuilder(server.uri().resolve("health")).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            assertTrue(health.contains("folder: failing"), health);
        }
    }

    /** The poller recreates a deleted folder every 20 ms, so it may win the race between the delete and the link. */
    private static void replaceWithLink(Path dir, Path target) throws IOException {
        for (int attempt = 0; ; attempt++) {
            deleteTree(dir);
            try {
                Files.createSymbolicLink(dir, target);
                return;
            } catch (java.nio.file.FileAlreadyExistsException recreated) {
                if (attempt == 50) {
                    throw recreated;
                }
            }
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

}
