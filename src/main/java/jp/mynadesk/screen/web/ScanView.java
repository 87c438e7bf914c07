package jp.mynadesk.screen.web;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.text.Normalizer;
import jp.mynadesk.desk.DocumentForm;
import jp.mynadesk.desk.StaffText;
import jp.mynadesk.desk.FieldProblem;
import jp.mynadesk.documents.DocumentInputException;
import jp.mynadesk.documents.DocumentJson;
import jp.mynadesk.format.EnteredDate;
import jp.mynadesk.documents.PresentedDocument;
import jp.mynadesk.documents.QrPayload;
import jp.mynadesk.format.Wareki;

/**
 * A document read from its QR code (an image, or the text a keyboard-wedge reader typed) as the staff page shows it
 * <em>before</em> it is used: the form's values in the words staff type (性別 女, not {@code female}), what was read
 * field by field under the printed labels, and the fields {@link DocumentForm} would not take yet. Nothing is
 * decided here: staff look, correct if needed, and only then send the form.
 */
final class ScanView {
    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private ScanView() {}

    /**
     * The text a keyboard-wedge reader typed (and its Enter): line ends and surrounding spaces dropped; typed with
     * the IME on, full-width letters and 「｜」 are read as what they stand for.
     */
    static PresentedDocument typed(String payload) throws DocumentInputException {
        String p = payload == null ? "" : payload.strip();
        if (!QrPayload.isOurs(p)) {
            String folded = Normalizer.normalize(p, Normalizer.Form.NFKC);
            if (QrPayload.isOurs(folded)) {
                p = folded;
            }
        }
        return QrPayload.decode(p);
    }

    static ObjectNode of(PresentedDocument doc, String source) {
        ObjectNode o = F.objectNode();
        o.put("source", source);
        ObjectNode form = o.putObject("document");
        ObjectNode written = DocumentJson.write(doc);
        form.put("kind", doc.kind().code());
        ArrayNode read = o.putArray("read");
        read.addObject().put("field", "kind").put("label", StaffText.documentLabel()).put("value", doc.kind().label());
        for (String f : DocumentForm.FIELDS) {
            String value = f.equals("sex") ? (doc.sex() == null ? null : doc.sex().label()) : written.path(f).asText(null);
            if (value == null) {
                continue;
            }
            form.put(f, value);
            read.addObject().put("field", f).put("label", DocumentForm.label(f)).put("value", shown(f, doc, value));
        }
        ArrayNode problems = o.putArray("problems");
        for (FieldProblem p : DocumentForm.check(doc).problems()) {
            problems.addObject().put("field", p.field()).put("message", p.message());
        }
        return o;
    }

    /** A date as staff read it on the document (和暦 with the 西暦), anything else as it is. */
    private static String shown(String field, PresentedDocument doc, String value) {
        EnteredDate d = switch (field) {
            case "birthDate" -> doc.birthDate();
            case "acquiredOn" -> doc.acquiredOn();
            case "issuedOn" -> doc.issuedOn();
            case "validFrom" -> doc.validFrom();
            case "validUntil" -> doc.validUntil();
            case "lostOn" -> doc.lostOn();
            default -> null;
        };
        if (d instanceof EnteredDate.Valid v) {
            try {
                return StaffText.warekiWithIso(Wareki.format(v.value()), value);
            } catch (java.time.DateTimeException e) {
                return value; // before 明治6年: no 和暦 in java.time
            }
        }
        return value;
    }
}
