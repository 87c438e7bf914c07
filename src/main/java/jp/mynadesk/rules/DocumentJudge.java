package jp.mynadesk.rules;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import jp.mynadesk.documents.DocumentKind;
import jp.mynadesk.format.EnteredDate;
import jp.mynadesk.documents.PresentedDocument;

/** Judges each document on its own (docs/RULES.md §4, table of reasons and the interim measure). */
final class DocumentJudge {
    private static final Set<Reason> INTERIM_WAIVABLE_OLD_CARD = EnumSet.of(Reason.EXPIRED, Reason.OLD_CARD_ABOLISHED);

    private final LocalDate asOf;
    private final boolean onlineAvailable;
    private final boolean cardUsable;
    private final List<PresentedDocument> all;
    /** Per qualification, the latest issue date among the 資格確認書 shown: one pass, so judging all is linear. */
    private final Map<List<String>, LocalDate> newestKakuninsho = new HashMap<>();

    /**
     * What {@link PresentedDocument#sameQualificationAs} compares, as a hash key. A list rather than a record: a
     * record's equals and hashCode are bootstrapped through method handles at first use, about 40 ms of a cold
     * {@code docs check} (docs/ARCHITECTURE.md, "Start-up").
     */
    private static List<String> qualificationKey(PresentedDocument d) {
        return Arrays.asList(d.insurerNumber(), orEmpty(d.symbol()), d.number(), orEmpty(d.branch()));
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }

    DocumentJudge(LocalDate asOf, boolean onlineAvailable, boolean cardUsable, List<PresentedDocument> all) {
        this.asOf = asOf;
        this.onlineAvailable = onlineAvailable;
        this.cardUsable = cardUsable;
        this.all = all;
        for (PresentedDocument d : all) {
            if (d.kind() == DocumentKind.SHIKAKU_KAKUNINSHO) {
                d.issuedOn().date().ifPresent(issued ->
                        newestKakuninsho.merge(qualificationKey(d), issued, (a, b) -> a.isAfter(b) ? a : b));
            }
        }
    }

    DocumentJudgement judge(int index) {
        PresentedDocument d = all.get(index);
        Set<Reason> reasons = EnumSet.noneOf(Reason.class);
        checkFormat(d, reasons);
        checkDates(d, reasons);
        if (d.kind() == DocumentKind.HOKENSHO && Timeline.oldCardAbolished(asOf)) {
            reasons.add(Reason.OLD_CARD_ABOLISHED);
        }
        if (needsCard(d.kind()) && !cardUsable) {
            reasons.add(Reason.NEEDS_CARD);
        }
        if (d.kind() == DocumentKind.SHIKAKU_KAKUNINSHO && supersededByNewer(d)) {
            reasons.add(Reason.SUPERSEDED);
        }
        List<Reason> list = new ArrayList<>(reasons); // EnumSet iterates in the contract table's order
        if (reasons.isEmpty()) {
            return new DocumentJudgement(index, d, true, list, normalBasis(d.kind()));
        }
        if (interimApplies(d.kind(), reasons)) {
            return new DocumentJudgement(index, d, true, list, Basis.INTERIM_ONLINE);
        }
        return new DocumentJudgement(index, d, false, list, null);
    }

    private static boolean needsCard(DocumentKind kind) {
        return kind == DocumentKind.SHIKAKU_JOHO_OSHIRASE || kind == DocumentKind.MYNAPORTAL_SCREEN;
    }

    private static Basis normalBasis(DocumentKind kind) {
        return switch (kind) {
            case SHIKAKU_KAKUNINSHO -> Basis.KAKUNINSHO;
            case SHIKAKU_JOHO_OSHIRASE -> Basis.NOTICE_WITH_CARD;
            case MYNAPORTAL_SCREEN -> Basis.PORTAL_WITH_CARD;
            case HOKENSHO -> Basis.OLD_CARD;
        };
    }

    /** 暫定的な取扱い: only while it lasts, only with the numbers confirmed online now, only for these problems. */
    private boolean interimApplies(DocumentKind kind, Set<Reason> reasons) {
        if (!onlineAvailable || !Timeline.interimMeasureApplies(asOf)) {
            return false;
        }
        if (kind == DocumentKind.HOKENSHO) {
            return INTERIM_WAIVABLE_OLD_CARD.containsAll(reasons);
        }
        return kind == DocumentKind.SHIKAKU_JOHO_OSHIRASE && reasons.equals(EnumSet.of(Reason.NEEDS_CARD));
    }

    private static void checkFormat(PresentedDocument d, Set<Reason> reasons) {
        InsurerNumberCheck insurer = InsurerNumber.check(d.insurerNumber());
        if (insurer instanceof InsurerNumberCheck.Malformed) {
            reasons.add(Reason.BAD_FORMAT);
        } else if (!insurer.valid()) {
            reasons.add(Reason.BAD_CHECK_DIGIT);
        }
        boolean kakuninsho = d.kind() == DocumentKind.SHIKAKU_KAKUNINSHO;
        if (!isDigits(d.number())
                || d.name() == null || d.name().isBlank()
                || (d.branch() != null && !d.branch().matches("[0-9]{2}"))
                || d.birthDate().isAbsent()
                || (kakuninsho && (d.issuedOn().isAbsent() || d.validUntil().isAbsent()))
                || anyInvalid(d)) {
            reasons.add(Reason.BAD_FORMAT);
        }
    }

    private static boolean anyInvalid(PresentedDocument d) {
        for (EnteredDate e : List.of(d.birthDate(), d.acquiredOn(), d.issuedOn(), d.validFrom(), d.validUntil(), d.lostOn())) {
            if (e.isInvalid()) {
                return true;
            }
        }
        return false;
    }

    static boolean isDigits(String s) {
        return s != null && !s.isEmpty() && s.chars().allMatch(c -> c >= '0' && c <= '9');
    }

    private void checkDates(PresentedDocument d, Set<Reason> reasons) {
        if (d.issuedOn().date().filter(asOf::isBefore).isPresent() || d.validFrom().date().filter(asOf::isBefore).isPresent()) {
            reasons.add(Reason.NOT_YET_VALID);
        }
        if (d.lostOn().date().filter(lost -> !lost.isAfter(asOf)).isPresent()) {
            reasons.add(Reason.LOST);
        }
        if (d.validUntil().date().filter(until -> until.isBefore(asOf)).isPresent()) {
            reasons.add(Reason.EXPIRED);
        }
    }

    /** Another 資格確認書 of the same qualification issued later was also shown: use the newest. */
    private boolean supersededByNewer(PresentedDocument d) {
        LocalDate issued = d.issuedOn().date().orElse(null);
        LocalDate newest = newestKakuninsho.get(qualificationKey(d));
        return issued != null && newest != null && newest.isAfter(issued);
    }
}
