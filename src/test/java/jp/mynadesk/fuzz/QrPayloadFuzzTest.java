package jp.mynadesk.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import jp.mynadesk.documents.DocumentInputException;
import jp.mynadesk.documents.PresentedDocument;
import jp.mynadesk.documents.QrPayload;

/** The QR payload parser: any scanned text is a document or a DocumentInputException; a document re-encodes. */
class QrPayloadFuzzTest {

    @FuzzTest(maxDuration = "10s")
    void anyPayloadIsADocumentOrAnInputError(byte[] bytes) throws DocumentInputException {
        // raw bytes, so the seed files next to this class are plain text files
        String payload = new String(bytes, java.nio.charset.StandardCharsets.UTF_8);
        QrPayload.isOurs(payload);
        PresentedDocument d;
        try {
            d = QrPayload.decode(payload);
        } catch (DocumentInputException e) {
            return;
        }
        QrPayload.decode(QrPayload.encode(d)); // what we decoded, we can write and read back
    }
}
