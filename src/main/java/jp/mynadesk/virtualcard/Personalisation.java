package jp.mynadesk.virtualcard;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import jp.mynadesk.card.Jpki;
import jp.mynadesk.pki.HolderCertificates;

/**
 * Writes a profile and its certificates into the card's applications: the file contents of docs/CARD.md §2.1 (JPKI AP)
 * and §2.2 (券面事項入力補助AP), and an empty 券面事項確認AP (§2.3; its files are not modelled, so they are "not found").
 */
final class Personalisation {
    private static final int CERT_EF_BLOCK = 256;
    private static final int TEXT_EF_BLOCK = 32;
    private static final byte FILLER = (byte) 0xFF;
    private static final byte CERT_PRESENT = (byte) 0x8F;

    private Personalisation() {}

    static List<CardApplication> applications(CardProfile profile, HolderCertificates certs) {
        Pin authPin = profile.faceOnly()
                ? Pin.unset(Pin.Format.FOUR_DIGITS, Jpki.AUTH_PIN_MAX_TRIES)
                : Pin.of(Pin.Format.FOUR_DIGITS, profile.authPin(), Jpki.AUTH_PIN_MAX_TRIES, profile.authTriesLeft());
        boolean sign = profile.hasSignCertificate();
        // No 署名用電子証明書 (under 15, 顔認証): the EFs are there as on every card, the password was never set (§2.6).
        Pin signPin = sign
                ? Pin.of(Pin.Format.SIGNATURE_PASSWORD, profile.signPassword(), Jpki.SIGN_PIN_MAX_TRIES, profile.signTriesLeft())
                : Pin.unset(Pin.Format.SIGNATURE_PASSWORD, Jpki.SIGN_PIN_MAX_TRIES);
        // The 券面事項入力補助 PIN is a separate counter; the profile gives it the auth PIN's digits (as most holders do).
        Pin textPin = profile.faceOnly()
                ? Pin.unset(Pin.Format.FOUR_DIGITS, Jpki.TEXT_PIN_MAX_TRIES)
                : Pin.of(Pin.Format.FOUR_DIGITS, profile.authPin(), Jpki.TEXT_PIN_MAX_TRIES, Jpki.TEXT_PIN_MAX_TRIES);

        List<ElementaryFile> jpki = new ArrayList<>(List.of(
                new ElementaryFile.Binary(Jpki.EF_TOKEN, tokenInfo(profile), null),
                new ElementaryFile.Binary(Jpki.EF_CERT_PRESENCE, new byte[] {sign ? CERT_PRESENT : 0, CERT_PRESENT, 0}, null),
                // Phone tokens keep even the auth certificate behind the auth PIN ([myna-cli], §2.1).
                new ElementaryFile.Binary(Jpki.EF_AUTH_CERT, withFiller(der(certs.authCertificate()), CERT_EF_BLOCK),
                        profile.token().isPhone() ? authPin : null),
                new ElementaryFile.Binary(Jpki.EF_AUTH_CA_CERT, withFiller(der(certs.authCaCertificate()), CERT_EF_BLOCK), null),
                new ElementaryFile.Key(Jpki.EF_AUTH_KEY, certs.authCardKey().getPrivate(), authPin),
                new ElementaryFile.PinFile(Jpki.EF_AUTH_PIN, authPin),
                new ElementaryFile.Binary(Jpki.EF_SIGN_CA_CERT, withFiller(der(certs.signCaCertificate()), CERT_EF_BLOCK), null)));
        // A card without the certificate keeps its EFs (it can be issued later onto the same card, §2.6): the
        // certificate EF holds only filler and the key EF no key; neither can be reached, as the password is unset.
        jpki.add(new ElementaryFile.Binary(Jpki.EF_SIGN_CERT,
                sign ? withFiller(der(certs.signCertificate()), CERT_EF_BLOCK) : withFiller(new byte[0], CERT_EF_BLOCK), signPin));
        jpki.add(new ElementaryFile.Key(Jpki.EF_SIGN_KEY, sign ? certs.signCardKey().getPrivate() : null, signPin));
        jpki.add(new ElementaryFile.PinFile(Jpki.EF_SIGN_PIN, signPin));

        List<ElementaryFile> text = List.of(
                new ElementaryFile.Binary(Jpki.EF_TEXT_MY_NUMBER, myNumberFile(SyntheticMyNumber.derive(profile.name())), textPin),
                new ElementaryFile.Binary(Jpki.EF_TEXT_BASIC_INFO, withFiller(basicInfo(profile.holder()), TEXT_EF_BLOCK), textPin),
                new ElementaryFile.PinFile(Jpki.EF_TEXT_PIN, textPin));

        return List.of(
                new CardApplication("JPKI", Jpki.AID_JPKI, jpki),
                new CardApplication("券面事項入力補助AP", Jpki.AID_TEXT, text),
                new CardApplication("券面事項確認AP", Jpki.AID_SURFACE, List.of()));
    }

    /**
     * EF 0006, 160 bytes: a PKCS#11 CK_TOKEN_INFO as laid out in §2.1 (label, manufacturer, model, serial, eleven
     * big-endian u32 fields, hardware and firmware version, utcTime). Values other than the label are the simulator's own.
     */
    static byte[] tokenInfo(CardProfile profile) {
        ByteBuffer b = ByteBuffer.allocate(160);
        b.put(padded(profile.token().label(), 32));
        b.put(padded("MYNADESK-SIM", 32));
        b.put(padded("SIMCARD1", 16));
        b.put(padded(profile.subjectId().substring(0, 16), 16));
        int[] fields = {0x0000040D, 1, 0, 1, 0, 16, 6, -1, -1, -1, -1};
        for (int f : fields) {
            b.putInt(f);
        }
        b.put(padded("03", 2)).put(padded("01", 2));
        b.put(padded(profile.issued().toString().replace("-", "") + "00000000", 16));
        return b.array();
    }

    /** Text AP EF 0001 (§4.2): FF10 0C + 12 ASCII digits + FF FF = 17 bytes. */
    static byte[] myNumberFile(String twelveDigits) {
        byte[] file = new byte[17];
        file[0] = (byte) 0xFF;
        file[1] = 0x10;
        file[2] = 0x0C;
        System.arraycopy(twelveDigits.getBytes(StandardCharsets.US_ASCII), 0, file, 3, 12);
        file[15] = FILLER;
        file[16] = FILLER;
        return file;
    }

    /**
     * Text AP EF 0002 (§4.3): FF20 { DF21 offsets, DF22 name, DF23 address, DF24 birth, DF25 sex }. The offsets in
     * DF21 count from the start of the file and point at each tag; lengths above 127 use the long form.
     */
    static byte[] basicInfo(CardProfile.Holder holder) {
        byte[][] fields = {
            tlv(0xDF22, holder.name().replace(' ', '\u3000').getBytes(StandardCharsets.UTF_8)),
            tlv(0xDF23, holder.address().getBytes(StandardCharsets.UTF_8)),
            tlv(0xDF24, holder.birthDate().toString().replace("-", "").getBytes(StandardCharsets.US_ASCII)),
            tlv(0xDF25, holder.sex().getBytes(StandardCharsets.US_ASCII)),
        };
        int offsetsTlvLength = 3 + 8;
        int innerLength = offsetsTlvLength + Arrays.stream(fields).mapToInt(f -> f.length).sum();
        int headerLength = 2 + lengthField(innerLength).length;
        ByteBuffer offsets = ByteBuffer.allocate(8);
        int at = headerLength + offsetsTlvLength;
        for (byte[] field : fields) {
            offsets.putShort((short) at);
            at += field.length;
        }
        ByteArrayOutputStream inner = new ByteArrayOutputStream();
        inner.writeBytes(tlv(0xDF21, offsets.array()));
        for (byte[] field : fields) {
            inner.writeBytes(field);
        }
        return tlv(0xFF20, inner.toByteArray());
    }

    /** BER-TLV with a two-byte tag (all tags here are two bytes) and a definite length. */
    static byte[] tlv(int tag, byte[] value) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(tag >> 8);
        out.write(tag & 0xFF);
        out.writeBytes(lengthField(value.length));
        out.writeBytes(value);
        return out.toByteArray();
    }

    static byte[] lengthField(int length) {
        if (length < 0x80) {
            return new byte[] {(byte) length};
        }
        if (length <= 0xFF) {
            return new byte[] {(byte) 0x81, (byte) length};
        }
        return new byte[] {(byte) 0x82, (byte) (length >> 8), (byte) length};
    }

    /**
     * Real EFs are larger than the object they hold (§3.2): pad with FF to the next multiple of {@code block}, always
     * at least one byte, so a host that reads "until error" instead of sizing from the DER/TLV header gets junk.
     */
    static byte[] withFiller(byte[] content, int block) {
        byte[] file = Arrays.copyOf(content, (content.length / block + 1) * block);
        Arrays.fill(file, content.length, file.length, FILLER);
        return file;
    }

    private static byte[] padded(String ascii, int size) {
        byte[] out = new byte[size];
        Arrays.fill(out, (byte) ' ');
        byte[] src = ascii.getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(src, 0, out, 0, Math.min(src.length, size));
        return out;
    }

    private static byte[] der(X509Certificate certificate) {
        try {
            return certificate.getEncoded();
        } catch (CertificateEncodingException e) {
            throw new IllegalStateException("certificate cannot be encoded", e);
        }
    }
}
