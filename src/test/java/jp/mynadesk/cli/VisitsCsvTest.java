package jp.mynadesk.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.StringReader;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code visits --csv} cells: each value comes back as one cell of one row, and none starts a formula. */
class VisitsCsvTest {
    /** The row {@link VisitsCommand#CSV} writes for these cells, read back by a strict RFC 4180 reader. */
    private static List<String> roundTrip(String... values) throws IOException {
        String[] cells = new String[values.length];
        for (int i = 0; i < values.length; i++) {
            cells[i] = VisitsCommand.cell(values[i]);
        }
        String text = VisitsCommand.CSV.format((Object[]) cells) + "\n";
        List<CSVRecord> records = CSVFormat.RFC4180.parse(new StringReader(text)).getRecords();
        assertEquals(1, records.size(), text);
        return records.get(0).toList();
    }

    @ParameterizedTest
    @ValueSource(strings = {"a\n\nb", "a\r\nb", "a\rb", "\u5c71\u7530\n\u592a\u90ce", "a\u2028b, c", "x\u2029,y", "quote \" and, comma", "end\n"})
    void multiLineAndSeparatorValuesStayOneCell(String value) throws IOException {
        assertEquals(List.of("v1", value, "tail"), roundTrip("v1", value, "tail"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"=HYPERLINK(\"http://evil.example/\",\"x\")\n1", "=1+1", "+81", "-2+3", "@SUM(1)", "\tTAB", "\rCR", "\nLF"})
    void aFormulaIsNeutralisedAndKeptWhole(String value) throws IOException {
        assertEquals(List.of("v1", "'" + value, "tail"), roundTrip("v1", value, "tail"));
    }

    @org.junit.jupiter.api.Test
    void aCellWithACommaOrABreakIsQuotedAndAPlainOneIsNot() {
        assertEquals("\"a\u2028b, c\"", VisitsCommand.CSV.format(VisitsCommand.cell("a\u2028b, c")));
        assertEquals("\"a\n\nb\"", VisitsCommand.CSV.format(VisitsCommand.cell("a\n\nb")));
        assertEquals("\"'=HYPERLINK(\"\"x\"\")\n1\"", VisitsCommand.CSV.format(VisitsCommand.cell("=HYPERLINK(\"x\")\n1")));
        assertEquals("plain", VisitsCommand.CSV.format(VisitsCommand.cell("plain")));
    }
}
