package jp.mynadesk.rules;

import java.util.ArrayList;
import java.util.List;
import jp.mynadesk.documents.DocumentJson;
import jp.mynadesk.documents.DocumentKind;
import jp.mynadesk.format.EnteredDate;
import jp.mynadesk.documents.PresentedDocument;

/**
 * Which fields make a document {@code bad-format}, each with what is wrong, so {@code docs check} can name them
 * ({@code documents[0].validUntil: …}) instead of only saying the document is malformed. Mirrors the format
 * check of the document rules field by field; a test keeps the two in step.
 */
public final class FormatProblems {
    private FormatProblems() {}

    /** @param field the JSON field name ({@code validUntil}); the caller prefixes the document's path */
    public record Problem(String field, String message) {}

    public static List<Problem> of(PresentedDocument d) {
        List<Problem> problems = new ArrayList<>();
        if (InsurerNumber.check(d.insurerNumber()) instanceof InsurerNumberCheck.Malformed m) {
            problems.add(new Problem("insurerNumber", d.insurerNumber() == null ? "保険者番号がありません。"
                    : "「" + DocumentJson.shown(m.input()) + "」は保険者番号の形ではありません（8桁、国保は6桁の数字）。"));
        }
        if (!DocumentJudge.isDigits(d.number())) {
            problems.add(new Problem("number", d.number() == null ? "番号がありません。" : "「" + DocumentJson.shown(d.number()) + "」: 番号は数字だけです。"));
        }
        if (d.name() == null || d.name().isBlank()) {
            problems.add(new Problem("name", "氏名がありません。"));
        }
        if (d.branch() != null && !d.branch().matches("[0-9]{2}")) {
            problems.add(new Problem("branch", "「" + DocumentJson.shown(d.branch()) + "」: 枝番は2桁の数字です。"));
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
            problems.add(new Problem(field, "この書類には必要な日付です。"));
        } else if (value.isInvalid()) {
            problems.add(new Problem(field, "「" + DocumentJson.shown(value.text()) + "」は存在しない日付か、YYYY-MM-DD の形ではありません。"));
        }
    }
}
