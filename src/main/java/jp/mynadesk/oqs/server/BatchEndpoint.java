package jp.mynadesk.oqs.server;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import jp.mynadesk.oqs.BatchDownloadRequest;
import jp.mynadesk.oqs.BatchReception;
import jp.mynadesk.oqs.BatchRequest;
import jp.mynadesk.oqs.BatchResult;
import jp.mynadesk.oqs.CharacterCode;
import jp.mynadesk.oqs.MessageHeader;
import jp.mynadesk.oqs.QualificationRecord;
import jp.mynadesk.oqs.OqsErrorCodes;
import jp.mynadesk.oqs.OqsTime;
import jp.mynadesk.oqs.ProcessingResultStatus;
import jp.mynadesk.oqs.QualificationSearchInfo;
import jp.mynadesk.oqs.SegmentOfResult;

/** {@code /batch} and {@code /batch-result}: the 一括照会, uploaded, processed later, fetched by 受付番号. */
final class BatchEndpoint {
    /** How long a batch result can be fetched after its upload (mock; the real retention is not public). */
    static final Duration BATCH_RETENTION = Duration.ofHours(24);
    /**
     * Most people held in all retained batches together; the oldest batches are dropped first beyond it, so uploads
     * alone cannot exhaust the heap (about 2 KB per retained person).
     */
    static final int MAX_RETAINED_PEOPLE = 20 * BatchRequest.MAX_PEOPLE;

    private final ServiceRules rules;
    private final Clock clock;
    private final LookupEndpoint lookup;
    private final Duration batchProcessingTime;
    /** Retained batches, oldest first; guarded by itself. */
    private final LinkedHashMap<String, BatchJob> batches = new LinkedHashMap<>();
    private int retainedPeople;
    private final AtomicLong batchSequence = new AtomicLong();

    private record BatchJob(String receptionNumber, BatchRequest request, Instant receivedAt, Instant readyAt) {
        int people() {
            return request.searchInfos().size();
        }
    }

    BatchEndpoint(ServiceRules rules, LookupEndpoint lookup, Duration batchProcessingTime) {
        this.rules = rules;
        this.clock = rules.clock();
        this.lookup = lookup;
        this.batchProcessingTime = batchProcessingTime;
    }

    BatchReception submitBatch(BatchRequest r) {
        Instant now = clock.instant();
        Optional<String> bad = ServiceRules.checkInstitution(r.medicalInstitutionCode());
        String code = bad.isPresent() ? OqsErrorCodes.BAD_INSTITUTION
                : ServiceRules.confirmationDate(r.qualificationConfirmationDate(), now) == null ? OqsErrorCodes.MALFORMED_REQUEST
                : r.searchInfos().isEmpty() ? OqsErrorCodes.BATCH_EMPTY
                : r.searchInfos().size() > BatchRequest.MAX_PEOPLE ? OqsErrorCodes.BATCH_TOO_LARGE : null;
        if (code != null) {
            String why = bad.orElse(switch (code) {
                case OqsErrorCodes.BATCH_EMPTY -> "照会対象がありません";
                case OqsErrorCodes.BATCH_TOO_LARGE -> "一括照会は " + BatchRequest.MAX_PEOPLE + " 件までです（"
                        + r.searchInfos().size() + " 件）";
                default -> "資格確認日が不正です（yyyyMMdd）";
            });
            return new BatchReception(rules.errorHeader(r.qualificationConfirmationDate(), r.medicalInstitutionCode(),
                    r.arbitraryFileIdentifier(), null, code, why, r.characterCodeIdentifier()), null, null);
        }
        String number = OqsTime.date(now.atZone(OqsTime.JST).toLocalDate())
                + String.format("%08d", batchSequence.incrementAndGet());
        retain(new BatchJob(number, r, now, now.plus(batchProcessingTime)), now);
        MessageHeader header = new MessageHeader(OqsTime.timestamp(now), null, r.medicalInstitutionCode(),
                r.arbitraryFileIdentifier(), null, SegmentOfResult.NORMAL, null, null,
                CharacterCode.answerFor(r.characterCodeIdentifier()));
        return new BatchReception(header, number, OqsTime.timestamp(now));
    }

    BatchResult fetchBatch(BatchDownloadRequest r) {
        Instant now = clock.instant();
        BatchJob job = r.receptionNumber() == null ? null : retained(r.receptionNumber(), now);
        if (job == null || !job.request().medicalInstitutionCode().equals(r.medicalInstitutionCode())) {
            return new BatchResult(rules.errorHeader(null, r.medicalInstitutionCode(), r.arbitraryFileIdentifier(), null,
                    OqsErrorCodes.BATCH_UNKNOWN, "受付番号が存在しません", r.characterCodeIdentifier()), r.receptionNumber(),
                    null, null, null, List.of());
        }
        BatchRequest req = job.request();
        String code = CharacterCode.answerFor(r.characterCodeIdentifier() != null ? r.characterCodeIdentifier()
                : req.characterCodeIdentifier());
        if (now.isBefore(job.readyAt())) {
            MessageHeader processing = new MessageHeader(OqsTime.timestamp(now), req.qualificationConfirmationDate(),
                    req.medicalInstitutionCode(), req.arbitraryFileIdentifier(), null, SegmentOfResult.PROCESSING, null,
                    null, code);
            return new BatchResult(processing, job.receptionNumber(), null, null, null, List.of());
        }
        LocalDate date = ServiceRules.confirmationDate(req.qualificationConfirmationDate(), job.receivedAt());
        List<BatchResult.BulkConfirmUnit> units = new ArrayList<>();
        int errors = 0;
        for (QualificationSearchInfo info : req.searchInfos()) {
            LookupEndpoint.PersonOutcome o = lookup.lookUp(req.medicalInstitutionCode(), info, date, job.receivedAt());
            if (o.records().isEmpty()) {
                if (o.status() == ProcessingResultStatus.ERROR) {
                    errors++;
                }
                units.add(new BatchResult.BulkConfirmUnit(info, o.status(), o.code(), o.message(), o.validity(), List.of(), null));
            }
            // one ResultOfQualificationConfirmation per BulkConfirmUnit (docs/OQS-MOCK.md §2.3): 複数該当 gives a unit each
            for (QualificationRecord rec : o.records()) {
                units.add(new BatchResult.BulkConfirmUnit(info, o.status(), o.code(), o.message(), o.validity(), List.of(rec),
                        rec.referenceNumber()));
            }
        }
        MessageHeader header = new MessageHeader(OqsTime.timestamp(now), req.qualificationConfirmationDate(),
                req.medicalInstitutionCode(), req.arbitraryFileIdentifier(), null, SegmentOfResult.NORMAL, null, null, code);
        return new BatchResult(header, job.receptionNumber(), Integer.toString(units.size()),
                Integer.toString(units.size() - errors), Integer.toString(errors), units);
    }

    /** Keeps a new batch, first dropping expired ones and then the oldest while the people cap would be exceeded. */
    private void retain(BatchJob job, Instant now) {
        synchronized (batches) {
            var it = batches.values().iterator();
            while (it.hasNext()) {
                BatchJob old = it.next();
                boolean expired = !now.isBefore(old.receivedAt().plus(BATCH_RETENTION));
                if (!expired && retainedPeople + job.people() <= MAX_RETAINED_PEOPLE) {
                    break; // oldest first: everything after this one is younger
                }
                retainedPeople -= old.people();
                it.remove();
            }
            batches.put(job.receptionNumber(), job);
            retainedPeople += job.people();
        }
    }

    private BatchJob retained(String receptionNumber, Instant now) {
        synchronized (batches) {
            BatchJob job = batches.get(receptionNumber);
            return job == null || !now.isBefore(job.receivedAt().plus(BATCH_RETENTION)) ? null : job;
        }
    }

    /** Batches held now (for tests of the retention). */
    int retainedBatches() {
        synchronized (batches) {
            return batches.size();
        }
    }
}
