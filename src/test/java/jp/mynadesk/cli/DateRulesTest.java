package jp.mynadesk.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One date range (1900-01-01 to 2099-12-31), one 和暦 era rule and a fixed +09:00 for every command (docs/RULES.md §8,
 * issue 22 §12): year 0 and 9999 are refused, 平成32年 is no day, and a recorded visit is never at the zone's local
 * mean time (+09:18:59) or its 1948–1951 summer time.
 */
class DateRulesTest {
    @TempDir
    Path data;

    @ParameterizedTest(name = "--as-of {0}")
    @CsvSource(delimiter = '|', value = {
            "0000-01-01                 | 範囲（1900-01-01〜2099-12-31）の外",
            "9999-12-31                 | 範囲（1900-01-01〜2099-12-31）の外",
            "1899-12-31T23:59           | 範囲（1900-01-01〜2099-12-31）の外",
            "2100-01-01T00:00:00+09:00  | 範囲（1900-01-01〜2099-12-31）の外",
            "平成32年1月1日               | 平成は 1989-01-08 から 2019-04-30 までです（2020-01-01 は 令和2年1月1日）",
            "令和1年4月30日               | 令和は 2019-05-01 から",
    })
    void aDayOutsideTheRulesIsRefusedNamingTheOption(String asOf, String why) {
        CliRun run = CliRun.of("check", "--virtual", "default", "--as-of", asOf, "--json", "--data", data.toString());
        assertEquals(ExitCode.BAD_INPUT.status, run.exitCode(), run.out() + run.err());
        assertTrue(run.err().contains("--as-of") && run.err().contains(why), run.err());
        assertFalse(Files.exists(data.resolve("mynadesk.db")), "nothing recorded");
    }

    @Test
    void theOtherDateOptionsKeepTheSameRange() {
        for (String[] args : new String[][] {
                {"--since", "visits", "--since", "0000-01-01", "--data", data.toString()},
                {"--as-of", "docs", "check", "-", "--as-of", "9999-12-31"},
                {"--date", "ceiling", "--class", "A03", "--total", "1000000", "--date", "平成32年1月1日"}}) {
            CliRun run = CliRun.of(java.util.Arrays.copyOfRange(args, 1, args.length));
            assertEquals(ExitCode.BAD_INPUT.status, run.exitCode(), String.join(" ", args) + ": " + run.err());
            assertTrue(run.err().contains(args[0]) && run.err().contains("存在しない日付です。平成は")
                    || run.err().contains("範囲（1900-01-01〜2099-12-31）の外"), run.err());
        }
    }

    @Test
    void aDayOfTheSummerTimeYearsIsRecordedAtPlusNine() throws Exception {
        // Asia/Tokyo kept summer time in 1948–1951: a zone-based desk would record 10:00+10:00 here
        JsonNode v = json(CliRun.of("check", "--virtual", "default", "--as-of", "1950-07-01", "--json", "--data", data.toString()));
        // the desk's clock stands at --as-of and then ticks: the check itself takes some seconds
        assertTrue(v.get("asOf").asText().matches("1950-07-01T09:0\\d(:\\d\\d)?\\+09:00"), v.get("asOf").asText());
        JsonNode listed = json(CliRun.of("visits", "--json", "--data", data.toString())).get(0);
        assertEquals(v.get("asOf").asText(), listed.get("asOf").asText());

        JsonNode reiwa = json(CliRun.of("check", "--virtual", "default", "--as-of", "令和元年5月1日", "--json", "--data",
                data.toString()));
        assertTrue(reiwa.get("asOf").asText().matches("2019-05-01T09:0\\d(:\\d\\d)?\\+09:00"), reiwa.get("asOf").asText());
    }

    @Test
    void aDocsCheckInputOrAScenarioOutsideTheRangeIsRefused() throws Exception {
        Path input = Files.writeString(data.resolve("check.json"), "{\"asOf\": \"0000-01-01\", \"documents\": []}");
        CliRun check = CliRun.of("docs", "check", input.toString());
        assertEquals(ExitCode.BAD_INPUT.status, check.exitCode(), check.out() + check.err());
        assertTrue(check.err().contains("asOf") && check.err().contains("1900-01-01 から 2099-12-31 まで"), check.err());

        Path scenario = Files.writeString(data.resolve("old.yaml"), "name: old\nasOf: 0000-01-01\ncard: default\n"
                + "steps:\n  - check: {}\n");
        CliRun run = CliRun.of("scenario", "run", scenario.toString());
        assertEquals(1, run.exitCode(), run.out() + run.err());
        assertTrue(run.out().contains(":2: asOf: 「0000-01-01」は受け付ける日付の範囲"), run.out());
    }

    private static JsonNode json(CliRun run) throws Exception {
        assertEquals(0, run.exitCode(), run.err());
        return new ObjectMapper().readTree(run.out());
    }
}
