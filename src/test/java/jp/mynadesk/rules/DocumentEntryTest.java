package jp.mynadesk.rules;

import jp.mynadesk.desk.StaffText;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Typed entry: each field judged as it is typed, the check digit as soon as the number is complete. */
class DocumentEntryTest {

    @ParameterizedTest(name = "insurer \"{0}\" → {1}")
    @CsvSource(delimiter = ';', value = {
            "'';          incomplete; ",
            "0;           incomplete; ",
            "01130;       incomplete; ",
            "011300;      incomplete; 検証番号が合いません",
            "138057;      accepted;   138057",
            "0113001;     incomplete; あと1桁",
            "01130012;    accepted;   01130012",
            "01130013;    rejected;   最後の桁は 2 のはず",
            "０１１３００１２; accepted; 01130012",
            "0113a;       rejected;   数字だけ",
            "011300123;   rejected;   8桁",
    })
    void insurerNumber(String typed, String verdict, String detail) {
        check(DocumentEntry.insurerNumber(typed), verdict, detail);
    }

    @ParameterizedTest(name = "date \"{0}\" → {1}")
    @CsvSource(delimiter = ';', value = {
            "2024-12-02;      accepted; 2024-12-02",
            "令和6年12月2日;   accepted; 2024-12-02",
            "令和 6年12月2日;  accepted; 2024-12-02",
            "R6.12.2;         accepted; 2024-12-02",
            "平成元年5月10日;  accepted; 1989-05-10",
            "H1.5.10;         accepted; 1989-05-10",
            "昭和64年1月7日;   accepted; 1989-01-07",
            "令和11年11月30日; accepted; 2029-11-30",
            "２０２４－１２－０２; accepted; 2024-12-02",
            "2025-02-29;      rejected; 存在しない",
            "令和1年4月30日;   rejected; 令和は 2019-05-01 から",
            "令和元年5月1日;   accepted; 2019-05-01",
            "令和1年5月1日;    accepted; 2019-05-01",
            "平成31年4月30日;  accepted; 2019-04-30",
            "平成31年5月1日;   rejected; 平成は 1989-01-08 から 2019-04-30 まで",
            "平成32年1月1日;   rejected; 存在しない日付です。平成は 1989-01-08 から 2019-04-30 までです（2020-01-01 は 令和2年1月1日）",
            "昭和64年1月8日;   rejected; 平成元年1月8日",
            "大正15年12月25日; rejected; 昭和元年12月25日",
            "明治33年1月1日;   accepted; 1900-01-01",
            "明治32年12月31日; rejected; 1900-01-01〜2099-12-31",
            "1900-01-01;      accepted; 1900-01-01",
            "2099-12-31;      accepted; 2099-12-31",
            "0000-01-01;      rejected; 範囲（1900-01-01〜2099-12-31）の外",
            "9999-12-31;      rejected; 範囲（1900-01-01〜2099-12-31）の外",
            "2100-01-01;      rejected; 範囲（1900-01-01〜2099-12-31）の外",
            "令和82年1月1日;   rejected; 範囲（1900-01-01〜2099-12-31）の外",
            "2024/12/2x;      rejected; 存在しない",
            "'';              incomplete; ",
    })
    void dates(String typed, String verdict, String detail) {
        check(DocumentEntry.date(typed, true), verdict, detail);
    }

    @ParameterizedTest(name = "{0}(\"{1}\") → {2}")
    @CsvSource(delimiter = ';', value = {
            "number; 0012;  accepted; 0012",
            "number; 12a;   rejected; 数字だけ",
            "number; '';    incomplete; ",
            "branch; 00;    accepted; 00",
            "branch; 0;     incomplete; 2桁",
            "branch; 001;   rejected; 2桁",
            "branch; '';    accepted; ",
            "symbol; 12-34; accepted; 12-34",
            "symbol; '';    accepted; ",
            "name;   ' 協会　 太郎 '; accepted; 協会 太郎",
            "name;   '';    incomplete; ",
            "sex;    男;    accepted; male",
            "sex;    2;     accepted; female",
            "sex;    x;     rejected; 男 / 女",
    })
    void otherFields(String field, String typed, String verdict, String detail) {
        FieldCheck c = switch (field) {
            case "number" -> DocumentEntry.number(typed);
            case "branch" -> DocumentEntry.branch(typed);
            case "symbol" -> DocumentEntry.symbol(typed);
            case "name" -> DocumentEntry.name(typed);
            default -> DocumentEntry.sex(typed);
        };
        check(c, verdict, detail);
    }

    private static void check(FieldCheck c, String verdict, String detail) {
        switch (verdict) {
            case "accepted" -> assertEquals(detail, assertInstanceOf(FieldCheck.Accepted.class, c).value());
            case "incomplete" -> assertTrue(detail == null || StaffText.entry(assertInstanceOf(FieldCheck.Incomplete.class, c).note()).contains(detail),
                    String.valueOf(c));
            default -> assertTrue(StaffText.entry(assertInstanceOf(FieldCheck.Rejected.class, c).note()).contains(detail), String.valueOf(c));
        }
        if (verdict.equals("incomplete")) {
            assertInstanceOf(FieldCheck.Incomplete.class, c);
        }
    }
}
