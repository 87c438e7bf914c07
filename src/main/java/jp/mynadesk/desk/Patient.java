package jp.mynadesk.desk;

import java.time.LocalDate;

/**
 * Who the patient says they are, captured when the service cannot confirm it (provisional visits and
 * 被保険者資格申立書): 氏名・性別・生年月日・住所・連絡先. {@code contact} may be empty for provisional visits.
 */
public record Patient(String name, String sex, LocalDate birthDate, String address, String contact) {}
