package jp.mynadesk.scenario;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * The JUnit XML report Jenkins and GitLab read: one {@code <testsuite>} for the run, one {@code <testcase>} per
 * scenario file (classname = the file's folder, name = the file), a {@code <failure>} with the reason when it
 * failed. Shape: the common "JUnit 10" schema (src/test/resources/junit-10.xsd checks it).
 */
public final class JUnitReport {
    private JUnitReport() {}

    public static void write(List<ScenarioResult> results, Path target) throws IOException {
        Path parent = target.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        try (OutputStream out = Files.newOutputStream(target)) {
            XMLStreamWriter x = XMLOutputFactory.newFactory().createXMLStreamWriter(out, "UTF-8");
            x.writeStartDocument("UTF-8", "1.0");
            x.writeCharacters("\n");
            long failures = results.stream().filter(r -> !r.passed()).count();
            x.writeStartElement("testsuites");
            x.writeAttribute("name", "mynadesk scenarios");
            x.writeAttribute("tests", Integer.toString(results.size()));
            x.writeAttribute("failures", Long.toString(failures));
            x.writeAttribute("errors", "0");
            x.writeAttribute("time", seconds(results.stream().map(ScenarioResult::time).reduce(Duration.ZERO, Duration::plus)));
            x.writeCharacters("\n");
            x.writeStartElement("testsuite");
            x.writeAttribute("name", "scenarios");
            x.writeAttribute("tests", Integer.toString(results.size()));
            x.writeAttribute("failures", Long.toString(failures));
            x.writeAttribute("errors", "0");
            x.writeAttribute("skipped", "0");
            x.writeAttribute("time", seconds(results.stream().map(ScenarioResult::time).reduce(Duration.ZERO, Duration::plus)));
            x.writeCharacters("\n");
            for (ScenarioResult r : results) {
                x.writeCharacters("  ");
                x.writeStartElement("testcase");
                x.writeAttribute("name", r.name() + " [" + r.file().getFileName() + "]");
                Path folder = r.file().getParent();
                x.writeAttribute("classname", "scenarios." + (folder == null ? "" : folder.getFileName().toString()));
                x.writeAttribute("time", seconds(r.time()));
                if (!r.passed()) {
                    x.writeStartElement("failure");
                    x.writeAttribute("message", r.message());
                    x.writeAttribute("type", "scenario");
                    x.writeCharacters(r.message());
                    x.writeEndElement();
                }
                x.writeEndElement();
                x.writeCharacters("\n");
            }
            x.writeEndElement();
            x.writeCharacters("\n");
            x.writeEndElement();
            x.writeCharacters("\n");
            x.writeEndDocument();
            x.close();
        } catch (XMLStreamException e) {
            throw new IOException("JUnit report: " + e.getMessage(), e);
        }
    }

    private static String seconds(Duration d) {
        return String.format(Locale.ROOT, "%.3f", d.toNanos() / 1e9);
    }
}
