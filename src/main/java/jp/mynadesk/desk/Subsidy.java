package jp.mynadesk.desk;

/**
 * One 医療費助成 受給者証 the service offered through the card (PMH, docs/DESK.md "医療費助成の受給者証"):
 * the 制度's name, 公費負担者番号 (8 digits) and 受給者番号 (7 digits).
 */
public record Subsidy(String name, String publicExpenseNumber, String beneficiaryNumber) {}
