package jp.mynadesk.oqs;

import java.util.Optional;

/**
 * The patient's co-payment ratio from a qualification record, where each age group carries it (docs/OQS-MOCK.md
 * "Co-payment ratio"): 後期高齢者 in InsuredPartialContributionRatio, 70–74 in ElderlyRecipientContributionRatio,
 * 未就学 by PreschoolClassification (2割), everyone else 3割.
 */
public final class CopaymentRatio {
    private CopaymentRatio() {}

    /** @return "010", "020" or "030"; empty when a field that should carry it is missing or malformed */
    public static Optional<String> of(QualificationRecord q) {
        String insurer = q.insurerNumber() == null ? "" : q.insurerNumber().strip();
        if (insurer.length() == 8 && insurer.startsWith("39")) {
            return code(q.insuredPartialContributionRatio());
        }
        if (q.elderlyRecipient() != null) {
            return code(q.elderlyRecipient().contributionRatio());
        }
        return Optional.of("1".equals(q.preschoolClassification()) ? "020" : "030");
    }

    private static Optional<String> code(String ratio) {
        return ratio != null && ratio.matches("0[123]0") ? Optional.of(ratio) : Optional.empty();
    }
}
