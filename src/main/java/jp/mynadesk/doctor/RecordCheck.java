package jp.mynadesk.doctor;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import jp.mynadesk.desk.IntegrityReport;
import jp.mynadesk.desk.StoreException;
import jp.mynadesk.desk.VisitStore;
import jp.mynadesk.store.DataDirectory;
import jp.mynadesk.store.SharedDatabase;
import jp.mynadesk.store.Stores;

/**
 * The record: it opens, and its audit chain verifies (the same check as {@code db verify}, within a time limit). A
 * data folder without a record yet is fine: the first visit makes it, and doctor does not.
 */
public final class RecordCheck implements Check {
    public static final String NAME = "record";

    private final DataDirectory folder;
    private final SharedDatabase shared;
    private final Clock clock;
    private final Duration limit;

    /** @param shared the shared PostgreSQL record, or null for the SQLite file in {@code folder} */
    public RecordCheck(DataDirectory folder, SharedDatabase shared, Clock clock, Duration limit) {
        this.folder = folder;
        this.shared = shared;
        this.clock = clock;
        this.limit = limit;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Finding run() {
        String where;
        if (shared != null) {
            where = "共有データベース " + shared.url();
        } else {
            Path file = folder.path().toAbsolutePath().resolve(Stores.SQLITE_FILE);
            where = "記録 " + file;
            if (!Files.exists(file)) {
                return Finding.ok(NAME, "記録 " + file + " はまだありません（最初の受付で作られます）。");
            }
        }
        IntegrityReport report;
        try {
            report = Bounded.call("record", limit, () -> {
                try (VisitStore store = shared != null ? Stores.open(shared, clock, Stores.DEFAULT_BUSY_TIMEOUT)
                        : Stores.open(folder, clock, Stores.DEFAULT_BUSY_TIMEOUT)) {
                    return store.verify();
                }
            });
        } catch (TimeoutException e) {
            return Finding.warning(NAME, where + " の確認が " + Bounded.seconds(limit) + "以内に終わりませんでした。",
                    "受付の少ない時間に mynadesk db verify で確かめてください。");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof StoreException s) {
                return s.kind() == StoreException.Kind.CORRUPT
                        ? Finding.problem(NAME, where + " が壊れています: " + s.getMessage(), DAMAGED)
                        : Finding.problem(NAME, where + " を開けません: " + s.getMessage(),
                                "保存先（mynadesk settings show の record）と権限、共有データベースなら接続を確かめてください。");
            }
            throw new IllegalStateException("the record check failed unexpectedly", e.getCause());
        }
        if (!report.ok()) {
            return Finding.problem(NAME, where + " の監査記録のつながりが切れています: " + report.firstBroken(), DAMAGED);
        }
        return Finding.ok(NAME, where + " を開き、監査記録のつながりを確かめました（受付 " + report.visits() + " 件、監査記録 "
                + report.auditEntries() + " 件）。");
    }

    private static final String DAMAGED = "記録を書き換えずにシステム担当者に連絡してください。詳しくは mynadesk db verify、戻すときはバックアップ"
            + "（mynadesk db backup で作ったもの）から。";
}
