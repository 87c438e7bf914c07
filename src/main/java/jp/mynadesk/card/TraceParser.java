package jp.mynadesk.card;

import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads docs/TRACE.md back, strictly: every problem names its line (messages in Japanese, for the CLI). */
final class TraceParser {
    private static final Pattern STAMP = Pattern.compile("^(.*) @(\\d{1,12})\\.(\\d{3})$");
    private static final Pattern COMMAND = Pattern.compile("(?:[0-9A-F]{2}){4,}(?:\\*\\*)*");
    private static final Pattern RESPONSE = Pattern.compile("((?:[0-9A-F]{2})*|(?:\\*\\*)+)([0-9A-F]{4})");
    private static final Pattern SCARD = Pattern.compile("SCARD_[A-Z]_[A-Z_]+");
    private static final Pattern DELAY = Pattern.compile("\\d{1,9}ms");
    private static final List<String> KEYS = List.of("program", "reader", "atr", "protocol", "profile", "started");

    private final Map<String, String> header = new HashMap<>();
    private final List<TraceEntry> entries = new ArrayList<>();
    private final List<Integer> numbers = new ArrayList<>();
    private boolean formatSeen;
    private boolean bodyStarted;
    /** Line of the command still waiting for its answer, or 0. */
    private int openCommand;
    private long lastMicros;

    private TraceParser() {}

    static Trace parse(String text) throws TraceFormatException {
        TraceParser p = new TraceParser();
        String[] lines = text.split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            p.line(i + 1, lines[i]);
        }
        if (!p.formatSeen) {
            throw new TraceFormatException(1, "トレースファイルではありません（1行目は「" + Trace.FORMAT_LINE + "」のはずです）");
        }
        if (p.openCommand != 0) {
            throw new TraceFormatException(p.openCommand, "このコマンドに応答もイベントもありません（ファイルが途中で切れています）");
        }
        return new Trace(p.header(), p.entries, p.numbers);
    }

    private void line(int n, String raw) throws TraceFormatException {
        String line = raw.strip();
        if (line.isEmpty()) {
            return;
        }
        if (!formatSeen) {
            if (!line.equals(Trace.FORMAT_LINE)) {
                throw new TraceFormatException(n, "トレースファイルではありません（最初の行は「" + Trace.FORMAT_LINE + "」のはずです）");
            }
            formatSeen = true;
            return;
        }
        char marker = line.charAt(0);
        if (marker == '#') {
            add(n, new TraceEntry.Comment(line.substring(1)));
            return;
        }
        if (marker == '@') {
            headerLine(n, line);
            return;
        }
        if (marker != '>' && marker != '<' && marker != '!') {
            throw new TraceFormatException(n, "行の先頭は @ # > < ! のどれかです（「" + abbreviate(line) + "」）");
        }
        bodyStarted = true;
        Matcher stamp = STAMP.matcher(line);
        if (!stamp.matches()) {
            throw new TraceFormatException(n, "行末に経過時間「@ミリ秒.小数3桁」（例 @12.345）がありません");
        }
        long micros = Long.parseLong(stamp.group(2)) * 1000 + Integer.parseInt(stamp.group(3));
        if (micros < lastMicros) {
            throw new TraceFormatException(n, "経過時間が前の行より小さくなっています");
        }
        lastMicros = micros;
        String payload = stamp.group(1).substring(1).strip();
        switch (marker) {
            case '>' -> command(n, micros, payload);
            case '<' -> response(n, micros, payload);
            default -> event(n, micros, payload);
        }
    }

    private void headerLine(int n, String line) throws TraceFormatException {
        if (bodyStarted) {
            throw new TraceFormatException(n, "ヘッダー行（@）はコマンドや応答の行より前に書きます");
        }
        int space = line.indexOf(' ');
        String key = space < 0 ? line.substring(1) : line.substring(1, space);
        String value = space < 0 ? "" : line.substring(space + 1).strip();
        if (!KEYS.contains(key)) {
            throw new TraceFormatException(n, "知らないヘッダー「@" + key + "」です（使えるのは " + String.join(", ", KEYS) + "）");
        }
        if (value.isEmpty()) {
            throw new TraceFormatException(n, "ヘッダー「@" + key + "」に値がありません");
        }
        if (header.putIfAbsent(key, value) != null) {
            throw new TraceFormatException(n, "ヘッダー「@" + key + "」が2回あります");
        }
        if (key.equals("atr") && !value.matches("([0-9A-F]{2})+")) {
            throw new TraceFormatException(n, "@atr は大文字の16進（例 3BE000FF8131FE4514）で書きます");
        }
        if (key.equals("started")) {
            try {
                OffsetDateTime.parse(value);
            } catch (DateTimeParseException e) {
                throw new TraceFormatException(n, "@started は日時（例 2026-11-22T09:00:00+09:00）で書きます");
            }
        }
    }

    private void command(int n, long micros, String hex) throws TraceFormatException {
        if (openCommand != 0) {
            throw new TraceFormatException(openCommand, "このコマンドに応答もイベントもないまま次のコマンド（" + n + "行目）が来ています");
        }
        if (!COMMAND.matcher(hex).matches()) {
            throw new TraceFormatException(n, "コマンドは4バイト以上の大文字16進で、伏せ字 ** はデータの末尾だけに使えます");
        }
        openCommand = n;
        add(n, new TraceEntry.Command(micros, hex));
    }

    private void response(int n, long micros, String hex) throws TraceFormatException {
        if (openCommand == 0) {
            throw new TraceFormatException(n, "応答の前にコマンドがありません");
        }
        Matcher m = RESPONSE.matcher(hex);
        if (!m.matches()) {
            throw new TraceFormatException(n, "応答はデータ（16進、または全部伏せ字 **）と状態語（16進4桁）です");
        }
        openCommand = 0;
        add(n, new TraceEntry.Response(micros, m.group(1), Integer.parseInt(m.group(2), 16)));
    }

    private void event(int n, long micros, String payload) throws TraceFormatException {
        int space = payload.indexOf(' ');
        String kindName = space < 0 ? payload : payload.substring(0, space);
        String detail = space < 0 ? null : payload.substring(space + 1).strip();
        TraceEntry.Kind kind;
        try {
            kind = TraceEntry.Kind.valueOf(kindName);
        } catch (IllegalArgumentException e) {
            throw new TraceFormatException(n, "知らないイベント「" + kindName + "」です（使えるのは CARD_REMOVED, READER_GONE, "
                    + "PCSC_ERROR, DELAY, MALFORMED_RESPONSE）");
        }
        switch (kind) {
            case CARD_REMOVED, READER_GONE -> {
                if (detail != null && !SCARD.matcher(detail).matches()) {
                    throw new TraceFormatException(n, kind + " に続けられるのは SCARD_ で始まるPC/SCのエラー名だけです");
                }
                openCommand = 0;
            }
            case PCSC_ERROR -> {
                if (detail == null || !SCARD.matcher(detail).matches()) {
                    throw new TraceFormatException(n, "PCSC_ERROR にはPC/SCのエラー名（例 SCARD_E_TIMEOUT）が必要です");
                }
                requireOpen(n, kind);
                openCommand = 0;
            }
            case DELAY -> {
                if (detail == null || !DELAY.matcher(detail).matches()) {
                    throw new TraceFormatException(n, "DELAY には待ち時間（例 1500ms）が必要です");
                }
                if (Long.parseLong(detail.substring(0, detail.length() - 2)) > ApduTrace.MAX_DELAY_MILLIS) {
                    // the replay would sleep that long: a hand-edited 999999999ms is eleven days
                    throw new TraceFormatException(n, "DELAY は " + ApduTrace.MAX_DELAY_MILLIS + "ms（1分）までです");
                }
                requireOpen(n, kind);
            }
            case MALFORMED_RESPONSE -> {
                requireOpen(n, kind);
                openCommand = 0;
            }
        }
        add(n, new TraceEntry.Event(micros, kind, detail));
    }

    private void requireOpen(int n, TraceEntry.Kind kind) throws TraceFormatException {
        if (openCommand == 0) {
            throw new TraceFormatException(n, kind + " はコマンドの直後（その応答の代わり）にだけ書けます");
        }
    }

    private void add(int n, TraceEntry entry) {
        entries.add(entry);
        numbers.add(n);
    }

    private TraceHeader header() {
        String started = header.get("started");
        try {
            return new TraceHeader(header.getOrDefault("program", "unknown"), header.get("reader"), header.get("atr"),
                    header.get("protocol"), header.get("profile"), started == null ? null : OffsetDateTime.parse(started));
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("header values were checked line by line", e);
        }
    }

    private static String abbreviate(String line) {
        return line.length() > 40 ? line.substring(0, 40) + "…" : line;
    }
}
