package jp.mynadesk.card;

import java.util.Arrays;

/** A response APDU: the data and the status word. Status words are data; deciding what they mean is the caller's job. */
public record ResponseApdu(byte[] data, int sw) {

    public ResponseApdu {
        data = data.clone();
    }

    /**
     * Splits raw response bytes.
     *
     * @throws MalformedResponseException when fewer than two bytes arrived (no status word at all)
     */
    public static ResponseApdu parse(byte[] raw) {
        if (raw == null || raw.length < 2) {
            throw new MalformedResponseException("response of " + (raw == null ? 0 : raw.length)
                    + " byte(s) has no status word");
        }
        int sw = ((raw[raw.length - 2] & 0xFF) << 8) | (raw[raw.length - 1] & 0xFF);
        return new ResponseApdu(Arrays.copyOf(raw, raw.length - 2), sw);
    }

    @Override
    public byte[] data() {
        return data.clone();
    }

    public int length() {
        return data.length;
    }

    public boolean isOk() {
        return sw == StatusWord.OK;
    }

    public byte[] toBytes() {
        byte[] out = Arrays.copyOf(data, data.length + 2);
        out[data.length] = (byte) (sw >> 8);
        out[data.length + 1] = (byte) sw;
        return out;
    }

    /** Never prints data: responses can carry certificates or personal data. */
    @Override
    public String toString() {
        return "ResponseApdu[" + data.length + " bytes, SW=" + StatusWord.hex(sw) + "]";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ResponseApdu r && r.sw == sw && Arrays.equals(r.data, data);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(data) + sw;
    }
}
