package jp.mynadesk.store;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import jp.mynadesk.desk.ConsentRecord;
import jp.mynadesk.desk.IntegrityReport;
import jp.mynadesk.desk.RecheckFinding;
import jp.mynadesk.desk.RecheckRun;
import jp.mynadesk.desk.RecheckState;
import jp.mynadesk.desk.StoreException;
import jp.mynadesk.desk.Visit;
import jp.mynadesk.desk.VisitJson;
import jp.mynadesk.desk.VisitStore;
import jp.mynadesk.store.AuditChain.Action;

/**
 * The record through JDBC, on either engine: the SQLite file in the data directory, or PostgreSQL shared by several
 * desks; what differs is in its {@link Dialect}. Every change is one write transaction that also appends its audit
 * entry; the method returns after the commit is durable. One connection, used by one thread at a time (methods are
 * synchronized); other desks share the record through the engine's locks. A connection the server dropped
 * (restart, network) is reported as UNAVAILABLE and replaced on the next call, so a desk retries by calling again;
 * a visit whose COMMIT was in flight when the connection went is looked up by the next {@link #record} first, so
 * that retry does not record it twice.
 */
public final class JdbcVisitStore implements VisitStore {
    private final Dialect dialect;
    private final Clock clock;
    /** This desk's checkpoints outside the record (null: none kept, a throwaway record). */
    private final Anchor anchor;
    private final Sealing.State seal;
    /** The keyed chain, once the first write found the record fit to be written to. */
    private AuditChain audit;
    /** The head after the current transaction's last audit entry, for the anchor once it commits. */
    private Anchor.Checkpoint pendingHead;
    private Connection c;
    /** Connections made so far: a claim belongs to the one it was made on. */
    private int connections = 1;
    private RecheckClaim held;
    private int heldOnConnection;
    /**
     * The last visit whose COMMIT went unanswered, or null. Only {@link #record} settles it: the other writes make no
     * visit, so a retried one cannot duplicate this one, and they must leave it for the desk's retry of the visit.
     */
    private InDoubt doubt;

    /**
     * A visit that may or may not be on record: the connection was lost with its COMMIT in flight.
     *
     * @param given    what the desk asked to record (a retry gives an equal visit)
     * @param recorded the visit as it was written, with its id
     */
    private record InDoubt(Visit given, Visit recorded) {}

    private JdbcVisitStore(Connection c, Dialect dialect, Anchor anchor, Sealing.State seal, Clock clock) {
        this.c = c;
        this.dialect = dialect;
        this.anchor = anchor;
        this.seal = seal;
        this.clock = clock;
    }

    /**
     * Opens (and creates, migrates or seals) the record. A record that is missing or empty where this desk's anchor
     * says entries were committed is not made again: that is a lost record (CORRUPT), not a new one.
     */
    static JdbcVisitStore open(Dialect dialect, Seal seal, Clock clock) {
        Anchor anchor = anchor(seal);
        refuseIfLost(dialect.recordMissing(), anchor, dialect);
        Connection c = null;
        try {
            c = dialect.connect();
            refuseIfLost(Migrations.current(c, dialect) == 0, anchor, dialect);
            Migrations.apply(c, dialect, clock);
            Sealing.State state = Sealing.open(c, dialect, seal, anchor, clock);
            return new JdbcVisitStore(c, dialect, anchor, state, clock);
        } catch (SQLException e) {
            closeQuietly(c);
            throw dialect.translate(e);
        } catch (RuntimeException e) {
            closeQuietly(c);
            throw e;
        }
    }

    /** Brings the record's schema up to date (and seals it) and says from which version to which. */
    static SchemaChange migrate(Dialect dialect, Seal seal, Clock clock) {
        Anchor anchor = anchor(seal);
        refuseIfLost(dialect.recordMissing(), anchor, dialect);
        try (Connection c = dialect.connect()) {
            int from = Migrations.current(c, dialect);
            refuseIfLost(from == 0, anchor, dialect);
            Migrations.apply(c, dialect, clock);
            Sealing.State state = Sealing.open(c, dialect, seal, anchor, clock);
            if (state.problem() != null) { // a chain it will not seal, a missing or other key: said now, not at the desk
                throw state.problem();
            }
            return new SchemaChange(from, Migrations.current(c, dialect), state.rekeyedAfter());
        } catch (SQLException e) {
            throw dialect.translate(e);
        }
    }

    private static Anchor anchor(Seal seal) {
        return seal.anchorFile() == null ? null : new Anchor(seal.anchorFile());
    }

    /** {@code missing}: the record is not there or has no tables. Throws when the anchor says it had entries. */
    private static void refuseIfLost(boolean missing, Anchor anchor, Dialect dialect) {
        if (!missing || anchor == null) {
            return;
        }
        Optional<Anchor.Checkpoint> had;
        try {
            had = anchor.latest();
        } catch (IOException e) {
            throw new StoreException(StoreException.Kind.UNAVAILABLE, "記録の外の控え（" + anchor.file() + "）を読めません（"
                    + Durable.why(e, anchor.file().getParent()) + "）。", e);
        }
        if (had.isPresent() && had.get().seq() > 0) {
            throw new StoreException(StoreException.Kind.CORRUPT, dialect.engine() + " の記録がない（または空の）状態ですが、"
                    + "この端末の控え（" + anchor.file() + "）では監査記録が " + had.get().seq() + " 件ありました。記録済みの受付が"
                    + "失われています。新しい記録は始めません。バックアップから戻してください。失ったことを承知で新しい記録を始めるとき"
                    + "は、控えのファイルを別の名前に変えてください（監査のため削除せず保管してください）。", null);
        }
    }

    /**
     * Before this desk's first write: the record must be fit to be written to. The seal must be this desk's key;
     * the database's own quick check must pass; and the chain must still reach this desk's last checkpoint with the
     * same hash (a record shorter than its anchor lost committed visits; another hash, it was rewritten). Writing
     * into such a record would bury the damage under new entries. Checked once per opening, inside the first write
     * transaction (under the write lock, and without a COMMIT of its own).
     */
    private void guardWrite(Connection c) throws SQLException {
        if (audit != null) {
            return;
        }
        if (seal.problem() != null) {
            throw seal.problem();
        }
        List<String> engine = dialect.quickIntegrityProblems(c);
        if (!engine.isEmpty()) {
            throw new StoreException(StoreException.Kind.CORRUPT, "記録のファイルが壊れています（" + dialect.engine()
                    + " の整合性検査: " + engine.get(0) + "）。この記録には書き込みません。mynadesk db verify で確かめ、"
                    + "バックアップから戻してください。", null);
        }
        Optional<Anchor.Checkpoint> last = latestCheckpoint();
        if (last.isPresent()) {
            String there = AuditChain.hashAt(c, last.get().seq());
            if (there == null) {
                throw new StoreException(StoreException.Kind.CORRUPT, "記録が短くなっています（この端末の控え "
                        + anchor.file().getFileName() + " では監査記録が " + last.get().seq() + " 件ありました）。記録済みの"
                        + "受付が失われています。この記録には書き込みません。mynadesk db verify で確かめ、バックアップから戻してください。", null);
            }
            if (!there.equals(last.get().hash())) {
                throw new StoreException(StoreException.Kind.CORRUPT, "監査記録 #" + last.get().seq() + " が記録の外の控え（"
                        + anchor.file().getFileName() + "）と一致しません（プログラムの外で書き換えられています）。この記録には"
                        + "書き込みません。mynadesk db verify で確かめてください。", null);
            }
        }
        audit = new AuditChain(clock, seal.key());
    }

    private Optional<Anchor.Checkpoint> latestCheckpoint() {
        if (anchor == null) {
            return Optional.empty();
        }
        try {
            return anchor.latest();
        } catch (IOException e) {
            throw new StoreException(StoreException.Kind.UNAVAILABLE, "記録の外の控え（" + anchor.file() + "）を読めません（"
                    + Durable.why(e, anchor.file().getParent()) + "）。", e);
        }
    }

    /** Appends an audit entry in the current write transaction, noting the new head for the anchor. */
    private void append(Connection c, Action action, String entity, ObjectNode payload) throws SQLException {
        pendingHead = audit.append(c, action, entity, payload);
    }

    /**
     * After a commit: the new head goes to the anchor. A failure here does not undo the commit (the visit is on
     * record); the anchor then lags, which the next checkpoint mends.
     */
    private void anchorCommitted() {
        Anchor.Checkpoint head = pendingHead;
        pendingHead = null;
        if (head == null || anchor == null) {
            return;
        }
        try {
            anchor.append(head.seq(), head.hash(), OffsetDateTime.now(clock));
        } catch (IOException e) {
            // lagging is safe: an anchor never names more than the record holds
        }
    }

    @Override
    public synchronized Visit record(Visit visit) {
        if (visit.visitId() != null) {
            throw new IllegalArgumentException("visit " + visit.visitId() + " is already recorded");
        }
        InDoubt[] attempt = new InDoubt[1];
        pendingHead = null;
        try {
            Connection c = connection();
            Visit recorded = Transactions.write(c, dialect, () -> {
                guardWrite(c);
                if (doubt != null && landed(c, doubt) && visit.equals(doubt.given())) {
                    return doubt.recorded(); // the retry of a visit that is on record after all
                }
                attempt[0] = new InDoubt(visit, insert(c, visit));
                return attempt[0].recorded();
            });
            doubt = null; // settled, and this call's outcome is known
            anchorCommitted();
            return recorded;
        } catch (SQLException e) {
            pendingHead = null;
            if (e instanceof Transactions.CommitUnanswered && dialect.connectionLost(e) && attempt[0] != null) {
                doubt = attempt[0]; // the server may have committed it; any earlier doubt was settled above
            }
            throw failed(e); // any other failure keeps the doubt for the next call
        }
    }

    /**
     * Looks whether the last failed {@link #record} is on record after all: only a COMMIT lost with the connection
     * leaves a doubt; it is settled by reading the visit's audit entry under the write lock (the lost connection's
     * transaction held it until it ended, so a server still finishing that COMMIT is waited for).
     */
    @Override
    public synchronized Optional<Visit> recordedAfterAll() {
        if (doubt == null) {
            return Optional.empty(); // the failure came before the commit, or the commit failed: nothing was written
        }
        InDoubt d = doubt;
        try {
            Connection c = connection();
            boolean there = Transactions.write(c, dialect, () -> landed(c, d));
            doubt = null; // settled either way
            return there ? Optional.of(d.recorded()) : Optional.empty();
        } catch (SQLException e) {
            throw failed(e); // still in doubt: a later look or retry settles it
        }
    }

    /**
     * Whether the visit in doubt is on record. Read inside the write transaction, after its lock: the lost
     * connection's transaction held that lock until it ended, so a server still finishing that COMMIT is waited for
     * rather than read around. Compared with the audit entry that recorded the visit, not with its row: another desk
     * may have rewritten the row since (re-check, consent withdrawn), the entry stays as written; another desk's visit
     * that took the id (the COMMIT was lost) has its own entry.
     */
    private boolean landed(Connection c, InDoubt d) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("SELECT payload FROM audit WHERE entity = ? AND action = ?")) {
            p.setString(1, d.recorded().visitId());
            p.setString(2, Action.VISIT_RECORDED.code);
            try (ResultSet rs = p.executeQuery()) {
                return rs.next() && Canonical.text(withVisit(VisitRows.image(d.recorded()))).equals(rs.getString(1));
            }
        }
    }

    private Visit insert(Connection c, Visit visit) throws SQLException {
        LocalDate day = VisitRows.day(visit.asOf());
        int next;
        try (PreparedStatement p = c.prepareStatement("SELECT COALESCE(MAX(day_seq), 0) + 1 FROM visits WHERE day = ?")) {
            p.setString(1, day.toString());
            try (ResultSet rs = p.executeQuery()) {
                rs.next();
                next = rs.getInt(1);
            }
        }
        Visit recorded = visit.withId(VisitRows.id(day, next));
        VisitRows.Image image = VisitRows.image(recorded);
        VisitRows.insert(c, image);
        append(c, Action.VISIT_RECORDED, recorded.visitId(), withVisit(image));
        return recorded;
    }

    @Override
    public synchronized List<Visit> visits(LocalDate since) {
        return visits(since, null);
    }

    @Override
    public synchronized List<Visit> visits(LocalDate since, Boolean simulated) {
        try (PreparedStatement p = connection().prepareStatement("SELECT body, simulated FROM visits"
                + where(since, simulated) + " ORDER BY day, day_seq")) {
            bind(p, since, simulated);
            List<Visit> out = new ArrayList<>();
            try (ResultSet rs = p.executeQuery()) {
                while (rs.next()) {
                    out.add(VisitJson.read(VisitJson.parse(withMode(rs.getString(1), rs.getInt(2)))));
                }
            }
            return out;
        } catch (SQLException e) {
            throw dialect.translate(e);
        }
    }

    private static String where(LocalDate since, Boolean simulated) {
        List<String> conditions = new ArrayList<>();
        if (since != null) {
            conditions.add("day >= ?");
        }
        if (simulated != null) {
            conditions.add("simulated = ?");
        }
        return conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
    }

    private static void bind(PreparedStatement p, LocalDate since, Boolean simulated) throws SQLException {
        int i = 1;
        if (since != null) {
            p.setString(i++, since.toString());
        }
        if (simulated != null) {
            p.setInt(i, simulated ? 1 : 0);
        }
    }

    /**
     * The stored JSON with {@code simulated}: a visit recorded before mynadesk kept the mode has no such field (its
     * JSON stays as its audit entry wrote it); the column, 1 for those, says it. The test is on the text: a quote
     * inside a JSON string is escaped, so {@code "simulated":} only ever matches a key.
     */
    private static String withMode(String body, int simulated) {
        if (body.contains("\"simulated\":") || !body.startsWith("{")) {
            return body;
        }
        return "{\"simulated\":" + (simulated == 1) + (body.equals("{}") ? "" : ",") + body.substring(1);
    }

    @Override
    public synchronized Optional<Visit> visit(String visitId) {
        return query("SELECT body FROM visits WHERE id = ?", visitId).stream().findFirst();
    }

    @Override
    public synchronized List<Visit> pendingRechecks() {
        return query("SELECT body FROM visits WHERE recheck_state = ? ORDER BY day, day_seq",
                RecheckState.PENDING.code());
    }

    @Override
    public synchronized void recordRecheck(RecheckRun run) {
        if (held != null && heldOnConnection != connections) {
            throw new StoreException(StoreException.Kind.UNAVAILABLE, "再照会の途中でデータベースとの接続が切れたため、結果を記録"
                    + "していません（他の端末が同じ受付を再照会している可能性があります）。もう一度再照会してください。", null);
        }
        write(c -> {
            long runId;
            try (Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT COALESCE(MAX(id), 0) + 1 FROM recheck_runs")) {
                rs.next();
                runId = rs.getLong(1);
            }
            List<Visit> settled = new ArrayList<>();
            for (RecheckFinding f : run.findings()) {
                Visit v = load(c, f.visitId());
                if (v.recheckState() != f.kind().settles()) {
                    settled.add(v.withRecheckState(f.kind().settles()));
                }
            }
            ObjectNode image = RecheckRows.image(runId, run);
            RecheckRows.insert(c, image);
            ObjectNode payload = JsonNodeFactory.instance.objectNode();
            payload.set("run", image);
            append(c, Action.RECHECK_RUN_RECORDED, RecheckRows.entity(runId), payload);
            for (Visit v : settled) {
                VisitRows.Image rows = VisitRows.image(v);
                VisitRows.rewrite(c, rows);
                append(c, Action.RECHECK_STATE_CHANGED, v.visitId(), withVisit(rows).put("runId", runId));
            }
            return null;
        });
    }

    @Override
    public synchronized void revokeConsent(String visitId, OffsetDateTime at) {
        write(c -> {
            Visit v = load(c, visitId);
            if (v.consent() == null) {
                throw new IllegalArgumentException("受付 " + visitId + " には情報共有の同意がありません。");
            }
            if (v.consent().revokedAt() != null) {
                return null; // already withdrawn: the first time stays on record
            }
            ConsentRecord given = v.consent();
            Visit revoked = v.withConsent(new ConsentRecord(given.registered(), given.source(), given.registeredAt(),
                    given.availableUntil(), given.categories(), at));
            VisitRows.Image rows = VisitRows.image(revoked);
            VisitRows.rewrite(c, rows);
            append(c, Action.CONSENT_REVOKED, visitId, withVisit(rows).put("revokedAt", at.toString()));
            return null;
        });
    }

    @Override
    public synchronized IntegrityReport verify() {
        try {
            Connection c = connection();
            return Transactions.read(c, dialect, () -> {
                if (seal.problem() != null) { // no key to vouch for the chain with, or the seal itself edited
                    return new IntegrityReport(false, IntegrityCheck.count(c, "visits"), IntegrityCheck.count(c, "audit"),
                            seal.problem().getMessage());
                }
                return new IntegrityCheck(c, dialect, seal.row(), seal.key(), anchor).run();
            });
        } catch (SQLException e) {
            StoreException translated = failed(e);
            if (translated.kind() == StoreException.Kind.CORRUPT) {
                return new IntegrityReport(false, 0, 0, "データベースを読めません（" + dialect.engine() + ": " + e.getMessage() + "）");
            }
            throw translated;
        } catch (StoreException e) {
            if (e.kind() == StoreException.Kind.CORRUPT) {
                return new IntegrityReport(false, 0, 0, e.getMessage());
            }
            throw e;
        }
    }

    /**
     * Claims the re-check through the engine's lock. The same store never holds two claims (PostgreSQL's session
     * locks are re-entrant), and a claim made on a connection that was lost since is worthless: the server dropped
     * the lock with it, so {@link #recordRecheck} refuses to record under it.
     */
    @Override
    public synchronized Optional<RecheckClaim> claimRecheck() {
        if (held != null) {
            return Optional.empty();
        }
        try {
            Optional<RecheckClaim> claim = dialect.claimRecheck(connection());
            if (claim.isEmpty()) {
                return Optional.empty();
            }
            RecheckClaim mine = claim.get();
            held = mine;
            heldOnConnection = connections;
            return Optional.of(() -> {
                synchronized (JdbcVisitStore.this) {
                    if (held == mine) {
                        held = null;
                        mine.close();
                    }
                }
            });
        } catch (SQLException e) {
            throw failed(e);
        }
    }

    /**
     * Writes a consistent copy to {@code target}: first beside it under a temporary name, then renamed, so the
     * target is never half a backup. An existing target is replaced; whether that is wanted is the caller's call.
     */
    @Override
    public synchronized void backup(Path target) {
        Path dir = target.toAbsolutePath().getParent();
        Path partial = dir.resolve(target.getFileName() + ".partial");
        try {
            Files.deleteIfExists(partial);
            dialect.backup(connection(), partial);
            Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (SQLException e) {
            throw failed(e);
        } catch (IOException e) {
            throw new StoreException(StoreException.Kind.UNAVAILABLE,
                    "バックアップを書き込めません: " + target + "（" + Durable.why(e, dir) + "）", e);
        } finally {
            try {
                Files.deleteIfExists(partial);
            } catch (IOException ignored) {
                // a leftover .partial is harmless and named as such
            }
        }
    }

    @Override
    public synchronized void close() {
        if (held != null) {
            held.close();
            held = null;
        }
        closeQuietly(c);
        c = null;
    }

    private ObjectNode withVisit(VisitRows.Image rows) {
        ObjectNode payload = JsonNodeFactory.instance.objectNode();
        payload.set("visit", VisitJson.parse(rows.visit().body()));
        return payload;
    }

    private static Visit load(Connection c, String visitId) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("SELECT body FROM visits WHERE id = ?")) {
            p.setString(1, visitId);
            try (ResultSet rs = p.executeQuery()) {
                if (!rs.next()) {
                    throw new NoSuchElementException("受付 " + visitId + " は記録にありません。");
                }
                return VisitJson.read(VisitJson.parse(rs.getString(1)));
            }
        }
    }

    @Override
    public synchronized void forEachVisitJson(LocalDate since, java.util.function.Consumer<String> json) {
        forEachVisitJson(since, null, json);
    }

    @Override
    public synchronized void forEachVisitJson(LocalDate since, Boolean simulated, java.util.function.Consumer<String> json) {
        try (PreparedStatement p = connection().prepareStatement("SELECT body, simulated FROM visits"
                + where(since, simulated) + " ORDER BY day, day_seq")) {
            bind(p, since, simulated);
            try (ResultSet rs = p.executeQuery()) {
                while (rs.next()) {
                    json.accept(withMode(rs.getString(1), rs.getInt(2)));
                }
            }
        } catch (SQLException e) {
            throw failed(e);
        }
    }

    @Override
    public synchronized java.util.Map<String, RecheckFinding> latestFindings() {
        java.util.Map<String, RecheckFinding> out = new java.util.HashMap<>();
        String sql = "SELECT f.visit_id, f.kind, f.found, f.detail FROM recheck_findings f JOIN (SELECT visit_id, "
                + "MAX(run_id) AS run_id FROM recheck_findings GROUP BY visit_id) m ON f.visit_id = m.visit_id AND f.run_id = m.run_id";
        try (PreparedStatement p = connection().prepareStatement(sql); ResultSet rs = p.executeQuery()) {
            while (rs.next()) {
                String found = rs.getString(3);
                out.put(rs.getString(1), new RecheckFinding(rs.getString(1), RecheckFinding.Kind.fromCode(rs.getString(2)),
                        found == null ? null : VisitJson.readQualification(VisitJson.parse(found)), rs.getString(4)));
            }
        } catch (SQLException e) {
            throw failed(e);
        }
        return out;
    }

    private List<Visit> query(String sql, String parameter) {
        try (PreparedStatement p = connection().prepareStatement(sql)) {
            if (parameter != null) {
                p.setString(1, parameter);
            }
            List<Visit> out = new ArrayList<>();
            try (ResultSet rs = p.executeQuery()) {
                while (rs.next()) {
                    out.add(VisitJson.read(VisitJson.parse(rs.getString(1))));
                }
            }
            return out;
        } catch (SQLException e) {
            throw dialect.translate(e);
        }
    }

    /** Work inside a write transaction, on the connection it runs on. */
    @FunctionalInterface
    private interface Change<T> {
        T run(Connection c) throws SQLException;
    }

    private <T> T write(Change<T> work) {
        pendingHead = null;
        try {
            Connection c = connection();
            T result = Transactions.write(c, dialect, () -> {
                guardWrite(c);
                return work.run(c);
            });
            anchorCommitted();
            return result;
        } catch (SQLException e) {
            pendingHead = null;
            throw failed(e);
        } catch (RuntimeException e) {
            pendingHead = null;
            throw e;
        }
    }

    /** The open connection, or a new one after the last was lost. */
    private Connection connection() throws SQLException {
        if (c == null) {
            c = dialect.connect();
            connections++;
        }
        return c;
    }

    /** Translates a failure; a lost connection is dropped so that the next call connects again. */
    private StoreException failed(SQLException e) {
        if (dialect.connectionLost(e)) {
            closeQuietly(c);
            c = null;
        }
        return dialect.translate(e);
    }

    private static void closeQuietly(Connection c) {
        if (c == null) {
            return;
        }
        try {
            c.close();
        } catch (SQLException ignored) {
            // closing after a failure: the failure is what the user needs to hear about
        }
    }
}
