package jp.mynadesk.oqs.server;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import jp.mynadesk.oqs.OqsFormatException;
import jp.mynadesk.oqs.OqsTime;
import jp.mynadesk.oqs.OqsXml;
import jp.mynadesk.oqs.QualificationResponse;
import jp.mynadesk.oqs.XmlNode;

/**
 * The 資格確認端末's file interface (oqs.md §0): clinic software drops request files into {@code req}; answers appear in
 * {@code res}, card checks in {@code face}. Every output is written atomically (temp file + ATOMIC_MOVE). A request
 * that cannot be processed is moved into {@code res} next to a same-named {@code .err} file explaining why.
 *
 * <ul>
 *   <li>{@code OQSsiquc01req_X.xml} → {@code OQSsiquc01res_X.xml} (資格確認 by numbers)</li>
 *   <li>{@code OQSmuquc01req_X.xml} → {@code OQSmuquc01res_X.xml} (一括照会 upload → ReceptionNumber)</li>
 *   <li>{@code OQSmuquc02req_X.xml} → {@code OQSmuquc02res_X.xml} (download; SegmentOfResult 2 while processing)</li>
 *   <li>card checks over HTTP → {@code face/OQSsiquc01res_face_<time>_<n>.xml}</li>
 * </ul>
 */
public final class FolderInterface implements AutoCloseable {
    private final Path req;
    private final Path res;
    private final Path face;
    private final OqsService service;
    private final AtomicLong faceSequence = new AtomicLong();
    private ScheduledExecutorService poller;

    public FolderInterface(Path root, OqsService service) throws IOException {
        this.req = Files.createDirectories(root.resolve("req"));
        this.res = Files.createDirectories(root.resolve("res"));
        this.face = Files.createDirectories(root.resolve("face"));
        this.service = service;
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
        poller.scheduleWithFixedDelay(() -> {
            try {
                processPending();
            } catch (RuntimeException | IOException e) {
                // keep polling; a broken file was already answered with .err, a broken folder may come back
            }
        }, 0, Math.max(1, interval.toMillis()), TimeUnit.MILLISECONDS);
    }

    /** Processes every request file now in {@code req}, oldest name first; returns how many. */
    public synchronized int processPending() throws IOException {
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
        for (Path p : files) {
            if (process(p)) {
                n++;
            }
        }
        return n;
    }

    private boolean process(Path request) throws IOException {
        String name = request.getFileName().toString();
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(request);
        } catch (NoSuchFileException e) {
            return false; // the client took it back
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
            reject(request, name, e.getMessage());
        }
        return true;
    }

    private void reject(Path request, String name, String why) throws IOException {
        String base = name.substring(0, name.length() - ".xml".length());
        String text = OqsTime.timestamp(service.clock().instant()) + " " + name + ": " + why + "\n";
        AtomicFiles.write(res.resolve(base + ".err"), text.getBytes(StandardCharsets.UTF_8));
        AtomicFiles.move(request, res.resolve(name));
    }

    /** Writes a card check result into {@code face}, as the face-recognition reader does. */
    void writeFace(QualificationResponse response) {
        String name = "OQSsiquc01res_face_" + OqsTime.timestamp(service.clock().instant()) + "_"
                + String.format("%06d", faceSequence.incrementAndGet()) + ".xml";
        try {
            AtomicFiles.write(face.resolve(name), OqsXml.write(response));
        } catch (IOException e) {
            // the HTTP caller already has its answer; a full or missing share must not fail the check
        }
    }

    @Override
    public synchronized void close() {
        if (poller != null) {
            poller.shutdownNow();
            poller = null;
        }
    }
}
