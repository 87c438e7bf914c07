package jp.mynadesk.desk;

import com.fasterxml.jackson.databind.JsonNode;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import jp.mynadesk.card.AuthCertificate;
import jp.mynadesk.card.CardOutcome;
import jp.mynadesk.card.TokenKind;
import jp.mynadesk.format.Dates;
import jp.mynadesk.documents.PresentedDocument;
import jp.mynadesk.oqs.CardCheckRequest;
import jp.mynadesk.oqs.Challenge;
import jp.mynadesk.oqs.ConsentReceipt;
import jp.mynadesk.oqs.ConsentRequest;
import jp.mynadesk.oqs.OqsResult;
import jp.mynadesk.oqs.OqsTime;
import jp.mynadesk.oqs.QualificationRecord;
import jp.mynadesk.oqs.QualificationRequest;
import jp.mynadesk.oqs.QualificationSearchInfo;
import jp.mynadesk.pki.CertificateValidator;
import jp.mynadesk.pki.CertificateVerdict;
import jp.mynadesk.pki.RevocationSource;
import jp.mynadesk.reader.ReaderException;
import jp.mynadesk.rules.Decision;
import jp.mynadesk.rules.DecisionJson;
import jp.mynadesk.rules.DocumentJudgement;
import jp.mynadesk.rules.FallbackDecision;
import jp.mynadesk.rules.FallbackInput;
import jp.mynadesk.rules.FallbackRules;
import jp.mynadesk.rules.InsuranceNumbers;
import jp.mynadesk.rules.PresentedCard;

/**
 * One reception check as an explicit state machine (docs/DESK.md). Events come in through {@link #handle}; each
 * answer is the {@link Prompt} the desk waits at next, until {@link Prompt.Done} with the recorded visit. The
 * card and the service are used synchronously inside {@code handle}; the screens only drive and render.
 *
 * <p>Order of the card steps: SELECT the JPKI AP and read the token; read and validate the certificate before any
 * PIN is typed (no try is spent on a card that cannot be used) — except on smartphone tokens, whose certificate is
 * readable only after the PIN; query the tries left; VERIFY; sign the service's challenge; ask the service.
 *
 * <p>Without the service (none configured, or unreachable) the card still proves itself (docs/DESK.md "The card's
 * proof"): the certificate is validated locally against the trust anchors, the PIN is verified, and the card signs a
 * fresh random challenge of the desk's own, checked against the certificate's key; revocation stays unknown and the
 * documents decide. How the card was proven is kept as a {@link CardProof} on the visit.
 *
 * <p>Where the data lives: what one prompt alone needs travels in that {@link Prompt} record (the qualification and the
 * 医療費助成 offered at consent, the documents' decision at the 申立書, the tries left at the PIN); what the check learns
 * across prompts is one immutable {@link CheckSoFar}, replaced at each step, whose {@link CardSoFar} says how far the
 * card got (a certificate or proof exists only once it was read); what the last step adds goes to the ending.
 *
 * <p>Not thread-safe: one driver at a time, as one clerk works one desk.
 */
public final class ReceptionCheck {
    private static final ZoneId JST = Dates.JST; // +09:00 fixed (docs/RULES.md §8)
    /** The desk's own challenge: as long as a SHA-256 digest, fresh for every check. */
    private static final int OFFLINE_CHALLENGE_BYTES = 32;

    private final DeskContext ctx;
    /** Where the desk's own challenges come from when the service cannot give one. */
    private final Random challenges;
    /** Where the check waits, with what that prompt alone needs (the qualification at consent, ...). */
    private Prompt prompt = new Prompt.AwaitingStart(null);
    /** What the check has learnt across prompts; replaced at each step, never changed in place. */
    private CheckSoFar soFar = CheckSoFar.START;

    public ReceptionCheck(DeskContext ctx) {
        this(ctx, new SecureRandom());
    }

    /** @param challenges the source of the desk's own challenges (a {@link SecureRandom}; tests may fix it) */
    public ReceptionCheck(DeskContext ctx, Random challenges) {
        this.ctx = ctx;
        this.challenges = challenges;
    }

    /** How the card has proved itself so far in this check, or null when no certificate was read (yet). */
    public CardProof cardProof() {
        return soFar.card() instanceof CardSoFar.Certified c ? c.proof() : null;
    }

    public Prompt prompt() {
        return prompt;
    }

    /** What the check has learnt so far (for the desk's tests). */
    CheckSoFar soFar() {
        return soFar;
    }

    /** Moves the check on by one event and returns where it waits now. */
    public Prompt handle(DeskEvent event) {
        if (prompt instanceof Prompt.Done) {
            throw new IllegalStateException("the check has ended; start a new one");
        }
        if (prompt instanceof Prompt.AwaitingRecord waiting) {
            // decided already: only recording it moves on (the same visit, so a store can tell a retry)
            return prompt = event instanceof DeskEvent.RecordAgain ? record(waiting.visit()) : unexpected(event);
        }
        if (event instanceof DeskEvent.Cancel) {
            // the service has confirmed the qualification: only the consent questions are left, and cancelling them
            // does not undo the confirmation (recorded as confirmed, no consent given)
            return prompt = prompt instanceof Prompt.AwaitingConsent c ? finish(Ending.confirmed(c.qualification()))
                    : finish(Ending.stopped(Reason.of(ReasonCode.CANCELLED)));
        }
        Prompt at = prompt;
        if (at instanceof Prompt.AwaitingStart) {
            prompt = start(event);
        } else if (at instanceof Prompt.AwaitingPin p) {
            prompt = atPin(p, event);
        } else if (at instanceof Prompt.AwaitingVisual p) {
            prompt = atVisual(p, event);
        } else if (at instanceof Prompt.AwaitingConsent p) {
            prompt = atConsent(p, event);
        } else if (at instanceof Prompt.AwaitingDocuments p) {
            prompt = atDocuments(p, event);
        } else if (at instanceof Prompt.AwaitingDeclaration p) {
            prompt = atDeclaration(p, event);
        } else {
            // Done and AwaitingRecord are answered above; a new kind of prompt fails SealedHierarchiesTest until here
            throw new IllegalStateException("prompt not handled: " + at);
        }
        return prompt;
    }

    // --- states ------------------------------------------------------------------------------------

    private Prompt start(DeskEvent event) {
        if (event instanceof DeskEvent.CardPresented c) {
            // the staff named with the card are who compares the face, should the check go to 目視
            soFar = soFar.withStaff(c.staff());
            return openCard(c.mode());
        }
        if (event instanceof DeskEvent.DocumentsPresented d) {
            return documents(d);
        }
        if (event instanceof DeskEvent.DeclarationGiven d) {
            return declared(d, FallbackRules.decide(new FallbackInput(today(), false, PresentedCard.NONE, List.of())));
        }
        return unexpected(event);
    }

    private Prompt atPin(Prompt.AwaitingPin at, DeskEvent event) {
        if (event instanceof DeskEvent.PinEntered p) {
            return verify(p.pin(), at);
        }
        if (event instanceof DeskEvent.VisualConfirmed v) {
            return visual(v.staff());
        }
        if (event instanceof DeskEvent.DocumentsPresented d) {
            return documents(d);
        }
        if (event instanceof DeskEvent.Decline) {
            return finish(Ending.stopped(at.reason() == null ? Reason.of(ReasonCode.CANCELLED) : at.reason()));
        }
        return unexpected(event);
    }

    private Prompt atVisual(Prompt.AwaitingVisual at, DeskEvent event) {
        if (event instanceof DeskEvent.VisualConfirmed v) {
            return visual(v.staff());
        }
        if (event instanceof DeskEvent.DocumentsPresented d) {
            return documents(d);
        }
        if (event instanceof DeskEvent.Decline) {
            return finish(Ending.stopped(at.reason()));
        }
        return unexpected(event);
    }

    private Prompt atConsent(Prompt.AwaitingConsent at, DeskEvent event) {
        if (event instanceof DeskEvent.ConsentAnswered a) {
            SubsidyRecord subsidy = null;
            if (at.asksSubsidy()) {
                if (a.useSubsidies() == null) {
                    // 医療費助成 asked but not answered: asked again, never guessed
                    return new Prompt.AwaitingConsent(at.qualification(), List.copyOf(warningsThatApply(null)), at.subsidies(),
                            Reason.of(ReasonCode.SUBSIDY_NOT_ANSWERED));
                }
                subsidy = SubsidyRecord.answered(a.useSubsidies(), at.subsidies());
            }
            return finish(Ending.confirmed(at.qualification()).consented(registerConsent(a.answers()), subsidy));
        }
        if (event instanceof DeskEvent.Decline) {
            return finish(Ending.confirmed(at.qualification()));
        }
        return unexpected(event);
    }

    private Prompt atDocuments(Prompt.AwaitingDocuments at, DeskEvent event) {
        if (event instanceof DeskEvent.DocumentsPresented d) {
            return documents(d);
        }
        if (event instanceof DeskEvent.DeclarationGiven d) {
            return declared(d, FallbackRules.decide(new FallbackInput(today(), at.serviceAvailable(), presentedCard(), List.of())));
        }
        if (event instanceof DeskEvent.VisualConfirmed v && soFar.card() instanceof CardSoFar.Certified
                && at.reason() != null && at.reason().code() != ReasonCode.SERVICE_OFFLINE) {
            return visual(v.staff());
        }
        if (event instanceof DeskEvent.Decline) {
            return finish(Ending.stopped(at.reason()));
        }
        return unexpected(event);
    }

    private Prompt atDeclaration(Prompt.AwaitingDeclaration at, DeskEvent event) {
        if (event instanceof DeskEvent.DeclarationGiven d) {
            return declared(d, at.decision());
        }
        if (event instanceof DeskEvent.Decline) {
            return finish(new Ending(Outcome.REJECTED, Reason.of(ReasonCode.NO_USABLE_DOCUMENT), null, at.decision()));
        }
        return unexpected(event);
    }

    /** An event that makes no sense here changes nothing: the screen stays where it is. */
    private Prompt unexpected(DeskEvent event) {
        if (event instanceof DeskEvent.PinEntered p) {
            Arrays.fill(p.pin(), '\0');
        }
        return prompt;
    }

    // --- the card route ------------------------------------------------------------------------------

    private Prompt openCard(CheckMode mode) {
        soFar = soFar.withRoute(mode == CheckMode.VISUAL ? Route.CARD_VISUAL : Route.CARD_PIN);
        ctx.listener().before(CheckStep.SELECT);
        CardSession session;
        try {
            session = CardSession.connect(ctx);
        } catch (ReaderException e) {
            return cardProblem(CardReasons.atStart(e.problem()));
        }
        soFar = soFar.withCard(new CardSoFar.Connected(session));
        CardOutcome<TokenKind> token = session.jpki.open();
        if (!token.isSuccess()) {
            return cardProblem(CardReasons.of(token.failure()));
        }
        CardSoFar.Opened opened = new CardSoFar.Opened(session, token.orElseThrow());
        soFar = soFar.withCard(opened);
        if (!opened.token().certificateNeedsPin()) {
            Prompt refused = readAndValidate(opened, CardProof.Verified.NONE);
            if (refused != null) {
                return refused;
            }
            if (mode == CheckMode.VISUAL) {
                String staff = soFar.staff();
                return staff == null || staff.isBlank() ? new Prompt.AwaitingVisual(null) : visual(staff);
            }
        }
        return askPin(opened, null);
    }

    /**
     * Reads the certificate and validates it: locally (anchor, key usage, dates with the grace), and for revocation
     * through the service. Revocation the service cannot answer is unknown, not a refusal: the card goes on to prove
     * itself and the documents decide. Null when the card can be used, else where the check goes.
     *
     * @param verified how the holder was verified before the certificate could be read (a smartphone's: the PIN)
     */
    private Prompt readAndValidate(CardSoFar.Opened opened, CardProof.Verified verified) {
        ctx.listener().before(CheckStep.CERTIFICATE);
        CardOutcome<AuthCertificate> read = opened.session().jpki.readAuthCertificate();
        if (!read.isSuccess()) {
            return cardProblem(CardReasons.of(read.failure()));
        }
        AuthCertificate certificate = read.orElseThrow();
        X509Certificate x509 = certificate.certificate();
        boolean grace = opened.token().graceAfterExpiry(); // none for a smartphone's certificate (docs/RULES.md §3.1)
        CertificateVerdict verdict = new CertificateValidator(ctx.anchors(), ctx.service().revocationSource(), ctx.clock())
                .grace(grace).validate(x509);
        CardProof.Revocation revocation = CardProof.Revocation.GOOD;
        CardProof proof;
        if (verdict instanceof CertificateVerdict.RevocationUnknown || verdict instanceof CertificateVerdict.Revoked) {
            // the local verdict, which the revocation answer hid
            revocation = verdict instanceof CertificateVerdict.Revoked ? CardProof.Revocation.REVOKED : CardProof.Revocation.UNKNOWN;
            CertificateVerdict local = new CertificateValidator(ctx.anchors(), RevocationSource.skip(), ctx.clock())
                    .grace(grace).validate(x509);
            verdict = revocation == CardProof.Revocation.REVOKED ? verdict : local;
            proof = new CardProof(verified, CardReasons.certificate(local), revocation, issuerOf(x509));
        } else {
            proof = new CardProof(verified, CardReasons.certificate(verdict),
                    verdict.usable() ? revocation : CardProof.Revocation.UNKNOWN, issuerOf(x509));
        }
        // 猶予期間: qualification only, no information sharing.
        boolean sharingAllowed = !(verdict instanceof CertificateVerdict.ValidInGrace);
        soFar = soFar.withCard(new CardSoFar.Certified(opened, certificate, proof, sharingAllowed));
        if (revocation == CardProof.Revocation.UNKNOWN) {
            soFar = soFar.withServiceDown(true); // the service could not say: it is not asked again in this check
        }
        if (!verdict.usable()) {
            return new Prompt.AwaitingDocuments(CardReasons.refusal(verdict, opened.token()),
                    !soFar.serviceDown() && !ctx.service().offline());
        }
        ReasonCode warning = CardReasons.warning(verdict);
        if (warning != null) {
            soFar = soFar.withWarning(warning);
        }
        return null;
    }

    private Prompt askPin(CardSoFar.Opened card, Reason reason) {
        ctx.listener().before(CheckStep.RETRIES);
        CardOutcome<Integer> tries = card.session().jpki.pinTriesLeft();
        if (!tries.isSuccess()) {
            Reason why = CardReasons.of(tries.failure());
            return pinUnusable(card, why);
        }
        int left = tries.orElseThrow();
        if (left == 1) {
            warnLastTry();
        }
        return new Prompt.AwaitingPin(left, reason, soFar.warnings());
    }

    /** The one-try-left warning is part of the visit (check --json), not only of the PIN screen. */
    private void warnLastTry() {
        soFar = soFar.withWarning(ReasonCode.PIN_LAST_TRY);
    }

    /** Blocked or never set: the PIN cannot be used, so staff are offered 目視 (the counter is not reset by it). */
    private Prompt pinUnusable(CardSoFar.Opened card, Reason why) {
        ReasonCode code = why.code();
        if ((code == ReasonCode.PIN_BLOCKED || code == ReasonCode.PIN_NOT_SET)) {
            return card.token().certificateNeedsPin() ? new Prompt.AwaitingDocuments(why, true) : new Prompt.AwaitingVisual(why);
        }
        return cardProblem(why);
    }

    private Prompt verify(char[] pin, Prompt.AwaitingPin at) {
        CardSoFar.Opened card = opened();
        try {
            if (!JpkiPins.wellFormed(pin)) {
                // Never sent: a malformed PIN would cost a try on the card.
                return new Prompt.AwaitingPin(at.triesLeft(), Reason.of(ReasonCode.PIN_FORMAT), at.warnings());
            }
            ctx.listener().before(CheckStep.VERIFY);
            CardOutcome<Void> verified = card.session().jpki.verifyPin(pin);
            if (verified.isSuccess()) {
                if (soFar.card() instanceof CardSoFar.Certified c) {
                    soFar = soFar.withCard(c.withProof(c.proof().withVerified(CardProof.Verified.PIN)));
                }
            } else {
                Reason why = CardReasons.of(verified.failure());
                if (why.code() == ReasonCode.WRONG_PIN) {
                    if (why.triesLeft() == 1) {
                        warnLastTry();
                    }
                    return new Prompt.AwaitingPin(why.triesLeft(), why, soFar.warnings());
                }
                return pinUnusable(card, why);
            }
        } finally {
            Arrays.fill(pin, '\0');
        }
        if (!(soFar.card() instanceof CardSoFar.Certified)) {
            // a smartphone's certificate: readable now that the PIN was verified
            Prompt refused = readAndValidate(card, CardProof.Verified.PIN);
            if (refused != null) {
                return refused;
            }
        }
        return signAndAsk();
    }

    private Prompt signAndAsk() {
        CardSoFar.Certified card = certified();
        ctx.listener().before(CheckStep.SIGN);
        OqsResult<Challenge> challenge = soFar.serviceDown() ? null : ctx.service().challenge();
        if (!(challenge instanceof OqsResult.Ok<Challenge> ok)) {
            soFar = soFar.withServiceDown(true);
            return proveOffline(card);
        }
        byte[] nonce = ok.value().nonce();
        CardOutcome<byte[]> signed = card.card().session().jpki.signSha256(sha256(nonce));
        if (!signed.isSuccess()) {
            return cardProblem(CardReasons.of(signed.failure()));
        }
        ctx.listener().before(CheckStep.SERVICE);
        Prompt answered = cardAnswer(ctx.service().checkCard(CardCheckRequest.pin(OqsTime.date(today()), ctx.institution(),
                fileId(), card.certificate().der(), ok.value().challengeId(), signed.orElseThrow(), ctx.terminal())));
        if (soFar.serviceDown()) {
            // the service went away with the signature in hand: the desk checks it itself
            return provenOffline(nonce, signed.orElseThrow());
        }
        return answered;
    }

    /**
     * The card proves itself without the service: it signs a fresh random challenge of the desk's own, and the
     * signature must verify with the certificate's public key. A certificate copied onto another chip fails here.
     */
    private Prompt proveOffline(CardSoFar.Certified card) {
        byte[] nonce = new byte[OFFLINE_CHALLENGE_BYTES];
        challenges.nextBytes(nonce);
        CardOutcome<byte[]> signed = card.card().session().jpki.signSha256(sha256(nonce));
        if (!signed.isSuccess()) {
            return cardProblem(CardReasons.of(signed.failure()));
        }
        return provenOffline(nonce, signed.orElseThrow());
    }

    private Prompt provenOffline(byte[] nonce, byte[] signature) {
        CardSoFar.Certified card = certified();
        if (!CertificateValidator.verifies(card.x509(), nonce, signature)) {
            soFar = soFar.withCard(card.withProof(card.proof().withCertificate(CardProof.Certificate.UNTRUSTED)));
            return new Prompt.AwaitingDocuments(Reason.of(ReasonCode.CERTIFICATE_UNTRUSTED), false);
        }
        return new Prompt.AwaitingDocuments(Reason.of(ReasonCode.SERVICE_OFFLINE), false);
    }

    private Prompt visual(String staff) {
        if (staff == null || staff.isBlank()) {
            return new Prompt.AwaitingVisual(prompt.reason());
        }
        if (!(soFar.card() instanceof CardSoFar.Certified card)) {
            return prompt; // no certificate to send with the face compared (a smartphone's needs the PIN)
        }
        soFar = soFar.withRoute(Route.CARD_VISUAL).withStaff(staff.strip())
                .withCard(card.withProof(card.proof().withVerified(CardProof.Verified.VISUAL)));
        if (soFar.serviceDown()) {
            // revocation could not be checked: the service is not there; the documents decide
            return new Prompt.AwaitingDocuments(Reason.of(ReasonCode.SERVICE_OFFLINE), false);
        }
        ctx.listener().before(CheckStep.SERVICE);
        return cardAnswer(ctx.service().checkCard(CardCheckRequest.visual(OqsTime.date(today()), ctx.institution(),
                fileId(), card.certificate().der(), ctx.terminal(), soFar.staff())));
    }

    private Prompt cardAnswer(OqsResult<jp.mynadesk.oqs.QualificationResponse> result) {
        ServiceAnswers.Answer answer = ServiceAnswers.of(result);
        if (answer instanceof ServiceAnswers.Answer.Confirmed c) {
            if (!certified().sharingAllowed()) {
                return finish(Ending.confirmed(c.qualification()));
            }
            return new Prompt.AwaitingConsent(c.qualification(), List.copyOf(warningsThatApply(null)),
                    ServiceAnswers.subsidies(result), null);
        }
        if (!(answer instanceof ServiceAnswers.Answer.Refused r)) {
            throw new IllegalStateException("service answer not handled: " + answer);
        }
        soFar = soFar.withServiceDown(!r.serviceAvailable());
        // what the service found out about the certificate
        CardSoFar.Certified card = certified();
        switch (r.reason().code()) {
            case CERTIFICATE_REVOKED -> card = card.withProof(card.proof().withRevocation(CardProof.Revocation.REVOKED));
            case CERTIFICATE_EXPIRED -> card = card.withProof(card.proof().withCertificate(CardProof.Certificate.EXPIRED));
            case CERTIFICATE_UNTRUSTED -> card = card.withProof(card.proof().withCertificate(CardProof.Certificate.UNTRUSTED));
            default -> { }
        }
        soFar = soFar.withCard(card);
        return new Prompt.AwaitingDocuments(r.reason(), r.serviceAvailable());
    }

    /** A card or reader problem: the check can go on with documents; the reason stays on screen. */
    private Prompt cardProblem(Reason why) {
        return new Prompt.AwaitingDocuments(why, !soFar.serviceDown() && !ctx.service().offline());
    }

    /** The card at a PIN prompt: opened, its certificate read or (a smartphone's) not yet. */
    private CardSoFar.Opened opened() {
        CardSoFar card = soFar.card();
        if (card instanceof CardSoFar.Certified c) {
            return c.card();
        }
        if (card instanceof CardSoFar.Opened o) {
            return o;
        }
        throw new IllegalStateException("no card opened at " + prompt + ": " + card);
    }

    /** The card once its certificate was read: signing, asking the service and consent need it. */
    private CardSoFar.Certified certified() {
        if (soFar.card() instanceof CardSoFar.Certified c) {
            return c;
        }
        throw new IllegalStateException("no certificate read at " + prompt + ": " + soFar.card());
    }

    private ConsentRecord registerConsent(Map<SharingCategory, Boolean> given) {
        Map<SharingCategory, Boolean> answers = new EnumMap<>(SharingCategory.class);
        Map<jp.mynadesk.oqs.ConsentCategory, Boolean> wire = new EnumMap<>(jp.mynadesk.oqs.ConsentCategory.class);
        for (SharingCategory c : SharingCategory.values()) {
            boolean yes = Boolean.TRUE.equals(given.get(c));
            answers.put(c, yes);
            wire.put(c.service(), yes);
        }
        OffsetDateTime now = now();
        OqsResult<ConsentReceipt> receipt = ctx.service().registerConsent(
                new ConsentRequest(ctx.institution(), certified().certificate().der(), wire));
        OffsetDateTime until = null;
        boolean registered = receipt instanceof OqsResult.Ok;
        if (receipt instanceof OqsResult.Ok<ConsentReceipt> ok) {
            until = ok.value().consents().values().stream()
                    .map(QualificationRecord.Consent::availableTime)
                    .map(OqsTime::parseTimestamp).flatMap(java.util.Optional::stream)
                    .max(java.time.Instant::compareTo)
                    .map(i -> i.atZone(JST).toOffsetDateTime()).orElse(null);
        }
        return new ConsentRecord(registered, ConsentSource.CARD_SCREEN, now, until, answers, null);
    }

    // --- documents, offline fallback and declaration ----------------------------------------------------

    private Prompt documents(DeskEvent.DocumentsPresented d) {
        List<PresentedDocument> documents = d.documents();
        soFar = soFar.withPatient(d.patient() != null ? d.patient() : patientFrom(documents));
        boolean online = !soFar.serviceDown() && !ctx.service().offline();
        if (online) {
            FallbackDecision onlineDecision = FallbackRules.decide(new FallbackInput(today(), true, presentedCard(), documents));
            if (onlineDecision.decision() == Decision.ACCEPT && onlineDecision.onlineQuery()) {
                soFar = soFar.withRoute(Route.NUMBERS_ONLINE);
                ServiceAnswers.Answer answer = ServiceAnswers.of(ctx.service().query(numbersQuery(
                        onlineDecision.accepted().document(), d.limitConsent())));
                if (answer instanceof ServiceAnswers.Answer.Confirmed c) {
                    return finish(new Ending(Outcome.CONFIRMED, null, c.qualification(), onlineDecision));
                }
                if (!(answer instanceof ServiceAnswers.Answer.Refused r)) {
                    throw new IllegalStateException("service answer not handled: " + answer);
                }
                if (r.serviceAvailable()) {
                    return new Prompt.AwaitingDocuments(r.reason(), true);
                }
                soFar = soFar.withServiceDown(true); // it went down while we asked: the documents decide offline

            } else {
                return decided(onlineDecision, Route.NUMBERS_ONLINE);
            }
        }
        return decided(FallbackRules.decide(new FallbackInput(today(), false, presentedCard(), documents)), Route.DOCUMENT_OFFLINE);
    }

    private Prompt decided(FallbackDecision d, Route documentRoute) {
        return switch (d.decision()) {
            case ACCEPT -> {
                soFar = soFar.withRoute(documentRoute);
                InsuranceNumbers n = d.insurance();
                PresentedDocument doc = d.accepted().document();
                Qualification qualification = new Qualification(0, n.insurerNumber(), doc.insurerName(), n.symbol(), n.number(),
                        n.branch(), doc.name(), doc.birthDate().date().orElse(null), null, null);
                yield finish(new Ending(Outcome.PROVISIONAL, null, qualification, d));
            }
            case ACCEPT_WITH_DECLARATION -> new Prompt.AwaitingDeclaration(d);
            case REJECT -> {
                soFar = soFar.withRoute(documentRoute);
                yield finish(new Ending(Outcome.REJECTED, Reason.of(firstDocumentReason(d)), null, d));
            }
        };
    }

    /** @param judged what the rules said before staff took the 申立書 (with no documents, when none were shown) */
    private Prompt declared(DeskEvent.DeclarationGiven d, FallbackDecision judged) {
        soFar = soFar.withRoute(Route.DECLARATION).withPatient(d.patient());
        Patient patient = d.patient();
        SearchNumbers numbers = d.numbers();
        if (numbers == null && judged.insurance() != null) {
            InsuranceNumbers n = judged.insurance();
            numbers = new SearchNumbers(n.insurerNumber(), n.symbol(), n.number(), n.branch(),
                    patient == null ? null : patient.birthDate());
        }
        Qualification qualification = null;
        if (numbers != null) {
            qualification = new Qualification(0, numbers.insurerNumber(), null, numbers.symbol(), numbers.number(),
                    numbers.branch(), patient == null ? null : patient.name(), numbers.birthDate(), null, null);
        }
        return finish(new Ending(Outcome.DECLARED, null, qualification, asDeclaration(judged, numbers))
                .stating(d.statedInsurance()));
    }

    /**
     * The decision a declared visit carries: the 申立書 was taken, so the record says so (claim 申立て or 不詳 by the
     * numbers kept), whatever the rules said before staff took it — never 「受付できません（10割）」 next to
     * {@code declared}. The card's and the documents' judgements stay as they were.
     */
    private static FallbackDecision asDeclaration(FallbackDecision judged, SearchNumbers numbers) {
        InsuranceNumbers n = numbers == null ? null
                : new InsuranceNumbers(numbers.insurerNumber(), numbers.symbol(), numbers.number(), numbers.branch());
        Integer from = n != null && judged.insurance() != null && n.equals(judged.insurance()) ? judged.insuranceFromDocument() : null;
        boolean online = judged.onlineAvailable();
        return new FallbackDecision(judged.asOf(), online, Decision.ACCEPT_WITH_DECLARATION, jp.mynadesk.rules.Basis.DECLARATION,
                null, n, from, n == null ? jp.mynadesk.rules.Claim.UNKNOWN_INSURER : jp.mynadesk.rules.Claim.DECLARED,
                !online, online, judged.card(), judged.documents());
    }

    private static ReasonCode firstDocumentReason(FallbackDecision d) {
        for (DocumentJudgement j : d.documents()) {
            for (jp.mynadesk.rules.Reason r : j.reasons()) {
                return ReasonCode.of(r);
            }
        }
        if (d.card().reasons() != null) {
            for (jp.mynadesk.rules.Reason r : d.card().reasons()) {
                return ReasonCode.of(r);
            }
        }
        return ReasonCode.NO_USABLE_DOCUMENT;
    }

    /** The card as the document rules see it: shown (opened as a JPKI card) or not, and until when it is valid. */
    private PresentedCard presentedCard() {
        CardSoFar card = soFar.card();
        if (card instanceof CardSoFar.Opened) {
            return new PresentedCard(true, null);
        }
        if (card instanceof CardSoFar.Certified c) {
            if (c.proof().certificate() == CardProof.Certificate.UNTRUSTED || c.proof().revocation() == CardProof.Revocation.REVOKED) {
                // a card that could not prove itself does not stand beside an お知らせ
                return PresentedCard.NONE;
            }
            return new PresentedCard(true, c.notAfter(JST));
        }
        if (card instanceof CardSoFar.None || card instanceof CardSoFar.Connected) {
            return PresentedCard.NONE; // no card shown
        }
        throw new IllegalStateException("card not handled: " + card);
    }

    private static Patient patientFrom(List<PresentedDocument> docs) {
        for (PresentedDocument d : docs) {
            if (d.name() != null && !d.name().isBlank()) {
                return new Patient(d.name(), d.sex() == null ? null : d.sex().name().toLowerCase(),
                        d.birthDate() == null ? null : d.birthDate().date().orElse(null), null, null);
            }
        }
        return null;
    }

    private QualificationRequest numbersQuery(PresentedDocument d, boolean limitConsent) {
        return new QualificationRequest(OqsTime.date(today()), ctx.institution(), fileId(),
                new QualificationSearchInfo(d.insurerNumber(), d.symbol(), d.number(), d.branch(),
                        d.birthDate().date().map(OqsTime::date).orElse(""), limitConsent ? "1" : "0", null));
    }


    // --- ending -----------------------------------------------------------------------------------------

    /**
     * How the check ends, beside what it learnt on the way ({@link CheckSoFar}): the outcome and what the last step
     * decided.
     *
     * @param qualification the insurance confirmed or taken from documents or the 申立書; null when none
     * @param decision      the document rules' decision the outcome rests on; null when they were not asked
     * @param consent       the information-sharing answers registered; null when none were given
     * @param subsidy       the answer about the 医療費助成 offered; null when not asked
     * @param statedInsurance the insurance as the 申立書 states it; null without one
     */
    private record Ending(Outcome outcome, Reason reason, Qualification qualification, FallbackDecision decision,
                          ConsentRecord consent, SubsidyRecord subsidy, String statedInsurance) {
        Ending(Outcome outcome, Reason reason, Qualification qualification, FallbackDecision decision) {
            this(outcome, reason, qualification, decision, null, null, null);
        }

        static Ending stopped(Reason why) {
            return new Ending(Outcome.STOPPED, why, null, null);
        }

        static Ending confirmed(Qualification qualification) {
            return new Ending(Outcome.CONFIRMED, null, qualification, null);
        }

        Ending consented(ConsentRecord given, SubsidyRecord answered) {
            return new Ending(outcome, reason, qualification, decision, given, answered, statedInsurance);
        }

        Ending stating(String insurance) {
            return new Ending(outcome, reason, qualification, decision, consent, subsidy, insurance);
        }
    }

    private Prompt finish(Ending end) {
        soFar.card().close();
        Qualification qualification = end.qualification();
        if (qualification != null && validity(qualification) && UnshownCharacters.in(qualification.name())) {
            soFar = soFar.withWarning(ReasonCode.NAME_UNSHOWN_CHARACTERS); // said calmly; names are never matched (docs/DESK.md)
        }
        Outcome outcome = end.outcome();
        Route route = soFar.route();
        boolean pending = outcome == Outcome.PROVISIONAL || outcome == Outcome.DECLARED;
        SearchNumbers numbers = pending && qualification != null ? qualification.numbers() : null;
        FallbackDecision decision = end.decision();
        JsonNode decisionJson = decision == null || !(route == Route.DOCUMENT_OFFLINE || route == Route.DECLARATION
                || outcome == Outcome.REJECTED) ? null : DecisionJson.write(decision, StaffText.decision(decision), StaffText::entry);
        Visit visit = new Visit(null, now(), ctx.terminal(), route, outcome, end.reason(),
                warningsThatApply(end.reason()), qualification, end.consent(), decisionJson,
                outcome == Outcome.CONFIRMED ? null : soFar.patient(), end.statedInsurance(),
                route == Route.CARD_VISUAL ? soFar.staff() : null, numbers, pending ? RecheckState.PENDING : RecheckState.NONE,
                ctx.simulated(), cardProof(), end.subsidy());
        return record(visit);
    }

    /**
     * The warnings still true at the end: one PIN try left is about the PIN, so it goes once the check went another
     * way (目視, documents, a 申立書) or the PIN is blocked.
     */
    private List<ReasonCode> warningsThatApply(Reason reason) {
        boolean pinStillMatters = soFar.route() == Route.CARD_PIN
                && (reason == null || reason.code() != ReasonCode.PIN_BLOCKED);
        return pinStillMatters ? soFar.warnings() : soFar.warnings().stream().filter(w -> w != ReasonCode.PIN_LAST_TRY).toList();
    }

    /** Done once the record holds the visit; else the decided visit waits for staff to record it again. */
    private Prompt record(Visit visit) {
        try {
            return new Prompt.Done(ctx.store().record(visit));
        } catch (StoreException e) {
            return new Prompt.AwaitingRecord(visit, e.kind(), e.getMessage());
        }
    }

    // --- small things -------------------------------------------------------------------------------------

    /** The name came from the service (a document's name is what staff typed). */
    private static boolean validity(Qualification q) {
        return q.validity() > 0;
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(ctx.clock().withZone(JST)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
    }

    private LocalDate today() {
        return LocalDate.now(ctx.clock().withZone(JST));
    }

    /** The subject of the trust anchor that issued the certificate, or null when none did. */
    private String issuerOf(X509Certificate certificate) {
        return ctx.anchors().issuerOf(certificate).map(a -> a.getSubjectX500Principal().getName()).orElse(null);
    }

    private String fileId() {
        return ctx.terminal() + "-" + ctx.clock().millis();
    }

    private static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
