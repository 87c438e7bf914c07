package jp.mynadesk.oplog;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.logging.Formatter;
import java.util.logging.LogRecord;

/**
 * One line per record: {@code 2026-12-07T09:00:00.123+09:00 [pid] LEVEL area: message}, then the stack trace when
 * there is one. Times are Japan time (UTC+9, no daylight saving); the pid tells apart the desks and commands that
 * share one data folder. A stack trace's digit runs are masked ({@link Scrub}).
 */
final class LogLineFormat extends Formatter {
    static final ZoneOffset JAPAN = ZoneOffset.ofHours(9);
    private static final String BASE = "jp.mynadesk.";

    private final long pid = ProcessHandle.current().pid();

    @Override
    public String format(LogRecord r) {
        StringBuilder line = new StringBuilder(160);
        time(line, LocalDateTime.ofEpochSecond(r.getInstant().getEpochSecond(), r.getInstant().getNano(), JAPAN));
        line.append(" [").append(pid).append("] ")
                .append(r.getLevel().getName()).append(' ')
                .append(area(r.getLoggerName())).append(": ")
                .append(oneLine(r.getMessage()))
                .append('\n');
        if (r.getThrown() != null) {
            StringWriter trace = new StringWriter();
            r.getThrown().printStackTrace(new PrintWriter(trace));
            line.append(Scrub.digits(trace.toString(), Scrub.FOREIGN_TEXT));
        }
        return line.toString();
    }

    /**
     * {@code 2026-12-07T09:00:00.123+09:00}, written by hand: a {@code DateTimeFormatter} costs a one-shot command
     * its pattern parser and tables at every start (docs/ARCHITECTURE.md, "Start-up").
     */
    static void time(StringBuilder out, LocalDateTime t) {
        out.append(t.getYear()).append('-');
        two(out, t.getMonthValue()).append('-');
        two(out, t.getDayOfMonth()).append('T');
        two(out, t.getHour()).append(':');
        two(out, t.getMinute()).append(':');
        two(out, t.getSecond()).append('.');
        int ms = t.getNano() / 1_000_000;
        out.append((char) ('0' + ms / 100)).append((char) ('0' + ms / 10 % 10)).append((char) ('0' + ms % 10)).append("+09:00");
    }

    private static StringBuilder two(StringBuilder out, int n) {
        return out.append((char) ('0' + n / 10)).append((char) ('0' + n % 10));
    }

    private static String area(String logger) {
        if (logger == null) {
            return "-";
        }
        return logger.startsWith(BASE) ? logger.substring(BASE.length()) : logger;
    }

    /** A message is one line: a line break inside it could forge a line of its own. */
    private static String oneLine(String message) {
        if (message == null) {
            return "";
        }
        return message.indexOf('\n') < 0 && message.indexOf('\r') < 0 ? message
                : message.replace("\r", "\\r").replace("\n", "\\n");
    }
}
