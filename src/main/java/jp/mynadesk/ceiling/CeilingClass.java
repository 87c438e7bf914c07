package jp.mynadesk.ceiling;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** 限度額適用区分 as the online service returns it (OQSCD012, docs/RULES.md §7). */
public enum CeilingClass {
    A01("ア"), A02("イ"), A03("ウ"), A04("エ"), A05("オ"), A06("オ（境）"),
    B01("現役並みⅢ"), B02("現役並みⅡ"), B03("現役並みⅠ"), B04("一般"), B05("低所得Ⅱ"), B06("低所得Ⅰ"),
    B07("低所得Ⅰ（老福）"), B08("低所得Ⅰ（境）"), B09("一般Ⅱ"), B10("一般Ⅰ");

    private final String label;

    CeilingClass(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public String code() {
        return name();
    }

    /** B codes are the 70-and-over classes. */
    public boolean seventyAndOver() {
        return name().startsWith("B");
    }

    public static Optional<CeilingClass> ofCode(String code) {
        String c = code == null ? "" : code.strip().toUpperCase(Locale.ROOT);
        // A loop, not a stream's findFirst: the first findFirst of a run links a method handle, about 4 ms of a cold
        // `ceiling` (docs/ARCHITECTURE.md, "Start-up").
        for (CeilingClass k : values()) {
            if (k.name().equals(c)) {
                return Optional.of(k);
            }
        }
        return Optional.empty();
    }

    public static String known() {
        return Arrays.stream(values()).map(k -> k.name() + " " + k.label).collect(Collectors.joining(", "));
    }
}
