package jp.mynadesk.screen.web;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import jp.mynadesk.desk.SharingCategory;

/**
 * The patient's consent answers as the patient page sends them, {@code {"answers": {"diagnosis": true, ...}}}. A
 * consent record is a legal record: every category must be answered yes or no; a category left out, null, or any
 * other value is not read as "no" but asked again ({@link #unanswered}).
 */
final class ConsentBody {
    private ConsentBody() {}

    /** The answers, one per category; {@code null} entries are the categories still to be asked. */
    static Map<SharingCategory, Boolean> read(JsonNode body) {
        JsonNode answers = body.path("answers");
        Map<SharingCategory, Boolean> given = new EnumMap<>(SharingCategory.class);
        for (SharingCategory c : SharingCategory.values()) {
            given.put(c, answer(answers.path(c.code())));
        }
        return given;
    }

    /** The field of the answer to 「医療費助成の受給者証を利用しますか」 in {@code answers}. */
    static final String SUBSIDY = "subsidy";

    /** The answer to 「医療費助成の受給者証を利用しますか」: yes, no, or null when not answered (asked again). */
    static Boolean subsidy(JsonNode body) {
        return answer(body.path("answers").path(SUBSIDY));
    }

    /** The categories without a yes or a no, in the order they are asked. */
    static List<SharingCategory> unanswered(Map<SharingCategory, Boolean> given) {
        List<SharingCategory> open = new ArrayList<>();
        for (SharingCategory c : SharingCategory.values()) {
            if (given.get(c) == null) {
                open.add(c);
            }
        }
        return open;
    }

    /** true / false, or the page's "yes" / "no"; anything else is no answer. */
    private static Boolean answer(JsonNode v) {
        if (v.isBoolean()) {
            return v.booleanValue();
        }
        if (v.isTextual()) {
            return switch (v.asText()) {
                case "yes" -> Boolean.TRUE;
                case "no" -> Boolean.FALSE;
                default -> null;
            };
        }
        return null;
    }
}
