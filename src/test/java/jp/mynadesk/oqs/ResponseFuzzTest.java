package jp.mynadesk.oqs;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Seeded mutation fuzzing of the response parser: valid messages of every kind, mutated at byte, token and element
 * level. Each case must either decode or fail with {@link OqsFormatException} — never another exception.
 */
class ResponseFuzzTest {
    private static final int CASES = 12_000;
    private static final String[] TOKENS = {"<", ">", "</", "/>", "&", "&amp;", "&#0;", "&#xD800;", "<!DOCTYPE x>", "<![CDATA[",
        "]]>", "<?xml version=\"1.0\"?>", "\u0000", "\uFFFE", "ｱ", "9", "5", "", " ", "<XmlMsg>", "</MessageBody>",
        "<ResultList>", "<SegmentOfResult>2</SegmentOfResult>", "<QualificationValidity>7</QualificationValidity>",
        "<!ENTITY e SYSTEM \"file:///etc/passwd\">", "&e;", "<ResultOfQualificationConfirmation>", "\"", "'", "\r\n"};

    interface Reader {
        Object read(XmlNode n) throws OqsFormatException;
    }

    @Test
    void mutatedResponsesNeverCrashTheParser() {
        List<byte[]> seeds = seeds();
        List<Reader> readers = List.of(OqsXml::readQualificationResponse, OqsXml::readBatchReception,
                OqsXml::readBatchResult, OqsXml::readConsentReceipt, OqsXml::readChallenge, OqsXml::readHeader,
                OqsXml::readQualificationRequest, OqsXml::readCardCheckRequest, OqsXml::readBatchRequest,
                OqsXml::readConsentRequest, OqsXml::readBatchDownloadRequest);
        Random random = new Random(20260415L);
        int decoded = 0;
        int refused = 0;
        for (int i = 0; i < CASES; i++) {
            byte[] input = mutate(seeds.get(random.nextInt(seeds.size())), random);
            Reader reader = readers.get(random.nextInt(readers.size()));
            try {
                reader.read(XmlNode.parse(input));
                decoded++;
            } catch (OqsFormatException expected) {
                refused++;
            } catch (RuntimeException | StackOverflowError e) {
                fail("case " + i + " crashed the parser with " + e + " on input:\n" + new String(input, StandardCharsets.UTF_8), e);
            }
        }
        assertTrue(decoded > 100, "some mutants stay valid: " + decoded);
        assertTrue(refused > 1000, "most mutants are refused: " + refused);
    }

    private static byte[] mutate(byte[] seed, Random r) {
        byte[] b = seed.clone();
        int rounds = 1 + r.nextInt(4);
        for (int k = 0; k < rounds; k++) {
            switch (r.nextInt(7)) {
                case 0 -> { // flip bytes
                    for (int j = 0; j < 1 + r.nextInt(5); j++) {
                        b[r.nextInt(b.length)] ^= (byte) (1 << r.nextInt(8));
                    }
                }
                case 1 -> b = java.util.Arrays.copyOf(b, r.nextInt(b.length + 1)); // truncate
                case 2 -> b = splice(b, r.nextInt(b.length + 1), TOKENS[r.nextInt(TOKENS.length)].getBytes(StandardCharsets.UTF_8));
                case 3 -> { // delete a range
                    int from = r.nextInt(b.length + 1);
                    int to = Math.min(b.length, from + r.nextInt(40));
                    byte[] out = new byte[b.length - (to - from)];
                    System.arraycopy(b, 0, out, 0, from);
                    System.arraycopy(b, to, out, from, b.length - to);
                    b = out;
                }
                case 4 -> { // duplicate a range (repeated elements, 複数該当-like shapes)
                    int from = r.nextInt(b.length + 1);
                    int to = Math.min(b.length, from + r.nextInt(200));
                    b = splice(b, to, java.util.Arrays.copyOfRange(b, from, to));
                }
                case 5 -> { // change a value: replace a digit with another character
                    String s = new String(b, StandardCharsets.UTF_8);
                    int idx = s.indexOf('>', r.nextInt(Math.max(1, s.length())));
                    if (idx >= 0 && idx + 1 < s.length()) {
                        s = s.substring(0, idx + 1) + "XYZ91-".charAt(r.nextInt(6)) + s.substring(idx + 1);
                    }
                    b = s.getBytes(StandardCharsets.UTF_8);
                }
                default -> { // random garbage
                    byte[] g = new byte[r.nextInt(30)];
                    r.nextBytes(g);
                    b = splice(b, r.nextInt(b.length + 1), g);
                }
            }
            if (b.length == 0) {
                return b;
            }
        }
        return b;
    }

    private static byte[] splice(byte[] b, int at, byte[] insert) {
        byte[] out = new byte[b.length + insert.length];
        System.arraycopy(b, 0, out, 0, at);
        System.arraycopy(insert, 0, out, at, insert.length);
        System.arraycopy(b, at, out, at + insert.length, b.length - at);
        return out;
    }

    private static List<byte[]> seeds() {
        MessageHeader ok = new MessageHeader("20260415100000", "20260415", "1311111111", "F1", ReferenceClassification.CARD,
                SegmentOfResult.NORMAL, null, null, "0");
        QualificationRecord rec = new QualificationRecord("01", "  141002", "横中", "123456", "00", "1", "失効　次郎", "失効　次郎",
                null, "ｼｯｺｳ ｼﾞﾛｳ", null, "1", null, "19781123", "神奈川県", "231-0005", "20200401", null, "20250801",
                "20250801", "20260731", "030", null, null, "横浜市",
                new QualificationRecord.ElderlyRecipientInfo("20250715", "20250801", "20260731", "020"), "1", "20260415100000",
                new QualificationRecord.LimitApplicationInfo("01", "A03", "20250401", "20250401", "20270331", null), "1",
                "20260415100000", List.of(new QualificationRecord.SpecificDiseaseInfo("1", "20240401", "20240401", "20270331", "10000")),
                Map.of(ConsentCategory.PHARMACISTS, new QualificationRecord.Consent("1", "20260415100000", "20260416100000")),
                null, "pt-1");
        QualificationSearchInfo info = new QualificationSearchInfo("01130012", "12345678", "1", "00", "19890510", "1", "pt");
        List<byte[]> seeds = new ArrayList<>();
        seeds.add(OqsXml.write(new QualificationResponse(ok, ProcessingResultStatus.NORMAL, null, null, QualificationValidity.VALID,
                null, null, List.of(rec))));
        seeds.add(OqsXml.write(new QualificationResponse(ok, ProcessingResultStatus.NORMAL, null, null, QualificationValidity.MULTIPLE,
                null, info, List.of(rec, rec))));
        seeds.add(OqsXml.error(new MessageHeader("20260415100000", null, "1311111111", null, null, SegmentOfResult.ABNORMAL,
                "ES9001", "システムエラー", "0")));
        seeds.add(OqsXml.write(new BatchReception(ok, "2026041500000001", "20260415100000")));
        seeds.add(OqsXml.write(new BatchResult(ok, "2026041500000001", "1", "1", "0", List.of(new BatchResult.BulkConfirmUnit(info,
                ProcessingResultStatus.NORMAL, null, null, QualificationValidity.VALID, List.of(rec), null)))));
        seeds.add(OqsXml.write(ok, new Challenge("abcdef0123456789", new byte[32], "20260415100100")));
        seeds.add(OqsXml.write(new ConsentReceipt(ok, Map.of(ConsentCategory.DIAGNOSIS,
                new QualificationRecord.Consent("1", "20260415100000", "20260416100000")))));
        seeds.add(OqsXml.write(new QualificationRequest("20260415", "1311111111", "F", info)));
        seeds.add(OqsXml.write(new BatchRequest("20260415", "1311111111", "F", List.of(info, info))));
        seeds.add(OqsXml.write(CardCheckRequest.pin("20260415", "1311111111", "F", new byte[] {1, 2, 3}, "c", new byte[] {4}, "T")));
        seeds.add(OqsXml.write(new ConsentRequest("1311111111", new byte[] {1}, Map.of(ConsentCategory.OPERATION, false))));
        seeds.add(OqsXml.write(new BatchDownloadRequest("1311111111", "F", "2026041500000001")));
        return seeds;
    }
}
