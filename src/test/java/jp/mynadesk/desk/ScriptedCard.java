package jp.mynadesk.desk;

import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import jp.mynadesk.card.Jpki;
import jp.mynadesk.virtualcard.CardFault;
import jp.mynadesk.virtualcard.EmulatedCard;

/**
 * A card that knows nothing but its script: each expected command APDU with the response to give (as apdu4j's
 * {@code MockBIBO}). Put on the in-JVM reader, it lets a workflow test say exactly what the desk must send and what
 * the card answers, with no card model, no keys and no pcscd. A command off the script is answered {@code 6F00}
 * and remembered; {@link #assertDone()} fails with it, and with any expected command the desk never sent.
 *
 * <p>The JPKI helpers write the conversation {@code card.JpkiCard} has with a My Number card, step by step.
 */
final class ScriptedCard implements EmulatedCard {
    private static final HexFormat HEX = HexFormat.of().withUpperCase();

    private record Exchange(byte[] command, byte[] response, CardFault fault) {
    }

    private final Deque<Exchange> script = new ArrayDeque<>();
    private final List<String> sent = new ArrayList<>();
    private final List<String> offScript = new ArrayList<>();
    private CardFault pendingFault;

    /** The next command must be {@code command}; the card answers {@code response} (data and SW, hex). */
    ScriptedCard expect(String command, String response) {
        return expect(HEX.parseHex(clean(command)), HEX.parseHex(clean(response)));
    }

    ScriptedCard expect(byte[] command, byte[] response) {
        script.add(new Exchange(command.clone(), response.clone(), null));
        return this;
    }

    /** The next command must be {@code command}, and the card leaves the reader instead of answering it. */
    ScriptedCard leavesOn(String command) {
        script.add(new Exchange(HEX.parseHex(clean(command)), new byte[] {0x6F, 0x00}, new CardFault.LeftReader()));
        return this;
    }

    // --- the JPKI conversation ---------------------------------------------------------------------------

    /** SELECT the JPKI AP, SELECT EF 0006 and READ BINARY the 32-byte token: a plastic My Number card. */
    ScriptedCard opensAsMyNumberCard() {
        return opensWithToken(Jpki.TOKEN_CARD);
    }

    /** As {@link #opensAsMyNumberCard}, with the token of a smartphone (its certificate is read after the PIN). */
    ScriptedCard opensAsAndroid() {
        return opensWithToken(Jpki.TOKEN_ANDROID);
    }

    private ScriptedCard opensWithToken(String name) {
        expect(selectAid(Jpki.AID_JPKI), ok());
        expect(selectEf(Jpki.EF_TOKEN), ok());
        byte[] token = Arrays.copyOf(name.getBytes(StandardCharsets.US_ASCII), 32);
        Arrays.fill(token, name.length(), 32, (byte) ' ');
        return expect(readBinary(0, 32), ok(token));
    }

    /** SELECT EF 000A and read {@code der} as the host reads it: 256 bytes, then the rest in 256-byte chunks. */
    ScriptedCard holdsCertificate(byte[] der) {
        expect(selectEf(Jpki.EF_AUTH_CERT), ok());
        for (int offset = 0; offset < der.length; offset += 256) {
            int asked = offset == 0 ? 256 : Math.min(256, der.length - offset);
            int given = Math.min(asked, der.length - offset);
            expect(readBinary(offset, asked), ok(Arrays.copyOfRange(der, offset, offset + given)));
        }
        return this;
    }

    /** SELECT EF 0018 and the empty VERIFY: {@code left} tries on the auth PIN (63Cx). */
    ScriptedCard triesLeft(int left) {
        expect(selectEf(Jpki.EF_AUTH_PIN), ok());
        return expect(new byte[] {0x00, 0x20, 0x00, (byte) 0x80}, sw(0x63C0 | left));
    }

    /** SELECT EF 0018 and VERIFY with {@code pin}; the card answers {@code sw}. */
    ScriptedCard verify(String pin, int sw) {
        expect(selectEf(Jpki.EF_AUTH_PIN), ok());
        byte[] command = new byte[5 + pin.length()];
        command[1] = 0x20;
        command[3] = (byte) 0x80;
        command[4] = (byte) pin.length();
        System.arraycopy(pin.getBytes(StandardCharsets.US_ASCII), 0, command, 5, pin.length());
        return expect(command, sw(sw));
    }

    /** SELECT EF 0017 and COMPUTE DIGITAL SIGNATURE over DigestInfo(SHA-256, {@code digest}); answers {@code signature}. */
    ScriptedCard signs(byte[] digest, byte[] signature) {
        expect(selectEf(Jpki.EF_AUTH_KEY), ok());
        byte[] digestInfo = concat(Jpki.DIGEST_INFO_SHA256, digest);
        byte[] command = new byte[5 + digestInfo.length + 1];
        command[0] = (byte) 0x80;
        command[1] = 0x2A;
        command[3] = (byte) 0x80;
        command[4] = (byte) digestInfo.length;
        System.arraycopy(digestInfo, 0, command, 5, digestInfo.length);
        return expect(command, ok(signature));
    }

    static byte[] selectAid(byte[] aid) {
        return concat(new byte[] {0x00, (byte) 0xA4, 0x04, 0x0C, (byte) aid.length}, aid);
    }

    static byte[] selectEf(int fid) {
        return new byte[] {0x00, (byte) 0xA4, 0x02, 0x0C, 0x02, (byte) (fid >> 8), (byte) fid};
    }

    static byte[] readBinary(int offset, int length) {
        return new byte[] {0x00, (byte) 0xB0, (byte) ((offset >> 8) & 0x7F), (byte) offset, (byte) (length == 256 ? 0 : length)};
    }

    static byte[] ok(byte[]... data) {
        byte[] out = new byte[0];
        for (byte[] d : data) {
            out = concat(out, d);
        }
        return concat(out, new byte[] {(byte) 0x90, 0x00});
    }

    static byte[] sw(int sw) {
        return new byte[] {(byte) (sw >> 8), (byte) sw};
    }

    // --- the card ------------------------------------------------------------------------------------------

    /** Every command the desk sent, in hex, in order. */
    List<String> sent() {
        return List.copyOf(sent);
    }

    /** The desk sent exactly the script: nothing off it, nothing left out. */
    void assertDone() {
        if (!offScript.isEmpty()) {
            throw new AssertionError("commands off the script: " + offScript + "\nsent: " + sent);
        }
        if (!script.isEmpty()) {
            throw new AssertionError("expected but never sent: " + HEX.formatHex(script.peek().command())
                    + " (and " + (script.size() - 1) + " more)\nsent: " + sent);
        }
    }

    @Override
    public byte[] atr() {
        return Jpki.ATR.clone();
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
        String hex = HEX.formatHex(command);
        sent.add(hex);
        Exchange next = script.peek();
        if (next == null || !Arrays.equals(next.command(), command)) {
            offScript.add(hex + (next == null ? " (script ended)" : " (expected " + HEX.formatHex(next.command()) + ")"));
            return new byte[] {0x6F, 0x00};
        }
        script.poll();
        pendingFault = next.fault();
        return next.response().clone();
    }

    @Override
    public Optional<CardFault> takeFault() {
        CardFault fault = pendingFault;
        pendingFault = null;
        return Optional.ofNullable(fault);
    }

    private static String clean(String hex) {
        return hex.replace(" ", "");
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
