package jp.mynadesk.documents;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.Binarizer;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.ChecksumException;
import com.google.zxing.DecodeHintType;
import com.google.zxing.FormatException;
import com.google.zxing.LuminanceSource;
import com.google.zxing.MultiFormatReader;
import com.google.zxing.NotFoundException;
import com.google.zxing.Result;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.GlobalHistogramBinarizer;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.Iterator;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/** Reads a sample document's QR code from an image back into the document. */
public final class DocumentScanner {
    static {
        System.setProperty("java.awt.headless", "true");
    }

    private DocumentScanner() {}

    /**
     * Largest image decoded: 50 million pixels (a 48 MP phone photo fits; decoded it takes about 200 MB). The size
     * is read from the file header first, so a 20000×20000 PNG (3 GB decoded) is refused without decoding it.
     */
    public static final long MAX_PIXELS = 50_000_000L;

    /**
     * Attempts in order, cheapest first. The hybrid binarizer (local thresholds) handles uneven light; at about
     * 2 px per module (a sample document shrunk to about 22–34 %, docs/QR-PAYLOAD.md "Measured scales") its blocks
     * are too coarse and the global histogram binarizer reads what it cannot; PURE_BARCODE last, for an image cropped to the code alone.
     */
    private static final List<Function<LuminanceSource, Binarizer>> BINARIZERS = List.of(HybridBinarizer::new, GlobalHistogramBinarizer::new);

    /**
     * Sizes tried after the image's own, each also turned a quarter: a shrunk photo whose modules are about 2 px,
     * blurred by area averaging, is read once each module spans 3–6 px, and which of the sizes and turns lines the
     * modules up with the binarizer's blocks differs from image to image (docs/QR-PAYLOAD.md, "Scanning").
     */
    private static final double[] SIZES = {1.0, 2.0, 1.5, 3.0};

    /** Only QR codes are looked for: with every format, TRY_HARDER finds phantom 1D barcodes in the document's text. */
    private static final List<BarcodeFormat> QR_ONLY = List.of(BarcodeFormat.QR_CODE);

    /** The image resized, smoothly interpolated, in gray. */
    private static BufferedImage resized(BufferedImage img, double factor) {
        BufferedImage big = new BufferedImage((int) Math.round(img.getWidth() * factor), (int) Math.round(img.getHeight() * factor),
                BufferedImage.TYPE_BYTE_GRAY);
        java.awt.Graphics2D g = big.createGraphics();
        try {
            g.setRenderingHint(java.awt.RenderingHints.KEY_INTERPOLATION, java.awt.RenderingHints.VALUE_INTERPOLATION_BICUBIC);
            g.drawImage(img, 0, 0, big.getWidth(), big.getHeight(), null);
        } finally {
            g.dispose();
        }
        return big;
    }

    private static Optional<Result> decodeQr(LuminanceSource lum) {
        Map<DecodeHintType, Object> hints = Map.of(DecodeHintType.TRY_HARDER, Boolean.TRUE,
                DecodeHintType.CHARACTER_SET, StandardCharsets.UTF_8.name(), DecodeHintType.POSSIBLE_FORMATS, QR_ONLY);
        Map<DecodeHintType, Object> pure = Map.of(DecodeHintType.PURE_BARCODE, Boolean.TRUE,
                DecodeHintType.CHARACTER_SET, StandardCharsets.UTF_8.name(), DecodeHintType.POSSIBLE_FORMATS, QR_ONLY);
        for (Map<DecodeHintType, Object> h : List.of(hints, pure)) {
            for (Function<LuminanceSource, Binarizer> binarizer : BINARIZERS) {
                try {
                    return Optional.of(new QRCodeReader().decode(new BinaryBitmap(binarizer.apply(lum)), h));
                } catch (NotFoundException | ChecksumException | FormatException e) {
                    // next attempt
                }
            }
        }
        return Optional.empty();
    }

    /** Every size of {@link #SIZES} that stays within {@link #MAX_PIXELS}, as it is and turned a quarter. */
    static Optional<Result> decode(BufferedImage img) {
        for (double factor : SIZES) {
            if ((double) img.getWidth() * img.getHeight() * factor * factor > MAX_PIXELS) {
                continue;
            }
            LuminanceSource lum = new BufferedImageLuminanceSource(factor == 1.0 ? img : resized(img, factor));
            Optional<Result> r = decodeQr(lum).or(() -> decodeQr(lum.rotateCounterClockwise()));
            if (r.isPresent()) {
                return r;
            }
        }
        return Optional.empty();
    }

    /** No QR code: is there another barcode, to tell staff so? Plain hints, so text is not taken for a barcode. */
    private static Optional<BarcodeFormat> otherBarcode(BufferedImage img) {
        try {
            return Optional.of(new MultiFormatReader().decode(new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(img))))
                    .getBarcodeFormat()).filter(f -> f != BarcodeFormat.QR_CODE);
        } catch (NotFoundException e) {
            return Optional.empty();
        }
    }

    public static PresentedDocument scan(Path image) throws DocumentInputException {
        if (!Files.isRegularFile(image)) {
            throw new DocumentInputException(image + ": 画像ファイルが見つかりません。ファイル名を確かめてください。");
        }
        BufferedImage img = read(image);
        return scan(img, image.toString());
    }

    /** Decodes the image after checking its size in the header, so an oversized file never reaches memory. */
    private static BufferedImage read(Path image) throws DocumentInputException {
        String notAnImage = image + ": 画像として読めません（PNG / JPEG などの画像ファイルを指定してください）。";
        try (ImageInputStream in = ImageIO.createImageInputStream(image.toFile())) {
            Iterator<ImageReader> readers = in == null ? java.util.Collections.emptyIterator() : ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                throw new DocumentInputException(notAnImage);
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                long width = reader.getWidth(0);
                long height = reader.getHeight(0);
                if (width * height > MAX_PIXELS) {
                    throw new DocumentInputException(image + ": 画像が大きすぎます（" + width + "×" + height + " ピクセル）。"
                            + String.format("%,d", MAX_PIXELS) + " ピクセル以下に縮小するか、書類の部分だけを切り出してください。");
                }
                return reader.read(0);
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            // a truncated or corrupt file: the reader's own exception says nothing a user can act on
            throw new DocumentInputException(notAnImage);
        }
    }

    public static PresentedDocument scan(BufferedImage img, String source) throws DocumentInputException {
        Optional<Result> found = decode(img);
        if (found.isEmpty()) {
            Optional<BarcodeFormat> other = otherBarcode(img);
            if (other.isPresent()) {
                throw new DocumentInputException(source + ": 読み取れたのは " + other.get()
                        + " のバーコードで、書類の QR コードではありません。書類の QR コードを読み取ってください。");
            }
            throw new DocumentInputException(source
                    + ": QR コードが見つからないか、読み取れませんでした。書類全体が写るように、ぼけや反射のない画像でもう一度読み取ってください。");
        }
        Result result = found.get();
        try {
            return QrPayload.decode(result.getText());
        } catch (DocumentInputException e) {
            throw new DocumentInputException(source + ": " + e.getMessage(), e);
        }
    }
}
