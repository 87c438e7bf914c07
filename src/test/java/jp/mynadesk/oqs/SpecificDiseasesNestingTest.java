package jp.mynadesk.oqs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Issue 20 point 7: the service writes one {@code SpecificDiseasesCertificateList} wrapping an
 * {@code SpecificDiseasesCertificateInfo} per certificate (docs/OQS-MOCK.md §2.6); the client also reads the other
 * public shape (the list element repeated, holding the fields itself).
 */
class SpecificDiseasesNestingTest {
    private static final String RECORD_HEAD = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><XmlMsg><MessageHeader>"
            + "<SegmentOfResult>1</SegmentOfResult></MessageHeader><MessageBody><ResultList><ResultOfQualificationConfirmation>"
            + "<InsuredCardClassification>01</InsuredCardClassification><Name>特定　太郎</Name><Sex1>1</Sex1>"
            + "<Birthdate>19700101</Birthdate><InsurerName>テスト保険者</InsurerName>";
    private static final String RECORD_TAIL = "</ResultOfQualificationConfirmation></ResultList>"
            + "<ProcessingResultStatus>1</ProcessingResultStatus><QualificationValidity>1</QualificationValidity></MessageBody></XmlMsg>";

    private static String disease(String category) {
        return "<SpecificDiseasesDiseaseCategory>" + category + "</SpecificDiseasesDiseaseCategory>"
                + "<SpecificDiseasesValidStartDate>20260401</SpecificDiseasesValidStartDate>"
                + "<SpecificDiseasesSelfPay>10000</SpecificDiseasesSelfPay>";
    }

    private static List<String> categories(String xml) throws OqsFormatException {
        return OqsXml.readQualificationResponse(XmlNode.parse(xml.getBytes(StandardCharsets.UTF_8))).results().get(0)
                .specificDiseases().stream().map(QualificationRecord.SpecificDiseaseInfo::diseaseCategory).toList();
    }

    @Test
    void theWrappedListAsTheLayoutSpecShowsIt() throws Exception {
        assertEquals(List.of("1", "2"), categories(RECORD_HEAD + "<SpecificDiseasesCertificateList>"
                + "<SpecificDiseasesCertificateInfo>" + disease("1") + "</SpecificDiseasesCertificateInfo>"
                + "<SpecificDiseasesCertificateInfo>" + disease("2") + "</SpecificDiseasesCertificateInfo>"
                + "</SpecificDiseasesCertificateList>" + RECORD_TAIL));
    }

    @Test
    void repeatedListElementsAsSmartKarteModelsThem() throws Exception {
        assertEquals(List.of("1", "3"), categories(RECORD_HEAD
                + "<SpecificDiseasesCertificateList>" + disease("1") + "</SpecificDiseasesCertificateList>"
                + "<SpecificDiseasesCertificateList>" + disease("3") + "</SpecificDiseasesCertificateList>" + RECORD_TAIL));
    }

    @Test
    void theServiceWritesTheWrappedList() throws Exception {
        QualificationRecord r = new QualificationRecord("01", null, null, null, null, null, null, "特定　太郎", null, null, null,
                "1", null, "19700101", null, null, null, null, null, null, null, null, null, null, "テスト保険者", null, "1",
                null, null, "1", null, List.of(new QualificationRecord.SpecificDiseaseInfo("1", null, "20260401", null, "10000"),
                        new QualificationRecord.SpecificDiseaseInfo("2", null, "20260401", null, "10000")),
                null, null, null);
        MessageHeader h = new MessageHeader("20261207100000", "20261207", "1311111111", null, ReferenceClassification.NUMBERS,
                SegmentOfResult.NORMAL, null, null, "0");
        String xml = new String(OqsXml.write(new QualificationResponse(h, ProcessingResultStatus.NORMAL, null, null,
                QualificationValidity.VALID, null, null, List.of(r))), StandardCharsets.UTF_8);
        assertEquals(1, xml.split("<SpecificDiseasesCertificateList>", -1).length - 1, xml);
        assertEquals(2, xml.split("<SpecificDiseasesCertificateInfo>", -1).length - 1, xml);
        assertTrue(xml.indexOf("<SpecificDiseasesCertificateList>") < xml.indexOf("<SpecificDiseasesCertificateInfo>"));
    }
}
