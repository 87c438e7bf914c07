package jp.mynadesk.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import jp.mynadesk.oqs.OqsFormatException;
import jp.mynadesk.oqs.OqsXml;
import jp.mynadesk.oqs.XmlNode;

/** The OQS XML parser and message readers: bytes from the network or the req folder fail only with OqsFormatException. */
class OqsXmlFuzzTest {

    @FuzzTest(maxDuration = "10s")
    void anyBytesAreAMessageOrAFormatError(byte[] bytes) {
        XmlNode root;
        try {
            root = XmlNode.parse(bytes);
        } catch (OqsFormatException e) {
            return;
        }
        readAll(root);
    }

    private static void readAll(XmlNode root) {
        for (Reader r : new Reader[] {OqsXml::readHeader, OqsXml::readQualificationResponse, OqsXml::readQualificationRequest,
                OqsXml::readBatchRequest, OqsXml::readBatchResult, OqsXml::readBatchDownloadRequest, OqsXml::readCardCheckRequest,
                OqsXml::readConsentRequest, OqsXml::readConsentReceipt, OqsXml::readChallenge, OqsXml::readBatchReception}) {
            try {
                r.read(root);
            } catch (OqsFormatException e) {
                // refused with a reason: fine
            }
        }
    }

    @FunctionalInterface
    private interface Reader {
        Object read(XmlNode root) throws OqsFormatException;
    }
}
