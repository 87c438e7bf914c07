package jp.mynadesk.desk;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.IntConsumer;
import jp.mynadesk.format.Dates;
import jp.mynadesk.oqs.BatchDownloadRequest;
import jp.mynadesk.oqs.BatchReception;
import jp.mynadesk.oqs.BatchRequest;
import jp.mynadesk.oqs.BatchResult;
import jp.mynadesk.oqs.OqsResult;
import jp.mynadesk.oqs.OqsTime;
import jp.mynadesk.oqs.QualificationRecord;
import jp.mynadesk.oqs.QualificationSearchInfo;
import jp.mynadesk.oqs.QualificationValidity;

/**
 * 再照会: every pending visit (accepted on a document or a declaration while the service was down) is queried
 * again by its numbers with the service's 一括照会, in chunks, and what the service says now is compared with
 * what the desk accepted. Visits the service does not answer stay pending for the next run.
 */
public final class RecheckRunner {
    /** Persons per 一括照会 upload: keeps each answer a few MB, well under the client's size limit. */
    static final int CHUNK = 1_000;
    private static final ZoneId JST = Dates.JST; // +09:00 fixed (docs/RULES.md §8)

    /** Waits between polls of a batch still being processed (real time; tests pass a no-op). */
    @FunctionalInterface
    public interface Sleeper {
        void sleep(Duration d) throws InterruptedException;
    }

    private final DeskContext ctx;
    private final Sleeper sleeper;
    private final Duration pollEvery;
    private final int maxPolls;

    public RecheckRunner(DeskContext ctx, Sleeper sleeper, Duration pollEvery, int maxPolls) {
        this.ctx = Objects.requireNonNull(ctx);
        this.sleeper = Objects.requireNonNull(sleeper);
        this.pollEvery = pollEvery;
        this.maxPolls = maxPolls;
    }

    /** Polls every 250 ms for up to a minute per chunk. */
    public static RecheckRunner of(DeskContext ctx) {
        return new RecheckRunner(ctx, d -> Thread.sleep(d.toMillis()), Duration.ofMillis(250), 240);
    }

    /**
     * Re-checks all pending visits, records the run, and reports progress (visits done) to {@code progress}.
     *
     * @throws StoreException (UNAVAILABLE) while another desk is re-checking: its run covers the same visits
     */
    public RecheckRun run(IntConsumer progress) throws InterruptedException {
        try (VisitStore.RecheckClaim claim = ctx.store().claimRecheck().orElseThrow(() -> new StoreException(
                StoreException.Kind.UNAVAILABLE, StaffText.recheckBusy(), null))) {
            return runClaimed(progress);
        }
    }

    private RecheckRun runClaimed(IntConsumer progress) throws InterruptedException {
        Clock clock = ctx.clock();
        OffsetDateTime started = OffsetDateTime.now(clock.withZone(JST));
        List<Visit> pending = ctx.store().pendingRechecks();
        List<RecheckFinding> findings = new ArrayList<>();
        List<Visit> queryable = new ArrayList<>();
        for (Visit v : pending) {
            if (v.numbers() == null || blank(v.numbers().number()) || blank(v.numbers().insurerNumber())) {
                findings.add(new RecheckFinding(v.visitId(), RecheckFinding.Kind.UNANSWERED, null,
                        StaffText.unanswered(RecheckFinding.Unanswered.NO_NUMBERS)));
            } else {
                queryable.add(v);
            }
        }
        // Every chunk is uploaded first and then collected, so the service works on all of them at once.
        List<Submitted> submitted = new ArrayList<>();
        for (int from = 0; from < queryable.size(); from += CHUNK) {
            submitted.add(submit(queryable.subList(from, Math.min(queryable.size(), from + CHUNK))));
        }
        for (Submitted chunk : submitted) {
            findings.addAll(collect(chunk));
            progress.accept(findings.size());
        }
        RecheckRun run = new RecheckRun(started, OffsetDateTime.now(clock.withZone(JST)), findings);
        ctx.store().recordRecheck(run);
        return run;
    }

    /** One uploaded chunk: its visits and where to fetch the answer (null download: the upload failed). */
    private record Submitted(List<Visit> visits, BatchDownloadRequest download) {}

    private Submitted submit(List<Visit> visits) {
        LocalDate today = LocalDate.now(ctx.clock().withZone(JST));
        List<QualificationSearchInfo> infos = new ArrayList<>();
        for (Visit v : visits) {
            SearchNumbers n = v.numbers();
            infos.add(new QualificationSearchInfo(n.insurerNumber(), n.symbol(), n.number(), n.branch(),
                    n.birthDate() == null ? "" : OqsTime.date(n.birthDate()), "0", v.visitId()));
        }
        String fileId = ctx.terminal() + "-R" + ctx.clock().millis() + "-" + visits.get(0).visitId();
        OqsResult<BatchReception> sent = ctx.service().submitBatch(
                new BatchRequest(OqsTime.date(today), ctx.institution(), fileId, infos));
        if (!(sent instanceof OqsResult.Ok<BatchReception> ok) || ok.value().receptionNumber() == null) {
            return new Submitted(visits, null);
        }
        return new Submitted(visits, new BatchDownloadRequest(ctx.institution(), fileId, ok.value().receptionNumber()));
    }

    private List<RecheckFinding> collect(Submitted chunk) throws InterruptedException {
        if (chunk.download() == null) {
            return unanswered(chunk.visits(), RecheckFinding.Unanswered.NOT_SENT);
        }
        for (int poll = 0; poll <= maxPolls; poll++) {
            OqsResult<BatchResult> fetched = ctx.service().fetchBatch(chunk.download());
            if (fetched instanceof OqsResult.Ok<BatchResult> result && !result.value().processing()) {
                return compare(chunk.visits(), result.value().perPerson());
            }
            if (!(fetched instanceof OqsResult.Ok)) {
                return unanswered(chunk.visits(), RecheckFinding.Unanswered.NOT_RECEIVED);
            }
            sleeper.sleep(pollEvery);
        }
        return unanswered(chunk.visits(), RecheckFinding.Unanswered.NOT_READY);
    }

    private static List<RecheckFinding> compare(List<Visit> visits, List<BatchResult.BulkConfirmUnit> units) {
        List<RecheckFinding> out = new ArrayList<>();
        for (int i = 0; i < visits.size(); i++) {
            Visit v = visits.get(i);
            BatchResult.BulkConfirmUnit unit = i < units.size() ? units.get(i) : null;
            boolean matches = unit != null && unit.searchInfo() != null
                    && v.visitId().equals(unit.searchInfo().arbitraryIdentifier());
            out.add(matches ? compare(v, unit.qualificationValidity(), unit.results(), unit.processingResultMessage())
                    : new RecheckFinding(v.visitId(), RecheckFinding.Kind.UNANSWERED, null, StaffText.unanswered(RecheckFinding.Unanswered.NOT_IN_RESULT)));
        }
        return out;
    }

    /** What the service's answer now means for a visit accepted on {@code v.qualification()}. */
    static RecheckFinding compare(Visit v, QualificationValidity validity, List<QualificationRecord> results, String message) {
        String id = v.visitId();
        if (validity == null) {
            return new RecheckFinding(id, RecheckFinding.Kind.UNANSWERED, null, message == null ? StaffText.unanswered(RecheckFinding.Unanswered.SERVICE_ERROR) : message);
        }
        return switch (validity) {
            case VALID, VALID_UNREGISTERED -> {
                if (results.isEmpty()) {
                    yield new RecheckFinding(id, RecheckFinding.Kind.UNANSWERED, null, StaffText.unanswered(RecheckFinding.Unanswered.NO_QUALIFICATION));
                }
                Qualification found = ServiceAnswers.qualification(validity, results.get(0));
                yield new RecheckFinding(id, differs(v.qualification(), found), found, null);
            }
            case INVALID -> new RecheckFinding(id, RecheckFinding.Kind.QUALIFICATION_LOST, current(validity, results), null);
            case INVALID_NEW_QUALIFICATION ->
                    new RecheckFinding(id, RecheckFinding.Kind.QUALIFICATION_LOST_HAS_OTHER, current(validity, results), null);
            case NOT_FOUND -> new RecheckFinding(id, RecheckFinding.Kind.QUALIFICATION_NOT_FOUND, null, null);
            case MULTIPLE -> new RecheckFinding(id, RecheckFinding.Kind.MULTIPLE_MATCHES, null, null);
        };
    }

    private static RecheckFinding.Kind differs(Qualification accepted, Qualification found) {
        if (accepted == null) {
            return RecheckFinding.Kind.CONFIRMED;
        }
        if (!same(accepted.insurerNumber(), found.insurerNumber()) || !same(accepted.symbol(), found.symbol())
                || !same(accepted.number(), found.number())) {
            return RecheckFinding.Kind.NUMBERS_DIFFER;
        }
        if (accepted.ratio() != null && found.ratio() != null && !accepted.ratio().equals(found.ratio())) {
            return RecheckFinding.Kind.RATIO_DIFFERS;
        }
        return RecheckFinding.Kind.CONFIRMED;
    }

    /** The qualification that is not ended (the new one), else the lost one. */
    private static Qualification current(QualificationValidity validity, List<QualificationRecord> results) {
        QualificationRecord lost = null;
        for (QualificationRecord r : results) {
            if (blank(r.disqualificationDate())) {
                return ServiceAnswers.qualification(QualificationValidity.VALID, r);
            }
            lost = lost == null ? r : lost;
        }
        return lost == null ? null : ServiceAnswers.qualification(validity, lost);
    }

    private static List<RecheckFinding> unanswered(List<Visit> visits, RecheckFinding.Unanswered why) {
        String detail = StaffText.unanswered(why);
        return visits.stream().map(v -> new RecheckFinding(v.visitId(), RecheckFinding.Kind.UNANSWERED, null, detail)).toList();
    }

    private static boolean same(String a, String b) {
        return norm(a).equals(norm(b));
    }

    private static String norm(String s) {
        return s == null ? "" : s.strip().replaceFirst("^0+(?=.)", "");
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
