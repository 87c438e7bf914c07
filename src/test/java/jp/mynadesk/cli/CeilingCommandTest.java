package jp.mynadesk.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.params.provider.CsvSource;
import picocli.CommandLine;

class CeilingCommandTest {
    static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void contractExample() throws Exception {
        CliRun run = CliRun.of("ceiling", "--class", "A03", "--total", "1000000", "--date", "2026-07-15", "--json");
        assertEquals(0, run.exitCode(), run.err());
        JsonNode n = JSON.readTree(run.out());
        JsonNode expected = JSON.readTree("{\"class\": \"A03\", \"label\": \"ウ\", \"table\": \"2018-08\", \"scope\": \"household\", "
                + "\"monthlyLimit\": 87430, \"formula\": \"80100 + (1000000 - 267000) × 1%\"}");
        expected.fields().forEachRemaining(e -> assertEquals(e.getValue(), n.get(e.getKey()), e.getKey()));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = ';', value = {
            "ウ 2026-08; --class A03 --total 1000000 --date 2026-08-15; 92940; 2026-08",
            "多数回; --class A01 --total 1000000 --date 2026-07-15 --many; 140100; 2018-08",
            "外来 一般; --class B04 --total 100000 --date 2026-07-15 --scope outpatient; 18000; 2018-08",
            "外来 一般 2026; --class B10 --total 100000 --date 2026-08-15 --scope outpatient; 22000; 2026-08",
            "特定疾病; --class A03 --total 1000000 --date 2026-07-15 --specified-disease; 10000; 2018-08",
            "透析 ア; --class A01 --total 1000000 --date 2026-07-15 --dialysis; 20000; 2018-08",
            "75歳到達月; --class B04 --total 100000 --date 2026-06-15 --birth-date 1951-06-20; 28800; 2018-08",
            "割合から推定 70+ 2割; --ratio 020 --birth-date 1954-01-01 --total 100000 --date 2026-07-15; 57600; 2018-08",
    })
    void options(String name, String args, long limit, String table) throws Exception {
        String[] argv = ("ceiling " + args + " --json").split(" ");
        CliRun run = CliRun.of(argv);
        assertEquals(0, run.exitCode(), run.err());
        JsonNode n = JSON.readTree(run.out());
        assertEquals(limit, n.get("monthlyLimit").asLong(), name);
        assertEquals(table, n.get("table").asText(), name);
    }

    @Test
    void provisionalIsInTheOutput() throws Exception {
        JsonNode n = JSON.readTree(CliRun.of("ceiling", "--class", "A04", "--date", "2026-08-15", "--json").out());
        assertTrue(n.get("provisional").asBoolean());
        assertEquals("annualLimitLowIncome", n.get("provisionalFigures").get(0).asText());
        CliRun human = CliRun.of("ceiling", "--class", "A04", "--date", "2026-08-15");
        assertTrue(human.out().contains("暫定値"), human.out());
    }

    @Test
    void ratioFallbackIsLabelled() throws Exception {
        JsonNode n = JSON.readTree(CliRun.of("ceiling", "--ratio", "030", "--birth-date", "1950-01-01", "--total", "1000000",
                "--date", "2026-07-15", "--json").out());
        assertEquals("B01", n.get("class").asText());
        assertEquals("ratio", n.get("classSource").asText());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = ';', value = {
            "unknown class; ceiling --class A09 --total 1 --date 2026-07-15; A01 ア",
            "no table; ceiling --class A03 --total 1 --date 2018-07-31; 2018-08",
            "no table after stage 1; ceiling --class A03 --total 1 --date 2027-08-01; 2026-08",
            "no outpatient limit; ceiling --class A03 --total 1 --date 2026-07-15 --scope outpatient; B04",
            "bad scope; ceiling --class A03 --total 1 --date 2026-07-15 --scope family; household",
            "no class; ceiling --total 1 --date 2026-07-15; --ratio",
            "ratio without age; ceiling --ratio 030 --date 2026-07-15; --birth-date",
            "negative total; ceiling --class A03 --total -5 --date 2026-07-15; 0 円以上",
            "formula without total; ceiling --class A03 --date 2026-07-15; --total",
            "not a number; ceiling --class A03 --total abc --date 2026-07-15; total",
            "impossible date; ceiling --class A03 --total 1 --date 2026-02-30; date",
            "impossible wareki date; ceiling --class A03 --total 1 --as-of 令和8年2月30日; --as-of",
            "total over 10^10 yen; ceiling --class A03 --total 10000000001 --date 2026-07-15; --total",
            "born after the date; ceiling --ratio 030 --birth-date 2026-08-01 --as-of 2026-07-15; --birth-date",
    })
    void badInputIsExit2WithAHelpfulMessage(String name, String args, String mentions) {
        CliRun run = CliRun.of(args.split(" "));
        assertEquals(2, run.exitCode(), name + ": " + run.err());
        assertTrue(run.err().contains(mentions), name + ": " + run.err());
    }

    @Test
    void asOfTakesWarekiLikeEveryDateOption() throws Exception {
        JsonNode wareki = JSON.readTree(CliRun.of("ceiling", "--class", "A04", "--as-of", "令和8年8月15日", "--json").out());
        JsonNode iso = JSON.readTree(CliRun.of("ceiling", "--class", "A04", "--date", "2026-08-15", "--json").out());
        assertEquals(iso, wareki);
    }

    @Test
    void dateDefaultsToTodayInTokyo() throws Exception {
        // 2026-07-31T15:30Z is already 2026-08-01 in Tokyo: the 2026-08 table applies
        Clock clock = Clock.fixed(Instant.parse("2026-07-31T15:30:00Z"), ZoneId.of("UTC"));
        CommandLine cli = new CommandLine(new CeilingCommand(clock.withZone(ZoneId.of("Asia/Tokyo"))));
        StringWriter out = new StringWriter();
        cli.setOut(new PrintWriter(out));
        assertEquals(0, cli.execute("--class", "A04", "--json"));
        assertEquals("2026-08", JSON.readTree(out.toString()).get("table").asText());
    }

    @ParameterizedTest
    @ValueSource(strings = {"+999999999-12-31", "-999999999-01-01", "1899-12-31", "2026-07-16"})
    void extremeBirthDatesAreBadInputNotAStackTrace(String birth) {
        for (String[] args : new String[][] {
                {"ceiling", "--class", "B04", "--total", "100000", "--date", "2026-07-15", "--birth-date", birth},
                {"ceiling", "--ratio", "030", "--total", "100000", "--date", "2026-07-15", "--birth-date", birth}}) {
            CliRun run = CliRun.of(args);
            assertEquals(2, run.exitCode(), run.err());
            assertTrue(run.err().contains("--birth-date"), run.err());
            assertFalse(run.err().contains("Exception") || run.err().contains("\tat "), run.err());
        }
    }
}
