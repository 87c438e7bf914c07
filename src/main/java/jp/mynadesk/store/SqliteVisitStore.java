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
 * The record in one SQLite file ({@value #FILE_NAME}) in the data directory. Every change is one write transaction
 * that also appends its audit entry; the method returns after the commit is on disk. One connection, used by one
 * thread at a time (methods are synchronized); other desks and processes share the file through SQLite's locks.
 */
public final class SqliteVisitStore implements VisitStore {
    public static final String FILE_NAME = "mynadesk.db";

    private final Connection c;
    private final Dialect dialect;
    private final AuditChain audit;
    private final Path file;

    private SqliteVisitStore(Connection c, Dialect dialect, Clock clock, Path file) {
        this.c = c;
        this.dialect = dialect;
        this.audit = new AuditChain(clock);
        this.file = file;
    }

    /** Opens (and creates or migrates) the record in an existing, writable data directory. */
    static SqliteVisitStore open(Path dataDir, Clock clock, Duration busyTimeout) {
        Dialect dialect = new SqliteDialect();
        Path file = dataDir.resolve(FILE_NAME);
        Connection c = null;
        try {
            c = SqliteDialect.connect(file, busyTimeout);
            Migrations.apply(c, dialect, clock);
            return new SqliteVisitStore(c, dialect, clock, file);
        } catch (SQLException e) {
            closeQuietly(c);
            throw dialect.translate(e);
        } catch (RuntimeException e) {
            closeQuietly(c);
            throw e;
        }
    }

    /** The database file (tests scan its bytes; the CLI names it). */
    public Path file() {
        return file;
    }

    @Override
    public synchronized Visit record(Visit visit) {
        if (visit.visitId() != null) {
            throw new IllegalArgumentException("visit " + visit.visitId() + " is already recorded");
        }
        return write(() -> insert(visit));
    }

    /** Many visits in one transaction: only for filling a record to measure ({@link StoreBench}). */
    synchronized void recordAll(List<Visit> visits) {
        write(() -> {
            for (Visit v : visits) {
                insert(v);
            }
            return null;
        });
    }

    private Visit insert(Visit visit) throws SQLException {
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
        audit.append(c, Action.VISIT_RECORDED, recorded.visitId(), withVisit(image));
        return recorded;
    }

    @Override
    public synchronized List<Visit> visits(LocalDate since) {
        String where = since == null ? "" : " WHERE day >= ?";
        return query("SELECT body FROM visits" + where + " ORDER BY day, day_seq",
                since == null ? null : since.toString());
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
        write(() -> {
            long runId;
            try (Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT COALESCE(MAX(id), 0) + 1 FROM recheck_runs")) {
                rs.next();
                runId = rs.getLong(1);
            }
            List<Visit> settled = new ArrayList<>();
            for (RecheckFinding f : run.findings()) {
                Visit v = load(f.visitId());
                if (v.recheckState() != f.kind().settles()) {
                    settled.add(v.withRecheckState(f.kind().settles()));
                }
            }
            ObjectNode image = RecheckRows.image(runId, run);
            RecheckRows.insert(c, image);
            ObjectNode payload = JsonNodeFactory.instance.objectNode();
            payload.set("run", image);
            audit.append(c, Action.RECHECK_RUN_RECORDED, RecheckRows.entity(runId), payload);
            for (Visit v : settled) {
                VisitRows.Image rows = VisitRows.image(v);
                VisitRows.rewrite(c, rows);
                audit.append(c, Action.RECHECK_STATE_CHANGED, v.visitId(), withVisit(rows).put("runId", runId));
            }
            return null;
        });
    }

    @Override
    public synchronized void revokeConsent(String visitId, OffsetDateTime at) {
        write(() -> {
            Visit v = load(visitId);
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
            audit.append(c, Action.CONSENT_REVOKED, visitId, withVisit(rows).put("revokedAt", at.toString()));
            return null;
        });
    }

    @Override
    public synchronized IntegrityReport verify() {
        try {
            return Transactions.read(c, dialect, () -> new IntegrityCheck(c, dialect).run());
        } catch (SQLException e) {
            StoreException translated = dialect.translate(e);
            if (translated.kind() == StoreException.Kind.CORRUPT) {
                return new IntegrityReport(false, 0, 0, "データベースを読めません（SQLite: " + e.getMessage() + "）");
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
     * Writes a consistent copy to {@code target}: first beside it under a temporary name, then renamed, so the
     * target is never half a backup. An existing target is replaced; whether that is wanted is the caller's call.
     */
    @Override
    public synchronized void backup(Path target) {
        Path dir = target.toAbsolutePath().getParent();
        Path partial = dir.resolve(target.getFileName() + ".partial");
        try {
            Files.deleteIfExists(partial);
            dialect.backup(c, partial);
            Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (SQLException e) {
            throw dialect.translate(e);
        } catch (IOException e) {
            throw new StoreException(StoreException.Kind.UNAVAILABLE,
                    "バックアップを書き込めません: " + target + "（フォルダの場所と権限を確かめてください）", e);
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
        closeQuietly(c);
    }

    private ObjectNode withVisit(VisitRows.Image rows) {
        ObjectNode payload = JsonNodeFactory.instance.objectNode();
        payload.set("visit", VisitJson.parse(rows.visit().body()));
        return payload;
    }

    private Visit load(String visitId) throws SQLException {
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
        String where = since == null ? "" : " WHERE day >= ?";
        try (PreparedStatement p = c.prepareStatement("SELECT body FROM visits" + where + " ORDER BY day, day_seq")) {
            if (since != null) {
                p.setString(1, since.toString());
            }
            try (ResultSet rs = p.executeQuery()) {
                while (rs.next()) {
                    json.accept(rs.getString(1));
                }
            }
        } catch (SQLException e) {
            throw dialect.translate(e);
        }
    }

    private List<Visit> query(String sql, String parameter) {
        try (PreparedStatement p = c.prepareStatement(sql)) {
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

    private <T> T write(Transactions.Work<T> work) {
        try {
            return Transactions.write(c, dialect, work);
        } catch (SQLException e) {
            throw dialect.translate(e);
        }
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
