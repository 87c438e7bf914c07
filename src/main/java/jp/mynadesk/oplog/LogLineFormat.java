package jp.mynadesk.oplog;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.logging.Formatter;
import java.util.logging.LogRecord;

/**
 * One line per record: {@code 2026-12-07T09:00:00.123+09:00 [pid] LEVEL area: message}, then the stack trace when
 * there is one. Times are Japan time (UTC+9, no daylight saving); the pid tells apart the desks and commands that
 * share one data folder. A stack trace's digit runs are masked ({@link Scrub}).
 */
final class LogLineFormat extends Formatter {
    static final ZoneOffset JAPAN = ZoneOffset.ofHours(9);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSXXX");
    private static final String BASE = "jp.mynadesk.";

    private final long pid = ProcessHandle.current().pid();

    @Override
    public String format(LogRecord r) {
        StringBuilder line = new StringBuilder(160);
        line.append(TIME.format(r.getInstant().atOffset(JAPAN)))
                .append(" [").append(pid).append("] ")
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
