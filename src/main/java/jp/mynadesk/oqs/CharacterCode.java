package jp.mynadesk.oqs;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * {@code CharacterCodeIdentifier} (文字コード識別, OQSCD005): 0 UTF-8, 1 Shift_JIS (docs/OQS-MOCK.md §2.4). A request
 * names the code its answer is to be written in; the answer says which one it used.
 *
 * <p>"Shift_JIS" is read and written as Windows code page 932 ({@code windows-31j}): the 資格確認端末 is a Windows PC and
 * the public face-file writers encode with code page 932 while declaring {@code Shift_JIS}. A character code page 932
 * cannot hold (a 外字 outside JIS X 0208 and its NEC/IBM extensions, such as 𠮷) is written as {@value #REPLACEMENT}, the
 * mark the service shows for characters it cannot show.
 */
public final class CharacterCode {
    public static final String UTF_8 = "0";
    public static final String SHIFT_JIS = "1";
    /** What stands for a character the answer's code cannot hold. */
    public static final String REPLACEMENT = "●";
    /** The charset a {@code Shift_JIS} declaration is read and written with. */
    public static final Charset WINDOWS_31J = Charset.forName("windows-31j");

    private CharacterCode() {}

    /** The identifier a request asked for: "0" or "1"; null when absent or not a known code (UTF-8 then). */
    public static String identifierOf(String text) {
        if (text == null) {
            return null;
        }
        String t = text.strip();
        return t.equals(UTF_8) || t.equals(SHIFT_JIS) ? t : null;
    }

    /** The identifier an answer carries for a request that asked for {@code requested} (UTF-8 unless it asked for 1). */
    public static String answerFor(String requested) {
        return SHIFT_JIS.equals(requested) ? SHIFT_JIS : UTF_8;
    }

    public static Charset charset(String identifier) {
        return SHIFT_JIS.equals(identifier) ? WINDOWS_31J : StandardCharsets.UTF_8;
    }

    /**
     * The charset a declared encoding is read with: every name of Shift_JIS as code page 932 (its superset, which
     * Windows writers produce under the name Shift_JIS), any other name as itself.
     */
    public static Charset readingCharset(String declared) {
        String n = declared.strip().toLowerCase(java.util.Locale.ROOT).replace('-', '_');
        if (n.equals("shift_jis") || n.equals("sjis") || n.equals("x_sjis") || n.equals("ms932") || n.equals("windows_31j")
                || n.equals("cp932")) {
            return WINDOWS_31J;
        }
        return Charset.forName(declared);
    }

    /** The name an XML declaration gives the code. */
    public static String declaredName(String identifier) {
        return SHIFT_JIS.equals(identifier) ? "Shift_JIS" : "UTF-8";
    }

    /** {@code text} in the code, each character it cannot hold (a surrogate pair counts as one) replaced by ●. */
    public static byte[] encode(String text, String identifier) {
        if (!SHIFT_JIS.equals(identifier)) {
            return text.getBytes(StandardCharsets.UTF_8);
        }
        CharsetEncoder e = WINDOWS_31J.newEncoder()
                .onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE)
                .replaceWith(REPLACEMENT.getBytes(WINDOWS_31J));
        try {
            ByteBuffer b = e.encode(CharBuffer.wrap(text));
            byte[] out = new byte[b.remaining()];
            b.get(out);
            return out;
        } catch (CharacterCodingException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
