package jp.mynadesk.settings;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import jp.mynadesk.pki.TrustAnchors;

/**
 * The {@code trustAnchors} setting's files read into {@link TrustAnchors}: PEM (several certificates each) or DER,
 * regular files of at most {@link #MAX_BYTES} (a named pipe would block the desk). A file that cannot be used is a
 * {@link SettingsException} naming the setting and which file of the list, not its path (docs/CLINIC.md, "Trust").
 */
public final class TrustAnchorFiles {
    public static final long MAX_BYTES = 1024 * 1024;

    private TrustAnchorFiles() {}

    /** The anchors of every file in the setting; {@link TrustAnchors#none()} when it lists none. */
    public static TrustAnchors load(Setting<List<Path>> setting) {
        List<X509Certificate> all = new ArrayList<>();
        int n = 0;
        for (Path file : setting.value()) {
            n++;
            all.addAll(read(file, setting.where() + " の " + n + " 番目のファイル"));
        }
        return all.isEmpty() ? TrustAnchors.none() : TrustAnchors.of(all.toArray(X509Certificate[]::new));
    }

    /** The certificates of one file; {@code where} names it in the message. */
    public static List<X509Certificate> read(Path file, String where) {
        if (!Files.exists(file)) {
            throw new SettingsException(where + ": ファイルがありません。J-LIS の利用者証明用CA証明書（PEM か DER）のパスを確かめてください。");
        }
        try {
            if (!Files.isRegularFile(file) || Files.size(file) > MAX_BYTES) {
                throw new SettingsException(where + ": 証明書のファイル（PEM か DER、1 MiB まで）ではありません。");
            }
            return TrustAnchors.read(file);
        } catch (IOException e) {
            throw new SettingsException(where + ": 証明書（PEM か DER の X.509）として読めません。J-LIS が公開している"
                    + "利用者証明用認証局の証明書ファイルを指定してください。");
        }
    }
}
