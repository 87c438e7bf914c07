package jp.mynadesk.ceiling;

/**
 * One figure of a table. {@code provisional} marks a figure with a single or no confirming source: the
 * output repeats the mark so nobody mistakes it for settled law.
 */
public record Figure(Amount amount, boolean provisional, String note) {}
