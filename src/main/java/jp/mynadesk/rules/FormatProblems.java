package jp.mynadesk.rules;

import java.util.ArrayList;
import java.util.List;
import jp.mynadesk.documents.DocumentJson;
import jp.mynadesk.documents.DocumentKind;
import jp.mynadesk.format.EnteredDate;
import jp.mynadesk.documents.PresentedDocument;
import jp.mynadesk.rules.EntryNote.Code;

/**
 * Which fields make a document {@code bad-format}, each with what is wrong, so {@code docs check} can name them
 * ({@code documents[0].validUntil: …}) instead of only saying the document is malformed. Mirrors the format
 * check of the document rules field by field; a test keeps the two in step.
 */
public final class FormatProblems {
    private FormatProblems() {}

    /** @param field the JSON field name ({@code validUntil}); the caller prefixes the document's path */
    public record Problem(String field, EntryNote note) {}

    public static List<Problem> of(PresentedDocument d) {
        List<Problem> problems = new ArrayList<>();
        if (InsurerNumber.check(d.insurerNumber()) instanceof InsurerNumberCheck.Malformed m) {
            problems.add(new Problem("insurerNumber", d.insurerNumber() == null ? EntryNote.of(Code.INSURER_NUMBER_MISSING)
                    : EntryNote.of(Code.INSURER_NUMBER_MALFORMED, DocumentJson.shown(m.input()))));
        }
        if (!DocumentJudge.isDigits(d.number())) {
            problems.add(new Problem("number", d.number() == null ? EntryNote.of(Code.NUMBER_MISSING)
                    : EntryNote.of(Code.NUMBER_NOT_DIGITS, DocumentJson.shown(d.number()))));
        }
        if (d.name() == null || d.name().isBlank()) {
            problems.add(new Problem("name", EntryNote.of(Code.NAME_MISSING)));
        }
        if (d.branch() != null && !d.branch().matches("[0-9]{2}")) {
            problems.add(new Problem("branch", EntryNote.of(Code.BRANCH_MALFORMED, DocumentJson.shown(d.branch()))));
        }
        boolean kakuninsho = d.kind() == DocumentKind.SHIKAKU_KAKUNINSHO;
        date(problems, "birthDate", d.birthDate(), true);
        date(problems, "acquiredOn", d.acquiredOn(), false);
        date(problems, "issuedOn", d.issuedOn(), kakuninsho);
        date(problems, "validFrom", d.validFrom(), false);
        date(problems, "validUntil", d.validUntil(), kakuninsho);
        date(problems, "lostOn", d.lostOn(), false);
        return problems;
    }

    private static void date(List<Problem> problems, String field, EnteredDate value, boolean required) {
        if (value.isAbsent() && required) {
            problems.add(new Problem(field, EntryNote.of(Code.DATE_REQUIRED)));
        } else if (value.isInvalid()) {
            problems.add(new Problem(field, EntryNote.of(Code.DATE_MALFORMED, DocumentJson.shown(value.text()))));
        }
    }
}
