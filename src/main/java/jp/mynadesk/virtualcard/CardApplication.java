package jp.mynadesk.virtualcard;

import java.util.Arrays;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An application DF (AP) selected by AID, with its EFs and its security state: which of its PINs are verified.
 * docs/CARD.md §3.8: the verified state belongs to the AP and is forgotten on power-off.
 */
final class CardApplication {
    private final String name;
    private final byte[] aid;
    private final Map<Integer, ElementaryFile> files = new LinkedHashMap<>();
    private final Set<Pin> verified = Collections.newSetFromMap(new IdentityHashMap<>());

    CardApplication(String name, byte[] aid, List<ElementaryFile> files) {
        this.name = name;
        this.aid = aid.clone();
        for (ElementaryFile file : files) {
            this.files.put(file.fid(), file);
        }
    }

    boolean hasAid(byte[] candidate) {
        return Arrays.equals(aid, candidate);
    }

    /** The EF with this FID (or short EF id), or null. */
    ElementaryFile file(int fid) {
        return files.get(fid);
    }

    boolean isVerified(Pin pin) {
        return verified.contains(pin);
    }

    void markVerified(Pin pin) {
        verified.add(pin);
    }

    void forget(Pin pin) {
        verified.remove(pin);
    }

    void clearSecurityState() {
        verified.clear();
    }

    @Override
    public String toString() {
        return name; // never the file contents: the text AP holds the My Number
    }
}
