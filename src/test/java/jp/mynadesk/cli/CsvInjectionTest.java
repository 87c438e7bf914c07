package jp.mynadesk.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import jp.mynadesk.documents.DocumentKind;
import jp.mynadesk.documents.DocumentRenderer;
import jp.mynadesk.format.EnteredDate;
import jp.mynadesk.documents.PresentedDocument;
import jp.mynadesk.documents.Sex;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A hostile name printed in a document's QR code goes through {@code check} into the record and out through
 * {@code visits --csv}: each visit stays one CSV row, and no cell a spreadsheet reads starts a formula.
 */
class CsvInjectionTest {
    /** Names as a forger would print them in the QR code (issue 22 item 7: CR/LF then a formula). */
    static final List<String> HOSTILE = List.of(
            "山田 太郎\r\n=HYPERLINK(\"http://evil.example/\",\"x\"),1,2\n@SUM(A1:A9)",
            "=1+1",
            "+81-3-0000",
            "-2+3",
            "@SUM(1)",
            "\tTAB",
            "\rCR first",
            "a\nb\nc",
            "quote \" and, comma",
            "協会 さくら");

    @TempDir
    Path dir;

    @Test
    void aHostileNameInAQrCodeStaysOneCellOfOneRow() throws Exception {
        Path data = dir.resolve("data");
        HttpServer down = outage();
        try {
            String service = "http://127.0.0.1:" + down.getAddress().getPort() + "/";
            for (int i = 0; i < HOSTILE.size(); i++) {
                Path png = dir.resolve("doc-" + i + ".png");
                DocumentRenderer.writePng(document(HOSTILE.get(i)), png);
                // the service is down: the document is judged offline and its name is what gets recorded
                CliRun check = CliRun.of("check", "--document", png.toString(), "--service", service,
                        "--as-of", "2026-12-01T09:30:00+09:00", "--json", "--data", data.toString());
                assertEquals(0, check.exitCode(), check.err());
            }
        } finally {
            down.stop(0);
        }
        CliRun csv = CliRun.of("visits", "--csv", "--data", data.toString());
        assertEquals(0, csv.exitCode(), csv.err());

        List<List<String>> rows = parse(csv.out());
        assertEquals(1 + HOSTILE.size(), rows.size(), csv.out());
        assertEquals(List.of(VisitsCommand.CSV_HEADER.split(",")), rows.get(0));
        int nameColumn = rows.get(0).indexOf("name");
        for (int i = 0; i < HOSTILE.size(); i++) {
            List<String> row = rows.get(i + 1);
            assertEquals(rows.get(0).size(), row.size(), row.toString());
            String name = row.get(nameColumn);
            String given = HOSTILE.get(i);
            for (String visible : given.split("\\p{Cc}+")) { // every visible part is in this one cell
                assertTrue(name.contains(visible), "'" + visible + "' of the name is in its cell: " + name);
            }
            for (String cell : row) {
                assertFalse(!cell.isEmpty() && "=+-@\t\r\n".indexOf(cell.charAt(0)) >= 0 && !isPlainValue(cell),
                        "a cell a spreadsheet would run: " + cell);
            }
        }
    }

    /**
     * A service in maintenance for an hour (503, Retry-After 3600): the client gives up at once instead of retrying
     * with real back-offs, as it would against a refused port (the 10 checks waited ~3 s for those).
     */
    private static HttpServer outage() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            exchange.getRequestBody().readAllBytes();
            exchange.getResponseHeaders().add("Retry-After", "3600");
            exchange.sendResponseHeaders(503, -1);
            exchange.close();
        });
        server.start();
        return server;
    }

    /** Dates, times and plain numbers are not formulas even when they start with '-' (none do here). */
    private static boolean isPlainValue(String cell) {
        return cell.matches("-?[0-9.]+");
    }

    private static PresentedDocument document(String name) {
        return PresentedDocument.builder(DocumentKind.SHIKAKU_KAKUNINSHO).insurerNumber("01130012")
                .insurerName("全国健康保険協会東京支部").symbol("12345678").number("1").branch("01").name(name)
                .birthDate(new EnteredDate.Valid(LocalDate.of(2016, 4, 2))).sex(Sex.FEMALE)
                .issuedOn(new EnteredDate.Valid(LocalDate.of(2024, 12, 2)))
                .validUntil(new EnteredDate.Valid(LocalDate.of(2029, 11, 30))).build();
    }

    /** A strict RFC 4180 reader: quoted cells may hold commas, quotes ("") and line breaks; rows end at LF, CRLF or CR. */
    static List<List<String>> parse(String text) {
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        boolean wasQuoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cell.append(c);
                }
            } else if (c == '"') {
                if (cell.length() > 0 || wasQuoted) {
                    throw new AssertionError("a quote inside an unquoted cell at " + i);
                }
                quoted = true;
                wasQuoted = true;
            } else if (c == ',') {
                row.add(cell.toString());
                cell.setLength(0);
                wasQuoted = false;
            } else if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                continue;
            } else if (c == '\n' || c == '\r') { // a bare CR ends a row in a spreadsheet too
                row.add(cell.toString());
                rows.add(row);
                row = new ArrayList<>();
                cell.setLength(0);
                wasQuoted = false;
            } else {
                cell.append(c);
            }
        }
        assertFalse(quoted, "the text ends inside a quoted cell");
        if (cell.length() > 0 || !row.isEmpty()) {
            row.add(cell.toString());
            rows.add(row);
        }
        return rows;
    }
}
