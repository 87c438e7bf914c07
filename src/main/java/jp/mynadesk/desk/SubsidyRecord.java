package jp.mynadesk.desk;

import java.util.List;

/**
 * The patient's answer to 「医療費助成の受給者証を利用しますか」 and what it brought (docs/DESK.md "医療費助成の受給者証").
 * The question is a record: asked only when the service offered 受給者証, answered yes or no by the patient; the
 * numbers are kept only on yes.
 *
 * @param used         the patient answered yes
 * @param certificates the 受給者証 kept with the visit (empty on no)
 */
public record SubsidyRecord(boolean used, List<Subsidy> certificates) {
    public SubsidyRecord {
        certificates = certificates == null ? List.of() : List.copyOf(certificates);
    }

    /** The answer given to what was offered: the numbers on yes, nothing on no. */
    public static SubsidyRecord answered(boolean yes, List<Subsidy> offered) {
        return new SubsidyRecord(yes, yes ? offered : List.of());
    }
}
