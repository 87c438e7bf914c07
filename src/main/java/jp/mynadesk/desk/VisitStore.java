package jp.mynadesk.desk;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

/**
 * The record, as the workflow needs it (implemented in {@code store}). Every change is committed durably and
 * appended to the audit chain before the method returns, so "記録しました" on the screen is true.
 * Methods throw {@link StoreException} when the record cannot be used.
 */
public interface VisitStore extends AutoCloseable {

    /** Commits a visit (its consent, patient and declaration too) and returns it with its new id. */
    Visit record(Visit visit);

    /**
     * After {@link #record} failed: whether that visit is on record after all. A failure before the commit leaves
     * nothing behind; a commit whose reply was lost with the connection may have landed, so the store looks (by the
     * visit's id, as a retry would). For a caller that will not retry (a one-shot {@code check}) and must say the truth.
     *
     * @return the visit as recorded, with its id; empty when it is not on record
     * @throws StoreException when the record cannot be reached to look
     */
    default Optional<Visit> recordedAfterAll() {
        return Optional.empty();
    }

    /** Visits on or after {@code since} (all when null), oldest first. */
    List<Visit> visits(LocalDate since);

    /**
     * Each visit on or after {@code since} (all when null), oldest first, as the JSON text the store keeps
     * ({@link VisitJson#full}): listing a whole day's or year's visits without rebuilding each one.
     */
    void forEachVisitJson(LocalDate since, java.util.function.Consumer<String> json);

    /**
     * Visits on or after {@code since} made in simulation ({@code simulated} true) or at a clinic's reader (false);
     * null = both (docs/CLINIC.md).
     */
    default List<Visit> visits(LocalDate since, Boolean simulated) {
        return visits(since).stream().filter(v -> simulated == null || v.simulated() == simulated).toList();
    }

    /**
     * {@link #forEachVisitJson(LocalDate, java.util.function.Consumer)} of the visits made in simulation or not (null =
     * both); each JSON text carries {@code simulated}, also for a visit recorded before mynadesk kept it.
     */
    default void forEachVisitJson(LocalDate since, Boolean simulated, java.util.function.Consumer<String> json) {
        forEachVisitJson(since, text -> {
            if (simulated == null || VisitJson.read(VisitJson.parse(text)).simulated() == simulated) {
                json.accept(text);
            }
        });
    }

    Optional<Visit> visit(String visitId);

    /** Visits whose re-check is pending, oldest first. */
    List<Visit> pendingRechecks();

    /**
     * Claims the re-check for this desk until the claim is closed; empty while another desk (or process) holds it.
     * Only one re-check runs at a time across all desks sharing the record, so each pending visit is re-checked
     * once.
     */
    Optional<RecheckClaim> claimRecheck();

    /** The right to run the re-check; closing it lets the next desk run one. */
    interface RecheckClaim extends AutoCloseable {
        @Override
        void close();
    }

    /**
     * The latest re-check finding of every visit that has one, by visit id: what {@code visits --json} shows with the
     * visit (the new insurer's numbers when the qualification moved). Empty where the record keeps no findings.
     */
    default java.util.Map<String, RecheckFinding> latestFindings() {
        return java.util.Map.of();
    }

    /** Records a re-check run and moves each visit it settled to its new state, in one transaction. */
    void recordRecheck(RecheckRun run);

    /** The patient withdrew the information-sharing consent given at that visit. */
    void revokeConsent(String visitId, OffsetDateTime at);

    /** SQLite's integrity check and the audit chain, entry by entry. */
    IntegrityReport verify();

    /** An online copy of the whole record, consistent even while desks write. */
    void backup(Path target);

    @Override
    void close();
}
