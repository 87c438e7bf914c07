package jp.mynadesk.oqs;

import java.util.List;

/** 資格確認一括照会 upload ({@code OQSmuquc01req}): many search infos under one header. */
public record BatchRequest(
        String qualificationConfirmationDate,
        String medicalInstitutionCode,
        String arbitraryFileIdentifier,
        List<QualificationSearchInfo> searchInfos,
        String characterCodeIdentifier) {

    public BatchRequest(String qualificationConfirmationDate, String medicalInstitutionCode, String arbitraryFileIdentifier,
                        List<QualificationSearchInfo> searchInfos) {
        this(qualificationConfirmationDate, medicalInstitutionCode, arbitraryFileIdentifier, searchInfos, null);
    }

    /**
     * Most people one batch may name (mock limit; the service refuses more with EB2003). The client sizes its
     * download limit from it ({@link XmlNode.Limits#BATCH_RESULT}), so a batch the service accepted can always be
     * fetched.
     */
    public static final int MAX_PEOPLE = 5_000;

    public BatchRequest {
        searchInfos = List.copyOf(searchInfos);
    }
}
