/**
 * The documents at the desk ({@code PresentedDocument}, its kinds and fields; dates are read by the one rule of
 * {@code format.Dates} / {@code format.Wareki}, docs/RULES.md §8), the JSON contract of {@code docs check}
 * ({@code DocumentJson}, which also explains a broken input file), the project's QR payload ({@code docs/QR-PAYLOAD.md}),
 * {@code DocumentRenderer} / {@code DocumentScanner} (ZXing). Any My Number field in input is dropped before anything
 * reads it.
 */
package jp.mynadesk.documents;
