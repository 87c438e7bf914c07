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
import java.util.Set;

/**
 * Faults the mock service injects into its HTTP answers, read from a JSON file or the admin endpoint (format in
 * docs/OQS-MOCK.md). Rules are checked in order for every request to a matching endpoint: every applicable
 * {@code latency} rule adds its delay, and the first applicable other rule decides the answer.
 *
 * @param seed  seeds random latency and the failure rate, so a run is repeatable
 * @param rules the rules
 */
public record FaultPlan(Long seed, List<Rule> rules) {
    public static final Set<String> KINDS = Set.of("latency", "hang", "status", "outage", "reset", "empty", "malformed", "segment9");
    public static final Set<String> ENDPOINTS = Set.of("health", "challenge", "card", "qualification", "batch",
            "batch-result", "consent", "crl");

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

        public Rule {
            if (kind == null || !KINDS.contains(kind)) {
                throw new IllegalArgumentException("fault kind must be one of " + KINDS + ", got " + kind);
            }
            if (endpoints != null) {
                for (String e : endpoints) {
                    if (!ENDPOINTS.contains(e)) {
                        throw new IllegalArgumentException("unknown endpoint '" + e + "' in fault rule; use " + ENDPOINTS);
                    }
                }
                endpoints = List.copyOf(endpoints);
            }
            if (rate != null && (rate < 0 || rate > 1)) {
                throw new IllegalArgumentException("rate must be between 0 and 1, got " + rate);
            }
            if (times != null && times < 0) {
                throw new IllegalArgumentException("times must not be negative, got " + times);
            }
            if (kind.equals("status") && (status == null || status < 400 || status > 599)) {
                throw new IllegalArgumentException("a status fault needs \"status\" between 400 and 599");
            }
            for (Long ms : new Long[] {fixedMs, randomMs, hangMs, retryAfterSeconds}) {
                if (ms != null && ms < 0) {
                    throw new IllegalArgumentException("durations must not be negative");
                }
            }
            instant("from", from);
            instant("until", until);
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
                    throw new IllegalArgumentException(field + " must be an ISO-8601 instant like 2026-04-15T10:00:00+09:00, got " + text);
                }
            }
        }
    }

    public FaultPlan {
        if (rules != null && rules.stream().anyMatch(java.util.Objects::isNull)) {
            throw new IllegalArgumentException("\"rules\" must hold fault rules (objects), not null");
        }
        rules = rules == null ? List.of() : List.copyOf(rules);
    }

    public static FaultPlan none() {
        return new FaultPlan(null, List.of());
    }

    public static FaultPlan of(Rule... rules) {
        return new FaultPlan(1L, List.of(rules));
    }

    /** @throws IllegalArgumentException when the JSON is not a valid plan; the message says what */
    public static FaultPlan parse(byte[] json) {
        try {
            FaultPlan plan = JSON.readValue(json, FaultPlan.class);
            if (plan == null) {
                throw new IllegalArgumentException("a fault plan must be a JSON object like {\"rules\": []}, not null");
            }
            return plan;
        } catch (JsonMappingException e) {
            Throwable cause = e.getCause();
            if (cause instanceof IllegalArgumentException iae) {
                throw new IllegalArgumentException(iae.getMessage(), e);
            }
            throw new IllegalArgumentException("not a valid fault plan: " + e.getOriginalMessage(), e);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not valid JSON: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    public static FaultPlan load(Path file) throws IOException {
        try {
            return parse(Files.readAllBytes(file));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(file + ": " + e.getMessage(), e);
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
