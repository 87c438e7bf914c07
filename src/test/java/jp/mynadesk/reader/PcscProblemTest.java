package jp.mynadesk.reader;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.NoSuchAlgorithmException;
import javax.smartcardio.CardException;
import javax.smartcardio.CardNotPresentException;
import jp.mynadesk.virtualcard.CardProfiles;
import jp.mynadesk.virtualcard.MyNumberCard;
import jp.mynadesk.virtualcard.reader.VirtualTerminals;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PcscProblemTest {

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({
        "SCARD_E_NO_SERVICE, SERVICE_DOWN",
        "SCARD_E_SERVICE_STOPPED, SERVICE_DOWN",
        "SCARD_E_NO_READERS_AVAILABLE, NO_READERS",
        "SCARD_E_READER_UNAVAILABLE, READER_GONE",
        "SCARD_E_UNKNOWN_READER, READER_GONE",
        "SCARD_W_REMOVED_CARD, CARD_REMOVED",
        "SCARD_E_NO_SMARTCARD, CARD_REMOVED",
        "SCARD_E_NOT_TRANSACTED, CARD_REMOVED",
        "SCARD_W_RESET_CARD, CARD_RESET",
        "SCARD_E_SHARING_VIOLATION, SHARING_VIOLATION",
        "SCARD_E_TIMEOUT, TIMEOUT",
        "SCARD_W_UNRESPONSIVE_CARD, UNKNOWN_CARD",
        "SCARD_F_INTERNAL_ERROR, OTHER",
    })
    void classifiesByTheScardNameAnywhereInTheCauseChain(String code, PcscProblem expected) {
        // Shaped like SunPCSC: NoSuchAlgorithmException / CardException wrapping a PCSCException named by the code.
        var deep = new NoSuchAlgorithmException("Error constructing TerminalFactory", new CardException("list() failed", new Exception(code)));
        assertEquals(expected, PcscProblem.classify(deep));
    }

    @Test
    void jdkStateMessagesAreClassifiedToo() {
        assertEquals(PcscProblem.CARD_REMOVED, PcscProblem.classify(new IllegalStateException("Card has been removed")));
        assertEquals(PcscProblem.CARD_REMOVED, PcscProblem.classify(new CardNotPresentException("No card present")));
        assertEquals(PcscProblem.NO_READERS, PcscProblem.classify(new IllegalStateException("No terminals available")));
        assertEquals(PcscProblem.OTHER, PcscProblem.classify(new RuntimeException("something else")));
    }

    @Test
    void everyProblemTellsStaffWhatHappenedAndWhatToDo() {
        for (PcscProblem p : PcscProblem.values()) {
            assertFalse(jp.mynadesk.desk.StaffText.message(p).isBlank());
            assertTrue(jp.mynadesk.desk.StaffText.next(p).endsWith("。"), p + ": " + jp.mynadesk.desk.StaffText.next(p));
        }
    }

    @Test
    void readersAreChosenByNameOrUniqueSubstring() throws Exception {
        VirtualTerminals terminals = new VirtualTerminals();
        terminals.plug("SONY FeliCa RC-S300/S (0123) 00 00");
        terminals.plug("ACS ACR39U ICC Reader 00 00").insert(MyNumberCard.of(CardProfiles.resolve("default")));
        CardReaders readers = new CardReaders(terminals.factory());
        assertEquals("ACS ACR39U ICC Reader 00 00", readers.choose("acr39").getName());
        assertEquals("SONY FeliCa RC-S300/S (0123) 00 00", readers.choose(null).getName());
        assertEquals(PcscProblem.NO_READERS, assertThrows(ReaderException.class, () -> readers.choose("00 00")).problem(),
                "ambiguous");
        assertEquals(PcscProblem.NO_READERS, assertThrows(ReaderException.class, () -> readers.choose("gemalto")).problem());
        var listed = readers.list();
        assertEquals(2, listed.size());
        assertEquals("3BE000FF8131FE4514", listed.get(1).atr().orElseThrow());
        assertFalse(listed.get(0).cardPresent());
        assertEquals(PcscProblem.CARD_REMOVED,
                assertThrows(ReaderException.class, () -> readers.connect(readers.choose("RC-S300"), 10)).problem());
    }
}
