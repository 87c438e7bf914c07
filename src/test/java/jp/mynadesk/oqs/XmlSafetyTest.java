package jp.mynadesk.oqs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class XmlSafetyTest {

    @Test
    void externalEntityIsNeverResolved(@TempDir Path dir) throws Exception {
        Path secret = dir.resolve("secret.txt");
        Files.writeString(secret, "TOP-SECRET-CONTENT");
        String xxe = "<?xml version=\"1.0\"?><!DOCTYPE XmlMsg [<!ENTITY xxe SYSTEM \"" + secret.toUri() + "\">]>"
                + "<XmlMsg><MessageHeader><SegmentOfResult>9</SegmentOfResult><ErrorMessage>&xxe;</ErrorMessage>"
                + "</MessageHeader><MessageBody/></XmlMsg>";
        OqsFormatException e = assertThrows(OqsFormatException.class, () -> XmlNode.parse(xxe.getBytes(StandardCharsets.UTF_8)));
        assertFalse(e.getMessage().contains("TOP-SECRET"));
    }

    @Test
    void parameterEntitiesAndBillionLaughsAreRefused() {
        String laughs = "<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\"><!ENTITY lol2 \"&lol;&lol;&lol;&lol;\">"
                + "<!ENTITY lol3 \"&lol2;&lol2;&lol2;&lol2;\">]><XmlMsg>&lol3;</XmlMsg>";
        assertThrows(OqsFormatException.class, () -> XmlNode.parse(laughs.getBytes(StandardCharsets.UTF_8)));
        String param = "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY % p SYSTEM \"http://127.0.0.1:1/x.dtd\"> %p;]><XmlMsg/>";
        assertThrows(OqsFormatException.class, () -> XmlNode.parse(param.getBytes(StandardCharsets.UTF_8)));
        String external = "<?xml version=\"1.0\"?><!DOCTYPE XmlMsg SYSTEM \"http://127.0.0.1:1/x.dtd\"><XmlMsg/>";
        assertThrows(OqsFormatException.class, () -> XmlNode.parse(external.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void undeclaredEntityIsAnError() {
        assertThrows(OqsFormatException.class, () -> XmlNode.parse("<XmlMsg>&nope;</XmlMsg>".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void predefinedEntitiesAndShiftJisWork() throws Exception {
        XmlNode n = XmlNode.parse("<a><b>x &amp; y &lt;z&gt;</b></a>".getBytes(StandardCharsets.UTF_8));
        assertEquals("x & y <z>", n.text("b"));
        Charset sjis = Charset.forName("Shift_JIS");
        byte[] bytes = "<?xml version=\"1.0\" encoding=\"Shift_JIS\" standalone=\"no\"?><XmlMsg><Name>協会　太郎</Name></XmlMsg>".getBytes(sjis);
        assertEquals("協会　太郎", XmlNode.parse(bytes).text("Name"));
    }

    @Test
    void limitsDepthAndEmptiness() {
        assertThrows(OqsFormatException.class, () -> XmlNode.parse(new byte[0]));
        StringBuilder deep = new StringBuilder();
        for (int i = 0; i < 100; i++) {
            deep.append("<a>");
        }
        for (int i = 0; i < 100; i++) {
            deep.append("</a>");
        }
        OqsFormatException e = assertThrows(OqsFormatException.class, () -> XmlNode.parse(deep.toString().getBytes(StandardCharsets.UTF_8)));
        assertTrue(e.getMessage().contains("deep"));
    }

    @Test
    void writerEscapesAndRoundTripsEveryValueAsAString() throws Exception {
        byte[] xml = new XmlWriter().open("XmlMsg").leaf("A", "<&>\"'").leaf("B", "030").leaf("C", null).close("XmlMsg").toBytes();
        XmlNode n = XmlNode.parse(xml);
        assertEquals("<&>\"'", n.text("A"));
        assertEquals("030", n.text("B"));
        assertTrue(n.child("C").isEmpty());
    }
}
