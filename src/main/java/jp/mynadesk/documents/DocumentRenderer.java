package jp.mynadesk.documents;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import jp.mynadesk.format.EnteredDate;
import jp.mynadesk.format.Wareki;

/**
 * Draws a sample 資格確認書 or 資格情報のお知らせ with the field layout of the seed forms (交付年月日, 記号, 番号, 枝番,
 * 氏名, 生年月日, 性別, 資格取得年月日, 資格喪失年月日, 有効期限, 保険者番号, 保険者名称) and the QR code of
 * {@link QrPayload}. "SAMPLE" is printed across it: these are test documents, never real ones.
 */
public final class DocumentRenderer {
    static {
        // Rendering happens on servers and in CI without a display.
        System.setProperty("java.awt.headless", "true");
    }

    private static final int WIDTH = 1200;
    private static final int HEIGHT = 760;
    private static final int QR_SIZE = 330;

    private DocumentRenderer() {}

    public static BufferedImage render(PresentedDocument d) {
        BufferedImage img = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, WIDTH, HEIGHT);
            g.setColor(new Color(0xF6, 0xF9, 0xF2));
            g.fillRoundRect(20, 20, WIDTH - 40, HEIGHT - 40, 30, 30);
            g.setColor(Color.DARK_GRAY);
            g.setStroke(new BasicStroke(3));
            g.drawRoundRect(20, 20, WIDTH - 40, HEIGHT - 40, 30, 30);

            g.setColor(Color.BLACK);
            g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 40));
            g.drawString(d.kind().label(), 60, 95);
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 24));
            g.drawString("健康保険", 60, 140);
            d.issuedOn().date().ifPresent(issued -> g.drawString(wareki(issued) + "交付", 520, 95));

            int y = 200;
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 26));
            for (String[] row : rows(d)) {
                g.setColor(Color.DARK_GRAY);
                g.drawString(row[0], 60, y);
                g.setColor(Color.BLACK);
                g.drawString(row[1], 300, y);
                y += 46;
            }

            drawQr(g, QrPayload.encode(d), WIDTH - QR_SIZE - 50, HEIGHT - QR_SIZE - 50);

            g.setColor(new Color(200, 0, 0, 90));
            g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 64));
            g.drawString("SAMPLE / 見本", 420, 170);
        } finally {
            g.dispose();
        }
        return img;
    }

    /** Writes the PNG; the folder must exist (a mistyped folder is not created silently). */
    public static void writePng(PresentedDocument d, Path out) throws IOException {
        try (OutputStream os = Files.newOutputStream(out)) {
            writePng(d, os);
        }
    }

    public static void writePng(PresentedDocument d, OutputStream os) throws IOException {
        if (!ImageIO.write(render(d), "png", os)) {
            throw new IOException("no PNG writer available");
        }
        os.flush();
    }

    private static List<String[]> rows(PresentedDocument d) {
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"記号・番号", "記号 " + dash(d.symbol()) + "　番号 " + dash(d.number()) + "　(枝番) " + dash(d.branch())});
        rows.add(new String[] {"氏名", dash(d.name())});
        rows.add(new String[] {"生年月日", date(d.birthDate())});
        rows.add(new String[] {"性別", d.sex() == null ? "-" : d.sex().label()});
        rows.add(new String[] {"資格取得年月日", date(d.acquiredOn())});
        if (!d.lostOn().isAbsent()) {
            rows.add(new String[] {"資格喪失年月日", date(d.lostOn())});
        }
        rows.add(new String[] {"有効期限", date(d.validUntil())});
        rows.add(new String[] {"保険者番号", dash(d.insurerNumber())});
        rows.add(new String[] {"保険者名称", dash(d.insurerName())});
        return rows;
    }

    private static void drawQr(Graphics2D g, String payload, int x, int y) {
        BitMatrix m;
        try {
            m = new QRCodeWriter().encode(payload, BarcodeFormat.QR_CODE, QR_SIZE, QR_SIZE, Map.of(
                    EncodeHintType.CHARACTER_SET, StandardCharsets.UTF_8.name(),
                    EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M,
                    EncodeHintType.MARGIN, 4));
        } catch (WriterException e) {
            throw new IllegalArgumentException("the document does not fit in a QR code: " + e.getMessage(), e);
        }
        g.setColor(Color.WHITE);
        g.fillRect(x, y, m.getWidth(), m.getHeight());
        g.setColor(Color.BLACK);
        for (int i = 0; i < m.getWidth(); i++) {
            for (int j = 0; j < m.getHeight(); j++) {
                if (m.get(i, j)) {
                    g.fillRect(x + i, y + j, 1, 1);
                }
            }
        }
    }

    private static String date(EnteredDate d) {
        if (d instanceof EnteredDate.Valid v) {
            return wareki(v.value()) + "（" + v.value() + "）";
        }
        return d instanceof EnteredDate.Invalid i ? i.raw() : "-";
    }

    private static String wareki(LocalDate date) {
        try {
            return Wareki.format(date);
        } catch (java.time.DateTimeException e) {
            return date.toString(); // before 明治6年: no 和暦 in java.time
        }
    }

    private static String dash(String s) {
        return s == null || s.isEmpty() ? "-" : s;
    }
}
