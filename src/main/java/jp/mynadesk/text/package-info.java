/**
 * {@code SafeText}, below every other room: text from outside (a name from a QR code, a document or the service, a
 * trace header, a file name) made safe to show. C0/C1 controls, DEL and the bidi controls (U+202A–202E, U+2066–2069,
 * U+200E/F, U+061C) and U+2028/2029 become their code ({@code \u202E}): {@code SafeText.line} for a value within a
 * line; {@code SafeText.writer} guards everything {@code cli.Main} prints (out and err; LF, TAB and CRLF kept; in
 * {@code --json} text the code is the JSON escape of the same character, so values are unchanged), {@code
 * SafeText.carriageReturn} is the one bare CR (a progress line). The web pages get the same through {@code
 * screen.web.SafeJson} (Javalin's JSON mapper and the server-sent events).
 */
package jp.mynadesk.text;
