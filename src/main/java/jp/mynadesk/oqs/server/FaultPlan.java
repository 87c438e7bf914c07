package jp.mynadesk.oqs.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import jp.mynadesk.format.JsonProblem;

/**
 * Faults the mock service injects into its HTTP answers, read from a JSON file or the admin endpoint (format in
 * docs/OQS-MOCK.md). Rules are checked in order for every request to a matching endpoint: every applicable
 * {@code latency} rule adds its delay, and the first applicable other rule decides the answer.
 *
 * @param seed  seeds random latency and the failure rate, so a run is repeatable
 * @param rules the rules
 */
public record FaultPlan(Long seed, List<Rule> rules) {
    /** In the order of docs/OQS-MOCK.md, for messages. */
    private static final List<String> KIND_LIST = List.of("latency", "hang", "status", "outage", "reset", "empty",
            "malformed", "segment9");
    private static final List<String> ENDPOINT_LIST = List.of("health", "challenge", "card", "qualification", "batch",
            "batch-result", "consent", "crl");
    public static final Set<String> KINDS = Set.copyOf(KIND_LIST);
    public static final Set<String> ENDPOINTS = Set.copyOf(ENDPOINT_LIST);

    private static final String ISO_INSTANT = "ISO-8601 の日時の文字列（例 2026-04-15T10:00:00+09:00）";
    private static final String PLAN_SHAPE = "{\"rules\": [...]} の形の JSON オブジェクト";
    /** What each field allows, for type errors (docs/OQS-MOCK.md, "Fault file"). */
    private static final JsonProblem PROBLEMS = new JsonProblem(Map.ofEntries(
            Map.entry("", PLAN_SHAPE),
            Map.entry("seed", "整数"),
            Map.entry("rules", "障害ルールのリスト（[{\"kind\": \"reset\"}, …]）"),
            Map.entry("rules[]", "障害ルールのオブジェクト（{\"kind\": \"reset\"} など）"),
            Map.entry("kind", "文字列（" + String.join(", ", KIND_LIST) + "）"),
            Map.entry("endpoints", "エンドポイント名のリスト（例 [\"qualification\"]）"),
            Map.entry("endpoints[]", "エンドポイント名の文字列（" + String.join(", ", ENDPOINT_LIST) + "）"),
            Map.entry("rate", "0 以上 1 以下の数値"),
            Map.entry("times", "0 以上の整数（回数）"),
            Map.entry("from", ISO_INSTANT),
            Map.entry("until", ISO_INSTANT),
            Map.entry("fixedMs", "0 以上の整数（ミリ秒）"),
            Map.entry("randomMs", "0 以上の整数（ミリ秒）"),
            Map.entry("hangMs", "0 以上の整数（ミリ秒）"),
            Map.entry("status", "400 以上 599 以下の整数（HTTP ステータス）"),
            Map.entry("retryAfterSeconds", "0 以上の整数（秒）"),
            Map.entry("errorCode", "文字列"),
            Map.entry("errorMessage", "文字列")), 1, false);

    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    /**
     * One fault.
     *
     * @param kind              latency | hang | status | outage | reset | empty | malformed | segment9
     * @param endpoints         endpoint names it applies to (absent = all but admin)
     * @param rate              probability 0–1 that it fires on a matching request (absent = always)
     * @param times             fire this many times, then recover (absent = unlimited)
     * @param from              ISO-8601 instant (with offset) the rule starts, by the service's clock
     * @param until             ISO-8601 instant it stops (exclusive)
     * @param fixedMs           latency: fixed delay
     * @param randomMs          latency: extra uniformly random delay 0..randomMs
     * @param hangMs            hang: how long to hold the request before dropping it (default 60 s)
     * @param status            status: the HTTP status (500, 503 …)
     * @param retryAfterSeconds status/outage: the Retry-After header
     * @param errorCode         segment9: the ErrorCode (default ES9001)
     * @param errorMessage      segment9: the ErrorMessage
     */
    public record Rule(String kind, List<String> endpoints, Double rate, Integer times, String from, String until,
                       Long fixedMs, Long randomMs, Long hangMs, Integer status, Long retryAfterSeconds, String errorCode,
                       String errorMessage) {

        /**
         * Messages start with the field ({@code kind: …}); {@link #parse} puts the rule's place in front
         * ({@code rules[2].kind: …}). Values from the file are shown only when they are words of the format or short
         * numbers (see {@link JsonProblem}).
         */
        public Rule {
            if (kind == null) {
                throw new IllegalArgumentException("kind: 障害の種類がありません。" + String.join(", ", KIND_LIST)
                        + " のいずれかを指定してください。");
            }
            if (!KINDS.contains(kind)) {
                String shown = JsonProblem.word(kind, "[a-z-]+");
                throw new IllegalArgumentException("kind: " + (shown == null ? "不明な値です" : "障害の種類 " + shown
                        + " はありません") + "。" + String.join(", ", KIND_LIST) + " のいずれかを指定してください。");
            }
            if (endpoints != null) {
                for (int i = 0; i < endpoints.size(); i++) {
                    String e = endpoints.get(i);
                    if (e == null || !ENDPOINTS.contains(e)) {
                        String shown = JsonProblem.word(e, "[a-z-]+");
                        throw new IllegalArgumentException("endpoints[" + i + "]: " + (shown == null ? "不明な値です"
                                : "エンドポイント " + shown + " はありません") + "。" + String.join(", ", ENDPOINT_LIST)
                                + " のいずれかを指定してください。");
                    }
                }
                endpoints = List.copyOf(endpoints);
            }
            if (rate != null && (rate < 0 || rate > 1)) {
                throw new IllegalArgumentException("rate: " + JsonProblem.subject(rate)
                        + "範囲外です。0 以上 1 以下の数値（発生する確率）を指定してください。");
            }
            if (times != null && times < 0) {
                throw new IllegalArgumentException("times: " + JsonProblem.subject(times)
                        + "使えません。0 以上の整数（回数）を指定してください。");
            }
            if (kind.equals("status") && status == null) {
                throw new IllegalArgumentException("status: status の障害には HTTP ステータスが必要です。"
                        + "400 以上 599 以下の整数を指定してください。");
            }
            if (kind.equals("status") && (status < 400 || status > 599)) {
                throw new IllegalArgumentException("status: " + JsonProblem.subject(status)
                        + "範囲外です。400 以上 599 以下の整数（HTTP ステータス）を指定してください。");
            }
            notNegative("fixedMs", fixedMs, "ミリ秒");
            notNegative("randomMs", randomMs, "ミリ秒");
            notNegative("hangMs", hangMs, "ミリ秒");
            notNegative("retryAfterSeconds", retryAfterSeconds, "秒");
            instant("from", from);
            instant("until", until);
        }

        private static void notNegative(String field, Long value, String unit) {
            if (value != null && value < 0) {
                throw new IllegalArgumentException(field + ": " + JsonProblem.subject(value)
                        + "使えません。0 以上の整数（" + unit + "）を指定してください。");
            }
        }

        public static Rule of(String kind) {
            return new Rule(kind, null, null, null, null, null, null, null, null, null, null, null, null);
        }

        public Rule onlyFor(String... names) {
            return new Rule(kind, List.of(names), rate, times, from, until, fixedMs, randomMs, hangMs, status,
                    retryAfterSeconds, errorCode, errorMessage);
        }

        public Rule times(int n) {
            return new Rule(kind, endpoints, rate, n, from, until, fixedMs, randomMs, hangMs, status, retryAfterSeconds,
                    errorCode, errorMessage);
        }

        public Rule rate(double r) {
            return new Rule(kind, endpoints, r, times, from, until, fixedMs, randomMs, hangMs, status, retryAfterSeconds,
                    errorCode, errorMessage);
        }

        public Rule window(Instant start, Instant end) {
            return new Rule(kind, endpoints, rate, times, start.toString(), end.toString(), fixedMs, randomMs, hangMs,
                    status, retryAfterSeconds, errorCode, errorMessage);
        }

        public static Rule latency(long fixed, long random) {
            return new Rule("latency", null, null, null, null, null, fixed, random, null, null, null, null, null);
        }

        public static Rule hang(long ms) {
            return new Rule("hang", null, null, null, null, null, null, null, ms, null, null, null, null);
        }

        public static Rule status(int status, Long retryAfterSeconds) {
            return new Rule("status", null, null, null, null, null, null, null, null, status, retryAfterSeconds, null, null);
        }

        public static Rule segment9(String code, String message) {
            return new Rule("segment9", null, null, null, null, null, null, null, null, null, null, code, message);
        }

        boolean appliesTo(String endpoint, Instant now) {
            if (endpoints != null && !endpoints.contains(endpoint)) {
                return false;
            }
            Instant start = instant("from", from);
            Instant end = instant("until", until);
            return (start == null || !now.isBefore(start)) && (end == null || now.isBefore(end));
        }

        private static Instant instant(String field, String text) {
            if (text == null) {
                return null;
            }
            try {
                return OffsetDateTime.parse(text).toInstant();
            } catch (DateTimeParseException e) {
                try {
                    return Instant.parse(text);
                } catch (DateTimeParseException e2) {
                    throw new IllegalArgumentException(field + ": 日時として読めません。" + ISO_INSTANT + "を指定してください。");
                }
            }
        }
    }

    public FaultPlan {
        for (int i = 0; rules != null && i < rules.size(); i++) {
            if (rules.get(i) == null) {
                throw new IllegalArgumentException("rules[" + i + "]: null は使えません。"
                        + "障害ルールのオブジェクト（{\"kind\": \"reset\"} など）を指定してください。");
            }
        }
        rules = rules == null ? List.of() : List.copyOf(rules);
    }

    public static FaultPlan none() {
        return new FaultPlan(null, List.of());
    }

    public static FaultPlan of(Rule... rules) {
        return new FaultPlan(1L, List.of(rules));
    }

    /**
     * @throws IllegalArgumentException when the JSON is not a valid plan; the message (Japanese) names the field, such
     *                                  as {@code rules[2].rate}, and says what is allowed, without repeating the input
     */
    public static FaultPlan parse(byte[] json) {
        try {
            FaultPlan plan = JSON.readValue(json, FaultPlan.class);
            if (plan == null) {
                throw new IllegalArgumentException("障害計画が null です。" + PLAN_SHAPE + "にしてください。");
            }
            return plan;
        } catch (JsonMappingException e) {
            if (e.getCause() instanceof IllegalArgumentException iae) {
                String rule = JsonProblem.path(e.getPath());
                throw new IllegalArgumentException(rule.isEmpty() ? iae.getMessage() : rule + "." + iae.getMessage(), e);
            }
            throw new IllegalArgumentException(PROBLEMS.describe(e), e);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(PROBLEMS.describe(e), e);
        } catch (IOException e) {
            throw new IllegalArgumentException("障害計画を読めません。", e);
        }
    }

    /** @throws IllegalArgumentException naming the file, then as {@link #parse} */
    public static FaultPlan load(Path file) throws IOException {
        try {
            return parse(Files.readAllBytes(file));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("障害ファイル " + file + " を読み込めません: " + e.getMessage(), e);
        }
    }

    public byte[] toJson() {
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(this);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
