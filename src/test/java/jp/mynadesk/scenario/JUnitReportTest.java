package jp.mynadesk.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import jp.mynadesk.testsupport.JUnitXml;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * The JUnit report stays readable whatever a scenario is called: a strict XML 1.0 parser reads it, it validates
 * against the JUnit 10 schema, the trace path is in the failure and a dotted folder stays one Jenkins class.
 */
class JUnitReportTest {
    @TempDir
    Path dir;

    @Test
    void controlCharactersDotsAndTheTracePathKeepTheReportReadable() throws Exception {
        Path file = dir.resolve("sub.dir/odd.yaml");
        ScenarioResult odd = new ScenarioResult(file, "bell\u0007 esc\u001B nul\u0000 lone\uD800 ffff\uFFFF ok\uD83D\uDE00", false,
                file + ":3: steps[0].expect: reason\u0001", 2, Duration.ofMillis(5), "trace");
        ScenarioResult plain = new ScenarioResult(dir.resolve("a/plain.yaml"), "受付 確認", true, null, 1, Duration.ZERO, null);
        Path trace = dir.resolve("traces/odd.yaml.trace");
        Path xml = dir.resolve("junit.xml");
        JUnitReport.write(List.of(odd, plain), Map.of(odd, trace), xml);

        Document doc = JUnitXml.parseAndValidate(xml);
        Element first = (Element) doc.getElementsByTagName("testcase").item(0);
        assertEquals("bell\\u0007 esc\\u001B nul\\u0000 lone\\uD800 ffff\\uFFFF ok\uD83D\uDE00 [odd.yaml]", first.getAttribute("name"));
        assertEquals("scenarios.sub\u2024dir", first.getAttribute("classname"));
        assertEquals("sub\u2024dir", JUnitXml.jenkinsClass(first.getAttribute("classname")), "one class, not class 'dir' in package 'sub'");
        Element failure = (Element) first.getElementsByTagName("failure").item(0);
        assertTrue(failure.getAttribute("message").endsWith("reason\\u0001"), failure.getAttribute("message"));
        assertTrue(failure.getTextContent().contains("APDUトレース: " + trace), failure.getTextContent());
        Element second = (Element) doc.getElementsByTagName("testcase").item(1);
        assertEquals("受付 確認 [plain.yaml]", second.getAttribute("name"));
        assertEquals("scenarios.a", second.getAttribute("classname"));
        assertTrue(Files.readString(xml).contains("failures=\"1\""));
    }

    @Test
    void textThatXmlCarriesIsLeftAsItIs() {
        String s = "協会 太郎 \uD840\uDC0B 𠮷 |\\ \r\n\t";
        assertTrue(JUnitReport.xmlText(s) == s, "no copy when nothing needs writing differently");
        assertEquals("a\\u001Fb\\uDC00", JUnitReport.xmlText("a\u001Fb\uDC00"));
    }
}
