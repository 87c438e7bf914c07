/**
 * The reception workflow and nothing else (no Picocli, terminal, HTTP or SQL): {@code ReceptionCheck}, an explicit
 * state machine ({@code DeskEvent} in, sealed {@code Prompt} out, {@code Done(visit)} at the end; states, routes,
 * outcomes and reason codes in docs/DESK.md); {@code CheckScript}, the one policy for answering prompts without a
 * person (check, demo, scenarios); {@code RecheckRunner} (再照会 with the 一括照会, chunks uploaded together); the ports
 * {@code VisitStore} (implemented by {@code store}) and {@code DeskContext} (clock, readers, {@code
 * oqs.QualificationService}, store, trust anchors, desk identity, step listener, trace); the visit model ({@code
 * Visit}, {@code Qualification}, {@code ConsentRecord}, {@code Patient}, {@code SearchNumbers}) and its JSON ({@code
 * VisitJson}: the {@code check --json} contract; {@code RecheckJson}); the one catalogue of staff wording, {@code
 * StaffText}, keyed by code ({@code ReasonCode}, the rules' {@code Reason}, outcomes, routes, steps; lower layers
 * return codes only; {@code StaffTextTest}, {@code StaffWordingSourceTest}).
 *
 * <p><b>2026 additions.</b> 医療費助成 through the card: {@code Subsidy}, {@code SubsidyRecord} on {@code Visit.subsidy},
 * {@code Prompt.AwaitingConsent.subsidies} and {@code DeskEvent.ConsentAnswered.useSubsidies} (asked again when
 * missing, {@code subsidy-not-answered}); store schema 5 ({@code subsidy_answers}, {@code subsidy_certificates}). ●
 * in names: {@code UnshownCharacters}, warning {@code name-unshown-characters}. A smartphone token has no certificate
 * grace ({@code TokenKind.graceAfterExpiry}, {@code CertificateValidator.withoutGrace}, {@code
 * phone-certificate-expired}). docs/DESK.md
 *
 * <p><b>The card's proof.</b> {@code CardProof} ({@code verified} pin/visual/none, {@code certificate}
 * valid/expiring/in-grace/expired/untrusted, {@code revocation} good/revoked/unknown, {@code issuer} the anchor's
 * subject) on every {@code Visit} whose certificate was read, in {@code check --json} / {@code visits --json} as
 * {@code card} and in the visit's stored JSON (no schema change). Without the service ({@code oqs.NoService}, or an
 * outage) {@code ReceptionCheck} validates the certificate locally with revocation unknown, goes on to the PIN, has
 * the card sign a fresh challenge of its own ({@code SecureRandom}, injectable) and verifies it with the
 * certificate's key; then the documents decide (docs/DESK.md, "The card's proof").
 *
 * <p><b>Forms.</b> What staff type, checked before the workflow decides (docs/DESK.md, "Forms and answers"): {@code
 * ConsentAnswer} (strict yes/no: y/yes/はい, n/no/いいえ, else asked again), {@code DocumentForm} and {@code
 * DeclarationForm} (field by field, every problem a {@code FieldProblem(field, message)} with the typing check's or
 * {@code docs check}'s sentence; never a decision), {@code PinInput} (full-width PIN digits converted; a PIN-shaped
 * answer refused at other prompts), {@code RatioGuide} (負担割合 by age and 後期 when the service gave none, docs/RULES.md
 * §6). Every screen uses them.
 */
package jp.mynadesk.desk;
