package jp.mynadesk.store;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A record shared by several desks in PostgreSQL: {@code --db JDBC-URL}, else {@code $MYNADESK_DB}. The password
 * never comes from the command line (other users see it in the process list) nor from the URL: it is taken from
 * {@code $MYNADESK_DB_PASSWORD}, else {@code $PGPASSWORD}, else a file named by {@code --db-password-file} or
 * {@code $MYNADESK_DB_PASSWORD_FILE} that only its owner may read. {@link #toString()} never shows it.
 *
 * @param url          {@code jdbc:postgresql://host[:port]/database[?user=…&currentSchema=…]}, without a password
 * @param password     null: none (trust or peer authentication)
 * @param auditKeyFile the record's audit key, the same file (a copy) at every desk: {@code $MYNADESK_AUDIT_KEY_FILE};
 *                     null: the desk's data folder's {@value Seal#KEY_FILE} (see {@link Seal#shared})
 */
public record SharedDatabase(String url, String password, Path auditKeyFile) {
    /** A shared record whose audit key is in each desk's data folder. */
    public SharedDatabase(String url, String password) {
        this(url, password, null);
    }

    public static final String ENV = "MYNADESK_DB";
    public static final String PASSWORD_ENV = "MYNADESK_DB_PASSWORD";
    public static final String PASSWORD_FILE_ENV = "MYNADESK_DB_PASSWORD_FILE";
    private static final String PREFIX = "jdbc:postgresql://";

    /**
     * The shared database the user named, or null for the data directory's SQLite file.
     *
     * @param option       the {@code --db} value, or null
     * @param passwordFile the {@code --db-password-file} value, or null
     * @throws IllegalArgumentException (Japanese message naming the option) for a URL or password file not allowed
     */
    public static SharedDatabase resolve(String option, String passwordFile, Map<String, String> env) {
        String where = option != null ? "--db" : "環境変数 " + ENV;
        String url = option != null ? option : env.get(ENV);
        return url == null ? null : resolveUrl(url, where, passwordFile, env);
    }

    /**
     * The shared database at {@code url} (from the settings file's {@code record}, docs/CLINIC.md).
     *
     * @param where how the message names where the URL came from
     */
    public static SharedDatabase resolveUrl(String url, String where, String passwordFile, Map<String, String> env) {
        url = url.strip();
        if (!url.startsWith(PREFIX) || url.length() == PREFIX.length()) {
            throw new IllegalArgumentException(where + " には PostgreSQL の JDBC URL を指定してください（例: "
                    + PREFIX + "db.example:5432/mynadesk?user=desk）。");
        }
        String lower = url.toLowerCase(Locale.ROOT);
        String authority = url.substring(PREFIX.length()).split("[/?]", 2)[0];
        if (lower.contains("password=") || authority.contains("@")) {
            // Not echoed: the value holds the secret.
            throw new IllegalArgumentException(where + " にパスワードを書かないでください。パスワードは環境変数 "
                    + PASSWORD_ENV + "（または PGPASSWORD）か、本人だけが読めるファイル（--db-password-file）で渡します。");
        }
        return new SharedDatabase(url, password(passwordFile, env), auditKeyFile(env));
    }

    private static Path auditKeyFile(Map<String, String> env) {
        String file = env.get(Seal.KEY_FILE_ENV);
        if (file == null) {
            return null;
        }
        if (file.isBlank()) {
            throw new IllegalArgumentException("環境変数 " + Seal.KEY_FILE_ENV + " が空です。監査鍵のファイルのパスを指定してください。");
        }
        try {
            return Path.of(file);
        } catch (java.nio.file.InvalidPathException e) {
            throw new IllegalArgumentException("環境変数 " + Seal.KEY_FILE_ENV + " はファイルのパスとして使えません: " + file);
        }
    }

    private static String password(String fileOption, Map<String, String> env) {
        String fromEnv = env.get(PASSWORD_ENV) != null ? env.get(PASSWORD_ENV) : env.get("PGPASSWORD");
        String file = fileOption != null ? fileOption : env.get(PASSWORD_FILE_ENV);
        String where = fileOption != null ? "--db-password-file" : "環境変数 " + PASSWORD_FILE_ENV;
        if (file == null) {
            return fromEnv;
        }
        Path path = Path.of(file);
        if (!Files.isRegularFile(path)) {
            throw new IllegalArgumentException(where + ": パスワードのファイルがありません: " + path);
        }
        try {
            Set<PosixFilePermission> perms = Files.getPosixFilePermissions(path);
            if (perms.contains(PosixFilePermission.GROUP_READ) || perms.contains(PosixFilePermission.OTHERS_READ)
                    || perms.contains(PosixFilePermission.GROUP_WRITE) || perms.contains(PosixFilePermission.OTHERS_WRITE)) {
                throw new IllegalArgumentException(where + ": パスワードのファイル " + path
                        + " は他の人も読み書きできます。本人だけが読めるようにしてください（chmod 600 " + path + "）。");
            }
            String first = Files.readString(path, StandardCharsets.UTF_8).lines().findFirst().orElse("");
            if (first.isEmpty()) {
                throw new IllegalArgumentException(where + ": パスワードのファイル " + path + " の1行目が空です。");
            }
            return first;
        } catch (UnsupportedOperationException e) {
            throw new IllegalArgumentException(where + ": このファイルシステムでは権限を確かめられません: " + path);
        } catch (IOException e) {
            throw new IllegalArgumentException(where + ": パスワードのファイルを読めません: " + path);
        }
    }

    @Override
    public String toString() {
        return url + (password == null ? "" : " (password set)");
    }
}
