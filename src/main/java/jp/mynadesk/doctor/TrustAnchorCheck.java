package jp.mynadesk.doctor;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import javax.naming.InvalidNameException;
import javax.naming.ldap.LdapName;
import javax.naming.ldap.Rdn;
import jp.mynadesk.pki.TrustAnchors;

/**
 * One trust-anchor file of the settings (J-LIS 利用者証明用 CA certificates, PEM or DER): there, parses, each
 * certificate a CA, valid today and for more than {@value #WARN_DAYS} days, with its SHA-256 fingerprint so the clinic
 * can compare it with the one J-LIS publishes. {@link #none} is the line for no anchors at all.
 */
public final class TrustAnchorCheck implements Check {
    public static final String NAME = "trust-anchor";
    /** Fewer days of validity left than this is a warning. */
    public static final int WARN_DAYS = 90;
    /** A trust-anchor file is a certificate or a few; anything larger is not one. */
    static final long MAX_BYTES = 1 << 20;
    private static final ZoneOffset JAPAN = ZoneOffset.ofHours(9);
    private static final String INSTALL = "J-LIS（地方公共団体情報システム機構）の公的個人認証サービスが公開する利用者証明用 CA 証明書を入手し、"
            + "mynadesk setup で trustAnchors に設定してください。";

    private final Path file;
    private final Clock clock;

    public TrustAnchorCheck(Path file, Clock clock) {
        this.file = file;
        this.clock = clock;
    }

    /**
     * The line when no anchor is configured: in clinic mode no card check can start (異常); with the mock service
     * (simulation) the simulator's own CA is trusted, so it is only a warning.
     */
    public static Check none(boolean simulation) {
        return new Check() {
            @Override
            public String name() {
                return NAME;
            }

            @Override
            public Finding run() {
                if (simulation) {
                    return Finding.warning(NAME, "信頼する CA 証明書（trustAnchors）が設定されていません。練習モードでは模擬 CA だけを信頼します。",
                            "本番で使う前に、" + INSTALL);
                }
                return Finding.problem(NAME, "信頼する CA 証明書（trustAnchors）が設定されていません。このままでは本物のカードの確認を始められません。",
                        INSTALL);
            }
        };
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Finding run() {
        if (!Files.exists(file)) {
            return Finding.problem(NAME, "CA 証明書のファイル " + file + " がありません。", "パスを確かめるか、" + INSTALL);
        }
        try {
            if (!Files.isRegularFile(file) || Files.size(file) > MAX_BYTES) {
                return Finding.problem(NAME, file + " は CA 証明書のファイルではありません（通常のファイルで 1 MiB まで）。", INSTALL);
            }
        } catch (IOException e) {
            return unreadable();
        }
        if (!Files.isReadable(file)) {
            return unreadable();
        }
        List<X509Certificate> certs;
        try {
            certs = TrustAnchors.read(file);
        } catch (IOException e) {
            return Finding.problem(NAME, file + " を CA 証明書（PEM または DER）として読めません。", "ファイルが壊れていないか確かめ、" + INSTALL);
        }
        Instant now = clock.instant();
        Status worst = Status.OK;
        List<String> parts = new ArrayList<>();
        List<String> nexts = new ArrayList<>();
        for (X509Certificate c : certs) {
            LocalDate until = c.getNotAfter().toInstant().atOffset(JAPAN).toLocalDate();
            long daysLeft = Duration.between(now, c.getNotAfter().toInstant()).toDays();
            String state;
            if (now.isBefore(c.getNotBefore().toInstant())) {
                worst = worst.worse(Status.PROBLEM);
                state = "まだ有効期間前（" + c.getNotBefore().toInstant().atOffset(JAPAN).toLocalDate() + " から）";
                nexts.add("この PC の時計が正しいか、証明書が正しいものか確かめてください。");
            } else if (now.isAfter(c.getNotAfter().toInstant())) {
                worst = worst.worse(Status.PROBLEM);
                state = "有効期限切れ（" + until + " まで）";
                nexts.add("新しい CA 証明書に替えてください。" + INSTALL);
            } else if (daysLeft <= WARN_DAYS) {
                worst = worst.worse(Status.WARNING);
                state = "有効期限 " + until + "（残り " + daysLeft + " 日）";
                nexts.add("期限が近づいています。J-LIS の新しい CA 証明書を入手して追加してください。");
            } else {
                state = "有効期限 " + until + "（残り " + daysLeft + " 日）";
            }
            if (c.getBasicConstraints() < 0) {
                worst = worst.worse(Status.WARNING);
                state += "、CA 証明書ではありません";
                nexts.add("カードの証明書ではなく、それを発行した CA の証明書を設定してください。");
            }
            parts.add(commonName(c) + ": " + state + "、SHA-256 " + fingerprint(c));
        }
        String message = "CA 証明書 " + file + " — " + String.join("; ", parts) + "。";
        if (worst == Status.OK) {
            return Finding.ok(NAME, message, "指紋（SHA-256）が J-LIS の公表する値と一致することを一度確かめてください。");
        }
        return new Finding(NAME, worst, message, String.join(" ", nexts.stream().distinct().toList()));
    }

    private Finding unreadable() {
        return Finding.problem(NAME, "CA 証明書のファイル " + file + " を読めません。", "ファイルの権限を確かめてください（受付を動かす利用者が読めること）。");
    }

    /** The subject's CN, else the whole subject. */
    static String commonName(X509Certificate c) {
        String dn = c.getSubjectX500Principal().getName();
        try {
            for (Rdn rdn : new LdapName(dn).getRdns()) {
                if (rdn.getType().equalsIgnoreCase("CN")) {
                    return String.valueOf(rdn.getValue());
                }
            }
        } catch (InvalidNameException e) {
            // shown whole below
        }
        return dn;
    }

    /** AA:BB:… over the DER encoding, as certificate viewers show it. */
    public static String fingerprint(X509Certificate c) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(c.getEncoded());
            return HexFormat.ofDelimiter(":").withUpperCase().formatHex(d);
        } catch (NoSuchAlgorithmException | CertificateEncodingException e) {
            throw new IllegalStateException(e);
        }
    }
}
