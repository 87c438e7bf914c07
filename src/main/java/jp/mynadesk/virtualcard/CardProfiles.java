package jp.mynadesk.virtualcard;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.type.LogicalType;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import jp.mynadesk.format.JsonProblem;
import jp.mynadesk.format.JsonText;
import jp.mynadesk.pki.CaFiles;

/**
 * Card profiles: the built-in set ({@value #RESOURCE}, in file order) and profiles read from JSON files.
 *
 * <p>A profile file holds one JSON object with the fields of {@link CardProfile}; dates are {@code "YYYY-MM-DD"},
 * {@code token} is {@code "card"}, {@code "android"} or {@code "iphone"}. Unknown fields are refused so that a
 * misspelt field does not silently fall back to its default.
 *
 * <p>A {@link ProfileException}'s message is Japanese and goes on from "カードプロファイルを読み込めません。" (the CLI
 * puts that, and the option, in front): it names the profile or file and the field, says what is allowed, and repeats
 * nothing from the file (see {@link JsonProblem}).
 */
public final class CardProfiles {
    /** Classpath resource (next to this class) with the built-in profiles, a JSON array. */
    public static final String RESOURCE = "profiles.json";

    /**
     * The mapper that binds a profile whenever {@link #bindPlain} declines the text, and so gives every error its
     * message. Built on first use only: building it costs a cold JVM about 100 ms (its deserializer machinery), more
     * than the rest of reading the built-in profiles, and a well-formed profile never needs it.
     */
    private static final class Mapper {
        static final ObjectMapper JSON = JsonMapper.builder()
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION) // a repeated key is refused, never "last one wins"
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                // PINs and dates are strings: "authPin": 0123 must not quietly become "123".
                .withCoercionConfig(LogicalType.Textual, c -> c.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
                .build();

        /** What each field allows, for the mapper's errors (the fields of {@link CardProfile}, docs/CARD.md). */
        static final String PROBLEMS_HINT_PATH = "ファイルのパスの文字列（プロファイルのファイルからの相対パスか絶対パス）を指定してください。";

        static final JsonProblem PROBLEMS = new JsonProblem(Map.ofEntries(
                Map.entry("", "カードプロファイルの項目（name, holder, issued など）を持つ JSON オブジェクト"),
                Map.entry("name", "プロファイル名の文字列（英小文字 a-z・数字・- の 1〜63 文字）"),
                Map.entry("description", "文字列"),
                Map.entry("holder", "名義人のオブジェクト（name, kana, birthDate, sex, address）"),
                Map.entry("holder.name", "氏名の文字列"),
                Map.entry("holder.kana", "フリガナの文字列"),
                Map.entry("holder.birthDate", DATE),
                Map.entry("holder.sex", "\"1\"、\"2\"、\"9\" のいずれかの文字列"),
                Map.entry("holder.address", "住所の文字列"),
                Map.entry("issued", DATE),
                Map.entry("certificateExpiry", DATE),
                Map.entry("authPin", "数字 4 桁の文字列（例 \"1234\"）"),
                Map.entry("authTriesLeft", "0 以上 3 以下の整数（残りの試行回数、0 = ロック）"),
                Map.entry("signPassword", "英大文字 A-Z と数字 0-9 の 6〜16 文字の文字列"),
                Map.entry("signTriesLeft", "0 以上 5 以下の整数（残りの試行回数、0 = ロック）"),
                Map.entry("token", "文字列（card, android, iphone のいずれか）"),
                Map.entry("faceOnly", "true か false"),
                Map.entry("revoked", "true か false"),
                Map.entry("mismatchedKey", "true か false"),
                Map.entry("subjectId", "数字 0-9 と英大文字 A-Z の 23 文字の文字列"),
                Map.entry("issuer", "発行元 CA のオブジェクト（certificate, key）"),
                Map.entry("atr", "ATR を 16 進数の大文字で書いた文字列（例 3BDA13FF8131FB468012392F31C173C601C03B）"),
                Map.entry("t0", "true か false"),
                Map.entry("issuer.certificate", "CA 証明書のファイルのパスの文字列（PEM か DER、プロファイルのファイルからの相対パス）"),
                Map.entry("issuer.key", "CA の秘密鍵のファイルのパスの文字列（PEM、プロファイルのファイルからの相対パス）")));
    }

    /** The JSON field names of {@link JsonProfile} and {@link JsonHolder}, for {@link #bindPlain}. */
    private static final Set<String> PROFILE_FIELDS = Set.of("name", "description", "holder", "issued",
            "certificateExpiry", "authPin", "authTriesLeft", "signPassword", "signTriesLeft", "token", "faceOnly",
            "revoked", "mismatchedKey", "subjectId", "issuer", "atr", "t0");
    private static final Set<String> HOLDER_FIELDS = Set.of("name", "kana", "birthDate", "sex", "address");

    private static final String DATE = "日付の文字列（YYYY-MM-DD、例 2025-10-27）";


    private CardProfiles() {}

    /** The built-in profiles in a stable order (the resource's order; {@code default} first). */
    public static List<CardProfile> list() {
        return List.copyOf(BuiltIns.PROFILES.values());
    }

    public static Optional<CardProfile> builtIn(String name) {
        return Optional.ofNullable(BuiltIns.PROFILES.get(name));
    }

    /** A built-in profile by name, else a profile file by path (its {@code issuer} files relative to it). */
    public static CardProfile resolve(String nameOrFile) throws ProfileException {
        return ProfileFiles.resolve(nameOrFile, "プロファイル", BuiltIns.PROFILES,
                (json, origin) -> parse(json, origin, Path.of(nameOrFile).toAbsolutePath().getParent()));
    }

    /** Reads one profile object from a JSON file (UTF-8); its {@code issuer} files are relative to it. */
    public static CardProfile load(Path file) throws ProfileException {
        return ProfileFiles.load(file, (json, origin) -> parse(json, origin, file.toAbsolutePath().getParent()));
    }

    /**
     * Parses one profile object.
     *
     * @param origin where the text came from, for the message (e.g. "ファイル x.json"); messages start with it
     */
    public static CardProfile parse(String json, String origin) throws ProfileException {
        return parse(json, origin, null);
    }

    /**
     * Parses one profile object whose {@code issuer} paths are relative to {@code base} (the profile file's folder;
     * null: the working directory).
     */
    public static CardProfile parse(String json, String origin, Path base) throws ProfileException {
        JsonNode tree;
        try {
            tree = JsonText.read(json);
        } catch (JsonProcessingException | RuntimeException e) {
            tree = null; // the mapper below says what is wrong, as it always has
        }
        JsonProfile raw = tree == null ? null : bindPlain(tree);
        return raw != null ? raw.toProfile(origin, base) : bindWithMapper(json, origin).toProfile(origin, base);
    }

    /** Binds {@code json} with the mapper: the definition of the binding, and the source of every error message. */
    static CardProfile parseWithMapper(String json, String origin) throws ProfileException {
        return bindWithMapper(json, origin).toProfile(origin, null);
    }

    static JsonProfile bindWithMapper(String json, String origin) throws ProfileException {
        JsonProfile raw;
        try {
            raw = Mapper.JSON.readValue(json, JsonProfile.class);
        } catch (JsonProcessingException e) {
            throw new ProfileException(origin + ": " + Mapper.PROBLEMS.describe(e), e);
        }
        if (raw == null) {
            throw new ProfileException(origin + ": " + Mapper.PROBLEMS.nullDocument());
        }
        return raw;
    }

    /**
     * The binding of a plainly well-formed profile object without the mapper: known fields only, each a JSON string,
     * whole number (int), boolean or null as its component's type is. Whatever the mapper would bind differently or
     * refuse (a number for a PIN, 1.5 tries, an unknown field, …) is declined (null), and the mapper then takes the
     * text, so results and messages are the mapper's; {@code CardProfilesTest} holds the two bindings equal.
     */
    static JsonProfile bindPlain(JsonNode tree) {
        if (!(tree instanceof ObjectNode object) || !PROFILE_FIELDS.containsAll(fieldNames(object))) {
            return null;
        }
        JsonNode issuer = object.get("issuer");
        if (issuer != null && !issuer.isNull()) {
            return null; // rare: the mapper binds it, and explains it when it is wrong
        }
        JsonNode holder = object.get("holder");
        JsonHolder h = null;
        if (holder != null && !holder.isNull()) {
            if (!(holder instanceof ObjectNode holderObject) || !HOLDER_FIELDS.containsAll(fieldNames(holderObject))
                    || !allText(holderObject, HOLDER_FIELDS)) {
                return null;
            }
            h = new JsonHolder(text(holderObject, "name"), text(holderObject, "kana"), text(holderObject, "birthDate"),
                    text(holderObject, "sex"), text(holderObject, "address"));
        }
        if (!allText(object, Set.of("name", "description", "issued", "certificateExpiry", "authPin", "signPassword",
                "token", "subjectId", "atr"))
                || !plain(object.get("t0"), JsonNode::isBoolean)
                || !plain(object.get("authTriesLeft"), JsonNode::isInt) || !plain(object.get("signTriesLeft"), JsonNode::isInt)
                || !plain(object.get("faceOnly"), JsonNode::isBoolean) || !plain(object.get("revoked"), JsonNode::isBoolean)
                || !plain(object.get("mismatchedKey"), JsonNode::isBoolean)) {
            return null;
        }
        return new JsonProfile(text(object, "name"), text(object, "description"), h, text(object, "issued"),
                text(object, "certificateExpiry"), text(object, "authPin"), integer(object, "authTriesLeft"),
                text(object, "signPassword"), integer(object, "signTriesLeft"), text(object, "token"),
                bool(object, "faceOnly"), bool(object, "revoked"), bool(object, "mismatchedKey"), text(object, "subjectId"),
                null, text(object, "atr"), bool(object, "t0"));
    }

    private static Set<String> fieldNames(ObjectNode object) {
        Set<String> names = new HashSet<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }

    /** Absent, null, or of the kind {@code ok} accepts. */
    private static boolean plain(JsonNode value, Predicate<JsonNode> ok) {
        return value == null || value.isNull() || ok.test(value);
    }

    private static boolean allText(ObjectNode object, Set<String> fields) {
        for (String field : fields) {
            if (!plain(object.get(field), JsonNode::isTextual)) {
                return false;
            }
        }
        return true;
    }

    private static String text(ObjectNode object, String field) {
        JsonNode value = object.get(field);
        return value == null || value.isNull() ? null : value.textValue();
    }

    private static Integer integer(ObjectNode object, String field) {
        JsonNode value = object.get(field);
        return value == null || value.isNull() ? null : value.intValue();
    }

    private static Boolean bool(ObjectNode object, String field) {
        JsonNode value = object.get(field);
        return value == null || value.isNull() ? null : value.booleanValue();
    }

    private static String names() {
        return String.join(", ", BuiltIns.PROFILES.keySet());
    }

    /** The JSON shape, lenient about absence (defaults) so the checks below can name the field. */
    record JsonProfile(String name, String description, JsonHolder holder, String issued, String certificateExpiry,
                       String authPin, Integer authTriesLeft, String signPassword, Integer signTriesLeft, String token,
                       Boolean faceOnly, Boolean revoked, Boolean mismatchedKey, String subjectId, JsonIssuer issuer,
                       String atr, Boolean t0) {

        /**
         * @param origin where the profile came from, the start of every message; the profile's own name is not added
         *               (it is the file's content, and may not be a valid name at all)
         */
        CardProfile toProfile(String origin, Path base) throws ProfileException {
            String where = origin + ": ";
            CardProfile.Issuer ca = issuer == null ? null : issuer.resolve(where, base);
            CardProfile.Token tokenKind = CardProfile.Token.CARD;
            if (token != null) {
                tokenKind = CardProfile.Token.fromJsonName(token).orElseThrow(() -> new ProfileException(where
                        + "token: トークンの種類に使えない値です。card, android, iphone のいずれかの文字列を指定してください。"));
            }
            try {
                CardProfile.Holder h = holder == null ? null : new CardProfile.Holder(holder.name(), holder.kana(),
                        date(where, "holder.birthDate", holder.birthDate()), holder.sex(), holder.address());
                return new CardProfile(name, description, h, date(where, "issued", issued),
                        date(where, "certificateExpiry", certificateExpiry), authPin,
                        authTriesLeft == null ? 3 : authTriesLeft, signPassword,
                        signTriesLeft == null ? 5 : signTriesLeft, tokenKind,
                        Boolean.TRUE.equals(faceOnly), Boolean.TRUE.equals(revoked), Boolean.TRUE.equals(mismatchedKey),
                        subjectId, ca, atr, Boolean.TRUE.equals(t0));
            } catch (IllegalArgumentException e) {
                throw new ProfileException(where + e.getMessage(), e); // CardProfile's own, Japanese and value-free
            } catch (java.time.DateTimeException e) {
                throw new ProfileException(where + "証明書の有効期限を計算できません。issued と holder.birthDate を"
                        + CardProfile.EARLIEST_DATE + " から " + CardProfile.LATEST_DATE + " までの日付にしてください。", e);
            }
        }

        private static LocalDate date(String where, String field, String value) throws ProfileException {
            if (value == null) {
                return null;
            }
            LocalDate d;
            try {
                d = LocalDate.parse(value);
            } catch (DateTimeParseException e) {
                // the value is not repeated: it may be a birth date
                throw new ProfileException(where + field + ": 日付として読めません。実在する日付を YYYY-MM-DD の文字列"
                        + "（例 2025-10-27）で指定してください。", e);
            }
            if (d.isBefore(CardProfile.EARLIEST_DATE) || d.isAfter(CardProfile.LATEST_DATE)) {
                throw new ProfileException(where + field + ": 範囲外の日付です。" + CardProfile.EARLIEST_DATE + " から "
                        + CardProfile.LATEST_DATE + " までの日付を指定してください。");
            }
            return d;
        }
    }

    record JsonHolder(String name, String kana, String birthDate, String sex, String address) {}

    /** {@code "issuer": {"certificate": "ca.pem", "key": "ca-key.pem"}}, paths relative to the profile file. */
    record JsonIssuer(String certificate, String key) {
        CardProfile.Issuer resolve(String where, Path base) throws ProfileException {
            Path certificateFile = path(where, "issuer.certificate", certificate, base);
            Path keyFile = path(where, "issuer.key", key, base);
            try {
                CaFiles.load(certificateFile, keyFile); // read now, so a bad file is named when the profile is read
            } catch (CaFiles.CaFileException e) {
                throw new ProfileException(where + "issuer." + e.field() + ": " + e.getMessage(), e);
            }
            return new CardProfile.Issuer(certificateFile, keyFile);
        }

        private static Path path(String where, String field, String value, Path base) throws ProfileException {
            if (value == null || value.isBlank()) {
                throw new ProfileException(where + field + ": " + (value == null ? "必須の項目がありません" : "空です") + "。"
                        + Mapper.PROBLEMS_HINT_PATH);
            }
            Path p;
            try {
                p = Path.of(value);
            } catch (java.nio.file.InvalidPathException e) {
                throw new ProfileException(where + field + ": パスとして使えない文字があります。" + Mapper.PROBLEMS_HINT_PATH, e);
            }
            return p.isAbsolute() || base == null ? p : base.resolve(p);
        }
    }

    /**
     * The built-in profiles by name, each bound and validated when first asked for: a check uses one of twelve, and
     * binding all of them cost a cold one-shot {@code check} 67–101 ms (issue 23). The resource is read and the names
     * indexed on first use (a broken resource or a duplicate name is a build defect and fails loudly then); a broken
     * profile fails when it is first used ({@code CardProfilesTest} lists them all).
     */
    private static final class BuiltIns {
        static final Map<String, CardProfile> PROFILES = load();

        private static Map<String, CardProfile> load() {
            try (InputStream in = CardProfiles.class.getResourceAsStream(RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException("built-in card profiles resource " + RESOURCE + " is missing");
                }
                JsonNode entries = JsonText.read(in);
                if (!entries.isArray()) {
                    throw new IllegalStateException("built-in card profiles resource " + RESOURCE + " is not a JSON array");
                }
                Map<String, Integer> index = new LinkedHashMap<>();
                List<String> problems = new ArrayList<>();
                for (int i = 0; i < entries.size(); i++) {
                    JsonNode name = entries.get(i).get("name");
                    if (name == null || !name.isTextual()) {
                        problems.add("built-in profile #" + i + " has no name");
                    } else if (index.putIfAbsent(name.asText(), i) != null) {
                        problems.add("duplicate built-in profile name " + name.asText());
                    }
                }
                if (!problems.isEmpty()) {
                    throw new IllegalStateException(String.join("; ", problems));
                }
                return new LazyProfiles(entries, index);
            } catch (IOException e) {
                throw new IllegalStateException("built-in card profiles cannot be read", e);
            }
        }

        private static CardProfile bind(JsonNode entry, int i) {
            try {
                JsonProfile plain = bindPlain(entry);
                String origin = "組み込みプロファイル #" + i;
                return plain != null ? plain.toProfile(origin, null) : parseWithMapper(JsonText.compact(entry), origin);
            } catch (ProfileException e) {
                throw new IllegalStateException(e.getMessage(), e);
            }
        }
    }

    /** A read-only map of the built-ins in file order whose values are bound on first {@code get} (or iteration). */
    private static final class LazyProfiles extends java.util.AbstractMap<String, CardProfile> {
        private final JsonNode entries;
        private final Map<String, Integer> index;
        private final CardProfile[] bound;

        LazyProfiles(JsonNode entries, Map<String, Integer> index) {
            this.entries = entries;
            this.index = Collections.unmodifiableMap(index);
            this.bound = new CardProfile[entries.size()];
        }

        @Override
        public synchronized CardProfile get(Object name) {
            Integer i = index.get(name);
            if (i == null) {
                return null;
            }
            if (bound[i] == null) {
                CardProfile p = BuiltIns.bind(entries.get(i), i);
                if (!p.name().equals(name)) {
                    throw new IllegalStateException("built-in profile #" + i + " is named " + p.name() + ", not " + name);
                }
                bound[i] = p;
            }
            return bound[i];
        }

        @Override
        public boolean containsKey(Object name) {
            return index.containsKey(name);
        }

        @Override
        public Set<String> keySet() {
            return index.keySet();
        }

        @Override
        public int size() {
            return index.size();
        }

        @Override
        public Set<Map.Entry<String, CardProfile>> entrySet() {
            Map<String, CardProfile> all = new LinkedHashMap<>();
            for (String name : index.keySet()) {
                all.put(name, get(name));
            }
            return Collections.unmodifiableMap(all).entrySet();
        }
    }
}
