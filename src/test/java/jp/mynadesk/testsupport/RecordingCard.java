package jp.mynadesk.testsupport;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import jp.mynadesk.virtualcard.EmulatedCard;

/** Passes everything to a card and keeps the command APDUs (hex), so a test can count what a host sent. */
public final class RecordingCard implements EmulatedCard {
    private final EmulatedCard card;
    private final List<String> commands = new ArrayList<>();

    public RecordingCard(EmulatedCard card) {
        this.card = card;
    }

    public synchronized List<String> commands() {
        return List.copyOf(commands);
    }

    /** The instruction byte (INS, hex) of every command, in order. */
    public synchronized List<String> instructions() {
        return commands.stream().map(c -> c.substring(2, 4)).toList();
    }

    public synchronized void clear() {
        commands.clear();
    }

    /** APDUs from the last SELECT of {@code fid} up to (not including) the next SELECT: one file's read. */
    public synchronized int apdusToRead(String fid) {
        String select = "00A4020C02" + fid;
        int start = commands.lastIndexOf(select);
        if (start < 0) {
            throw new AssertionError("EF " + fid + " was never selected: " + commands);
        }
        int end = start + 1;
        while (end < commands.size() && !commands.get(end).startsWith("00A4")) {
            end++;
        }
        return end - start;
    }

    @Override
    public byte[] atr() {
        return card.atr();
    }

    @Override
    public void powerOn() {
        card.powerOn();
    }

    @Override
    public void powerOff() {
        card.powerOff();
    }

    @Override
    public void reset() {
        card.reset();
    }

    @Override
    public byte[] process(byte[] command) {
        synchronized (this) {
            commands.add(HexFormat.of().withUpperCase().formatHex(command));
        }
        return card.process(command);
    }
}
