package jp.mynadesk.ceiling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Worked examples from docs/RULES.md §7 and docs/CEILING.md. */
class CeilingCalculatorTest {
    static final CeilingTables TABLES = CeilingTables.builtIn();

    static CeilingResult compute(String cls, Long total, String date, boolean many, Scope scope, boolean sd, boolean dialysis,
            String birth) throws CeilingException {
        LocalDate d = LocalDate.parse(date);
        CeilingTable t = TABLES.forDate(d).orElseThrow();
        return CeilingCalculator.compute(t, new CeilingRequest(CeilingClass.ofCode(cls).orElseThrow(), total, d, many, scope, sd,
                dialysis, birth == null ? null : LocalDate.parse(birth)));
    }

    @ParameterizedTest(name = "{0} total {1} on {2} many={3} → {4} ({5})")
    @CsvSource(delimiter = ';', value = {
            // docs/RULES.md §7 contract example
            "A03; 1000000; 2026-07-15; false; 87430;  2018-08; 80100 + (1000000 - 267000) × 1%",
            // docs/CEILING.md §1 worked check: ウ with 100万円 = 92,940 (Diamond online)
            "A03; 1000000; 2026-08-15; false; 92940;  2026-08; 85800 + (1000000 - 286000) × 1%",
            "A01; 1000000; 2026-07-31; false; 254180; 2018-08; 252600 + (1000000 - 842000) × 1%",
            "A01; 1000000; 2026-08-01; false; 271290; 2026-08; 270300 + (1000000 - 901000) × 1%",
            "A02; 1000000; 2018-08-01; false; 171820; 2018-08; 167400 + (1000000 - 558000) × 1%",
            "A02; 1000000; 2026-08-01; false; 183130; 2026-08; 179100 + (1000000 - 597000) × 1%",
            // below the threshold: the base amount
            "A03; 200000;  2026-07-15; false; 80100;  2018-08; 80100",
            "A03; 267000;  2026-07-15; false; 80100;  2018-08; 80100",
            "A03; 267001;  2026-07-15; false; 80100;  2018-08; 80100 + (267001 - 267000) × 1%",
            // half-up rounding of the 1% part: 50 yen over → 0.5 → 1; 49 → 0
            "A03; 267050;  2026-07-15; false; 80101;  2018-08; 80100 + (267050 - 267000) × 1%",
            "A03; 267049;  2026-07-15; false; 80100;  2018-08; 80100 + (267049 - 267000) × 1%",
            "A04; 500000;  2026-07-15; false; 57600;  2018-08; 57600",
            "A04; 500000;  2026-08-15; false; 61500;  2026-08; 61500",
            "A05; 500000;  2026-07-15; false; 35400;  2018-08; 35400",
            "A06; 500000;  2026-08-15; false; 36900;  2026-08; 36900",
            // 多数回該当
            "A01; 1000000; 2026-07-15; true;  140100; 2018-08; 140100",
            "A02; 1000000; 2026-07-15; true;  93000;  2018-08; 93000",
            "A03; 1000000; 2026-08-15; true;  44400;  2026-08; 44400",
            "A04; 1000000; 2026-08-15; true;  44400;  2026-08; 44400",
            "A05; 1000000; 2026-08-15; true;  24600;  2026-08; 24600",
            // 70+ household
            "B01; 1000000; 2026-07-15; false; 254180; 2018-08; 252600 + (1000000 - 842000) × 1%",
            "B03; 1000000; 2026-08-15; false; 92940;  2026-08; 85800 + (1000000 - 286000) × 1%",
            "B04; 1000000; 2026-07-15; false; 57600;  2018-08; 57600",
            "B09; 1000000; 2026-08-15; false; 61500;  2026-08; 61500",
            "B10; 1000000; 2026-08-15; true;  44400;  2026-08; 44400",
            "B05; 1000000; 2026-07-15; false; 24600;  2018-08; 24600",
            "B05; 1000000; 2026-08-15; false; 25700;  2026-08; 25700",
            // 低所得Ⅱ 多数回 is new in 2026-08; none before (the normal limit stays)
            "B05; 1000000; 2026-07-15; true;  24600;  2018-08; 24600",
            "B05; 1000000; 2026-08-15; true;  24600;  2026-08; 24600",
            "B06; 1000000; 2026-07-15; false; 15000;  2018-08; 15000",
            "B07; 1000000; 2026-08-15; false; 15700;  2026-08; 15700",
            "B08; 1000000; 2026-08-15; true;  15700;  2026-08; 15700",
    })
    void household(String cls, long total, String date, boolean many, long limit, String table, String formula) throws Exception {
        CeilingResult r = compute(cls, total, date, many, Scope.HOUSEHOLD, false, false, null);
        assertEquals(limit, r.monthlyLimit());
        assertEquals(table, r.table());
        assertEquals(formula, r.formula());
    }

    @ParameterizedTest(name = "{0} outpatient on {1} → {2} (annual {3})")
    @CsvSource(delimiter = ';', nullValues = "-", value = {
            "B04; 2026-07-15; 18000; 144000",
            "B09; 2026-07-31; 18000; 144000",
            "B10; 2026-08-01; 22000; 216000",
            "B05; 2026-07-15; 8000;  -",
            "B05; 2026-08-15; 11000; 96000",
            "B06; 2026-07-15; 8000;  -",
            "B08; 2026-08-15; 8000;  -",
    })
    void seventyPlusOutpatient(String cls, String date, long limit, Long annual) throws Exception {
        CeilingResult r = compute(cls, 300000L, date, false, Scope.OUTPATIENT, false, false, null);
        assertEquals(limit, r.monthlyLimit());
        assertEquals(annual, r.annualLimit());
        assertEquals(Scope.OUTPATIENT, r.scope());
    }

    @ParameterizedTest
    @CsvSource({"A01", "A04", "B01", "B03"})
    void noOutpatientLimitForTheseClasses(String cls) {
        var e = assertThrows(CeilingException.class, () -> compute(cls, 300000L, "2026-07-15", false, Scope.OUTPATIENT, false, false, null));
        assertTrue(e.getMessage().contains("B04"), e.getMessage());
    }

    @ParameterizedTest(name = "特定疾病 {0} dialysis={1} → {2}")
    @CsvSource({
            "A01, false, 10000", "A01, true, 20000", "A02, true, 20000", "A03, true, 10000", "A04, true, 10000",
            "B01, true, 10000", "B04, false, 10000",
    })
    void specifiedDisease(String cls, boolean dialysis, long limit) throws Exception {
        assertEquals(limit, compute(cls, 2000000L, "2026-07-15", false, Scope.HOUSEHOLD, true, dialysis, null).monthlyLimit());
        assertEquals(limit, compute(cls, 2000000L, "2026-08-15", false, Scope.HOUSEHOLD, true, dialysis, null).monthlyLimit());
    }

    @ParameterizedTest(name = "born {0}, month {1}: {2} → {3}")
    @CsvSource(delimiter = ';', value = {
            // 75th birthday 2026-06-15: halved in June only
            "1951-06-15; 2026-05-31; B04; 57600",
            "1951-06-15; 2026-06-01; B04; 28800",
            "1951-06-15; 2026-06-30; B10; 28800",
            "1951-06-15; 2026-07-01; B10; 57600",
            // formula: base and threshold both halved
            "1951-06-15; 2026-06-10; A03; 48715",
            // born on the 1st: a whole month in 後期, no halving
            "1951-06-01; 2026-06-10; B04; 57600",
            // 2026-08 table halves too
            "1951-08-20; 2026-08-20; B05; 12850",
    })
    void seventyFifthBirthdayMonth(String birth, String date, String cls, long limit) throws Exception {
        assertEquals(limit, compute(cls, 1000000L, date, false, Scope.HOUSEHOLD, false, false, birth).monthlyLimit());
    }

    @Test
    void halvedSpecifiedDiseaseAndFormula() throws Exception {
        CeilingResult r = compute("A03", 1000000L, "2026-06-10", false, Scope.HOUSEHOLD, false, false, "1951-06-15");
        assertEquals("40050 + (1000000 - 133500) × 1%", r.formula());
        assertEquals(5000, compute("B04", 0L, "2026-06-10", false, Scope.HOUSEHOLD, true, false, "1951-06-15").monthlyLimit());
    }

    @Test
    void provisionalFiguresAreMarked() throws Exception {
        CeilingResult e = compute("A04", 0L, "2026-08-15", false, Scope.HOUSEHOLD, false, false, null);
        assertEquals(530000L, e.annualLimit());
        assertEquals(410000L, e.annualLimitLowIncome());
        assertEquals(List.of("annualLimitLowIncome"), e.provisionalFigures());
        assertTrue(e.provisional());
        CeilingResult old = compute("A04", 0L, "2026-07-15", false, Scope.HOUSEHOLD, false, false, null);
        assertFalse(old.provisional());
    }

    @ParameterizedTest(name = "annual cap {0} on 2026-08-15 → {1}")
    @CsvSource({"A01, 1680000", "A02, 1110000", "A03, 530000", "A05, 290000", "B01, 1680000", "B05, 290000", "B06, 180000"})
    void annualCaps2026(String cls, long cap) throws Exception {
        assertEquals(cap, compute(cls, 1000000L, "2026-08-15", false, Scope.HOUSEHOLD, false, false, null).annualLimit());
    }

    @Test
    void tablesByDate() {
        assertEquals("2018-08", TABLES.forDate(LocalDate.of(2018, 8, 1)).orElseThrow().id());
        assertTrue(TABLES.forDate(LocalDate.of(2018, 7, 31)).isEmpty());
        assertEquals("2018-08", TABLES.forDate(LocalDate.of(2026, 7, 31)).orElseThrow().id());
        assertEquals("2026-08", TABLES.forDate(LocalDate.of(2026, 8, 1)).orElseThrow().id());
        assertEquals("2026-08", TABLES.forDate(LocalDate.of(2027, 7, 31)).orElseThrow().id());
        assertTrue(TABLES.forDate(LocalDate.of(2027, 8, 1)).isEmpty(), "stage 2 is not modelled: its OQS codes are unpublished");
    }

    @Test
    void formulaNeedsATotal() {
        assertThrows(CeilingException.class, () -> compute("A03", null, "2026-07-15", false, Scope.HOUSEHOLD, false, false, null));
    }

    @ParameterizedTest(name = "ratio {0}, born {1} → {2}")
    @CsvSource({
            "030, 1980-01-01, A01",
            "020, 2022-01-01, A01",
            "030, 1955-01-01, B01",
            "020, 1955-01-01, B04",
            "010, 1955-01-01, B04",
            "020, 1950-01-01, B09",
            "010, 1950-01-01, B10",
            "030, 1950-01-01, B01",
    })
    void ratioFallback(String ratio, LocalDate birth, String cls) {
        assertEquals(cls, RatioFallback.classFor(ratio, birth, LocalDate.of(2026, 7, 15)).orElseThrow().code());
    }
}
