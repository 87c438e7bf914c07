package jp.mynadesk.doctor;

import jp.mynadesk.virtualcard.EmulatedCard;

/** A card that is not a My Number card: every command is answered 6A82 (file or application not found). */
final class ForeignCard implements EmulatedCard {
    int commands;

    @Override
    public byte[] atr() {
        return new byte[] {0x3B, (byte) 0x80, (byte) 0x80, 0x01, 0x01};
    }

    @Override
    public void powerOn() {
    }

    @Override
    public void powerOff() {
    }

    @Override
    public void reset() {
    }

    @Override
    public byte[] process(byte[] command) {
        commands++;
        return new byte[] {0x6A, (byte) 0x82};
    }
}
