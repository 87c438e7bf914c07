package jp.mynadesk.virtualcard.reader;

import java.security.Provider;

/**
 * A {@link Provider} offering {@code TerminalFactory.PC/SC} backed by {@link VirtualTerminals}.
 *
 * <p>It is meant to be passed as an object to
 * {@code TerminalFactory.getInstance("PC/SC", terminals, new VirtualPcscProvider())} and never registered with
 * {@link java.security.Security}: registration is JVM-global state, and {@code TerminalFactory.getDefault()} is
 * fixed once per JVM anyway (firmware-notes/pcscd-vpcd.md §2).
 */
public final class VirtualPcscProvider extends Provider {

    /** The provider name; {@code Security.getProvider(NAME)} stays {@code null} because nothing registers it. */
    public static final String NAME = "MynadeskVirtualPCSC";

    public VirtualPcscProvider() {
        super(NAME, "1.0", "In-JVM virtual PC/SC readers holding emulated cards (mynadesk)");
        putService(new Service(this, "TerminalFactory", VirtualTerminalFactorySpi.TYPE,
                VirtualTerminalFactorySpi.class.getName(), null, null));
    }
}
