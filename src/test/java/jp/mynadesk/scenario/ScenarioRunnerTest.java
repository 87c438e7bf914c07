package jp.mynadesk.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.Validator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The runner on small files of its own: failures say where, a bad file never stops the others, the report validates. */
class ScenarioRunnerTest {
    @TempDir
    Path dir;

    private final ScenarioRunner runner = new ScenarioRunner(false, LocalDate.of(2026, 12, 1));

    private Path write(String name, String yaml) throws IOException {
        Path f = dir.resolve(name);
        Files.createDirectories(f.getParent());
        Files.writeString(f, yaml);
        return f;
    }

    @Test
    void anUnknownReaderProfileNamesEachChoiceOnce() {
        ScenarioException e = org.junit.jupiter.api.Assertions.assertThrows(ScenarioException.class,
                () -> ScenarioRunner.readerProfile("no-such-reader"));
        String message = e.getMessage();
        List<String> builtIns = List.of(jp.mynadesk.virtualcard.reader.ReaderProfiles.names().split(", "));
        assertTrue(builtIns.size() > 1, "there are built-in reader profiles");
        for (String name : builtIns) {
            assertEquals(message.indexOf(name), message.lastIndexOf(name), name + " once: " + message);
            assertTrue(message.contains(name), message);
        }
        assertTrue(message.contains("generic"), message);
        assertEquals("reader", e.key());
    }

    @Test
    void aWrongExpectationFailsNamingLineStepAndKey() throws IOException {
        Path f = write("wrong.yaml", """
                name: wrong
                asOf: 2026-12-01
                card: default
                steps:
                  - check: {pin: "0000"}
                  - expect: {outcome: confirmed}
                  - check: {}
                """);
        ScenarioResult r = runner.run(f);
        assertFalse(r.passed());
        assertTrue(r.message().startsWith(f + ":6: steps[1].expect: outcome:"), r.message());
        assertEquals(2, r.steps(), "stops at the failed expectation");
    }

    @Test
    void theSameFileWithTheRightExpectationPasses() throws IOException {
        ScenarioResult r = runner.run(write("right.yaml", """
                name: right
                asOf: 2026-12-01
                card: default
                steps:
                  - check: {pin: "0000"}
                  - expect: {outcome: stopped, reason: {code: wrong-pin, triesLeft: 2}}
                  - expect: {visits: 1}
                """));
        assertTrue(r.passed(), r.message());
    }

    @Test
    void visitsCountAndExpectBeforeAnyCheckFail() throws IOException {
        ScenarioResult none = runner.run(write("none.yaml", "name: n\nsteps:\n  - expect: {outcome: confirmed}\n"));
        assertFalse(none.passed());
        ScenarioResult count = runner.run(write("count.yaml", "name: c\ncard: default\nsteps:\n  - check: {}\n  - expect: {visits: 2}\n"));
        assertFalse(count.passed());
        assertTrue(count.message().contains("visits"), count.message());
    }

    @Test
    void theClockMovesOnlyWithAdvance() throws IOException {
        ScenarioResult r = runner.run(write("clock.yaml", """
                name: clock
                asOf: 2026-12-01T10:00
                card: default
                steps:
                  - check: {}
                  - expect: {asOf: "2026-12-01T10:00:00+09:00"}
                  - advance: P1DT30M
                  - check: {}
                  - expect: {asOf: "2026-12-02T10:30:00+09:00", visitId: 2026-12-02-0001}
                """));
        assertTrue(r.passed(), r.message());
    }

    @Test
    void aMalformedFileIsOneFailedCaseAndTheReportValidates() throws Exception {
        Path bad = write("a/bad.yaml", "name: bad\nsteps:\n  - chek: {}\n");
        Path good = write("b/good.yaml", "name: good\ncard: default\nsteps:\n  - check: {}\n  - expect: {outcome: confirmed}\n");
        List<Path> files = ScenarioRunner.files(List.of(dir));
        assertEquals(List.of(bad, good), files);
        List<ScenarioResult> results = files.stream().map(runner::run).toList();
        assertFalse(results.get(0).passed());
        assertTrue(results.get(0).message().startsWith(bad + ":3: steps[0].chek:"), results.get(0).message());
        assertTrue(results.get(1).passed(), results.get(1).message());

        Path xml = dir.resolve("out/junit.xml");
        JUnitReport.write(results, xml);
        SchemaFactory sf = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
        sf.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        sf.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        Validator v = sf.newSchema(new StreamSource(getClass().getResourceAsStream("/junit-10.xsd"))).newValidator();
        v.validate(new StreamSource(xml.toFile()));
        String text = Files.readString(xml);
        assertEquals(2, text.split("<testcase ", -1).length - 1);
        assertEquals(1, text.split("<failure ", -1).length - 1);
        assertTrue(text.contains("failures=\"1\""), text);
    }

    @Test
    void anInvalidReportIsRejectedByTheSchema() throws Exception {
        Path xml = dir.resolve("invalid.xml");
        Files.writeString(xml, "<testsuites><testsuite tests=\"1\"><testcase/></testsuite></testsuites>");
        SchemaFactory sf = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
        Validator v = sf.newSchema(new StreamSource(getClass().getResourceAsStream("/junit-10.xsd"))).newValidator();
        org.junit.jupiter.api.Assertions.assertThrows(org.xml.sax.SAXException.class, () -> v.validate(new StreamSource(xml.toFile())));
    }
}
