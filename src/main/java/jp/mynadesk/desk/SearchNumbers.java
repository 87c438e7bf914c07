package jp.mynadesk.desk;

import java.time.LocalDate;

/** 保険者番号・記号・番号・枝番・生年月日: what a numbers query (照会区分 2) and a re-check send. */
public record SearchNumbers(String insurerNumber, String symbol, String number, String branch, LocalDate birthDate) {}
