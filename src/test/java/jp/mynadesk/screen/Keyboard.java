package jp.mynadesk.screen;

import java.io.Reader;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * The terminal desk's keyboard in a test: lines as the clerk (or a keyboard-wedge scanner) types them, and actions
 * that happen between two lines (the service goes down, the card is swapped) run exactly when the desk asks for the
 * next line. Nothing is read ahead: each read returns at most the rest of one line, so an action runs only once
 * every line before it was taken.
 */
final class Keyboard extends Reader {
    private final Deque<Object> items = new ArrayDeque<>();
    private String current = "";
    private int at;

    /** @param items {@code String} lines (without the newline) and {@code Runnable} actions, in order */
    Keyboard(List<?> items) {
        this.items.addAll(items);
    }

    @Override
    public int read(char[] buf, int off, int len) {
        while (at >= current.length()) {
            Object next = items.pollFirst();
            if (next == null) {
                return -1;
            }
            if (next instanceof Runnable r) {
                r.run();
                continue;
            }
            current = next + "\n";
            at = 0;
        }
        int n = 0;
        while (n < len && at < current.length()) {
            char c = current.charAt(at++);
            buf[off + n++] = c;
            if (c == '\n') {
                break;
            }
        }
        return n;
    }

    @Override
    public void close() {
        items.clear();
    }
}
