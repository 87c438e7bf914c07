package jp.mynadesk.virtualcard.vpcd;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import jp.mynadesk.virtualcard.EmulatedCard;

/**
 * A tiny card for bridge tests: SELECT answers 9000, GET DATA (INS CA) answers the card's name + 9000,
 * INS EE throws (to test the bridge's guard), anything else 6D00. Records power events in order.
 */
final class TestCard implements EmulatedCard {

    static final byte[] ATR = {0x3B, (byte) 0xE0, 0x00, (byte) 0xFF, (byte) 0x81, 0x31, (byte) 0xFE, 0x45, 0x14};
    static final byte[] SELECT = {0x00, (byte) 0xA4, 0x04, 0x0C, 0x03, 0x01, 0x02, 0x03};
    static final byte[] GET_NAME = {0x00, (byte) 0xCA, 0x00, 0x00, 0x00};
    static final byte[] BREAK = {0x00, (byte) 0xEE, 0x00, 0x00};

    private final String name;
    final List<String> events = new CopyOnWriteArrayList<>();

    TestCard(String name) {
        this.name = name;
    }

    @Override
    public byte[] atr() {
        return ATR.clone();
    }

    @Override
    public void powerOn() {
        events.add("powerOn");
    }

    @Override
    public void powerOff() {
        events.add("powerOff");
    }

    @Override
    public void reset() {
        events.add("reset");
    }

    @Override
    public byte[] process(byte[] command) {
        switch (command[1]) {
            case (byte) 0xA4:
                return new byte[] {(byte) 0x90, 0x00};
            case (byte) 0xCA:
                byte[] text = name.getBytes(StandardCharsets.US_ASCII);
                byte[] response = new byte[text.length + 2];
                System.arraycopy(text, 0, response, 0, text.length);
                response[text.length] = (byte) 0x90;
                return response;
            case (byte) 0xEE:
                throw new IllegalStateException("broken on purpose");
            default:
                return new byte[] {0x6D, 0x00};
        }
    }

    static String name(byte[] response) {
        return new String(response, 0, response.length - 2, StandardCharsets.US_ASCII);
    }
}
