package jp.mynadesk.virtualcard;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import jp.mynadesk.format.JsonProblem;

/**
 * How a card or reader profile option ({@code --virtual}, {@code --reader-profile}) is resolved: a built-in name, else
 * a JSON file; and how a profile file is read. Messages say which kind of profile ({@code kind}) and never repeat the
 * file (see {@link JsonProblem}).
 */
public final class ProfileFiles {
    private ProfileFiles() {}

    /** Parses one profile's JSON text; {@code origin} ("ファイル x.json") starts every message. */
    @FunctionalInterface
    public interface Parser<P> {
        P parse(String json, String origin) throws ProfileException;
    }

    /**
     * The built-in profile named {@code nameOrFile}, else the profile in that file.
     *
     * @param kind what the user calls it ("プロファイル", "リーダープロファイル")
     * @throws ProfileException naming the built-in names, or the file and what is wrong in it
     */
    public static <P> P resolve(String nameOrFile, String kind, Map<String, P> builtIns, Parser<P> parser)
            throws ProfileException {
        String allowed = "組み込みの" + kind + "名（" + String.join(", ", builtIns.keySet()) + "）か、JSON ファイルのパスを指定してください。";
        if (nameOrFile == null || nameOrFile.isBlank()) {
            throw new ProfileException("プロファイルの指定が空です。" + allowed);
        }
        P builtIn = builtIns.get(nameOrFile);
        if (builtIn != null) {
            return builtIn;
        }
        Path file = Path.of(nameOrFile);
        if (!Files.isRegularFile(file)) {
            // what was typed may be shown back (it is not a file's content), without a run of digits like an ID
            String typed = JsonProblem.typed(nameOrFile);
            throw new ProfileException((typed == null ? "指定されたもの" : typed) + " は組み込みの" + kind
                    + "名ではなく、その名前のファイルもありません。" + allowed);
        }
        return load(file, parser);
    }

    /** A profile is a few hundred bytes; anything far larger is not one, and is not read into memory. */
    static final long MAX_BYTES = 1024 * 1024;

    /** Reads one profile from a JSON file (UTF-8): a regular file, not a FIFO or a device, of at most 1 MiB. */
    public static <P> P load(Path file, Parser<P> parser) throws ProfileException {
        String text;
        try {
            if (Files.exists(file) && !Files.isRegularFile(file) && !Files.isDirectory(file)) {
                // a FIFO or a device would block the read or never end
                throw new ProfileException(JsonProblem.file(file) + " は通常のファイルではありません。JSON ファイルのパスを指定してください。");
            }
            if (Files.isRegularFile(file) && Files.size(file) > MAX_BYTES) {
                throw new ProfileException(JsonProblem.file(file) + " は大きすぎます。プロファイルの JSON は 1 MiB までです。");
            }
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ProfileException(JsonProblem.unreadable(file, e), e);
        }
        return parser.parse(text, JsonProblem.file(file));
    }
}
