package jp.mynadesk.screen;

import java.io.PrintWriter;
import jp.mynadesk.desk.CardProof;
import jp.mynadesk.desk.StaffText;
import jp.mynadesk.desk.Visit;
import jp.mynadesk.documents.PresentedDocument;

/** Prints a visit as the Japanese lines staff read (check, desk, demo); the lines themselves are the catalogue's. */
public final class VisitText {
    private VisitText() {}

    /** A recorded visit: what was decided, then its number. */
    public static void print(PrintWriter out, Visit v) {
        decision(out, v);
        out.println(StaffText.recorded(v.visitId()));
    }

    /** What the check decided (outcome, insurance, consent), recorded or not yet. */
    public static void decision(PrintWriter out, Visit v) {
        StaffText.visitLines(v).forEach(out::println);
    }

    /** The patient's name as the visit knows it (the insurance's, else what the document or 申立書 said), or null. */
    public static String name(Visit v) {
        return StaffText.patientName(v);
    }

    /** One line of a day's list: number, time, outcome, name, why (in words), re-check state. */
    public static String row(Visit v) {
        return StaffText.visitRow(v);
    }

    /** A document as read (a QR code, a file), field by field, before staff use it. */
    public static void document(PrintWriter out, PresentedDocument d) {
        StaffText.documentLines(d).forEach(out::println);
        out.flush();
    }

    /** How the card proved itself, as staff read it (docs/DESK.md "The card's proof"). */
    public static String cardLine(CardProof c) {
        return StaffText.cardLine(c);
    }
}
