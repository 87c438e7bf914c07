package jp.mynadesk.desk;

/**
 * What {@code db verify} found.
 *
 * @param firstBroken    the first audit entry (or check) that fails, and why; null when intact
 * @param unkeyedEntries audit entries from before the chain was keyed (plain SHA-256, verified when it was sealed)
 * @param anchoredEntries the most entries a checkpoint outside the record names (0: none kept or none yet)
 */
public record IntegrityReport(boolean ok, int visits, int auditEntries, String firstBroken, long unkeyedEntries,
                              long anchoredEntries) {
    public IntegrityReport(boolean ok, int visits, int auditEntries, String firstBroken) {
        this(ok, visits, auditEntries, firstBroken, 0, 0);
    }
}
