package jp.mynadesk.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class SafeTextTest {
    @Test
    void eachControlAndBidiCharacterIsShownAsItsCode() {
        assertEquals("a\\u001B[31mb\\u0000c\\u007F\\u009Bd", SafeText.line("a\u001b[31mb\u0000c\u007f\u009bd"));
        assertEquals("\\u202A\\u202B\\u202C\\u202D\\u202E\\u2066\\u2067\\u2068\\u2069\\u200E\\u200F\\u061C\\u2028\\u2029",
                SafeText.line("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f\u061c\u2028\u2029"));
        assertEquals("行1\\u000A行2\\u0009\\u000D", SafeText.line("行1\n行2\t\r"), "one line: layout too");
        assertEquals("行1\n行2\t\\u000D", SafeText.text("行1\n行2\t\r"), "text keeps LF and TAB");
        String plain = "協会 さくら（ｷｮｳｶｲ）😀";
        assertSame(plain, SafeText.line(plain), "ordinary text, emoji and half-width kana untouched, not copied");
        assertNull(SafeText.line(null));
        assertFalse(SafeText.unsafe('\u200b'), "a zero-width space changes no direction and is left alone");
    }

    @Test
    void theWriterKeepsLineEndsAndTheProgressCarriageReturnButNothingElse() {
        StringWriter raw = new StringWriter();
        PrintWriter out = SafeText.writer(new PrintWriter(raw));
        assertSame(out, SafeText.writer(out), "guarding twice changes nothing");
        out.print("a\u001b[2J\tb\r\n");
        out.print("c\rd");
        SafeText.carriageReturn(out);
        out.print("再照会中: 1 件");
        out.println();
        out.flush();
        assertEquals("a\\u001B[2J\tb\r\nc\\u000Dd\r再照会中: 1 件" + System.lineSeparator(), raw.toString());
    }

    @Test
    void jsonThroughTheWriterKeepsItsValue() throws Exception {
        String name = "協会\u202eさくら\u0085\u007f";
        String json = new ObjectMapper().writeValueAsString(java.util.Map.of("name", name));
        StringWriter raw = new StringWriter();
        PrintWriter out = SafeText.writer(new PrintWriter(raw));
        out.print(json);
        out.flush();
        assertTrue(raw.toString().contains("\\u202E"), raw.toString());
        assertEquals(name, new ObjectMapper().readTree(raw.toString()).get("name").asText());
    }
}
