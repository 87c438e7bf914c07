/**
 * Renderers and drivers of {@code desk} for people: {@code TerminalDesk} (the all-day terminal screen: reader events
 * from {@code ReaderMonitor}, a key per action, PIN without echo, consent per category, documents typed field by
 * field or scanned, 申立書, re-check, today's visits, verify) and {@code VisitText} (a visit as staff read it).
 *
 * <p><b>Terminal.</b> {@code TerminalDesk}: every prompt strict (unknown keys asked again, full-width keys), the
 * status line from the client's breaker and last answer ({@code OqsClient.lastCallAnswered} / {@code lastFailure}),
 * reader notices that repeat the prompt, keyboard-wedge QR payloads at the menu and document prompts, {@code
 * interrupt} for Ctrl-C (the open check recorded as stopped; called from {@code DeskCommand}'s shutdown hook before
 * the station closes). Tested through its input seam ({@code Keyboard}, {@code TerminalFixture}).
 */
package jp.mynadesk.screen;
