package jp.mynadesk.bench;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The figures of one benchmark run: each is the median of its rounds with the min and max beside it, and, where the
 * project sets a target, a PASS/FAIL verdict on the median. The verdicts are information: the command exits 0 either
 * way, because a shared machine's figures are not a test result. {@link #json()} is for CI trend lines.
 */
public final class BenchReport {
    /** Which side of the limit passes. */
    public enum Direction {
        AT_LEAST(">="), AT_MOST("<=");

        private final String symbol;

        Direction(String symbol) {
            this.symbol = symbol;
        }
    }

    /** A target the median must meet. */
    public record Target(Direction direction, double limit) {
        public static Target atLeast(double limit) {
            return new Target(Direction.AT_LEAST, limit);
        }

        public static Target atMost(double limit) {
            return new Target(Direction.AT_MOST, limit);
        }

        boolean metBy(double value) {
            return direction == Direction.AT_LEAST ? value >= limit : value <= limit;
        }
    }

    /** One measured quantity over its rounds; {@code target} null when the figure is informative only. */
    public record Figure(String name, String unit, double min, double median, double max, int rounds, Target target) {
        public static Figure of(String name, String unit, double[] rounds, Target target) {
            double[] sorted = rounds.clone();
            Arrays.sort(sorted);
            return new Figure(name, unit, sorted[0], sorted[sorted.length / 2], sorted[sorted.length - 1], sorted.length, target);
        }

        /** "PASS", "FAIL", or "" without a target. */
        public String verdict() {
            return target == null ? "" : target.metBy(median) ? "PASS" : "FAIL";
        }
    }

    private final String title;
    private final List<Figure> figures = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();

    public BenchReport(String title) {
        this.title = title;
    }

    public Figure add(String name, String unit, double[] rounds, Target target) {
        Figure f = Figure.of(name, unit, rounds, target);
        figures.add(f);
        return f;
    }

    /** A line of context (machine, method, external comparison) printed with the figures. */
    public void note(String line) {
        notes.add(line);
    }

    public List<Figure> figures() {
        return List.copyOf(figures);
    }

    public void print(PrintWriter out) {
        out.println(title);
        notes.forEach(n -> out.println("  " + n));
        for (Figure f : figures) {
            String target = f.target() == null ? ""
                    : String.format(Locale.ROOT, "  target %s %s: %s", f.target().direction().symbol, number(f.target().limit()), f.verdict());
            out.printf(Locale.ROOT, "  %-70s %12s %-6s (min %s, max %s, %d rounds)%s%n", f.name(), number(f.median()), f.unit(),
                    number(f.min()), number(f.max()), f.rounds(), target);
        }
        out.flush();
    }

    /** {"title":…,"notes":[…],"figures":[{"name","unit","min","median","max","rounds","target":{"op","limit"}|null,"verdict"}]} */
    public String json() {
        StringBuilder b = new StringBuilder("{\"title\":").append(quote(title)).append(",\"notes\":[");
        for (int i = 0; i < notes.size(); i++) {
            b.append(i == 0 ? "" : ",").append(quote(notes.get(i)));
        }
        b.append("],\"figures\":[");
        for (int i = 0; i < figures.size(); i++) {
            Figure f = figures.get(i);
            b.append(i == 0 ? "" : ",").append("{\"name\":").append(quote(f.name())).append(",\"unit\":").append(quote(f.unit()))
                    .append(",\"min\":").append(f.min()).append(",\"median\":").append(f.median()).append(",\"max\":").append(f.max())
                    .append(",\"rounds\":").append(f.rounds()).append(",\"target\":")
                    .append(f.target() == null ? "null" : "{\"op\":" + quote(f.target().direction().symbol) + ",\"limit\":" + f.target().limit() + "}")
                    .append(",\"verdict\":").append(f.target() == null ? "null" : quote(f.verdict())).append('}');
        }
        return b.append("]}").toString();
    }

    private static String number(double v) {
        return Math.abs(v) >= 100 ? String.format(Locale.ROOT, "%,.0f", v) : String.format(Locale.ROOT, "%.2f", v);
    }

    private static String quote(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                default -> b.append(c < 0x20 ? String.format("\\u%04x", (int) c) : String.valueOf(c));
            }
        }
        return b.append('"').toString();
    }
}
