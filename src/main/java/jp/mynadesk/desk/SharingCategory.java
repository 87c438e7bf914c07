package jp.mynadesk.desk;

import java.util.Optional;
import jp.mynadesk.oqs.ConsentCategory;
import jp.mynadesk.format.Coded;

/** The four information-sharing consents asked at the desk, with their JSON names and the service's category. */
public enum SharingCategory implements Coded {
    DIAGNOSIS("diagnosis", ConsentCategory.DIAGNOSIS),
    DRUG("drug", ConsentCategory.PHARMACISTS),
    CHECKUP("checkup", ConsentCategory.SPECIFIC_HEALTH_CHECKUPS),
    SURGERY("surgery", ConsentCategory.OPERATION);

    private final String code;
    private final ConsentCategory service;

    SharingCategory(String code, ConsentCategory service) {
        this.code = code;
        this.service = service;
    }

    @Override
    public String code() {
        return code;
    }

    public ConsentCategory service() {
        return service;
    }

    public String label() {
        return service.label();
    }

    public static Optional<SharingCategory> fromCode(String code) {
        return Coded.find(values(), code);
    }
}
