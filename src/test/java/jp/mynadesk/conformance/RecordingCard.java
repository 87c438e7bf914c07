package jp.mynadesk.conformance;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import jp.mynadesk.virtualcard.EmulatedCard;

/** Passes everything to a card and keeps the command APDUs (hex), so a test can count what a host sent. */
final class RecordingCard implements EmulatedCard {
    private final EmulatedCard card;
    private final List<String> commands = new ArrayList<>();

    RecordingCard(EmulatedCard card) {
        this.card = card;
    }

    synchronized List<String> commands() {
        return List.copyOf(commands);
    }

    synchronized void clear() {
        commands.clear();
    }

    /** APDUs from the last SELECT of {@code fid} up to (not including) the next SELECT: one file's read. */
    synchronized int apdusToRead(String fid) {
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
