package jp.mynadesk.documents;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.client.j2se.MatrixToImageWriter;
import com.google.zxing.oned.Code128Writer;
import com.google.zxing.qrcode.QRCodeWriter;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import jp.mynadesk.format.JsonText;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RenderScanRoundTripTest {
    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {
            // the seed 資格確認書 (003), all fields
            "{\"kind\":\"shikaku-kakuninsho\",\"insurerNumber\":\"01130012\",\"insurerName\":\"全国健康保険協会 〇〇支部\","
                    + "\"symbol\":\"12345678\",\"number\":\"1\",\"branch\":\"00\",\"name\":\"協会 太郎\",\"birthDate\":\"1989-05-10\","
                    + "\"sex\":\"male\",\"acquiredOn\":\"2024-12-02\",\"issuedOn\":\"2024-12-02\",\"validUntil\":\"2029-11-30\"}",
            // with 資格喪失年月日 (seed 004), a 記号 with '-' and '|' and '\\' to exercise escaping
            "{\"kind\":\"shikaku-kakuninsho\",\"insurerNumber\":\"06130017\",\"symbol\":\"AB-12|3\\\\x\",\"number\":\"0012\","
                    + "\"branch\":\"01\",\"name\":\"部品 花子\",\"birthDate\":\"1960-01-31\",\"sex\":\"female\",\"issuedOn\":\"2025-04-01\","
                    + "\"validFrom\":\"2025-04-01\",\"validUntil\":\"2027-11-30\",\"lostOn\":\"2026-06-15\"}",
            // a 資格情報のお知らせ of a 国保 with few fields
            "{\"kind\":\"shikaku-joho-oshirase\",\"insurerNumber\":\"138057\",\"number\":\"1234567\",\"name\":\"国保 一郎\","
                    + "\"birthDate\":\"1950-12-01\"}",
            // an impossible date survives as written, so docs check still reports bad-format
            "{\"kind\":\"shikaku-kakuninsho\",\"insurerNumber\":\"01130013\",\"number\":\"1\",\"name\":\"誤読 見本\","
                    + "\"birthDate\":\"1989-02-30\",\"issuedOn\":\"2024-12-02\",\"validUntil\":\"2029-11-30\"}",
    })
    void renderedDocumentScansBackToTheSameJson(String json) throws Exception {
        JsonNode original = DocumentJson.parse(json, "fixture");
        PresentedDocument doc = DocumentJson.read(original, "fixture");
        Path png = dir.resolve("doc.png");
        DocumentRenderer.writePng(doc, png);
        PresentedDocument scanned = DocumentScanner.scan(png);
        assertEquals(doc, scanned);
        assertEquals(original, DocumentJson.write(scanned));
    }

    @Test
    void payloadIsVersionedAndCompact() {
        PresentedDocument d = PresentedDocument.builder(DocumentKind.SHIKAKU_KAKUNINSHO).insurerNumber("01130012").number("1")
                .name("協会 太郎").birthDate("1989-05-10").issuedOn("2024-12-02").validUntil("2029-11-30").build();
        String p = QrPayload.encode(d);
        assertTrue(p.startsWith("MDQ1|K|01130012|"), p);
        assertTrue(p.length() < 80, p);
    }

    @Test
    void foreignQrCodeIsRefused() throws Exception {
        Path png = dir.resolve("foreign.png");
        MatrixToImageWriter.writeToPath(new QRCodeWriter().encode("https://example.com/", BarcodeFormat.QR_CODE, 300, 300), "png", png);
        var e = assertThrows(DocumentInputException.class, () -> DocumentScanner.scan(png));
        assertTrue(e.getMessage().contains("mynadesk の書類の QR コードではありません"), e.getMessage());
    }

    @Test
    void otherBarcodeIsRefused() throws Exception {
        Path png = dir.resolve("code128.png");
        MatrixToImageWriter.writeToPath(new Code128Writer().encode("MDQ1|K", BarcodeFormat.CODE_128, 400, 120), "png", png);
        var e = assertThrows(DocumentInputException.class, () -> DocumentScanner.scan(png));
        assertTrue(e.getMessage().contains("書類の QR コードではありません"), e.getMessage());
    }

    @Test
    void unreadableImagesAreRefused() throws Exception {
        Path notImage = dir.resolve("x.png");
        Files.writeString(notImage, "not a png");
        assertTrue(assertThrows(DocumentInputException.class, () -> DocumentScanner.scan(notImage)).getMessage().contains("画像として読めません"));
        Path blank = dir.resolve("blank.png");
        javax.imageio.ImageIO.write(new java.awt.image.BufferedImage(200, 200, java.awt.image.BufferedImage.TYPE_INT_RGB), "png", blank.toFile());
        assertTrue(assertThrows(DocumentInputException.class, () -> DocumentScanner.scan(blank)).getMessage().contains("QR コードが見つからない"));
        assertThrows(DocumentInputException.class, () -> DocumentScanner.scan(dir.resolve("missing.png")));
    }

    @Test
    void damagedAndFutureVersionsAreExplained() {
        assertTrue(assertThrows(DocumentInputException.class, () -> QrPayload.decode("MDQ2|K")).getMessage().contains("バージョン"));
        assertTrue(assertThrows(DocumentInputException.class, () -> QrPayload.decode("MDQ1|K|1")).getMessage().contains("壊れ"));
        assertTrue(assertThrows(DocumentInputException.class, () -> QrPayload.decode("MDQ1|Z|||||||||||||")).getMessage().contains("種類"));
    }

    @Test
    void myNumberFieldsNeverReachThePayload() throws Exception {
        JsonNode withMyNumber = DocumentJson.parse("{\"kind\":\"shikaku-joho-oshirase\",\"insurerNumber\":\"01130012\",\"number\":\"1\","
                + "\"name\":\"協会 太郎\",\"birthDate\":\"1989-05-10\",\"myNumberLast4\":\"4821\",\"マイナンバー下4桁\":\"4821\"}", "x");
        PresentedDocument d = DocumentJson.read(withMyNumber, "x");
        assertFalse(QrPayload.encode(d).contains("4821"));
        assertFalse(DocumentJson.write(d).toString().contains("4821"));
    }
}
