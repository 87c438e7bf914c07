package jp.mynadesk.oqs.server;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;

/** Applies the current {@link FaultPlan}; replaceable at runtime through the admin endpoint. */
public final class FaultInjector {
    /** What to do with one request: wait {@code delayMs}, then answer normally ({@code fault} null) or fail. */
    public record Decision(long delayMs, FaultPlan.Rule fault) {
        static final Decision NONE = new Decision(0, null);
    }

    private final Clock clock;
    private volatile State state;

    private record State(FaultPlan plan, List<AtomicInteger> remaining, Random random) {}

    public FaultInjector(Clock clock, FaultPlan plan) {
        this.clock = clock;
        set(plan);
    }

    public void set(FaultPlan plan) {
        List<AtomicInteger> remaining = new ArrayList<>();
        for (FaultPlan.Rule r : plan.rules()) {
            remaining.add(new AtomicInteger(r.times() == null ? -1 : r.times()));
        }
        this.state = new State(plan, remaining, new Random(plan.seed() == null ? 0L : plan.seed()));
    }

    public FaultPlan plan() {
        return state.plan();
    }

    public Decision decide(String endpoint) {
        State s = state;
        if (s.plan().rules().isEmpty()) {
            return Decision.NONE;
        }
        Instant now = clock.instant();
        long delay = 0;
        List<FaultPlan.Rule> rules = s.plan().rules();
        for (int i = 0; i < rules.size(); i++) {
            FaultPlan.Rule r = rules.get(i);
            if (!r.appliesTo(endpoint, now) || !fires(s, r) || !consume(s.remaining().get(i))) {
                continue;
            }
            if (r.kind().equals("latency")) {
                long fixed = r.fixedMs() == null ? 0 : r.fixedMs();
                long random = r.randomMs() == null || r.randomMs() == 0 ? 0 : nextLong(s, r.randomMs() + 1);
                delay += fixed + random;
            } else {
                return new Decision(delay, r);
            }
        }
        return delay == 0 ? Decision.NONE : new Decision(delay, null);
    }

    private static boolean fires(State s, FaultPlan.Rule r) {
        if (r.rate() == null || r.rate() >= 1.0) {
            return true;
        }
        synchronized (s.random()) {
            return s.random().nextDouble() < r.rate();
        }
    }

    private static long nextLong(State s, long bound) {
        synchronized (s.random()) {
            return (long) (s.random().nextDouble() * bound);
        }
    }

    /** A rule with {@code times} fires that many times, then the service recovers. */
    private static boolean consume(AtomicInteger remaining) {
        while (true) {
            int n = remaining.get();
            if (n < 0) {
                return true;
            }
            if (n == 0) {
                return false;
            }
            if (remaining.compareAndSet(n, n - 1)) {
                return true;
            }
        }
    }
}
