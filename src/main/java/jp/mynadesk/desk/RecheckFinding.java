package jp.mynadesk.desk;

import jp.mynadesk.format.Coded;

/**
 * What the service said now about one pending visit.
 *
 * @param found the qualification the service returned (the new one when there is one), or null
 */
public record RecheckFinding(String visitId, Kind kind, Qualification found, String detail) {

    /** Why a visit stays pending: StaffText words it into the finding's detail. */
    public enum Unanswered {
        NO_NUMBERS, NOT_SENT, NOT_RECEIVED, NOT_READY, NOT_IN_RESULT, SERVICE_ERROR, NO_QUALIFICATION
    }

    public enum Kind implements Coded {
        CONFIRMED("confirmed", RecheckState.CONFIRMED),
        QUALIFICATION_LOST("qualification-lost", RecheckState.DISCREPANCY),
        QUALIFICATION_LOST_HAS_OTHER("qualification-lost-has-other", RecheckState.DISCREPANCY),
        QUALIFICATION_NOT_FOUND("qualification-not-found", RecheckState.DISCREPANCY),
        MULTIPLE_MATCHES("multiple-matches", RecheckState.DISCREPANCY),
        NUMBERS_DIFFER("numbers-differ", RecheckState.DISCREPANCY),
        RATIO_DIFFERS("ratio-differs", RecheckState.DISCREPANCY),
        /** The service did not answer (or there is nothing to query by): the visit stays pending. */
        UNANSWERED("unanswered", RecheckState.PENDING);

        private final String code;
        private final RecheckState settles;

        Kind(String code, RecheckState settles) {
            this.code = code;
            this.settles = settles;
        }

        @Override
        public String code() {
            return code;
        }

        /** The visit's re-check state after this finding. */
        public RecheckState settles() {
            return settles;
        }

        public static Kind fromCode(String code) {
            return Coded.of(values(), code, "finding kind");
        }
    }
}
