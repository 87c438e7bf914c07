package jp.mynadesk.virtualcard;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import javax.crypto.Cipher;
import jp.mynadesk.card.Jpki;
import jp.mynadesk.card.StatusWord;
import jp.mynadesk.oplog.OperationsLog;
import jp.mynadesk.pki.CardIssuer;
import jp.mynadesk.pki.HolderCertificates;

/**
 * A virtual My Number card at APDU level: the JPKI AP, the 券面事項入力補助AP and a selectable 券面事項確認AP, answering
 * the commands of docs/CARD.md §3 with the status words of §3.7 (what it implements: §8).
 *
 * <p>Modelling choices where the reference is silent ([U]) — hosts must not depend on them:
 * <ul>
 *   <li>SELECT with P2=00 (FCI requested) answers 9000 with no FCI, like P2=0C (§9 q5).</li>
 *   <li>{@code 00 A4 00 xx} (select MF) answers 6A86 with no AP selected, else 9000 leaving the selection as it is,
 *       whatever data follows (§3.1).</li>
 *   <li>READ BINARY with no current EF → 6986; on a key or PIN EF → 6981 (not 6982: verifying would not help);
 *       without Le or with command data → 6700. The SFI form selects the EF even when the read then fails.</li>
 *   <li>VERIFY: PIN data outside 4–16 bytes → 6700 and data that is not printable ASCII → 6A80, neither costs a try
 *       (the card checks the format before comparing; 16 is the token's maxPinLen); anything else that differs from
 *       the PIN, including a 5-digit value for a 4-digit PIN, is a wrong attempt. A wrong attempt also clears that
 *       PIN's verified state. P2=80 with no current EF → 6986; a P2 that names an EF that is not a PIN → 6A88.</li>
 *   <li>A PIN that was never set (the 顔認証 card's PINs; the 署名用 password of a card without the 署名用電子証明書):
 *       its EF is there, the retry query answers 63Cx with the full count as on a plain card, VERIFY with data and
 *       CHANGE answer 6A88 (reference data not found), and what it protects stays locked (6982) (docs/CARD.md §2.6).</li>
 *   <li>CHANGE REFERENCE DATA also accepts P2 = 80|SFI, like VERIFY; it resets the counter and keeps the PIN verified.</li>
 *   <li>COMPUTE DIGITAL SIGNATURE: {@code 00 2A} → 6D00 (CLA 00 is supported, that INS in it is not); P1 00–03 of
 *       §3.5 are supported (04/05 PSS are not → 6A86); P2=00 (AP default key) → 6A86; Le is not checked, the answer is
 *       always the 256-byte signature.</li>
 *   <li>GET CHALLENGE {@code 00 84 00 00 Le}: Le 1–256 random bytes; the extended form → 6985
 *       (firmware-notes/opensc-jpki.md, "self test"); no Le or
 *       command data → 6700; other P1/P2 → 6A86. The bytes come from a generator seeded by the profile name, so a run
 *       is repeatable; nothing on this card depends on them being secret (no external authentication).</li>
 *   <li>Secure-messaging CLA 08/0C: SELECT → 6882, READ BINARY / VERIFY / CHANGE → 69FC (§3.1, §3.2). CLA 80 with
 *       anything but 2A → 6D00; other CLAs (incl. logical channels) → 6E00.</li>
 * </ul>
 */
public final class MyNumberCard implements EmulatedCard {

    /**
     * @param clearOnReselect SELECT of an AP by AID forgets that AP's verified PINs (what OpenSC assumes for logout,
     *                        §3.8); off by default because power-off is the only clearing source-confirmed
     */
    public record Options(boolean clearOnReselect) {
        public static final Options DEFAULT = new Options(false);
    }

    private static final int SW_INCOMPATIBLE_FILE = 0x6981;
    private static final int SW_REFERENCE_NOT_FOUND = 0x6A88;
    private static final int MIN_PIN_BYTES = 4;
    private static final int MAX_PIN_BYTES = 16;
    /** PKCS#1 v1.5 type 1 needs 11 bytes of padding in a 256-byte block (§3.5). */
    private static final int MAX_SIGN_INPUT = 245;
    private static final int SHA256_LENGTH = 32;

    private final CardProfile profile;
    private final Options options;
    private final List<CardApplication> applications;

    /** GET CHALLENGE bytes: seeded, so runs are repeatable (see the class comment). */
    private final java.util.Random challenges;
    /** Procedure bytes of a card that talks T=0 (docs/CARD.md §8.3), or null. */
    private final T0Transport t0;
    private CardApplication currentApp;
    private ElementaryFile currentEf;
    /** How often the last-resort catch in {@link #process} answered 6F00; tests require it to stay 0. */
    private long lastResortAnswers;

    public MyNumberCard(CardProfile profile, HolderCertificates certificates, Options options) {
        this.profile = profile;
        this.options = options;
        this.applications = Personalisation.applications(profile, certificates);
        this.challenges = new java.util.Random(profile.name().hashCode());
        this.t0 = profile.t0() ? new T0Transport() : null;
    }

    /** A card for the profile, with certificates issued by its issuer (the standard test CA unless it names one). */
    public static MyNumberCard of(CardProfile profile) {
        return of(profile, Options.DEFAULT);
    }

    public static MyNumberCard of(CardProfile profile, Options options) {
        return new MyNumberCard(profile, new CardIssuer(profile.issuingCa()).issue(profile.toHolderSpec()), options);
    }

    public CardProfile profile() {
        return profile;
    }

    /** The profile's ATR (docs/CARD.md §1.2), else the one in OpenSC's JPKI table. */
    @Override
    public byte[] atr() {
        return profile.atrBytes();
    }

    @Override
    public void powerOn() {
        clearVolatileState();
        clearT0();
    }

    @Override
    public void powerOff() {
        clearVolatileState();
        clearT0();
    }

    /** Warm reset: selections go, verified PINs stay (§3.8, [myna-card-pcsc]). */
    @Override
    public void reset() {
        currentApp = null;
        currentEf = null;
        clearT0();
    }

    private void clearT0() {
        if (t0 != null) {
            t0.clear();
        }
    }

    /** A card that talks T=0 (profile {@code t0}) answers through {@link T0Transport}; others answer at once. */
    @Override
    public byte[] process(byte[] command) {
        return t0 != null ? t0.exchange(model, command) : answer(command);
    }

    /** The card model itself, as {@link T0Transport} sees it. */
    private final EmulatedCard model = new EmulatedCard() {
        @Override
        public byte[] atr() {
            return MyNumberCard.this.atr();
        }

        @Override
        public void powerOn() {}

        @Override
        public void powerOff() {}

        @Override
        public void reset() {}

        @Override
        public byte[] process(byte[] command) {
            return answer(command);
        }
    };

    private byte[] answer(byte[] command) {
        try {
            return dispatch(command);
        } catch (RuntimeException e) {
            // Never expected: a real chip answers something to every command, so the emulator must too.
            lastResortAnswers++;
            OperationsLog.unexpected("virtualcard", "仮想カードが予期しないエラーで 6F00 を返しました", e);
            return sw(StatusWord.NO_PRECISE_DIAGNOSIS);
        }
    }

    long lastResortAnswers() {
        return lastResortAnswers;
    }

    @Override
    public String toString() {
        return "MyNumberCard[" + profile.name() + "]";
    }

    private void clearVolatileState() {
        reset();
        applications.forEach(CardApplication::clearSecurityState);
    }

    private byte[] dispatch(byte[] command) {
        if (command == null || command.length < 4) {
            return sw(StatusWord.WRONG_LENGTH);
        }
        int cla = command[0] & 0xFF;
        int ins = command[1] & 0xFF;
        boolean secureMessaging = cla == 0x08 || cla == 0x0C;
        if (cla != 0x00 && cla != 0x80 && !secureMessaging) {
            return sw(StatusWord.CLA_NOT_SUPPORTED);
        }
        boolean iso = ins == Jpki.INS_SELECT || ins == Jpki.INS_READ_BINARY || ins == Jpki.INS_VERIFY
                || ins == Jpki.INS_CHANGE_REFERENCE_DATA || ins == Jpki.INS_GET_CHALLENGE;
        if (cla == 0x80 ? ins != Jpki.INS_COMPUTE_SIGNATURE : !iso) {
            return sw(StatusWord.INS_NOT_SUPPORTED);
        }
        if (secureMessaging) {
            return sw(ins == Jpki.INS_SELECT ? StatusWord.SM_NOT_SUPPORTED : StatusWord.SM_CLA_REFUSED);
        }
        Optional<Apdu> parsed = Apdu.parse(command);
        if (parsed.isEmpty()) {
            return sw(StatusWord.WRONG_LENGTH);
        }
        Apdu apdu = parsed.get();
        return switch (ins) {
            case Jpki.INS_SELECT -> select(apdu);
            case Jpki.INS_READ_BINARY -> readBinary(apdu);
            case Jpki.INS_VERIFY -> verify(apdu);
            case Jpki.INS_CHANGE_REFERENCE_DATA -> changeReferenceData(apdu);
            case Jpki.INS_GET_CHALLENGE -> getChallenge(apdu, command.length == 7);
            default -> computeSignature(apdu);
        };
    }

    // --- GET CHALLENGE (pkcs11-tool's C_GenerateRandom) ---

    private byte[] getChallenge(Apdu apdu, boolean extended) {
        if (extended) {
            return sw(StatusWord.CONDITIONS_NOT_SATISFIED);
        }
        if (apdu.p1() != 0 || apdu.p2() != 0) {
            return sw(StatusWord.INCORRECT_P1P2);
        }
        if (apdu.hasData() || apdu.ne() == 0) {
            return sw(StatusWord.WRONG_LENGTH);
        }
        byte[] random = new byte[apdu.ne()];
        challenges.nextBytes(random);
        return withSw(random, StatusWord.OK);
    }

    // --- SELECT (§3.1) ---

    private byte[] select(Apdu apdu) {
        if (apdu.p2() != 0x0C && apdu.p2() != 0x00) {
            return sw(StatusWord.INCORRECT_P1P2);
        }
        switch (apdu.p1()) {
            case 0x04: {
                if (!apdu.hasData()) {
                    return sw(StatusWord.WRONG_LENGTH);
                }
                CardApplication app = applications.stream().filter(a -> a.hasAid(apdu.data())).findFirst().orElse(null);
                if (app == null) {
                    return sw(StatusWord.FILE_NOT_FOUND);
                }
                if (options.clearOnReselect()) {
                    app.clearSecurityState();
                }
                currentApp = app;
                currentEf = null;
                return sw(StatusWord.OK);
            }
            case 0x02: {
                if (apdu.data().length != 2) {
                    return sw(StatusWord.WRONG_LENGTH);
                }
                ElementaryFile ef = currentApp == null ? null : currentApp.file(fid(apdu.data()));
                if (ef == null) {
                    return sw(StatusWord.FILE_NOT_FOUND); // includes 3F00: there is no MF to select (§3.1)
                }
                currentEf = ef;
                return sw(StatusWord.OK);
            }
            case 0x00:
                return sw(currentApp == null ? StatusWord.INCORRECT_P1P2 : StatusWord.OK);
            default:
                return sw(StatusWord.INCORRECT_P1P2);
        }
    }

    // --- READ BINARY (§3.2) ---

    private byte[] readBinary(Apdu apdu) {
        if (apdu.hasData() || apdu.ne() == 0) {
            return sw(StatusWord.WRONG_LENGTH);
        }
        ElementaryFile ef;
        int offset;
        if ((apdu.p1() & 0x80) != 0) {
            int sfi = apdu.p1() & 0x1F;
            if ((apdu.p1() & 0x60) != 0 || sfi == 0 || sfi == 0x1F) {
                return sw(StatusWord.INCORRECT_P1P2);
            }
            ef = currentApp == null ? null : currentApp.file(sfi);
            if (ef == null) {
                return sw(StatusWord.FILE_NOT_FOUND);
            }
            currentEf = ef; // the SFI form selects the EF (ISO 7816-4 §7.2.2)
            offset = apdu.p2();
        } else {
            if (currentEf == null) {
                return sw(StatusWord.COMMAND_NOT_ALLOWED);
            }
            ef = currentEf;
            offset = (apdu.p1() << 8) | apdu.p2();
        }
        if (!(ef instanceof ElementaryFile.Binary file)) {
            return sw(SW_INCOMPATIBLE_FILE);
        }
        if (file.readPin() != null && !currentApp.isVerified(file.readPin())) {
            return sw(StatusWord.SECURITY_STATUS_NOT_SATISFIED);
        }
        byte[] content = file.content();
        if (offset >= content.length) {
            return sw(StatusWord.WRONG_P1P2);
        }
        // A read that runs past the end returns what is there with 9000 (JICSAP 6.4.1(4), §3.2).
        int count = Math.min(apdu.ne(), content.length - offset);
        return withSw(Arrays.copyOfRange(content, offset, offset + count), StatusWord.OK);
    }

    // --- VERIFY (§3.3) and CHANGE REFERENCE DATA (§3.4) ---

    private byte[] verify(Apdu apdu) {
        if (apdu.p1() != 0x00) {
            return sw(StatusWord.INCORRECT_P1P2);
        }
        Reference ref = reference(apdu.p2());
        if (ref.sw() != 0) {
            return sw(ref.sw());
        }
        if (!(ref.file() instanceof ElementaryFile.PinFile pinFile)) {
            return sw(SW_REFERENCE_NOT_FOUND);
        }
        Pin pin = pinFile.pin();
        if (!apdu.hasData()) {
            // Retry query: always 63Cx, even right after a successful VERIFY (OpenSC PR #959 trace), and on a PIN that
            // was never set, as on a plain card (docs/CARD.md §2.6).
            return sw(StatusWord.COUNTER_BASE | pin.triesLeft());
        }
        if (!pin.isSet()) {
            return sw(SW_REFERENCE_NOT_FOUND);
        }
        if (pin.isBlocked()) {
            return sw(StatusWord.PIN_BLOCKED);
        }
        byte[] candidate = apdu.data();
        if (candidate.length < MIN_PIN_BYTES || candidate.length > MAX_PIN_BYTES) {
            return sw(StatusWord.WRONG_LENGTH);
        }
        if (!printableAscii(candidate)) {
            return sw(StatusWord.WRONG_DATA);
        }
        if (pin.attempt(candidate)) {
            currentApp.markVerified(pin);
            return sw(StatusWord.OK);
        }
        currentApp.forget(pin);
        return sw(StatusWord.COUNTER_BASE | pin.triesLeft());
    }

    private byte[] changeReferenceData(Apdu apdu) {
        if (apdu.p1() != 0x01) {
            return sw(StatusWord.INCORRECT_P1P2); // only "new value, old one verified before" is supported
        }
        Reference ref = reference(apdu.p2());
        if (ref.sw() != 0) {
            return sw(ref.sw());
        }
        if (!(ref.file() instanceof ElementaryFile.PinFile pinFile) || !pinFile.pin().isSet()) {
            return sw(SW_REFERENCE_NOT_FOUND);
        }
        Pin pin = pinFile.pin();
        if (pin.isBlocked()) {
            return sw(StatusWord.PIN_BLOCKED);
        }
        if (!currentApp.isVerified(pin)) {
            return sw(StatusWord.SECURITY_STATUS_NOT_SATISFIED);
        }
        if (!apdu.hasData()) {
            return sw(StatusWord.WRONG_LENGTH);
        }
        String newValue = new String(apdu.data(), StandardCharsets.ISO_8859_1);
        if (!pin.format().accepts(newValue)) {
            return sw(StatusWord.WRONG_DATA);
        }
        pin.change(newValue);
        return sw(StatusWord.OK);
    }

    // --- COMPUTE DIGITAL SIGNATURE (§3.5) ---

    private byte[] computeSignature(Apdu apdu) {
        if (apdu.p1() > 0x03 || apdu.p2() == 0x00) {
            return sw(StatusWord.INCORRECT_P1P2);
        }
        Reference ref = reference(apdu.p2());
        if (ref.sw() != 0) {
            return sw(ref.sw());
        }
        if (!(ref.file() instanceof ElementaryFile.Key key)) {
            return sw(SW_REFERENCE_NOT_FOUND);
        }
        if (key.key() == null || !currentApp.isVerified(key.pin())) {
            return sw(StatusWord.SECURITY_STATUS_NOT_SATISFIED); // a key EF with no key has an unset PIN anyway
        }
        byte[] data = apdu.data();
        byte[] input;
        switch (apdu.p1()) {
            case 0x00: // verbatim: the host sends the DigestInfo
                if (data.length < 1 || data.length > MAX_SIGN_INPUT) {
                    return sw(StatusWord.WRONG_LENGTH);
                }
                input = data;
                break;
            case 0x01: // card hashes, bare SHA-256
                if (data.length == 0) {
                    return sw(StatusWord.WRONG_LENGTH);
                }
                input = sha256(data);
                break;
            case 0x02: // host hash, card wraps it in DigestInfo
                if (data.length != SHA256_LENGTH) {
                    return sw(StatusWord.WRONG_LENGTH);
                }
                input = concat(Jpki.DIGEST_INFO_SHA256, data);
                break;
            default: // 03: card hashes and wraps = sha256WithRSA over the message
                if (data.length == 0) {
                    return sw(StatusWord.WRONG_LENGTH);
                }
                input = concat(Jpki.DIGEST_INFO_SHA256, sha256(data));
                break;
        }
        return withSw(rsaSign(key, input), StatusWord.OK);
    }

    /** The private-key operation with PKCS#1 v1.5 type-1 padding (00 01 FF..FF 00 ‖ input). */
    private static byte[] rsaSign(ElementaryFile.Key key, byte[] input) {
        try {
            Cipher rsa = Cipher.getInstance("RSA/ECB/PKCS1Padding");
            rsa.init(Cipher.ENCRYPT_MODE, key.key());
            return rsa.doFinal(input);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("RSA signing failed", e);
        }
    }

    // --- helpers ---

    /** The EF named by P2 of VERIFY / CHANGE / SIGN: 80 = current EF, 80|SFI = that EF of the current AP. */
    private record Reference(ElementaryFile file, int sw) {}

    private Reference reference(int p2) {
        if (p2 == 0x80) {
            return currentEf == null ? new Reference(null, StatusWord.COMMAND_NOT_ALLOWED) : new Reference(currentEf, 0);
        }
        if (p2 > 0x80 && p2 < 0x9F) {
            ElementaryFile ef = currentApp == null ? null : currentApp.file(p2 & 0x1F);
            return ef == null ? new Reference(null, StatusWord.FILE_NOT_FOUND) : new Reference(ef, 0);
        }
        return new Reference(null, StatusWord.INCORRECT_P1P2);
    }

    private static int fid(byte[] two) {
        return ((two[0] & 0xFF) << 8) | (two[1] & 0xFF);
    }

    private static boolean printableAscii(byte[] bytes) {
        for (byte b : bytes) {
            if (b < 0x20 || b > 0x7E) {
                return false;
            }
        }
        return true;
    }

    private static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    private static byte[] withSw(byte[] data, int sw) {
        byte[] out = Arrays.copyOf(data, data.length + 2);
        out[data.length] = (byte) (sw >> 8);
        out[data.length + 1] = (byte) sw;
        return out;
    }

    private static byte[] sw(int sw) {
        return new byte[] {(byte) (sw >> 8), (byte) sw};
    }
}
