/**
 * Pure, date-driven desk rules (docs/RULES.md §1–§4): {@code InsurerNumber} (検証番号, kind), {@code DocumentJudge}
 * (each document on its own, with the contract's reason codes), {@code FallbackRules} (interim measure, order of
 * choice, accept / accept-with-declaration / reject with {@code claim}, {@code recheck}, {@code onlineQuery}), {@code
 * DocumentEntry} (typed entry, field by field), {@code CertificateGrace} (the card certificate's grace and renewal
 * warning, also used by {@code pki}).
 */
package jp.mynadesk.rules;
