/**
 * The desk's settings (docs/CLINIC.md, "Settings"): {@code SettingsFile} (where the YAML file is, read bounded and
 * regular files only, unknown and repeated keys refused), {@code Settings} (each value from option > environment >
 * file > default with its {@code Source} and name, every value checked alike; {@code SettingsException} names the key
 * and what is allowed, never the value), {@code ServiceChoice} (none / mock / URL), {@code TrustAnchorFiles} (the
 * anchors' PEM/DER files into {@code pki.TrustAnchors}), {@code SettingsWriter} (the file {@code setup} writes,
 * replaced atomically). Knows only {@code pki} and Jackson.
 */
package jp.mynadesk.settings;
