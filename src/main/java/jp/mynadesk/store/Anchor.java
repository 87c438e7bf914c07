package jp.mynadesk.store;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Checkpoints of the audit chain's head, kept outside the record: the anchor file in the desk's data folder
 * ({@value Seal#ANCHOR_FILE} for the SQLite record). After each committed change the desk appends one line,
 * {@code <seq> <hash> <time>}: "the chain had this many entries, and the last one had this hash". A record that is
 * shorter than a checkpoint has lost committed entries (a damaged WAL, a deleted file, an old backup put back); a
 * record whose entry at a checkpoint has another hash was rewritten. The file only ever grows: each line is one
 * append-mode write, flushed to disk before the desk goes on. Written after the commit, it may lag the record
 * (a desk killed in between) but never lead it.
 */
final class Anchor {
    /** One line: the chain had {@code seq} entries, the last with {@code hash}. */
    record Checkpoint(long seq, String hash) {}

    /** How much of the file's end {@link #latest} reads: desks sharing a folder may append slightly out of order. */
    private static final int TAIL_BYTES = 64 * 1024;

    private final Path file;

    Anchor(Path file) {
        this.file = file;
    }

    Path file() {
        return file;
    }

    /** Appends a checkpoint and flushes it to disk. */
    void append(long seq, String hash, OffsetDateTime at) throws IOException {
        boolean existed = Files.exists(file);
        boolean needsBreak = false;
        if (existed && Files.size(file) > 0) {
            try (FileChannel in = FileChannel.open(file, StandardOpenOption.READ)) {
                ByteBuffer last = ByteBuffer.allocate(1);
                in.read(last, in.size() - 1);
                needsBreak = last.get(0) != '\n'; // a desk killed mid-line: start on a line of our own
            }
        }
        String line = (needsBreak ? "\n" : "") + seq + " " + hash + " " + at + "\n";
        try (FileChannel out = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.APPEND)) {
            ByteBuffer bytes = ByteBuffer.wrap(line.getBytes(StandardCharsets.US_ASCII));
            while (bytes.hasRemaining()) {
                out.write(bytes);
            }
            out.force(true);
        }
        if (!existed) {
            Durable.syncFolder(file.toAbsolutePath().getParent());
        }
    }

    /** The checkpoint with the most entries, from the end of the file; empty when there is none (or no file). */
    Optional<Checkpoint> latest() throws IOException {
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        try (FileChannel in = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = in.size();
            long from = Math.max(0, size - TAIL_BYTES);
            ByteBuffer buf = ByteBuffer.allocate((int) (size - from));
            while (buf.hasRemaining() && in.read(buf, from + buf.position()) > 0) {
                // read the tail
            }
            String text = new String(buf.array(), 0, buf.position(), StandardCharsets.US_ASCII);
            if (from > 0) {
                int nl = text.indexOf('\n');
                text = nl < 0 ? "" : text.substring(nl + 1); // the first line may be cut
            }
            return parse(text).stream().max(Comparator.comparingLong(Checkpoint::seq));
        }
    }

    /** Every checkpoint in the file (verify compares each with the chain). */
    List<Checkpoint> all() throws IOException {
        if (!Files.exists(file)) {
            return List.of();
        }
        return parse(Files.readString(file, StandardCharsets.ISO_8859_1)); // any bytes: garbage is no checkpoint
    }

    /** Whole lines only: a line a killed desk left without its end is not a checkpoint. */
    private static List<Checkpoint> parse(String text) {
        List<Checkpoint> out = new ArrayList<>();
        int end = text.lastIndexOf('\n');
        if (end < 0) {
            return out;
        }
        for (String line : text.substring(0, end).split("\n")) {
            String[] f = line.strip().split(" ");
            if (f.length >= 2 && f[0].matches("[0-9]{1,18}") && f[1].matches("[A-Za-z0-9+/]{43}=")) {
                out.add(new Checkpoint(Long.parseLong(f[0]), f[1]));
            }
        }
        return out;
    }
}
