package jp.mynadesk.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DataDirectoryTest {
    private static final Map<String, String> ENV = Map.of("MYNADESK_DATA", "/srv/desk", "XDG_DATA_HOME", "/x/data",
            "HOME", "/home/clerk");

    @Test
    void optionThenVariableThenPlatform() {
        assertEquals(new DataDirectory(Path.of("/opt/d"), true), DataDirectory.resolve("/opt/d", ENV));
        assertEquals(new DataDirectory(Path.of("/srv/desk"), true), DataDirectory.resolve(null, ENV));
        assertEquals(new DataDirectory(Path.of("/x/data/mynadesk"), false),
                DataDirectory.resolve(null, Map.of("XDG_DATA_HOME", "/x/data", "HOME", "/home/clerk")));
        assertEquals(new DataDirectory(Path.of("/home/clerk/.local/share/mynadesk"), false),
                DataDirectory.resolve(null, Map.of("HOME", "/home/clerk")));
    }

    @Test
    void relativeXdgDataHomeIsIgnored() {
        assertEquals(Path.of("/home/clerk/.local/share/mynadesk"),
                DataDirectory.resolve(null, Map.of("XDG_DATA_HOME", "rel", "HOME", "/home/clerk")).path());
    }

    @Test
    void emptyValuesAndNoHomeAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> DataDirectory.resolve("", ENV));
        assertThrows(IllegalArgumentException.class, () -> DataDirectory.resolve(null, Map.of("MYNADESK_DATA", " ")));
        assertThrows(IllegalArgumentException.class, () -> DataDirectory.resolve(null, Map.of()));
    }
}
