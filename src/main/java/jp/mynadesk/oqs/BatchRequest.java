package jp.mynadesk.oqs;

import java.util.List;

/** 資格確認一括照会 upload ({@code OQSmuquc01req}): many search infos under one header. */
public record BatchRequest(
        String qualificationConfirmationDate,
        String medicalInstitutionCode,
        String arbitraryFileIdentifier,
        List<QualificationSearchInfo> searchInfos) {

    public BatchRequest {
        searchInfos = List.copyOf(searchInfos);
    }
}
