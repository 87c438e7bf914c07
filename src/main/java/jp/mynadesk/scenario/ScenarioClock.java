package jp.mynadesk.scenario;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import jp.mynadesk.format.Dates;

/**
 * The scenario's clock: it stands still and moves only when the scenario says {@code advance}, so every date
 * rule, consent expiry, maintenance window and the client's circuit breaker see exactly the time QA wrote.
 */
final class ScenarioClock extends Clock {
    private static final ZoneId JST = Dates.JST; // +09:00 fixed (docs/RULES.md §8)
    private volatile Instant now;

    ScenarioClock(Instant start) {
        this.now = start;
    }

    void advance(Duration by) {
        now = now.plus(by);
    }

    @Override
    public ZoneId getZone() {
        return JST;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        // The desk asks for JST views of the same instant; one moving instant serves every zone.
        ScenarioClock self = this;
        return new Clock() {
            @Override
            public ZoneId getZone() {
                return zone;
            }

            @Override
            public Clock withZone(ZoneId z) {
                return self.withZone(z);
            }

            @Override
            public Instant instant() {
                return self.instant();
            }
        };
    }

    @Override
    public Instant instant() {
        return now;
    }
}
