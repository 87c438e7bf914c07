package jp.mynadesk.virtualcard.reader;

import java.util.Objects;
import javax.smartcardio.CardTerminals;
import javax.smartcardio.TerminalFactorySpi;

/**
 * The SPI {@code TerminalFactory} instantiates reflectively with the {@code params} object given to
 * {@code getInstance}; that object must be the {@link VirtualTerminals} to expose. (A {@code null} params finds no
 * no-arg constructor, so {@code getInstance} fails with {@code NoSuchAlgorithmException} rather than handing out an
 * empty reader list.)
 */
public final class VirtualTerminalFactorySpi extends TerminalFactorySpi {

    /** The factory type, the same as SunPCSC's so code asking for "PC/SC" gets the virtual readers. */
    public static final String TYPE = "PC/SC";

    private final VirtualTerminals terminals;

    /** Called by {@code Provider.Service.newInstance}; {@code params} must be a {@link VirtualTerminals}. */
    public VirtualTerminalFactorySpi(Object params) {
        Objects.requireNonNull(params, "params");
        if (!(params instanceof VirtualTerminals virtual)) {
            throw new IllegalArgumentException("params must be a VirtualTerminals, not " + params.getClass().getName());
        }
        this.terminals = virtual;
    }

    @Override
    protected CardTerminals engineTerminals() {
        return terminals;
    }
}
