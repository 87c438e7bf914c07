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
    void everyFieldNoteIsASentenceThatRepeatsWhatWasTyped() {
        List<String> bad = new ArrayList<>();
        for (jp.mynadesk.rules.EntryNote.Code c : jp.mynadesk.rules.EntryNote.Code.values()) {
            String typed = "R99.1.1";
            String s = StaffText.entry(new jp.mynadesk.rules.EntryNote(c, typed, 3));
            boolean repeats = !s.contains("「") || s.contains("「" + typed + "」");
            if (s.isBlank() || !s.endsWith("。") || s.contains("null") || !repeats) {
                bad.add(c + ": " + s);
            }
        }
        assertEquals(List.of(), bad);
    }

    @Test
    void aDayOutsideItsEraNamesTheEraAndTheRightDay() {
        assertEquals("「平成32年1月1日」は存在しない日付です。平成は 1989-01-08 から 2019-04-30 までです（2020-01-01 は 令和2年1月1日）。",
                StaffText.entry(jp.mynadesk.rules.EntryNote.of(jp.mynadesk.rules.EntryNote.Code.DATE_OUTSIDE_ERA, "平成32年1月1日")));
        assertEquals("「令和1年4月30日」は存在しない日付です。令和は 2019-05-01 からです（2019-04-30 は 平成31年4月30日）。",
                StaffText.entry(jp.mynadesk.rules.DocumentEntry.date("令和1年4月30日", true) instanceof jp.mynadesk.rules.FieldCheck.Rejected r
                        ? r.note() : null));
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
