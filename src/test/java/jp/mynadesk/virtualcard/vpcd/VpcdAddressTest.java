package jp.mynadesk.virtualcard.vpcd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class VpcdAddressTest {

    @Test
    void parsesTheUsualForms() {
        assertEquals(new VpcdAddress("127.0.0.1", 35963), VpcdAddress.parse("127.0.0.1:35963"));
        assertEquals(new VpcdAddress("localhost", 35963), VpcdAddress.parse("localhost"));
        assertEquals(new VpcdAddress("127.0.0.1", 35964), VpcdAddress.parse(":35964"));
        assertEquals(new VpcdAddress("::1", 40000), VpcdAddress.parse("[::1]:40000"));
        assertEquals("[::1]:40000", VpcdAddress.parse("[::1]:40000").toString());
        assertEquals("127.0.0.1:35963", VpcdAddress.DEFAULT.toString());
    }

    @Test
    void rejectsNonsenseWithAClearMessage() {
        assertThrows(IllegalArgumentException.class, () -> VpcdAddress.parse(""));
        assertThrows(IllegalArgumentException.class, () -> VpcdAddress.parse("host:port"));
        assertThrows(IllegalArgumentException.class, () -> VpcdAddress.parse("host:70000"));
        assertThrows(IllegalArgumentException.class, () -> VpcdAddress.parse("[::1:5"));
    }
}
