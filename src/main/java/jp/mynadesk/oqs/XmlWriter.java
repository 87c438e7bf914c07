package jp.mynadesk.oqs;

import java.nio.charset.StandardCharsets;

/**
 * Writes OQS element trees: UTF-8, every value a string, absent (null) values omitted. Hand-written rather than a
 * Transformer because the service answers thousands of queries per second.
 */
public final class XmlWriter {
    private final StringBuilder sb = new StringBuilder(2048);
    private int depth;

    public XmlWriter() {
        sb.append("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"no\"?>\n");
    }

    public XmlWriter open(String name) {
        indent();
        sb.append('<').append(name).append(">\n");
        depth++;
        return this;
    }

    public XmlWriter close(String name) {
        depth--;
        indent();
        sb.append("</").append(name).append(">\n");
        return this;
    }

    /** A leaf element; skipped when value is null. */
    public XmlWriter leaf(String name, String value) {
        if (value == null) {
            return this;
        }
        indent();
        sb.append('<').append(name).append('>');
        escape(value);
        sb.append("</").append(name).append(">\n");
        return this;
    }

    public byte[] toBytes() {
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    /**
     * The document in the code {@code characterCodeIdentifier} names (docs/OQS-MOCK.md §2.4), declared as such; UTF-8
     * unless it is 1 (Shift_JIS, where a character the code cannot hold becomes {@link CharacterCode#REPLACEMENT}).
     */
    public byte[] toBytes(String characterCodeIdentifier) {
        if (!CharacterCode.SHIFT_JIS.equals(characterCodeIdentifier)) {
            return toBytes();
        }
        String text = sb.toString().replaceFirst("encoding=\"UTF-8\"", "encoding=\"Shift_JIS\"");
        return CharacterCode.encode(text, characterCodeIdentifier);
    }

    @Override
    public String toString() {
        return sb.toString();
    }

    private void indent() {
        for (int i = 0; i < depth; i++) {
            sb.append(' ');
        }
    }

    private void escape(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '&' -> sb.append("&amp;");
                case '"' -> sb.append("&quot;");
                case '\'' -> sb.append("&apos;");
                default -> {
                    if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') {
                        sb.append(' '); // not representable in XML 1.0
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
    }
}
