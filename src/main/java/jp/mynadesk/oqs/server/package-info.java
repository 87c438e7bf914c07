/**
 * <b>Registries at an insurer's scale</b> use the lines format (docs/OQS-MOCK.md): one streaming pass builds a
 * {@code KeyIndex} (64-bit key hash → line offset, two {@code long} arrays) and a person's JSON is parsed when a
 * query reads   it. Validation of a person's JSON happens then too: a bad line fails that query, not the start.
 */
package jp.mynadesk.oqs.server;
