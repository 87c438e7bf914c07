package jp.mynadesk.oqs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Error answers say at person level (in MessageBody) what the header says, so body-only parsers see the error. */
class ErrorAnswerShapeTest {
    private static final MessageHeader ERROR = new MessageHeader("20261122093000", "20261122", "1312345678", "f1",
            ReferenceClassification.NUMBERS, SegmentOfResult.ABNORMAL, "EC9999", "テスト用のエラー", MessageHeader.UTF_8);

    private static void assertErrorBody(byte[] xml) throws OqsFormatException {
        XmlNode body = XmlNode.parse(xml).require("MessageBody");
        assertEquals(ProcessingResultStatus.ERROR.code(), body.text("ProcessingResultStatus"));
        assertEquals("EC9999", body.text("ProcessingResultCode"));
        assertEquals("テスト用のエラー", body.text("ProcessingResultMessage"));
    }

    @Test
    void plainErrorAnswer() throws Exception {
        assertErrorBody(OqsXml.error(ERROR));
    }

    @Test
    void qualificationBatchAndConsentErrors() throws Exception {
        assertErrorBody(OqsXml.write(new QualificationResponse(ERROR, null, null, null, null, null, null, List.of())));
        assertErrorBody(OqsXml.write(new BatchReception(ERROR, null, null)));
        assertErrorBody(OqsXml.write(new ConsentReceipt(ERROR, java.util.Map.of())));
    }

    @Test
    void readersStillSeeAnAbnormalFile() throws Exception {
        QualificationResponse r = OqsXml.readQualificationResponse(XmlNode.parse(OqsXml.error(ERROR)));
        assertEquals(SegmentOfResult.ABNORMAL, r.header().segmentOfResult());
        assertEquals("EC9999", r.header().errorCode());
    }
}
