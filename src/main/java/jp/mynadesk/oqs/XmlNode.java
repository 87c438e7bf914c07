package jp.mynadesk.oqs;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * A parsed XML element: name, text and child elements. OQS messages are plain element trees (no attributes, no
 * namespaces, no mixed content), so this is all the model needs.
 *
 * <p>Parsing is strict and XXE-safe: any DTD (hence any entity declaration, external or internal) is refused, no
 * external resource is ever resolved, and depth and size are bounded so a hostile message cannot exhaust memory.
 */
public record XmlNode(String name, String text, List<XmlNode> children) {
    public static final int MAX_BYTES = 8 * 1024 * 1024;
    public static final int MAX_DEPTH = 32;
    public static final int MAX_ELEMENTS = 200_000;

    private static final XMLInputFactory FACTORY = newFactory();

    public XmlNode {
        children = List.copyOf(children);
    }

    /**
     * The JDK's own StAX parser, the one the jar has always used (it ships no other), and whose refusal of DTDs and
     * external entities {@code XmlSafetyTest} holds. Taken directly: {@code newFactory()} would first look for another
     * implementation (a system property, jaxp.properties, service files on the class path), about 15 ms of a one-shot
     * {@code check}.
     */
    private static XMLInputFactory newFactory() {
        XMLInputFactory f = XMLInputFactory.newDefaultFactory();
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        f.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, false);
        f.setProperty(XMLInputFactory.IS_COALESCING, true);
        f.setXMLResolver((publicId, systemId, base, ns) -> {
            throw new XMLStreamException("external resources are not allowed: " + systemId);
        });
        return f;
    }

    /** Parses a whole document (the declared encoding is honoured: UTF-8 or Shift_JIS). */
    public static XmlNode parse(byte[] bytes) throws OqsFormatException {
        return parse(bytes, Limits.MESSAGE);
    }

    /**
     * Size limits of one parse. {@link #MESSAGE} fits every single-person message; {@link #BATCH_RESULT} fits the
     * largest 一括照会 result the service produces ({@link BatchRequest#MAX_PEOPLE} people).
     */
    public record Limits(int maxBytes, int maxElements) {
        public static final Limits MESSAGE = new Limits(MAX_BYTES, MAX_ELEMENTS);
        public static final Limits BATCH_RESULT = new Limits(BatchRequest.MAX_PEOPLE * BatchResult.MAX_BYTES_PER_PERSON,
                BatchRequest.MAX_PEOPLE * BatchResult.MAX_ELEMENTS_PER_PERSON);
    }

    /** Parses a whole document within {@code limits}. */
    public static XmlNode parse(byte[] bytes, Limits limits) throws OqsFormatException {
        if (bytes == null || bytes.length == 0) {
            throw new OqsFormatException("empty message");
        }
        if (bytes.length > limits.maxBytes()) {
            throw new OqsFormatException("message too large: " + bytes.length + " bytes");
        }
        XMLStreamReader r = null;
        try {
            r = FACTORY.createXMLStreamReader(new StringReader(decode(bytes)));
            Builder root = null;
            List<Builder> stack = new ArrayList<>();
            int elements = 0;
            while (r.hasNext()) {
                int event = r.next();
                switch (event) {
                    case XMLStreamConstants.DTD -> throw new OqsFormatException("DOCTYPE/DTD is not allowed in OQS messages");
                    case XMLStreamConstants.ENTITY_REFERENCE -> throw new OqsFormatException(
                            "entity reference &" + r.getLocalName() + "; is not allowed");
                    case XMLStreamConstants.START_ELEMENT -> {
                        if (++elements > limits.maxElements()) {
                            throw new OqsFormatException("too many elements");
                        }
                        if (stack.size() >= MAX_DEPTH) {
                            throw new OqsFormatException("elements nested too deeply");
                        }
                        Builder b = new Builder(r.getLocalName());
                        if (stack.isEmpty()) {
                            if (root != null) {
                                throw new OqsFormatException("more than one root element");
                            }
                            root = b;
                        } else {
                            stack.get(stack.size() - 1).children.add(b);
                        }
                        stack.add(b);
                    }
                    case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> {
                        if (!stack.isEmpty()) {
                            Builder top = stack.get(stack.size() - 1);
                            if (top.text.length() + r.getTextLength() > limits.maxBytes()) {
                                throw new OqsFormatException("text too long");
                            }
                            top.text.append(r.getText());
                        }
                    }
                    case XMLStreamConstants.END_ELEMENT -> stack.remove(stack.size() - 1);
                    default -> { }
                }
            }
            if (root == null) {
                throw new OqsFormatException("no root element");
            }
            return root.build();
        } catch (XMLStreamException e) {
            throw new OqsFormatException("not well-formed XML: " + firstLine(e.getMessage()), e);
        } catch (RuntimeException e) {
            // the JDK's StAX reader reports some malformed input (bad encodings, odd declarations) this way
            throw new OqsFormatException("not readable XML: " + firstLine(String.valueOf(e.getMessage())), e);
        } finally {
            if (r != null) {
                try {
                    r.close();
                } catch (XMLStreamException ignored) {
                    // nothing to release beyond the byte array
                }
            }
        }
    }

    private static final Pattern DECLARED_ENCODING = Pattern.compile("^<\\?xml[^>]*encoding\\s*=\\s*[\"']([A-Za-z0-9_.-]+)[\"']");

    /**
     * Decodes the message strictly in its declared encoding (UTF-8 when none) before the XML reader sees it: a bad
     * byte becomes a clear error here, instead of a message the JDK's parser prints to standard error.
     */
    static String decode(byte[] bytes) throws OqsFormatException {
        String head = new String(bytes, 0, Math.min(bytes.length, 200), StandardCharsets.ISO_8859_1);
        Matcher m = DECLARED_ENCODING.matcher(head.startsWith("\uFEFF") ? head.substring(1) : head);
        Charset charset = StandardCharsets.UTF_8;
        if (m.find()) {
            try {
                charset = CharacterCode.readingCharset(m.group(1));
            } catch (IllegalArgumentException e) {
                throw new OqsFormatException("unsupported encoding " + m.group(1) + " (use UTF-8 or Shift_JIS)");
            }
        }
        try {
            String text = charset.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
            return text.startsWith("\uFEFF") ? text.substring(1) : text;
        } catch (CharacterCodingException e) {
            throw new OqsFormatException("message is not valid " + charset.name() + " text");
        }
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "";
        }
        int nl = s.indexOf('\n');
        String line = nl < 0 ? s : s.substring(0, nl);
        return line.length() > 200 ? line.substring(0, 200) : line;
    }

    private static final class Builder {
        final String name;
        final StringBuilder text = new StringBuilder();
        final List<Builder> children = new ArrayList<>();

        Builder(String name) {
            this.name = name;
        }

        XmlNode build() {
            List<XmlNode> built = new ArrayList<>(children.size());
            for (Builder c : children) {
                built.add(c.build());
            }
            // element-only content: whitespace between children is formatting, not data
            String t = children.isEmpty() ? text.toString() : text.toString().strip();
            return new XmlNode(name, t, built);
        }
    }

    // --- navigation --------------------------------------------------------------------------

    public Optional<XmlNode> child(String childName) {
        for (XmlNode c : children) {
            if (c.name.equals(childName)) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }

    public List<XmlNode> all(String childName) {
        List<XmlNode> out = new ArrayList<>();
        for (XmlNode c : children) {
            if (c.name.equals(childName)) {
                out.add(c);
            }
        }
        return out;
    }

    public XmlNode require(String childName) throws OqsFormatException {
        return child(childName).orElseThrow(() -> new OqsFormatException(name + " has no " + childName));
    }

    /** Text of a leaf child, or null when absent. */
    public String text(String childName) throws OqsFormatException {
        Optional<XmlNode> c = child(childName);
        if (c.isEmpty()) {
            return null;
        }
        if (!c.get().children.isEmpty()) {
            throw new OqsFormatException(childName + " must hold text, not elements");
        }
        return c.get().text;
    }

    public String requireText(String childName) throws OqsFormatException {
        String t = text(childName);
        if (t == null || t.isEmpty()) {
            throw new OqsFormatException(name + "/" + childName + " is required");
        }
        return t;
    }
}
