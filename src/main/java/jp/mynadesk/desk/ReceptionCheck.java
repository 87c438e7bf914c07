package jp.mynadesk.desk;

import com.fasterxml.jackson.databind.JsonNode;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
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
 * <p>Not thread-safe: one driver at a time, as one clerk works one desk.
 */
public final class ReceptionCheck {
    private static final ZoneId JST = Dates.JST; // +09:00 fixed (docs/RULES.md §8)
    /** The desk's own challenge: as long as a SHA-256 digest, fresh for every check. */
    private static final int OFFLINE_CHALLENGE_BYTES = 32;

    private final DeskContext ctx;
    /** Where the desk's own challenges come from when the service cannot give one. */
    private final Random challenges;
    private Prompt prompt = new Prompt.AwaitingStart(null);
    private Route route;
    private CheckMode mode;
    private CardSession card;
    /** Whether a My Number card was on the reader (the お知らせ is valid with it). */
    private boolean cardShown;
    private boolean sharingAllowed = true;
    /** The service failed once in this check: documents are judged offline at once instead of waiting again. */
    private boolean serviceDown;
    private final List<ReasonCode> warnings = new ArrayList<>();
    private String confirmedBy;
    private Qualification qualification;
    private List<PresentedDocument> documents = List.of();
    private Patient patient;
    private FallbackDecision decision;
    /** How the card proved itself so far; null until its certificate was read. */
    private CardProof proof;
    private boolean pinVerified;
    /** 医療費助成 受給者証 the card answer offered (PMH); the patient is asked whether to use them. */
    private List<Subsidy> subsidiesOffered = List.of();
    /** The patient's answer about them, or null when not asked. */
    private SubsidyRecord subsidy;

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
        return proof;
    }

    public Prompt prompt() {
        return prompt;
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
            return prompt = prompt instanceof Prompt.AwaitingConsent ? finish(Outcome.CONFIRMED, null)
                    : finish(Outcome.STOPPED, Reason.of(ReasonCode.CANCELLED));
        }
        Prompt at = prompt;
        if (at instanceof Prompt.AwaitingStart) {
            prompt = start(event);
        } else if (at instanceof Prompt.AwaitingPin p) {
            prompt = atPin(p, event);
        } else if (at instanceof Prompt.AwaitingVisual p) {
            prompt = atVisual(p, event);
        } else if (at instanceof Prompt.AwaitingConsent) {
            prompt = atConsent(event);
        } else if (at instanceof Prompt.AwaitingDocuments p) {
            prompt = atDocuments(p, event);
        } else if (at instanceof Prompt.AwaitingDeclaration) {
            prompt = atDeclaration(event);
        } else {
            // Done and AwaitingRecord are answered above; a new kind of prompt fails SealedHierarchiesTest until here
            throw new IllegalStateException("prompt not handled: " + at);
        }
        return prompt;
    }

    // --- states ------------------------------------------------------------------------------------

    private Prompt start(DeskEvent event) {
        if (event instanceof DeskEvent.CardPresented c) {
            mode = c.mode();
            confirmedBy = c.staff();
            return openCard();
        }
        if (event instanceof DeskEvent.DocumentsPresented d) {
            return documents(d);
        }
        if (event instanceof DeskEvent.DeclarationGiven d) {
            decision = FallbackRules.decide(new FallbackInput(today(), false, PresentedCard.NONE, List.of()));
            return declared(d);
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
            return finish(Outcome.STOPPED, at.reason() == null ? Reason.of(ReasonCode.CANCELLED) : at.reason());
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
            return finish(Outcome.STOPPED, at.reason());
        }
        return unexpected(event);
    }

    private Prompt atConsent(DeskEvent event) {
        if (event instanceof DeskEvent.ConsentAnswered a) {
            if (!subsidiesOffered.isEmpty()) {
                if (a.useSubsidies() == null) {
                    // 医療費助成 asked but not answered: asked again, never guessed
                    return new Prompt.AwaitingConsent(qualification, List.copyOf(warningsThatApply(null)), subsidiesOffered,
                            Reason.of(ReasonCode.SUBSIDY_NOT_ANSWERED));
                }
                subsidy = SubsidyRecord.answered(a.useSubsidies(), subsidiesOffered);
            }
            return finish(Outcome.CONFIRMED, null, registerConsent(a.answers()));
        }
        if (event instanceof DeskEvent.Decline) {
            return finish(Outcome.CONFIRMED, null);
        }
        return unexpected(event);
    }

    private Prompt atDocuments(Prompt.AwaitingDocuments at, DeskEvent event) {
        if (event instanceof DeskEvent.DocumentsPresented d) {
            return documents(d);
        }
        if (event instanceof DeskEvent.DeclarationGiven d) {
            decision = FallbackRules.decide(new FallbackInput(today(), at.serviceAvailable(), presentedCard(), List.of()));
            return declared(d);
        }
        if (event instanceof DeskEvent.VisualConfirmed v && card != null && at.reason() != null
                && at.reason().code() != ReasonCode.SERVICE_OFFLINE && card.certificate != null) {
            return visual(v.staff());
        }
        if (event instanceof DeskEvent.Decline) {
            return finish(Outcome.STOPPED, at.reason());
        }
        return unexpected(event);
    }

    private Prompt atDeclaration(DeskEvent event) {
        if (event instanceof DeskEvent.DeclarationGiven d) {
            return declared(d);
        }
        if (event instanceof DeskEvent.Decline) {
            return finish(Outcome.REJECTED, Reason.of(ReasonCode.NO_USABLE_DOCUMENT));
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

    private Prompt openCard() {
        route = mode == CheckMode.VISUAL ? Route.CARD_VISUAL : Route.CARD_PIN;
        ctx.listener().before(CheckStep.SELECT);
        try {
            card = CardSession.connect(ctx);
        } catch (ReaderException e) {
            return cardProblem(CardReasons.atStart(e.problem()));
        }
        CardOutcome<TokenKind> token = card.jpki.open();
        if (!token.isSuccess()) {
            return cardProblem(CardReasons.of(token.failure()));
        }
        card.token = token.orElseThrow();
        cardShown = true;
        if (!card.token.certificateNeedsPin()) {
            Prompt refused = readAndValidate();
            if (refused != null) {
                return refused;
            }
            if (mode == CheckMode.VISUAL) {
                return confirmedBy == null || confirmedBy.isBlank() ? new Prompt.AwaitingVisual(null) : visual(confirmedBy);
            }
        }
        return askPin(null);
    }

    /**
     * Reads the certificate and validates it: locally (anchor, key usage, dates with the grace), and for revocation
     * through the service. Revocation the service cannot answer is unknown, not a refusal: the card goes on to prove
     * itself and the documents decide. Null when the card can be used, else where the check goes.
     */
    private Prompt readAndValidate() {
        ctx.listener().before(CheckStep.CERTIFICATE);
        CardOutcome<?> read = card.readCertificate();
        if (!read.isSuccess()) {
            return cardProblem(CardReasons.of(read.failure()));
        }
        X509Certificate x509 = card.x509();
        boolean grace = card.token.graceAfterExpiry(); // none for a smartphone's certificate (docs/RULES.md §3.1)
        CertificateVerdict verdict = new CertificateValidator(ctx.anchors(), ctx.service().revocationSource(), ctx.clock())
                .grace(grace).validate(x509);
        CardProof.Revocation revocation = CardProof.Revocation.GOOD;
        if (verdict instanceof CertificateVerdict.RevocationUnknown || verdict instanceof CertificateVerdict.Revoked) {
            // the local verdict, which the revocation answer hid
            revocation = verdict instanceof CertificateVerdict.Revoked ? CardProof.Revocation.REVOKED : CardProof.Revocation.UNKNOWN;
            CertificateVerdict local = new CertificateValidator(ctx.anchors(), RevocationSource.skip(), ctx.clock())
                    .grace(grace).validate(x509);
            verdict = revocation == CardProof.Revocation.REVOKED ? verdict : local;
            proof = new CardProof(pinVerified ? CardProof.Verified.PIN : CardProof.Verified.NONE,
                    CardReasons.certificate(local), revocation, issuerOf(x509));
        } else {
            proof = new CardProof(pinVerified ? CardProof.Verified.PIN : CardProof.Verified.NONE,
                    CardReasons.certificate(verdict), verdict.usable() ? revocation : CardProof.Revocation.UNKNOWN, issuerOf(x509));
        }
        if (revocation == CardProof.Revocation.UNKNOWN) {
            serviceDown = true; // the service could not say: it is not asked again in this check
        }
        if (!verdict.usable()) {
            return new Prompt.AwaitingDocuments(CardReasons.refusal(verdict, card.token), !serviceDown && !ctx.service().offline());
        }
        ReasonCode warning = CardReasons.warning(verdict);
        if (warning != null) {
            warnings.add(warning);
        }
        // 猶予期間: qualification only, no information sharing.
        sharingAllowed = !(verdict instanceof CertificateVerdict.ValidInGrace);
        return null;
    }

    private Prompt askPin(Reason reason) {
        ctx.listener().before(CheckStep.RETRIES);
        CardOutcome<Integer> tries = card.jpki.pinTriesLeft();
        if (!tries.isSuccess()) {
            Reason why = CardReasons.of(tries.failure());
            return pinUnusable(why);
        }
        int left = tries.orElseThrow();
        if (left == 1) {
            warnLastTry();
        }
        return new Prompt.AwaitingPin(left, reason, List.copyOf(warnings));
    }

    /** The one-try-left warning is part of the visit (check --json), not only of the PIN screen. */
    private void warnLastTry() {
        if (!warnings.contains(ReasonCode.PIN_LAST_TRY)) {
            warnings.add(ReasonCode.PIN_LAST_TRY);
        }
    }

    /** Blocked or never set: the PIN cannot be used, so staff are offered 目視 (the counter is not reset by it). */
    private Prompt pinUnusable(Reason why) {
        ReasonCode code = why.code();
        if ((code == ReasonCode.PIN_BLOCKED || code == ReasonCode.PIN_NOT_SET)) {
            return card.token.certificateNeedsPin() ? new Prompt.AwaitingDocuments(why, true) : new Prompt.AwaitingVisual(why);
        }
        return cardProblem(why);
    }

    private Prompt verify(char[] pin, Prompt.AwaitingPin at) {
        try {
            if (!JpkiPins.wellFormed(pin)) {
                // Never sent: a malformed PIN would cost a try on the card.
                return new Prompt.AwaitingPin(at.triesLeft(), Reason.of(ReasonCode.PIN_FORMAT), at.warnings());
            }
            ctx.listener().before(CheckStep.VERIFY);
            CardOutcome<Void> verified = card.jpki.verifyPin(pin);
            if (verified.isSuccess()) {
                pinVerified = true;
                if (proof != null) {
                    proof = proof.withVerified(CardProof.Verified.PIN);
                }
            } else {
                Reason why = CardReasons.of(verified.failure());
                if (why.code() == ReasonCode.WRONG_PIN) {
                    if (why.triesLeft() == 1) {
                        warnLastTry();
                    }
                    return new Prompt.AwaitingPin(why.triesLeft(), why, List.copyOf(warnings));
                }
                return pinUnusable(why);
            }
        } finally {
            Arrays.fill(pin, '\0');
        }
        if (card.certificate == null) {
            Prompt refused = readAndValidate();
            if (refused != null) {
                return refused;
            }
        }
        return signAndAsk();
    }

    private Prompt signAndAsk() {
        ctx.listener().before(CheckStep.SIGN);
        OqsResult<Challenge> challenge = serviceDown ? null : ctx.service().challenge();
        if (!(challenge instanceof OqsResult.Ok<Challenge> ok)) {
            serviceDown = true;
            return proveOffline();
        }
        byte[] nonce = ok.value().nonce();
        CardOutcome<byte[]> signed = card.jpki.signSha256(sha256(nonce));
        if (!signed.isSuccess()) {
            return cardProblem(CardReasons.of(signed.failure()));
        }
        ctx.listener().before(CheckStep.SERVICE);
        Prompt answered = cardAnswer(ctx.service().checkCard(CardCheckRequest.pin(OqsTime.date(today()), ctx.institution(),
                fileId(), card.certificate.der(), ok.value().challengeId(), signed.orElseThrow(), ctx.terminal())));
        if (serviceDown) {
            // the service went away with the signature in hand: the desk checks it itself
            return provenOffline(nonce, signed.orElseThrow());
        }
        return answered;
    }

    /**
     * The card proves itself without the service: it signs a fresh random challenge of the desk's own, and the
     * signature must verify with the certificate's public key. A certificate copied onto another chip fails here.
     */
    private Prompt proveOffline() {
        byte[] nonce = new byte[OFFLINE_CHALLENGE_BYTES];
        challenges.nextBytes(nonce);
        CardOutcome<byte[]> signed = card.jpki.signSha256(sha256(nonce));
        if (!signed.isSuccess()) {
            return cardProblem(CardReasons.of(signed.failure()));
        }
        return provenOffline(nonce, signed.orElseThrow());
    }

    private Prompt provenOffline(byte[] nonce, byte[] signature) {
        if (!CertificateValidator.verifies(card.x509(), nonce, signature)) {
            proof = proof.withCertificate(CardProof.Certificate.UNTRUSTED);
            return new Prompt.AwaitingDocuments(Reason.of(ReasonCode.CERTIFICATE_UNTRUSTED), false);
        }
        return new Prompt.AwaitingDocuments(Reason.of(ReasonCode.SERVICE_OFFLINE), false);
    }

    private Prompt visual(String staff) {
        if (staff == null || staff.isBlank()) {
            return new Prompt.AwaitingVisual(prompt.reason());
        }
        if (card == null || card.certificate == null) {
            return prompt;
        }
        route = Route.CARD_VISUAL;
        confirmedBy = staff.strip();
        if (proof != null) {
            proof = proof.withVerified(CardProof.Verified.VISUAL);
        }
        if (serviceDown) {
            // revocation could not be checked: the service is not there; the documents decide
            return new Prompt.AwaitingDocuments(Reason.of(ReasonCode.SERVICE_OFFLINE), false);
        }
        ctx.listener().before(CheckStep.SERVICE);
        return cardAnswer(ctx.service().checkCard(CardCheckRequest.visual(OqsTime.date(today()), ctx.institution(),
                fileId(), card.certificate.der(), ctx.terminal(), confirmedBy)));
    }

    private Prompt cardAnswer(OqsResult<jp.mynadesk.oqs.QualificationResponse> result) {
        ServiceAnswers.Answer answer = ServiceAnswers.of(result);
        if (answer instanceof ServiceAnswers.Answer.Confirmed c) {
            qualification = c.qualification();
            if (!sharingAllowed) {
                return finish(Outcome.CONFIRMED, null);
            }
            subsidiesOffered = ServiceAnswers.subsidies(result);
            return new Prompt.AwaitingConsent(qualification, List.copyOf(warningsThatApply(null)), subsidiesOffered, null);
        }
        if (!(answer instanceof ServiceAnswers.Answer.Refused r)) {
            throw new IllegalStateException("service answer not handled: " + answer);
        }
        serviceDown = !r.serviceAvailable();
        if (proof != null) {
            // what the service found out about the certificate
            switch (r.reason().code()) {
                case CERTIFICATE_REVOKED -> proof = proof.withRevocation(CardProof.Revocation.REVOKED);
                case CERTIFICATE_EXPIRED -> proof = proof.withCertificate(CardProof.Certificate.EXPIRED);
                case CERTIFICATE_UNTRUSTED -> proof = proof.withCertificate(CardProof.Certificate.UNTRUSTED);
                default -> { }
            }
        }
        return new Prompt.AwaitingDocuments(r.reason(), r.serviceAvailable());
    }

    /** A card or reader problem: the check can go on with documents; the reason stays on screen. */
    private Prompt cardProblem(Reason why) {
        return new Prompt.AwaitingDocuments(why, !serviceDown && !ctx.service().offline());
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
                new ConsentRequest(ctx.institution(), card.certificate.der(), wire));
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
        documents = d.documents();
        patient = d.patient() != null ? d.patient() : patientFrom(documents);
        boolean online = !serviceDown && !ctx.service().offline();
        if (online) {
            FallbackDecision onlineDecision = FallbackRules.decide(new FallbackInput(today(), true, presentedCard(), documents));
            if (onlineDecision.decision() == Decision.ACCEPT && onlineDecision.onlineQuery()) {
                route = Route.NUMBERS_ONLINE;
                decision = onlineDecision;
                ServiceAnswers.Answer answer = ServiceAnswers.of(ctx.service().query(numbersQuery(
                        onlineDecision.accepted().document(), d.limitConsent())));
                if (answer instanceof ServiceAnswers.Answer.Confirmed c) {
                    qualification = c.qualification();
                    return finish(Outcome.CONFIRMED, null);
                }
                if (!(answer instanceof ServiceAnswers.Answer.Refused r)) {
                    throw new IllegalStateException("service answer not handled: " + answer);
                }
                if (r.serviceAvailable()) {
                    return new Prompt.AwaitingDocuments(r.reason(), true);
                }
                serviceDown = true; // it went down while we asked: the documents decide offline

            } else {
                return decided(onlineDecision, Route.NUMBERS_ONLINE);
            }
        }
        return decided(FallbackRules.decide(new FallbackInput(today(), false, presentedCard(), documents)), Route.DOCUMENT_OFFLINE);
    }

    private Prompt decided(FallbackDecision d, Route documentRoute) {
        decision = d;
        return switch (d.decision()) {
            case ACCEPT -> {
                route = documentRoute;
                InsuranceNumbers n = d.insurance();
                PresentedDocument doc = d.accepted().document();
                qualification = new Qualification(0, n.insurerNumber(), doc.insurerName(), n.symbol(), n.number(),
                        n.branch(), doc.name(), doc.birthDate().date().orElse(null), null, null);
                yield finish(Outcome.PROVISIONAL, null);
            }
            case ACCEPT_WITH_DECLARATION -> new Prompt.AwaitingDeclaration(d);
            case REJECT -> {
                route = documentRoute;
                yield finish(Outcome.REJECTED, Reason.of(firstDocumentReason(d)));
            }
        };
    }

    private Prompt declared(DeskEvent.DeclarationGiven d) {
        route = Route.DECLARATION;
        patient = d.patient();
        SearchNumbers numbers = d.numbers();
        if (numbers == null && decision != null && decision.insurance() != null) {
            InsuranceNumbers n = decision.insurance();
            numbers = new SearchNumbers(n.insurerNumber(), n.symbol(), n.number(), n.branch(),
                    patient == null ? null : patient.birthDate());
        }
        if (numbers != null) {
            qualification = new Qualification(0, numbers.insurerNumber(), null, numbers.symbol(), numbers.number(),
                    numbers.branch(), patient == null ? null : patient.name(), numbers.birthDate(), null, null);
        }
        decision = asDeclaration(decision, numbers);
        return finish(Outcome.DECLARED, null, null, d.statedInsurance());
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

    private PresentedCard presentedCard() {
        if (!cardShown || (proof != null && (proof.certificate() == CardProof.Certificate.UNTRUSTED
                || proof.revocation() == CardProof.Revocation.REVOKED))) {
            // a card that could not prove itself does not stand beside an お知らせ
            return PresentedCard.NONE;
        }
        return new PresentedCard(true, card == null ? null : card.certificateNotAfter(JST));
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

    private Prompt finish(Outcome outcome, Reason reason) {
        return finish(outcome, reason, null, null);
    }

    private Prompt finish(Outcome outcome, Reason reason, ConsentRecord consent) {
        return finish(outcome, reason, consent, null);
    }

    private Prompt finish(Outcome outcome, Reason reason, ConsentRecord consent, String statedInsurance) {
        if (card != null) {
            card.close();
        }
        if (qualification != null && validity(qualification) && UnshownCharacters.in(qualification.name())
                && !warnings.contains(ReasonCode.NAME_UNSHOWN_CHARACTERS)) {
            warnings.add(ReasonCode.NAME_UNSHOWN_CHARACTERS); // said calmly; names are never matched (docs/DESK.md)
        }
        boolean pending = outcome == Outcome.PROVISIONAL || outcome == Outcome.DECLARED;
        SearchNumbers numbers = pending && qualification != null ? qualification.numbers() : null;
        JsonNode decisionJson = decision == null || !(route == Route.DOCUMENT_OFFLINE || route == Route.DECLARATION
                || outcome == Outcome.REJECTED) ? null : DecisionJson.write(decision, StaffText.decision(decision), StaffText::entry);
        Visit visit = new Visit(null, now(), ctx.terminal(), route == null ? Route.CARD_PIN : route, outcome, reason,
                warningsThatApply(reason), qualification, consent, decisionJson, outcome == Outcome.CONFIRMED ? null : patient,
                statedInsurance,
                route == Route.CARD_VISUAL ? confirmedBy : null, numbers, pending ? RecheckState.PENDING : RecheckState.NONE,
                ctx.simulated(), proof, subsidy);
        return record(visit);
    }

    /**
     * The warnings still true at the end: one PIN try left is about the PIN, so it goes once the check went another
     * way (目視, documents, a 申立書) or the PIN is blocked.
     */
    private List<ReasonCode> warningsThatApply(Reason reason) {
        boolean pinStillMatters = (route == null || route == Route.CARD_PIN)
                && (reason == null || reason.code() != ReasonCode.PIN_BLOCKED);
        return pinStillMatters ? warnings : warnings.stream().filter(w -> w != ReasonCode.PIN_LAST_TRY).toList();
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
