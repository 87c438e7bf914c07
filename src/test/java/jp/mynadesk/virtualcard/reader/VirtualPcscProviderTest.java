package jp.mynadesk.virtualcard.reader;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.NoSuchAlgorithmException;
import java.security.Security;
import javax.smartcardio.TerminalFactory;
import org.junit.jupiter.api.Test;

class VirtualPcscProviderTest {

    @Test
    void getInstanceWorksWithoutGlobalRegistration() throws Exception {
        VirtualTerminals terminals = new VirtualTerminals();
        TerminalFactory factory = TerminalFactory.getInstance("PC/SC", terminals, new VirtualPcscProvider());

        assertSame(terminals, factory.terminals());
        assertEquals("PC/SC", factory.getType());
        assertEquals(VirtualPcscProvider.NAME, factory.getProvider().getName());
        assertNull(Security.getProvider(VirtualPcscProvider.NAME));
    }

    @Test
    void convenienceFactoryExposesTheSameTerminals() {
        VirtualTerminals terminals = new VirtualTerminals();
        VirtualTerminal reader = terminals.plug("Reader 0");

        TerminalFactory factory = terminals.factory();

        assertSame(terminals, factory.terminals());
        assertSame(reader, factory.terminals().getTerminal("Reader 0"));
        assertNull(Security.getProvider(VirtualPcscProvider.NAME));
    }

    @Test
    void otherParamsAreRefused() {
        assertThrows(NoSuchAlgorithmException.class,
                () -> TerminalFactory.getInstance("PC/SC", "not terminals", new VirtualPcscProvider()));
        assertThrows(NoSuchAlgorithmException.class,
                () -> TerminalFactory.getInstance("PC/SC", null, new VirtualPcscProvider()));
    }

    @Test
    void spiRejectsWrongParamsDirectly() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new VirtualTerminalFactorySpi(42));
        assertTrue(e.getMessage().contains("VirtualTerminals"));
    }
}
