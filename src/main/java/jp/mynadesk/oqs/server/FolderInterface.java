package jp.mynadesk.oqs.server;

import java.io.IOException;
import java.nio.channels.Channels;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import jp.mynadesk.oqs.OqsFormatException;
import jp.mynadesk.oqs.OqsTime;
import jp.mynadesk.oqs.OqsXml;
import jp.mynadesk.oqs.QualificationResponse;
import jp.mynadesk.oqs.XmlNode;

/**
 * The 資格確認端末's file interface (docs/OQS-MOCK.md §1): clinic software drops request files into {@code req}; answers appear in
 * {@code res}, card checks in {@code face}. Every output is written atomically (temp file + ATOMIC_MOVE). A request
 * that cannot be processed is moved into {@code res} next to a same-named {@code .err} file explaining why.
 *
 * <p>No single file can stop it: only regular files up to {@link #MAX_REQUEST_BYTES} are opened (a FIFO, a
 * directory, a device or a symlink named {@code *.xml} is moved aside with an {@code .err}, never opened or followed),
 * no error ends the poller, and a deleted folder is created again. {@link #health()} tells how the last pass went.
 *
 * <ul>
 *   <li>{@code OQSsiquc01req_X.xml} → {@code OQSsiquc01res_X.xml} (資格確認 by numbers)</li>
 *   <li>{@code OQSmuquc01req_X.xml} → {@code OQSmuquc01res_X.xml} (一括照会 upload → ReceptionNumber)</li>
 *   <li>{@code OQSmuquc02req_X.xml} → {@code OQSmuquc02res_X.xml} (download; SegmentOfResult 2 while processing)</li>
 *   <li>card checks over HTTP → {@code face/OQSsiquc01res_face_<time>_<n>.xml}</li>
 * </ul>
 */
public final class FolderInterface implements AutoCloseable {
    /** Largest request file read; a larger one is refused with {@code .err} without being read. */
    public static final long MAX_REQUEST_BYTES = XmlNode.MAX_BYTES;

    /**
     * How the poller is doing.
     *
     * @param lastPass  when the last pass ended (null before the first)
     * @param lastError why the last pass failed, null when it succeeded
     * @param passes    passes since start
     */
    public record Health(Instant lastPass, String lastError, long passes) {
        public boolean ok() {
            return lastError == null;
        }
    }

    private final Path req;
    private final Path res;
    private final Path face;
    private final OqsService service;
    private final Consumer<String> log;
    private final AtomicLong faceSequence = new AtomicLong();
    private final AtomicLong passes = new AtomicLong();
    private volatile Health health = new Health(null, null, 0);
    private final java.util.concurrent.atomic.AtomicBoolean recreatedSaid = new java.util.concurrent.atomic.AtomicBoolean();
    private ScheduledExecutorService poller;

    public FolderInterface(Path root, OqsService service) throws IOException {
        this(root, service, message -> System.getLogger(FolderInterface.class.getName()).log(System.Logger.Level.WARNING, message));
    }

    /** @param log where the rare events worth a line go (a recreated folder); told once, not every pass */
    public FolderInterface(Path root, OqsService service, Consumer<String> log) throws IOException {
        this.req = root.resolve("req");
        this.res = root.resolve("res");
        this.face = root.resolve("face");
        this.service = service;
        this.log = log;
        ensureFolders(false);
    }

    public Path req() {
        return req;
    }

    public Path res() {
        return res;
    }

    public Path face() {
        return face;
    }

    public Health health() {
        return health;
    }

    /** Polls {@code req} in the background (a watcher can miss events on network shares; a rescan cannot). */
    public synchronized void start(Duration interval) {
        if (poller != null) {
            return;
        }
        poller = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "oqs-folder-poller");
            t.setDaemon(true);
            return t;
        });
        poller.scheduleWithFixedDelay(this::pass, 0, Math.max(1, interval.toMillis()), TimeUnit.MILLISECONDS);
    }

    /** One background pass. Catches everything: an exception escaping here would cancel the schedule for good. */
    private void pass() {
        try {
            processPending();
        } catch (IOException | RuntimeException | Error e) {
            health = new Health(service.clock().instant(), describe(e), passes.get());
        }
    }

    /** Short enough for a /health line whatever the exception carries. */
    private static String describe(Throwable e) {
        String text = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
        return text.length() > 300 ? text.substring(0, 300) + "…" : text;
    }

    /** Processes every request file now in {@code req}, oldest name first; returns how many. */
    public synchronized int processPending() throws IOException {
        ensureFolders(true);
        List<Path> files = new ArrayList<>();
        try (DirectoryStream<Path> dir = Files.newDirectoryStream(req, "*.xml")) {
            for (Path p : dir) {
                if (!p.getFileName().toString().startsWith(".")) {
                    files.add(p);
                }
            }
        }
        files.sort(null);
        int n = 0;
        String failure = null;
        for (Path p : files) {
            try {
                if (process(p)) {
                    n++;
                }
            } catch (IOException | RuntimeException | Error e) {
                failure = p.getFileName() + ": " + describe(e); // the next file still gets its turn
                n += rejectQuietly(p, describe(e)) ? 1 : 0;
            }
        }
        health = new Health(service.clock().instant(), failure, passes.incrementAndGet());
        return n;
    }

    /** Creates missing folders again (a cleanup script or a user may delete them); says so once. */
    private void ensureFolders(boolean running) throws IOException {
        for (Path dir : List.of(req, res, face)) {
            if (Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
                continue;
            }
            if (Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
                throw new IOException(dir + " is not a folder (a link or a file): refusing to use it");
            }
            Files.createDirectories(dir);
            if (running && recreatedSaid.compareAndSet(false, true)) {
                log.accept("folder interface: " + dir + " was missing and has been created again");
            }
        }
    }

    private boolean process(Path request) throws IOException {
        String name = request.getFileName().toString();
        BasicFileAttributes attrs;
        try {
            attrs = Files.readAttributes(request, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (NoSuchFileException e) {
            return false; // the client took it back
        }
        if (!attrs.isRegularFile()) {
            reject(request, "not a regular file (" + kindOf(attrs) + "): only plain request files are read");
            return true;
        }
        if (attrs.size() > MAX_REQUEST_BYTES) {
            reject(request, "request file too large: " + attrs.size() + " bytes, at most " + MAX_REQUEST_BYTES);
            return true;
        }
        byte[] bytes;
        try {
            bytes = readBounded(request);
        } catch (NoSuchFileException e) {
            return false;
        }
        if (bytes == null) {
            reject(request, "request file grew past " + MAX_REQUEST_BYTES + " bytes while being read");
            return true;
        }
        if (!Names.readable(name)) {
            reject(request, "the file name is not valid in this system's character set (" + Names.CHARSET
                    + "); use ASCII letters and digits after the prefix");
            return true;
        }
        String kind = name.length() > 14 ? name.substring(0, 14) : "";
        String suffix = name.length() > 14 ? name.substring(14) : "";
        try {
            XmlNode xml = XmlNode.parse(bytes);
            byte[] answer;
            String answerName;
            switch (kind) {
                case "OQSsiquc01req_" -> {
                    answer = OqsXml.write(service.query(OqsXml.readQualificationRequest(xml)));
                    answerName = "OQSsiquc01res_" + suffix;
                }
                case "OQSmuquc01req_" -> {
                    answer = OqsXml.write(service.submitBatch(OqsXml.readBatchRequest(xml)));
                    answerName = "OQSmuquc01res_" + suffix;
                }
                case "OQSmuquc02req_" -> {
                    answer = OqsXml.write(service.fetchBatch(OqsXml.readBatchDownloadRequest(xml)));
                    answerName = "OQSmuquc02res_" + suffix;
                }
                default -> throw new OqsFormatException("unknown request file name: expected OQSsiquc01req_*, "
                        + "OQSmuquc01req_* or OQSmuquc02req_*");
            }
            AtomicFiles.write(res.resolve(answerName), answer);
            Files.deleteIfExists(request);
        } catch (OqsFormatException e) {
            reject(request, e.getMessage());
        }
        return true;
    }

    /** After an unexpected failure: move the file aside so it cannot fail every later pass too. */
    private boolean rejectQuietly(Path request, String why) {
        try {
            reject(request, "could not be processed: " + why);
            return true;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    private static String kindOf(BasicFileAttributes a) {
        return a.isDirectory() ? "a folder" : a.isSymbolicLink() ? "a symbolic link" : "a device, FIFO or socket";
    }

    /** Reads at most {@link #MAX_REQUEST_BYTES}; null when there is more (the file grew after it was checked). */
    private static byte[] readBounded(Path file) throws IOException {
        try (SeekableByteChannel ch = Files.newByteChannel(file, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS)) {
            byte[] bytes = Channels.newInputStream(ch).readNBytes((int) MAX_REQUEST_BYTES + 1);
            return bytes.length > MAX_REQUEST_BYTES ? null : bytes;
        }
    }

    /**
     * Moves the request into {@code res} (by its own name, byte for byte, so the client finds it) next to an
     * {@code .err} saying why. A name the platform cannot decode gets its {@code .err} under a readable form of it.
     */
    private void reject(Path request, String why) throws IOException {
        String name = request.getFileName().toString();
        String base = Names.readableForm(name.substring(0, name.length() - ".xml".length()));
        String text = OqsTime.timestamp(service.clock().instant()) + " " + Names.readableForm(name) + ": " + why + "\n";
        AtomicFiles.write(res.resolve(base + ".err"), text.getBytes(StandardCharsets.UTF_8));
        AtomicFiles.move(request, res.resolve(request.getFileName()));
    }

    /** Writes a card check result into {@code face}, as the face-recognition reader does. */
    void writeFace(QualificationResponse response) {
        String name = faceName(response.header().medicalInstitutionCode(), faceSequence.incrementAndGet(),
                service.clock().instant());
        try {
            ensureFolders(true);
            AtomicFiles.write(face.resolve(name), OqsXml.write(response));
        } catch (IOException e) {
            // the HTTP caller already has its answer; a full or missing share must not fail the check
        }
    }

    /**
     * The face file's name as public tools write and watch it (docs/OQS-MOCK.md §1.1):
     * {@code OQSsiquc01res_face_} + 医療機関コード (10) + 処理コード {@code 000} + a 17-digit sequence + {@code _} +
     * yyyyMMddHHmmss (JST) + {@code .xml}.
     */
    static String faceName(String institution, long sequence, java.time.Instant at) {
        String code = institution != null && institution.matches("\\d{10}") ? institution : "0000000000";
        return "OQSsiquc01res_face_" + code + "000" + String.format("%017d", sequence) + "_" + OqsTime.timestamp(at) + ".xml";
    }

    @Override
    public synchronized void close() {
        if (poller != null) {
            poller.shutdownNow();
            poller = null;
        }
    }

    /** File names as this JVM decodes them from the file system. */
    private static final class Names {
        static final String CHARSET = System.getProperty("sun.jnu.encoding", "UTF-8");

        private Names() {}

        /** False when the name held bytes the platform charset could not decode (they became U+FFFD). */
        static boolean readable(String name) {
            return name.indexOf('\uFFFD') < 0;
        }

        static String readableForm(String name) {
            return name.replace('\uFFFD', '_');
        }
    }
}
