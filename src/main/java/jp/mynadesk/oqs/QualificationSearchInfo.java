package jp.mynadesk.oqs;

/**
 * 資格確認照会用情報 {@code QualificationConfirmSearchInfo}: what staff type from a 資格確認書 / お知らせ (照会区分 2).
 *
 * @param insurerNumber        保険者番号: 8 digits, or a 国保 number of 6 digits (zero- or space-padded to 8 on the wire)
 * @param insuredCardSymbol    記号 (optional; absent for 後期高齢者)
 * @param insuredIdentificationNumber 番号
 * @param insuredBranchNumber  枝番, 2 digits (optional)
 * @param birthdate            生年月日 yyyyMMdd
 * @param limitApplicationCertificateRelatedConsFlg 限度額適用認定証提供同意フラグ: "1" when the patient consented orally
 * @param arbitraryIdentifier  the clinic's own per-patient identifier (optional, echoed)
 */
public record QualificationSearchInfo(
        String insurerNumber,
        String insuredCardSymbol,
        String insuredIdentificationNumber,
        String insuredBranchNumber,
        String birthdate,
        String limitApplicationCertificateRelatedConsFlg,
        String arbitraryIdentifier) {

    public boolean limitConsent() {
        return "1".equals(limitApplicationCertificateRelatedConsFlg);
    }
}
