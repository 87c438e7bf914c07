package jp.mynadesk.virtualcard.reader;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;
import jp.mynadesk.virtualcard.EmulatedCard;

/** A small scripted card for reader tests: records power events and the commands it received. */
final class TestCard implements EmulatedCard {

    static final byte[] ATR = HexFormat.of().parseHex("3BE000FF8131FE4514");

    final AtomicInteger powerOns = new AtomicInteger();
    final AtomicInteger powerOffs = new AtomicInteger();
    final AtomicInteger resets = new AtomicInteger();
    final List<String> commands = new CopyOnWriteArrayList<>();
    private final UnaryOperator<byte[]> responder;

    private TestCard(UnaryOperator<byte[]> responder) {
        this.responder = responder;
    }

    /** Answers every command with the command bytes themselves followed by 9000. */
    static TestCard echo() {
        return new TestCard(c -> concat(c, new byte[] {(byte) 0x90, 0}));
    }

    /** 9000 to SELECT (INS A4), 6D00 to anything else. */
    static TestCard selectOnly() {
        return new TestCard(c -> c[1] == (byte) 0xA4 ? sw(0x9000) : sw(0x6D00));
    }

    /** {@code size} data bytes (0, 1, 2, ... mod 256) followed by 9000 for any command. */
    static TestCard withData(int size) {
        return new TestCard(c -> concat(data(size), sw(0x9000)));
    }

    static TestCard answering(UnaryOperator<byte[]> responder) {
        return new TestCard(responder);
    }

    @Override
    public byte[] atr() {
        return ATR.clone();
    }

    @Override
    public void powerOn() {
        powerOns.incrementAndGet();
    }

    @Override
    public void powerOff() {
        powerOffs.incrementAndGet();
    }

    @Override
    public void reset() {
        resets.incrementAndGet();
    }

    @Override
    public byte[] process(byte[] command) {
        commands.add(HexFormat.of().withUpperCase().formatHex(command));
        return responder.apply(command);
    }

    static byte[] data(int size) {
        byte[] out = new byte[size];
        for (int i = 0; i < size; i++) {
            out[i] = (byte) i;
        }
        return out;
    }

    static byte[] sw(int sw) {
        return new byte[] {(byte) (sw >> 8), (byte) sw};
    }

    static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    static byte[] hex(String hex) {
        return HexFormat.of().parseHex(hex);
    }
}
