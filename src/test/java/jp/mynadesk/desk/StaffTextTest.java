package jp.mynadesk.desk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Every code has its wording in the one catalogue: what happened, and a next step; docs/DESK.md says the same. */
class StaffTextTest {

    @Test
    void everyReasonCodeHasASentenceAndANextStep() {
        List<String> missing = new ArrayList<>();
        for (ReasonCode c : ReasonCode.values()) {
            String what = StaffText.message(c);
            String next = StaffText.next(c);
            if (what == null || what.isBlank() || !what.endsWith("。")) {
                missing.add(c.code() + " message: " + what);
            }
            if (next == null || next.isBlank() || !next.endsWith("。")) {
                missing.add(c.code() + " next: " + next);
            }
        }
        assertEquals(List.of(), missing);
    }

    @Test
    void everyRulesReasonIsADeskCodeOfTheSameName() {
        for (jp.mynadesk.rules.Reason r : jp.mynadesk.rules.Reason.values()) {
            assertEquals(r.code(), ReasonCode.of(r).code(), r.name());
        }
    }

    @Test
    void docsDeskTableIsTheCatalogue() throws IOException {
        String doc = Files.readString(Path.of("docs/DESK.md"), StandardCharsets.UTF_8);
        doc = doc.substring(doc.indexOf("## Reason codes"));
        doc = doc.substring(0, doc.indexOf("\n## ") < 0 ? doc.length() : doc.indexOf("\n## "));
        Matcher row = Pattern.compile("(?m)^\\| `([a-z-]+)` \\| (.+?) \\| (.+?) \\|$").matcher(doc);
        Map<String, String> table = new TreeMap<>();
        while (row.find()) {
            table.put(row.group(1), row.group(2) + " | " + row.group(3));
        }
        Map<String, String> catalogue = new TreeMap<>();
        for (ReasonCode c : ReasonCode.values()) {
            catalogue.put(c.code(), StaffText.message(c) + " | " + StaffText.next(c));
        }
        assertFalse(table.isEmpty(), "docs/DESK.md has its reason-code table");
        assertEquals(catalogue, table);
    }

    @Test
    void triesLeftAreSaidWithTheWrongPin() {
        assertTrue(StaffText.message(new Reason(ReasonCode.WRONG_PIN, 2)).contains("残り2回"));
    }
}
