package jp.mynadesk.store;

import java.nio.file.Path;
import java.util.Map;

/**
 * Where the record lives: {@code --data DIR}, else {@code $MYNADESK_DATA}, else the platform's user data folder
 * ({@code $XDG_DATA_HOME/mynadesk}, else {@code ~/.local/share/mynadesk}).
 *
 * @param named the user named this folder (option or variable): only the folder itself is created, never its
 *              parents, so a mistyped path fails instead of quietly starting an empty record elsewhere. The
 *              platform default is ours to make, parents included.
 */
public record DataDirectory(Path path, boolean named) {
    public static final String ENV = "MYNADESK_DATA";

    /**
     * @param option the {@code --data} value, or null
     * @throws IllegalArgumentException (Japanese message) for an empty option or variable, or no home folder
     */
    public static DataDirectory resolve(String option, Map<String, String> env) {
        if (option != null) {
            return new DataDirectory(path(option, "--data"), true);
        }
        String variable = env.get(ENV);
        if (variable != null) {
            return new DataDirectory(path(variable, "環境変数 " + ENV), true);
        }
        String xdg = env.get("XDG_DATA_HOME");
        if (xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute()) { // XDG: relative values are to be ignored
            return new DataDirectory(Path.of(xdg, "mynadesk"), false);
        }
        String home = env.get("HOME");
        if (home == null || home.isBlank()) {
            throw new IllegalArgumentException("データフォルダが決まりません。--data DIR または環境変数 " + ENV
                    + " でフォルダを指定してください（HOME も設定されていません）。");
        }
        return new DataDirectory(Path.of(home, ".local", "share", "mynadesk"), false);
    }

    private static Path path(String value, String where) {
        if (value.isBlank()) {
            throw new IllegalArgumentException(where + " が空です。記録を置くフォルダのパスを指定してください。");
        }
        try {
            return Path.of(value);
        } catch (java.nio.file.InvalidPathException e) {
            throw new IllegalArgumentException(where + " はフォルダのパスとして使えません: " + value);
        }
    }
}
