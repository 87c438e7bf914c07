package jp.mynadesk.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import jp.mynadesk.desk.StaffText;
import jp.mynadesk.desk.CheckMode;
import jp.mynadesk.desk.CheckStep;
import jp.mynadesk.desk.DeskEvent;
import jp.mynadesk.desk.Patient;
import jp.mynadesk.desk.SearchNumbers;
import jp.mynadesk.desk.SharingCategory;
import jp.mynadesk.format.Dates;
import jp.mynadesk.documents.DocumentInputException;
import jp.mynadesk.documents.DocumentJson;
import jp.mynadesk.documents.DocumentScanner;
import jp.mynadesk.format.JsonText;
import jp.mynadesk.documents.PresentedDocument;
import jp.mynadesk.oqs.server.FaultPlan;
import jp.mynadesk.oqs.server.InsuredRegistry;
import jp.mynadesk.virtualcard.CardProfile;
import jp.mynadesk.virtualcard.CardProfiles;
import jp.mynadesk.virtualcard.ProfileException;

/**
 * Reads a scenario file (docs/SCENARIOS.md) into a {@link Scenario}. Everything is checked before anything runs:
 * unknown keys, wrong types, unknown profiles, fault rules and documents are refused with the line and key, so a
 * typo never turns into a scenario that quietly tests something else.
 */
public final class ScenarioFile {
    private static final ZoneId JST = Dates.JST; // +09:00 fixed (docs/RULES.md §8)
    private static final Set<String> TOP = Set.of("name", "description", "asOf", "card", "reader", "service", "steps");
    private static final Set<String> SERVICE = Set.of("registry", "faults", "seed");
    private static final Set<String> CHECK = Set.of("mode", "pin", "staff", "consent", "subsidy", "document", "limitConsent",
            "removeCardAt", "declaration");
    private static final Set<String> DECLARATION = Set.of("name", "sex", "birthDate", "address", "contact",
            "statedInsurance", "insurerNumber", "symbol", "number", "branch");
    /** Bundled fault samples, usable by name: {@code faults: maintenance-window}. */
    private static final String FAULT_SAMPLES = "/jp/mynadesk/oqs/faults/";

    private final Path file;
    private final YamlTree tree;

    private ScenarioFile(Path file, YamlTree tree) {
        this.file = file;
        this.tree = tree;
    }

    /**
     * @param today the day a file without {@code asOf} runs on (09:00 JST)
     * @throws ScenarioException what is wrong, with line and key
     */
    public static Scenario load(Path file, LocalDate today) {
        return new ScenarioFile(file, YamlTree.parse(read(file))).scenario(today);
    }

    /** A scenario is a page of YAML (the bundled ones are under 2 KB); a larger file is not one and is not read. */
    public static final int MAX_BYTES = 256 * 1024;
    /** The longest key or value: far above any name, description or inline document field (docs/SCENARIOS.md). */
    public static final int MAX_SCALAR = 16 * 1024;

    /**
     * Refuses a file that is not to be read at all, before anything runs: not a regular file (a named pipe would block
     * the read for ever), larger than {@link #MAX_BYTES}, or holding a value longer than {@link #MAX_SCALAR} (reading a
     * long value costs YAML's scanner seconds per megabyte). Any other problem is left to {@link #load}, which reports
     * it as the scenario's failure.
     *
     * @throws ScenarioException with {@link ScenarioException#beyondLimits()}
     */
    public static void checkLimits(Path file) {
        String text = read(file);
        try {
            YamlTree.parse(text);
        } catch (ScenarioException e) {
            if (e.beyondLimits()) {
                throw e;
            }
        }
    }

    private static String read(Path file) {
        if (!Files.isRegularFile(file)) {
            throw ScenarioException.beyondLimits(0, null, Files.exists(file)
                    ? "通常のファイルではありません（フォルダ・名前付きパイプ・デバイスからは読みません）" : "ファイルがありません");
        }
        byte[] bytes;
        try (InputStream in = Files.newInputStream(file)) {
            bytes = in.readNBytes(MAX_BYTES + 1);
        } catch (IOException e) {
            throw new ScenarioException(0, null, "ファイルを読めません（読み取りの権限を確かめてください）");
        }
        if (bytes.length > MAX_BYTES) {
            throw ScenarioException.beyondLimits(0, null, "ファイルが大きすぎます。シナリオファイルは " + MAX_BYTES / 1024 + " KiB までです");
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new ScenarioException(0, null, "ファイルを読めません（UTF-8 のテキストにしてください）");
        }
    }

    private Scenario scenario(LocalDate today) {
        JsonNode root = tree.root();
        if (!root.isObject()) {
            throw fail(root, null, "シナリオは name, steps などのキーを持つマップにしてください");
        }
        only(root, "", TOP);
        String name = text(root, "name", true);
        Instant asOf = root.has("asOf") ? instant(root.get("asOf"), "asOf") : today.atTime(9, 0).atZone(JST).toInstant();
        CardProfile card = root.hasNonNull("card") ? profile(root.get("card"), "card") : null;
        String reader = root.hasNonNull("reader") ? text(root, "reader", true) : null;
        InsuredRegistry registry = null;
        FaultPlan faults = FaultPlan.none();
        JsonNode service = root.get("service");
        if (service != null && !service.isNull()) {
            if (!service.isObject()) {
                throw fail(service, "service", "registry と faults を持つマップにしてください");
            }
            only(service, "service.", SERVICE);
            if (service.hasNonNull("registry")) {
                registry = registry(service.get("registry"));
            }
            faults = faults(service, "service");
        }
        JsonNode steps = root.get("steps");
        if (steps == null || !steps.isArray() || steps.isEmpty()) {
            throw fail(steps == null ? root : steps, "steps", "steps に手順を1つ以上、リスト（- で始まる行）で書いてください");
        }
        List<ScenarioStep> list = new ArrayList<>();
        for (int i = 0; i < steps.size(); i++) {
            list.add(step(steps.get(i), "steps[" + i + "]"));
        }
        return new Scenario(file, name, asOf, card, reader, registry, faults, list);
    }

    private ScenarioStep step(JsonNode step, String key) {
        if (!step.isObject() || step.size() != 1) {
            throw fail(step, key, "手順は check:, expect:, card:, service:, advance:, recheck: のどれか1つを書いてください");
        }
        String kind = step.fieldNames().next();
        JsonNode v = step.get(kind);
        String at = key + "." + kind;
        int line = tree.line(step);
        return switch (kind) {
            case "check" -> check(v, at, line);
            case "expect" -> {
                if (!v.isObject() || v.isEmpty()) {
                    throw fail(v, at, "期待する結果を {outcome: confirmed} のようなマップで書いてください");
                }
                yield new ScenarioStep.Expect(line, (ObjectNode) v);
            }
            case "card" -> card(v, at, line);
            case "service" -> service(v, at, line);
            case "advance" -> new ScenarioStep.Advance(line, duration(v, at));
            case "recheck" -> {
                if (!(v.isNull() || (v.isObject() && v.isEmpty()))) {
                    throw fail(v, at, "recheck には何も指定できません（recheck: {} と書きます）");
                }
                yield new ScenarioStep.Recheck(line);
            }
            default -> throw fail(step, at, "手順 \"" + kind + "\" は分かりません。check, expect, card, service, advance, recheck が使えます");
        };
    }

    private ScenarioStep check(JsonNode given, String at, int line) {
        JsonNode v = given.isNull() ? JsonNodeFactory.instance.objectNode() : given;
        if (!v.isObject()) {
            throw fail(v, at, "check は {mode: pin} のようなマップにしてください（何も指定しないときは check: {}）");
        }
        only(v, at + ".", CHECK);
        CheckMode mode = null;
        if (v.hasNonNull("mode")) {
            mode = switch (text(v, "mode", at, true)) {
                case "pin" -> CheckMode.PIN;
                case "visual" -> CheckMode.VISUAL;
                default -> throw fail(v.get("mode"), at + ".mode", "pin か visual を指定してください");
            };
        }
        JsonNode pinNode = v.get("pin");
        if (pinNode != null && !pinNode.isTextual()) {
            throw fail(pinNode, at + ".pin", "暗証番号は \"1234\" のように引用符で囲んでください（先頭の0が消えないように）");
        }
        String staff = text(v, "staff", at, false);
        if (mode == CheckMode.VISUAL && (staff == null || staff.isBlank())) {
            throw fail(v, at + ".staff", "目視（mode: visual）では確認した職員を staff に書いてください");
        }
        CheckStep removeAt = null;
        if (v.hasNonNull("removeCardAt")) {
            String s = text(v, "removeCardAt", at, true);
            removeAt = CheckStep.fromCode(s).orElseThrow(() -> fail(v.get("removeCardAt"), at + ".removeCardAt",
                    "select, certificate, retries, verify, sign, service のどれかを指定してください"));
        }
        JsonNode limit = v.get("limitConsent");
        if (limit != null && !limit.isBoolean()) {
            throw fail(limit, at + ".limitConsent", "true か false を指定してください");
        }
        JsonNode subsidy = v.get("subsidy");
        if (subsidy != null && !subsidy.isBoolean()) {
            throw fail(subsidy, at + ".subsidy", "true（医療費助成の受給者証を利用する）か false（利用しない）を指定してください");
        }
        return new ScenarioStep.Check(line, mode, pinNode == null ? null : pinNode.asText(), staff,
                consent(v.get("consent"), at + ".consent"), documents(v.get("document"), at + ".document"),
                limit != null && limit.booleanValue(), removeAt, declaration(v.get("declaration"), at + ".declaration"),
                subsidy == null ? null : subsidy.booleanValue());
    }

    private Map<SharingCategory, Boolean> consent(JsonNode v, String at) {
        if (v == null || v.isNull()) {
            return null;
        }
        Map<SharingCategory, Boolean> answers = new EnumMap<>(SharingCategory.class);
        String text = v.isTextual() ? v.asText().strip() : null;
        boolean all = "all".equals(text);
        for (SharingCategory c : SharingCategory.values()) {
            answers.put(c, all);
        }
        if (all || "none".equals(text)) {
            return answers;
        }
        List<String> yes = new ArrayList<>();
        if (v.isArray()) {
            v.forEach(e -> yes.add(e.asText()));
        } else if (text != null) {
            yes.addAll(List.of(text.split(",", -1)));
        } else {
            throw fail(v, at, "all、none、または diagnosis, drug, checkup, surgery のリストを指定してください");
        }
        for (String s : yes) {
            SharingCategory c = SharingCategory.fromCode(s.strip()).orElseThrow(() -> fail(v, at,
                    "\"" + s.strip() + "\" は分かりません。all、none、または diagnosis, drug, checkup, surgery を指定してください"));
            answers.put(c, true);
        }
        return answers;
    }

    /** Inline document objects (one or a list, or {documents: [...]}) or a file next to the scenario (JSON, PNG, JPEG). */
    private List<PresentedDocument> documents(JsonNode v, String at) {
        if (v == null || v.isNull()) {
            return List.of();
        }
        try {
            if (v.isTextual()) {
                Path doc = file.resolveSibling(v.asText());
                if (!Files.isRegularFile(doc)) {
                    throw fail(v, at, "書類ファイル " + v.asText() + " がありません（シナリオファイルからの相対パス）");
                }
                String lower = doc.getFileName().toString().toLowerCase(Locale.ROOT);
                if (lower.endsWith(".png") || lower.endsWith(".jpg") || lower.endsWith(".jpeg")) {
                    return List.of(DocumentScanner.scan(doc));
                }
                return documents(DocumentJson.parse(Files.readString(doc, StandardCharsets.UTF_8), v.asText()), at);
            }
            JsonNode list = v.isObject() && v.has("documents") ? v.get("documents") : v;
            List<PresentedDocument> out = new ArrayList<>();
            if (list.isArray()) {
                for (int i = 0; i < list.size(); i++) {
                    out.add(DocumentJson.read(list.get(i), at + "[" + i + "]"));
                }
            } else {
                out.add(DocumentJson.read(list, at));
            }
            return out;
        } catch (DocumentInputException e) {
            throw fail(v, at, e.getMessage());
        } catch (IOException e) {
            throw fail(v, at, "書類ファイルを読めません");
        }
    }

    private DeskEvent.DeclarationGiven declaration(JsonNode v, String at) {
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isObject()) {
            throw fail(v, at, "申立書の内容を {name: ..., birthDate: ...} のようなマップで書いてください");
        }
        only(v, at + ".", DECLARATION);
        LocalDate birth = v.hasNonNull("birthDate") ? date(v.get("birthDate"), at + ".birthDate") : null;
        Patient patient = new Patient(text(v, "name", at, false), text(v, "sex", at, false), birth,
                text(v, "address", at, false), text(v, "contact", at, false));
        String insurer = text(v, "insurerNumber", at, false);
        String number = text(v, "number", at, false);
        SearchNumbers numbers = insurer == null && number == null ? null
                : new SearchNumbers(insurer, text(v, "symbol", at, false), number, text(v, "branch", at, false), birth);
        return new DeskEvent.DeclarationGiven(patient, text(v, "statedInsurance", at, false), numbers);
    }

    private ScenarioStep card(JsonNode v, String at, int line) {
        if (v.isTextual()) {
            return switch (v.asText()) {
                case "remove" -> new ScenarioStep.CardRemove(line);
                case "insert" -> new ScenarioStep.CardInsert(line);
                default -> throw fail(v, at, "remove、insert、または {profile: 名前} を指定してください");
            };
        }
        if (v.isObject() && v.size() == 1 && v.has("profile")) {
            return new ScenarioStep.CardSwap(line, profile(v.get("profile"), at + ".profile"));
        }
        throw fail(v, at, "remove、insert、または {profile: 名前} を指定してください");
    }

    private ScenarioStep service(JsonNode v, String at, int line) {
        if (v.isTextual()) {
            return switch (v.asText()) {
                case "up" -> new ScenarioStep.ServiceFaults(line, FaultPlan.none());
                case "down" -> new ScenarioStep.ServiceFaults(line, FaultPlan.of(FaultPlan.Rule.of("outage")));
                default -> throw fail(v, at, "up、down、または {faults: [...]} を指定してください");
            };
        }
        if (v.isObject() && v.has("faults")) {
            only(v, at + ".", Set.of("faults", "seed"));
            return new ScenarioStep.ServiceFaults(line, faults(v, at));
        }
        throw fail(v, at, "up、down、または {faults: [...]} を指定してください（registry は最初の service: にだけ書けます）");
    }

    private FaultPlan faults(JsonNode service, String at) {
        JsonNode rules = service.get("faults");
        JsonNode seed = service.get("seed");
        if (seed != null && !seed.canConvertToLong()) {
            throw fail(seed, at + ".seed", "整数を指定してください");
        }
        if (rules == null || rules.isNull()) {
            return FaultPlan.none();
        }
        String where = at + ".faults";
        try {
            if (rules.isTextual()) {
                return sample(rules, where);
            }
            if (!rules.isArray()) {
                throw fail(rules, where, "障害ルールのリスト（サービスの障害ファイルの rules と同じ形）か、見本の名前を指定してください");
            }
            ObjectNode plan = JsonNodeFactory.instance.objectNode();
            if (seed != null) {
                plan.put("seed", seed.asLong());
            }
            plan.set("rules", rules);
            try {
                return FaultPlan.parse(JsonText.compact(plan).getBytes(java.nio.charset.StandardCharsets.UTF_8));
            } catch (IllegalArgumentException e) {
                // the plan's rules[2].rate is this list's service.faults[2].rate
                String detail = e.getMessage().startsWith("rules[") ? where + e.getMessage().substring("rules".length())
                        : e.getMessage();
                throw fail(rules, where, "障害ルールが正しくありません: " + detail);
            }
        } catch (IllegalArgumentException e) {
            throw fail(rules, where, "障害ルールが正しくありません: " + e.getMessage());
        } catch (IOException e) {
            throw fail(rules, where, "障害ファイルを読めません");
        }
    }

    /** {@code maintenance-window} (a bundled sample, docs/OQS-MOCK.md) or a fault file next to the scenario. */
    private FaultPlan sample(JsonNode v, String at) throws IOException {
        String name = v.asText();
        if (name.matches("[a-z0-9-]+")) {
            try (InputStream in = ScenarioFile.class.getResourceAsStream(FAULT_SAMPLES + name + ".json")) {
                if (in != null) {
                    return FaultPlan.parse(in.readAllBytes());
                }
            }
        }
        Path f = file.resolveSibling(name);
        if (!Files.isRegularFile(f)) {
            throw fail(v, at, "障害の見本 " + name + " はありません（見本: flaky, hang, maintenance-window, slow-network, "
                    + "system-error、またはシナリオファイルからの相対パス）");
        }
        return FaultPlan.parse(Files.readAllBytes(f));
    }

    private InsuredRegistry registry(JsonNode v) {
        String name = v.isTextual() ? v.asText() : null;
        if (name == null) {
            throw fail(v, "service.registry", "built-in かファイル名を指定してください");
        }
        if (name.equals("built-in")) {
            return null;
        }
        Path f = file.resolveSibling(name);
        if (!Files.isRegularFile(f)) {
            throw fail(v, "service.registry", "登録者ファイル " + name + " がありません（シナリオファイルからの相対パス）");
        }
        try {
            return InsuredRegistry.load(f);
        } catch (IllegalArgumentException e) {
            throw fail(v, "service.registry", e.getMessage());
        } catch (IOException | RuntimeException e) {
            throw fail(v, "service.registry", "登録者ファイル " + name + " を読めません: " + e.getMessage());
        }
    }

    private CardProfile profile(JsonNode v, String at) {
        if (!v.isTextual()) {
            throw fail(v, at, "カードのプロファイル名（mynadesk card profiles）かファイル名を指定してください");
        }
        String name = v.asText();
        try {
            if (CardProfiles.builtIn(name).isPresent()) {
                return CardProfiles.builtIn(name).get();
            }
            Path f = file.resolveSibling(name);
            if (Files.isRegularFile(f)) {
                return CardProfiles.load(f);
            }
        } catch (ProfileException e) {
            throw fail(v, at, "カードのプロファイルを読めません: " + e.getMessage());
        }
        throw fail(v, at, "カードのプロファイル \"" + name + "\" はありません（"
                + String.join(", ", CardProfiles.list().stream().map(CardProfile::name).toList()) + "、またはファイル名）");
    }

    private Instant instant(JsonNode v, String at) {
        String t = v.asText().strip();
        Instant instant;
        try {
            if (t.length() <= 10) {
                instant = LocalDate.parse(t).atTime(9, 0).atZone(JST).toInstant();
            } else if (t.endsWith("Z") || t.matches(".*[+-]\\d\\d:\\d\\d$")) {
                instant = OffsetDateTime.parse(t).toInstant();
            } else {
                instant = LocalDateTime.parse(t).atZone(JST).toInstant();
            }
        } catch (DateTimeException e) {
            throw fail(v, at, "日時は 2026-12-01、2026-12-01T09:30 または 2026-12-01T09:30:00+09:00 の形で書いてください");
        }
        if (!Dates.inRange(instant.atOffset(Dates.JST).toLocalDate())) {
            throw fail(v, at, StaffText.outOfRange(t));
        }
        return instant;
    }

    private LocalDate date(JsonNode v, String at) {
        LocalDate day;
        try {
            day = LocalDate.parse(v.asText());
        } catch (DateTimeParseException e) {
            throw fail(v, at, "日付は 1989-05-10 の形で書いてください");
        }
        if (!Dates.inRange(day)) {
            throw fail(v, at, StaffText.outOfRange(v.asText()));
        }
        return day;
    }

    private Duration duration(JsonNode v, String at) {
        try {
            Duration d = Duration.parse(v.asText());
            if (d.isNegative()) {
                throw fail(v, at, "時計は戻せません（正の長さを指定してください）");
            }
            return d;
        } catch (DateTimeParseException e) {
            throw fail(v, at, "時間の長さは PT2H（2時間）、PT30M（30分）、P1D（1日）のように ISO-8601 で書いてください");
        }
    }

    private String text(JsonNode o, String key, boolean required) {
        return text(o, key, "", required);
    }

    private String text(JsonNode o, String key, String at, boolean required) {
        String path = at.isEmpty() ? key : at + "." + key;
        JsonNode v = o.get(key);
        if (v == null || v.isNull()) {
            if (required) {
                throw fail(o, path, key + " がありません");
            }
            return null;
        }
        if (!v.isValueNode() || v.isBoolean()) {
            throw fail(v, path, "文字列を指定してください");
        }
        return v.asText();
    }

    private void only(JsonNode o, String prefix, Set<String> allowed) {
        for (Iterator<String> it = o.fieldNames(); it.hasNext(); ) {
            String k = it.next();
            if (!allowed.contains(k)) {
                throw fail(o.get(k), prefix + k, "キー \"" + k + "\" は使えません（使えるキー: "
                        + String.join(", ", allowed.stream().sorted().toList()) + "）");
            }
        }
    }

    private ScenarioException fail(JsonNode at, String key, String message) {
        return new ScenarioException(at == null ? 0 : tree.line(at), key, message);
    }
}
