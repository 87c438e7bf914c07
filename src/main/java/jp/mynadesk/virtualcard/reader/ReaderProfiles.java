package jp.mynadesk.virtualcard.reader;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import jp.mynadesk.virtualcard.ProfileException;
import jp.mynadesk.virtualcard.ProfileFiles;
import jp.mynadesk.format.JsonProblem;

/**
 * Reader profiles: the built-in set ({@value #RESOURCE}, one per reader family in {@code firmware-notes/}) and
 * profiles read from JSON files with the fields of {@link ReaderProfile}. The lead's entry point is
 * {@link #resolve(String)}.
 *
 * <p>A {@link ProfileException}'s message is Japanese, as the card profiles' are: it names the profile or file and the
 * field, says what is allowed, and repeats nothing from the file (see {@link JsonProblem}).
 */
public final class ReaderProfiles {
    public static final String RESOURCE = "readers.json";
    /** The profile used when none is asked for: an ideal reader. */
    public static final String DEFAULT = "plain";

    private static final ObjectMapper JSON = JsonMapper.builder()
            .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION) // a repeated key is refused, never "last one wins"
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();
    /** What each field allows (the fields of {@link ReaderProfile}, in its order). */
    private static final Map<String, String> HINTS = Map.ofEntries(
            Map.entry("", "リーダープロファイルの項目（name, description, note, readerName, atr, t0, extendedApdus, "
                    + "maxResponse, latencyMillis, dropAfterSeconds）を持つ JSON オブジェクト"),
            Map.entry("name", "プロファイル名の文字列"),
            Map.entry("description", "説明の文字列"),
            Map.entry("note", "firmware-notes/ のメモのファイル名の文字列"),
            Map.entry("readerName", "PC/SC のリーダー名の文字列"),
            Map.entry("atr", "16 進数の大文字の ATR の文字列か null"),
            Map.entry("t0", "true か false"),
            Map.entry("extendedApdus", "true か false"),
            Map.entry("maxResponse", "0 以上の整数（バイト、0 = 制限なし）"),
            Map.entry("latencyMillis", "0 以上の整数（ミリ秒）"),
            Map.entry("dropAfterSeconds", "0 以上の整数（秒、0 = 抜けない）"));
    private static final JsonProblem PROBLEMS = new JsonProblem(HINTS);

    private ReaderProfiles() {}

    /** The built-in profiles in the resource's order ({@value #DEFAULT} first). */
    public static List<ReaderProfile> list() {
        return List.copyOf(BuiltIns.PROFILES.values());
    }

    public static Optional<ReaderProfile> builtIn(String name) {
        return Optional.ofNullable(BuiltIns.PROFILES.get(name));
    }

    /**
     * A built-in profile by name, else a profile JSON file by path.
     *
     * @throws ProfileException naming the allowed names, or the file and what is wrong in it
     */
    public static ReaderProfile resolve(String nameOrFile) throws ProfileException {
        return ProfileFiles.resolve(nameOrFile, "リーダープロファイル", BuiltIns.PROFILES, ReaderProfiles::parse);
    }

    /** @param origin where the text came from ("ファイル x.json"); messages start with it */
    static ReaderProfile parse(String json, String origin) throws ProfileException {
        ReaderProfile p;
        try {
            p = JSON.readValue(json, ReaderProfile.class);
        } catch (JsonProcessingException e) {
            throw new ProfileException(origin + ": " + describe(e), e);
        }
        if (p == null) {
            throw new ProfileException(origin + ": " + PROBLEMS.nullDocument());
        }
        return p;
    }

    /** Jackson's refusal, or the record's own: its checks say it in Japanese, its null checks name the field. */
    private static String describe(JsonProcessingException e) {
        if (!(e instanceof ValueInstantiationException)) {
            return PROBLEMS.describe(e);
        }
        if (e.getCause() instanceof IllegalArgumentException iae) {
            return iae.getMessage();
        }
        if (e.getCause() instanceof NullPointerException npe && npe.getMessage() != null && !npe.getMessage().isEmpty()
                && HINTS.containsKey(npe.getMessage())) {
            String field = npe.getMessage();
            return field + ": 必須の項目です（null は使えません）。" + HINTS.get(field) + "を指定してください。";
        }
        return PROBLEMS.describe(e);
    }

    public static String names() {
        return String.join(", ", BuiltIns.PROFILES.keySet());
    }

    /** Loaded on first use; a broken resource is a build defect, so it fails loudly. */
    private static final class BuiltIns {
        static final Map<String, ReaderProfile> PROFILES = load();

        private static Map<String, ReaderProfile> load() {
            try (InputStream in = ReaderProfiles.class.getResourceAsStream(RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException("built-in reader profiles resource " + RESOURCE + " is missing");
                }
                Map<String, ReaderProfile> byName = new LinkedHashMap<>();
                for (Map<String, Object> entry : JSON.readValue(in, new TypeReference<List<Map<String, Object>>>() {})) {
                    ReaderProfile p = parse(JSON.writeValueAsString(entry), "組み込みのリーダープロファイル");
                    if (byName.putIfAbsent(p.name(), p) != null) {
                        throw new IllegalStateException("duplicate built-in reader profile " + p.name());
                    }
                }
                return java.util.Collections.unmodifiableMap(byName);
            } catch (IOException | ProfileException e) {
                throw new IllegalStateException("built-in reader profiles cannot be read: " + e.getMessage(), e);
            }
        }
    }
}
