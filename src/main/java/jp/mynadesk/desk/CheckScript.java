package jp.mynadesk.desk;

import java.util.List;
import java.util.Map;
import jp.mynadesk.documents.PresentedDocument;

/**
 * A check run without a person at the screen ({@code check}, {@code demo}, scenarios): what the patient and staff
 * will answer, given up front, and the one policy for answering each prompt with it. Each input is used once; a
 * prompt nothing answers is declined, so the check ends with the reason on screen.
 *
 * @param mode        how the card is checked; null = no card (documents or declaration only)
 * @param staff       who compares the face in visual mode (also answers an offer of visual mode), or null
 * @param pin         the PIN the patient types (wiped after use), or null
 * @param consent     the answers to the sharing questions, or null (not answered)
 * @param documents   documents to show when the card path cannot confirm (or to start with when there is no card)
 * @param declaration what the patient writes on a 被保険者資格申立書, or null: taken from the documents
 * @param subsidy     the answer to 「医療費助成の受給者証を利用しますか」 when asked, or null (not answered: the
 *                    consent questions then end unanswered, as the desk never guesses it)
 */
public record CheckScript(CheckMode mode, String staff, char[] pin, Map<SharingCategory, Boolean> consent,
                          List<PresentedDocument> documents, boolean limitConsent, Patient patient,
                          DeskEvent.DeclarationGiven declaration, Boolean subsidy) {
    public CheckScript {
        documents = documents == null ? List.of() : List.copyOf(documents);
    }

    public CheckScript(CheckMode mode, String staff, char[] pin, Map<SharingCategory, Boolean> consent,
                       List<PresentedDocument> documents, boolean limitConsent, Patient patient,
                       DeskEvent.DeclarationGiven declaration) {
        this(mode, staff, pin, consent, documents, limitConsent, patient, declaration, null);
    }

    /** Runs the check to its end and returns the recorded visit. */
    public Visit run(ReceptionCheck check) {
        boolean pinUsed = pin == null;
        boolean documentsUsed = documents.isEmpty();
        boolean declarationUsed = false;
        Prompt p = check.prompt();
        if (p instanceof Prompt.AwaitingStart) {
            if (mode != null) {
                p = check.handle(new DeskEvent.CardPresented(mode, staff));
            } else if (!documentsUsed) {
                documentsUsed = true;
                p = check.handle(documentsEvent());
            } else if (declaration != null) {
                declarationUsed = true;
                p = check.handle(declaration);
            } else {
                p = check.handle(new DeskEvent.Cancel());
            }
        }
        while (!(p instanceof Prompt.Done)) {
            if (p instanceof Prompt.AwaitingRecord r) {
                // no one at a screen to try again later: the caller hears it as the store failure it is
                throw new StoreException(r.kind(), r.problem(), null);
            }
            DeskEvent next;
            if (p instanceof Prompt.AwaitingPin && !pinUsed) {
                pinUsed = true;
                next = new DeskEvent.PinEntered(pin);
            } else if (p instanceof Prompt.AwaitingVisual && staff != null) {
                next = new DeskEvent.VisualConfirmed(staff);
            } else if (p instanceof Prompt.AwaitingConsent c) {
                // asked again for an answer the script does not have: the patient leaves the questions unanswered
                boolean unanswerable = c.reason() != null || (c.asksSubsidy() && subsidy == null && consent == null);
                next = unanswerable ? new DeskEvent.Decline()
                        : consent == null && subsidy == null ? new DeskEvent.Decline()
                        : new DeskEvent.ConsentAnswered(consent == null ? Map.of() : consent, subsidy);
            } else if (p instanceof Prompt.AwaitingDeclaration) {
                declarationUsed = true;
                next = declaration != null ? declaration : new DeskEvent.DeclarationGiven(declarant(), null, null);
            } else if (!(p instanceof Prompt.AwaitingConsent) && !documentsUsed) {
                documentsUsed = true;
                next = documentsEvent();
            } else if (p instanceof Prompt.AwaitingDocuments && declaration != null && !declarationUsed) {
                declarationUsed = true;
                next = declaration;
            } else {
                next = new DeskEvent.Decline();
            }
            p = check.handle(next);
        }
        return ((Prompt.Done) p).visit();
    }

    private DeskEvent.DocumentsPresented documentsEvent() {
        return new DeskEvent.DocumentsPresented(documents, limitConsent, patient);
    }

    /** The 申立書's person: as given, else as printed on the first document that names someone. */
    private Patient declarant() {
        if (patient != null) {
            return patient;
        }
        for (PresentedDocument d : documents) {
            if (d.name() != null) {
                return new Patient(d.name(), d.sex() == null ? null : d.sex().name().toLowerCase(java.util.Locale.ROOT),
                        d.birthDate() == null ? null : d.birthDate().date().orElse(null), null, null);
            }
        }
        return null;
    }
}
