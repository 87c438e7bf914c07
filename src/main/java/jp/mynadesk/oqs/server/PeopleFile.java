package jp.mynadesk.oqs.server;

import com.fasterxml.jackson.databind.ObjectReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import jp.mynadesk.oqs.server.InsuredRegistry.Person;

/**
 * A registry in the lines format (docs/OQS-MOCK.md), for registries the size of a 国保 or a 広域連合: one pass over
 * the file builds a {@link KeyIndex} from each line's key fields (card CNs and 保険者番号|記号|番号) to the line's
 * offset; a person's JSON is read and parsed only when a query needs it. Nothing but the index stays in memory.
 *
 * <pre>
 * mynadesk-registry-lines 1
 * {"institutions":[…],"revokedCertificates":[…]}
 * c:&lt;card CN&gt;⇥n:&lt;insurer&gt;|&lt;symbol&gt;|&lt;number&gt;⇥{person JSON}
 * </pre>
 */
final class PeopleFile implements PeopleSource {
    static final String MAGIC = "mynadesk-registry-lines 1";
    private static final String CARD = "c:";
    private static final String NUMBERS = "n:";
    private static final int MAX_PROBLEMS = 20;

    /** The header (institutions and revoked certificates, no people) and the indexed people. */
    record Loaded(InsuredRegistry.Data header, PeopleFile people) {}

    private final FileChannel channel;
    private final ObjectReader personReader;
    private final KeyIndex index;
    private final int size;

    private PeopleFile(FileChannel channel, ObjectReader personReader, KeyIndex index, int size) {
        this.channel = channel;
        this.personReader = personReader;
        this.index = index;
        this.size = size;
    }

    /** Whether {@code firstBytes} start a lines-format file. */
    static boolean isLinesFormat(byte[] firstBytes) {
        byte[] magic = MAGIC.getBytes(StandardCharsets.US_ASCII);
        return firstBytes.length >= magic.length && Arrays.equals(firstBytes, 0, magic.length, magic, 0, magic.length);
    }

    /**
     * Indexes {@code file}. The channel stays open for the queries, for as long as the service runs.
     *
     * @throws IllegalArgumentException what is wrong, by line number
     */
    static Loaded open(Path file, ObjectReader headerReader, ObjectReader personReader) throws IOException {
        FileChannel channel = FileChannel.open(file, StandardOpenOption.READ);
        try {
            Scan scan = new Scan(channel.size());
            scan.run(channel);
            if (!scan.problems.isEmpty()) {
                throw new IllegalArgumentException(InsuredRegistry.joined(scan.problems));
            }
            InsuredRegistry.Data header = scan.header == null ? null : header(headerReader, scan.header);
            if (header == null) {
                throw new IllegalArgumentException("2 行目: ヘッダー（institutions と revokedCertificates の JSON オブジェクト）"
                        + "がありません。");
            }
            if (header.people() != null) {
                throw new IllegalArgumentException("2 行目: people はヘッダーに書けません。一人ずつ 3 行目からの行に書いてください。");
            }
            return new Loaded(header, new PeopleFile(channel, personReader, scan.index, scan.people));
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    /** Line 2, or what is wrong with it (by the file's line and column). */
    private static InsuredRegistry.Data header(ObjectReader reader, byte[] line) {
        try {
            return reader.readValue(line);
        } catch (IOException e) {
            if (e instanceof com.fasterxml.jackson.core.JsonProcessingException j) {
                throw new IllegalArgumentException(InsuredRegistry.HEADER_PROBLEMS.describe(j), e);
            }
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public int size() {
        return size;
    }

    @Override
    public Optional<Person> byCard(String subjectCn) {
        for (long offset : index.offsetsOf(KeyIndex.hash(CARD + subjectCn))) {
            Person p = read(offset);
            if (InsuredRegistry.nz(p.cards()).contains(subjectCn)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    @Override
    public List<Person> byNumbersKey(String key) {
        List<Person> people = new ArrayList<>();
        for (long offset : index.offsetsOf(KeyIndex.hash(NUMBERS + key))) {
            people.add(read(offset));
        }
        return people;
    }

    /** The person on the line at {@code offset}; a line that is not a valid person fails the query, not the service. */
    private Person read(long offset) {
        try {
            ByteBuffer buf = ByteBuffer.allocate(2048);
            int newline;
            while ((newline = indexOf(buf.array(), 0, buf.position(), (byte) '\n')) < 0) {
                if (!buf.hasRemaining()) {
                    buf = ByteBuffer.allocate(buf.capacity() * 2).put(buf.flip());
                }
                if (channel.read(buf, offset + buf.position()) < 0) {
                    newline = buf.position();
                    break;
                }
            }
            byte[] line = buf.array();
            int json = jsonStart(line, 0, newline);
            Person p = personReader.readValue(line, json, newline - json);
            List<String> problems = InsuredRegistry.problemsOf(p, "person");
            if (!problems.isEmpty()) {
                throw new IllegalStateException("registry line at byte " + offset + ": " + String.join(" ", problems));
            }
            return p;
        } catch (IOException e) {
            throw new UncheckedIOException("registry line at byte " + offset, e);
        }
    }

    private static int jsonStart(byte[] line, int from, int end) {
        int i = from;
        while (i < end && line[i] != '{') {
            int tab = indexOf(line, i, end, (byte) '\t');
            i = tab < 0 ? end : tab + 1;
        }
        return i;
    }

    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long NEWLINES = 0x0A0A0A0A0A0A0A0AL;
    private static final long LOW_BITS = 0x0101010101010101L;
    private static final long HIGH_BITS = 0x8080808080808080L;

    /**
     * The next '\n' in {@code bytes[from, to)}, or -1; eight bytes a step (the person JSON is most of the file,
     * and this loop is most of the start-up): a byte equal to '\n' is the lowest zero byte of word XOR newlines.
     */
    static int newline(byte[] bytes, int from, int to) {
        int i = from;
        for (; i + Long.BYTES <= to; i += Long.BYTES) {
            long x = (long) LONGS.get(bytes, i) ^ NEWLINES;
            long found = (x - LOW_BITS) & ~x & HIGH_BITS;
            if (found != 0) {
                return i + (Long.numberOfTrailingZeros(found) >>> 3);
            }
        }
        return indexOf(bytes, i, to, (byte) '\n');
    }

    private static int indexOf(byte[] bytes, int from, int to, byte b) {
        for (int i = from; i < to; i++) {
            if (bytes[i] == b) {
                return i;
            }
        }
        return -1;
    }

    /** One streaming pass: 1 MiB at a time, whole lines only. */
    private static final class Scan {
        final KeyIndex index;
        final List<String> problems = new ArrayList<>();
        byte[] header;
        int people;
        private long lineNumber;

        Scan(long fileSize) {
            // a generated person takes about 630 bytes and two keys; the index grows if the guess is low
            this.index = new KeyIndex((int) Math.min(Integer.MAX_VALUE / 4, fileSize / 400 + 16));
        }

        void run(FileChannel channel) throws IOException {
            byte[] buf = new byte[1 << 20];
            int filled = 0;
            long bufStart = 0;
            while (true) {
                int n = channel.read(ByteBuffer.wrap(buf, filled, buf.length - filled));
                boolean eof = n < 0;
                if (!eof) {
                    filled += n;
                }
                int lineStart = 0;
                int newline;
                while ((newline = newline(buf, lineStart, filled)) >= 0) {
                    line(buf, lineStart, newline, bufStart + lineStart);
                    lineStart = newline + 1;
                }
                if (eof) {
                    if (lineStart < filled) {
                        line(buf, lineStart, filled, bufStart + lineStart);
                    }
                    break;
                }
                System.arraycopy(buf, lineStart, buf, 0, filled - lineStart);
                filled -= lineStart;
                bufStart += lineStart;
                if (filled == buf.length) {
                    buf = Arrays.copyOf(buf, buf.length * 2);
                }
                if (problems.size() >= MAX_PROBLEMS) {
                    break;
                }
            }
            if (lineNumber == 0) {
                problems.add("ファイルが空です。");
            }
        }

        private void line(byte[] buf, int start, int end, long offset) {
            lineNumber++;
            if (end > start && buf[end - 1] == '\r') {
                end--;
            }
            if (lineNumber == 1) {
                if (!new String(buf, start, end - start, StandardCharsets.UTF_8).equals(MAGIC)) {
                    problem(MAGIC + " だけの行にしてください。");
                }
                return;
            }
            if (lineNumber == 2) {
                header = Arrays.copyOfRange(buf, start, end);
                return;
            }
            if (start == end) {
                return;
            }
            int i = start;
            int keyNumber = 0;
            while (i < end && buf[i] != '{') {
                int tab = indexOf(buf, i, end, (byte) '\t');
                int fieldEnd = tab < 0 ? end : tab;
                key(buf, i, fieldEnd, offset, ++keyNumber);
                i = tab < 0 ? end : tab + 1;
            }
            if (i == end) {
                problem("キーの後に人の JSON（{ で始まるオブジェクト）がありません。");
            }
            people++;
        }

        /**
         * Indexes one key field, hashing its bytes where they lie (no String per key: a million people would make
         * millions). The numbers key is hashed as {@link InsuredRegistry#key} would write it: parts trimmed of ASCII
         * blanks, a 国保 number zero-padded to 8 digits taken as its 6.
         */
        private void key(byte[] buf, int from, int to, long offset, int keyNumber) {
            String which = keyNumber + " 番目のキー";
            if (startsWith(buf, from, to, CARD) && to - from > CARD.length()) {
                long hash = KeyIndex.finish(KeyIndex.mix(KeyIndex.SEED, buf, from, to));
                if (index.contains(hash)) {
                    problem(which + "（c:）: このカードは前の行の人にも結び付いています。カードは一人にだけ結び付けてください。");
                }
                index.add(hash, offset);
            } else if (startsWith(buf, from, to, NUMBERS)) {
                int bar1 = indexOf(buf, from, to, (byte) '|');
                int bar2 = bar1 < 0 ? -1 : indexOf(buf, bar1 + 1, to, (byte) '|');
                int[] insurer = trim(buf, from + 2, bar1 < 0 ? to : bar1);
                if (bar2 < 0 || indexOf(buf, bar2 + 1, to, (byte) '|') >= 0 || !validInsurer(buf, insurer)) {
                    problem(which + "（n:）: n:保険者番号|記号|番号 の形にしてください（保険者番号は 8 桁、国保は 6 桁の数字）。");
                    return;
                }
                if (insurer[1] - insurer[0] == 8 && buf[insurer[0]] == '0' && buf[insurer[0] + 1] == '0') {
                    insurer[0] += 2;
                }
                int[] symbol = trim(buf, bar1 + 1, bar2);
                int[] number = trim(buf, bar2 + 1, to);
                long h = KeyIndex.mix(KeyIndex.SEED, buf, from, from + 2);
                h = KeyIndex.mix(h, buf, insurer[0], insurer[1]);
                h = KeyIndex.mix(h, buf, bar1, bar1 + 1);
                h = KeyIndex.mix(h, buf, symbol[0], symbol[1]);
                h = KeyIndex.mix(h, buf, bar2, bar2 + 1);
                h = KeyIndex.mix(h, buf, number[0], number[1]);
                index.add(KeyIndex.finish(h), offset);
            } else {
                problem(which + ": キーは c:（カード）か n:（保険者番号|記号|番号）で始めてください。");
            }
        }

        private static boolean startsWith(byte[] buf, int from, int to, String prefix) {
            if (to - from < prefix.length()) {
                return false;
            }
            for (int i = 0; i < prefix.length(); i++) {
                if (buf[from + i] != prefix.charAt(i)) {
                    return false;
                }
            }
            return true;
        }

        private static int[] trim(byte[] buf, int from, int to) {
            while (from < to && (buf[from] == ' ' || buf[from] == '\t')) {
                from++;
            }
            while (to > from && (buf[to - 1] == ' ' || buf[to - 1] == '\t')) {
                to--;
            }
            return new int[] {from, to};
        }

        private static boolean validInsurer(byte[] buf, int[] range) {
            int length = range[1] - range[0];
            if (length != 6 && length != 8) {
                return false;
            }
            for (int i = range[0]; i < range[1]; i++) {
                if (buf[i] < '0' || buf[i] > '9') {
                    return false;
                }
            }
            return true;
        }

        private void problem(String what) {
            if (problems.size() < MAX_PROBLEMS) {
                problems.add(lineNumber + " 行目: " + what);
            }
        }
    }
}
