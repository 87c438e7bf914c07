package jp.mynadesk.oqs;

import java.net.http.HttpClient;

/**
 * Stops an {@link HttpClient}'s selector thread, which Java 17's client has no {@code close()} for.
 *
 * <p>Why it matters: the thread waits in {@code epoll_wait}, native code, and the JVM's exit waits up to 300 ms for
 * every thread in native code to come back (HotSpot's {@code VM_Exit::wait_for_threads_in_native_to_block}; strace
 * of a one-shot {@code check} showed the VM thread polling every 10 ms for 320–400 ms after the answer was printed,
 * on JDK 17 and 25 alike). The selector loop ends when its thread is interrupted (it runs while
 * {@code !isInterrupted() && !closed}; interrupting a thread blocked in {@code Selector.select} wakes the
 * selector), so: find the thread by the name the client gives it, {@code HttpClient-<id>-SelectorManager}, where
 * {@code <id>} is the number the client's {@code toString()} ends with (the JDK's own tests rely on that), interrupt
 * it and wait briefly for it to end. Nothing is found when a JDK names it otherwise; the exit is then slower, never
 * wrong. The client is unusable afterwards, which is what closing it means.
 */
final class HttpClientStop {
    /** How long to wait for the selector thread to end; it ends within a few milliseconds once interrupted. */
    private static final long JOIN_MILLIS = 1000;

    private HttpClientStop() {}

    static void stop(HttpClient client) {
        String name = selectorThreadName(client.toString());
        if (name == null) {
            return;
        }
        for (Thread thread : Thread.getAllStackTraces().keySet()) {
            if (thread.getName().equals(name) && thread != Thread.currentThread()) {
                thread.interrupt();
                try {
                    thread.join(JOIN_MILLIS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }
    }

    /** {@code HttpClient-7-SelectorManager} for a client whose {@code toString()} ends with {@code (7)}; else null. */
    static String selectorThreadName(String client) {
        int close = client.length() - 1;
        int open = client.lastIndexOf('(');
        if (close < 0 || client.charAt(close) != ')' || open < 0 || open + 1 == close) {
            return null;
        }
        for (int i = open + 1; i < close; i++) {
            if (client.charAt(i) < '0' || client.charAt(i) > '9') {
                return null;
            }
        }
        return "HttpClient-" + client.substring(open + 1, close) + "-SelectorManager";
    }
}
