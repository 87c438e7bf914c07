package jp.mynadesk.documents;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.LuminanceSource;
import com.google.zxing.MultiFormatReader;
import com.google.zxing.NotFoundException;
import com.google.zxing.Result;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import javax.imageio.ImageIO;

/** Reads a sample document's QR code from an image back into the document. */
public final class DocumentScanner {
    static {
        System.setProperty("java.awt.headless", "true");
    }

    private DocumentScanner() {}

    public static PresentedDocument scan(Path image) throws DocumentInputException {
        if (!Files.isRegularFile(image)) {
            throw new DocumentInputException(image + ": 画像ファイルが見つかりません。ファイル名を確かめてください。");
        }
        BufferedImage img;
        try {
            img = ImageIO.read(image.toFile());
        } catch (IOException e) {
            img = null;
        }
        if (img == null) {
            throw new DocumentInputException(image + ": 画像として読めません（PNG / JPEG などの画像ファイルを指定してください）。");
        }
        return scan(img, image.toString());
    }

    public static PresentedDocument scan(BufferedImage img, String source) throws DocumentInputException {
        LuminanceSource lum = new BufferedImageLuminanceSource(img);
        Result result;
        try {
            result = new MultiFormatReader().decode(new BinaryBitmap(new HybridBinarizer(lum)), Map.of(
                    DecodeHintType.TRY_HARDER, Boolean.TRUE,
                    DecodeHintType.CHARACTER_SET, StandardCharsets.UTF_8.name()));
        } catch (NotFoundException e) {
            throw new DocumentInputException(source + ": QR コードが見つからないか、読み取れませんでした。"
                    + "書類全体が写るように、ぼけや反射のない画像でもう一度読み取ってください。");
        }
        if (result.getBarcodeFormat() != BarcodeFormat.QR_CODE) {
            throw new DocumentInputException(source + ": 読み取れたのは " + result.getBarcodeFormat()
                    + " のバーコードで、書類の QR コードではありません。書類の QR コードを読み取ってください。");
        }
        try {
            return QrPayload.decode(result.getText());
        } catch (DocumentInputException e) {
            throw new DocumentInputException(source + ": " + e.getMessage(), e);
        }
    }
}
