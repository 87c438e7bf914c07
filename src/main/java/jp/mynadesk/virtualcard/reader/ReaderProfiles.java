package jp.mynadesk.virtualcard.reader;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import jp.mynadesk.virtualcard.ProfileException;

/**
 * Reader profiles: the built-in set ({@value #RESOURCE}, one per reader family in {@code firmware-notes/}) and
 * profiles read from JSON files with the fields of {@link ReaderProfile}. The lead's entry point is
 * {@link #resolve(String)}.
 */
public final class ReaderProfiles {
    public static final String RESOURCE = "readers.json";
    /** The profile used when none is asked for: an ideal reader. */
    public static final String DEFAULT = "plain";

    private static final ObjectMapper JSON = JsonMapper.builder()
            .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

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
        if (nameOrFile == null || nameOrFile.isBlank()) {
            throw new ProfileException("no reader profile given: use one of " + names() + " or a JSON file path");
        }
        Optional<ReaderProfile> builtIn = builtIn(nameOrFile);
        if (builtIn.isPresent()) {
            return builtIn.get();
        }
        Path file = Path.of(nameOrFile);
        if (!Files.isRegularFile(file)) {
            throw new ProfileException("unknown reader profile '" + nameOrFile + "': not a built-in profile ("
                    + names() + ") and no such file");
        }
        try {
            return parse(Files.readString(file, StandardCharsets.UTF_8), "reader profile file " + file);
        } catch (IOException e) {
            throw new ProfileException("reader profile file " + file + " cannot be read: " + e.getMessage(), e);
        }
    }

    static ReaderProfile parse(String json, String origin) throws ProfileException {
        try {
            ReaderProfile p = JSON.readValue(json, ReaderProfile.class);
            if (p == null) {
                throw new ProfileException(origin + ": expected a JSON object with the fields of a reader profile");
            }
            return p;
        } catch (JsonProcessingException e) {
            Throwable cause = e.getCause() instanceof IllegalArgumentException || e.getCause() instanceof NullPointerException
                    ? e.getCause() : e;
            String detail = cause == e ? e.getOriginalMessage() : cause.getMessage();
            throw new ProfileException(origin + ": " + detail + " (fields: name, description, note, readerName, atr, t0, "
                    + "extendedApdus, maxResponse, latencyMillis, dropAfterSeconds)", e);
        }
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
                    ReaderProfile p = parse(JSON.writeValueAsString(entry), "built-in reader profile");
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
