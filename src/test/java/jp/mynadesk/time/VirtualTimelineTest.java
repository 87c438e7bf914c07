package jp.mynadesk.time;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A scenario's elapsed time: only waits move it, each by exactly its length, and a wait costs no real time. */
class VirtualTimelineTest {
    private final VirtualTimeline time = new VirtualTimeline();
    private final CountDownLatch closing = new CountDownLatch(1);
    private final ExecutorService server = Executors.newSingleThreadExecutor();

    @AfterEach
    void stop() {
        closing.countDown();
        server.shutdownNow();
    }

    @Test
    void sleepingMovesTheTimeByItsLengthOnly() throws Exception {
        assertEquals(0, time.nanoTime());
        time.sleep(Duration.ofMillis(1500));
        time.pause(20);
        assertEquals(Duration.ofMillis(1520).toNanos(), time.nanoTime());
        assertTrue(time.virtual());
    }

    @Test
    void anAnswerGivenAtOnceTakesNoTime() throws Exception {
        String id = time.newExchange();
        assertEquals("ok", time.awaitAnswer(id, CompletableFuture.completedFuture("ok"), Duration.ofSeconds(1)));
        assertEquals(0, time.nanoTime());
    }

    @Test
    void aHoldShorterThanTheTimeOutIsWaitedOutThenAnswered() throws Exception {
        String id = time.newExchange();
        CompletableFuture<String> answer = new CompletableFuture<>();
        server.submit(() -> {
            boolean served = time.hold(id, Duration.ofMillis(400), closing);
            answer.complete(served ? "late" : "closed");
            return null;
        });
        assertEquals("late", time.awaitAnswer(id, answer, Duration.ofSeconds(1)));
        assertEquals(Duration.ofMillis(400).toNanos(), time.nanoTime());
    }

    @Test
    void aHoldLongerThanTheTimeOutEndsTheWaitAtTheTimeOut() throws Exception {
        String id = time.newExchange();
        CompletableFuture<String> answer = new CompletableFuture<>();
        Future<Boolean> held = server.submit(() -> time.hold(id, Duration.ofMillis(1500), closing));
        assertThrows(TimeoutException.class, () -> time.awaitAnswer(id, answer, Duration.ofSeconds(1)));
        assertEquals(Duration.ofSeconds(1).toNanos(), time.nanoTime());
        assertFalse(held.isDone(), "the server still holds the abandoned exchange");
        // the next wait goes past the end of the old hold: it ends, and the time stands where the wait took it
        time.sleep(Duration.ofMillis(600));
        assertTrue(held.get(5, TimeUnit.SECONDS), "the hold ended on the timeline");
        assertEquals(Duration.ofMillis(1600).toNanos(), time.nanoTime());
    }

    @Test
    void anotherExchangesHoldDoesNotMoveTheTime() throws Exception {
        String old = time.newExchange();
        server.submit(() -> time.hold(old, Duration.ofMillis(300), closing));
        while (time.held() == 0) {
            Thread.onSpinWait();
        }
        String id = time.newExchange();
        CompletableFuture<String> answer = new CompletableFuture<>();
        CompletableFuture.runAsync(() -> answer.complete("now"));
        assertEquals("now", time.awaitAnswer(id, answer, Duration.ofSeconds(1)));
        assertEquals(0, time.nanoTime(), "an answer given at once took no time, whatever else is held");
    }

    @Test
    void closingTheServerEndsAHold() throws Exception {
        Future<Boolean> held = server.submit(() -> time.hold(time.newExchange(), Duration.ofMinutes(1), closing));
        while (time.held() == 0) {
            Thread.onSpinWait();
        }
        closing.countDown();
        assertFalse(held.get(5, TimeUnit.SECONDS));
        assertEquals(0, time.nanoTime());
    }
}
