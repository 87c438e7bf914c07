package jp.mynadesk.virtualcard;

import java.io.ByteArrayInputStream;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import jp.mynadesk.pki.CardIssuer;
import jp.mynadesk.pki.HolderCertificates;
import jp.mynadesk.pki.TestCa;

/** Test driver: sends hex APDUs to a fresh {@link MyNumberCard} and remembers the last response. */
final class CardSession {
    static final String SELECT_JPKI = "00A4040C0AD392F000260100000001";
    static final String SELECT_TEXT = "00A4040C0AD3921000310001010408";
    static final String SELECT_SURFACE = "00A4040C0AD3921000310001010402";
    static final String DIGEST_INFO_SHA256 = "3031300D060960864801650304020105000420";

    private static final Map<String, HolderCertificates> ISSUED = new ConcurrentHashMap<>();

    final MyNumberCard card;
    final HolderCertificates certs;
    private byte[] last = new byte[0];

    private CardSession(MyNumberCard card, HolderCertificates certs) {
        this.card = card;
        this.certs = certs;
    }

    static CardSession of(String builtIn) {
        return of(builtIn, MyNumberCard.Options.DEFAULT);
    }

    static CardSession of(String builtIn, MyNumberCard.Options options) {
        return of(CardProfiles.builtIn(builtIn).orElseThrow(), options);
    }

    /** A new card (fresh PIN counters) for the profile; certificates are issued once per profile name. */
    static CardSession of(CardProfile profile, MyNumberCard.Options options) {
        HolderCertificates certs = ISSUED.computeIfAbsent(profile.name() + "|" + profile.toHolderSpec(),
                k -> new CardIssuer(TestCa.standard()).issue(profile.toHolderSpec()));
        MyNumberCard card = new MyNumberCard(profile, certs, options);
        card.powerOn();
        return new CardSession(card, certs);
    }

    /** Sends the command and returns the status word. */
    int send(String hexCommand) {
        return send(hex(hexCommand));
    }

    int send(byte[] command) {
        last = card.process(command);
        if (last.length < 2) {
            throw new AssertionError("response shorter than a status word");
        }
        return ((last[last.length - 2] & 0xFF) << 8) | (last[last.length - 1] & 0xFF);
    }

    /** Response data of the last command (without SW). */
    byte[] data() {
        return Arrays.copyOf(last, last.length - 2);
    }

    int lastLength() {
        return last.length;
    }

    /** SELECT an EF by FID under the current AP. */
    int selectEf(int fid) {
        return send(String.format("00A4020C02%04X", fid));
    }

    /** VERIFY the current-EF PIN with an ASCII value. */
    int verifyCurrent(String pin) {
        return send(apdu(0x00, 0x20, 0x00, 0x80, ascii(pin)));
    }

    int verifySfi(int sfi, String pin) {
        return send(apdu(0x00, 0x20, 0x00, 0x80 | sfi, ascii(pin)));
    }

    /** Reads the whole current EF in 256-byte short reads until 6B00 (fine for tests; hosts must size from headers). */
    byte[] readWholeCurrentEf() {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        for (int offset = 0; ; offset += 256) {
            int sw = send(String.format("00B0%04X00", offset));
            if (sw == 0x6B00) {
                return out.toByteArray();
            }
            if (sw != 0x9000) {
                throw new AssertionError("read failed with " + Integer.toHexString(sw));
            }
            out.writeBytes(data());
        }
    }

    static byte[] apdu(int cla, int ins, int p1, int p2, byte[] data) {
        byte[] out = new byte[5 + data.length];
        out[0] = (byte) cla;
        out[1] = (byte) ins;
        out[2] = (byte) p1;
        out[3] = (byte) p2;
        out[4] = (byte) data.length;
        System.arraycopy(data, 0, out, 5, data.length);
        return out;
    }

    /** Case 4 short: data then Le. */
    static byte[] apdu(int cla, int ins, int p1, int p2, byte[] data, int le) {
        byte[] out = Arrays.copyOf(apdu(cla, ins, p1, p2, data), 6 + data.length);
        out[out.length - 1] = (byte) le;
        return out;
    }

    static byte[] ascii(String s) {
        return s.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    }

    static byte[] hex(String s) {
        return HexFormat.of().parseHex(s.replace(" ", ""));
    }

    static String hex(byte[] b) {
        return HexFormat.of().withUpperCase().formatHex(b);
    }

    static X509Certificate certificate(byte[] der) {
        try {
            return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(new ByteArrayInputStream(der));
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    /** Length of a DER object from its header (tag, then short or long-form length). */
    static int derLength(byte[] head) {
        int first = head[1] & 0xFF;
        if (first < 0x80) {
            return 2 + first;
        }
        int n = first & 0x7F;
        int len = 0;
        for (int i = 0; i < n; i++) {
            len = (len << 8) | (head[2 + i] & 0xFF);
        }
        return 2 + n + len;
    }
}
