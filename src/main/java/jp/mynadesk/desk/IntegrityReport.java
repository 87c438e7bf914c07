package jp.mynadesk.desk;

/**
 * What {@code db verify} found.
 *
 * @param firstBroken the first audit entry (or check) that fails, and why; null when intact
 */
public record IntegrityReport(boolean ok, int visits, int auditEntries, String firstBroken) {}
