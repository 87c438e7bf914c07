/**
 * The formats every room shares, below all of them: JSON trees read and written with Jackson's streaming layer
 * ({@link jp.mynadesk.format.JsonText}), why an input file was refused, in Japanese and repeating nothing from it
 * ({@link jp.mynadesk.format.JsonProblem}), enums with a stable code in the contracts
 * ({@link jp.mynadesk.format.Coded}; with a staff label, {@link jp.mynadesk.format.Labelled}), and the one date rule of docs/RULES.md §8 ({@link jp.mynadesk.format.Dates},
 * {@link jp.mynadesk.format.EnteredDate}, {@link jp.mynadesk.format.Wareki}). It imports no other room.
 */
package jp.mynadesk.format;
