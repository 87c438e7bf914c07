package jp.mynadesk.scenario;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * The JUnit XML report Jenkins and GitLab read: one {@code <testsuite>} for the run, one {@code <testcase>} per
 * scenario file (classname = the file's folder, name = the file), a {@code <failure>} with the reason when it
 * failed, and the path of its APDU trace when one was written ({@code --traces}). Shape: the common "JUnit 10"
 * schema (src/test/resources/junit-10.xsd checks it).
 *
 * <p>Every text is made writable in XML 1.0 first: a character XML 1.0 cannot carry at all, not even as a character
 * reference (C0 controls other than tab, newline and return; U+FFFE, U+FFFF; a lone surrogate), is written as the
 * visible text of a backslash, {@code u} and four hex digits, so one odd scenario name cannot make the whole report
 * unreadable. A dot in the folder name is written as U+2024 (one dot leader, "․"): Jenkins reads the dots of a classname as package separators, and
 * {@code sub.dir} would otherwise show as class {@code dir} in package {@code scenarios.sub}.
 */
public final class JUnitReport {
    private JUnitReport() {}

    public static void write(List<ScenarioResult> results, Path target) throws IOException {
        write(results, Map.of(), target);
    }

    /** @param traces the trace file written for a failed result ({@code --traces}), by identity of the result */
    public static void write(List<ScenarioResult> results, Map<ScenarioResult, Path> traces, Path target) throws IOException {
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
                x.writeAttribute("name", xmlText(r.name() + " [" + r.file().getFileName() + "]"));
                x.writeAttribute("classname", className(r.file()));
                x.writeAttribute("time", seconds(r.time()));
                if (!r.passed()) {
                    String message = r.message() == null ? "" : r.message();
                    Path trace = traces.get(r);
                    x.writeStartElement("failure");
                    x.writeAttribute("message", xmlText(message));
                    x.writeAttribute("type", "scenario");
                    x.writeCharacters(xmlText(trace == null ? message : message + "\nAPDUトレース: " + trace));
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

    /** {@code scenarios.<folder>}, the folder's dots written as U+2024 so Jenkins keeps it one class name. */
    static String className(Path file) {
        Path folder = file.getParent();
        Path name = folder == null ? null : folder.getFileName();
        return xmlText("scenarios." + (name == null ? "" : name.toString().replace('.', '\u2024')));
    }

    /** The text with every character XML 1.0 cannot carry written as a backslash, u and four hex digits (class comment). */
    static String xmlText(String s) {
        StringBuilder out = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean pair = Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1));
            boolean allowed = pair || (c >= 0x20 && c <= 0xD7FF) || c == '\t' || c == '\n' || c == '\r'
                    || (c >= 0xE000 && c <= 0xFFFD);
            if (allowed && out == null) {
                if (pair) {
                    i++;
                }
                continue;
            }
            if (out == null) {
                out = new StringBuilder(s.length() + 16).append(s, 0, i);
            }
            if (pair) {
                out.append(c).append(s.charAt(++i));
            } else if (allowed) {
                out.append(c);
            } else {
                out.append(String.format(Locale.ROOT, "\\u%04X", (int) c));
            }
        }
        return out == null ? s : out.toString();
    }

    private static String seconds(Duration d) {
        return String.format(Locale.ROOT, "%.3f", d.toNanos() / 1e9);
    }
}
