/**
 * Below every room, knows none: {@code Timeline} (elapsed time and waiting: {@code REAL} = {@code System.nanoTime} and
 * real sleeps; {@code sleep}, a client's {@code awaitAnswer} for one named exchange, a server's {@code hold} of an
 * exchange) and {@code VirtualTimeline} (moved only by the desk's thread: a sleep by its length, an answer wait to
 * the end of the server's hold of that exchange or to the time-out, whichever is first). Injected through {@code
 * Station.open(setup, timeline)} into {@code OqsClient.Builder.timeline}, {@code OqsServer.Config.timeline} and
 * {@code VirtualTerminals}.
 */
package jp.mynadesk.time;
