package jp.mynadesk.virtualcard;

import java.security.PrivateKey;

/** An EF inside a card application (docs/CARD.md §2). Only transparent EFs can be read; key and PIN EFs are used. */
sealed interface ElementaryFile {

    /** File identifier; for 0001–001E it doubles as the short EF identifier (docs/CARD.md §3.2). */
    int fid();

    /**
     * A transparent EF.
     *
     * @param readPin the PIN that must be verified in this application before READ BINARY; null = free to read
     */
    record Binary(int fid, byte[] content, Pin readPin) implements ElementaryFile {}

    /** A private key EF (0017, 001A): COMPUTE DIGITAL SIGNATURE needs {@code pin} verified. */
    record Key(int fid, PrivateKey key, Pin pin) implements ElementaryFile {}

    /** A PIN EF (0018, 001B, text AP 0011): the target of VERIFY and CHANGE REFERENCE DATA. */
    record PinFile(int fid, Pin pin) implements ElementaryFile {}
}
