package jp.mynadesk.store;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Optional;
import jp.mynadesk.desk.IntegrityReport;
import jp.mynadesk.desk.StoreException;
import jp.mynadesk.desk.StoreException.Kind;

/**
 * The record's seal: the {@code audit_seal} row that says from which entry on the chain is keyed, and this desk's
 * key for it. A record opened for the first time by this version is sealed at once: a new record is keyed from its
 * first entry; an older record's plain chain is verified first and keyed from the next entry, and this is said
 * ({@link State#rekeyedAfter}, {@code db migrate}, {@code db verify}). A plain chain that does not verify is not
 * sealed: the record is not written to, and verify names the break.
 */
final class Sealing {
    /** The stored row. */
    record Row(long keyedFrom, String headBefore, String keyId, String sealedAt, String mac) {
        /** What the row's MAC covers. */
        String text() {
            return "mynadesk audit seal v1|" + keyedFrom + "|" + headBefore + "|" + keyId + "|" + sealedAt;
        }
    }

    /**
     * What this desk knows of the seal.
     *
     * @param row          the stored row (null: not sealed, see {@code refusal})
     * @param key          this desk's key when it is the record's (null otherwise)
     * @param problem      why this desk cannot vouch for or extend the chain (null: it can), and what it means
     * @param rekeyedAfter entries this opening found unkeyed and sealed behind a keyed chain (-1: none sealed now)
     */
    record State(Row row, AuditKey key, StoreException problem, long rekeyedAfter) {}

    private Sealing() {}

    static Optional<Row> row(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                "SELECT keyed_from, head_before, key_id, sealed_at, mac FROM audit_seal ORDER BY keyed_from")) {
            if (!rs.next()) {
                return Optional.empty();
            }
            return Optional.of(new Row(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5)));
        }
    }

    /**
     * The seal as this desk finds it, sealing the record first if it is not yet: under the write lock, so two desks
     * opening an older record at once seal it once.
     */
    static State open(Connection c, Dialect dialect, Seal seal, Anchor anchor, Clock clock) throws SQLException {
        Optional<Row> row = row(c);
        if (row.isPresent()) {
            return check(row.get(), seal.keyFile());
        }
        State[] sealed = new State[1];
        Anchor.Checkpoint head = Transactions.write(c, dialect, () -> {
            Optional<Row> again = row(c);
            if (again.isPresent()) {
                sealed[0] = check(again.get(), seal.keyFile());
                return null;
            }
            Anchor.Checkpoint h = AuditChain.head(c);
            String refused = refusal(c, dialect, seal, anchor, h);
            if (refused != null) {
                sealed[0] = new State(null, null, new StoreException(Kind.CORRUPT, refused, null), -1);
                return null;
            }
            AuditKey key = AuditKey.readOrCreate(seal.keyFile());
            Row made = new Row(h.seq() + 1, h.hash(), key.id(), OffsetDateTime.now(clock).toString(), null);
            made = new Row(made.keyedFrom(), made.headBefore(), made.keyId(), made.sealedAt(), key.mac(made.text()));
            try (PreparedStatement p = c.prepareStatement("INSERT INTO audit_seal (keyed_from, head_before, key_id, "
                    + "sealed_at, mac) VALUES (?, ?, ?, ?, ?)")) {
                p.setLong(1, made.keyedFrom());
                p.setString(2, made.headBefore());
                p.setString(3, made.keyId());
                p.setString(4, made.sealedAt());
                p.setString(5, made.mac());
                p.executeUpdate();
            }
            sealed[0] = new State(made, key, null, h.seq());
            return h;
        });
        if (head != null && head.seq() > 0 && anchor != null) {
            try {
                anchor.append(head.seq(), head.hash(), OffsetDateTime.now(clock)); // the verified plain chain's head
            } catch (IOException e) {
                // the seal holds it as well; the next change's checkpoint covers it
            }
        }
        return sealed[0];
    }

    /** Why an unsealed record must not be sealed now (null: it may). */
    private static String refusal(Connection c, Dialect dialect, Seal seal, Anchor anchor, Anchor.Checkpoint head)
            throws SQLException {
        try {
            Optional<Anchor.Checkpoint> outside = anchor == null ? Optional.empty() : anchor.latest();
            if (outside.isPresent()) {
                // only a sealed record's desk writes checkpoints: the seal was removed, and the chain maybe re-hashed
                return "記録から監査鍵の封印（audit_seal）が消えています。この端末の控え（" + anchor.file().getFileName()
                        + "）では監査記録が " + outside.get().seq() + " 件ありました。プログラムの外で書き換えられています。"
                        + "バックアップから戻してください。";
            }
        } catch (IOException e) {
            return "記録の外の控え（" + anchor.file() + "）を読めません: " + e.getMessage();
        }
        if (head.seq() == 0) {
            return null;
        }
        Path keyFolder = seal.keyFile().toAbsolutePath().getParent();
        if (seal.anchorFile() != null && keyFolder.equals(seal.anchorFile().toAbsolutePath().getParent())
                && java.nio.file.Files.exists(seal.keyFile())) {
            // the folder's own key is made only when its record is sealed: a record with entries and no seal beside
            // it had its seal (and anchor) removed, or its first sealing was cut off between the two
            return "この記録には監査鍵の封印（audit_seal）がありませんが、同じフォルダに監査鍵のファイル（" + Seal.KEY_FILE
                    + "）があります。鍵付きだった記録から封印が消された可能性があります（プログラムの外での変更）。"
                    + "バックアップから戻してください。古い版の mynadesk の記録を初めて開くのが途中で止まった場合に限り、"
                    + Seal.KEY_FILE + " を別の名前にしてから開き直してください。";
        }
        IntegrityReport plain = new IntegrityCheck(c, dialect, null, null, null).run();
        return plain.ok() ? null : "鍵付きにする前の監査記録に異常があるため、鍵付きにできません（" + plain.firstBroken()
                + "）。この記録には書き込みません。mynadesk db verify で確かめ、バックアップから戻してください。";
    }

    /** A sealed record: whether this desk holds its key, and whether the row is as sealed. */
    static State check(Row row, Path keyFile) {
        Optional<AuditKey> key;
        try {
            key = AuditKey.read(keyFile);
        } catch (StoreException e) {
            return new State(row, null, e, -1);
        }
        if (key.isEmpty()) {
            return new State(row, null, new StoreException(Kind.UNAVAILABLE, "この記録は鍵付きですが、監査鍵のファイル "
                    + keyFile + " がありません。鍵のバックアップを戻すか、共有データベースでは最初の端末の鍵のコピーを置いて環境変数 "
                    + Seal.KEY_FILE_ENV + " で指定してください（新しい鍵は作りません）。", null), -1);
        }
        AuditKey k = key.get();
        if (!k.id().equals(row.keyId())) {
            return new State(row, null, new StoreException(Kind.UNAVAILABLE, "監査鍵のファイル " + keyFile
                    + " はこの記録の鍵ではありません。この記録を作った端末の鍵（のコピー）を使ってください（環境変数 "
                    + Seal.KEY_FILE_ENV + "）。", null), -1);
        }
        if (!AuditKey.same(k.mac(row.text()), row.mac())) {
            return new State(row, null, new StoreException(Kind.CORRUPT, "監査鍵の封印（audit_seal）が書き換えられています"
                    + "（プログラムの外での変更）。バックアップから戻してください。", null), -1);
        }
        return new State(row, k, null, -1);
    }
}
