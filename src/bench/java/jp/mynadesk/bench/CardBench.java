package jp.mynadesk.bench;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import javax.smartcardio.Card;
import javax.smartcardio.CardChannel;
import javax.smartcardio.CardException;
import javax.smartcardio.CommandAPDU;
import jp.mynadesk.card.JpkiCard;
import jp.mynadesk.card.SmartcardioTransport;

/**
 * Card-path benchmarks over any javax.smartcardio card (the in-JVM reader or pcscd): raw APDU round trips,
 * and the reception's card step "read certificate + verify PIN + sign". Figures, not assertions: the
 * machine is shared, so compare ratios within one run.
 */
public final class CardBench {
    private static final byte[] SELECT_JPKI = {0x00, (byte) 0xA4, 0x04, 0x0C, 0x0A,
        (byte) 0xD3, (byte) 0x92, (byte) 0xF0, 0x00, 0x26, 0x01, 0x00, 0x00, 0x00, 0x01};

    private CardBench() {}

    /** APDU round trips per second: SELECT of the JPKI AP, repeated. */
    public static Rate apduRoundTrips(Card card, int warmup, int count) throws CardException {
        CardChannel channel = card.getBasicChannel();
        CommandAPDU select = new CommandAPDU(SELECT_JPKI);
        for (int i = 0; i < warmup; i++) {
            channel.transmit(select);
        }
        long start = System.nanoTime();
        for (int i = 0; i < count; i++) {
            if (channel.transmit(select).getSW() != 0x9000) {
                throw new CardException("SELECT failed during the benchmark");
            }
        }
        return new Rate(count, System.nanoTime() - start);
    }

    /**
     * The card part of a PIN check, timed per run: SELECT AP + token, read the auth certificate, query retries,
     * VERIFY, sign a SHA-256 digest. Each run starts from SELECT, as a new patient would.
     */
    public static Latency readVerifySign(Card card, char[] pin, int warmup, int runs) {
        JpkiCard jpki = new JpkiCard(new SmartcardioTransport(card.getBasicChannel()));
        byte[] digest = sha256("benchmark challenge");
        long[] nanos = new long[runs];
        for (int i = 0; i < warmup + runs; i++) {
            long start = System.nanoTime();
            jpki.open().orElseThrow();
            jpki.readAuthCertificate().orElseThrow();
            jpki.pinTriesLeft().orElseThrow();
            jpki.verifyPin(pin).orElseThrow();
            jpki.signSha256(digest).orElseThrow();
            if (i >= warmup) {
                nanos[i - warmup] = System.nanoTime() - start;
            }
        }
        return Latency.of(nanos);
    }

    private static byte[] sha256(String s) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(s.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** {@code count} operations in {@code nanos}. */
    public record Rate(int count, long nanos) {
        public double perSecond() {
            return count * 1e9 / nanos;
        }
    }

    /** Per-run latencies in milliseconds. */
    public record Latency(int runs, double medianMs, double p90Ms, double maxMs) {
        static Latency of(long[] nanos) {
            long[] sorted = nanos.clone();
            Arrays.sort(sorted);
            return new Latency(sorted.length, sorted[sorted.length / 2] / 1e6,
                    sorted[(int) Math.min(sorted.length - 1, Math.ceil(sorted.length * 0.9) - 1)] / 1e6,
                    sorted[sorted.length - 1] / 1e6);
        }
    }
}
