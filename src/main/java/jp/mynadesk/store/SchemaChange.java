package jp.mynadesk.store;

/** What {@code db migrate} did: the record's schema version before and after (equal when it was up to date). */
public record SchemaChange(int from, int to) {}
