package jp.mynadesk.desk;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Isolates the workflow from SQLite in its unit tests; the end-to-end tests use the real store. */
final class InMemoryVisitStore implements VisitStore {
    private final Map<String, Visit> visits = new LinkedHashMap<>();
    final List<RecheckRun> runs = new ArrayList<>();

    @Override
    public synchronized Visit record(Visit visit) {
        String day = visit.asOf().toLocalDate().toString();
        long n = visits.keySet().stream().filter(k -> k.startsWith(day)).count() + 1;
        Visit recorded = visit.withId(day + "-" + String.format("%04d", n));
        visits.put(recorded.visitId(), recorded);
        return recorded;
    }

    @Override
    public synchronized List<Visit> visits(LocalDate since) {
        return visits.values().stream().filter(v -> since == null || !v.asOf().toLocalDate().isBefore(since)).toList();
    }

    @Override
    public synchronized void forEachVisitJson(LocalDate since, java.util.function.Consumer<String> json) {
        visits(since).forEach(v -> json.accept(VisitJson.text(VisitJson.full(v))));
    }

    @Override
    public synchronized Optional<Visit> visit(String visitId) {
        return Optional.ofNullable(visits.get(visitId));
    }

    @Override
    public synchronized List<Visit> pendingRechecks() {
        return visits.values().stream().filter(v -> v.recheckState() == RecheckState.PENDING).toList();
    }

    private boolean rechecking;

    /** One claim at a time, as the real store across desks. */
    @Override
    public synchronized Optional<RecheckClaim> claimRecheck() {
        if (rechecking) {
            return Optional.empty();
        }
        rechecking = true;
        return Optional.of(() -> {
            synchronized (this) {
                rechecking = false;
            }
        });
    }

    @Override
    public synchronized void recordRecheck(RecheckRun run) {
        runs.add(run);
        for (RecheckFinding f : run.findings()) {
            visits.computeIfPresent(f.visitId(), (k, v) -> v.withRecheckState(f.kind().settles()));
        }
    }

    @Override
    public synchronized void revokeConsent(String visitId, OffsetDateTime at) {
        visits.computeIfPresent(visitId, (k, v) -> v.withConsent(new ConsentRecord(v.consent().registered(),
                v.consent().source(), v.consent().registeredAt(), v.consent().availableUntil(), v.consent().categories(), at)));
    }

    @Override
    public IntegrityReport verify() {
        return new IntegrityReport(true, visits.size(), 0, null);
    }

    @Override
    public void backup(Path target) {
        throw new UnsupportedOperationException("not kept on disk");
    }

    @Override
    public void close() {}
}
