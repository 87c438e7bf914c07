package jp.mynadesk.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.List;
import jp.mynadesk.desk.Visit;
import jp.mynadesk.desk.VisitStore;
import jp.mynadesk.store.ChainRewriteTest.CliResult;
import jp.mynadesk.store.CuttingProxy.Cut;
import jp.mynadesk.testsupport.PostgresCheck;
import jp.mynadesk.testsupport.RequiresPostgres;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A one-shot {@code check} whose COMMIT reply is withheld (issue 22 item 9): it used to exit 3 saying the visit was
 * not on record while it was (6 of 6). It looks before it advises: on record, it says so and exits 0; not on
 * record, it says that; unable to look, it says it does not know and how to find out.
 */
@RequiresPostgres
class OneShotCommitInDoubtTest {
    @TempDir
    Path data;

    private SharedDatabase db;
    private CuttingProxy proxy;

    @BeforeEach
    void recordThroughTheProxy() throws Exception {
        db = PostgresCheck.freshSchema();
        proxy = new CuttingProxy(db);
        CliResult made = check("db", "migrate"); // the record made (and sealed) first: the check's COMMIT is its visit's
        assertEquals(0, made.code(), made.text());
    }

    @AfterEach
    void closeProxy() throws Exception {
        proxy.close();
    }

    @Test
    void aCommitThatLandedIsReportedAsRecorded() throws Exception {
        proxy.arm(Cut.LANDED);
        CliResult run = check("check", "--virtual", "default", "--json", "--as-of", "2026-12-01T09:30:00+09:00");
        assertEquals(1, proxy.fired(), "the reply to the visit's COMMIT was withheld");
        assertEquals(0, run.code(), run.text());
        JsonNode visit = new ObjectMapper().readTree(run.out());
        assertTrue(run.text().contains("確かめたところ受付 " + visit.get("visitId").asText() + " として記録されています"), run.text());
        assertEquals(List.of(visit.get("visitId").asText()), onRecord());
    }

    @Test
    void aCommitThatWasLostIsReportedAsNotRecorded() throws Exception {
        proxy.arm(Cut.LOST);
        CliResult run = check("check", "--virtual", "default", "--json", "--as-of", "2026-12-01T09:30:00+09:00");
        assertEquals(1, proxy.fired());
        assertEquals(3, run.code(), run.text());
        assertTrue(run.text().contains("この受付は記録されていません"), run.text());
        assertEquals(List.of(), onRecord());
    }

    @Test
    void whenItCannotLookItSaysItDoesNotKnow() throws Exception {
        proxy.refuseAfterCut(true);
        proxy.arm(Cut.LANDED);
        CliResult run = check("check", "--virtual", "default", "--as-of", "2026-12-01T09:30:00+09:00");
        assertEquals(3, run.code(), run.text());
        assertTrue(run.text().contains("確かめられませんでした") && run.text().contains("mynadesk visits"), run.text());
        assertEquals(1, onRecord().size(), "it was on record: hence not 'not recorded'");
    }

    private CliResult check(String... args) {
        List<String> all = new java.util.ArrayList<>(List.of(args));
        all.addAll(List.of("--db", proxy.database().url(), "--data", data.toString()));
        return ChainRewriteTest.cli(all.toArray(String[]::new));
    }

    private List<String> onRecord() {
        try (VisitStore store = Stores.open(db, VisitStoreContract.CLOCK, Stores.DEFAULT_BUSY_TIMEOUT)) {
            return store.visits(null).stream().map(Visit::visitId).toList();
        }
    }
}
