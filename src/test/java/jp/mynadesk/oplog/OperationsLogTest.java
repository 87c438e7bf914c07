package jp.mynadesk.oplog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The operations log: its place, its permissions, rotation within bounds, and digit runs masked. */
class OperationsLogTest {
    @TempDir
    Path data;

    @AfterEach
    void closeLog() {
        OperationsLog.close(0);
    }

    @Test
    void opensInTheDataFolderOwnerOnlyWithStartAndStopLines() throws IOException {
        OperationsLog.command("check");
        Path file = OperationsLog.open(data, "mynadesk test").orElseThrow();
        assertEquals(data.resolve("log").resolve("mynadesk.log").toAbsolutePath(), file);
        OperationsLog.info("reader", "カードが置かれました: Virtual PCD 00 00");
        OperationsLog.close(0);
        OperationsLog.info("reader", "閉じた後の行は書かれません");
        String text = Files.readString(file);
        assertTrue(text.contains("INFO process: 開始: mynadesk test check"), text);
        assertTrue(text.contains("INFO reader: カードが置かれました: Virtual PCD 00 00"), text);
        assertTrue(text.contains("INFO process: 終了: check（終了コード 0）"), text);
        assertFalse(text.contains("閉じた後"), text);
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file.getParent())));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        assertTrue(OperationsLog.file().isEmpty());
    }

    @Test
    void aDataFolderThatDoesNotExistGetsNoLogAndIsNotMade() {
        Path missing = data.resolve("not-yet");
        assertTrue(OperationsLog.open(missing, "mynadesk test").isEmpty());
        assertFalse(Files.exists(missing));
        OperationsLog.info("process", "nothing to write to"); // returns quietly
    }

    @Test
    void anUnexpectedFailureIsLoggedWithItsStackTraceAndLongDigitRunsMasked() throws IOException {
        Path file = OperationsLog.open(data, "mynadesk test").orElseThrow();
        Exception failure = new IllegalStateException("bad row for 123456789012 insurer 06139012",
                new RuntimeException("cause with ０６１３９０１２"));
        OperationsLog.unexpected("cli", "予期しないエラー", failure);
        String text = Files.readString(file);
        assertTrue(text.contains("SEVERE cli: 予期しないエラー"), text);
        assertTrue(text.contains("java.lang.IllegalStateException: bad row for [数字12桁] insurer [数字8桁]"), text);
        assertTrue(text.contains("Caused by: java.lang.RuntimeException: cause with [数字8桁]"), text);
        assertTrue(text.contains("\tat jp.mynadesk.oplog.OperationsLogTest."), text);
        assertFalse(text.contains("123456789012") || text.contains("06139012") || text.contains("０６１３９０１２"), text);
    }

    @Test
    void ownLinesStayOneLineAndForeignTextLosesItsDigitRuns() throws IOException {
        Path file = OperationsLog.open(data, "mynadesk test").orElseThrow();
        OperationsLog.info("station", "医療機関コード 1311111111、" + OperationsLog.foreign("番号 123456789012、保険者 ０６１３９０１２")
                + "\n偽の行");
        String text = Files.readString(file);
        assertTrue(text.contains("医療機関コード 1311111111、番号 [数字12桁]、保険者 [数字8桁]\\n偽の行"), text);
    }

    @Test
    void rotationKeepsAtMostCountFilesOfAtMostLimitBytes() throws IOException {
        Path dir = Files.createDirectories(data.resolve("log"));
        Path file = dir.resolve("mynadesk.log");
        RotatingLogHandler handler = new RotatingLogHandler(file, 2048, 3);
        for (int i = 0; i < 200; i++) {
            LogRecord r = new LogRecord(Level.INFO, "record " + i + " " + "x".repeat(60));
            r.setLoggerName("jp.mynadesk.test");
            handler.publish(r);
        }
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.filter(p -> !p.getFileName().toString().endsWith(".lck")).sorted().toList();
        }
        assertEquals(List.of(file, handler.numbered(1), handler.numbered(2)), files);
        for (Path f : files) {
            assertTrue(Files.size(f) <= 2048, f + " is " + Files.size(f) + " bytes");
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(f)));
        }
        String newest = Files.readString(file, StandardCharsets.UTF_8);
        assertTrue(newest.contains("record 199 "), newest);
        assertFalse(Files.readString(handler.numbered(2)).contains("record 0 "), "the oldest records fell off");
        assertTrue(Files.readString(handler.numbered(1)).contains("record " + firstNumber(newest).map(n -> n - 1)
                .orElseThrow() + " "), "the file before holds the record before");
    }

    @Test
    void aRecordLongerThanAQuarterOfTheLimitIsCut() throws IOException {
        Path dir = Files.createDirectories(data.resolve("log"));
        RotatingLogHandler handler = new RotatingLogHandler(dir.resolve("mynadesk.log"), 4096, 2);
        LogRecord r = new LogRecord(Level.SEVERE, "y".repeat(10_000));
        handler.publish(r);
        String text = Files.readString(dir.resolve("mynadesk.log"));
        assertEquals(1024, text.getBytes(StandardCharsets.UTF_8).length);
        assertTrue(text.endsWith("（長すぎるため省略）\n"), text);
    }

    @Test
    void aRemovedFolderIsNotMadeAgain() throws IOException {
        Path dir = Files.createDirectories(data.resolve("gone").resolve("log"));
        RotatingLogHandler handler = new RotatingLogHandler(dir.resolve("mynadesk.log"), 4096, 2);
        Files.delete(dir);
        handler.publish(new LogRecord(Level.INFO, "into nowhere"));
        assertFalse(Files.exists(dir));
    }

    private static java.util.Optional<Integer> firstNumber(String text) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("record (\\d+) ").matcher(text);
        return m.find() ? java.util.Optional.of(Integer.parseInt(m.group(1))) : java.util.Optional.empty();
    }

    @Test
    void timesAreJapanTimeToTheMillisecond() {
        StringBuilder out = new StringBuilder();
        LogLineFormat.time(out, java.time.LocalDateTime.ofInstant(java.time.Instant.parse("2026-01-02T23:04:05.067Z"),
                LogLineFormat.JAPAN));
        assertEquals("2026-01-03T08:04:05.067+09:00", out.toString());
        LogRecord r = new LogRecord(Level.WARNING, "x");
        r.setInstant(java.time.Instant.parse("2026-12-31T15:00:00Z"));
        r.setLoggerName("jp.mynadesk.reader");
        assertTrue(new LogLineFormat().format(r).matches("2027-01-01T00:00:00\\.000\\+09:00 \\[\\d+\\] WARNING reader: x\n"),
                new LogLineFormat().format(r));
    }
}
