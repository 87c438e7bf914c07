package jp.mynadesk.doctor;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import jp.mynadesk.virtualcard.EmulatedCard;

/** A card that notes the instruction byte of every command it is sent. */
final class RecordingCard implements EmulatedCard {
    private final EmulatedCard card;
    private final List<String> instructions = new ArrayList<>();

    RecordingCard(EmulatedCard card) {
        this.card = card;
    }

    synchronized List<String> instructions() {
        return List.copyOf(instructions);
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
    public synchronized byte[] process(byte[] command) {
        instructions.add(HexFormat.of().withUpperCase().toHexDigits(command[1]));
        return card.process(command);
    }
}
