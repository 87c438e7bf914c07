package jp.mynadesk.store;

/**
 * What {@code db migrate} did: the record's schema version before and after (equal when it was up to date).
 *
 * @param rekeyedAfter the record's plain (unkeyed) audit entries that were verified and sealed now, the chain keyed
 *                     from the next one; -1 when nothing was sealed by this run (new, or sealed before)
 */
public record SchemaChange(int from, int to, long rekeyedAfter) {
    public SchemaChange(int from, int to) {
        this(from, to, -1);
    }
}
