package jp.mynadesk.doctor;

import jp.mynadesk.reader.CardReaders;
import jp.mynadesk.reader.ReaderException;

/** How doctor reaches PC/SC: {@link CardReaders#pcsc()} for real, an in-JVM reader or a failing one in tests. */
@FunctionalInterface
public interface PcscAccess {
    CardReaders open() throws ReaderException;
}
