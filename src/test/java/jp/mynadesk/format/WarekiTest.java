package jp.mynadesk.format;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class WarekiTest {
    @ParameterizedTest
    @CsvSource({
            "2024-12-02, 令和6年12月2日",
            "1989-05-10, 平成元年5月10日",
            "1989-01-07, 昭和64年1月7日",
            "2019-05-01, 令和元年5月1日",
            "2029-11-30, 令和11年11月30日",
    })
    void formatsAsPrinted(LocalDate date, String printed) {
        assertEquals(printed, Wareki.format(date));
        assertEquals(date, Wareki.parse(printed).orElseThrow());
    }
}
