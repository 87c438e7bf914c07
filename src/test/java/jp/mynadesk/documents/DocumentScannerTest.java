package jp.mynadesk.documents;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Graphics2D;
import java.awt.Image;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.zip.CRC32;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Reading QR codes from shrunk images, and refusing huge ones from their header alone. */
class DocumentScannerTest {
    @TempDir
    Path dir;

    private static final PresentedDocument DOC = PresentedDocument.builder(DocumentKind.SHIKAKU_KAKUNINSHO)
            .insurerNumber("01130012").insurerName("全国健康保険協会 〇〇支部").symbol("12345678").number("1").branch("00")
            .name("協会 太郎").birthDate("1989-05-10").acquiredOn("2024-12-02").issuedOn("2024-12-02").validUntil("2029-11-30").build();

    /** A 資格情報のお知らせ with every field and long texts: a larger QR version, finer modules (docs/QR-PAYLOAD.md). */
    private static final PresentedDocument LONG_OSHIRASE = PresentedDocument.builder(DocumentKind.SHIKAKU_JOHO_OSHIRASE)
            .insurerNumber("06130017").insurerName("東京都千代田区霞が関健康保険組合 本部事務局 適用課").symbol("AB-12345678")
            .number("12345678").branch("01").name("長寿 一郎左衛門").birthDate("1951-03-15").acquiredOn("2024-12-02")
            .issuedOn("2024-12-02").validFrom("2024-12-02").validUntil("2029-11-30").build();

    /** Area averaging, as photo tools shrink: at 32–34 % a module is about 2 px and blurred. */
    private static BufferedImage shrunk(int percent) {
        return shrunk(DOC, percent);
    }

    /** Each document rendered once for the class (rendering is deterministic; the shrinking only reads it). */
    private static final Map<PresentedDocument, BufferedImage> RENDERED = new ConcurrentHashMap<>();

    private static BufferedImage shrunk(PresentedDocument doc, int percent) {
        BufferedImage full = RENDERED.computeIfAbsent(doc, DocumentRenderer::render);
        int w = full.getWidth() * percent / 100;
        int h = full.getHeight() * percent / 100;
        BufferedImage small = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = small.createGraphics();
        g.drawImage(full.getScaledInstance(w, h, Image.SCALE_AREA_AVERAGING), 0, 0, null);
        g.dispose();
        return small;
    }

    @ParameterizedTest
    @ValueSource(ints = {24, 26, 28, 30, 31, 32, 33, 34, 40, 60})
    void readsADocumentShrunkToAboutTwoPixelsPerModule(int percent) throws Exception {
        assertEquals(DOC, DocumentScanner.scan(shrunk(percent), "shrunk"));
    }

    /** The image turned clockwise by a number of quarter turns, as a photo taken with the phone held sideways. */
    private static BufferedImage turned(BufferedImage src, int quarters) {
        boolean swap = quarters % 2 != 0;
        int w = swap ? src.getHeight() : src.getWidth();
        int h = swap ? src.getWidth() : src.getHeight();
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        g.translate(w / 2.0, h / 2.0);
        g.rotate(Math.PI / 2 * quarters);
        g.translate(-src.getWidth() / 2.0, -src.getHeight() / 2.0);
        g.drawImage(src, 0, 0, null);
        g.dispose();
        return out;
    }

    /**
     * A 資格情報のお知らせ photographed sideways (90°, 270°) and shrunk to sizes zbarimg reads: all were unreadable before
     * (at 31 % and 42 % ZXing's every-format search took the text for a UPC-E barcode; at 36 % nothing was found).
     */
    @ParameterizedTest
    @ValueSource(ints = {31, 36, 42, 60})
    void readsALongOshiraseTurnedSideways(int percent) throws Exception {
        BufferedImage shrunk = shrunk(LONG_OSHIRASE, percent);
        for (int quarters : new int[] {1, 3}) {
            assertEquals(LONG_OSHIRASE, DocumentScanner.scan(turned(shrunk, quarters), "turned"),
                    percent + " % turned " + quarters * 90 + "°");
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {22, 26, 30, 34, 40})
    void readsTheKakuninshoTurnedEveryWay(int percent) throws Exception {
        BufferedImage shrunk = shrunk(percent);
        for (int quarters = 0; quarters < 4; quarters++) {
            assertEquals(DOC, DocumentScanner.scan(turned(shrunk, quarters), "turned"), percent + " % turned " + quarters * 90 + "°");
        }
    }

    @Test
    void refusesAnImageOverThePixelLimitFromItsHeader() throws Exception {
        Path huge = dir.resolve("huge.png");
        Files.write(huge, pngHeaderOnly(20000, 20000));
        DocumentInputException e = assertThrows(DocumentInputException.class, () -> DocumentScanner.scan(huge));
        assertTrue(e.getMessage().contains("20000×20000"), e.getMessage());
    }

    @Test
    void aTruncatedOrFakeImageIsNotAnImage() throws Exception {
        Path fake = dir.resolve("fake.png");
        Files.write(fake, pngHeaderOnly(100, 100)); // header fine, no pixel data
        assertThrows(DocumentInputException.class, () -> DocumentScanner.scan(fake));
        Path text = dir.resolve("text.png");
        Files.writeString(text, "not an image");
        assertThrows(DocumentInputException.class, () -> DocumentScanner.scan(text));
    }

    /** A PNG signature and IHDR chunk (8-bit grayscale) with an empty IDAT: valid header, no image. */
    private static byte[] pngHeaderOnly(int width, int height) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        out.write(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'});
        ByteArrayOutputStream ihdr = new ByteArrayOutputStream();
        DataOutputStream h = new DataOutputStream(ihdr);
        h.writeInt(width);
        h.writeInt(height);
        h.write(new byte[] {8, 0, 0, 0, 0});
        chunk(out, "IHDR", ihdr.toByteArray());
        chunk(out, "IDAT", new byte[0]);
        chunk(out, "IEND", new byte[0]);
        return bytes.toByteArray();
    }

    private static void chunk(DataOutputStream out, String type, byte[] data) throws Exception {
        byte[] t = type.getBytes(StandardCharsets.US_ASCII);
        out.writeInt(data.length);
        out.write(t);
        out.write(data);
        CRC32 crc = new CRC32();
        crc.update(t);
        crc.update(data);
        out.writeInt((int) crc.getValue());
    }
}
